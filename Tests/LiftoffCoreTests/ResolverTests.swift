import Testing

@testable import LiftoffModel
@testable import LiftoffSource

/// The site graph from parsed articles, alone: what is published, in which order, tags, related
/// reads, what is held back, and the problems, exactly.
@Suite struct ResolverTests {
    static let now = Timestamp(iso8601: "2026-11-24T17:00:00Z")!

    static func article(_ slug: String, _ day: String, tags: [String] = [], related: [String]? = nil, draft: Bool = false) -> Article {
        Article(
            path: "content/\(slug).md", slug: slug, title: slug, date: Timestamp(iso8601: "\(day)T09:00:00Z")!, tags: tags,
            tagSlugs: tags.map(Slug.make), related: related, relatedLine: 6, draft: draft, body: "", bodyLine: 1)
    }

    static func resolve(_ articles: [Article], drafts: Bool = false, future: Bool = false) -> (Site, [String]) {
        let (config, _) = SiteConfigParser.read("title: T\nbase_url: https://example.org/\n")
        let (site, problems) = Resolver.resolve(config: config!, articles: articles, now: now, drafts: drafts, future: future)
        return (site, problems.map(\.description))
    }

    @Test func publishedArticlesAreNewestFirstWithDraftsAndScheduledOnesHeldBack() {
        let (site, problems) = Self.resolve([
            Self.article("old", "2026-11-01"), Self.article("new", "2026-11-20"), Self.article("draft", "2026-11-10", draft: true),
            Self.article("later", "2026-12-02"), Self.article("latest", "2026-12-09"),
        ])
        #expect(problems.sorted() == [])
        #expect(site.articles.map(\.slug) == ["new", "old"])
        #expect(site.heldBack == Site.HeldBack(drafts: 1, scheduled: 2, nextDue: Timestamp(iso8601: "2026-12-02T09:00:00Z")))
        let (all, _) = Self.resolve([Self.article("old", "2026-11-01"), Self.article("later", "2026-12-02"), Self.article("draft", "2026-11-10", draft: true)],
                                    drafts: true, future: true)
        #expect(all.articles.map(\.slug) == ["later", "draft", "old"])
    }

    @Test func aTagIsNamedAsItsNewestArticleWritesIt() {
        let (site, _) = Self.resolve([
            Self.article("a", "2026-11-01", tags: ["launch day"]), Self.article("b", "2026-11-05", tags: ["Launch Day"]),
            Self.article("c", "2026-11-03", tags: ["pricing"]),
        ])
        #expect(site.tags.map(\.name) == ["Launch Day", "pricing"])
        #expect(site.tags.map { $0.articles.map { site.articles[$0].slug } } == [["b", "a"], ["c"]])
    }

    @Test func relatedReadsAreThoseListedElseThoseSharingTags() {
        let (site, problems) = Self.resolve([
            Self.article("a", "2026-11-01", tags: ["x"], related: ["c", "a", "c"]), Self.article("b", "2026-11-02", tags: ["x"]),
            Self.article("c", "2026-11-03", tags: ["y"]),
        ])
        #expect(problems.sorted() == [])
        let slugs = site.related.map { $0.map { site.articles[$0].slug } }
        let bySlug = Dictionary(uniqueKeysWithValues: zip(site.articles.map(\.slug), slugs))
        #expect(bySlug["a"] == ["c"], "listed: itself and repeats dropped")
        #expect(bySlug["b"] == ["a"], "by a shared tag")
    }

    @Test func problemsAreExactAndAtTheirLines() {
        let (_, problems) = Self.resolve([
            Self.article("launch-day", "2026-11-01", related: ["launch-dya", "nothing-like-it"]), Self.article("pricing", "2026-11-02"),
            Article(path: "content/other.md", slug: "pricing", title: "P", date: Self.now, tags: [], relatedLine: 1, draft: false, body: "", bodyLine: 1,
                    slugLine: 4),
        ])
        #expect(problems.sorted() == [
            "content/launch-day.md:6: related: no article has the slug 'launch-dya'; did you mean 'launch-day'?",
            "content/launch-day.md:6: related: no article has the slug 'nothing-like-it'",
            "content/other.md:4: slug 'pricing' is already used by content/pricing.md; set a different `slug:`",
        ].sorted())
    }
}
