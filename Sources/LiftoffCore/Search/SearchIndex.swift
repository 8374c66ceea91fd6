import Foundation

/// The search index the reader's `search.js` queries: a manifest, term shards by sorted term range
/// and one small file per document, all under `search/` (the format is in the README).
///
/// Each term carries its idf and each posting its BM25 term-frequency part, computed here from the
/// weighted counts (title, headings, tags and description count more than the body), so that the
/// reader only multiplies and adds.
enum SearchIndex {
    static let folder = "search/"
    /// A shard holds terms until it is about this many bytes (a few KB once the server compresses it).
    static let shardBytes = 8_192
    /// BM25's saturation and length normalisation.
    static let k1 = 1.4, b = 0.75
    /// A term's idf is stored as round(idf × 1000); a posting's term-frequency part, in (0, k1 + 1),
    /// as round(part × 100), at least 1. The reader multiplies them.
    static let idfScale = 1000.0, partScale = 100.0

    /// A pack holds this many documents' URL, title and date.
    static let packSize = 16

    /// What the index needs of a document besides its terms.
    struct Entry {
        var document: SearchDocument
        var url: String
        var title: String
        /// `YYYY-MM-DD` and as the site writes dates; empty for a page without a date.
        var date: String
        var dateText: String
        /// What the document's text file was made from (the page's key): it joins the index's version.
        var key: Digest
    }

    /// The manifest, the term shards and the packs: path under the output → bytes. Documents are
    /// numbered in the order given (their text files are written with their pages).
    /// - Parameter parts: into how many shares the documents, and runs the terms, are split for the
    ///   cores (nil: one a core; tests split more to check the result does not depend on it).
    static func files(_ entries: [Entry], parts: Int? = nil) -> [(path: String, bytes: [UInt8])] {
        // Every (document, term) once: terms numbered as met (each core a share of the documents,
        // then merged), then postings laid out term by term in flat arrays (documents in order, so
        // each term's list is ascending).
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let (table, ids, frequencies) = numberTerms(entries, shares: parts ?? max(1, min(cores, entries.count / 256 + 1)))
        let totalLength = entries.reduce(0) { $0 + Int($1.document.length) }
        var offsets = [Int](repeating: 0, count: frequencies.count + 1)
        for term in frequencies.indices { offsets[term + 1] = offsets[term] + Int(frequencies[term]) }
        var next = offsets
        var postedDocument = [UInt32](repeating: 0, count: ids.count), postedWeight = [UInt32](repeating: 0, count: ids.count)
        var lengths: [Double] = []
        var position = 0
        for (number, entry) in entries.enumerated() {
            lengths.append(Double(entry.document.length))
            for weight in entry.document.weights {
                let term = Int(ids[position])
                postedDocument[next[term]] = UInt32(number)
                postedWeight[next[term]] = weight
                next[term] += 1
                position += 1
            }
        }
        let count = Double(max(1, entries.count))
        let averageLength = max(1, Double(totalLength) / count)
        let order = (0..<table.count).sorted { table.precedes($0, $1) }

        // Each term's line, encoded on all cores in runs of the sorted terms; shards cut in order.
        let (offsetsDone, documentsDone, weightsDone, lengthsDone) = (offsets, postedDocument, postedWeight, lengths)
        let runs = max(1, min(parts ?? cores, order.count / 4096 + 1, order.count))
        let encoded = parallelMap(runs) { run -> (bytes: [UInt8], ends: [Int]) in
            var bytes: [UInt8] = [], ends: [Int] = []
            for term in order[(order.count * run / runs)..<(order.count * (run + 1) / runs)] {
                let frequency = Double(frequencies[term])
                let idf = log(1 + (count - frequency + 0.5) / (frequency + 0.5))
                bytes.append(contentsOf: table.term(term))
                bytes.append(0x09)
                appendNumber(max(1, Int((idf * idfScale).rounded())), to: &bytes)  // a word on every page still ranks by frequency
                bytes.append(0x09)
                var previous: UInt32 = 0
                for posting in offsetsDone[term]..<offsetsDone[term + 1] {
                    let document = documentsDone[posting], weight = Double(weightsDone[posting])
                    let part = weight * (k1 + 1) / (weight + k1 * (1 - b + b * lengthsDone[Int(document)] / averageLength))
                    appendNumber(Int(posting == offsetsDone[term] ? document : document - previous), to: &bytes)
                    appendNumber(max(1, Int((part * partScale).rounded())), to: &bytes)
                    previous = document
                }
                bytes.append(0x0A)
                ends.append(bytes.count)
            }
            return (bytes, ends)
        }

        var files: [(path: String, bytes: [UInt8])] = []
        var shards: [[Any]] = []
        var shard: [UInt8] = []
        var first: ArraySlice<UInt8>?
        var line = 0
        for run in encoded {
            var start = 0
            for end in run.ends {
                if first == nil { first = table.term(order[line]) }
                shard.append(contentsOf: run.bytes[start..<end])
                start = end
                line += 1
                if shard.count >= shardBytes || line == order.count {
                    let name = "terms-\(shards.count).\(FingerprintedAssets.fingerprint(shard)).txt"
                    files.append((folder + name, shard))
                    shards.append([String(decoding: first!, as: UTF8.self), name])
                    shard = []
                    first = nil
                }
            }
        }
        for start in stride(from: 0, to: entries.count, by: packSize) {
            let pack = entries[start..<min(entries.count, start + packSize)].map { entry -> [Any] in
                entry.date.isEmpty ? [entry.url, entry.title] : [entry.url, entry.title, entry.date, entry.dateText]
            }
            files.append((folder + "packs/\(start / packSize).json", JSONLD.bytes(pack)))
        }
        var version = StableHasher()
        // A shard's name carries its content's hash: only the packs are hashed whole.
        for file in files {
            version.combine(file.path)
            if file.path.hasPrefix(folder + "packs/") { version.combine(file.bytes) }
        }
        for entry in entries { version.combine(entry.key.description) }
        let manifest: [String: Any] = [
            "format": 1, "version": String(version.finalize().description.prefix(12)), "documents": entries.count,
            "pack": packSize, "shards": shards,
        ]
        files.append((folder + "index.json", JSONLD.bytes(manifest)))
        return files
    }

