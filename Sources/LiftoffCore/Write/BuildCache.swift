import Foundation
import LiftoffModel
import LiftoffSource
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
    /// What the build's links to Markdown files resolved from (`LinkResolver.world`).
    var linkWorld = Digest.zero
    /// Output path → what it was made from.
    public var pages: [String: Page]
    /// Each published article's URL path by source path (the next build warns when one moves).
    public var urls: [String: String] = [:]
    /// Each article's old URL paths that no alias covers and no `retired:` lets go, by source path:
    /// warned about on every build until one does.
    public var moved: [String: [String]] = [:]
    /// Parsed front matter by source path, with the digests of the file's bytes and front matter (memory only).
    var articles: [String: ParsedArticle] = [:]
    /// How the last build resolved its articles, and from what.
    var resolution: KeptResolution?
    /// Pages' search terms by path and key (kept by `SearchCache`).
    var search = SearchTerms()
    /// What the published search indexes were made from, one a language (nil: search is off).
    var searchIndexes: [SearchIndex.State]?

    public struct Page: Sendable, Equatable {
        public var key: Digest
        /// Articles: the links and images of the Markdown (as the cache file holds them: read only
        /// when they must be resolved again), and the digest of what they resolved to.
        var linkData: [UInt8] = []
        var linkKey = Digest.zero
        /// Articles: whether every link led to a page (none published a file or an image), so
        /// that with the same `linkWorld` each resolves as it did.
        var linksAlone = false
        /// Articles: warnings about the file (`line`, message), repeated when the page is carried over.
        var warnings: [Warning] = []
        /// Articles: the first moment a countdown in the body reads differently.
        var bodyValidUntil: Int64 = .max

        init(
            key: Digest, links: [LinkUse] = [], linkKey: Digest = .zero, linksAlone: Bool = false, warnings: [Warning] = [],
            bodyValidUntil: Int64 = .max
        ) {
            (self.key, self.linkKey, self.linksAlone, self.warnings, self.bodyValidUntil) = (key, linkKey, linksAlone, warnings, bodyValidUntil)
            if !links.isEmpty {
                var writer = BinaryWriter(bytes: [])
                writer.list(links) { writer, link in
                    writer.bool(link.isImage)
                    writer.string(link.url)
                }
                linkData = writer.bytes
            }
        }
    }
}

extension BuildCache.Page {
    /// Articles: the links and images of the Markdown, in order.
    var links: [BuildCache.LinkUse] {
        guard !linkData.isEmpty else { return [] }
        return linkData.withUnsafeBytes { raw in
            var reader = BinaryReader(raw: raw)
            return reader.list { (reader: inout BinaryReader) -> BuildCache.LinkUse? in
                guard let isImage = reader.bool(), let target = reader.string() else { return nil }
                return BuildCache.LinkUse(url: target, isImage: isImage)
            } ?? []
        }
    }
}

