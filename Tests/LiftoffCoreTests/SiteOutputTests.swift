import Foundation
import FoundationXML
import Testing

@testable import LiftoffCore
@testable import LiftoffModel

/// The deployable tree: lists, tags, feed, sitemap, robots, 404, metadata, base URL.
@Suite struct SiteOutputTests {
    func articles(_ count: Int, tags: String = "") -> [String: String] {
        var files: [String: String] = [:]
        for index in 0..<count {
            let day = String(format: "2026-11-%02d", index + 1)
            files["content/post-\(index + 1).md"] = article("Post \(index + 1)", date: day, extra: tags.isEmpty ? "" : "tags: [\(tags)]\n")
        }
        return files
    }

    static let twoPerPage = TestSite.siteYML + "\nper_page: 2\n"

    @Test(arguments: [(0, 1), (1, 1), (2, 1), (3, 2), (5, 3)])
    func paginationEdges(count: Int, pages expected: Int) throws {
        let site = try TestSite(articles(count), siteYML: Self.twoPerPage)
        defer { site.remove() }
        let pages = try site.build()
        let lists = pages.keys.filter { $0.hasPrefix("articles/index.html") || $0.hasPrefix("articles/page/") }.sorted()
        #expect(lists.count == expected)
        let first = try #require(pages["articles/index.html"])
        #expect(first.contains("rel=\"next\"") == (expected > 1))
        #expect(!first.contains("rel=\"prev\""))
        if count == 0 { #expect(first.contains("No articles yet.")) }
        if expected > 1 {
            let last = try #require(pages["articles/page/\(expected)/index.html"])
            #expect(last.contains("rel=\"prev\" href=\"/articles/page/\(expected - 1)/\"") || (expected == 2 && last.contains("rel=\"prev\" href=\"/articles/\"")))
            #expect(!last.contains("rel=\"next\""))
            #expect(last.contains("Page \(expected) of \(expected)"))
        }
        // Every article is on exactly one page, newest first.
        let listed = lists.map { pages[$0]! }.joined()
        for index in 1...max(1, count) where count > 0 {
            #expect(listed.components(separatedBy: "<a href=\"/articles/post-\(index)/\">").count == 2)
        }
        #expect(pages["articles/page/\(expected + 1)/index.html"] == nil)
    }

    @Test func tagsThatSlugAlikeAreOneTag() throws {
        let site = try TestSite([
            "content/a.md": article("A", extra: "tags: [Launch Prep, GPT-Image 2]\n"),
            "content/b.md": article("B", date: "2026-11-21", extra: "tags: [launch-prep]\n"),
        ])
        defer { site.remove() }
        let pages = try site.build()
        let index = try #require(pages["tags/index.html"])
        #expect(index.contains("<a href=\"/tags/launch-prep/\">launch-prep</a> <span class=\"tag-count\">2 articles</span>"))
        #expect(index.contains("<a href=\"/tags/gpt-image-2/\">GPT-Image 2</a> <span class=\"tag-count\">1 article</span>"))
        let tag = try #require(pages["tags/launch-prep/index.html"])
        #expect(tag.contains("/articles/a/") && tag.contains("/articles/b/"))
        #expect(tag.range(of: "/articles/b/")!.lowerBound < tag.range(of: "/articles/a/")!.lowerBound)
        #expect(pages.keys.filter { $0.hasPrefix("tags/") && $0.hasSuffix("index.html") }.count == 3)
    }

    @Test func feedIsAtomWithEveryPublicArticle() throws {
        let site = try TestSite([:], copying: "basic")
        defer { site.remove() }
        let pages = try site.build()
        let feed = try XMLDocument(xmlString: try #require(pages["feed.xml"]))
        let root = try #require(feed.rootElement())
        #expect(root.name == "feed")
        #expect(root.uri == "http://www.w3.org/2005/Atom")
        let entries = root.elements(forName: "entry")
        #expect(entries.map { $0.elements(forName: "title").first?.stringValue } == ["Countdown: 7 Days Left", "Release Signals", "A Bundled Article"])
        let first = entries[0]
        #expect(first.elements(forName: "id").first?.stringValue == "https://example.org/articles/countdown/")
        #expect(first.elements(forName: "link").first?.attributes?.first { $0.name == "href" }?.stringValue == "https://example.org/articles/countdown/")
        #expect(first.elements(forName: "updated").first?.stringValue == "2026-11-24T00:00:00Z")
        let content = try #require(first.elements(forName: "content").first)
        #expect(content.attributes?.first { $0.name == "type" }?.stringValue == "html")
        #expect(content.stringValue?.contains("<table>") == true)
        #expect(root.elements(forName: "updated").first?.stringValue == "2026-11-24T00:00:00Z")
        // Every page links the feed.
        for (path, html) in pages where path.hasSuffix(".html") {
            #expect(html.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Fixture Launch\" href=\"/feed.xml\">"), "\(path)")
        }
    }

    @Test func feedHoldsTheLatestTwenty() throws {
        let site = try TestSite(articles(23))
        defer { site.remove() }
        let feed = try XMLDocument(xmlString: try #require(try site.build()["feed.xml"]))
        let titles = feed.rootElement()!.elements(forName: "entry").compactMap { $0.elements(forName: "title").first?.stringValue }
        #expect(titles.count == 20)
        #expect(titles.first == "Post 23")
        #expect(titles.last == "Post 4")
    }

    @Test func sitemapListsEveryPublicPageAndRobotsPointsAtIt() throws {
        let site = try TestSite([:], copying: "basic")
        defer { site.remove() }
        let pages = try site.build()
        let sitemap = try XMLDocument(xmlString: try #require(pages["sitemap.xml"]))
        let urls = sitemap.rootElement()!.elements(forName: "url")
        let locations = Set(urls.compactMap { $0.elements(forName: "loc").first?.stringValue })
        // Every page but the search page (`noindex`: a page of results is not a page to find).
        let public_ = pages.keys.filter { $0.hasSuffix("index.html") && $0 != "search/index.html" }
        #expect(pages.keys.contains("search/index.html"))
        for page in public_ {
            #expect(locations.contains("https://example.org/" + page.dropLast("index.html".count)), "\(page)")
        }
        #expect(locations.count == public_.count)
        #expect(urls.allSatisfy { $0.elements(forName: "lastmod").first?.stringValue?.hasPrefix("2026-") == true })
        #expect(pages["robots.txt"] == "User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap.xml\nSitemap: https://example.org/news-sitemap.xml\n")
    }

    @Test func tagPagesCarryTheirNewestArticlesDateWhateverTheirName() throws {
        let site = try TestSite([
            "content/a.md": article("A", date: "2026-11-02", extra: "tags: [homepage]\n"),
            "content/b.md": article("B", date: "2026-11-09", extra: "tags: [homepage, other]\n"),
        ])
        defer { site.remove() }
        let sitemap = try #require(try site.build()["sitemap.xml"])
        #expect(sitemap.contains("<url><loc>https://example.org/tags/homepage/</loc><lastmod>2026-11-09T00:00:00Z</lastmod></url>"))
        #expect(sitemap.contains("<url><loc>https://example.org/tags/other/</loc><lastmod>2026-11-09T00:00:00Z</lastmod></url>"))
    }

    @Test func notFoundPageIsThemedWithLinksThatWorkAtAnyDepth() throws {
        let site = try TestSite(["content/a.md": article("A")])
        defer { site.remove() }
        let html = try #require(try site.build()["404.html"])
        #expect(html.contains("<h1>Page not found</h1>"))
        #expect(html.contains("<meta name=\"robots\" content=\"noindex\">"))
        for link in attributeValues("href", in: html) + attributeValues("src", in: html) {
            #expect(link.hasPrefix("/") || link.hasPrefix("https://") || link.hasPrefix("#"), "\(link)")
        }
    }

    @Test func everyPageHasItsMetadata() throws {
        let site = try TestSite([:], copying: "basic")
        defer { site.remove() }
        let pages = try site.build()
        for (path, html) in pages where path.hasSuffix(".html") && path != "404.html" {
            let canonical = "https://example.org/" + path.dropLast("index.html".count)
            #expect(html.contains("<link rel=\"canonical\" href=\"\(canonical)\">"), "\(path)")
            #expect(html.contains("<meta property=\"og:url\" content=\"\(canonical)\">"), "\(path)")
            #expect(html.contains("<meta property=\"og:title\""), "\(path)")
            #expect(html.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"), "\(path)")
            #expect(html.contains("<meta property=\"og:image\" content=\"https://example.org/"), "\(path)")
            #expect(html.contains("<meta property=\"og:image:alt\" content=\""), "\(path)")
            #expect(html.contains("<meta name=\"description\" content=\""), "\(path)")
        }
        let article = try #require(pages["articles/countdown/index.html"])
        let crumbs = try #require(between("\"@type\":\"BreadcrumbList\"", "</script>", in: article))
        #expect(crumbs.contains("\"item\":\"https://example.org/articles/countdown/\""))
        #expect(crumbs.contains("\"position\":3"))
    }

    @Test func newsletterFormOnlyWhenConfigured() throws {
        let with = try TestSite([:], copying: "basic")
        defer { with.remove() }
        #expect(try with.build()["index.html"]?.contains("<form class=\"signup\" action=\"https://example.org/subscribe\" method=\"post\">") == true)
        let without = try TestSite(["content/a.md": article("A")])
        defer { without.remove() }
        #expect(try without.build()["index.html"]?.contains("<form class=\"signup\"") == false)
    }

    @Test func baseURLSubpathHoldsInFeedSitemapAndRobots() throws {
        let site = try TestSite([:], copying: "basic")
        defer { site.remove() }
        let pages = try site.build(BuildOptions(now: testNow, baseURL: "https://example.org/launch"))
        for file in ["feed.xml", "sitemap.xml", "robots.txt"] {
            let text = try #require(pages[file])
            for piece in text.components(separatedBy: "https://").dropFirst() where piece.hasPrefix("example.org") {
                #expect(piece.hasPrefix("example.org/launch/"), "\(file): \(piece.prefix(60))")
            }
        }
    }

    @Test func draftsAndFuturePostsLeakNowhere() throws {
        let site = try TestSite([:], copying: "basic")
        defer { site.remove() }
        let pages = try site.build()
        for (path, text) in pages where path.hasSuffix(".html") || path.hasSuffix(".xml") {
            #expect(!text.contains("/articles/draft/") && !text.contains("/articles/future/"), "\(path)")
        }
        #expect(!pages.keys.contains { $0.contains("draft") || $0.contains("future") })
    }

    @Test func previewBuildsMarkDraftsAndFuturePosts() throws {
        let site = try TestSite([:], copying: "basic")
        defer { site.remove() }
        let pages = try site.build(BuildOptions(now: testNow, drafts: true, future: true))
        #expect(pages["articles/draft/index.html"]?.contains("class=\"preview-banner\"") == true)
        #expect(pages["articles/future/index.html"]?.contains("class=\"preview-banner\"") == true)
        #expect(pages["articles/countdown/index.html"]?.contains("class=\"preview-banner\"") == false)
    }

    @Test func sameSourcesAndNowGiveTheSameBytes() throws {
        let one = try TestSite([:], copying: "basic")
        let two = try TestSite([:], copying: "basic")
        defer { one.remove(); two.remove() }
        #expect(try one.build() == two.build())
        // A different now changes only what depends on it: the countdowns.
        let later = try one.build(BuildOptions(now: Timestamp(iso8601: "2026-11-25T17:00:00Z")!))
        #expect(later["articles/signals/index.html"]?.contains("6 days left") == true)
    }

    @Test func assetNamesChangeWhenTheAssetChanges() throws {
        let site = try TestSite(["content/a.md": article("A")])
        defer { site.remove() }
        func styleName() throws -> String {
            try #require(try site.build().keys.first { $0.hasPrefix("assets/style.") })
        }
        let before = try styleName()
        #expect(try site.build()["index.html"]?.contains("href=\"/\(before)\"") == true)
        try site.write("theme/assets/style.css", "body { color: red; }\n")
        let after = try styleName()
        #expect(before != after)
        #expect(try site.build()["index.html"]?.contains("href=\"/\(after)\"") == true)
    }
}
