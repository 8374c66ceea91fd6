import Foundation
import Testing

@testable import LiftoffCore
@testable import LiftoffModel

/// Pages that are not articles (`content/pages/`), and the menu that links them.
@Suite struct StandalonePageTests {
    static let menu = "\nmenu:\n  - title: About us\n    page: about\n  - title: Source\n    url: https://example.com/source\n"

    @Test func aPageHasItsOwnAddressIsInTheSitemapAndNowhereArticlesAre() throws {
        let site = try TestSite([
            "content/pages/about.md": "---\ntitle: About\ndescription: Who we are.\n---\n\nWe track launches. Read [the post](../post.md).\n",
            "content/post.md": article("Post", extra: "tags: [notes]\n", body: "See [about](pages/about.md#contact)."),
        ], siteYML: TestSite.siteYML + Self.menu)
        defer { site.remove() }
        let pages = try site.build()
        let about = try #require(pages["about/index.html"])
        #expect(about.contains("<h1>About</h1>") && about.contains("href=\"/articles/post/\""))
        #expect(about.contains("<link rel=\"canonical\" href=\"https://example.org/about/\">"))
        #expect(pages["articles/post/index.html"]!.contains("href=\"/about/#contact\""))
        #expect(pages["sitemap.xml"]!.contains("<loc>https://example.org/about/</loc>"))
        for path in ["feed.xml", "index.html", "articles/index.html", "tags/notes/index.html"] {
            #expect(!pages[path]!.contains("We track launches") && !pages[path]!.contains(">About</a></h3>"), "\(path)")
        }
        // The menu, in the header (its row, and its Menu on a phone) and the footer of every page.
        for path in ["index.html", "about/index.html", "articles/post/index.html"] {
            #expect(pages[path]!.components(separatedBy: "<a href=\"/about/\">About us</a>").count == 4, "\(path)")
            #expect(pages[path]!.contains("<a href=\"https://example.com/source\">Source</a>"))
        }
    }

    @Test func pageProblemsAreErrorsAtTheirLines() throws {
        let site = try TestSite([
            "content/pages/tags.md": "---\ntitle: Tags\n---\n\nText.\n",
            "content/pages/a.md": "---\ntitle: A\nslug: same\n---\n\nText.\n",
            "content/pages/b.md": "---\ntitle: B\nslug: same\n---\n\nText.\n",
            "content/pages/untitled.md": "---\ndescription: no title\n---\n\nText.\n",
            "content/post.md": article("Post"),
        ], siteYML: TestSite.siteYML + "\nmenu:\n  - title: About\n    page: abuot\n")
        defer { site.remove() }
        let failures = site.failures()
        #expect(failures.contains("content/pages/tags.md:2: front matter: the page's address /tags/ is one Liftoff makes; name the file (or `slug:`) otherwise"), "\(failures)")
        #expect(failures.contains("content/pages/b.md:3: the page's address /same/ is also content/pages/a.md's; set a different `slug:`"))
        #expect(failures.contains { $0.hasPrefix("content/pages/untitled.md:") && $0.hasSuffix("missing key 'title'") })
        #expect(failures.contains("site.yml:9: site.yml: menu: no page 'abuot' (a file content/pages/abuot.md)"), "\(failures)")
    }

    @Test func aMenuNamesAPagesFileWhateverItsSlugAndADraftPageIsSaidToBeOne() throws {
        let site = try TestSite([
            "content/pages/about.md": "---\ntitle: About\nslug: who-we-are\n---\n\nText.\n",
            "content/post.md": article("Post"),
        ], siteYML: TestSite.siteYML + Self.menu)
        defer { site.remove() }
        #expect(try site.build()["index.html"]?.contains("<a href=\"/who-we-are/\">About us</a>") == true)
        try site.write("content/pages/about.md", "---\ntitle: About\ndraft: true\n---\n\nText.\n")
        #expect(site.failures() == ["site.yml:9: site.yml: menu: page 'about' is a draft (content/pages/about.md): publish it, or remove the entry until it is"])
    }

    @Test func aDraftPageWaitsForDrafts() throws {
        let site = try TestSite(["content/pages/soon.md": "---\ntitle: Soon\ndraft: true\n---\n\nText.\n", "content/post.md": article("Post")])
        defer { site.remove() }
        #expect(try site.build()["soon/index.html"] == nil)
        #expect(try site.build(BuildOptions(now: testNow, drafts: true))["soon/index.html"] != nil)
    }

    @Test func aLinkToAnArticleOrPageNotPublishedYetLeadsToItsFutureAddressWithAWarningUntilItIs() throws {
        // Twenty newer articles: the feed's (always rendered) are not B, whose page is carried over.
        let newer = Dictionary(uniqueKeysWithValues: (1...20).map { ("content/n\($0).md", article("N\($0)", date: "2026-11-\(String(format: "%02d", $0 + 1))")) })
        let site = try TestSite(newer.merging([
            "content/b.md": article("B", date: "2026-11-01", body: "See [the draft](d.md), [the future](f.md#plan) and [hidden](pages/hidden.md)."),
            "content/d.md": article("D", extra: "draft: true\n"),
            "content/f.md": article("F", date: "2099-01-01"),
            "content/pages/hidden.md": "---\ntitle: Hidden\ndraft: true\n---\n\nText.\n",
        ]) { $1 })
        defer { site.remove() }
        func notes() throws -> [String] { try site.publishReport().warnings.map(\.description).filter { $0.contains("leads nowhere") } }
        #expect(try notes() == [
            "content/b.md:7: warning: link to 'd.md', a draft: it leads nowhere until that is published",
            "content/b.md:7: warning: link to 'f.md#plan', scheduled for January 1, 2099: it leads nowhere until that is published",
            "content/b.md:7: warning: link to 'pages/hidden.md', a draft: it leads nowhere until that is published",
        ])
        let page = try site.outputText("articles/b/index.html")
        #expect(page.contains("href=\"/articles/d/\"") && page.contains("href=\"/articles/f/#plan\"") && page.contains("href=\"/hidden/\""))
        // Published, the draft's link is no longer a warning, although the page linking to it did not change.
        try site.write("content/d.md", article("D", date: "2026-10-01"))
        #expect(try notes().count == 2)
    }
}

