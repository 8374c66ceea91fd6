import Foundation
import LiftoffHighlight
import LiftoffMarkdown
import LiftoffMedia
import LiftoffModel
import LiftoffRender
import LiftoffSearch
import LiftoffSource

extension BuildRun {
    /// Reads `site.yml`, every file under `content/` and the theme.
    func load() throws(BuildFailure) {
        if let url = options.sourceState { knownSources = SourceState.read(from: url) }
        // Each article's entry, if the state knows it by its stamp: asked in listing order, kept in that order.
        var trusted: [SourceState.Entry?] = []
        do {
            let known = knownSources
            sources = try SiteSources.load(from: root, listed: listed) { path, stamp in trusted.append(known.known(path, stamp: stamp)) }
        }
        trustedEntries = trusted
        listed = nil
        problems = sources.problems
        switch Theme.load(from: root, folder: sources.folder) {
        case .success(let value): theme = value
        case .failure(let failure): problems += failure.diagnostics
        }
    }

    /// The site graph (slugs, tags, related reads, pages) and where every link leads.
    func resolve() throws(BuildFailure) {
        guard let config, let theme else { throw failure }
        if config.search, theme.templateTexts["search"] == nil {
            problems.append(.error("theme/templates/search.mustache", 0, "missing template 'search' (the search page): add it, or set `search: false` in site.yml"))
        }
        let sites = resolveLanguages(config: config, theme: theme)
        parts = zip(sites, articleIndices).map(LanguagePart.init)
        // Links resolve across languages: every language's articles, pages and launches.
        var resolved = sites[0]
        if sites.count > 1 { resolved.articles = sites.flatMap(\.articles) }
        let allPages = sites.flatMap(\.pages)
        links = LinkResolver(
            site: resolved, articlesByPath: parsedArticles, files: sources.files, unparsedMarkdown: unparsedMarkdown,
            pageURLs: Dictionary((allPages + draftPages).map { ($0.path, resolved.url(of: $0)) }) { first, _ in first }
                .merging(sites.flatMap(\.ownLaunches).map { ($0.path, resolved.url(of: $0)) }) { first, _ in first },
            draftPages: Set(draftPages.map(\.path)), isNew: isNewArticle)
    }

    /// What rendering needs: assets, the image pipeline and heroes, share images, avatars, the
    /// templates, the Markdown renderer, and each page's key (what decides that it is made again).
    func prepare() throws(BuildFailure) {
        guard let config, let theme else { throw failure }
        assets = FingerprintedAssets(theme.assets)
        let kept = KeptFiles.folderProblems([options.imageCache, options.codeCache])
        guard kept.isEmpty else { throw BuildFailure(Builder.sorted(problems + kept)) }
        if options.imageCache == nil { scratch = FileManager.default.temporaryDirectory.appendingPathComponent("liftoff-images-\(UUID().uuidString)") }
        images = ImagePipeline(
            root: root, folder: sources.folder, settings: config.images, basePath: config.basePath, cacheFolder: options.imageCache ?? scratch!,
            stamps: sources.stamps)
        highlighter = Highlighter(cacheFolder: options.codeCache, enabled: config.markdown.highlight)
        // Heroes first: lists, cards and pages show them, and page keys include them.
        for part in parts { part.share = shareImages(part.site, reported: part === parts[0]) }
        avatars = Builder.publishAvatars(config: config, files: sources.files, images: images, problems: &problems)
        for part in parts {
            part.renderer = PageRenderer(
                site: part.site, theme: theme, assets: assets, share: part.share, avatars: avatars.html, libraryRendering: options.libraryRendering,
                contextLog: options.contextLog)
        }
        markdown = MarkdownRenderer(
            smartPunctuation: config.markdown.smartPunctuation, unsafeHTML: config.markdown.unsafeHTML, collectsText: config.search,
            keepsText: { FAQ.matches($0) || LiveCoverage.timedHeading($0[...]) != nil })
        var siteKey = StableHasher()
        siteKey.combine(BuildCache.siteKey(options: options, configText: sources.configText, theme: theme))
        for part in parts {
            siteKey.combine(part.share.digest)
            siteKey.combine(part.site.strings.digest)
        }
        for (key, html) in avatars.html.sorted(by: { $0.key < $1.key }) {
            siteKey.combine(key)
            siteKey.combine(html)
        }
        let key = siteKey.finalize()
        for part in parts {
            let articles = part.site.articles, indices = part.articleIndices
            // A translation's card shows what it takes from its original: summed up field by field.
            let fronts = indices.indices.map { articles[$0].original == nil ? self.fronts[indices[$0]] : .zero }
            part.keys = PageKeys(
                site: part.site, siteKey: key, sources: indices.map { digests[$0] }, fronts: fronts, heroes: part.share.heroes.mapValues(\.identity))
        }
        reusable = previous.flatMap { $0.applies(siteKey: keys.siteKey, now: site.now) ? $0 : nil }
        // Every language's countdowns, live coverage and news window.
        published.validUntil = parts.map(\.site.validUntil).min() ?? site.validUntil
        published.cache = BuildCache(siteKey: keys.siteKey, builtAt: site.now.seconds, validUntil: published.validUntil)
        published.cache.pages.reserveCapacity(site.articles.count + site.articles.count / 4)
        published.cache.linkWorld = links.world
        published.cache.resolution = resolution
        published.cache.articles = parsedArticles
        let everyArticle = links.site
        (published.cache.urls, published.cache.moved) = Builder.movedURLs(
            site: everyArticle, previous: previous,
            added: links.leadsAsBefore(previous?.linkWorld) ? everyArticle.articles.filter { isNewArticle($0.path) } : nil,
            articles: parsedArticles, warnings: &warnings)
        published.cache.search.stored = reusable?.search.stored
    }

