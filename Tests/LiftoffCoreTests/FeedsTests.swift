import Foundation
import Testing

@testable import LiftoffCore
@testable import LiftoffModel

/// The feeds news readers use: JSON Feed, a feed per tag, and the news sitemap.
@Suite struct FeedsTests {
    static func site() throws -> TestSite {
        try TestSite([
            "content/fresh.md": article("Fresh news", date: "2026-11-23T12:00:00Z", extra: "tags: [launch]\nauthor: maya\n"),
            "content/older.md": article("Older & wiser", date: "2026-11-20", extra: "tags: [launch, notes]\n"),
        ], siteYML: TestSite.siteYML + "\nauthors:\n  maya:\n    name: Maya Chen\n")
    }

    @Test func theJSONFeedHoldsWhatItsSpecificationAsks() throws {
        let site = try Self.site()
        defer { site.remove() }
        let pages = try site.build()
        let json = try #require(pages["feed.json"])
        let feed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(feed["version"] as? String == "https://jsonfeed.org/version/1.1")
        #expect(feed["title"] as? String == "Test Site" && feed["home_page_url"] as? String == "https://example.org/")
        #expect(feed["feed_url"] as? String == "https://example.org/feed.json")
        let items = try #require(feed["items"] as? [[String: Any]])
        #expect(items.map { $0["title"] as? String } == ["Fresh news", "Older & wiser"])
        let first = items[0]
        #expect(first["id"] as? String == "https://example.org/articles/fresh/" && first["url"] as? String == first["id"] as? String)
        #expect((first["content_html"] as? String)?.contains("<p>Body text.</p>") == true)
        #expect(first["date_published"] as? String == "2026-11-23T12:00:00Z" && first["date_modified"] as? String == "2026-11-23T12:00:00Z")
        #expect(first["tags"] as? [String] == ["launch"])
        #expect((first["image"] as? String)?.hasPrefix("https://example.org/articles/fresh/card.") == true)
        #expect((first["authors"] as? [[String: String]])?.first?["name"] == "Maya Chen")
        #expect(pages["index.html"]?.contains("<link rel=\"alternate\" type=\"application/feed+json\" title=\"Test Site\" href=\"/feed.json\">") == true)
    }

    @Test func eachTagHasItsFeedLinkedFromItsPage() throws {
        let site = try Self.site()
        defer { site.remove() }
        let pages = try site.build()
        let launch = try #require(pages["tags/launch/feed.xml"])
        #expect(launch.components(separatedBy: "<entry>").count - 1 == 2)
        #expect(launch.contains("<title>launch · Test Site</title>") && launch.contains("<title>Older &amp; wiser</title>"))
        #expect(pages["tags/notes/feed.xml"]?.components(separatedBy: "<entry>").count == 2)
        #expect(pages["tags/launch/index.html"]?.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Tagged “launch”\" href=\"/tags/launch/feed.xml\">") == true)
        #expect(pages["articles/index.html"]?.contains("/tags/launch/feed.xml") == false)
    }

    @Test func theNewsSitemapListsTheLastTwoDays() throws {
        let site = try Self.site()
        defer { site.remove() }
        let pages = try site.build()
        let news = try #require(pages["news-sitemap.xml"])
        #expect(news.contains("<loc>https://example.org/articles/fresh/</loc><news:news><news:publication><news:name>Test Site</news:name><news:language>en</news:language></news:publication><news:publication_date>2026-11-23T12:00:00Z</news:publication_date><news:title>Fresh news</news:title></news:news></url>"))
        #expect(!news.contains("articles/older/"), "four days old")
        #expect(pages["robots.txt"]?.contains("Sitemap: https://example.org/news-sitemap.xml") == true)
        // Two days after its date the article leaves it: the build's output is good until then.
        let later = try site.build(BuildOptions(now: Timestamp(iso8601: "2026-11-26T12:00:00Z")!))
        #expect(later["news-sitemap.xml"]?.contains("<url>") == false)
        #expect(later["news-sitemap.xml"]?.hasSuffix("</urlset>\n") == true)
    }
}
