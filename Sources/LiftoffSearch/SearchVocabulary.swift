import LiftoffModel

/// The words one worker has read in one language, each with its term (in English, a word's stem): a
/// page's words are found here, so a word is stemmed once per build and worker instead of once per
/// page, and a page's weighted counts are kept in one array indexed by term instead of a table made
/// for each page.
struct SearchVocabulary {
    let stemmer: SearchStemmer
    /// Above this many words the vocabulary starts over (an attack of random words stays bounded).
    static let capacity = 1 << 18

    private var words = TermTable(terms: 2_048, bytes: 16_384)
    /// Word `i`'s term.
    private var termOfWord: [Int32] = []
    private var terms = TermTable(terms: 2_048, bytes: 16_384)
    /// The page being read: each term's weighted count (0: not on the page), and its terms in the
    /// order first seen.
    private var weights: [UInt32] = []
    private var seen: [Int32] = []
    private var length: UInt32 = 0

    init(stemmer: SearchStemmer = .english) {
        self.stemmer = stemmer
    }

    /// Adds every term of `bytes` with `weight` each (more than 0); body text also counts for the length.
    mutating func add(bytes: UnsafeBufferPointer<UInt8>, weight: UInt32) {
        // Room for every term ASCII text could add (a word and a separator are at least two bytes),
        // so that counting needs no check of the array's size or uniqueness; a term beyond it (folded
        // Unicode can make more words than bytes) is counted after.
        let room = terms.count + bytes.count / 2 + 1
        if weights.count < room { weights.append(contentsOf: repeatElement(0, count: room - weights.count)) }
        var count: UInt32 = 0
        var beyond: [Int] = []
        let stems = stemmer.stems
        weights.withUnsafeMutableBufferPointer { weights in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: SearchTokenizer.maxLength) { scratch in
                SearchTokenizer.forEachWord(bytes) { word, hash, isEnglish in
                    count &+= 1
                    let (index, inserted) = words.insert(word, hash: hash)
                    let term: Int
                    if inserted {
                        term = terms.insert(isEnglish && stems ? SearchTokenizer.stemmed(word, into: scratch) : word).index
                        termOfWord.append(Int32(term))
                    } else {
                        term = Int(termOfWord[index])
                    }
                    guard term < weights.count else {
                        if !beyond.contains(term) { seen.append(Int32(term)) }
                        beyond.append(term)
                        return
                    }
                    if weights[term] == 0 { seen.append(Int32(term)) }
                    weights[term] &+= weight
                }
            }
        }
        if !beyond.isEmpty {
            weights.append(contentsOf: repeatElement(0, count: terms.count - weights.count))
            for term in beyond { weights[term] &+= weight }
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

    /// The document `read` adds to a vocabulary of `stemmer`'s that no other thread is using (one per
    /// worker and language, kept between pages).
    static func document(stemmer: SearchStemmer = .english, _ read: (inout SearchVocabulary) -> Void) -> SearchDocument {
        var vocabulary = pool.withLock { () -> SearchVocabulary? in
            guard let at = free.lastIndex(where: { $0.stemmer == stemmer }) else { return nil }
            return free.remove(at: at)
        } ?? SearchVocabulary(stemmer: stemmer)
        read(&vocabulary)
        let document = vocabulary.finish()
        if vocabulary.words.count <= capacity { pool.withLock { free.append(vocabulary) } }
        return document
    }
}
