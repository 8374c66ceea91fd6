import Foundation
import Testing

@testable import LiftoffCore
@testable import LiftoffModel

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

    @Test func aliasesAHostWouldServeElsewhereAreErrorsAtTheirItemsLine() throws {
        let site = try TestSite([
            "content/a.md": article("A", extra: "aliases:\n  - \"/old\\thttps:/evil.example/\"\n  - /%2e%2e/\n  - /.liftoff-output\n"),
            "content/c.md": article("C", date: "2026-11-22", extra: "aliases: [/ok/]\n"),
            "content/b.md": article("B", date: "2026-11-21", extra: "aliases: [/OK/, /CNAME, /_redirects]\n"),
            "content/CNAME": "example.org\n",
        ])
        defer { site.remove() }
        #expect(site.failures() == [
            "content/a.md:6: front matter: alias '/old\\thttps:/evil.example/' must be a plain path (no spaces, tabs, quotes, query or fragment)",
            "content/a.md:7: front matter: alias '/%2e%2e/' must be written as readers see it, without %-escapes (`/café/`, not `/caf%C3%A9/`)",
            "content/a.md:8: front matter: alias '/.liftoff-output' must not name .liftoff-output, the output's own marker",
            "content/b.md:5: alias '/CNAME' is where content/CNAME is published; remove the alias",
            "content/b.md:5: alias '/OK/' is also an alias of content/c.md",
            "content/b.md:5: alias '/_redirects' is where _redirects is published; remove the alias",
        ])
    }

    @Test func aTagThatMakesNoAddressIsAnErrorAtItsLine() throws {
        let long = String(repeating: "t", count: 300)
        let site = try TestSite(["content/a.md": article("A", extra: "tags:\n  - ok\n  - 🚀!\n  - \(long)\n  - 日本\n")])
        defer { site.remove() }
        // `日本` makes `/tags/日本/`: letters of any script make an address; an emoji does not.
        #expect(site.failures() == [
            "content/a.md:7: front matter: tag '🚀!' makes no address (its page is /tags/<slug>/, and slugs hold letters and digits); name it with letters or digits",
            "content/a.md:8: front matter: tag '\(long.prefix(40))…' is too long for an address; keep a tag to 200 characters",
        ])
    }

    static func moved(_ old: String, _ new: String, line: Int = 5) -> String {
        "content/post.md:\(line): warning: URL changed from \(old) to \(new): links to the old one lead nowhere; add `aliases: [\(old)]` to send readers on, or `retired: [\(old)]` to let it go"
    }

    @Test func aURLThatMovedWarnsOnEveryBuildUntilAnAliasOrRetiredHandlesIt() throws {
        let site = try TestSite(["content/post.md": article("Post", extra: "slug: first-name\n"), "content/other.md": article("Other")])
        defer { site.remove() }
        #expect(try Self.publish(site).warnings.isEmpty)
        try site.write("content/post.md", article("Post", extra: "slug: second-name\n"))
        #expect(try Self.publish(site).warnings.map(\.description) == [Self.moved("/articles/first-name/", "/articles/second-name/")])
        // The next build, for another edit, still says so; and so does a strict check.
        try site.write("content/other.md", article("Other", body: "Edited."))
        #expect(try Self.publish(site).warnings.map(\.description) == [Self.moved("/articles/first-name/", "/articles/second-name/")])
        var strict = BuildOptions(now: testNow, strict: true)
        strict.keepCaches(besideOutput: site.output)
        let history = BuildCache.urlHistory(from: BuildCache.location(for: site.output))
        #expect(throws: BuildFailure.self) { try Builder.build(root: site.root, into: MemorySink(), options: strict, previous: history) }
        // Moved again: both old URLs are lost until each is handled.
        try site.write("content/post.md", article("Post", extra: "slug: third-name\naliases: [/articles/second-name]\n"))
        #expect(try Self.publish(site).warnings.map(\.description) == [Self.moved("/articles/first-name/", "/articles/third-name/")])
        try site.write("content/post.md", article("Post", extra: "slug: third-name\naliases: [/articles/second-name]\nretired: [/articles/first-name/]\n"))
        #expect(try Self.publish(site).warnings.isEmpty)
        try site.write("content/other.md", article("Other", body: "Edited again."))
        #expect(try Self.publish(site).warnings.isEmpty)
    }

    @Test func anOldURLPublishedAgainNeedsNothing() throws {
        let site = try TestSite(["content/post.md": article("Post", extra: "slug: first-name\n")])
        defer { site.remove() }
        _ = try Self.publish(site)
        try site.write("content/post.md", article("Post", extra: "slug: second-name\n"))
        #expect(try Self.publish(site).warnings.count == 1)
        try site.write("content/new.md", article("New", extra: "slug: first-name\n"))
        #expect(try Self.publish(site).warnings.isEmpty, "another article lives at the old URL now")
    }
}
