import LiftoffModel

/// What a broken link probably meant, from indexes made once (on the first broken link) and
/// shared by every article: each broken link costs about the same whatever the site's size.
final class LinkSuggestions: @unchecked Sendable {
    /// Every article by path (shared with the resolver, not copied): its keys are read only once a link is broken.
    private let articles: [String: Article]
    private let files: Set<String>
    private let lock = Lock()
    private var state = State()  // under `lock`

    private struct State {
        /// Article names below a folder (`content/news` → `a.md`, `sub/b.md`).
        var articlesBelow: [String: NameIndex] = [:]
        /// File names directly in a folder.
        var filesIn: [String: NameIndex] = [:]
        /// File name (`/x.md`) → the articles' paths, and the files' paths, that end with it.
        var articlesNamed: [String: [String]]?
        var filesNamed: [String: [String]]?
    }

    init(articles: [String: Article], files: Set<String>) {
        self.articles = articles
        self.files = files
    }

    /// The article below `directory` that `name` (relative to it) most likely meant, not `own`.
    func article(near name: String, below directory: String, besides own: String) -> String? {
        let index = lock.withLock { [self] in
            if let index = self.state.articlesBelow[directory] { return index }
            let names = articles.keys.filter { $0.hasPrefix(directory + "/") }.map { String($0.dropFirst(directory.count + 1)) }.sorted()
            let index = NameIndex(names)
            self.state.articlesBelow[directory] = index
            return index
        }
        return index.closest(to: name, excluding: String(own.dropFirst(directory.count + 1)))
    }

    /// The file directly in `folder` that `name` most likely meant.
    func file(near name: String, in folder: String) -> String? {
        let index = lock.withLock { [self] in
            if let index = self.state.filesIn[folder] { return index }
            let names = files.filter { $0.hasPrefix(folder + "/") && !$0.dropFirst(folder.count + 1).contains("/") }
                .map { String($0.dropFirst(folder.count + 1)) }.sorted()
            let index = NameIndex(names)
            self.state.filesIn[folder] = index
            return index
        }
        return index.closest(to: name)
    }

    /// The one article elsewhere with the file name of `target` (not `target`, not `besides`).
    func article(named target: String, besides: String?) -> String? {
        let byName = lock.withLock { [self] in
            if let map = self.state.articlesNamed { return map }
            let map = Self.byFileName(articles.keys)
            self.state.articlesNamed = map
            return map
        }
        return Self.only(byFileName: byName, target, besides)
    }

    /// The one file elsewhere with the file name of `target`.
    func file(named target: String) -> String? {
        let byName = lock.withLock { [self] in
            if let map = self.state.filesNamed { return map }
            let map = Self.byFileName(files)
            self.state.filesNamed = map
            return map
        }
        return Self.only(byFileName: byName, target, nil)
    }

    private static func byFileName(_ paths: some Sequence<String>) -> [String: [String]] {
        var map: [String: [String]] = [:]
        for path in paths { map[fileName(path), default: []].append(path) }
        return map
    }

    private static func fileName(_ path: String) -> String {
        "/" + (path.split(separator: "/").last ?? "")
    }

    private static func only(byFileName map: [String: [String]], _ target: String, _ besides: String?) -> String? {
        let matches = (map[fileName(target)] ?? []).filter { $0 != besides && $0 != target }
        return matches.count == 1 ? matches.first : nil
    }
}
