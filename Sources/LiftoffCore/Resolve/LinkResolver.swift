import Foundation

/// Rewrites relative links in an article: `other.md#part` → that article's URL, and
/// files next to the article → copied beside its page.
struct LinkResolver: Sendable {
    let site: Site
    /// Every parsed article by source path, drafts and future posts included.
    let articlesByPath: [String: Article]
    /// Non-Markdown files under `content/`.
    let files: Set<String>
    /// Every Markdown file under `content/`, those with front matter errors included.
    let markdownPaths: Set<String>

    /// The rewrite for one destination, and the content file to copy beside the page, if any.
    func rewrite(_ url: String, isImage: Bool, in article: Article) -> (LinkRewrite, asset: (source: String, target: String)?) {
        guard !url.isEmpty, !url.hasPrefix("#"), !url.hasPrefix("/"), !url.hasPrefix("//"), !Self.hasScheme(url) else {
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
            guard let other = articlesByPath[target] else {
                // A file whose front matter failed: its own error says what to fix.
                if markdownPaths.contains(target) { return (.keep, nil) }
                var message = "link to missing article '\(url)'"
                let names = articlesByPath.keys.filter { $0 != article.path && $0.hasPrefix(directory + "/") }
                    .map { String($0.dropFirst(directory.count + 1)) }.sorted()
                if let guess = closest(to: decoded, in: names) { message += "; did you mean '\(guess)'?" }
                return (.error(message), nil)
            }
            return (.replace(site.url(of: other) + suffix), nil)
        }
        if target.hasSuffix("/") || decoded.isEmpty { return (.keep, nil) }
        guard files.contains(target) else {
            return (.error("\(isImage ? "image" : "linked file") '\(decoded)' not found next to the article"), nil)
        }
        if decoded.hasPrefix("../") || decoded.contains("/../") {
            // Outside the article's folder: publish it at its place under content/ and link there.
            let published = String(target.dropFirst("content/".count))
            return (.replace(site.config.basePath + published + suffix), (target, published))
        }
        let pagePath = "articles/\(article.slug)/" + (Self.normalize(decoded) ?? decoded)
        return (.keep, (target, pagePath))
    }

    static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
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
