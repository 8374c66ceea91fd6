import Testing

@testable import LiftoffCore
@testable import LiftoffModel
@testable import LiftoffSource

/// A page's key changes exactly when what the page shows changes: its own file, the summary of
/// an article it lists as a related read, the site. Nothing else.
@Suite struct PageKeyTests {
    static let now = Timestamp(iso8601: "2026-11-24T17:00:00Z")!

    /// a, b, c; a lists b as a related read.
    static func keys(_ edit: (inout [Article]) -> Void = { _ in }, sources: [String: Digest] = [:], siteKey: Digest = .zero) -> [String: Digest] {
        var articles = ["a", "b", "c"].enumerated().map { index, slug in
            Article(
                path: "content/\(slug).md", slug: slug, title: slug.uppercased(), date: Timestamp(seconds: 1_790_000_000 + Int64(index) * 86_400),
                tags: [], related: slug == "a" ? ["b"] : [], relatedLine: 1, draft: false, body: "", bodyLine: 1)
        }
        edit(&articles)
        let (config, _) = SiteConfigParser.read("title: T\nbase_url: https://example.org/\n")
        let (site, _) = Resolver.resolve(config: config!, articles: articles, now: now, drafts: false, future: false)
        let keys = PageKeys(site: site, siteKey: siteKey) { sources[$0.path] ?? .zero }
        return Dictionary(uniqueKeysWithValues: site.articles.indices.map { (site.articles[$0].slug, keys.article($0)) })
    }

    /// The articles whose key differs between two key sets.
    static func changed(_ before: [String: Digest], _ after: [String: Digest]) -> [String] {
        before.keys.filter { before[$0] != after[$0] }.sorted()
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var edit: @Sendable (inout [Article]) -> Void = { _ in }
        var sources: [String: Digest] = [:]
        var siteKey: Digest = .zero
        var changed: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "nothing changed", changed: []),
        Case(name: "c's file changed", sources: ["content/c.md": Digest(high: 1, low: 2)], changed: ["c"]),
        Case(name: "b's title: b's page and a's (its related read)", edit: { $0[1].title = "Bee" }, changed: ["a", "b"]),
        Case(name: "c's description: c's page only", edit: { $0[2].description = "New." }, changed: ["c"]),
        Case(name: "a's related reads", edit: { $0[0].related = ["c"] }, changed: ["a"]),
        Case(name: "the site (settings, theme, binary)", siteKey: Digest(high: 3, low: 4), changed: ["a", "b", "c"]),
    ]

    @Test(arguments: cases)
    func aKeyChangesExactlyWithWhatItsPageShows(_ test: Case) {
        #expect(Self.changed(Self.keys(), Self.keys(test.edit, sources: test.sources, siteKey: test.siteKey)) == test.changed)
    }
}
