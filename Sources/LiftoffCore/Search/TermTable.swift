import Foundation

/// Distinct terms (UTF-8 bytes) in the order first seen, found again by their bytes: an
/// open-addressing table over one byte buffer (no `String` made for a term).
struct TermTable {
    /// The terms' bytes, one after the other; term `i` ends at `ends[i]`.
    private(set) var bytes: [UInt8] = []
    private(set) var ends: [UInt32] = []
    private var hashes: [UInt64] = []
    private var slots: [Int32] = Array(repeating: -1, count: 1024)

    var count: Int { ends.count }

    init() {}

    /// A table sized for about `terms` terms of `bytes` bytes in all (it grows past them).
    init(terms: Int, bytes: Int) {
        var size = 1024
        while size < terms * 2 { size *= 2 }
        slots = Array(repeating: -1, count: size)
        self.bytes.reserveCapacity(bytes)
        ends.reserveCapacity(terms)
        hashes.reserveCapacity(terms)
    }

    func term(_ index: Int) -> ArraySlice<UInt8> {
        bytes[Int(index == 0 ? 0 : ends[index - 1])..<Int(ends[index])]
    }

    /// FNV-1a over a term's bytes (the tokenizer computes it as it folds them).
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
    @inline(__always) static func mix(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    static func hash(_ term: UnsafeBufferPointer<UInt8>) -> UInt64 { term.reduce(seed, mix) }

    /// The index of `term`, added if new.
    mutating func insert(_ term: UnsafeBufferPointer<UInt8>) -> (index: Int, inserted: Bool) {
        insert(term, hash: Self.hash(term))
    }

    /// The index of `term`, nil when it is not in the table.
    func find(_ term: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = Self.hash(term)
        let index = Int(slots[probe(term, hash: hash)])
        return index < 0 ? nil : index
    }

    /// The slot holding `term`, or the empty slot where it would go.
    @inline(__always)
    private func probe(_ term: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 || (hashes[index] == hash && equals(index, term)) { return slot }
            slot = (slot + 1) & mask
        }
    }

    /// The index of `term` (whose `hash` is given), added if new.
    @inline(__always)
    mutating func insert(_ term: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (index: Int, inserted: Bool) {
        let slot = probe(term, hash: hash)
        if slots[slot] >= 0 { return (Int(slots[slot]), false) }
        let index = ends.count
        slots[slot] = Int32(index)
        hashes.append(hash)
        bytes.append(contentsOf: term)
        ends.append(UInt32(bytes.count))
        if ends.count * 2 > slots.count { grow() }
        return (index, true)
    }

    mutating func insert(_ term: ArraySlice<UInt8>) -> (index: Int, inserted: Bool) {
        term.withUnsafeBufferPointer { insert($0) }
    }

    private func equals(_ index: Int, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = index == 0 ? 0 : Int(ends[index - 1]), count = Int(ends[index]) - start
        guard count == term.count else { return false }
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, term.baseAddress!, count) == 0 }
    }

    /// Whether term `a` sorts before term `b` (by bytes: code-point order).
    func precedes(_ a: Int, _ b: Int) -> Bool {
        let startA = a == 0 ? 0 : Int(ends[a - 1]), countA = Int(ends[a]) - startA
        let startB = b == 0 ? 0 : Int(ends[b - 1]), countB = Int(ends[b]) - startB
        return bytes.withUnsafeBufferPointer { buffer in
            let order = memcmp(buffer.baseAddress! + startA, buffer.baseAddress! + startB, min(countA, countB))
            return order != 0 ? order < 0 : countA < countB
        }
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }
}
