import Foundation
import LiftoffModel

/// Patching the last build's index: when the documents are the last build's in the same order (some
/// edited, some new at the end) and the average length BM25 normalises by did not change, only the
/// lines of the changed documents' terms (old and new) change. The shards holding them are read from
/// the last output, their lines patched and cut again from the first such shard until a cut meets an
/// old one; every other shard is the last build's file, named by its content. `whole` would make the
/// same bytes.
extension SearchIndex {
    /// The shards, each document's length and their sum; nil when the last index cannot be patched
    /// (a document removed or moved, many changed, the average length changed, a file missing).
    static func patched(
        _ entries: [Entry], documents: (Int) -> SearchDocument, previous: State,
        previousDocument: (String, Digest) -> SearchDocument?, previousShard: (String) -> [UInt8]?
    ) -> (shards: [Shard], documents: [State.Document], total: Int, changed: [Int])? {
        guard entries.count >= previous.documents.count, !previous.shards.isEmpty else { return nil }
        var changed: [Int] = []
        for (position, entry) in entries.enumerated() {
            if position < previous.documents.count {
                guard previous.documents[position].path == entry.path else { return nil }
                if previous.documents[position].key != entry.key { changed.append(position) }
            } else {
                changed.append(position)
            }
        }
        // Past an eighth of the documents, making the index whole is as quick.
        guard changed.count * 8 <= entries.count else { return nil }

        var states = previous.documents + entries[previous.documents.count...].map { State.Document(path: $0.path, key: $0.key, length: 0) }
        var total = previous.total
        // The terms whose postings change: a new document's, and of an edited one those whose count
        // changed, or all when its rounded length changed.
        var affected = TermTable()
        var replaced = [Bool](repeating: false, count: entries.count)
        var fresh: [(position: Int, document: SearchDocument)] = []
        for position in changed {
            let document = documents(position)
            if position < previous.documents.count {
                let old = previous.documents[position]
                guard let terms = previousDocument(old.path, old.key) else { return nil }
                total -= Int(terms.length)
                terms.changedTerms(to: document) { _ = affected.insert($0) }
            } else {
                document.forEachTerm { _ = affected.insert($0) }
            }
            total += Int(document.length)
            states[position] = State.Document(path: entries[position].path, key: entries[position].key, length: document.length)
            replaced[position] = true
            fresh.append((position, document))
        }
        let average = SearchLines.averageLength(total: total, documents: entries.count)
        guard average == SearchLines.averageLength(total: previous.total, documents: previous.documents.count) else { return nil }

        // The changed documents' new postings of those terms (in document order: each list ascends);
        // the changed documents' postings are replaced on their lines only.
        var additions: [[(document: UInt32, part: UInt32)]] = Array(repeating: [], count: affected.count)
        for (position, document) in fresh {
            var index = 0
            document.forEachTerm { term in
                if let id = affected.find(term) {
                    additions[id].append((UInt32(position), SearchLines.part(weight: document.weights[index], length: document.length, average: average)))
                }
                index += 1
            }
        }

        // Each affected term, in order, to the shard whose range holds it.
        let order = (0..<affected.count).sorted { affected.precedes($0, $1) }
        var byShard = [[Int]](repeating: [], count: previous.shards.count)
        var shard = 0
        for term in order {
            while shard + 1 < previous.shards.count, !affected.term(term).lexicographicallyPrecedes(previous.shards[shard + 1].first) { shard += 1 }
            byShard[shard].append(term)
        }

        var cutter = SearchLines.Cutter()
        var shards: [Shard] = []
        var line: [UInt8] = []
        func add(_ bytes: UnsafeRawBufferPointer) {
            if let shard = cutter.add(bytes) { shards.append(shard) }
        }
        func addLine(_ term: Int, keeping old: [(document: UInt32, part: UInt32)]) {
            var merged: [(document: UInt32, part: UInt32)] = []
            merged.reserveCapacity(old.count + additions[term].count)
            var kept = old.makeIterator(), added = additions[term].makeIterator()
            var a = kept.next(), b = added.next()
            while a != nil || b != nil {
                if let x = a, b.map({ x.document < $0.document }) ?? true { merged.append(x); a = kept.next() } else { merged.append(b!); b = added.next() }
            }
            guard !merged.isEmpty else { return }
            line.removeAll(keepingCapacity: true)
            affected.term(term).withUnsafeBytes { SearchLines.append(term: $0, postings: merged, to: &line) }
            line.withUnsafeBytes { add($0) }
        }
        for (number, old) in previous.shards.enumerated() {
            if cutter.isEmpty, byShard[number].isEmpty {
                shards.append(Shard(first: old.first, name: old.name, bytes: nil))
                continue
            }
            guard let bytes = previousShard(old.name), SearchLines.shardName(bytes) == old.name else { return nil }
            var pending = byShard[number][...]
            let read = bytes.withUnsafeBytes { raw -> Bool in
                var start = 0
                while start < raw.count {
                    guard let feed = raw[start...].firstIndex(of: 0x0A), let tab = raw[start..<feed].firstIndex(of: 0x09),
                          let secondTab = raw[(tab + 1)..<feed].firstIndex(of: 0x09)
                    else { return false }
                    let term = raw[start..<tab]
                    while let next = pending.first, affected.term(next).lexicographicallyPrecedes(term) {
                        addLine(next, keeping: [])
                        pending.removeFirst()
                    }
                    if let next = pending.first, affected.term(next).elementsEqual(term) {
                        guard let old = SearchLines.postings(raw[(secondTab + 1)..<feed]) else { return false }
                        addLine(next, keeping: old.filter { Int($0.document) < replaced.count && !replaced[Int($0.document)] })
                        pending.removeFirst()
                    } else {
                        add(UnsafeRawBufferPointer(rebasing: raw[start...feed]))
                    }
                    start = feed + 1
                }
                return true
            }
            guard read else { return nil }
            for term in pending { addLine(term, keeping: []) }
        }
        if let shard = cutter.finish() { shards.append(shard) }
        return (shards, states, total, changed)
    }
}

extension SearchDocument {
    /// Calls `body` with each term whose postings differ between this document and `new`: all of
    /// both when their rounded lengths differ, else those added, removed or counted differently.
    func changedTerms(to new: SearchDocument, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard SearchLines.rounded(Int(length)) == SearchLines.rounded(Int(new.length)) else {
            forEachTerm(body)
            new.forEachTerm(body)
            return
        }
        var table = TermTable()
        forEachTerm { _ = table.insert($0) }
        var seen = [Bool](repeating: false, count: table.count)
        var index = 0
        new.forEachTerm { term in
            if let old = table.find(term) {
                seen[old] = true
                if weights[old] != new.weights[index] { body(term) }
            } else {
                body(term)
            }
            index += 1
        }
        var position = 0
        forEachTerm { term in
            if !seen[position] { body(term) }
            position += 1
        }
    }

    /// Calls `body` with each term's bytes, in order.
    func forEachTerm(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        termBytes.withUnsafeBufferPointer { bytes in
            var start = 0
            for end in ends {
                body(UnsafeBufferPointer(rebasing: bytes[start..<Int(end)]))
                start = Int(end)
            }
        }
    }
}
