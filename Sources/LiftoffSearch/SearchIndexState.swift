import Foundation
import LiftoffModel

/// The last index's state on disk (`.output.liftoff-cache-search-index`, binary, little-endian):
/// its documents (path, key, length, where their terms are in the search cache), their total length
/// and its shards (first term, file name).
extension SearchIndex.State {
    private static let header = Array("liftoff-search-index 2\n".utf8)

    package static func location(besideCache cache: URL) -> URL {
        URL(fileURLWithPath: cache.path + "-search-index")
    }

    /// The state in `url` (nil: none, or damaged).
    package static func read(from url: URL) -> Self? {
        guard let data = FileManager.default.contents(atPath: url.path), data.starts(with: header) else { return nil }
        return data.withUnsafeBytes { raw -> Self? in
            var reader = BinaryReader(raw: raw, offset: header.count)
            var state = Self()
            guard let count = reader.number(), let total = reader.wide() else { return nil }
            state.total = total
            state.documents.reserveCapacity(Int(min(count, 1 << 24)))
            for _ in 0..<count {
                guard let path = reader.run(), let key = reader.digest(), let length = reader.number(), let offset = reader.wide(),
                      let size = reader.number()
                else { return nil }
                state.documents.append(Document(
                    path: String(decoding: path, as: UTF8.self), key: key, length: length, stored: offset..<(offset + Int(size))))
            }
            guard let shards = reader.number() else { return nil }
            for _ in 0..<shards {
                guard let first = reader.run(), let name = reader.run() else { return nil }
                state.shards.append((Array(first), String(decoding: name, as: UTF8.self)))
            }
            return reader.offset == raw.count ? state : nil
        }
    }

    /// Writes the state (through a new file and a rename: a half-written state is never read).
    package func write(to url: URL) {
        var writer = BinaryWriter(bytes: Self.header)
        writer.number(UInt32(documents.count))
        writer.wide(total)
        for document in documents {
            writer.run(document.path.utf8)
            writer.digest(document.key)
            writer.number(document.length)
            writer.wide(document.stored.lowerBound)
            writer.number(UInt32(truncatingIfNeeded: document.stored.count))
        }
        writer.number(UInt32(shards.count))
        for shard in shards {
            writer.run(shard.first)
            writer.run(shard.name.utf8)
        }
        _ = writer.write(atomicallyTo: url)
    }
}