    /// The distinct terms of all documents, each document's terms as numbers (in order), and how
    /// many documents hold each term. Each core numbers a share of the documents; the shares'
    /// tables are then merged into the first one's.
    static func numberTerms(_ entries: [Entry], shares: Int) -> (table: TermTable, ids: [UInt32], frequencies: [UInt32]) {
        let numbered = parallelMap(shares) { share -> (table: TermTable, ids: [UInt32], frequencies: [UInt32]) in
            var table = TermTable(), ids: [UInt32] = [], frequencies: [UInt32] = []
            for entry in entries[(entries.count * share / shares)..<(entries.count * (share + 1) / shares)] {
                let document = entry.document
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

    /// Digits of the last base-32 place (they end a number).
    static let finalDigits = Array("0123456789abcdefghijklmnopqrstuv".utf8)
    /// Digits of the other places, most significant first.
    static let moreDigits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZwxyz-_".utf8)

    /// `number` in base 32: its higher places from `moreDigits`, its last from `finalDigits`, so that
    /// numbers follow each other without separators (`search.js` reads them back).
    @inline(__always) static func appendNumber(_ number: Int, to bytes: inout [UInt8]) {
        var places = 1
        while number >> (5 * places) > 0 { places += 1 }
        for place in stride(from: places - 1, to: 0, by: -1) { bytes.append(moreDigits[(number >> (5 * place)) & 31]) }
        bytes.append(finalDigits[number & 31])
    }
}
