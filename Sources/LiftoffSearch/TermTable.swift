import Foundation

/// Distinct terms (UTF-8 bytes) in the order first seen, found again by their bytes: an
/// open-addressing table over one byte buffer (no `String` made for a term).
struct TermTable {
    /// The terms' bytes, one after the other; term `i` ends at `ends[i]`.
    private(set) var bytes: [UInt8] = []
    private(set) var ends: [UInt32] = []
    /// Open addressing: a slot holds its term's index + 1 (0: empty) and, above, the high half of its
    /// hash, which also says where its probe starts (so the table grows from its slots alone).
    private var slots: [UInt64] = Array(repeating: 0, count: 1024)

    var count: Int { ends.count }

    init() {}

    /// A table sized for about `terms` terms of `bytes` bytes in all (it grows past them).
    init(terms: Int, bytes: Int) {
        var size = 1024
        while size < terms * 2 { size *= 2 }
        slots = Array(repeating: 0, count: size)
        self.bytes.reserveCapacity(bytes)
        ends.reserveCapacity(terms)
    }

    func term(_ index: Int) -> ArraySlice<UInt8> {
        bytes[Int(index == 0 ? 0 : ends[index - 1])..<Int(ends[index])]
    }

    /// A term's hash: its bytes read 8 at a time as little-endian numbers, the last zero-filled
    /// (the tokenizer hashes a word it has just folded without a multiplication for each byte).
    static func hash(_ term: UnsafeBufferPointer<UInt8>) -> UInt64 {
        hash(count: term.count) { offset in
            if offset + 8 <= term.count {
                return UInt64(littleEndian: UnsafeRawPointer(term.baseAddress! + offset).loadUnaligned(as: UInt64.self))
            }
            var last: UInt64 = 0
            for index in offset..<term.count { last |= UInt64(term[index]) << (8 * UInt64(index - offset)) }
            return last
        }
    }

    /// `hash` of the `count` bytes at `term`, which may be read up to the next multiple of 8.
    @inline(__always) static func hash(padded term: UnsafeRawPointer, count: Int) -> UInt64 {
        hash(count: count) { offset in
            let word = UInt64(littleEndian: term.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            return count - offset < 8 ? word & ((1 << (8 * UInt64(count - offset))) - 1) : word
        }
    }

    /// The hash of `count` bytes that `word(offset)` gives 8 at a time.
    @inline(__always) private static func hash(count: Int, word: (Int) -> UInt64) -> UInt64 {
        var hash = seed
        for offset in stride(from: 0, to: count, by: 8) { hash = mix(hash ^ word(offset)) }
        return finish(hash, count: count)
    }

    private static let seed: UInt64 = 0x243F_6A88_85A3_08D3

    @inline(__always) private static func mix(_ value: UInt64) -> UInt64 {
        let product = value &* 0x9E37_79B9_7F4A_7C15
        return product ^ (product >> 32)
    }

    /// SplitMix64's finaliser.
    @inline(__always) private static func finish(_ hash: UInt64, count: Int) -> UInt64 {
        var value = hash ^ UInt64(truncatingIfNeeded: count)
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// The index of `term`, added if new.
    mutating func insert(_ term: UnsafeBufferPointer<UInt8>) -> (index: Int, inserted: Bool) {
        insert(term, hash: Self.hash(term))
    }

    /// The index of `term`, nil when it is not in the table.
    func find(_ term: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = Self.hash(term)
        let slot = slots[probe(term, hash: hash)]
        return slot == 0 ? nil : Self.index(slot)
    }

    /// The slot holding `term`, or the empty slot where it would go.
    @inline(__always)
    private func probe(_ term: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int {
        let mask = slots.count - 1
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var slot = Self.start(tag) & mask
        while true {
            let value = slots[slot]
            if value == 0 || (value & 0xFFFF_FFFF_0000_0000 == tag && equals(Self.index(value), term)) { return slot }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always) private static func index(_ slot: UInt64) -> Int { Int(slot & 0xFFFF_FFFF) - 1 }
    @inline(__always) private static func start(_ slot: UInt64) -> Int { Int(truncatingIfNeeded: slot >> 32) }
    @inline(__always) private static func slot(_ index: Int, hash: UInt64) -> UInt64 {
        hash & 0xFFFF_FFFF_0000_0000 | UInt64(index + 1)
    }

    /// The index of `term` (whose `hash` is given), added if new.
    @inline(__always)
    mutating func insert(_ term: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (index: Int, inserted: Bool) {
        let slot = probe(term, hash: hash)
        if slots[slot] != 0 { return (Self.index(slots[slot]), false) }
        let index = ends.count
        slots[slot] = Self.slot(index, hash: hash)
        bytes.append(contentsOf: term)
        ends.append(UInt32(bytes.count))
        if ends.count * 2 > slots.count { grow() }
        return (index, true)
    }

    mutating func insert(_ term: ArraySlice<UInt8>) -> (index: Int, inserted: Bool) {
        term.withUnsafeBufferPointer { insert($0) }
    }

    @inline(__always)
    private func equals(_ index: Int, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = index == 0 ? 0 : Int(ends[index - 1]), count = Int(ends[index]) - start
        guard count == term.count else { return false }
        return bytes.withUnsafeBufferPointer { buffer in
            let a = UnsafeRawPointer(buffer.baseAddress! + start), b = UnsafeRawPointer(term.baseAddress!)
            // Most words are 16 bytes or shorter: compared without a call, a few bytes at a time.
            if count >= 8, count <= 16 {
                return a.loadUnaligned(as: UInt64.self) == b.loadUnaligned(as: UInt64.self)
                    && a.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) == b.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            }
            if count >= 4, count < 8 {
                return a.loadUnaligned(as: UInt32.self) == b.loadUnaligned(as: UInt32.self)
                    && a.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self) == b.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
            }
            guard count < 4 else { return memcmp(a, b, count) == 0 }
            for offset in 0..<count where a.load(fromByteOffset: offset, as: UInt8.self) != b.load(fromByteOffset: offset, as: UInt8.self) {
                return false
            }
            return true
        }
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
        let old = slots
        slots = Array(repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for value in old where value != 0 {
            var slot = Self.start(value) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = value
        }
    }
}
