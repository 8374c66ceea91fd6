/// Which stemmer a language's index uses: its tokenizer rule beyond folding and CJK pairs. English
/// words are stemmed with Snowball's English stemmer (`limits` finds `limit`); a language Liftoff
/// ships no stemmer for keeps its words whole, so that French `lancement` is not cut by English
/// rules. The index says which (`index.json`'s `stem`), and `search.js` makes the query's terms
/// the same way.
package enum SearchStemmer: Sendable, Equatable {
    case english
    case none

    /// The stemmer for a language tag (`en`, `en-GB`: English; any other: none).
    package init(language tag: String) {
        // Read from the tag's first bytes: every page's terms are made for its language's stemmer.
        var bytes = tag.utf8.makeIterator()
        let (first, second, third) = (bytes.next(), bytes.next(), bytes.next())
        self = first.map { $0 | 0x20 } == 0x65 && second.map { $0 | 0x20 } == 0x6E && (third == nil || third == 0x2D) ? .english : .none
    }

    var stems: Bool { self == .english }
}
