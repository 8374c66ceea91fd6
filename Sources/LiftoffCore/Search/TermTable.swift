/// Distinct terms (UTF-8 bytes) in the order first seen, found again by their bytes: an
/// open-addressing table over one byte buffer (no `String` made for a term).
struct TermTable {
    /// The terms' bytes, one after the other; term `i` ends at `ends[i]`.
    private(set) var bytes: [UInt8] = []
    private(set) var ends: [UInt32] = []
    private var hashes: [UInt64] = []
    private var slots: [Int32] = Array(repeating: -1, count: 1024)

    var count: Int { ends.count }

    func term(_ index: Int) -> ArraySlice<UInt8> {
        bytes[Int(index == 0 ? 0 : ends[index - 1])..<Int(ends[index])]
    }

    /// The index of `term`, added if new.
    mutating func insert<Bytes: Collection<UInt8>>(_ term: Bytes) -> (index: Int, inserted: Bool) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
        for byte in term { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { break }
            if hashes[index] == hash, self.term(index).elementsEqual(term) { return (index, false) }
            slot = (slot + 1) & mask
        }
        let index = ends.count
        slots[slot] = Int32(index)
        hashes.append(hash)
        bytes.append(contentsOf: term)
        ends.append(UInt32(bytes.count))
        if ends.count * 2 > slots.count { grow() }
        return (index, true)
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }
}
