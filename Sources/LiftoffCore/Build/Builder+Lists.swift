import LiftoffModel
import LiftoffRender

/// The list pages (all articles, each tag; paginated) and the sitemap.
extension Builder {
    /// Renders the list pages on all cores; one whose key did not change is carried over.
    /// Returns each with its key and whether it was rendered.
    static func writeLists(
        _ pages: [ListPage], renderer: PageRenderer, keys: PageKeys, reusable: BuildCache?, sink: any PageSink
    ) throws -> [(page: ListPage, key: Digest, rendered: Bool)] {
        let results = parallelMap(pages.count) { index -> Result<(key: Digest, rendered: Bool), BuildFailure> in
            let page = pages[index]
            let key = keys.list(page)
            if let old = reusable?.pages[page.path], old.key == key, sink.reuse(page.path) { return .success((key, false)) }
            do {
                try write(renderer.render(page), to: page.path, sink)
                return .success((key, true))
            } catch {
                return .failure(BuildFailure(.error("output", 0, "\(error)")))
            }
        }
        return try zip(pages, results).map { page, result in
            let (key, rendered) = try result.get()
            return (page, key, rendered)
        }
    }

    /// Each tag's feed, written again only when its key changed (else carried over like a list page).
    static func writeTagFeeds(site: Site, keys: PageKeys, reusable: BuildCache?, sink: any PageSink) throws -> [(path: String, key: Digest, rendered: Bool)] {
        let tags = site.tags
        let results = parallelMap(tags.count) { index -> Result<(path: String, key: Digest, rendered: Bool), BuildFailure> in
            let tag = tags[index], path = "tags/\(tag.slug)/feed.xml", key = keys.tagFeed(tag)
            if let old = reusable?.pages[path], old.key == key, sink.reuse(path) { return .success((path, key, false)) }
            do {
                try write(TagFeed.xml(site: site, tag: tag), to: path, sink)
                return .success((path, key, true))
            } catch {
                return .failure(BuildFailure(.error("output", 0, "\(error)")))
            }
        }
        return try results.map { try $0.get() }
    }

    /// The sitemap's pages, in order: home, all-articles pages, the tag index, each tag's pages,
    /// articles, standalone pages, launches.
    static func sitemapPages(site: Site, lists: [ListPage]) -> [Sitemap.Page] {
        let base = site.config.basePath
        let newest = site.articles.map { $0.updated ?? $0.date }.max()
        func lastModified(_ positions: [Int]) -> Timestamp? {
            positions.map { site.articles[$0].updated ?? site.articles[$0].date }.max()
        }
        var sitemap = [Sitemap.Page(path: base, lastModified: newest)]
        for list in lists where list.folder == SiteLayout.articlesFolder {
            sitemap.append(Sitemap.Page(path: base + list.folderPath(list.number), lastModified: newest))
        }
        sitemap.append(Sitemap.Page(path: base + "tags/", lastModified: newest))
        for list in lists where list.folder != SiteLayout.articlesFolder {
            sitemap.append(Sitemap.Page(path: base + list.folderPath(list.number), lastModified: lastModified(list.members)))
        }
        for article in site.articles {
            sitemap.append(Sitemap.Page(path: site.url(of: article), lastModified: article.updated ?? article.date))
        }
        for page in site.pages {
            sitemap.append(Sitemap.Page(path: site.url(of: page), lastModified: page.updated))
        }
        for launch in site.launches.values.sorted(by: { $0.key < $1.key }) {
            sitemap.append(Sitemap.Page(path: site.url(of: launch), lastModified: launch.history.map(\.date).max()))
        }
        return sitemap
    }
}
