/// Related reads for articles without `related:`: the articles sharing the most tags with one,
/// newest first among equals.
///
/// Counting, for each article, the tags every other article of its tags shares costs the square of
/// a tag's size: at 10,000 articles and 40 tags that took 2.4 s, at 100,000 it would take minutes. So a
/// tag with more articles than a bitmap of all articles has 64-bit words ("dense") is kept as that
/// bitmap, and an article's candidates from its dense tags are counted 64 at a time, word by word,
/// newest first, stopping once the best possible are found. Its sparse tags' articles are counted one
/// by one, as before. The result is the same as counting every pair.
package struct TagOverlap: Sendable {
    /// Each article's tags (numbers into `members`), without repeats.
    private let tagsOf: [[Int]]
    /// Each tag's articles, by position (newest first).
    private let members: [[Int]]
    /// Dense tags' bitmaps (bit `p` of word `p / 64`: article `p` has the tag), by tag number.
    private let bitmaps: [Int: [UInt64]]
    private let words: Int

    /// - Parameters:
    ///   - tagsOf: each article's tag numbers (an article's position is its index).
    ///   - members: each tag's articles, ascending.
    package init(tagsOf: [[Int]], members: [[Int]]) {
        self.tagsOf = tagsOf.map(Resolver.firstOfEach)
        self.members = members
        words = (tagsOf.count + 63) / 64
        var bitmaps: [Int: [UInt64]] = [:]
        for (tag, articles) in members.enumerated() where articles.count > words {
            var bitmap = [UInt64](repeating: 0, count: words)
            for position in articles { bitmap[position >> 6] |= 1 << UInt64(position & 63) }
            bitmaps[tag] = bitmap
        }
        self.bitmaps = bitmaps
    }

    /// Up to `limit` articles sharing the most tags with `position` (at least one), newest first among equals.
    package func related(to position: Int, limit: Int = 3) -> [Int] {
        let tags = tagsOf[position]
        let dense = tags.compactMap { bitmaps[$0] }
        // Articles of the sparse tags, each with its exact count (its dense tags tested bit by bit).
        var counted: [Int: Int] = [:]
        for tag in tags where bitmaps[tag] == nil {
            for other in members[tag] where other != position { counted[other, default: 0] += 1 }
        }
        var scored = counted.map { other, count in
            (other, count + dense.count(where: { $0[other >> 6] & (1 << UInt64(other & 63)) != 0 }))
        }
        if !dense.isEmpty { scored += newestByDenseCount(position, dense: dense, besides: counted, limit: limit) }
        return scored.sorted { ($0.1, -$0.0) > ($1.1, -$1.0) }.prefix(limit).map(\.0)
    }

    /// The newest `limit` articles with exactly `n` of the dense tags, for each `n`, that no sparse
    /// tag brought (`besides`), with `n`. Words are read oldest last: once `limit` articles have every
    /// dense tag, none after them can rank before them.
    private func newestByDenseCount(_ position: Int, dense: [[UInt64]], besides: [Int: Int], limit: Int) -> [(Int, Int)] {
        let most = dense.count
        var found = [[Int]](repeating: [], count: most + 1)
        // atLeast[n]: the word's articles having at least n of the dense tags.
        var atLeast = [UInt64](repeating: 0, count: most + 2)
        for word in 0..<words {
            atLeast[0] = ~0
            for n in 1...most { atLeast[n] = 0 }
            for bitmap in dense {
                let bits = bitmap[word]
                guard bits != 0 else { continue }
                for n in stride(from: most, through: 1, by: -1) { atLeast[n] |= atLeast[n - 1] & bits }
            }
            guard atLeast[1] != 0 else { continue }
            if position >> 6 == word { for n in 1...most { atLeast[n] &= ~(1 << UInt64(position & 63)) } }
            for n in 1...most where found[n].count < limit {
                var exact = atLeast[n] & ~atLeast[n + 1]
                while exact != 0, found[n].count < limit {
                    let other = word << 6 | exact.trailingZeroBitCount
                    exact &= exact - 1
                    if besides[other] == nil { found[n].append(other) }
                }
            }
            if found[most].count >= limit { break }
        }
        return found.enumerated().flatMap { count, articles in articles.map { ($0, count) } }
    }
}
