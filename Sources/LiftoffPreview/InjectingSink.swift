import Foundation
import LiftoffCore

/// Adds the reload script to every HTML page on its way to the output.
struct InjectingSink: PageSink {
    let base: any PageSink
    let tag: [UInt8]

    init(_ base: any PageSink, scriptURL: String) {
        self.base = base
        tag = Array("<script src=\"\(scriptURL)\" defer></script>\n".utf8)
    }

    func write(_ bytes: [UInt8], to path: String) throws {
        guard path.hasSuffix(".html"), let end = Self.lastBodyEnd(in: bytes) else {
            return try base.write(bytes, to: path)
        }
        try base.write(Array(bytes[..<end]) + tag + Array(bytes[end...]), to: path)
    }

    func copy(from source: URL, to path: String) throws {
        try base.copy(from: source, to: path)
    }

    /// A processed image: linked or kept as it is, never read and compared.
    func hardLink(from source: String, to path: String) throws {
        try base.hardLink(from: source, to: path)
    }

    /// The previous page already carries the script.
    func reuse(_ path: String) -> Bool {
        base.reuse(path)
    }

    func previous(_ path: String) -> [UInt8]? {
        base.previous(path)
    }

    /// The index of the last `</body>`.
    static func lastBodyEnd(in bytes: [UInt8]) -> Int? {
        let needle = Array("</body>".utf8)
        guard bytes.count >= needle.count else { return nil }
        var index = bytes.count - needle.count
        while index >= 0 {
            if bytes[index] == needle[0], Array(bytes[index..<(index + needle.count)]) == needle { return index }
            index -= 1
        }
        return nil
    }
}
