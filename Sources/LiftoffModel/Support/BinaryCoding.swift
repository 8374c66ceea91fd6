import Foundation

/// Little-endian numbers, byte runs and digests read from a buffer, each checked against its end
/// (what `BinaryWriter` writes; the search cache's files are made of them).
package struct BinaryReader {
    package let raw: UnsafeRawBufferPointer
    package var offset = 0

    package init(raw: UnsafeRawBufferPointer, offset: Int = 0) {
        self.raw = raw
        self.offset = offset
    }

    package mutating func number() -> UInt32? {
        guard offset + 4 <= raw.count else { return nil }
        defer { offset += 4 }
        return UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    package mutating func wide() -> Int? {
        guard offset + 8 <= raw.count else { return nil }
        defer { offset += 8 }
        return Int(truncatingIfNeeded: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
    }

    package mutating func take(_ count: Int) -> UnsafeRawBufferPointer? {
        guard count >= 0, offset + count <= raw.count else { return nil }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + count)])
    }

    /// A run written by `BinaryWriter.run`: its length, then its bytes.
    package mutating func run() -> UnsafeRawBufferPointer? {
        number().flatMap { take(Int($0)) }
    }

    package mutating func digest() -> Digest? {
        guard let high = wide(), let low = wide() else { return nil }
        return Digest(high: UInt64(truncatingIfNeeded: high), low: UInt64(truncatingIfNeeded: low))
    }

    /// Numbers written by `BinaryWriter.numbers`: their count, then each.
    package mutating func numbers() -> [UInt32]? {
        guard let count = number(), let bytes = take(Int(count) * 4) else { return nil }
        return [UInt32](unsafeUninitializedCapacity: Int(count)) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: bytes)
            initialized = Int(count)
        }
    }
}

/// Little-endian numbers, byte runs and digests appended to `bytes` (read back by `BinaryReader`).
package struct BinaryWriter {
    package var bytes: [UInt8]

    package init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Writes the bytes to a new file beside `url`, then renames it over `url`: a reader finds the
    /// old file or the whole new one. The bytes are written as they are (no copy into `Data`: a
    /// 100,000-article cache is 40 MB). False, and no file left behind, when it fails.
    package func write(atomicallyTo url: URL) -> Bool {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(url.lastPathComponent + ".tmp-\(getpid())-\(UUID().uuidString)")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        let written = descriptor >= 0 && write(to: descriptor)
        if descriptor >= 0 { close(descriptor) }
        guard written, rename(temporary.path, url.path) == 0 else {
            unlink(temporary.path)
            return false
        }
        return true
    }

    /// Writes every byte to the open file `descriptor` (at its offset); false when one write fails.
    package func write(to descriptor: Int32) -> Bool {
        bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let count = Foundation.write(descriptor, raw.baseAddress! + done, raw.count - done)
                guard count > 0 else { return false }
                done += count
            }
            return true
        }
    }

    package mutating func number(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }

    package mutating func wide(_ value: Int) { withUnsafeBytes(of: UInt64(truncatingIfNeeded: value).littleEndian) { bytes.append(contentsOf: $0) } }

    package mutating func run(_ value: some Collection<UInt8>) {
        number(UInt32(value.count))
        bytes.append(contentsOf: value)
    }

    package mutating func digest(_ value: Digest) {
        wide(Int(truncatingIfNeeded: value.high))
        wide(Int(truncatingIfNeeded: value.low))
    }

    package mutating func numbers(_ values: [UInt32]) {
        number(UInt32(values.count))
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }  // little-endian, as every platform Liftoff runs on
    }
}
