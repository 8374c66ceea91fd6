/// The words one worker has read, each with its term (an English word's stem): a page's words are
/// found here, so a word is stemmed once per build and worker instead of once per page, and a page's
/// weighted counts are kept in one array indexed by term instead of a table made for each page.
struct SearchVocabulary {
    /// Above this many words the vocabulary starts over (an attack of random words stays bounded).
    static let capacity = 1 << 18

    private var words = TermTable(terms: 16_384, bytes: 131_072)
    /// Word `i`'s term.
    private var termOfWord: [Int32] = []
    private var terms = TermTable(terms: 16_384, bytes: 131_072)
    /// The page being read: each term's weighted count (0: not on the page), and its terms in the
    /// order first seen.
    private var weights: [UInt32] = []
    private var seen: [Int32] = []
    private var length: UInt32 = 0

    /// Adds every term of `bytes` with `weight` each (more than 0); body text also counts for the length.
    mutating func add(bytes: UnsafeBufferPointer<UInt8>, weight: UInt32) {
        var count: UInt32 = 0
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: SearchTokenizer.maxLength) { scratch in
            SearchTokenizer.forEachWord(bytes) { word, hash, isEnglish in
                let (index, inserted) = words.insert(word, hash: hash)
                let term: Int
                if inserted {
                    term = terms.insert(isEnglish ? SearchTokenizer.stemmed(word, into: scratch) : word).index
                    termOfWord.append(Int32(term))
                    if term == weights.count { weights.append(0) }
                } else {
                    term = Int(termOfWord[index])
                }
                if weights[term] == 0 { seen.append(Int32(term)) }
                weights[term] &+= weight
                count &+= 1
            }
        }
        if weight == SearchDocument.Weight.body { length &+= count }
    }

    mutating func add(_ text: String, weight: UInt32) {
        var text = text
        text.withUTF8 { add(bytes: $0, weight: weight) }
    }

    /// The page read since the last `finish`, and a clean slate for the next.
    mutating func finish() -> SearchDocument {
        var document = SearchDocument(length: length)
        document.weights.reserveCapacity(seen.count)
        document.ends.reserveCapacity(seen.count)
        for term in seen {
            let index = Int(term)
            document.termBytes.append(contentsOf: terms.term(index))
            document.ends.append(UInt32(document.termBytes.count))
            document.weights.append(weights[index])
            weights[index] = 0
        }
        seen.removeAll(keepingCapacity: true)
        length = 0
        return document
    }

    private static let pool = Lock()
    nonisolated(unsafe) private static var free: [SearchVocabulary] = []

    /// The document `read` adds to a vocabulary no other thread is using (one per worker, kept
    /// between pages).
    static func document(_ read: (inout SearchVocabulary) -> Void) -> SearchDocument {
        var vocabulary = pool.withLock { free.popLast() } ?? SearchVocabulary()
        read(&vocabulary)
        let document = vocabulary.finish()
        if vocabulary.words.count <= capacity { pool.withLock { free.append(vocabulary) } }
        return document
    }
}
