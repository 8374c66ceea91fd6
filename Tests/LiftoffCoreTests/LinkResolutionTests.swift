import Testing

@testable import LiftoffCore
@testable import LiftoffModel
@testable import LiftoffSource
@testable import LiftoffMarkdown

/// Where a link written in an article leads, alone (no site built): table-driven, exact values.
@Suite struct LinkResolutionTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var url: String
        var from = "content/a.md"
        var isImage = false
        var rewrite: LinkRewrite
        var asset: (source: String, target: String)? = nil
        var testDescription: String { "\(url) from \(from)" }
    }

    static let now = Timestamp(iso8601: "2026-11-24T17:00:00Z")!

    static func article(_ path: String, _ slug: String, date: String = "2026-11-20T00:00:00Z", draft: Bool = false) -> Article {
        Article(
            path: path, slug: slug, title: slug, date: Timestamp(iso8601: date)!, tags: [], relatedLine: 1, draft: draft, body: "", bodyLine: 1)
    }

    /// a.md and news/b.md published, c.md a draft, d.md due next week; two files beside them.
    static let resolver: LinkResolver = {
        let (config, _) = SiteConfigParser.read("title: T\nbase_url: https://example.org/launch/\n")
        let articles = [
            article("content/a.md", "a"), article("content/news/b.md", "b"), article("content/c.md", "c", draft: true),
            article("content/d.md", "d", date: "2026-12-01T00:00:00Z"),
        ]
        let (site, _) = Resolver.resolve(config: config!, articles: articles, now: now, drafts: false, future: false)
        return LinkResolver(
            site: site, articlesByPath: Dictionary(uniqueKeysWithValues: articles.map { ($0.path, (Digest.zero, Digest.zero, Digest.zero, $0)) }),
            files: ["content/chart.png", "content/news/data.csv"], unparsedMarkdown: [])
    }()

    static let cases: [Case] = [
        Case(url: "https://example.com/x", rewrite: .keep),
        Case(url: "#faq", rewrite: .keep),
        Case(url: "/about/", rewrite: .keep),
        Case(url: "news/b.md", rewrite: .replace("/launch/articles/b/")),
        Case(url: "news/b.md#faq", rewrite: .replace("/launch/articles/b/#faq")),
        Case(url: "../a.md?x=1", from: "content/news/b.md", rewrite: .replace("/launch/articles/a/?x=1")),
        Case(url: "c.md", rewrite: .unpublished(url: "/launch/articles/c/", note: "link to 'c.md', a draft: it leads nowhere until that is published")),
        Case(url: "d.md", rewrite: .unpublished(
            url: "/launch/articles/d/", note: "link to 'd.md', scheduled for December 1, 2026: it leads nowhere until that is published")),
        Case(url: "news/bb.md", rewrite: .error("link to missing article 'news/bb.md'; did you mean 'news/b.md'?")),
        // The nearest name in the folder first (c.md is one letter from b.md), then the same name elsewhere.
        Case(url: "b.md", rewrite: .error("link to missing article 'b.md'; did you mean 'c.md'?")),
        Case(url: "data.csv", rewrite: .error(
            "linked file 'data.csv' not found next to the article; links are relative to the article's folder (content/): did you mean 'news/data.csv'?")),
        Case(url: "chart.png", rewrite: .keep, asset: ("content/chart.png", "articles/a/chart.png")),
        Case(url: "../chart.png", from: "content/news/b.md", rewrite: .replace("/launch/chart.png"), asset: ("content/chart.png", "chart.png")),
        Case(url: "chrat.png", isImage: true, rewrite: .error("image 'chrat.png' not found next to the article; did you mean 'chart.png'?")),
        Case(url: "../../x.md", rewrite: .error("link '../../x.md' points outside content/")),
        Case(url: "javascript:alert(1)", rewrite: .error(
            "link with a javascript: URL: Liftoff never publishes one (it runs code or reads local files in the reader's browser)")),
    ]

    @Test(arguments: cases)
    func leadsWhereExpected(_ test: Case) {
        let resolver = Self.resolver
        let from = resolver.articlesByPath[test.from]!.article
        let (rewrite, asset) = resolver.rewrite(test.url, isImage: test.isImage, in: from)
        #expect(rewrite == test.rewrite)
        #expect(asset?.source == test.asset?.source && asset?.target == test.asset?.target, "\(String(describing: asset))")
    }
}
