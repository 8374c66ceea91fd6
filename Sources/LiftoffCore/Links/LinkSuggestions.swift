import LiftoffModel

/// What a broken link probably meant, from indexes made once (on the first broken link) and
/// shared by every article: each broken link costs about the same whatever the site's size.
final class LinkSuggestions: Sendable {
    private let articles: Paths
    private let files: Paths

    /// - Parameter articles: every article by path (shared with the resolver, not copied: its keys
    ///   are read only once a link is broken).
    init(articles: [String: ParsedArticle], files: Set<String>) {
        self.articles = Paths(below: true) { Array(articles.keys) }
        self.files = Paths(below: false) { Array(files) }
    }

    /// The article below `directory` that `name` (relative to it) most likely meant, not `own`.
    func article(near name: String, below directory: String, besides own: String) -> String? {
        let ownName = own.hasPrefix(directory + "/") ? String(own.dropFirst(directory.count + 1)) : nil
        return articles.index(of: directory).closest(to: name, excluding: ownName)
    }

    /// The file directly in `folder` that `name` most likely meant.
    func file(near name: String, in folder: String) -> String? {
        files.index(of: folder).closest(to: name)
    }

    /// The one article elsewhere with the file name of `target` (not `target`, not `besides`).
    func article(named target: String, besides: String?) -> String? {
        articles.only(named: target, besides: besides)
    }

    /// The one file elsewhere with the file name of `target`.
    func file(named target: String) -> String? {
        files.only(named: target, besides: nil)
    }

    /// Paths of one kind, indexed on first use: the names in each folder, and the paths by file name.
    private final class Paths: @unchecked Sendable {
        private let paths: @Sendable () -> [String]
        /// Whether a folder's names include those in its subfolders (`sub/b.md`).
        private let below: Bool
        private let lock = Lock()
        private var folders: [String: NameIndex] = [:]  // under `lock`
        private var named: [String: [String]]?  // under `lock`: `/x.md` → the paths that end with it

        init(below: Bool, paths: @escaping @Sendable () -> [String]) {
            self.below = below
            self.paths = paths
        }

        func index(of folder: String) -> NameIndex {
            lock.withLock {
                if let index = folders[folder] { return index }
                let names = paths().filter { $0.hasPrefix(folder + "/") && (below || !$0.dropFirst(folder.count + 1).contains("/")) }
                    .map { String($0.dropFirst(folder.count + 1)) }.sorted()
                let index = NameIndex(names)
                folders[folder] = index
                return index
            }
        }

        func only(named target: String, besides: String?) -> String? {
            let map = lock.withLock {
                if let named { return named }
                let map = Dictionary(grouping: paths(), by: Self.fileName)
                named = map
                return map
            }
            let matches = (map[Self.fileName(target)] ?? []).filter { $0 != besides && $0 != target }
            return matches.count == 1 ? matches.first : nil
        }

        private static func fileName(_ path: String) -> String {
            "/" + (path.split(separator: "/").last ?? "")
        }
    }
}
