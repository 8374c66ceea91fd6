import Foundation

/// The search terms of every article a build can carry over, kept beside the build cache
/// (`.output.liftoff-cache-search`): a carried-over article is not parsed again, so its terms
/// come from here. Binary, little-endian; an entry is used only with the page key it was made for.
enum SearchCache {
    private static let header = Array("liftoff-search 1\n".utf8)

    static func location(besideCache cache: URL) -> URL {
        URL(fileURLWithPath: cache.path + "-search")
    }

    /// Writes `documents` (page path → terms), each with the key of its page in `pages`.
    static func write(_ documents: [String: SearchDocument], pages: [String: BuildCache.Page], to url: URL) {
        guard !documents.isEmpty else {
            try? FileManager.default.removeItem(at: url)
            return
        }
        var bytes = header
        bytes.reserveCapacity(documents.values.reduce(64) { $0 + 64 + $1.termBytes.count + $1.ends.count * 8 })
        func number(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        func numbers(_ values: [UInt32]) {
            number(UInt32(values.count))
            values.withUnsafeBytes { bytes.append(contentsOf: $0) }  // little-endian, as every platform Liftoff runs on
        }
        for (path, document) in documents.sorted(by: { $0.key < $1.key }) {
            guard let key = pages[path]?.key else { continue }
            let name = Array(path.utf8)
            number(UInt32(name.count))
            bytes.append(contentsOf: name)
            bytes.append(contentsOf: key.description.utf8)
            number(document.length)
            number(UInt32(document.termBytes.count))
            bytes.append(contentsOf: document.termBytes)
            numbers(document.ends)
            numbers(document.weights)
        }
        try? Data(bytes).write(to: url)
    }

    /// The documents whose page keys still match `pages` (nil file, damaged file: none).
    static func read(from url: URL, pages: [String: BuildCache.Page]) -> [String: SearchDocument] {
        guard let data = FileManager.default.contents(atPath: url.path), data.starts(with: header) else { return [:] }
        return data.withUnsafeBytes { raw -> [String: SearchDocument] in
            var offset = header.count
            func number() -> UInt32? {
                guard offset + 4 <= raw.count else { return nil }
                defer { offset += 4 }
                return UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
            }
            func take(_ count: Int) -> UnsafeRawBufferPointer? {
                guard count >= 0, offset + count <= raw.count else { return nil }
                defer { offset += count }
                return UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + count)])
            }
            func numbers() -> [UInt32]? {
                guard let count = number(), let values = take(Int(count) * 4) else { return nil }
                return [UInt32](unsafeUninitializedCapacity: Int(count)) { buffer, initialized in
                    UnsafeMutableRawBufferPointer(buffer).copyMemory(from: values)
                    initialized = Int(count)
                }
            }
            var documents: [String: SearchDocument] = [:]
            while offset < raw.count {
                guard let nameLength = number(), let name = take(Int(nameLength)), let key = take(32),
                      let length = number(), let termLength = number(), let terms = take(Int(termLength)),
                      let ends = numbers(), let weights = numbers(), ends.count == weights.count
                else { return [:] }
                let path = String(decoding: name, as: UTF8.self)
                guard pages[path]?.key.description.utf8.elementsEqual(key) == true else { continue }
                documents[path] = SearchDocument(termBytes: Array(terms), ends: ends, weights: weights, length: length)
            }
            return documents
        }
    }
}
