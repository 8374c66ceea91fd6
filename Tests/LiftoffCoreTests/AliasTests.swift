import Foundation
import Testing

@testable import LiftoffCore

/// Links already shared keep working: alias pages, `_redirects`, and a warning when a URL moves.
@Suite struct AliasTests {
    static func publish(_ site: TestSite, now: Timestamp = testNow) throws -> BuildReport { try site.publishReport(now: now) }

    @Test func eachAliasSendsReadersToTheArticleAndRedirectsListsThem() throws {
        let site = try TestSite([
            "content/new.md": article("New home", extra: "slug: new-home\naliases: [/articles/old-home/, /old.html]\n"),
            "content/_redirects": "/feed /feed.xml 301\n",
        ])
        defer { site.remove() }
        _ = try Self.publish(site)
        let page = try site.outputText("articles/old-home/index.html")
        #expect(page.contains("<link rel=\"canonical\" href=\"https://example.org/articles/new-home/\">"))
        #expect(page.contains("<meta http-equiv=\"refresh\" content=\"0; url=https://example.org/articles/new-home/\">"))
        #expect(page.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(page.contains("<a href=\"https://example.org/articles/new-home/\">New home</a>"))
        #expect(try site.outputText("old.html").contains("url=https://example.org/articles/new-home/"))
        #expect(try site.outputText("_redirects") == "/feed /feed.xml 301\n/articles/old-home/ /articles/new-home/ 301\n/old.html /articles/new-home/ 301\n")
        #expect(!(try site.outputText("sitemap.xml")).contains("old-home"))
    }

    @Test func aliasesThatCollideOrAreNotPathsAreErrorsAtTheirLine() throws {
        let site = try TestSite([
            "content/a.md": article("A", extra: "aliases: [/articles/b/]\n"),
            "content/b.md": article("B", date: "2026-11-21", extra: "aliases: [/gone/]\n"),
            "content/c.md": article("C", date: "2026-11-22", extra: "aliases: [/gone/]\n"),
            "content/d.md": article("D", date: "2026-11-23", extra: "aliases: [old/path/, /a/../b/]\n"),
        ])
        defer { site.remove() }
        let failures = site.failures()
        #expect(failures.contains("content/a.md:5: alias '/articles/b/' is where articles/b/index.html is published; remove the alias"), "\(failures)")
        #expect(failures.contains { $0.hasPrefix("content/") && $0.contains(": alias '/gone/' is also an alias of content/") })
        #expect(failures.contains("content/d.md:5: front matter: alias 'old/path/' must be a path on this site, like /articles/old-slug/"))
        #expect(failures.contains("content/d.md:5: front matter: alias '/a/../b/' must not contain '.', '..' or '//' segments"))
    }

    @Test func aURLThatMovedSinceTheLastBuildIsAWarningUntilItHasAnAlias() throws {
        let site = try TestSite(["content/post.md": article("Post", extra: "slug: first-name\n")])
        defer { site.remove() }
        #expect(try Self.publish(site).warnings.isEmpty)
        try site.write("content/post.md", article("Post", extra: "slug: second-name\n"))
        let moved = try Self.publish(site).warnings.map(\.description)
        #expect(moved == ["content/post.md:5: warning: URL changed from /articles/first-name/ to /articles/second-name/; add `aliases: [/articles/first-name/]` so shared links keep working"])
        try site.write("content/post.md", article("Post", extra: "slug: third-name\naliases: [/articles/second-name/]\n"))
        #expect(try Self.publish(site).warnings.isEmpty)
    }
}
