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
        let primary = tag.split(separator: "-", maxSplits: 1).first.map { $0.lowercased() } ?? ""
        self = primary == "en" ? .english : .none
    }

    var stems: Bool { self == .english }
}
