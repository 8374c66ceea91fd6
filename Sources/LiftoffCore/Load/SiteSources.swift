import Foundation

/// Everything read from a site folder: the settings, the articles' bytes and the other files.
public struct SiteSources: Sendable {
    /// The site root, as given.
    public var root: URL
    public var configText: String
    /// Markdown files under `content/`, with paths relative to the root.
    public var markdown: [(path: String, data: [UInt8])]
    /// Every other file under `content/`, relative to the root (`content/diagram.svg`).
    public var files: Set<String>
    public var problems: [Diagnostic]
    /// The stamp of every file read, by path relative to the root (for the build manifest).
    public var stamps: [String: FileStamp]

    /// Reads `site.yml` and every file under `content/`.
    /// - Throws: `BuildFailure` when the root or `site.yml` cannot be read.
    public static func load(from root: URL) throws(BuildFailure) -> SiteSources {
        let rootPath = FileTree.realPath(root.path) ?? root.path
        // What is below `content/` and `theme/` is checked as it is listed; these three are checked here.
        let outside = ["site.yml", "content", "theme"].compactMap { name -> Diagnostic? in
            guard let target = FileTree.linkOutside(root.appendingPathComponent(name).path, root: rootPath) else { return nil }
            return .error(name, 0, "symbolic link points outside the site (\(target)); copy it into the site instead")
        }
        guard outside.isEmpty else { throw BuildFailure(outside) }
        let configURL = root.appendingPathComponent("site.yml")
        guard let configData = FileManager.default.contents(atPath: configURL.path) else {
            let exists = FileManager.default.fileExists(atPath: root.path)
            throw BuildFailure(.error(exists ? "site.yml" : root.path, 0,
                exists ? "missing site.yml: every site needs one with at least `title:` and `base_url:`"
                       : "no such folder; pass the site root with --source"))
        }
        guard let configText = String(validating: configData, as: UTF8.self) else {
            throw BuildFailure(.error("site.yml", 1, "file is not valid UTF-8; save it as UTF-8"))
        }
        var sources = SiteSources(root: root, configText: configText.replacingCRLF(), markdown: [], files: [], problems: [], stamps: [:])
        sources.stamps["site.yml"] = FileStamp.of(configURL.path)
        var paths: [String] = []
        let listing = FileTree.listing(under: root.appendingPathComponent("content").path, inside: rootPath)
        for problem in listing.problems {
            sources.problems.append(.error("content/" + problem.path, 0, problem.message))
        }
        for entry in listing.entries {
            let path = "content/" + entry.path
            sources.stamps[path] = entry.stamp
            paths.append(path)
        }
        let files = paths
        let loaded = parallelMap(files.count) { index -> (String, [UInt8]?) in
            let path = files[index]
            guard path.hasSuffix(".md") || path.hasSuffix(".markdown") else { return (path, nil) }
            let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path)
            return (path, data.map { [UInt8]($0) } ?? [])
        }
        for (path, data) in loaded {
            if let data { sources.markdown.append((path, data)) } else { sources.files.insert(path) }
        }
        return sources
    }
}
