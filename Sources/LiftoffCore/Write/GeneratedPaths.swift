/// The paths a build makes itself (pages, feed, sitemap, theme assets), so that a file copied
/// from `content/` can never replace one: `content/index.html` beside a generated home page is
/// an error naming both, not a silent swap.
struct GeneratedPaths {
    private var files: Set<String> = []
    private var folders: Set<String> = []

    init(_ paths: some Sequence<String>) {
        for path in paths {
            files.insert(path)
            var folder = path[...]
            while let slash = Self.lastSlash(in: folder) {
                folder = folder[..<slash]
                guard folders.insert(String(folder)).inserted else { break }
            }
        }
    }

    /// The generated path that copying a file to `target` would replace or block, if any:
    /// the same path, a generated folder of that name, or a generated file where the copy
    /// needs a folder.
    func collision(with target: String) -> String? {
        if files.contains(target) { return target }
        if folders.contains(target) { return target + "/" }
        var folder = target[...]
        while let slash = Self.lastSlash(in: folder) {
            folder = folder[..<slash]
            if files.contains(String(folder)) { return String(folder) }
        }
        return nil
    }

    /// The last `/` of `path`, found in its bytes (a search by characters would find grapheme
    /// boundaries first, and a site has a path per page).
    private static func lastSlash(in path: Substring) -> String.Index? {
        path.utf8.lastIndex(of: UInt8(ascii: "/"))
    }
}