    /// Every article's page, rendered or carried over from the last build, in parallel; each
    /// language's in turn.
    func renderArticles() {
        for part in parts { renderArticles(part) }
    }

    /// One language's articles, its feed's entries and its search index's.
    private func renderArticles(_ part: LanguagePart) {
        let (site, keys, renderer, share) = (part.site, part.keys!, part.renderer!, part.share!)
        let reusable = reusable, links = links!, images = images!, sink = sink
        let highlighter = highlighter!, markdown = markdown!, folder = sources.folder
        let sameLinkWorld = links.leadsAsBefore(reusable?.linkWorld)
        let outcomes = parallelMap(site.articles.count) { position -> PageOutcome in
            let path = site.pagePath(of: site.articles[position])
            let key = keys.article(position)
            // The feed's articles are always rendered: the feed carries their HTML.
            if position >= AtomFeed.limit, let page = reusable?.pages[path], page.key == key,
               let outcome = Builder.carryOver(
                page, hasTerms: reusable?.search.contains(path, key: key) ?? false, sameLinkWorld: sameLinkWorld, position: position, site: site,
                links: links, images: images, share: share, sink: sink) {
                return outcome
            }
            var article = site.articles[position]
            if article.bodyUnread {
                switch Builder.readBody(of: article, folder: folder) {
                case .success(let read): article = read
                case .failure(let problem):
                    var outcome = PageOutcome()
                    outcome.report.errors.append(problem)
                    return outcome
                }
            }
            return Builder.renderArticle(
                position, article: article, key: key, site: site, links: links, images: images, share: share, highlighter: highlighter,
                markdown: markdown, renderer: renderer, terms: reusable?.search, sink: sink)
        }
        let searched = site.config.search
        if searched { part.indexed = [SearchIndex.Entry?](repeating: nil, count: site.articles.count) }
        for (position, outcome) in outcomes.enumerated() {
            let article = site.articles[position], path = site.pagePath(of: article)
            if let page = outcome.page.cached { published.cache.pages[path] = page }
            if searched, let page = outcome.page.cached {
                // Its terms: made now, or the last build's (kept in memory by the preview, in the search cache by `build`).
                if let document = outcome.search {
                    published.cache.search.made[path] = (page.key, document)
                } else if let kept = reusable?.search.made[path] {
                    published.cache.search.made[path] = kept
                }
                part.indexed[position] = SearchIndex.Entry(path: path, key: page.key)
            }
            if outcome.page.rendered { published.renderedPages.append(path) } else { published.carriedOver += 1 }
            absorb(outcome, from: article.path)
            if let content = outcome.page.feedContent {
                part.feedEntries.append(AtomFeed.Entry(article: article, description: outcome.page.description, html: content))
                if let image = share.image(forArticle: position) { part.feedImages[article.path] = image.url }
            }
        }
    }

    /// Standalone pages and launch pages (rendered every build), each language's, and authors' avatars.
    func renderPages() {
        for (source, target) in avatars.files { published.imageFiles[target] = source }
        for (source, line) in avatars.uses { published.imageUses[source, default: []].append(("site.yml", line, source)) }
        for part in parts {
            let site = part.site, renderer = part.renderer!
            for page in site.pages {
                let outcome = Builder.renderPage(
                    page, site: site, links: links, images: images, highlighter: highlighter, markdown: markdown, renderer: renderer, sink: sink)
                absorb(outcome, from: page.path)
                part.pageTerms[page.outputPath] = outcome.search
                published.renderedPages.append(page.outputPath)
            }
            // The launches whose page is in this language: the default's, and those it translates.
            for launch in site.ownLaunches {
                let outcome = Builder.renderLaunch(
                    launch, site: site, links: links, images: images, highlighter: highlighter, markdown: markdown, renderer: renderer, sink: sink)
                absorb(outcome, from: launch.path)
                published.renderedPages.append(launch.folder + "index.html")
            }
        }
    }

    /// What a page's outcome brings to the site: problems, files, image uses, how long it stays true.
    func absorb(_ outcome: PageOutcome, from source: String) {
        published.validUntil = min(published.validUntil, outcome.page.validUntil)
        problems += outcome.report.errors
        warnings += outcome.report.warnings
        for (file, target) in outcome.files.assets { published.copied[target] = file }
        for (file, target) in outcome.files.images { published.imageFiles[target] = file }
        for use in outcome.files.imageUses { published.imageUses[use.source, default: []].append((source, use.line, use.url)) }
    }
}
