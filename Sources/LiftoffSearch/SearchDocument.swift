import LiftoffModel
import LiftoffMarkdown

/// One page as search sees it: its distinct terms, each with a weighted count (a word of the title
/// counts more than one of the body), and what the index's packs show of it.
package struct SearchDocument: Sendable, Equatable {
    /// How much one occurrence counts in each field, in quarters of a body word: the heading weights
    /// are those Pagefind gives h1–h3 by default, so that both rank a page alike; a tag or the
    /// description (which Pagefind does not read) counts a quarter more than the body — enough to
    /// rank a page tagged or described with a word above one that only mentions it, not so much
    /// that a page about something else outranks one whose text is about it.
    enum Weight {
        static let title: UInt32 = 28
        static let heading2: UInt32 = 24
        static let heading3: UInt32 = 20
        static let tagOrDescription: UInt32 = 5
        static let body: UInt32 = 4
    }

    /// The distinct terms' UTF-8 bytes, one after the other; term `i` ends at `ends[i]`.
    var termBytes: [UInt8] = []
    var ends: [UInt32] = []
    /// Each term's weighted count.
    var weights: [UInt32] = []
    /// Terms of the body (the length BM25 normalises by).
    var length: UInt32 = 0

    package init(termBytes: [UInt8] = [], ends: [UInt32] = [], weights: [UInt32] = [], length: UInt32 = 0) {
        self.termBytes = termBytes
        self.ends = ends
        self.weights = weights
        self.length = length
    }

    /// The file a result's description and snippet come from, beside its page: `articles/x/index.html`
    /// → `articles/x/search.txt` (in the page's own folder, so that carrying it over and removing it
    /// with the old output cost what the page does, on all cores).
    package static func textPath(ofPage page: String) -> String {
        // Compared as bytes: a page per article passes here on every build.
        let bytes = page.utf8, name = "index.html".utf8
        guard bytes.count >= name.count, bytes.suffix(name.count).elementsEqual(name) else { return page + ".search.txt" }
        return String(page[..<bytes.index(bytes.endIndex, offsetBy: -name.count)]) + "search.txt"
    }
}

extension SearchDocument {
    /// An article's or a page's terms — title, headings, tags, description and the body's text
    /// (a component's block by what its values say, `components`, by block position: its YAML is
    /// not prose) — and its text file (the description on the first line, the text after it),
    /// which a result's snippet is cut from.
    /// - Parameters:
    ///   - description: what results show under the title (the front matter's, or the TL;DR's text);
    ///   - written: whether the front matter wrote it — a description made from the TL;DR is not
    ///     counted twice;
    ///   - stemmer: the page's language's (`SearchStemmer(language:)`).
    package static func make(
        title: String, tags: [String], description: String, written: Bool = true, blocks: [MarkdownBlock],
        components: [Int: [UInt8]] = [:], stemmer: SearchStemmer = .english
    ) -> (SearchDocument, file: [UInt8]) {
        // The text file: the description on its first line, then the text, block by block (plain
        // UTF-8 as cmark-gfm made it: nothing to escape).
        let size = blocks.reduce(0) { $0 + $1.plain.count } + components.values.reduce(0) { $0 + $1.count }
        var file: [UInt8] = []
        file.reserveCapacity(description.utf8.count + size + blocks.count + 1)
        file.append(contentsOf: description.utf8.lazy.map { $0 == 0x0A || $0 == 0x0D ? 0x20 : $0 })
        file.append(0x0A)
        let textStart = file.count
        let document = SearchVocabulary.document(stemmer: stemmer) { vocabulary in
            vocabulary.add(title, weight: Weight.title)
            for tag in tags { vocabulary.add(tag, weight: Weight.tagOrDescription) }
            if written { vocabulary.add(description, weight: Weight.tagOrDescription) }
            for (position, block) in blocks.enumerated() {
                var plain = block.plain
                if case .code(let info) = block.kind, ComponentInfo.isComponent(info) {
                    guard let text = components[position] else { continue }
                    plain = text
                }
                if case .heading(let level) = block.kind, level <= 3 {
                    vocabulary.add(block.text, weight: (level == 3 ? Weight.heading3 : Weight.heading2) - Weight.body)
                }
                plain.withUnsafeBufferPointer { vocabulary.add(bytes: $0, weight: Weight.body) }
                if file.count > textStart, file.last != 0x0A { file.append(0x0A) }
                file.append(contentsOf: plain)
            }
        }
        while file.count > textStart, file.last == 0x0A { file.removeLast() }
        return (document, file)
    }
}
