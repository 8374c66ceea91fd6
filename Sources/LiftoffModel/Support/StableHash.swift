/// A 128-bit digest that is the same in every process (Swift's `Hasher` is seeded per run), for
/// keys stored between builds. Not cryptographic: it tells versions of a site's own files apart.
public struct Digest: Sendable, Hashable, CustomStringConvertible {
    public var high: UInt64
    public var low: UInt64

    public static let zero = Digest(high: 0, low: 0)

    public var description: String { hex(high) + hex(low) }

    /// Parses the 32 hexadecimal digits `description` writes.
    public init?(_ text: Substring) {
        guard text.utf8.count == 32, let high = UInt64(text.prefix(16), radix: 16), let low = UInt64(text.suffix(16), radix: 16)
        else { return nil }
        self.init(high: high, low: low)
    }

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    private func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// Feeds bytes, strings and numbers into two independent 64-bit lanes, eight bytes at a step.
public struct StableHasher {
    private var a: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private var length: UInt64 = 0

    public init() {}

    public mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        var index = 0
        let count = bytes.count
        while index + 8 <= count {
            mix(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            index += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < count {
            tail |= UInt64(bytes[index]) << shift
            shift += 8
            index += 1
        }
        mix(tail ^ (UInt64(count) << 56))
        length &+= UInt64(count)
    }

    public mutating func combine(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { combine($0) }
    }

    /// A string and its length, so that `"ab" + "c"` and `"a" + "bc"` differ.
    public mutating func combine(_ string: String) {
        var string = string
        string.withUTF8 { combine(UnsafeRawBufferPointer($0)) }
    }

    public mutating func combine(_ value: Int64) { mix(UInt64(bitPattern: value)) }
    public mutating func combine(_ value: Int) { mix(UInt64(bitPattern: Int64(value))) }
    public mutating func combine(_ value: Bool) { mix(value ? 0xB0 : 0xB1) }
    public mutating func combine(_ digest: Digest) {
        mix(digest.high)
        mix(digest.low)
    }

    public func finalize() -> Digest {
        Digest(high: Self.avalanche(a ^ length), low: Self.avalanche(b &+ length))
    }

    private mutating func mix(_ word: UInt64) {
        a = Self.avalanche(a ^ word) &* 0x9FB2_1C65_1E98_DF25
        b = (b ^ Self.avalanche(word &+ 0x6A09_E667_F3BC_C909)).rotateLeft(27) &* 0xFF51_AFD7_ED55_8CCD
    }

    /// The finalizer of MurmurHash3's 64-bit variant.
    private static func avalanche(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x &*= 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x &*= 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x
    }
}

extension UInt64 {
    fileprivate func rotateLeft(_ count: UInt64) -> UInt64 {
        (self << count) | (self >> (64 - count))
    }
}
