/// The Atom feed: the latest articles with their full HTML.
enum AtomFeed {
    static let limit = 20

    struct Entry {
        var article: Article
        var description: String
        /// The article's body HTML, as on its page.
        var html: String
    }

    /// `feed.xml`. Entry ids are the articles' URLs, so they stay the same from build to build;
    /// relative links in the content resolve through `xml:base`.
    static func xml(site: Site, entries: [Entry]) -> String {
        let config = site.config
        let feedURL = site.absolute(config.basePath + "feed.xml")
        let updated = entries.map { $0.article.updated ?? $0.article.date }.max() ?? Timestamp(seconds: 0)
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(escape(config.language))">
            <title>\(escape(config.title))</title>

            """
        if !config.description.isEmpty { xml += "<subtitle>\(escape(config.description))</subtitle>\n" }
        xml += """
            <link href="\(escape(feedURL))" rel="self" type="application/atom+xml"/>
            <link href="\(escape(config.baseURL))" rel="alternate" type="text/html"/>
            <id>\(escape(feedURL))</id>
            <updated>\(updated.iso8601)</updated>

            """
        if !config.author.isEmpty { xml += "<author><name>\(escape(config.author))</name></author>\n" }
        for entry in entries {
            let url = site.absolute(site.url(of: entry.article))
            xml += """
                <entry>
                <title>\(escape(entry.article.title))</title>
                <link href="\(escape(url))" rel="alternate" type="text/html"/>
                <id>\(escape(url))</id>
                <published>\(entry.article.date.iso8601)</published>
                <updated>\((entry.article.updated ?? entry.article.date).iso8601)</updated>

                """
            for tag in entry.article.tags { xml += "<category term=\"\(escape(tag))\"/>\n" }
            if !entry.description.isEmpty { xml += "<summary>\(escape(entry.description))</summary>\n" }
            xml += "<content type=\"html\" xml:base=\"\(escape(url))\">\(escape(entry.html))</content>\n</entry>\n"
        }
        return xml + "</feed>\n"
    }
}

/// `sitemap.xml` and `robots.txt`.
enum Sitemap {
    struct Page {
        /// Site path, e.g. `/articles/x/`.
        var path: String
        var lastModified: Timestamp?
    }

    static func xml(site: Site, pages: [Page]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages {
            xml += "<url><loc>\(escape(site.absolute(page.path)))</loc>"
            if let lastModified = page.lastModified { xml += "<lastmod>\(lastModified.iso8601)</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }

    static func robots(site: Site) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(site.absolute(site.config.basePath + "sitemap.xml"))\n"
    }
}

/// Escapes text for XML and HTML text and attribute values.
func escape(_ text: String) -> String {
    guard text.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" || $0 == "\"" || $0 == "'" }) else { return text }
    var result = ""
    result.reserveCapacity(text.utf8.count + 16)
    for character in text {
        switch character {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "'": result += "&#39;"
        default: result.append(character)
        }
    }
    return result
}
