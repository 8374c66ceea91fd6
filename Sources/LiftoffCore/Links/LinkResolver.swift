import Foundation
import LiftoffModel
import LiftoffMarkdown

/// An article as parse read it, the digest of its file's bytes, and that of its front matter
/// (`SourceState.front(of:)`).
typealias ParsedArticle = (digest: Digest, front: Digest, order: Digest, article: Article)

/// Rewrites relative links in an article: `other.md#part` → that article's URL, and
/// files next to the article → copied beside its page. A class: every link of every article
/// reaches it through a closure, and a struct this size was copied (and each field retained) each time.
final class LinkResolver: Sendable {
    let site: Site
    /// Every parsed article by source path (with its file's digest), drafts and future posts included.
    let articlesByPath: [String: ParsedArticle]
    /// Non-Markdown files under `content/`.
    let files: Set<String>
    /// Markdown files under `content/` whose front matter failed (no article, no page).
    let unparsedMarkdown: Set<String>
    /// Standalone pages (`content/pages/`) by source path → their URL (drafts' included).
    let pageURLs: [String: String]
    /// Articles and pages this build does not publish, by source path → why ("a draft", "scheduled
    /// for …"): a link to one resolves to the URL it will have, with a warning.
    let unpublished: [String: String]
    /// "Did you mean" for broken links.
    private let suggestions: LinkSuggestions
    /// What links to Markdown files resolve from (`world(…)`), and the same without new articles.
    let world: Digest
    let worldWithoutNew: Digest

    init(
        site: Site, articlesByPath: [String: ParsedArticle], files: Set<String>, unparsedMarkdown: Set<String>,
        pageURLs: [String: String] = [:], draftPages: Set<String> = [], isNew: (String) -> Bool = { _ in false }
    ) {
        self.site = site
        self.articlesByPath = articlesByPath
        self.files = files
        self.unparsedMarkdown = unparsedMarkdown
        self.pageURLs = pageURLs
        var unpublished: [String: String] = [:]
        if articlesByPath.count > site.articles.count {
            let published = Set(site.articles.map(\.path))
            for (path, (_, _, _, article)) in articlesByPath where !published.contains(path) {
                unpublished[path] = article.draft ? "a draft" : "scheduled for \(article.date.longDay)"
            }
        }
        for path in draftPages { unpublished[path] = "a draft" }
        self.unpublished = unpublished
        suggestions = LinkSuggestions(articles: articlesByPath, files: files)
        (world, worldWithoutNew) = Self.world(
            site: site, articlesByPath: articlesByPath, unparsedMarkdown: unparsedMarkdown, pageURLs: pageURLs, unpublished: unpublished, isNew: isNew)
    }

    /// A link written `url` leading to `address`: with a warning when what it leads to is not
    /// published (`reason`). Part of what the link resolved to, so a page carried over is made
    /// again, its warning gone, once the target is published.
    private static func leading(to address: String, _ url: String, _ reason: String?) -> LinkRewrite {
        guard let reason else { return .replace(address) }
        return .unpublished(url: address, note: "link to '\(url)', \(reason): it leads nowhere until that is published")
    }

    /// Whether links to Markdown files lead where they led in the build whose link world was `previous`:
    /// the same world, or one that only added articles.
    func leadsAsBefore(_ previous: Digest?) -> Bool {
        previous == world || previous == worldWithoutNew
    }

