import LiftoffModel

/// `feed.json` (JSON Feed 1.1): the same latest articles as `feed.xml`, with their HTML.
package enum JSONFeed {
    /// - Parameter images: each entry's share image (absolute URL), by article path.
    package static func json(site: Site, entries: [AtomFeed.Entry], images: [String: String]) -> String {
        let config = site.config
        var feed: [String: Any] = [
            "version": "https://jsonfeed.org/version/1.1",
            "title": config.title,
            "home_page_url": site.homeURL,
            "feed_url": site.absolute(site.base + "feed.json"),
            "language": config.language,
            "items": entries.map { item($0, site: site, image: images[$0.article.path]) },
        ]
        if !config.description.isEmpty { feed["description"] = config.description }
        if !config.author.isEmpty { feed["authors"] = [["name": config.author]] }
        return JSONLD.script(feed) + "\n"
    }

    private static func item(_ entry: AtomFeed.Entry, site: Site, image: String?) -> [String: Any] {
        let article = entry.article, url = site.absolute(site.url(of: article))
        var item: [String: Any] = [
            "id": url, "url": url, "title": article.title, "content_html": entry.html,
            "date_published": article.date.iso8601, "date_modified": (article.updated ?? article.date).iso8601, "tags": article.tags,
        ]
        if !entry.description.isEmpty { item["summary"] = entry.description }
        if let image { item["image"] = image }
        let authors = article.authors.compactMap { site.config.authors[$0] }
        if !authors.isEmpty {
            item["authors"] = authors.map { ["name": $0.name, "url": $0.url ?? site.absolute(site.url(ofAuthor: $0.key))] }
        }
        return item
    }
}

/// `tags/<slug>/feed.xml`: a tag's twenty newest articles, each with its description (the site's
/// own feed carries their HTML), so readers can follow one topic.
package enum TagFeed {
    package static func xml(site: Site, tag: Site.Tag) -> String {
        let page = site.absolute(site.url(ofTag: tag.slug)), feedURL = page + "feed.xml"
        let articles = tag.articles.prefix(AtomFeed.limit).map { site.articles[$0] }
        let updated = articles.map { $0.updated ?? $0.date }.max() ?? Timestamp(seconds: 0)
        var xml = AtomFeed.head(title: "\(tag.name) · \(site.config.title)", feedURL: feedURL, page: page, updated: updated, site: site)
        for article in articles {
            let url = site.absolute(site.url(of: article))
            xml += """
                <entry>
                <title>\(escape(article.title))</title>
                <link href="\(escape(url))" rel="alternate" type="text/html"/>
                <id>\(escape(url))</id>
                <published>\(article.date.iso8601)</published>
                <updated>\((article.updated ?? article.date).iso8601)</updated>
                <summary>\(escape(article.description ?? article.title))</summary>
                </entry>

                """
        }
        return xml + "</feed>\n"
    }
}

/// `news-sitemap.xml`: the articles published in the two days before the build, in every language
/// of the site, each with its language's publication name and tag (at most 1,000, newest first), as
/// Google News reads them; a valid empty file when there are none.
package enum NewsSitemap {
    package static let limit = 1000

    /// - Parameter sites: each language's site, the default's first.
    package static func xml(sites: [Site]) -> String {
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">

            """
        var recent = sites.indices.flatMap { index in sites[index].recentArticles.prefix(limit).map { (site: index, position: $0) } }
        // Newest first across languages; one language's keep their order.
        if sites.count > 1 {
            recent = recent.enumerated().sorted { a, b in
                let (x, y) = (sites[a.element.site].articles[a.element.position].date, sites[b.element.site].articles[b.element.position].date)
                return x != y ? x > y : a.offset < b.offset
            }.map(\.element)
        }
        for (index, position) in recent.prefix(limit) {
            let site = sites[index], article = site.articles[position]
            xml += "<url><loc>\(escape(URLText.href(site.absolute(site.url(of: article)))))</loc><news:news><news:publication>"
                + "<news:name>\(escape(site.config.title))</news:name><news:language>\(escape(site.config.language))</news:language>"
                + "</news:publication><news:publication_date>\(article.date.iso8601)</news:publication_date>"
                + "<news:title>\(escape(article.title))</news:title></news:news></url>\n"
        }
        return xml + "</urlset>\n"
    }
}
