import Foundation
import LiftoffModel
import LiftoffSearch

/// What the previous build rendered and from which inputs, so that the next build carries an
/// unchanged page over (a hard link to the old file) instead of rendering it again.
///
/// Every page's key is a digest of what the page is made from: `siteKey` (tool, options,
/// `site.yml`, theme), and for an article its file's bytes, its related reads as lists show
/// them, and what each of its links resolves to; for a list page, the articles it shows. What
/// depends on the build's "now" (countdown texts, future articles, the year) stays the same
/// from `builtAt` until `validUntil`, so a cache is used only inside that window.
///
/// `liftoff build` keeps it beside the output (`.output.liftoff-cache`); `liftoff serve` keeps
/// it in memory, with the parsed front matter too.
public struct BuildCache: Sendable {
    public var siteKey: Digest
    /// The inode of the output folder the pages are in: a cache of another tree is ignored.
    public var outputInode: UInt64
    public var builtAt: Int64
    public var validUntil: Int64
    /// Output path → what it was made from.
    public var pages: [String: Page]
    /// Each published article's URL path by source path (the next build warns when one moves).
    public var urls: [String: String] = [:]
    /// Each article's old URL paths that no alias covers and no `retired:` lets go, by source path:
    /// warned about on every build until one does.
    public var moved: [String: [String]] = [:]
    /// Parsed front matter by source path, with the digest of the file's bytes (memory only).
    var articles: [String: (digest: Digest, article: Article)] = [:]
    /// Pages' search terms by path and key (kept by `SearchCache`).
    var search = SearchTerms()
    /// What the published search index was made from (nil: search is off).
    var searchIndex: SearchIndex.State?

    public struct Page: Sendable, Equatable {
        public var key: Digest
        /// Articles: the links and images of the Markdown, and the digest of what they resolved to.
        var links: [LinkUse] = []
        var linkKey = Digest.zero
        /// Articles: warnings about the file (`line`, message), repeated when the page is carried over.
        var warnings: [Warning] = []
        /// Articles: the first moment a countdown in the body reads differently.
        var bodyValidUntil: Int64 = .max
    }

    struct LinkUse: Sendable, Equatable {
        var url: String
        var isImage: Bool
    }

    struct Warning: Sendable, Equatable {
        var line: Int
        var message: String
    }

    public init(siteKey: Digest, outputInode: UInt64 = 0, builtAt: Int64, validUntil: Int64) {
        self.siteKey = siteKey
        self.outputInode = outputInode
        self.builtAt = builtAt
        self.validUntil = validUntil
        pages = [:]
    }

    /// Whether its pages may be carried over into a build with this key at `now`.
    /// Only the articles' URLs and old URLs of the cache at `url` (for `liftoff check`: it carries
    /// no page over, but says which URLs moved).
    public static func urlHistory(from url: URL) -> BuildCache? {
        guard let cache = read(from: url) else { return nil }
        var history = BuildCache(siteKey: .zero, builtAt: 0, validUntil: 0)
        (history.urls, history.moved) = (cache.urls, cache.moved)
        return history
    }

    func applies(siteKey: Digest, now: Timestamp) -> Bool {
        siteKey == self.siteKey && builtAt <= now.seconds && now.seconds < validUntil
    }

    /// Whether it describes the tree now at `output` (the one the build carries pages over from).
    public func describes(output: URL) -> Bool {
        FileStamp.of(output.path)?.inode == outputInode
    }

    // MARK: On disk

    /// `<parent>/.<output name>.liftoff-cache`
    public static func location(for output: URL) -> URL {
        OutputWriter.beside(output, "cache")
    }

