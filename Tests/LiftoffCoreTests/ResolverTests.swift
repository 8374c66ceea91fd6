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

    /// Related reads by tags, as defined: every other article sharing a tag, counted pair by pair,
    /// most shared first, then newest; the first three.
    static func sharingMostTags(_ position: Int, tagsOf: [[Int]]) -> [Int] {
        let mine = Set(tagsOf[position])
        return tagsOf.indices.filter { $0 != position }
            .map { ($0, Set(tagsOf[$0]).intersection(mine).count) }
            .filter { $0.1 > 0 }
            .sorted { ($0.1, -$0.0) > ($1.1, -$1.0) }
            .prefix(3).map(\.0)
    }

    /// Random sites of up to 700 articles: a few tags most articles carry (kept as bitmaps), many
    /// rare ones (counted one by one), repeats, articles without tags. Every article's related reads
    /// are those the definition gives.
    @Test(arguments: 0..<40)
    func relatedByTagsIsWhatCountingEveryPairGives(seed: UInt64) {
        var random = SeededGenerator(seed: seed &* 7919 &+ 1)
        let count = Int.random(in: 1...700, using: &random)
        let common = Int.random(in: 1...6, using: &random), rare = Int.random(in: 1...200, using: &random)
        let tagsOf = (0..<count).map { _ in
            (0..<Int.random(in: 0...6, using: &random)).map { _ in
                Bool.random(using: &random) ? Int.random(in: 0..<common, using: &random) : common + Int.random(in: 0..<rare, using: &random)
            }
        }
        var members = [[Int]](repeating: [], count: common + rare)
        for (position, tags) in tagsOf.enumerated() {
            for tag in Set(tags) { members[tag].append(position) }
        }
        let overlap = TagOverlap(tagsOf: tagsOf, members: members)
        for position in tagsOf.indices {
            #expect(overlap.related(to: position) == Self.sharingMostTags(position, tagsOf: tagsOf), "article \(position) of \(count)")
        }
    }
}
