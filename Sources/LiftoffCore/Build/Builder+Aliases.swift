import Foundation
import LiftoffModel
import LiftoffRender

/// Files for hosts and old URLs: `_headers`, alias pages and `_redirects`, and a warning when an
/// article's URL moved since the last build.
extension Builder {
    /// `_headers` (Netlify and Cloudflare Pages): fingerprinted assets are cached for a year; pages
    /// keep the hosts' default (revalidated on every visit). Rules must not overlap: Cloudflare joins
    /// the values of every matching rule.
    static func headers(basePath: String) -> String {
        "# Written by Liftoff. Files under assets/ and search/terms-* carry a hash of their content in their names.\n"
            + "\(basePath)assets/*\n  Cache-Control: public, max-age=31536000, immutable\n"
            + "\(basePath)search/terms-*\n  Cache-Control: public, max-age=31536000, immutable\n"
    }

    /// Each published article's path on the site (below the base path), by source file, and its old
    /// paths still unhandled: a path the article had in an earlier build is a warning on every build
    /// until an alias covers it, `retired:` lets it go, or a page is published there again.
    /// - Parameter added: when every article of the previous build has the URL it had (its link world
    ///   is this one's, but for these articles: `LinkResolver.leadsAsBefore`), the articles it did not
    ///   have; only they and those that had moved before are looked at (`articles` finds the latter).
    static func movedURLs(
        site: Site, previous: BuildCache?, added: [Article]?, articles: [String: ParsedArticle], warnings: inout [Diagnostic]
    ) -> (urls: [String: String], moved: [String: [String]]) {
        var urls: [String: String] = [:], moved: [String: [String]] = [:]
        guard let previous else {
            for article in site.articles { urls[article.path] = "/" + article.folder }
            return (urls, moved)
        }
        // Made only when some article has an old URL (most builds: none).
        lazy var published = Set(site.articles.map { Aliases.file("/" + $0.folder) })
        func look(at article: Article, path: String) {
            var olds = previous.moved[article.path] ?? []
            if let before = previous.urls[article.path], before != path, !olds.contains(before) { olds.append(before) }
            guard !olds.isEmpty else { return }
            let handled = Set((article.aliases + article.retired).map(Aliases.file))
            olds.removeAll { handled.contains(Aliases.file($0)) || published.contains(Aliases.file($0)) }
            guard !olds.isEmpty else { return }
            moved[article.path] = olds
            for old in olds {
                warnings.append(.warning(article.path, article.slugLine,
                    "URL changed from \(old) to \(path): links to the old one lead nowhere; add `aliases: [\(old)]` to send readers on, or `retired: [\(old)]` to let it go"))
            }
        }
        if let added {
            urls = previous.urls
            for article in added { urls[article.path] = "/" + article.folder }
            for source in previous.moved.keys { if let article = articles[source]?.article { look(at: article, path: "/" + article.folder) } }
            return (urls, moved)
        }
        for article in site.articles {
            let path = "/" + article.folder
            urls[article.path] = path
            look(at: article, path: path)
        }
        return (urls, moved)
    }

    /// Writes a page at every alias and `_redirects` (after the lines of a `content/_redirects`,
    /// which is then not copied as it is).
    /// - Returns: the files written.
    static func writeAliases(
        site: Site, root: URL, generated: () -> GeneratedPaths, copied: inout [String: String], problems: inout [Diagnostic], _ sink: any PageSink
    ) throws -> [String] {
        var moves: [(from: String, to: String)] = []
        var owners: [String: String] = [:]
        var written: [String] = []
        let base = site.config.basePath
        for article in site.articles {
            for alias in article.aliases {
                let file = Aliases.file(alias)
                if let page = generated().collision(with: file).map(\.path) ?? copied[file] ?? fileInTheWay(file, copied: copied) {
                    problems.append(.error(article.path, article.aliasesLine, "alias '\(alias)' is where \(page) is published; remove the alias"))
                    continue
                }
                // Case apart: most hosts' disks (and a Mac's or Windows') hold one of the two.
                if let other = owners[file.lowercased()] {
                    problems.append(.error(article.path, article.aliasesLine, "alias '\(alias)' is also an alias of \(other)"))
                    continue
                }
                owners[file.lowercased()] = article.path
                let url = site.url(of: article)
                try write(Aliases.page(to: site.absolute(url), title: article.title, language: site.config.language), to: file, sink)
                written.append(file)
                moves.append((base + alias.dropFirst(), url))
            }
        }
        guard !moves.isEmpty else { return written }
        var text = ""
        if let own = copied.removeValue(forKey: "_redirects"), let data = FileManager.default.contents(atPath: root.appendingPathComponent(own).path) {
            text = String(decoding: data, as: UTF8.self)
            if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
        }
        try write(text + Aliases.redirects(moves), to: "_redirects", sink)
        return written + ["_redirects"]
    }

    /// The file published where one of `file`'s folders would be (`CNAME` for `CNAME/index.html`).
    private static func fileInTheWay(_ file: String, copied: [String: String]) -> String? {
        var folder = Substring(file)
        while let slash = folder.lastIndex(of: "/") {
            folder = folder[..<slash]
            if let source = copied[String(folder)] { return source }
            if folder == "_redirects" || folder == "_headers" { return String(folder) }
        }
        return nil
    }
}
