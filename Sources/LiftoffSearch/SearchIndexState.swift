import Foundation
import LiftoffModel

/// The last indexes' states on disk (`.output.liftoff-cache-search-index`, binary, little-endian),
/// one a language: each its folder, its documents (path, key, length, where their terms are in the
/// search cache), their total length and its shards (first term, file name).
extension SearchIndex.State {
    private static let header = Array("liftoff-search-index 3\n".utf8)

    package static func location(besideCache cache: URL) -> URL {
        URL(fileURLWithPath: cache.path + "-search-index")
    }

    /// The states in `url` (nil: none, or damaged).
    package static func read(from url: URL) -> [Self]? {
        guard let data = FileManager.default.contents(atPath: url.path), data.starts(with: header) else { return nil }
        return data.withUnsafeBytes { raw -> [Self]? in
            var reader = BinaryReader(raw: raw, offset: header.count)
            guard let indexes = reader.number(), indexes <= 1 << 12 else { return nil }
            var states: [Self] = []
            for _ in 0..<indexes {
                guard let state = read(&reader) else { return nil }
                states.append(state)
            }
            return reader.offset == raw.count ? states : nil
        }
    }

    private static func read(_ reader: inout BinaryReader) -> Self? {
        var state = Self()
        guard let folder = reader.run(), let count = reader.number(), let total = reader.wide() else { return nil }
        state.folder = String(decoding: folder, as: UTF8.self)
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
        return state
    }

    /// Writes the states (through a new file and a rename: a half-written state is never read).
    package static func write(_ states: [Self], to url: URL) {
        var writer = BinaryWriter(bytes: header)
        writer.number(UInt32(states.count))
        for state in states { state.write(&writer) }
        _ = writer.write(atomicallyTo: url)
    }

    private func write(_ writer: inout BinaryWriter) {
        writer.run(folder.utf8)
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
    }
}
