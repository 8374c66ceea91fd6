import Foundation
import LiftoffCore
import Synchronization

/// A site built for preview: drafts and future posts included, the reload script added to
/// every page, written into a private folder that the server serves.
public final class PreviewSite: Sendable {
    public let root: URL
    public let output: URL
    public let baseURL: String
    public let events = BuildEvents()
    /// The preview's "now": when it started. Countdowns read from it (the live script keeps them
    /// current in the browser), so that a save rebuilds only the pages it touches.
    public let now: Timestamp
    /// The last good build's cache, with its parsed front matter: kept in memory between rebuilds.
    private let cache = Mutex<BuildCache?>(nil)

    /// - Parameters:
    ///   - output: the folder to serve; a fresh temporary one by default.
    public init(root: URL, baseURL: String, output: URL? = nil, now: Timestamp? = nil) {
        self.root = root
        self.baseURL = baseURL
        self.now = now ?? Timestamp(seconds: Int64(Date().timeIntervalSince1970))
        self.output = output ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("liftoff-preview-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
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
    }

    /// Builds the site, swaps the new tree in when it succeeded, and tells the open pages.
    @discardableResult
    public func rebuild(now: Timestamp? = nil) async -> Result {
        let start = DispatchTime.now().uptimeNanoseconds
        let options = BuildOptions(now: now ?? self.now, drafts: true, future: true, baseURL: baseURL)
        var result = Result(diagnostics: [], succeeded: false, milliseconds: 0, articles: 0)
        do {
            let previous = cache.withLock { $0 }.flatMap { $0.describes(output: output) ? $0 : nil }
            let writer = try OutputWriter(output: output)
            do {
                let report = try Builder.build(
                    root: root, into: InjectingSink(writer, scriptURL: "/" + ReloadScript.path), options: options, previous: previous)
                try writer.commit()
                var next = report.cache
                next.outputInode = FileStamp.of(output.path)?.inode ?? 0
                cache.withLock { $0 = next }
                result.diagnostics = report.warnings
                result.succeeded = true
                result.articles = report.articles
                result.rendered = report.renderedPages.count
                result.carriedOver = report.carriedOver
            } catch {
                writer.discard()
                throw error
            }
        } catch let failure as BuildFailure {
            result.diagnostics = failure.diagnostics
        } catch {
            result.diagnostics = [.error("output", 0, "\(error)")]
        }
        result.milliseconds = Int((DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        await events.publish(result.succeeded ? nil : result.diagnostics)
        return result
    }

    /// Removes the served folder.
    public func removeOutput() {
        try? FileManager.default.removeItem(at: output)
    }
}
