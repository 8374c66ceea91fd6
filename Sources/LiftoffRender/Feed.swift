import LiftoffModel

/// The Atom feed: the latest articles with their full HTML.
package enum AtomFeed {
    package static let limit = 20

    package struct Entry {
        var article: Article
        var description: String
        /// The article's body HTML, as on its page.
        var html: String

        package init(article: Article, description: String, html: String) {
            self.article = article
            self.description = description
            self.html = html
        }
    }

    /// `feed.xml`. Entry ids are the articles' URLs, so they stay the same from build to build;
    /// relative links in the content resolve through `xml:base`.
    package static func xml(site: Site, entries: [Entry]) -> String {
        let config = site.config
        let feedURL = site.absolute(site.base + "feed.xml")
        let updated = entries.map { $0.article.updated ?? $0.article.date }.max() ?? Timestamp(seconds: 0)
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(escape(config.language))">
            <title>\(escape(config.title))</title>

            """
        if !config.description.isEmpty { xml += "<subtitle>\(escape(config.description))</subtitle>\n" }
        xml += """
            <link href="\(escape(feedURL))" rel="self" type="application/atom+xml"/>
            <link href="\(escape(site.homeURL))" rel="alternate" type="text/html"/>
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
            for key in entry.article.authors { if let author = config.authors[key] { xml += "<author><name>\(escape(author.name))</name></author>\n" } }
            for tag in entry.article.tags { xml += "<category term=\"\(escape(tag))\"/>\n" }
            if !entry.description.isEmpty { xml += "<summary>\(escape(entry.description))</summary>\n" }
            xml += "<content type=\"html\" xml:base=\"\(escape(url))\">\(escape(entry.html))</content>\n</entry>\n"
        }
        return xml + "</feed>\n"
    }
}

extension AtomFeed {
    /// The head of one of the site's smaller feeds (a tag's, a launch's): its title, links, id,
    /// date and author (the site's).
    static func head(title: String, feedURL: String, page: String, updated: Timestamp, site: Site) -> String {
        """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(escape(site.config.language))">
        <title>\(escape(title))</title>
        <link href="\(escape(feedURL))" rel="self" type="application/atom+xml"/>
        <link href="\(escape(page))" rel="alternate" type="text/html"/>
        <id>\(escape(feedURL))</id>
        <updated>\(updated.iso8601)</updated>
        <author><name>\(escape(site.config.author.isEmpty ? site.config.title : site.config.author))</name></author>

        """
    }
}

/// `sitemap.xml` and `robots.txt`.
package enum Sitemap {
    package struct Page {
        /// Site path, e.g. `/articles/x/`.
        package var path: String
        package var lastModified: Timestamp?
        /// The page in each language it is in, itself included (none on a site in one language).
        package var alternates: [Site.Alternate]

        package init(path: String, lastModified: Timestamp?, alternates: [Site.Alternate] = []) {
            self.path = path
            self.lastModified = lastModified
            self.alternates = alternates
        }
    }

    package static func xml(site: Site, pages: [Page]) -> String {
        let multilingual = site.languageHomes.count > 1
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
        xml += multilingual ? " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n" : ">\n"
        for page in pages {
            // Addresses as URLs (a slug in another script %-escaped), as the sitemap protocol asks.
            xml += "<url><loc>\(escape(URLText.href(site.absolute(page.path))))</loc>"
            if let lastModified = page.lastModified { xml += "<lastmod>\(lastModified.iso8601)</lastmod>" }
            for version in page.alternates {
                xml += "<xhtml:link rel=\"alternate\" hreflang=\"\(escape(version.tag))\" href=\"\(escape(URLText.href(site.absolute(version.url))))\"/>"
            }
            if let fallback = site.defaultVersion(among: page.alternates) {
                xml += "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(escape(URLText.href(site.absolute(fallback.url))))\"/>"
            }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }

    package static func robots(site: Site) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(site.absolute(site.config.basePath + "sitemap.xml"))\n"
            + "Sitemap: \(site.absolute(site.config.basePath + "news-sitemap.xml"))\n"
    }
}

/// Escapes text for XML and HTML text and attribute values (byte by byte: feeds carry whole
/// articles), and drops the characters XML 1.0 forbids (C0 controls other than tab, line feed and
/// carriage return; U+FFFE, U+FFFF): a form feed in an article must not make the feed unreadable.
func escape(_ text: String) -> String {
    let bytes = text.utf8
    guard bytes.contains(where: { $0 < 0x20 || $0 == 0xEF || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 })
    else { return text }
    var text = text
    return text.withUTF8 { bytes in
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + bytes.count / 8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case 0x26: result += [0x26, 0x61, 0x6D, 0x70, 0x3B]  // &amp;
            case 0x3C: result += [0x26, 0x6C, 0x74, 0x3B]  // &lt;
            case 0x3E: result += [0x26, 0x67, 0x74, 0x3B]  // &gt;
            case 0x22: result += [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]  // &quot;
            case 0x27: result += [0x26, 0x23, 0x33, 0x39, 0x3B]  // &#39;
            case 0x09, 0x0A, 0x0D: result.append(byte)
            case ..<0x20: continue
            case 0xEF where index + 1 < bytes.count && bytes[index] == 0xBF && bytes[index + 1] >= 0xBE:
                index += 2  // U+FFFE and U+FFFF are EF BF BE and EF BF BF
            default: result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
