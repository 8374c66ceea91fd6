import Foundation
import Testing

@testable import LiftoffCore
@testable import LiftoffModel

/// A rebuild renders only the pages an edit touches, and its output is byte for byte the output
/// of a clean build of the same sources.
@Suite struct IncrementalBuildTests {
    /// 30 articles, newest first `a29` … `a00`, so that `a00`…`a09` are outside the feed's 20.
    /// Tags in threes; `a03` lists `a01` and `a02` as related; `a04` links to `a09.md` and an
    /// image; `a05` has a countdown block; `a06` links to `a09.md` alone.
    static func makeSite() throws -> TestSite {
        var files: [String: String] = ["content/diagram.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n"]
        for number in 0..<30 {
            let name = String(format: "a%02d", number)
            let day = String(format: "2026-10-%02d", number + 1)
            var extra = "tags: [t\(number % 3), all]\n"
            var body = "TL;DR: Article \(number) in short.\n\n## Section\n\nText of article \(number).\n"
            switch number {
            case 3: extra += "related: [a01, a02]\n"
            case 4: body += "\nSee [the ninth](a09.md) and ![a diagram](diagram.svg).\n"
            case 5: body += "\n```countdown\ntarget: 2026-12-01T17:00:00Z\nlabel: Launch\n```\n"
            case 6: body += "\nRead [the ninth](a09.md#section) next.\n"
            default: break
            }
            files["content/\(name).md"] = article("Article \(number)", date: day, extra: extra, body: body)
        }
        return try TestSite(files)
    }

    /// Publishes into `output` (the site's `output/` by default) as `liftoff build` does.
    @discardableResult
    func publish(_ site: TestSite, into output: URL? = nil, now: Timestamp = testNow) throws -> BuildReport {
        switch try Publisher.publish(root: site.root, output: output ?? site.output, options: BuildOptions(now: now)) {
        case .upToDate(_): throw BuildFailure(.error("test", 0, "expected a build"))
        case .built(let report, _, _): return report
        }
    }

    /// The output of a clean build of the site as it is now, in a fresh folder.
    func cleanTree(_ site: TestSite, now: Timestamp = testNow) throws -> [String: [UInt8]] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("liftoff-clean-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try publish(site, into: folder.appendingPathComponent("out"), now: now)
        #expect(report.carriedOver == 0)
        return try files(below: folder.appendingPathComponent("out"))
    }

    /// The output equals a clean build: same files, same bytes (the differing paths otherwise).
    func expectSameAsClean(_ site: TestSite, now: Timestamp = testNow, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let incremental = try files(below: site.output), clean = try cleanTree(site, now: now)
        let differing = Set(incremental.keys).union(clean.keys).filter { incremental[$0] != clean[$0] }.sorted()
        #expect(differing.isEmpty, "differs from a clean build: \(differing)", sourceLocation: sourceLocation)
    }

    static let alwaysRendered: Set<String> = [
        "index.html", "tags/index.html", "404.html", "feed.xml", "feed.json", "news-sitemap.xml", "robots.txt", "_headers",
        "search/index.html",
    ]

    /// The feed's 20 articles (`a10`…`a29`) are rendered on every build: the feed carries their HTML.
    static let feedPages = Set((10..<30).map { String(format: "articles/a%02d/index.html", $0) })

    @Test func anEditedBodyRendersOnlyItsOwnPage() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        let first = try publish(site)
        #expect(first.carriedOver == 0)
        #expect(first.renderedPages.count > 40)

