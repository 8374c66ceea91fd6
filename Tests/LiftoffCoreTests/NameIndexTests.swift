import Testing

@testable import LiftoffCore
@testable import LiftoffModel

/// "Did you mean": the index answers as comparing the typo with every name would, and a site
/// full of broken links gets a suggestion for each.
@Suite struct NameIndexTests {
    /// Edits (insert, delete, replace, swap of neighbours) that turn `a` into `b`, the plain way.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1) }
            }
        }
        return table[a.count][b.count]
    }

    /// Every name compared with the typo: the nearest within the limit, the first of equals.
    static func everyName(_ name: String, _ candidates: [String]) -> String? {
        let limit = name.count <= 3 ? 1 : 2
        let best = candidates.map { ($0, editDistance(name.lowercased(), $0)) }.min { $0.1 < $1.1 }
        guard let best, best.1 <= limit, best.1 < name.count else { return nil }
        return best.0
    }

    @Test(arguments: 0..<40)
    func answersAsComparingEveryNameWould(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let letters = Array("abc-é1")  // few letters: many names near each other
        func word(_ length: Int) -> String { String((0..<length).map { _ in letters.randomElement(using: &random)! }) }
        let names = (0..<Int.random(in: 1...120, using: &random)).map { _ in word(Int.random(in: 0...7, using: &random)) }
        for _ in 0..<60 {
            var typo = Array(names.randomElement(using: &random)!)
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                let place = Int.random(in: 0...typo.count, using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0: typo.insert(letters.randomElement(using: &random)!, at: place)
                case 1 where place < typo.count: typo.remove(at: place)
                case 2 where place + 1 < typo.count: typo.swapAt(place, place + 1)
                case _ where place < typo.count: typo[place] = Character(String(letters.randomElement(using: &random)!).uppercased())
                default: break
                }
            }
            let text = String(typo)
            #expect(NameIndex(names).closest(to: text) == Self.everyName(text, names), "\(text) among \(names)")
        }
    }

    /// Comparing a typo with every name fills a table row for each letter of each name: at
    /// 100,000 names, ~2 million rows a broken link, and 6,000 broken links took minutes. The
    /// index must fill a small fraction of that, whatever the number of names.
    @Test func aLookupAmongManyNamesTouchesOnlyTheBranchesNearTheTypo() {
        let names = (0..<100_000).map { String(format: "rollout-strategy-%05d.md", $0) }
        let index = NameIndex(names)
        let letters = names.reduce(0) { $0 + $1.count }
        for typo in ["rollout-stratgey-04217.md", "rolout-strategy-99999.md", "rollout-strategy-123456.md", "pricing-tiers.md"] {
            let (_, rows) = index.lookup(typo)
            #expect(rows < letters / 100, "\(typo): \(rows) rows of \(letters)")
        }
        #expect(index.closest(to: "rollout-stratgey-04217.md") == "rollout-strategy-04217.md")
        #expect(index.closest(to: "pricing-tiers.md") == nil)
    }

    @Test func aSiteWhereEveryArticleHasABrokenLinkGetsASuggestionForEach() throws {
        // Each article links to the next one's name with two letters swapped.
        let count = 400
        var files: [String: String] = [:]
        for number in 0..<count {
            let next = String(format: "rollout-strategy-%04d", (number + 1) % count)
            let typo = next.replacingOccurrences(of: "strategy", with: "stratgey")
            files[String(format: "content/rollout-strategy-%04d.md", number)] =
                article("Rollout \(number)", body: "See [the next](\(typo).md).")
        }
        let site = try TestSite(files)
        defer { site.remove() }
        let expected = (0..<count).map { number in
            let next = String(format: "rollout-strategy-%04d.md", (number + 1) % count)
            return String(format: "content/rollout-strategy-%04d.md:7: ", number)
                + "link to missing article '\(next.replacingOccurrences(of: "strategy", with: "stratgey"))'; did you mean '\(next)'?"
        }
        #expect(site.failures() == expected)
    }
}
