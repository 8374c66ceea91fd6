import Foundation
import LiftoffModel
import LiftoffSource
import LiftoffMarkdown
import LiftoffMedia
import LiftoffHighlight
import LiftoffSearch
import LiftoffRender

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
}

/// Runs the pipeline: Load → Parse → Resolve → Render → Write.
public enum Builder {
    /// Builds the site at `root` into `sink`.
    /// - Parameter previous: the cache of the build whose output `sink` carries pages over from
    ///   (see `BuildCache`); pages whose inputs did not change are not rendered again.
    /// - Throws: `BuildFailure` with every problem found, in every file.
    public static func build(
        root: URL, into sink: any PageSink, options: BuildOptions, previous: BuildCache? = nil
    ) throws(BuildFailure) -> BuildReport {
        var clock = StageClock()

        // Load
        let sources = try SiteSources.load(from: root)
        let themeResult = Theme.load(from: root, folder: sources.folder)
        clock.lap("load")

        // Parse: settings and every article's front matter (Markdown comes once links can resolve).
        var problems = sources.problems
        var (config, configProblems) = SiteConfigParser.read(sources.configText)
        problems += configProblems
        if let baseURL = options.baseURL { config?.baseURL = SiteURLs.baseURL(baseURL) ?? baseURL }
        var theme: Theme?
        switch themeResult {
        case .success(let value): theme = value
        case .failure(let failure): problems += failure.diagnostics
        }
        if let config, !config.markdown.unsafeHTML { problems += SVGSafety.problems(in: sources.files, folder: sources.folder) }
        // Standalone pages (`content/pages/`) are read apart: they have no date and no place in lists.
        let articleFiles = sources.markdown.filter { !$0.path.hasPrefix(StandalonePage.folder) }
        var standalone: [StandalonePage] = []
        var draftPages: [StandalonePage] = []  // not published, but where links to them will lead
        for file in sources.markdown where file.path.hasPrefix(StandalonePage.folder) {
            switch StandalonePage.parse(data: file.data, path: file.path) {
            case .success(let page): if options.drafts || !page.draft { standalone.append(page) } else { draftPages.append(page) }
            case .failure(let failure): problems += failure.diagnostics
            }
        }
        let digests = parallelMap(articleFiles.count) { index -> Digest in
            var hasher = StableHasher()
            hasher.combine(articleFiles[index].data)
            return hasher.finalize()
        }
        let parsed = parallelMap(articleFiles.count) { index -> Result<Article, BuildFailure> in
            let file = articleFiles[index]
            if let known = previous?.articles[file.path], known.digest == digests[index] { return .success(known.article) }
            return FrontMatterParser.parse(data: file.data, path: file.path)
        }
        var articles: [Article] = []
        var unparsedSlugs: Set<String> = []
        var parsedArticles: [String: (digest: Digest, article: Article)] = [:]
        for (index, result) in parsed.enumerated() {
            switch result {
            case .success(let article):
                articles.append(article)
                parsedArticles[article.path] = (digests[index], article)
            case .failure(let failure):
                problems += failure.diagnostics
                let stem = FrontMatterParser.fileStem(articleFiles[index].path)
                unparsedSlugs.insert(Slug.make(FrontMatterParser.splitDatePrefix(stem).1))
            }
        }
        clock.lap("parse")

        // Resolve
        guard let config, let theme else { throw BuildFailure(sorted(problems)) }
        if config.search, theme.templateTexts["search"] == nil {
            problems.append(.error("theme/templates/search.mustache", 0, "missing template 'search' (the search page): add it, or set `search: false` in site.yml"))
        }
        var (resolved, resolveProblems) = Resolver.resolve(
            config: config, articles: articles, now: options.now, drafts: options.drafts, future: options.future, unparsedSlugs: unparsedSlugs)
        problems += resolveProblems
        resolved.pages = checkPages(standalone, drafts: draftPages, menu: config.menu, problems: &problems)
        let site = resolved
        var byPath: [String: Article] = [:]
        for article in articles { byPath[article.path] = article }
        let links = LinkResolver(
            site: site, articlesByPath: byPath, files: sources.files, markdownPaths: Set(sources.markdown.map(\.path)),
            pageURLs: Dictionary((site.pages + draftPages).map { ($0.path, site.url(of: $0)) }) { first, _ in first },
            draftPages: Set(draftPages.map(\.path)))
        clock.lap("resolve")

        // Render and write: each article is parsed, grouped into components, rendered and
        // written in one pass, so its HTML need not stay in memory.
        let assets = FingerprintedAssets(theme.assets)
        let kept = KeptFiles.folderProblems([options.imageCache, options.codeCache])
        guard kept.isEmpty else { throw BuildFailure(sorted(problems + kept)) }
        let scratch = options.imageCache == nil ? FileManager.default.temporaryDirectory.appendingPathComponent("liftoff-images-\(UUID().uuidString)") : nil
        defer { if let scratch { try? FileManager.default.removeItem(at: scratch) } }
        let images = ImagePipeline(
            root: root, folder: sources.folder, settings: config.images, basePath: config.basePath, cacheFolder: options.imageCache ?? scratch!, stamps: sources.stamps)
        // Heroes first: lists, cards and pages show them, and page keys include them.
        let highlighter = Highlighter(cacheFolder: options.codeCache, enabled: config.markdown.highlight)
        let share = ShareImages(site: site, root: root, images: images)
        let heroProblems = share.problems + share.prepareHeroes { path, article in
            let (rewrite, asset) = links.rewrite(path, isImage: true, in: article)
            if case .error(let message) = rewrite { return (message, nil) }
            return (nil, asset)
        }
        problems += heroProblems.filter { $0.severity == .error }
        let avatars = publishAvatars(config: config, files: sources.files, images: images, problems: &problems)
        let renderer = PageRenderer(
            site: site, theme: theme, assets: assets, share: share, avatars: avatars.html, libraryRendering: options.libraryRendering)
        clock.lap("templates")
        let markdown = MarkdownRenderer(
            smartPunctuation: config.markdown.smartPunctuation, unsafeHTML: config.markdown.unsafeHTML, collectsText: config.search,
            keepsText: FAQ.matches)
        var siteKey = StableHasher()
        siteKey.combine(BuildCache.siteKey(options: options, configText: sources.configText, theme: theme))
        siteKey.combine(share.digest)
        for (key, html) in avatars.html.sorted(by: { $0.key < $1.key }) {
            siteKey.combine(key)
            siteKey.combine(html)
        }
        let keys = PageKeys(
            site: site, siteKey: siteKey.finalize(), sources: parsedArticles.mapValues(\.digest), heroes: share.heroes.mapValues(\.identity))
        let reusable = previous.flatMap { $0.applies(siteKey: keys.siteKey, now: site.now) ? $0 : nil }
        let outcomes = parallelMap(site.articles.count) { position -> ArticleOutcome in
            let path = site.pagePath(of: site.articles[position])
            let key = keys.article(position)
            // The feed's articles are always rendered: the feed carries their HTML.
            if position >= AtomFeed.limit, let page = reusable?.pages[path], page.key == key,
               let outcome = carryOver(
                page, hasTerms: reusable?.search.contains(path, key: key) ?? false, position: position, site: site, links: links, images: images, share: share, sink: sink) {
                return outcome
            }
            return renderArticle(
                position, key: key, site: site, links: links, images: images, share: share, highlighter: highlighter,
                markdown: markdown, renderer: renderer, terms: reusable?.search, sink: sink)
        }
        var warnings = heroProblems.filter { $0.severity != .error }
        var copied: [String: String] = [:]
        var imageFiles: [String: String] = [:]
        var imageUses: [String: [(path: String, line: Int, url: String)]] = [:]
        var feedEntries: [AtomFeed.Entry] = []
        var validUntil = site.validUntil
        var cache = BuildCache(siteKey: keys.siteKey, builtAt: site.now.seconds, validUntil: site.validUntil)
        cache.articles = parsedArticles
        cache.urls = movedURLs(site: site, previous: previous, warnings: &warnings)
        var renderedPages: [String] = []
        var carriedOver = 0
        /// What an article's or a page's outcome brings to the site: problems, files, image uses.
        func absorb(_ outcome: ArticleOutcome, from source: String) {
            validUntil = min(validUntil, outcome.validUntil)
            problems += outcome.errors
            warnings += outcome.warnings
            for (file, target) in outcome.assets { copied[target] = file }
            for (file, target) in outcome.images { imageFiles[target] = file }
            for use in outcome.imageUses { imageUses[use.source, default: []].append((source, use.line, use.url)) }
        }
        var pageTerms: [String: SearchDocument] = [:]  // standalone pages' (rendered every build)
        cache.search.stored = reusable?.search.stored
        var indexed = [SearchIndex.Entry?](repeating: nil, count: site.articles.count)  // each article's terms, when it has them
        for (position, outcome) in outcomes.enumerated() {
            let path = site.pagePath(of: site.articles[position])
            if let page = outcome.page { cache.pages[path] = page }
            if config.search, let page = outcome.page {
                // Its terms: made now, or the last build's (kept in memory by the preview, in the search cache by `build`).
                if let document = outcome.search {
                    cache.search.made[path] = (page.key, document)
                } else if let kept = reusable?.search.made[path] {
                    cache.search.made[path] = kept
                }
                indexed[position] = SearchIndex.Entry(path: path, key: page.key)
            }
            if outcome.rendered { renderedPages.append(path) } else { carriedOver += 1 }
            absorb(outcome, from: site.articles[position].path)
            if let content = outcome.feedContent {
                feedEntries.append(AtomFeed.Entry(article: site.articles[position], description: outcome.description, html: content))
            }
        }
        for (source, target) in avatars.files { imageFiles[target] = source }
        for (source, line) in avatars.uses { imageUses[source, default: []].append(("site.yml", line, source)) }
        for page in site.pages {
            let outcome = renderPage(
                page, site: site, links: links, images: images, highlighter: highlighter, markdown: markdown, renderer: renderer, sink: sink)
            absorb(outcome, from: page.path)
            pageTerms[page.outputPath] = outcome.search
            renderedPages.append(page.outputPath)
        }
        clock.lap("articles")
        var cacheFailure: ImageError?
        for (source, failure) in images.encodeMissing().sorted(by: { $0.key < $1.key }) {
            if failure.aboutCache { cacheFailure = cacheFailure ?? failure; continue }
            for use in imageUses[source] ?? [] { problems.append(.error(use.path, use.line, "image '\(use.url)': \(failure.message)")) }
        }
        if let cacheFailure { problems.append(.error(images.cache.folderPath, 0, cacheFailure.message)) }
        if let image = share.siteImage { imageFiles[image.file.target] = image.file.source }
        problems += share.drawMissing()
        clock.lap("images")
        var pages = 0
        let search = config.search && problems.allSatisfy({ $0.severity != .error })
            ? startSearchIndex(site: site, cache: cache, articles: indexed, pageTerms: pageTerms, sources: sources, previous: reusable, sink: sink)
            : nil
        var searchFiles: [String] = []
        var searchStages: [(name: String, seconds: Double)] = []
        /// Home, tag index, 404, feed, sitemap, robots: rendered on every build.
        func writeSitePage(_ text: String, _ path: String) throws {
            try write(text, to: path, sink)
            renderedPages.append(path)
        }
        do {
            try writeSitePage(renderer.home(), "index.html")
            let lists = try writeLists(renderer.listPages(), renderer: renderer, keys: keys, reusable: reusable, sink: sink)
            for list in lists {
                cache.pages[list.page.path] = BuildCache.Page(key: list.key)
                if list.rendered { renderedPages.append(list.page.path) } else { carriedOver += 1 }
            }
            try writeSitePage(renderer.tagIndex(), "tags/index.html")
            let sitemap = sitemapPages(site: site, lists: lists.map(\.page))
            if search != nil {
                try writeSitePage(renderer.searchPage(), "search/index.html")
            }
            try writeSitePage(renderer.notFound(), "404.html")
            try writeSitePage(AtomFeed.xml(site: site, entries: feedEntries), "feed.xml")
            try writeSitePage(Sitemap.xml(site: site, pages: sitemap), "sitemap.xml")
            try writeSitePage(Sitemap.robots(site: site), "robots.txt")
            // A site's own `content/_headers` is published instead.
            if copied["_headers"] == nil, !sources.files.contains("content/_headers") {
                try writeSitePage(headers(basePath: config.basePath), "_headers")
            }
            pages = sitemap.count + 1
            if let outcome = try search?.wait() {
                searchFiles = outcome.paths
                searchStages = outcome.stages
                cache.search.made.merge(outcome.pages) { $1 }
                cache.searchIndex = outcome.state
            }
            for file in assets.files { try sink.write(file.data, to: file.path) }
            // Files under content/ that no article links to or shows are published at their place
            // (an image an article shows is published as its resized copies only).
            let linked = Set(copied.values).union(imageUses.keys)
            for file in sources.files.sorted() where !linked.contains(file) {
                copied[String(file.dropFirst("content/".count))] = file
            }
            let generated = GeneratedPaths(
                renderedPages + site.articles.map(site.pagePath) + lists.map(\.page.path) + assets.files.map(\.path) + searchFiles)
            renderedPages += try writeAliases(site: site, root: root, generated: generated, copied: &copied, problems: &problems, sink)
            for (target, source) in copied.sorted(by: { $0.key < $1.key }) {
                if let collision = generated.collision(with: target), collision.caseOnly {
                    problems.append(.error(source, 0,
                        "would be published at \(target), which differs only in case from \(collision.path) made by Liftoff (a host that ignores case serves one in place of the other); rename or move the file"))
                    continue
                }
                if let page = generated.collision(with: target)?.path ?? (imageFiles[target] != nil ? target : nil) {
                    problems.append(.error(source, 0,
                        "would be published at \(target), which replaces \(page) made by Liftoff; rename or move the file"))
                    continue
                }
                do {
                    try sink.write(sources.folder.read(source), to: target)
                } catch let refusal as SiteFolder.Refusal {
                    problems.append(.error(source, 0, refusal.description))
                }
            }
            // A build that already failed publishes nothing: an image that failed has no files to link.
            if problems.allSatisfy({ $0.severity != .error }) { try linkImages(imageFiles, sink) }
        } catch let failure as BuildFailure {
            problems += failure.diagnostics
        } catch {
            problems.append(.error("output", 0, "\(error)"))
        }
        // Whatever failed above, the index's thread is done writing before the build goes on.
        _ = try? search?.wait()
        clock.lap("lists and site files")
        clock.add(searchStages)
        let errors = problems.filter { $0.severity == .error }
        guard errors.isEmpty, !(options.strict && !warnings.isEmpty) else { throw BuildFailure(sorted(problems + warnings)) }
        images.finish(collect: options.pruneImageCache)
        highlighter.finish()
        clock.lap("image cache")
        return BuildReport(
            articles: site.articles.count, pages: pages, files: assets.files.count + copied.count + imageFiles.count,
            warnings: sorted(warnings + problems), stages: clock.stages,
            validUntil: validUntil, inputs: sources.stamps.merging(theme.stamps) { $1 }.merging(share.inputs) { $1 },
            renderedPages: renderedPages.sorted(), carriedOver: carriedOver, cache: cache, assets: assets.paths,
            images: images.statistics, heldBack: site.heldBack)
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
