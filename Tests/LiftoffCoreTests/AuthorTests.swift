import Foundation
import Testing

@testable import LiftoffCore

/// Bylines from site.yml's `authors:`: on articles and cards, author pages, JSON-LD and the feed.
@Suite struct AuthorTests {
    static let authors = "\nauthors:\n  maya:\n    name: Maya Chen\n    bio: Covers launches.\n  sam:\n    name: Sam Okafor\n    url: https://example.com/sam\n"
    /// One article by Maya, one by Sam and Maya, one by nobody named.
    static let articles = [
        "content/one.md": article("One", extra: "author: maya\n"),
        "content/two.md": article("Two", date: "2026-11-21", extra: "authors: [sam, maya]\n"),
        "content/three.md": article("Three", date: "2026-11-22"),
    ]

    @Test func bylinesAuthorPagesPeopleInJSONLDAndTheFeed() throws {
        let site = try TestSite(Self.articles, siteYML: TestSite.siteYML + Self.authors)
        defer { site.remove() }
        let pages = try site.build()
        let two = try #require(pages["articles/two/index.html"])
        #expect(two.contains("<span class=\"byline\">By <a href=\"/authors/sam/\">Sam Okafor</a> and <a href=\"/authors/maya/\">Maya Chen</a></span>"))
        #expect(two.contains("\"author\":[{\"@type\":\"Person\",\"name\":\"Sam Okafor\",\"url\":\"https://example.com/sam\"},{\"@type\":\"Person\",\"name\":\"Maya Chen\",\"url\":\"https://example.org/authors/maya/\"}]"))
        let maya = try #require(pages["authors/maya/index.html"])
        #expect(maya.contains("<h1>Articles by Maya Chen</h1>") && maya.contains("<p class=\"list-intro\">Covers launches.</p>"))
        #expect(maya.contains("href=\"/articles/one/\"") && maya.contains("href=\"/articles/two/\"") && !maya.contains("href=\"/articles/three/\""))
        #expect(pages["index.html"]!.contains("By <a href=\"/authors/maya/\">Maya Chen</a> · <time"), "the card's byline")
        #expect(pages["sitemap.xml"]!.contains("https://example.org/authors/sam/"))
        #expect(pages["feed.xml"]!.contains("<author><name>Sam Okafor</name></author>\n<author><name>Maya Chen</name></author>"))
        let three = try #require(pages["articles/three/index.html"])
        #expect(!three.contains("class=\"byline\"") && three.contains("\"author\":{\"@type\":\"Organization\""), "no author: the site's")
    }

    @Test func anUnknownAuthorIsAnErrorWithASuggestion() throws {
        let site = try TestSite(["content/one.md": article("One", extra: "author: mayaa\n")], siteYML: TestSite.siteYML + Self.authors)
        defer { site.remove() }
        #expect(site.failures() == ["content/one.md:5: author 'mayaa' is not in site.yml's `authors:`; did you mean 'maya'?"])
        let bare = try TestSite(["content/one.md": article("One", extra: "author: maya\n")])
        defer { bare.remove() }
        #expect(bare.failures() == ["content/one.md:5: author 'maya': site.yml has no `authors:` to name (add `authors: {maya: {name: Full Name}}`)"])
    }

    @Test func anAvatarIsShownOnTheAuthorsPageThroughTheImagesPipeline() throws {
        let yml = TestSite.siteYML + "\nauthors:\n  maya:\n    name: Maya Chen\n    avatar: content/authors/maya.jpg\n  sam:\n    name: Sam Okafor\n    avatar: content/authors/nobody.jpg\n"
        let site = try TestSite(["content/one.md": article("One", extra: "author: maya\n")], siteYML: yml)
        defer { site.remove() }
        try site.write("content/authors/maya.jpg", ImageTests.fixture("wide.jpg"))
        #expect(site.failures() == ["site.yml:13: site.yml: authors: sam: avatar 'content/authors/nobody.jpg' is not an image file under content/"])
        try site.write("site.yml", yml.replacingOccurrences(of: "    avatar: content/authors/nobody.jpg\n", with: ""))
        let pages = try site.build()
        let maya = try #require(pages["authors/maya/index.html"])
        #expect(maya.contains("<div class=\"list-avatar\"><picture><source type=\"image/webp\" srcset=\"/authors/maya/maya."))
        #expect(maya.contains("sizes=\"96px\"") && maya.contains("alt=\"Maya Chen\""))
    }
}
