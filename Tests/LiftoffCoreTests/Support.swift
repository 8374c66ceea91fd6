import Foundation
import Testing

@testable import LiftoffCore
@testable import LiftoffModel
@testable import LiftoffRender
@testable import LiftoffMedia

/// The repository root (for the theme and the sample site).
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

let fixturesRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

/// The build's "now" used throughout the tests: one week before the sample launch.
let testNow = Timestamp(iso8601: "2026-11-24T17:00:00Z")!

/// A site in a fresh temporary folder, with the repository's theme.
struct TestSite {
    let root: URL

    /// - Parameter files: path → text, e.g. `"content/a.md": "---\ntitle: A\n…"`.
    /// - Parameter parent: where the site's folder is made (the temporary folder by default).
    init(_ files: [String: String], siteYML: String = TestSite.siteYML, copying fixture: String? = nil, parent: URL? = nil) throws {
        root = (parent ?? FileManager.default.temporaryDirectory).appendingPathComponent("liftoff-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        if let fixture {
            for name in try FileManager.default.contentsOfDirectory(atPath: fixturesRoot.appendingPathComponent(fixture).path) {
                try FileManager.default.copyItem(
                    at: fixturesRoot.appendingPathComponent(fixture).appendingPathComponent(name),
                    to: root.appendingPathComponent(name))
            }
        } else {
            try write("site.yml", siteYML)
        }
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("theme"), to: root.appendingPathComponent("theme"))
        for (path, text) in files { try write(path, text) }
    }

    /// A folder in memory (tmpfs) where there is one: for tests that write thousands of files.
    static let memoryFolder: URL? = FileManager.default.isWritableFile(atPath: "/dev/shm") ? URL(fileURLWithPath: "/dev/shm") : nil

    static let siteYML = """
        title: Test Site
        base_url: https://example.org/
        author: Test desk
        countdown:
          target: 2026-12-01T17:00:00Z
          label: Launch
        """

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    var output: URL { root.appendingPathComponent("output") }

    /// A published page of `output/`, as text.
    func outputText(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    /// Builds in memory; returns the pages as text.
    func build(_ options: BuildOptions = BuildOptions(now: testNow)) throws(BuildFailure) -> [String: String] {
        let sink = MemorySink()
        _ = try Builder.build(root: root, into: sink, options: options)
        return sink.files.mapValues { String(decoding: $0, as: UTF8.self) }
    }

    /// The diagnostics of a build that must fail.
    func failures(_ options: BuildOptions = BuildOptions(now: testNow)) -> [String] {
        do {
            _ = try build(options)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    /// Publishes into `output/` as `liftoff build` does, and returns what the build did.
    func publishReport(now: Timestamp = testNow) throws -> BuildReport {
        switch try Publisher.publish(root: root, output: output, options: BuildOptions(now: now)) {
        case .built(let report, _, _): return report
        case .upToDate(_): Issue.record("the build did nothing"); throw CancellationError()
        }
    }

    /// Builds into `output/` on disk, as `liftoff build` does.
    func publish(_ options: BuildOptions = BuildOptions(now: testNow)) throws {
        let writer = try OutputWriter(output: output)
        do {
            _ = try Builder.build(root: root, into: writer, options: options)
            try writer.commit()
        } catch {
            writer.discard()
            throw error
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}

/// A minimal article (with a description unless told otherwise, so that it builds without warnings).
func article(
    _ title: String, date: String = "2026-11-20", extra: String = "", body: String = "Body text.",
    description: String? = "A test article."
) -> String {
    let describe = description.map { "description: \($0)\n" } ?? ""
    return "---\ntitle: \"\(title)\"\ndate: \(date)\n\(describe)\(extra)---\n\n\(body)\n"
}

/// Every value of `attribute="…"` in `html`.
func attributeValues(_ attribute: String, in html: String) -> [String] {
    var values: [String] = []
    var rest = html[...]
    while let range = rest.range(of: " \(attribute)=\"") {
        rest = rest[range.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { break }
        values.append(String(rest[..<end]))
        rest = rest[end...]
    }
    return values
}

/// The text between the first `start` and the following `end`.
func between(_ start: String, _ end: String, in text: String) -> String? {
    guard let open = text.range(of: start), let close = text[open.upperBound...].range(of: end) else { return nil }
    return String(text[open.upperBound..<close.lowerBound])
}

/// Every file below `folder` (hidden ones aside), by relative path, with its bytes.
func files(below folder: URL) throws -> [String: [UInt8]] {
    var files: [String: [UInt8]] = [:]
    for path in Theme.files(under: folder) { files[path] = [UInt8](try Data(contentsOf: folder.appendingPathComponent(path))) }
    return files
}

/// Every folder below `folder`, by relative path.
func folders(below folder: URL) throws -> Set<String> {
    var found: Set<String> = []
    let base = folder.standardizedFileURL.path + "/"
    guard let walk = FileManager.default.enumerator(atPath: folder.path) else { return found }
    while let path = walk.nextObject() as? String {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: base + path, isDirectory: &isFolder), isFolder.boolValue { found.insert(path) }
    }
    return found
}

/// Images read by path in tests (the build opens them through the site's folder).
extension Vips {
    static func opening<T>(_ path: String, _ body: (Int32) throws -> T) throws -> T {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ImageError("cannot open \(path)") }
        defer { close(descriptor) }
        return try body(descriptor)
    }

    static func header(of path: String) throws -> Header { try opening(path) { try header(of: $0) } }

    static func render(_ path: String, widths: [Int], formats: [Format], quality: Int, destination: (Int, Format) -> String) throws {
        try opening(path) { try render($0, widths: widths, formats: formats, quality: quality, destination: destination) }
    }
}

extension Vips.Logo {
    convenience init(file path: String, background: Colour) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ImageError("cannot open \(path)") }
        defer { close(descriptor) }
        try self.init(descriptor: descriptor, height: ShareCard.logoHeight, background: background)
    }
}
