
/// The paths a build makes itself (pages, feed, sitemap, theme assets), so that a file copied
/// from `content/` can never replace one: `content/index.html` beside a generated home page is
/// an error naming both, not a silent swap.
struct GeneratedPaths {
    private var files: Set<String> = []
    private var folders: Set<String> = []
    /// Lower-cased generated paths that hold capitals or non-ASCII letters (the rest are their own).
    private var folded: [String: String] = [:]

    /// A generated path a copied file would take the place of.
    struct Collision: Equatable {
        var path: String
        /// The names differ only in case: a host that ignores case serves one in place of the other.
        var caseOnly = false
    }

    init(_ paths: some Sequence<String>) {
        for path in paths {
            files.insert(path)
            if path.utf8.contains(where: { (0x41...0x5A).contains($0) || $0 >= 0x80 }) { folded[path.lowercased()] = path }
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
    func collision(with target: String) -> Collision? {
        if let path = exactCollision(with: target) { return Collision(path: path) }
        let lower = target.lowercased()
        guard lower != target || !folded.isEmpty else { return nil }
        if let path = exactCollision(with: lower) ?? folded[lower] {
            return Collision(path: path, caseOnly: true)
        }
        return nil
    }

    private func exactCollision(with target: String) -> String? {
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
