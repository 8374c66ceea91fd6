import Foundation
import Testing

@testable import LiftoffCore

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
        // The menu, in the header and the footer of every page.
        for path in ["index.html", "about/index.html", "articles/post/index.html"] {
            #expect(pages[path]!.components(separatedBy: "<a href=\"/about/\">About us</a>").count == 3, "\(path)")
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

    @Test func aDraftPageWaitsForDrafts() throws {
        let site = try TestSite(["content/pages/soon.md": "---\ntitle: Soon\ndraft: true\n---\n\nText.\n", "content/post.md": article("Post")])
        defer { site.remove() }
        #expect(try site.build()["soon/index.html"] == nil)
        #expect(try site.build(BuildOptions(now: testNow, drafts: true))["soon/index.html"] != nil)
    }
}
