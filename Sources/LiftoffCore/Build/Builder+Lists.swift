import LiftoffModel
import LiftoffRender

/// The list pages (all articles, each tag; paginated) and the sitemap.
extension Builder {
    /// Renders the list pages on all cores; one whose key did not change is carried over.
    /// Returns each with its key and whether it was rendered.
    static func writeLists(
        _ pages: [ListPage], renderer: PageRenderer, keys: PageKeys, reusable: BuildCache?, sink: any PageSink
    ) throws -> [(page: ListPage, key: Digest, rendered: Bool)] {
        let written = try writeKeyed(
            pages.count, reusable: reusable, sink: sink, page: { (pages[$0].path, keys.list(pages[$0])) }, make: { renderer.render(pages[$0]) })
        return zip(pages, written).map { ($0, $1.key, $1.rendered) }
    }

    /// Each tag's feed, written again only when its key changed (else carried over like a list page).
    static func writeTagFeeds(site: Site, keys: PageKeys, reusable: BuildCache?, sink: any PageSink) throws -> [(path: String, key: Digest, rendered: Bool)] {
        let tags = site.tags
        return try writeKeyed(
            tags.count, reusable: reusable, sink: sink, page: { (site.home + "tags/\(tags[$0].slug)/feed.xml", keys.tagFeed(tags[$0])) },
            make: { TagFeed.xml(site: site, tag: tags[$0]) })
    }

    /// The sitemap, written again only when what it lists changed: every article's address, dates and
    /// tags (a tag page's date is its newest article's; a new title or text leaves it as it was), the
    /// list pages, standalone pages and launches, each language's, with their translations. Returns
    /// its key, whether it was made, and how many pages it lists.
    /// - Parameter articlesKey: the digest of every article's front matter and of which are
    ///   published (`BuildRun.articlesKey`), which decides each language's articles in order:
    ///   their slugs, dates and tags are not hashed one by one where it is known.
    static func writeSitemap(
        _ languages: [(site: Site, lists: [ListPage])], keys: PageKeys, articlesKey: Digest?, reusable: BuildCache?, sink: any PageSink
    ) throws -> (path: String, key: Digest, rendered: Bool, count: Int) {
        var hasher = StableHasher()
        hasher.combine(keys.siteKey)
        hasher.combine("sitemap")
        var othersOf: [[Sitemap.Page]] = []
        var count = 0
        if let articlesKey { hasher.combine(articlesKey) }
        for (site, lists) in languages {
            hasher.combine(site.home)
            hasher.combine(site.articles.count)
            for article in site.articles where articlesKey == nil {
                hasher.combine(article.slug)
                hasher.combine(article.date.seconds)
                hasher.combine(article.updated?.seconds ?? .min)
                hasher.combine(article.tagSlugs.count)
                for tag in article.tagSlugs { hasher.combine(tag) }
            }
            hasher.combine(lists.count)
            for list in lists { hasher.combine(list.path) }
            let others = otherSitemapPages(site)
            hasher.combine(others.count)
            for page in others {
                hasher.combine(page.path)
                hasher.combine(page.lastModified?.seconds ?? .min)
            }
            othersOf.append(others)
            // Home, the tag index, the lists, the articles, the others (`sitemapPages`).
            count += 2 + lists.count + site.articles.count + others.count
        }
        // Which pages translate which: one table, every language's site holds it (a site in one language has none).
        for (path, versions) in languages[0].site.translations.sorted(by: { $0.key < $1.key }) {
            hasher.combine(path)
            for version in versions { hasher.combine(version.url) }
        }
        let key = hasher.finalize()
        // The pages are listed only when the sitemap is made again (an edit of an article's text does not).
        let others = othersOf
        let written = try writeKeyed(1, reusable: reusable, sink: sink, page: { _ in ("sitemap.xml", key) }) { _ in
            let pages = zip(languages, others).flatMap { language, others in sitemapPages(site: language.site, lists: language.lists, others: others) }
            return Sitemap.xml(site: languages[0].site, pages: pages)
        }[0]
        return (written.path, written.key, written.rendered, count)
    }

    /// Writes `count` files on all cores, each at its path; one whose key is the previous build's
    /// is carried over instead of made. Returns each path and key, and whether it was made.
    private static func writeKeyed(
        _ count: Int, reusable: BuildCache?, sink: any PageSink,
        page: @Sendable (Int) -> (path: String, key: Digest), make: @Sendable (Int) -> String
    ) throws -> [(path: String, key: Digest, rendered: Bool)] {
        let results = parallelMap(count) { index -> Result<(path: String, key: Digest, rendered: Bool), BuildFailure> in
            let (path, key) = page(index)
            if let old = reusable?.pages[path], old.key == key, sink.reuse(path) { return .success((path, key, false)) }
            do {
                try write(make(index), to: path, sink)
                return .success((path, key, true))
            } catch {
                return .failure(BuildFailure(.error("output", 0, "\(error)")))
            }
        }
        return try results.map { try $0.get() }
    }

    /// The sitemap's pages, in order: home, all-articles pages, the tag index, each tag's pages,
    /// articles, standalone pages, launches.
    /// - Parameter others: `otherSitemapPages(site)`.
    private static func sitemapPages(site: Site, lists: [ListPage], others: [Sitemap.Page]) -> [Sitemap.Page] {
        let base = site.base
        let modified = site.articles.map { $0.updated ?? $0.date }
        let newest = modified.max()
        func lastModified(_ positions: [Int]) -> Timestamp? {
            positions.lazy.map { modified[$0] }.max()
        }
        var sitemap = [Sitemap.Page(path: base, lastModified: newest, alternates: site.everyLanguage(""))]
        for list in lists where list.folder == site.home + SiteLayout.articlesFolder {
            sitemap.append(Sitemap.Page(
                path: site.config.basePath + list.folderPath(list.number), lastModified: newest,
                alternates: list.number == 1 ? site.everyLanguage(SiteLayout.articlesFolder) : []))
        }
        sitemap.append(Sitemap.Page(path: base + "tags/", lastModified: newest, alternates: site.everyLanguage("tags/")))
        for list in lists where list.folder != site.home + SiteLayout.articlesFolder {
            sitemap.append(Sitemap.Page(path: site.config.basePath + list.folderPath(list.number), lastModified: lastModified(list.members)))
        }
        for article in site.articles {
            sitemap.append(Sitemap.Page(
                path: site.url(of: article), lastModified: article.updated ?? article.date, alternates: site.translations[article.path] ?? []))
        }
        return sitemap + others
    }

    /// The sitemap's standalone pages and launches.
    private static func otherSitemapPages(_ site: Site) -> [Sitemap.Page] {
        site.pages.map { Sitemap.Page(path: site.url(of: $0), lastModified: $0.updated, alternates: site.translations[$0.path] ?? []) }
            + site.ownLaunches.map {
                Sitemap.Page(path: site.url(of: $0), lastModified: $0.history.map(\.date).max(), alternates: site.translations[$0.path] ?? [])
            }
    }
}
