import Foundation
import LiftoffModel

/// The search index the reader's `search.js` queries: a manifest, term shards by sorted term range
/// and packs of documents' URL, title and date, all under `search/` — each language's under its home
/// (`fr/search/`; the format is in the README).
///
/// Each posting carries its BM25 term-frequency part, computed here from the weighted counts
/// (title, headings, tags and description count more than the body); the reader computes a term's
/// idf from its document count and multiplies. A build whose documents are the last build's, some
/// edited or added at the end, patches the last index (`patched`): the bytes are a clean build's.
package enum SearchIndex {
    package static let folder = SiteLayout.searchFolder
    /// A pack holds this many documents' URL, title and date.
    static let packSize = 16

    /// A document of the index: a page, in index order (standalone pages, then articles oldest first,
    /// so that a new article is added at the end).
    package struct Entry {
        /// The page's output path (`articles/x/index.html`).
        package var path: String
        /// What the page's terms, text file and pack entry were made from (its page key).
        package var key: Digest

        package init(path: String, key: Digest) {
            self.path = path
            self.key = key
        }
    }

    /// What a pack shows of a document.
    package struct Shown {
        var url: String
        var title: String
        /// `YYYY-MM-DD` and as the site writes dates; empty for a page without a date.
        var date = ""
        var dateText = ""

        package init(url: String, title: String, date: String = "", dateText: String = "") {
            self.url = url
            self.title = title
            self.date = date
            self.dateText = dateText
        }
    }

    /// A term shard: its first term and file name, and its bytes (nil: the last build's file, unchanged).
    struct Shard {
        var first: [UInt8]
        var name: String
        var bytes: [UInt8]?
    }

    /// What the published index was made from, for the next build to patch it.
    package struct State: Sendable, Equatable {
        /// Where the index is published (`search/`, `fr/search/`).
        package var folder = SearchIndex.folder
        package struct Document: Sendable, Equatable {
            package var path: String
            package var key: Digest
            var length: UInt32
            /// Where its terms are in the search cache's file (set when the cache is written).
            package var stored = 0..<0
        }
        package var documents: [Document] = []
        /// The sum of the documents' lengths.
        var total = 0
        var shards: [(first: [UInt8], name: String)] = []

        package static func == (a: State, b: State) -> Bool {
            a.folder == b.folder && a.documents == b.documents && a.total == b.total
                && a.shards.elementsEqual(b.shards) { $0.first == $1.first && $0.name == $1.name }
        }
    }

    /// The index's files, and what the next build needs to patch it.
    package struct Output {
        /// Path under the output → bytes: the manifest, the packs and the new or changed shards.
        package var files: [(path: String, bytes: [UInt8])] = []
        /// Shards unchanged since the last build (paths under the output).
        package var unchanged: [String] = []
        package var state = State()
        /// Whether the last index was patched (false: built whole).
        var patched = false
    }

    /// The index over `entries`, whose terms `documents` gives by position and pack entries `shown`.
    /// With the last build's `previous` state, the documents it had (`previousDocument`) and its
    /// shards' bytes (`previousShard`), only the shards holding the changed documents' terms and the
    /// packs holding them are made again.
    /// - Parameters:
    ///   - folder: where it is published (`search/`, or a language's `fr/search/`); `previousShard`
    ///     is given names in it;
    ///   - stemmer: how its terms were made (said in the manifest, for the reader's script);
    ///   - parts: into how many shares the work is split (nil: one a core; tests split more to check
    ///     the result does not depend on it).
    package static func build(
        _ entries: [Entry], documents: (Int) -> SearchDocument, shown: (Int) -> Shown, folder: String = SearchIndex.folder, stemmer: SearchStemmer = .english,
        previous: State? = nil, previousDocument: (String, Digest) -> SearchDocument? = { _, _ in nil },
        previousShard: (String) -> [UInt8]? = { _ in nil }, parts: Int? = nil
    ) -> Output {
        var output = Output()
        output.state.folder = folder
        var shards: [Shard]
        var changedPacks: Set<Int>?  // nil: all
        if let previous,
           let patch = patched(entries, documents: documents, previous: previous, previousDocument: previousDocument, previousShard: previousShard) {
            (shards, output.state.documents, output.state.total) = (patch.shards, patch.documents, patch.total)
            changedPacks = Set(patch.changed.map { $0 / packSize })
            output.patched = true
        } else {
            let all = (0..<entries.count).map(documents)
            shards = whole(all, parts: parts)
            output.state.documents = zip(entries, all).map { State.Document(path: $0.path, key: $0.key, length: $1.length) }
            output.state.total = all.reduce(0) { $0 + Int($1.length) }
        }
        output.state.shards = shards.map { ($0.first, $0.name) }
        var version = StableHasher()
        for shard in shards {
            version.combine(shard.name)
            if let bytes = shard.bytes { output.files.append((folder + shard.name, bytes)) } else { output.unchanged.append(folder + shard.name) }
        }
        // A pack shows what its documents' keys were made from: one whose documents did not change is the last build's.
        for start in stride(from: 0, to: entries.count, by: packSize) {
            let number = start / packSize, path = folder + "packs/\(number).json"
            if let changedPacks, !changedPacks.contains(number) {
                output.unchanged.append(path)
                continue
            }
            let pack = (start..<min(entries.count, start + packSize)).map { position -> [Any] in
                let entry = shown(position)
                return entry.date.isEmpty ? [entry.url, entry.title] : [entry.url, entry.title, entry.date, entry.dateText]
            }
            output.files.append((path, JSONLD.bytes(pack)))
        }
        for entry in entries { version.combine(entry.key) }
        var manifest: [String: Any] = [
            "format": 3, "version": String(version.finalize().description.prefix(12)), "documents": entries.count,
            "pack": packSize, "shards": shards.map { [String(decoding: $0.first, as: UTF8.self), $0.name] },
        ]
        // Words kept whole (no stemmer for the language); an index without the key is stemmed as English.
        if !stemmer.stems { manifest["stem"] = false }
        output.files.append((folder + "index.json", JSONLD.bytes(manifest)))
        return output
    }

    /// Every term's line, from all documents, cut into shards.
    static func whole(_ documents: [SearchDocument], parts: Int?) -> [Shard] {
        // Every (document, term) once: terms numbered as met (each core a share of the documents,
        // then merged), then postings laid out term by term in flat arrays (documents in order, so
        // each term's list is ascending).
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let (table, ids, frequencies) = numberTerms(documents, shares: parts ?? max(1, min(cores, documents.count / 256 + 1)))
        let average = SearchLines.averageLength(total: documents.reduce(0) { $0 + Int($1.length) }, documents: documents.count)
        var offsets = [Int](repeating: 0, count: frequencies.count + 1)
        for term in frequencies.indices { offsets[term + 1] = offsets[term] + Int(frequencies[term]) }
        var next = offsets
        var postings = [(document: UInt32, part: UInt32)](repeating: (0, 0), count: ids.count)
        var position = 0
        for (number, document) in documents.enumerated() {
            for weight in document.weights {
                let term = Int(ids[position])
                postings[next[term]] = (UInt32(number), SearchLines.part(weight: weight, length: document.length, average: average))
                next[term] += 1
                position += 1
            }
        }
        let order = (0..<table.count).sorted { table.precedes($0, $1) }

        // Each term's line, encoded on all cores in runs of the sorted terms; shards cut in order.
        let (offsetsDone, postingsDone) = (offsets, postings)
        let runs = max(1, min(parts ?? cores, order.count / 4096 + 1, order.count))
        let encoded = parallelMap(runs) { run -> (bytes: [UInt8], ends: [Int]) in
            var bytes: [UInt8] = [], ends: [Int] = []
            for term in order[(order.count * run / runs)..<(order.count * (run + 1) / runs)] {
                table.term(term).withUnsafeBytes { name in
                    SearchLines.append(term: name, postings: postingsDone[offsetsDone[term]..<offsetsDone[term + 1]], to: &bytes)
                }
                ends.append(bytes.count)
            }
            return (bytes, ends)
        }
        var cutter = SearchLines.Cutter()
        var shards: [Shard] = []
        for run in encoded {
            run.bytes.withUnsafeBytes { bytes in
                var start = 0
                for end in run.ends {
                    if let shard = cutter.add(UnsafeRawBufferPointer(rebasing: bytes[start..<end])) { shards.append(shard) }
                    start = end
                }
            }
        }
        if let shard = cutter.finish() { shards.append(shard) }
        return shards
    }

    /// The distinct terms of all documents, each document's terms as numbers (in order), and how
    /// many documents hold each term. Each core numbers a share of the documents; the shares'
    /// tables are then merged into the first one's.
    static func numberTerms(_ documents: [SearchDocument], shares: Int) -> (table: TermTable, ids: [UInt32], frequencies: [UInt32]) {
        let numbered = parallelMap(shares) { share -> (table: TermTable, ids: [UInt32], frequencies: [UInt32]) in
            var table = TermTable(), ids: [UInt32] = [], frequencies: [UInt32] = []
            for document in documents[(documents.count * share / shares)..<(documents.count * (share + 1) / shares)] {
                document.termBytes.withUnsafeBufferPointer { bytes in
                    var start = 0
                    for end in document.ends {
                        let (term, inserted) = table.insert(UnsafeBufferPointer(rebasing: bytes[start..<Int(end)]))
                        if inserted { frequencies.append(0) }
                        frequencies[term] += 1
                        ids.append(UInt32(term))
                        start = Int(end)
                    }
                }
            }
            return (table, ids, frequencies)
        }
        var (table, ids, frequencies) = numbered[0]
        for share in numbered.dropFirst() {
            var global = [UInt32](repeating: 0, count: share.table.count)
            for local in 0..<share.table.count {
                let (term, inserted) = table.insert(share.table.term(local))
                if inserted { frequencies.append(0) }
                frequencies[term] += share.frequencies[local]
                global[local] = UInt32(term)
            }
            ids.append(contentsOf: share.ids.lazy.map { global[Int($0)] })
        }
        return (table, ids, frequencies)
    }
}
