import Foundation
import LiftoffModel

/// Everything read from a site folder: the settings, the articles' bytes and the other files.
public struct SiteSources: Sendable {
    /// The site root, as given.
    public var root: URL
    public var configText: String
    /// Markdown files under `content/`, with paths relative to the root, in listing order. Pages
    /// and launches are read; articles are not (nil data): the build reads those it does not know
    /// as it parses them, one at a time, so a large site's bytes are never all held at once.
    public var markdown: [(path: String, data: [UInt8]?, kind: MarkdownKind)]
    /// What a Markdown file under `content/` is, by its folder.
    public enum MarkdownKind: Sendable {
        case article, page, launch
    }
    /// Every other file under `content/`, relative to the root (`content/diagram.svg`).
    public var files: Set<String>
    public var problems: [Diagnostic]
    /// The stamp of every file read, by path relative to the root (for the build manifest).
    public var stamps: [String: FileStamp]
    /// The site root held open: every later read of a site file goes through it.
    public var folder: SiteFolder

    /// Every file under `content/`; a link leading out of the site is a problem, not followed.
    package static func contentListing(root: URL, sorted: Bool) -> FileTree.Listing {
        FileTree.listing(under: root.appendingPathComponent("content").path, inside: FileTree.realPath(root.path) ?? root.path, sorted: sorted)
    }

    /// Reads `site.yml` and lists every file under `content/`; reads the pages and launches, and
    /// gives `eachArticle` every article's path and stamp, in listing order.
    /// - Parameter listed: `content/` as `contentListing(root:)` listed it moments ago, if it was (unsorted).
    /// - Throws: `BuildFailure` when the root or `site.yml` cannot be read.
    package static func load(
        from root: URL, listed: FileTree.Listing?, eachArticle: (String, FileStamp) -> Void = { _, _ in }
    ) throws(BuildFailure) -> SiteSources {
        let rootPath = FileTree.realPath(root.path) ?? root.path
        // What is below `content/` and `theme/` is checked as it is listed; these three are checked here.
        let outside = ["site.yml", "content", "theme"].compactMap { name -> Diagnostic? in
            guard let target = FileTree.linkOutside(root.appendingPathComponent(name).path, root: rootPath) else { return nil }
            return .error(name, 0, "symbolic link points outside the site (\(target)); copy it into the site instead")
        }
        guard outside.isEmpty else { throw BuildFailure(outside) }
        let configURL = root.appendingPathComponent("site.yml")
        guard let folder = SiteFolder(root: root.path) else {
            throw BuildFailure(.error(root.path, 0, "no such folder; pass the site root with --source"))
        }
        let configData: [UInt8]
        do {
            configData = try folder.read("site.yml")
        } catch .system(ENOENT) {
            throw BuildFailure(.error("site.yml", 0, "missing site.yml: every site needs one with at least `title:` and `base_url:`"))
        } catch {
            throw BuildFailure(.error("site.yml", 0, error.description))
        }
        guard let configText = String(validating: configData, as: UTF8.self) else {
            throw BuildFailure(.error("site.yml", 1, "file is not valid UTF-8; save it as UTF-8"))
        }
        var sources = SiteSources(root: root, configText: configText.replacingCRLF(), markdown: [], files: [], problems: [], stamps: [:], folder: folder)
        sources.stamps["site.yml"] = FileStamp.of(configURL.path)
        var paths: [String] = []
        var listing = listed ?? contentListing(root: root, sorted: false)
        listing.sort()
        for problem in listing.problems {
            sources.problems.append(.error("content/" + problem.path, 0, problem.message))
        }
        // Each Markdown file: read now (a page or a launch), or not (an article: read by the build if it does not know it).
        var kinds: [MarkdownKind?] = []
        sources.stamps.reserveCapacity(listing.entries.count + 1)
        paths.reserveCapacity(listing.entries.count)
        kinds.reserveCapacity(listing.entries.count)
        for entry in listing.entries {
            let path = "content/" + entry.path
            sources.stamps[path] = entry.stamp
            paths.append(path)
            let kind = Self.kind(ofContent: entry.path)
            if kind == .article { eachArticle(path, entry.stamp) }
            kinds.append(kind)
        }
        let files = paths, fileKinds = kinds
        let loaded = parallelMap(files.count) { index -> Result<[UInt8]?, SiteFolder.Refusal>? in
            guard let kind = fileKinds[index] else { return nil }
            if kind == .article { return .success(nil) }
            return Result { () throws(SiteFolder.Refusal) in try folder.read(files[index]) }
        }
        sources.markdown.reserveCapacity(files.count)
        for (index, data) in loaded.enumerated() {
            switch data {
            case .success(let bytes): sources.markdown.append((files[index], bytes, fileKinds[index]!))
            case .failure(let refusal): sources.problems.append(.error(files[index], 0, refusal.description))
            case nil: sources.files.insert(files[index])
            }
        }
        return sources
    }

    /// What a file below `content/` is (its path below it): nil when it is not Markdown. Byte by
    /// byte: every file of the site passes here.
    static func kind(ofContent path: String) -> MarkdownKind? {
        let bytes = path.utf8
        guard bytes.last == UInt8(ascii: "d") || bytes.last == UInt8(ascii: "n"), path.hasSuffix(".md") || path.hasSuffix(".markdown") else { return nil }
        // Pages and launches are in folders (`pages/`, `fr/launches/`): a file at the top is an article.
        guard bytes.contains(UInt8(ascii: "/")) else { return .article }
        let full = "content/" + path
        return LanguageHomes.isPage(full) ? .page : LanguageHomes.isLaunch(full) ? .launch : .article
    }
}
