import Mustache

/// swift-mustache's own HTML escaping walks every value character by character with a dictionary
/// lookup per character: about a tenth of a whole build. This one scans bytes and returns most
/// values (no `<>&"'` in them) untouched. Same replacements.
///
/// Every template is compiled with `pragma` in front, a standalone tag that selects it (its
/// line is dropped from the output; error lines are corrected by `pragmaLines`).
struct HTMLEscaping: MustacheContentType {
    static let name = "LIFTOFF_HTML"
    static let pragma: String = {
        _ = registered
        return "{{%CONTENT_TYPE:\(name)}}\n"
    }()
    static let pragmaLines = 1
    private static let registered: Void = MustacheContentTypes.register(HTMLEscaping(), named: name)

    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }

    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x3C: bytes.append(contentsOf: "&lt;".utf8)
            case 0x3E: bytes.append(contentsOf: "&gt;".utf8)
            case 0x26: bytes.append(contentsOf: "&amp;".utf8)
            case 0x22: bytes.append(contentsOf: "&quot;".utf8)
            case 0x27: bytes.append(contentsOf: "&#39;".utf8)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
