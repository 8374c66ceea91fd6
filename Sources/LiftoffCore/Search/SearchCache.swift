import Foundation

/// The search terms of every article a build can carry over, kept beside the build cache
/// (`.output.liftoff-cache-search`): a carried-over article is not parsed again, so its terms
/// come from here. Binary, little-endian; an entry is used only with the page key it was made for,
/// and a later entry for a path replaces an earlier one (a warm build appends what it re-rendered).
enum SearchCache {
    private static let header = Array("liftoff-search 1\n".utf8)

    static func location(besideCache cache: URL) -> URL {
        URL(fileURLWithPath: cache.path + "-search")
    }

    /// Writes `documents` (page path → terms), each with the key of its page in `pages`. When the
    /// file holds the last build's entries, only the pages not in `carried` (their terms came from
    /// it) are appended — a later entry for a path wins — unless the file has grown past twice what
    /// it would hold written anew.
    static func write(_ documents: [String: SearchDocument], pages: [String: BuildCache.Page], carried: Set<String> = [], to url: URL) {
        guard !documents.isEmpty else {
            try? FileManager.default.removeItem(at: url)
            return
        }
        let live = documents.reduce(header.count) { $0 + entrySize($1.key, $1.value) }
        if !carried.isEmpty, let size = FileStamp.of(url.path)?.size, Int(size) <= 2 * live, startsWithHeader(url) {
            var bytes: [UInt8] = []
            for (path, document) in documents.sorted(by: { $0.key < $1.key }) where !carried.contains(path) {
                if let key = pages[path]?.key { append(path, key, document, to: &bytes) }
            }
            let descriptor = open(url.path, O_WRONLY | O_APPEND | O_CLOEXEC)
            if descriptor >= 0 {
                let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
                close(descriptor)
                if written == bytes.count { return }
            }
        }
        var bytes = header
        bytes.reserveCapacity(live)
        for (path, document) in documents.sorted(by: { $0.key < $1.key }) {
            if let key = pages[path]?.key { append(path, key, document, to: &bytes) }
        }
        try? Data(bytes).write(to: url)
    }

    private static func entrySize(_ path: String, _ document: SearchDocument) -> Int {
        24 + path.utf8.count + 32 + document.termBytes.count + document.ends.count * 8
    }

    private static func startsWithHeader(_ url: URL) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: url.path) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: header.count)).map { [UInt8]($0) == header } ?? false
    }

    /// One entry: path, page key, length, term bytes, ends, weights.
    private static func append(_ path: String, _ key: Digest, _ document: SearchDocument, to bytes: inout [UInt8]) {
        func number(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        func numbers(_ values: [UInt32]) {
            number(UInt32(values.count))
            values.withUnsafeBytes { bytes.append(contentsOf: $0) }  // little-endian, as every platform Liftoff runs on
        }
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

    /// The documents whose page keys still match `pages` (nil file, damaged file: none).
    static func read(from url: URL, pages: [String: BuildCache.Page]) -> [String: SearchDocument] {
        // Mapped, not read: the terms are copied out of it once (40 MB at 10,000 articles).
        guard let data = try? Data(contentsOf: url, options: .alwaysMapped), data.starts(with: header) else { return [:] }
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
