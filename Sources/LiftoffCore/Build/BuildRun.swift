import Foundation
import LiftoffHighlight
import LiftoffMarkdown
import LiftoffMedia
import LiftoffModel
import LiftoffRender
import LiftoffSearch
import LiftoffSource

/// One build as it runs: what the steps read, what they made, and every problem found so far.
/// Each step reads what the steps before it left here (`Builder.build` lists them in order).
final class BuildRun {
    let root: URL
    let sink: any PageSink
    let options: BuildOptions
    let previous: BuildCache?
    /// `content/` as listed before the build (nil: `load` lists it).
    var listed: FileTree.Listing?

    var problems: [Diagnostic] = []
    var warnings: [Diagnostic] = []

    // load
    /// What the last build knew of each article file; what this one knows.
    var knownSources = SourceState()
    /// Each article file's entry in `knownSources` when its stamp is trusted, in listing order (`load` to `parse`).
    var trustedEntries: [SourceState.Entry?] = []
    var sourceState = SourceState()
    /// The state being written, beside the rest of the build.
    var sourceStateWrite: Background<Void>?
    var sources: SiteSources!
    var theme: Theme?
    // parse
    var config: SiteConfig?
    /// Where each language's files are and its pages go.
    var homes: LanguageHomes!
    var standalone: [StandalonePage] = []
    /// Draft pages: not published, but where links to them will lead.
    var draftPages: [StandalonePage] = []
    /// The launches of `content/launches/`, by key.
    var launches: [String: Launch] = [:]
    /// Their translations (`content/fr/launches/`), by language tag, then key.
    var translatedLaunches: [String: [String: Launch]] = [:]
    var articles: [Article] = []
    var parsedArticles: [String: ParsedArticle] = [:]
    /// The articles the last build's state did not know (read, and new to it).
    var newArticles: Set<String> = []
    /// Each article's file digest and `SourceState.front(of:)`, by position in `articles`.
    var digests: [Digest] = []
    var fronts: [Digest] = []
    /// Each article's `SourceState.order(of:)`, by position in `articles`.
    var orders: [Digest] = []
    var unparsedSlugs: Set<String> = []
    /// Markdown files whose front matter failed: a link to one is left to the file's own error.
    var unparsedMarkdown: Set<String> = []
    // resolve
    /// Each language of the site, the default's first, then `languages:` order (a site in one
    /// language has one); `prepare` gives each its renderer, share images and page keys.
    var parts: [LanguagePart] = []
    var links: LinkResolver!
    /// Each language's published articles' positions in `articles`.
    var articleIndices: [[Int]] = []
    /// How the articles were resolved, for the next build (nil: not kept, the build has problems).
    var resolution: KeptResolution?
    /// `articlesKey` by the articles' whole front matter (the sitemap's articles: their dates of update too).
    var frontsKey: Digest?
    // prepare
    var assets: FingerprintedAssets!
    var images: ImagePipeline!
    var highlighter: Highlighter!
    var avatars: (html: [String: String], files: [(String, String)], uses: [(String, Int)])!
    var markdown: MarkdownRenderer!
    /// The previous build's cache, when it applies to this build (same site key, still valid).
    var reusable: BuildCache?
    var scratch: URL?
    // what the pages bring to the site
    var published = PublishedSite()

    init(root: URL, sink: any PageSink, options: BuildOptions, previous: BuildCache?, listed: FileTree.Listing?) {
        self.root = root
        self.sink = sink
        self.options = options
        self.previous = previous
        self.listed = listed
    }

    deinit {
        // A failed build's state is written too: not cut short when the process ends.
        try? sourceStateWrite?.wait()
        if let scratch { try? FileManager.default.removeItem(at: scratch) }
    }

    /// The default language's part: its site, renderer, page keys and share images.
    var site: Site { parts[0].site }
    var renderer: PageRenderer { parts[0].renderer }
    var keys: PageKeys { parts[0].keys }
    var share: ShareImages { parts[0].share }

    /// Whether the article file at a path is one the last build's state did not know.
    var isNewArticle: (String) -> Bool {
        let new = newArticles
        return { !new.isEmpty && new.contains($0) }
    }

    /// Every problem so far, sorted, as the build's failure.
    var failure: BuildFailure { BuildFailure(Builder.sorted(problems)) }

    var hasErrors: Bool { problems.contains { $0.severity == .error } }
}

/// What every page of the site brings to it, merged page by page (`absorb`).
struct PublishedSite {
    /// Output path → content file copied there (files pages link to, then every other file).
    var copied: [String: String] = [:]
    /// Output path → cached image file published there.
    var imageFiles: [String: String] = [:]
    /// Image source → where it is shown (for errors found when it is encoded).
    var imageUses: [String: [(path: String, line: Int, url: String)]] = [:]
    var validUntil: Int64 = .max
    var renderedPages: [String] = []
    var carriedOver = 0
    var cache = BuildCache(siteKey: Digest.zero, builtAt: 0, validUntil: .max)
    var pages = 0
    var searchFiles: [String] = []
    var searchStages: [(name: String, seconds: Double)] = []
}
