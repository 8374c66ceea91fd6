import Foundation
import LiftoffModel
import LiftoffRender

extension BuildRun {
    /// Home, lists, tags, the search page and index, 404, feed, sitemap, robots, headers, theme
    /// assets, content files, aliases and images: everything but the articles' and pages' own pages.
    func writeSite() {
        guard let config else { return }
        let search = config.search && !hasErrors
            ? Builder.startSearchIndexes(
                parts.map { Builder.SearchedLanguage(site: $0.site, articles: $0.indexed, pageTerms: $0.pageTerms) }, cache: published.cache,
                sources: sources, previous: reusable, sink: sink)
            : nil
        do {
            var lists: [(page: ListPage, key: Digest, rendered: Bool)] = []
            var languages: [(site: Site, lists: [ListPage])] = []
            for part in parts {
                let partLists = try writeLanguagePages(part, search: search != nil)
                lists += partLists
                languages.append((part.site, partLists.map(\.page)))
            }
            // `default_language_in_folder`: the default language is under /en/, and / sends readers there.
            if !site.home.isEmpty {
                try writeSitePage(Aliases.page(to: site.homeURL, title: site.config.title, language: site.config.language), "index.html")
            }
            try writeSitePage(NewsSitemap.xml(sites: parts.map(\.site)), "news-sitemap.xml")
            let sitemap = try Builder.writeSitemap(languages, keys: keys, articlesKey: frontsKey, reusable: reusable, sink: sink)
            published.cache.pages[sitemap.path] = BuildCache.Page(key: sitemap.key)
            if sitemap.rendered { published.renderedPages.append(sitemap.path) } else { published.carriedOver += 1 }
            try writeSitePage(Sitemap.robots(site: site), "robots.txt")
            // A site's own `content/_headers` is published instead.
            if published.copied["_headers"] == nil, !sources.files.contains("content/_headers") {
                try writeSitePage(Builder.headers(basePath: config.basePath), "_headers")
            }
            published.pages = sitemap.count + 1
            if let outcome = try search?.wait() {
                published.searchFiles = outcome.paths
                published.searchStages = outcome.stages
                published.cache.search.made.merge(outcome.pages) { $1 }
                published.cache.searchIndexes = outcome.states
            }
            for file in assets.files { try sink.write(file.data, to: file.path) }
            try writeContentFiles(lists: lists)
            // A build that already failed publishes nothing: an image that failed has no files to link.
            if !hasErrors { try Builder.linkImages(published.imageFiles, sink) }
        } catch let failure as BuildFailure {
            problems += failure.diagnostics
        } catch {
            problems.append(.error("output", 0, "\(error)"))
        }
        // Whatever failed above, the index's thread is done writing before the build goes on.
        _ = try? search?.wait()
    }

    /// One language's home, lists, tag index, search page, 404, feeds and tag feeds, under its home.
    private func writeLanguagePages(_ part: LanguagePart, search: Bool) throws -> [(page: ListPage, key: Digest, rendered: Bool)] {
        let (site, renderer, keys) = (part.site, part.renderer!, part.keys!)
        let home = site.home
        try writeSitePage(renderer.home(), home + "index.html")
        let lists = try Builder.writeLists(renderer.listPages(), renderer: renderer, keys: keys, reusable: reusable, sink: sink)
        for list in lists {
            published.cache.pages[list.page.path] = BuildCache.Page(key: list.key)
            if list.rendered { published.renderedPages.append(list.page.path) } else { published.carriedOver += 1 }
        }
        try writeSitePage(renderer.tagIndex(), home + "tags/index.html")
        if search { try writeSitePage(renderer.searchPage(), home + "search/index.html") }
        try writeSitePage(renderer.notFound(), home + "404.html")
        try writeSitePage(AtomFeed.xml(site: site, entries: part.feedEntries), home + "feed.xml")
        try writeSitePage(JSONFeed.json(site: site, entries: part.feedEntries, images: part.feedImages), home + "feed.json")
        for feed in try Builder.writeTagFeeds(site: site, keys: keys, reusable: reusable, sink: sink) {
            published.cache.pages[feed.path] = BuildCache.Page(key: feed.key)
            if feed.rendered { published.renderedPages.append(feed.path) } else { published.carriedOver += 1 }
        }
        return lists
    }

    /// Home, tag index, 404, feed, sitemap, robots: rendered on every build.
    private func writeSitePage(_ text: String, _ path: String) throws {
        try Builder.write(text, to: path, sink)
        published.renderedPages.append(path)
    }

    /// Files under content/ that no page links to or shows, published at their place (an image a
    /// page shows is published as its resized copies only), and aliases; none may take a generated path.
    private func writeContentFiles(lists: [(page: ListPage, key: Digest, rendered: Bool)]) throws {
        let linked = Set(published.copied.values).union(published.imageUses.keys)
        for file in sources.files.sorted() where !linked.contains(file) {
            published.copied[String(file.dropFirst("content/".count))] = file
        }
        // Made on the first file or alias to check (a site of 100,000 articles makes 120,000 paths; most copy nothing).
        let (rendered, searchFiles, site) = (published.renderedPages, published.searchFiles, links.site)
        lazy var generated = GeneratedPaths(
            rendered + site.articles.map(site.pagePath) + lists.map(\.page.path) + assets.files.map(\.path)
                + site.articles.filter { $0.live != nil }.map { $0.folder + LiveCoverage.dataFile } + searchFiles)
        published.renderedPages += try Builder.writeAliases(
            site: site, root: root, generated: { generated }, copied: &published.copied, problems: &problems, sink)
        for (target, source) in published.copied.sorted(by: { $0.key < $1.key }) {
            if let collision = generated.collision(with: target), collision.caseOnly {
                problems.append(.error(source, 0,
                    "would be published at \(target), which differs only in case from \(collision.path) made by Liftoff (a host that ignores case serves one in place of the other); rename or move the file"))
                continue
            }
            if let page = generated.collision(with: target)?.path ?? (published.imageFiles[target] != nil ? target : nil) {
                problems.append(.error(source, 0, "would be published at \(target), which replaces \(page) made by Liftoff; rename or move the file"))
                continue
            }
            do {
                try sink.write(sources.folder.read(source), to: target)
            } catch let refusal as SiteFolder.Refusal {
                problems.append(.error(source, 0, refusal.description))
            }
        }
    }

    /// The build's report, or every problem (warnings too under `--strict`) as its failure.
    func finish(clock: StageClock) throws(BuildFailure) -> BuildReport {
        guard !hasErrors, !(options.strict && !warnings.isEmpty) else { throw BuildFailure(Builder.sorted(problems + warnings)) }
        var clock = clock
        images.finish(collect: options.pruneImageCache)
        highlighter.finish()
        clock.lap("image cache")
        if let write = sourceStateWrite {
            try? write.wait()
            clock.lap("source state")
        }
        return BuildReport(
            articles: parts.reduce(0) { $0 + $1.site.articles.count }, pages: published.pages,
            files: assets.files.count + published.copied.count + published.imageFiles.count,
            warnings: Builder.sorted(warnings + problems), stages: clock.stages, validUntil: published.validUntil,
            inputs: sources.stamps.merging(theme!.stamps) { $1 }.merging(share.inputs) { $1 },
            renderedPages: published.renderedPages.sorted(), carriedOver: published.carriedOver, cache: published.cache,
            assets: assets.paths, images: images.statistics, heldBack: site.heldBack, notes: renderer.slowRendering.map { [$0] } ?? [])
    }
}
