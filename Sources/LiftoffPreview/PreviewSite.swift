import Foundation
import LiftoffCore
import LiftoffModel
import Synchronization

/// A site built for preview: drafts and future posts included, the reload script added to
/// every page, written into a private folder that the server serves.
public final class PreviewSite: Sendable {
    public let root: URL
    public let output: URL
    /// The address the pages link to (canonical links, the feed): the server's.
    public var baseURL: String { address.withLock { $0 } }
    private let address: Mutex<String>
    public let events = BuildEvents()
    /// The preview's "now": when it started. Countdowns read from it (the live script keeps them
    /// current in the browser), so that a save rebuilds only the pages it touches.
    public let now: Timestamp
    /// The last good build's cache (with its parsed front matter) and the files it left in the
    /// served folder: kept in memory between rebuilds.
    private let last = Mutex<(cache: BuildCache?, files: Set<String>?)>((nil, nil))

    /// - Parameters:
    ///   - output: the folder to serve; a fresh temporary one by default.
    public init(root: URL, baseURL: String, output: URL? = nil, now: Timestamp? = nil) {
        self.root = root
        self.address = Mutex(baseURL)
        self.now = now ?? Timestamp(seconds: Int64(Date().timeIntervalSince1970))
        self.output = output ?? Self.privateFolder()
    }

    /// A new folder under the temporary folder that only this user can read (mode 0700, made by
    /// `mkdtemp`): the preview holds drafts.
    static func privateFolder() -> URL {
        var template = Array((FileManager.default.temporaryDirectory.path + "/liftoff-preview-\(getpid())-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) } != nil
        let path = made ? String(cString: template) : FileManager.default.temporaryDirectory.path + "/liftoff-preview-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        return URL(fileURLWithPath: path, isDirectory: true)
    }

    /// Links the next builds to `baseURL`: the server's address, once it is bound to a port.
    public func setBaseURL(_ baseURL: String) {
        address.withLock { $0 = baseURL }
    }

    /// The build's result, as printed in the terminal.
    public struct Result: Sendable {
        public var diagnostics: [Diagnostic]
        public var succeeded: Bool
        public var milliseconds: Int
        public var articles: Int
        /// Pages rendered, and pages carried over from the previous build.
        public var rendered = 0
        public var carriedOver = 0
        /// Whether a good build is served (false until the site first builds).
        public var serving = true
    }

    /// Builds the site, updates the served folder when the build succeeded, and tells the open pages.
    /// - Parameter changed: the source files that changed (relative to the root); when they are
    ///   all stylesheets, open pages swap their stylesheets instead of reloading.
    @discardableResult
    public func rebuild(now: Timestamp? = nil, changed: [String] = []) async -> Result {
        let start = DispatchTime.now().uptimeNanoseconds
        var options = BuildOptions(now: now ?? self.now, drafts: true, future: true, baseURL: baseURL)
        options.keepCaches(besideOutput: root.appendingPathComponent("output"))
        var result = Result(diagnostics: [], succeeded: false, milliseconds: 0, articles: 0)
        var stylesheets: [String: String] = [:]
        do {
            let (previous, files) = last.withLock { $0 }
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let writer = InPlaceWriter(output: output, existing: files)
            let report = try Builder.build(
                root: root, into: InjectingSink(writer, scriptURL: "/" + ReloadScript.path), options: options, previous: previous)
            do {
                let files = try writer.commit()
                last.withLock { $0 = (report.cache, files) }
            } catch {
                // Part of the folder may be new: list it again and render everything next time.
                last.withLock { $0 = (nil, nil) }
                throw error
            }
            result.diagnostics = report.warnings
            result.succeeded = true
            result.articles = report.articles
            result.rendered = report.renderedPages.count
            result.carriedOver = report.carriedOver
            if !changed.isEmpty, changed.allSatisfy({ $0.hasPrefix("theme/assets/") && $0.hasSuffix(".css") }) {
                for (name, path) in report.assets where name.hasSuffix(".css") { stylesheets[name] = "/" + path }
            }
        } catch let failure as BuildFailure {
            result.diagnostics = failure.diagnostics
        } catch {
            result.diagnostics = [.error("output", 0, "\(error)")]
        }
        result.serving = last.withLock { $0.files != nil }
        result.milliseconds = Int((DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        await events.publish(result.succeeded ? nil : result.diagnostics, stylesheets: stylesheets)
        return result
    }

    /// Removes the served folder.
    public func removeOutput() {
        try? FileManager.default.removeItem(at: output)
    }
}