        try site.write("content/a07.md", article("Article 7", date: "2026-10-08", extra: "tags: [t1, all]\n", body: "New text."))
        let second = try publish(site)
        #expect(first.renderedPages.contains("tags/t1/feed.xml"))
        #expect(Set(second.renderedPages) == Self.alwaysRendered.union(Self.feedPages).union(["articles/a07/index.html"]))
        #expect(second.carriedOver == first.renderedPages.count - Self.alwaysRendered.count - Self.feedPages.count - 1)
        #expect(try site.outputText("articles/a07/index.html").contains("New text."))
        try expectSameAsClean(site)
    }

    /// The sitemap (one line per page: 100,000 articles make 13 MB) is written again only when an
    /// article's address, dates or tags, or the pages, change.
    @Test func theSitemapIsMadeAgainWhenAnArticlesDatesOrTagsChangeNotItsText() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        try publish(site)
        try site.write("content/a07.md", article("Article 7", date: "2026-10-08", extra: "tags: [t1, all]\n", body: "New text."))
        #expect(!(try publish(site)).renderedPages.contains("sitemap.xml"))
        try site.write("content/a07.md", article("Article 7", date: "2026-10-08", extra: "tags: [t1, all]\nupdated: 2026-11-20\n", body: "New text."))
        #expect(try publish(site).renderedPages.contains("sitemap.xml"))
        #expect(try site.outputText("sitemap.xml").contains("/articles/a07/</loc><lastmod>2026-11-20T00:00:00Z</lastmod>"))
        try expectSameAsClean(site)
        // Under another tag, its date moves from one tag page's line to the other's.
        try site.write("content/a07.md", article("Article 7", date: "2026-10-08", extra: "tags: [t0, all]\nupdated: 2026-11-20\n", body: "New text."))
        #expect(try publish(site).renderedPages.contains("sitemap.xml"))
        try expectSameAsClean(site)
    }

    @Test func anEditedTitleRendersTheListsAndRelatedReadsThatShowIt() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        try publish(site)
        // a01 is a related read of a03, and (by shared tags) of others; it is on list pages.
        try site.write("content/a01.md", article("Renamed one", date: "2026-10-02", extra: "tags: [t1, all]\n", body: "Text."))
        let report = try publish(site)
        let rendered = Set(report.renderedPages)
        #expect(rendered.contains("articles/a01/index.html"))
        #expect(rendered.contains("articles/a03/index.html"))
        #expect(rendered.contains("tags/t1/index.html"))
        #expect(!rendered.contains("tags/t0/index.html"))
        #expect(!rendered.contains("articles/a00/index.html"))
        #expect(try site.outputText("articles/a03/index.html").contains("Renamed one"))
        try expectSameAsClean(site)
    }

    @Test func aLinkThatResolvesDifferentlyRendersTheLinkingPage() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        try publish(site)
        // a09 gets a new slug: a04's link to a09.md now points elsewhere; a04's source is unchanged.
        try site.write("content/a09.md", article("Article 9", date: "2026-10-10", extra: "tags: [t0, all]\nslug: ninth\n", body: "Text."))
        let report = try publish(site)
        #expect(report.renderedPages.contains("articles/a04/index.html"))
        #expect(try site.outputText("articles/a04/index.html").contains("href=\"/articles/ninth/\""))
        try expectSameAsClean(site)
    }

    /// A page whose links all lead to articles is carried over without resolving them while no
    /// article moves; it is made again when the one it links to moves or stops being published.
    @Test func aPageLinkingOnlyToArticlesIsMadeAgainWhenTheirURLsChange() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        try publish(site)
        try site.write("content/a00.md", article("Article 0", date: "2026-10-01", extra: "tags: [t0, all]\n", body: "New text."))
        #expect(!(try publish(site)).renderedPages.contains("articles/a06/index.html"))
        try site.write("content/a09.md", article("Article 9", date: "2026-10-10", extra: "tags: [t0, all]\nslug: ninth\n", body: "Text."))
        #expect(try publish(site).renderedPages.contains("articles/a06/index.html"))
        #expect(try site.outputText("articles/a06/index.html").contains("href=\"/articles/ninth/#section\""))
        try expectSameAsClean(site)
        try site.write("content/a09.md", article("Article 9", date: "2026-10-10", extra: "tags: [t0, all]\nslug: ninth\ndraft: true\n", body: "Text."))
        let report = try publish(site)
        #expect(report.renderedPages.contains("articles/a06/index.html"))
        #expect(report.warnings.contains { $0.path == "content/a06.md" && $0.message.contains("a draft") })
        try expectSameAsClean(site)
    }

    /// A new article leaves every link where it led (pages are carried over without resolving them
    /// again); one added while another article moves still remakes the pages linking to that one.
    @Test func aNewArticleLeavesLinksAsTheyWereUnlessAnotherMovesWithIt() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        try publish(site)
        try site.write("content/a30.md", article("Article 30", date: "2026-09-01", extra: "tags: [t0, all]\n", body: "Text."))
        #expect(!(try publish(site)).renderedPages.contains("articles/a04/index.html"))
        try expectSameAsClean(site)
        try site.write("content/a31.md", article("Article 31", date: "2026-09-02", extra: "tags: [t0, all]\n", body: "Text."))
        try site.write("content/a09.md", article("Article 9", date: "2026-10-10", extra: "tags: [t0, all]\nslug: ninth\n", body: "Text."))
        #expect(try publish(site).renderedPages.contains("articles/a04/index.html"))
        #expect(try site.outputText("articles/a04/index.html").contains("href=\"/articles/ninth/\""))
        try expectSameAsClean(site)
    }

    @Test func aThemeChangeOrTheClockRendersEverything() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        let first = try publish(site)
        try site.write("theme/templates/partials/footer.mustache", "<footer>Changed footer</footer>\n")
        let afterTheme = try publish(site)
        #expect(afterTheme.carriedOver == 0)
        #expect(afterTheme.renderedPages == first.renderedPages)
        try expectSameAsClean(site)

        // A minute later, every countdown reads differently.
        let later = Timestamp(seconds: testNow.seconds + 60)
        let afterClock = try publish(site, now: later)
        #expect(afterClock.carriedOver == 0)
        try expectSameAsClean(site, now: later)
    }

    /// The last build's resolution (order, tags, related reads) is taken only while what it was
    /// made from holds: here the files are the same, and the clock alone publishes an article.
    @Test func anArticleFallsDueOnABuildWhereNoFileChanged() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        try site.write("content/due.md", article("Falls due", date: "2026-11-25", extra: "tags: [t1, all]\n"))
        try publish(site)
        #expect(try !site.outputText("index.html").contains("/articles/due/"))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("articles/due/index.html").path))
        let later = Timestamp(iso8601: "2026-11-25T12:00:00Z")!
        try publish(site, now: later)
        #expect(try site.outputText("index.html").contains("/articles/due/"))
        #expect(try site.outputText("tags/t1/index.html").contains("/articles/due/"))
        #expect(try site.outputText("articles/due/index.html").contains("Falls due"))
        try expectSameAsClean(site, now: later)
    }

    @Test func aSequenceOfEditsAlwaysEqualsACleanBuild() throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        try publish(site)
        var generator = SeededGenerator(seed: 7)
        var removed: Set<Int> = []
        for step in 0..<12 {
            // Never a01, a02 (related reads of a03), a09 or the diagram (a04 links to them):
            // a missing target is an error.
            let number = [0, 6, 7, 8, 12, 15, 20, 25].randomElement(using: &generator)!
            let name = String(format: "a%02d", number)
            let day = String(format: "2026-10-%02d", number + 1)
            switch Int.random(in: 0..<5, using: &generator) {
            case 0:
                try site.write("content/\(name).md", article("Article \(number)", date: day, extra: "tags: [t\(number % 3), all]\n", body: "Step \(step)."))
                removed.remove(number)
            case 1:
                try site.write("content/\(name).md", article("Title \(step)", date: day, extra: "tags: [t\(step % 3)]\n", body: "Text."))
                removed.remove(number)
            case 2:
                try? FileManager.default.removeItem(at: site.root.appendingPathComponent("content/\(name).md"))
                removed.insert(number)
            case 3:
                try site.write("content/new\(step).md", article("New \(step)", date: "2026-09-\(10 + step)", extra: "tags: [t2]\n"))
            default:
                try site.write("content/\(name).md", article("Article \(number)", date: "2026-11-\(10 + step)", extra: "tags: [all]\n"))
                removed.remove(number)
            }
            try publish(site)
            try expectSameAsClean(site)
        }
    }

    @Test func theCacheSurvivesItsFileFormat() throws {
        var cache = BuildCache(siteKey: Digest(high: 1, low: 2), outputInode: 42, builtAt: 100, validUntil: 160)
        cache.pages["articles/a\tb/index.html"] = BuildCache.Page(
            key: Digest(high: 3, low: 4), links: [.init(url: "a b\\c.md", isImage: false), .init(url: "x.png", isImage: true)],
            linkKey: Digest(high: 5, low: 6), warnings: [.init(line: 3, message: "two\nlines")], bodyValidUntil: 150)
        cache.pages["tags/x/index.html"] = BuildCache.Page(key: Digest(high: .max, low: 0))
        cache.urls = ["content/a.md": "/articles/a/", "content/é.md": "/articles/e/"]
        cache.moved = ["content/a.md": ["/articles/old-a/", "/articles/older-a/"]]
        cache.resolution = KeptResolution(key: Digest(high: 7, low: 8), languages: [
            Resolution(order: [2, 0, 1], related: [[1], [], [0, 1]], tags: [Site.Tag(name: "AI", slug: "ai", articles: [0, 2])], byAuthor: ["ada": [1]]),
            Resolution(order: [], related: [], tags: [], byAuthor: [:]),
        ])
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("liftoff-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        cache.write(to: url)
        let read = try #require(BuildCache.read(from: url))
        #expect(read.pages == cache.pages)
        #expect(read.siteKey == cache.siteKey && read.outputInode == 42 && read.builtAt == 100 && read.validUntil == 160)
        #expect(read.urls == cache.urls && read.moved == cache.moved)
        #expect(read.resolution == cache.resolution)
        // Cut short, or an older format: no cache (every page is made again).
        let bytes = try Data(contentsOf: url)
        for length in [0, 10, bytes.count / 2, bytes.count - 1] {
            try bytes.prefix(length).write(to: url)
            #expect(BuildCache.read(from: url) == nil, "\(length) bytes")
        }
        try Data("liftoff-cache 2\nnot a header\n".utf8).write(to: url)
        #expect(BuildCache.read(from: url) == nil)
    }
}
