import Foundation
import LiftoffModel

/// A term shard's lines (`term TAB df TAB postings LF`) and where shards end. Both the full index
/// and a patched one go through these, so that patching gives the bytes a clean build gives.
enum SearchLines {
    /// BM25's saturation and length normalisation.
    static let k1 = 1.4, b = 0.75
    /// A posting's term-frequency part, in (0, k1 + 1), is stored as round(part × 100), at least 1.
    static let partScale = 100.0

    /// A length kept to its five leading bits (steps of 3–6 %): BM25 normalises by document lengths
    /// and their average so kept, so that an edit of a few words rarely changes either — and with
    /// them every posting of the document, or of all documents.
    @inline(__always) static func rounded(_ length: Int) -> Int {
        let length = max(1, length)
        let shift = max(0, (Int.bitWidth - length.leadingZeroBitCount) - 5)
        return (length >> shift) << shift | (1 << shift) >> 1
    }

    static func averageLength(total: Int, documents: Int) -> Int {
        rounded(total / max(1, documents))
    }

    /// A posting's stored part for a weighted count (in `SearchDocument.Weight`'s quarters) in a
    /// document of `length` body terms.
    @inline(__always) static func part(weight: UInt32, length: UInt32, average: Int) -> UInt32 {
        let weight = Double(weight) / Double(SearchDocument.Weight.body)
        let part = weight * (k1 + 1) / (weight + k1 * (1 - b + b * Double(rounded(Int(length))) / Double(average)))
        return UInt32(max(1, (part * partScale).rounded()))
    }

    /// Appends a term's line; `postings` are (document, part) in ascending document order.
    static func append(term: UnsafeRawBufferPointer, postings: some Collection<(document: UInt32, part: UInt32)>, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: term)
        bytes.append(0x09)
        appendNumber(postings.count, to: &bytes)
        bytes.append(0x09)
        var previous: UInt32 = 0, first = true
        for (document, part) in postings {
            appendNumber(Int(first ? document : document - previous), to: &bytes)
            appendNumber(Int(part), to: &bytes)
            previous = document
            first = false
        }
        bytes.append(0x0A)
    }

    /// The postings of a line's third field (nil: not a line this format writes).
    static func postings(_ field: some Sequence<UInt8>) -> [(document: UInt32, part: UInt32)]? {
        var result: [(document: UInt32, part: UInt32)] = []
        var number = 0, document: UInt32 = 0, pending: UInt32?
        for byte in field {
            guard let (value, final) = digit(byte) else { return nil }
            number = number << 5 | value
            guard final else { continue }
            if let delta = pending {
                document = result.isEmpty ? delta : document + delta
                result.append((document, UInt32(truncatingIfNeeded: number)))
                pending = nil
            } else {
                pending = UInt32(truncatingIfNeeded: number)
            }
            number = 0
        }
        return pending == nil ? result : nil
    }

    /// Digits of the last base-32 place (they end a number).
    static let finalDigits = Array("0123456789abcdefghijklmnopqrstuv".utf8)
    /// Digits of the other places, most significant first.
    static let moreDigits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZwxyz-_".utf8)
    private static let digitValues: [Int16] = {
        var values = [Int16](repeating: -1, count: 256)
        for (value, byte) in finalDigits.enumerated() { values[Int(byte)] = Int16(value) | 0x100 }
        for (value, byte) in moreDigits.enumerated() { values[Int(byte)] = Int16(value) }
        return values
    }()

    @inline(__always) private static func digit(_ byte: UInt8) -> (value: Int, final: Bool)? {
        let entry = digitValues[Int(byte)]
        return entry < 0 ? nil : (Int(entry & 31), entry & 0x100 != 0)
    }

    /// `number` in base 32: its higher places from `moreDigits`, its last from `finalDigits`, so that
    /// numbers follow each other without separators (`search.js` reads them back).
    @inline(__always) static func appendNumber(_ number: Int, to bytes: inout [UInt8]) {
        var places = 1
        while number >> (5 * places) > 0 { places += 1 }
        for place in stride(from: places - 1, to: 0, by: -1) { bytes.append(moreDigits[(number >> (5 * place)) & 31]) }
        bytes.append(finalDigits[number & 31])
    }

    /// Where shards end: after a line once the shard holds `minimumBytes`, if the line's term hashes
    /// to a multiple of 8, and always by `maximumBytes`. The cut depends only on the lines since the
    /// last cut, so an edit moves at most the cuts near it and the shards after them are unchanged.
    struct Cutter {
        static let minimumBytes = 6_144, maximumBytes = 14_336
        private(set) var shard: [UInt8] = []
        private(set) var first: [UInt8] = []

        var isEmpty: Bool { shard.isEmpty }

        /// Adds a line (its term is the bytes before the first tab); returns the shard it ends, if any.
        mutating func add(_ line: UnsafeRawBufferPointer) -> SearchIndex.Shard? {
            let termEnd = line.firstIndex(of: 0x09) ?? line.count
            if shard.isEmpty { first = Array(line[0..<termEnd]) }
            shard.append(contentsOf: line)
            guard shard.count >= Self.minimumBytes else { return nil }
            // FNV-1a of the term: part of the published format (where shards end), so never changed.
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in line[0..<termEnd] { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            guard shard.count >= Self.maximumBytes || (hash >> 40) & 7 == 0 else { return nil }
            return finish()
        }

        /// The shard in progress, ended and named (nil when empty).
        mutating func finish() -> SearchIndex.Shard? {
            guard !shard.isEmpty else { return nil }
            defer { shard = []; first = [] }
            return SearchIndex.Shard(first: first, name: SearchLines.shardName(shard), bytes: shard)
        }
    }

    /// A shard's file name: its content's hash (so it can be cached forever, and an unchanged shard
    /// keeps its name from build to build).
    static func shardName(_ bytes: [UInt8]) -> String {
        var hasher = StableHasher()
        hasher.combine(bytes)
        return "terms-\(hasher.finalize().description.prefix(16)).txt"
    }
}