    /// The rewrite for one destination, and the content file to copy beside the page, if any.
    /// - Parameter folder: where the page's files go (`about/`); default `articles/<slug>/`.
    func rewrite(_ url: String, isImage: Bool, in article: Article, folder: String? = nil) -> (LinkRewrite, asset: (source: String, target: String)?) {
        if let scheme = Self.dangerousScheme(url, isImage: isImage) {
            return (.error("\(isImage ? "image" : "link") with a \(scheme) URL: Liftoff never publishes one (it runs code or reads local files in the reader's browser)"), nil)
        }
        guard !url.isEmpty, !url.hasPrefix("#"), !url.hasPrefix("/"), !url.hasPrefix("//"), !URLText.hasScheme(url) else {
            return (.keep, nil)
        }
        var path = Substring(url)
        var suffix = ""
        if let mark = path.firstIndex(where: { $0 == "#" || $0 == "?" }) {
            suffix = String(path[mark...])
            path = path[..<mark]
        }
        let decoded = path.utf8.contains(0x25) ? String(path).removingPercentEncoding ?? String(path) : String(path)
        let directory = article.path.split(separator: "/").dropLast().joined(separator: "/")
        guard let target = Self.normalize(directory + "/" + decoded), target.hasPrefix("content/") else {
            return (.error("link '\(url)' points outside content/"), nil)
        }
        if target.hasSuffix(".md") || target.hasSuffix(".markdown") {
            if let page = pageURLs[target] { return (Self.leading(to: page + suffix, url, unpublished[target]), nil) }
            guard let other = articlesByPath[target]?.article else {
                // A file whose front matter failed: its own error says what to fix.
                if unparsedMarkdown.contains(target) { return (.keep, nil) }
                var message = "link to missing article '\(url)'"
                if let guess = suggestions.article(near: decoded, below: directory, besides: article.path) {
                    message += "; did you mean '\(guess)'?"
                } else if let (prefix, guess) = nearInTargetFolder(target, written: decoded, besides: article.path) {
                    message += "; did you mean '\(prefix)\(guess)'?"
                } else if let elsewhere = suggestions.article(named: target, besides: article.path) {
                    message += "; links are relative to the article's folder (\(directory)/): did you mean '\(Self.relative(elsewhere, from: directory))'?"
                }
                return (.error(message), nil)
            }
            return (Self.leading(to: site.url(of: other) + suffix, url, unpublished[target]), nil)
        }
        if target.hasSuffix("/") || decoded.isEmpty { return (.keep, nil) }
        guard files.contains(target) else {
            var message = "\(isImage ? "image" : "linked file") '\(decoded)' not found next to the article"
            let folder = target.split(separator: "/").dropLast().joined(separator: "/")
            let name = String(target.split(separator: "/").last ?? "")
            if let guess = suggestions.file(near: name, in: folder) {
                message += "; did you mean '\(decoded.dropLast(name.count))\(guess)'?"
            } else if let elsewhere = suggestions.file(named: target) {
                message += "; links are relative to the article's folder (\(directory)/): did you mean '\(Self.relative(elsewhere, from: directory))'?"
            }
            return (.error(message), nil)
        }
        if let original = article.original, folder == nil, target.hasPrefix(original.directory + "/"), !target.hasPrefix(directory + "/") {
            // A translation's file from its original's folder (not its own): published where the
            // original's page publishes it, one copy for every language.
            let published = original.folder + target.dropFirst(original.directory.count + 1)
            return (.replace(site.config.basePath + published + suffix), (target, published))
        }
        if decoded.hasPrefix("../") || decoded.contains("/../") {
            // Outside the article's folder: publish it at its place under content/ and link there.
            let published = String(target.dropFirst("content/".count))
            return (.replace(site.config.basePath + published + suffix), (target, published))
        }
        let pagePath = (folder ?? article.folder) + (Self.normalize(decoded) ?? decoded)
        return (.keep, (target, pagePath))
    }

    /// For a link that climbs (`../other-folder/typo.md`): the article in the target's own folder
    /// it most likely meant, and the link as written up to that folder.
    private func nearInTargetFolder(_ target: String, written: String, besides own: String) -> (String, String)? {
        guard let slash = target.lastIndex(of: "/"), let writtenSlash = written.lastIndex(of: "/") else { return nil }
        let folder = String(target[..<slash]), name = String(target[target.index(after: slash)...])
        return suggestions.article(near: name, below: folder, besides: own).map { (String(written[...writtenSlash]), $0) }
    }

    /// `javascript:`, `vbscript:`, `file:` and `data:` (but images of `data:image/png`, `gif`,
    /// `jpeg`, `webp`), as a browser reads them: case aside, tabs and line breaks removed,
    /// leading spaces and controls ignored. Refused with or without `unsafe_html`.
    static func dangerousScheme(_ url: String, isImage: Bool) -> String? {
        // Byte-wise first: every link of every article comes through here, and nearly all start
        // with none of j, v, f, d (after leading spaces and controls).
        guard let first = url.utf8.first(where: { $0 > 0x20 }), [0x6A, 0x76, 0x66, 0x64].contains(first | 0x20),
              url.utf8.contains(0x3A)
        else { return nil }
        let scalars = url.unicodeScalars.drop { $0.value <= 0x20 }.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
        let text = String(String.UnicodeScalarView(scalars.prefix(24))).lowercased()
        for scheme in ["javascript:", "vbscript:", "file:"] where text.hasPrefix(scheme) { return scheme }
        guard text.hasPrefix("data:") else { return nil }
        if isImage, ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains(where: text.hasPrefix) { return nil }
        return "data:"
    }

    /// `path` as a link from a file in `folder`: `content/x.md` from `content/news` → `../x.md`.
    static func relative(_ path: String, from folder: String) -> String {
        let from = folder.split(separator: "/"), to = path.split(separator: "/")
        var common = 0
        while common < min(from.count, to.count - 1), from[common] == to[common] { common += 1 }
        return (Array(repeating: "..", count: from.count - common) + to[common...].map(String.init)).joined(separator: "/")
    }

    /// Resolves `.` and `..` in a relative path; nil when it climbs above its start.
    static func normalize(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }
}
