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

    /// Reads `site.yml` and every file under `content/`.
    /// - Throws: `BuildFailure` when the root or `site.yml` cannot be read.
    public static func load(from root: URL) throws(BuildFailure) -> SiteSources {
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
        var sources = SiteSources(root: root, configText: configText.replacingCRLF(), markdown: [], files: [], problems: [])
        let contentURL = root.appendingPathComponent("content")
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
        var paths: [String] = []
        sources.walk(contentURL, relative: "content", rootPath: rootPath, into: &paths)
        paths.sort()
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

    /// Lists files below `url`, refusing symbolic links that lead outside the site root.
    private mutating func walk(_ url: URL, relative: String, rootPath: String, into paths: inout [String]) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: url.path)
        } catch {
            return
        }
        for name in names where !name.hasPrefix(".") && !name.hasSuffix("~") && !name.hasSuffix(".swp") {
            let child = url.appendingPathComponent(name)
            let relativePath = "\(relative)/\(name)"
            var isDirectory: ObjCBool = false
            let attributes = try? FileManager.default.attributesOfItem(atPath: child.path)
            if attributes?[.type] as? FileAttributeType == .typeSymbolicLink {
                let target = child.resolvingSymlinksInPath().path
                guard target == rootPath || target.hasPrefix(rootPath + "/") else {
                    problems.append(.error(relativePath, 0, "symbolic link points outside the site (\(target)); copy the file into the site instead"))
                    continue
                }
            }
            guard FileManager.default.fileExists(atPath: child.path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                walk(child, relative: relativePath, rootPath: rootPath, into: &paths)
            } else {
                paths.append(relativePath)
            }
        }
    }
}