extension BuildCache {
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
    /// (Binary: at 100,000 articles its text form took 0.7 s to read and 0.6 s to write.)
    public static func read(from url: URL) -> BuildCache? {
        guard let bytes = KeptFiles.contents(url.path) else { return nil }
        let decoded = bytes.withUnsafeBytes { raw -> BuildCache? in
            var reader = BinaryReader(raw: raw)
            guard reader.take(header.count).map(Array.init) == header, let siteKey = reader.digest(), let inode = reader.wide(),
                  let builtAt = reader.wide(), let validUntil = reader.wide(), let linkWorld = reader.digest(), let pageCount = reader.number(),
                  Int(pageCount) <= raw.count
            else { return nil }
            var cache = BuildCache(siteKey: siteKey, outputInode: UInt64(truncatingIfNeeded: inode), builtAt: Int64(builtAt), validUntil: Int64(validUntil))
            cache.linkWorld = linkWorld
            cache.pages.reserveCapacity(Int(pageCount))
            for _ in 0..<pageCount {
                guard let path = reader.string(), let key = reader.digest(), let linkKey = reader.digest(), let alone = reader.bool(), let until = reader.wide(),
                      let links = reader.run(),
                      let warnings = reader.list({ (reader: inout BinaryReader) -> Warning? in
                          guard let line = reader.wide(), let message = reader.string() else { return nil }
                          return Warning(line: line, message: message)
                      })
                else { return nil }
                var page = Page(key: key, linkKey: linkKey, linksAlone: alone, warnings: warnings, bodyValidUntil: Int64(until))
                page.linkData = Array(links)
                cache.pages[path] = page
            }
            guard let urlCount = reader.number(), Int(urlCount) <= raw.count else { return nil }
            cache.urls.reserveCapacity(Int(urlCount))
            for _ in 0..<urlCount {
                guard let path = reader.string(), let address = reader.string() else { return nil }
                cache.urls[path] = address
            }
            guard let movedCount = reader.number() else { return nil }
            for _ in 0..<movedCount {
                guard let path = reader.string(), let olds = reader.strings() else { return nil }
                cache.moved[path] = olds
            }
            guard let hasResolution = reader.bool() else { return nil }
            if hasResolution {
                guard let resolution = reader.resolution() else { return nil }
                cache.resolution = resolution
            }
            return reader.offset == raw.count ? cache : nil
        }
        guard var cache = decoded else { return nil }
        cache.searchIndexes = SearchIndex.State.read(from: SearchIndex.State.location(besideCache: url))
        cache.search.stored = SearchCache.open(SearchCache.location(besideCache: url), states: cache.searchIndexes)
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
            if part == 0 { cache.writePages(to: url) } else { cache.writeSearch(besideCache: url, state: stateURL) }
        }
    }

    private func writePages(to url: URL) {
        var bytes = Self.header
        bytes.reserveCapacity(64 + pages.count * 160 + urls.count * 96)
        var writer = BinaryWriter(bytes: bytes)
        writer.digest(siteKey)
        writer.wide(Int(truncatingIfNeeded: outputInode))
        writer.wide(Int(builtAt))
        writer.wide(Int(validUntil))
        writer.digest(linkWorld)
        writer.number(UInt32(pages.count))
        for (path, page) in pages {
            writer.string(path)
            writer.digest(page.key)
            writer.digest(page.linkKey)
            writer.bool(page.linksAlone)
            writer.wide(Int(page.bodyValidUntil))
            writer.run(page.linkData)
            writer.list(page.warnings) { writer, warning in
                writer.wide(warning.line)
                writer.string(warning.message)
            }
        }
        writer.number(UInt32(urls.count))
        for (path, address) in urls {
            writer.string(path)
            writer.string(address)
        }
        writer.number(UInt32(moved.count))
        for (path, olds) in moved {
            writer.string(path)
            writer.strings(olds)
        }
        writer.optional(resolution) { $0.resolution($1) }
        _ = writer.write(atomicallyTo: url)
    }

    private func writeSearch(besideCache url: URL, state stateURL: URL) {
        if var states = searchIndexes,
           let offsets = SearchCache.write(
            search, live: states.flatMap { $0.documents.map { ($0.path, $0.key) } }, to: SearchCache.location(besideCache: url)) {
            // The ranges come in the order the documents were given: state by state.
            var next = offsets.makeIterator()
            for index in states.indices {
                for position in states[index].documents.indices { states[index].documents[position].stored = next.next() ?? 0..<0 }
            }
            SearchIndex.State.write(states, to: stateURL)
        } else {
            try? FileManager.default.removeItem(at: SearchCache.location(besideCache: url))
        }
    }

    public static func remove(at url: URL) {
        try? FileManager.default.removeItem(at: url)
        try? FileManager.default.removeItem(at: SearchCache.location(besideCache: url))
        try? FileManager.default.removeItem(at: SearchIndex.State.location(besideCache: url))
    }

    private static let header = Array("liftoff-cache 5\n".utf8)
}
