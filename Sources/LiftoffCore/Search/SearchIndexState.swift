import Foundation

/// The last index's state on disk (`.output.liftoff-cache-search-index`, binary, little-endian):
/// its documents (path, key, length, where their terms are in the search cache), their total length
/// and its shards (first term, file name).
extension SearchIndex.State {
    private static let header = Array("liftoff-search-index 1\n".utf8)

    static func location(besideCache cache: URL) -> URL {
        URL(fileURLWithPath: cache.path + "-search-index")
    }

    /// The state in `url` (nil: none, or damaged).
    static func read(from url: URL) -> Self? {
        guard let data = FileManager.default.contents(atPath: url.path), data.starts(with: header) else { return nil }
        return data.withUnsafeBytes { raw -> Self? in
            var reader = BinaryReader(raw: raw, offset: header.count)
            func text() -> [UInt8]? { reader.number().flatMap { reader.take(Int($0)) }.map { Array($0) } }
            func key() -> Digest? {
                guard let high = reader.take(8), let low = reader.take(8) else { return nil }
                return Digest(high: UInt64(littleEndian: high.loadUnaligned(as: UInt64.self)), low: UInt64(littleEndian: low.loadUnaligned(as: UInt64.self)))
            }
            var state = Self()
            guard let count = reader.number(), let totalLow = reader.number(), let totalHigh = reader.number() else { return nil }
            state.total = Int(UInt64(totalHigh) << 32 | UInt64(totalLow))
            state.documents.reserveCapacity(Int(min(count, 1 << 24)))
            for _ in 0..<count {
                guard let path = text(), let key = key(), let length = reader.number(), let offsetLow = reader.number(),
                      let offsetHigh = reader.number(), let size = reader.number()
                else { return nil }
                let offset = Int(UInt64(offsetHigh) << 32 | UInt64(offsetLow))
                state.documents.append(Document(
                    path: String(decoding: path, as: UTF8.self), key: key, length: length, stored: offset..<(offset + Int(size))))
            }
            guard let shards = reader.number() else { return nil }
            for _ in 0..<shards {
                guard let first = text(), let name = text() else { return nil }
                state.shards.append((first, String(decoding: name, as: UTF8.self)))
            }
            return reader.offset == raw.count ? state : nil
        }
    }

    /// Writes the state (through a new file and a rename: a half-written state is never read).
    func write(to url: URL) {
        var bytes = Self.header
        func number(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        func text(_ value: some Collection<UInt8>) {
            number(UInt32(value.count))
            bytes.append(contentsOf: value)
        }
        number(UInt32(documents.count))
        number(UInt32(truncatingIfNeeded: UInt64(total)))
        number(UInt32(truncatingIfNeeded: UInt64(total) >> 32))
        for document in documents {
            text(document.path.utf8)
            withUnsafeBytes(of: document.key.high.littleEndian) { bytes.append(contentsOf: $0) }
            withUnsafeBytes(of: document.key.low.littleEndian) { bytes.append(contentsOf: $0) }
            number(document.length)
            number(UInt32(truncatingIfNeeded: UInt64(document.stored.lowerBound)))
            number(UInt32(truncatingIfNeeded: UInt64(document.stored.lowerBound) >> 32))
            number(UInt32(truncatingIfNeeded: document.stored.count))
        }
        number(UInt32(shards.count))
        for shard in shards {
            text(shard.first)
            text(shard.name.utf8)
        }
        try? Data(bytes).write(to: url, options: .atomic)
    }
}