    /// Reads a cache written by `write(to:)`; nil when there is none or it cannot be read.
    /// (Byte-wise: at 10,000 articles the file holds some 60,000 lines.)
    public static func read(from url: URL) -> BuildCache? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        let bytes = [UInt8](data)
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: true)[...]
        func text(_ slice: ArraySlice<UInt8>) -> String { String(decoding: slice, as: UTF8.self) }
        func number<T: FixedWidthInteger>(_ slice: ArraySlice<UInt8>) -> T? { T(text(slice)) }
        guard let first = lines.popFirst(), text(first) == header,
              let second = lines.popFirst().map({ $0.split(separator: 0x20) }), second.count == 4,
              let siteKey = Digest(text(second[0])[...]), let inode: UInt64 = number(second[1]),
              let builtAt: Int64 = number(second[2]), let validUntil: Int64 = number(second[3])
        else { return nil }
        var cache = BuildCache(siteKey: siteKey, outputInode: inode, builtAt: builtAt, validUntil: validUntil)
        cache.pages.reserveCapacity(lines.count / 3)
        var current: (path: String, page: Page)?
        for line in lines {
            let parts = line.split(separator: 0x09, maxSplits: 4, omittingEmptySubsequences: false)
            switch (parts.first?.first, parts.count) {
            case (UInt8(ascii: "P"), 5):
                if let current { cache.pages[current.path] = current.page }
                guard let key = Digest(text(parts[2])[...]), let linkKey = Digest(text(parts[3])[...]),
                      let until: Int64 = number(parts[4])
                else { return nil }
                current = (unescape(text(parts[1])[...]), Page(key: key, linkKey: linkKey, bodyValidUntil: until))
            case (UInt8(ascii: "L"), 3) where current != nil:
                current!.page.links.append(LinkUse(url: unescape(text(parts[2])[...]), isImage: parts[1].first == UInt8(ascii: "1")))
            case (UInt8(ascii: "W"), 3) where current != nil:
                guard let line: Int = number(parts[1]) else { return nil }
                current!.page.warnings.append(Warning(line: line, message: unescape(text(parts[2])[...])))
            case (UInt8(ascii: "U"), 3):
                cache.urls[unescape(text(parts[1])[...])] = unescape(text(parts[2])[...])
            case (UInt8(ascii: "M"), 3):
                cache.moved[unescape(text(parts[1])[...]), default: []].append(unescape(text(parts[2])[...]))
            default:
                return nil
            }
        }
        if let current { cache.pages[current.path] = current.page }
        cache.searchIndex = SearchIndex.State.read(from: SearchIndex.State.location(besideCache: url))
        cache.search.stored = SearchCache.open(SearchCache.location(besideCache: url), state: cache.searchIndex)
        return cache
    }

    /// Writes the cache atomically (a half-written cache is never read: it would not parse).
    public func write(to url: URL) {
        // The search index's state names where its documents' terms are: removed while the caches are
        // written (a build killed meanwhile leaves none, so the next one renders every page), then written.
        let stateURL = SearchIndex.State.location(besideCache: url)
        try? FileManager.default.removeItem(at: stateURL)
        // The two files are independent: written side by side.
        let cache = self
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 { cache.writeText(to: url) } else { cache.writeSearch(besideCache: url, state: stateURL) }
        }
    }

    private func writeText(to url: URL) {
        var text = Self.header + "\n\(siteKey) \(outputInode) \(builtAt) \(validUntil)\n"
        for (path, page) in pages.sorted(by: { $0.key < $1.key }) {
            text += "P\t\(Self.escape(path))\t\(page.key)\t\(page.linkKey)\t\(page.bodyValidUntil)\n"
            for link in page.links { text += "L\t\(link.isImage ? 1 : 0)\t\(Self.escape(link.url))\n" }
            for warning in page.warnings { text += "W\t\(warning.line)\t\(Self.escape(warning.message))\n" }
        }
        for (path, url) in urls.sorted(by: { $0.key < $1.key }) { text += "U\t\(Self.escape(path))\t\(Self.escape(url))\n" }
        for (path, olds) in moved.sorted(by: { $0.key < $1.key }) {
            for old in olds { text += "M\t\(Self.escape(path))\t\(Self.escape(old))\n" }
        }
        try? text.write(to: url, atomically: true, encoding: .utf8)
    }

    private func writeSearch(besideCache url: URL, state stateURL: URL) {
        if var state = searchIndex,
           let offsets = SearchCache.write(search, live: state.documents.map { ($0.path, $0.key) }, to: SearchCache.location(besideCache: url)) {
            for (position, range) in offsets.enumerated() { state.documents[position].stored = range }
            state.write(to: stateURL)
        } else {
            try? FileManager.default.removeItem(at: SearchCache.location(besideCache: url))
        }
    }

    public static func remove(at url: URL) {
        try? FileManager.default.removeItem(at: url)
        try? FileManager.default.removeItem(at: SearchCache.location(besideCache: url))
        try? FileManager.default.removeItem(at: SearchIndex.State.location(besideCache: url))
    }

    private static let header = "liftoff-cache 2"

    /// Tabs, line breaks and backslashes as `\t`, `\n`, `\\`.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x5C }) else { return text }
        var result = ""
        for character in text.unicodeScalars {
            switch character {
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\\": result += "\\\\"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    static func unescape(_ text: Substring) -> String {
        guard text.utf8.contains(0x5C) else { return String(text) }
        var result = ""
        var escaped = false
        for character in text.unicodeScalars {
            if escaped {
                switch character {
                case "t": result += "\t"
                case "n": result += "\n"
                case "r": result += "\r"
                default: result.unicodeScalars.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.unicodeScalars.append(character)
            }
        }
        return result
    }
}
