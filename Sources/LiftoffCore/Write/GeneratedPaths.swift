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
            while let slash = folder.lastIndex(of: "/") {
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
        while let slash = folder.lastIndex(of: "/") {
            folder = folder[..<slash]
            if files.contains(String(folder)) { return String(folder) }
        }
        return nil
    }
}
