import Foundation
import LiftoffModel

/// What a build did.
public struct BuildReport: Sendable {
    public var articles: Int
    public var pages: Int
    public var files: Int
    public var warnings: [Diagnostic]
    public var stages: [(name: String, seconds: Double)]
    /// The first moment the output would change with nothing else changed (see `BuildManifest`).
    public var validUntil: Int64
    /// Every file the build read, stamped before it was read.
    public var inputs: [String: FileStamp]
    /// Pages rendered by this build (site paths), sorted; the others were carried over from the last one.
    public var renderedPages: [String]
    /// Pages carried over unchanged from the previous output.
    public var carriedOver: Int
    /// What the next build needs to carry this build's pages over (`outputInode` left for the caller).
    public var cache: BuildCache
    /// Theme assets and where they were published: `style.css` → `assets/style.3f2a9c1b.css`.
    public var assets: [String: String]
    /// Image sources whose bytes this build read, those it decoded and encoded, and the share images
    /// (cards, cropped heroes) it drew; the others came from the cache.
    public var images: (read: Int, encoded: Int, shared: Int) = (0, 0, 0)
    /// Drafts and scheduled articles left out, and when the first scheduled one falls due.
    public var heldBack = Site.HeldBack()
    /// Worth knowing, not a problem: why the theme renders the slow way, when it does.
    public var notes: [String] = []
}

/// Runs the pipeline, a step at a time (each step is a method of `BuildRun`, which owns the state).
public enum Builder {
    /// Builds the site at `root` into `sink`.
    /// - Parameter previous: the cache of the build whose output `sink` carries pages over from
    ///   (see `BuildCache`); pages whose inputs did not change are not rendered again.
    /// - Throws: `BuildFailure` with every problem found, in every file.
    public static func build(
        root: URL, into sink: any PageSink, options: BuildOptions, previous: BuildCache? = nil
    ) throws(BuildFailure) -> BuildReport {
        try build(root: root, into: sink, options: options, previous: previous, listed: nil)
    }

    /// - Parameter listed: `content/` as the manifest's check listed it (`SiteSources.contentListing`), or nil.
    package static func build(
        root: URL, into sink: any PageSink, options: BuildOptions, previous: BuildCache?, listed: FileTree.Listing?
    ) throws(BuildFailure) -> BuildReport {
        let run = BuildRun(root: root, sink: sink, options: options, previous: previous, listed: listed)
        var clock = StageClock()
        try run.load()
        clock.lap("load")
        run.parse()
        clock.lap("parse")
        try run.resolve()
        clock.lap("resolve")
        try run.prepare()
        clock.lap("templates")
        run.renderArticles()
        run.renderPages()
        clock.lap("articles")
        run.encodeImages()
        run.drawCards()
        clock.lap("images")
        run.writeSite()
        clock.lap("lists and site files")
        clock.add(run.published.searchStages)
        let report = try run.finish(clock: clock)
        // `finish` waited for the source state's write; a run with a scratch folder is freed (its deinit removes it).
        if options.endsWithProcess, run.scratch == nil { ProcessEnd.keep(run) }
        return report
    }

    /// Publishes processed images (target → cached file) on all cores: a site of 1,000 images
    /// links 8,000 files on every build.
    static func linkImages(_ files: [String: String], _ sink: any PageSink) throws {
        let files = Array(files)
        let chunk = 256
        let failures = parallelMap((files.count + chunk - 1) / chunk) { index -> (target: String, error: any Error)? in
            for (target, file) in files[(index * chunk)..<min(files.count, (index + 1) * chunk)] {
                do {
                    try KeptFiles.checkCached(file)
                    try sink.hardLink(from: file, to: target)
                } catch { return (target, error) }
            }
            return nil
        }
        // The first failure by path, whatever the threads' order.
        if let failure = failures.compactMap({ $0 }).min(by: { $0.target < $1.target }) { throw failure.error }
    }

    static func write(_ html: String, to path: String, _ sink: any PageSink) throws {
        try sink.write(Array(html.utf8), to: path)
    }

    static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.sorted { ($0.path, $0.line, $0.message) < ($1.path, $1.line, $1.message) }
    }
}

/// Times the build's stages.
struct StageClock {
    private var last = DispatchTime.now().uptimeNanoseconds
    private(set) var stages: [(name: String, seconds: Double)] = []

    mutating func lap(_ name: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        stages.append((name, Double(now - last) / 1e9))
        last = now
    }

    /// Stages timed apart, inside the last lap (shown after it).
    mutating func add(_ inner: [(name: String, seconds: Double)]) {
        stages += inner
    }
}
