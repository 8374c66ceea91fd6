import LiftoffModel

/// What a link to a Markdown file resolves from, as one digest.
extension LinkResolver {
    /// A digest of every Markdown file under `content/` (each article's and page's URL, the
    /// files whose front matter failed), and which
    /// of them this build does not publish (and why): everything a link to a Markdown file
    /// resolves from. Two builds with the same digest resolve every such link alike, so a page
    /// whose links are all of that kind is carried over without resolving them again.
    /// Entries are combined in any order (digests added), so no path list is sorted.
    static func world(
        site: Site, articlesByPath: [String: ParsedArticle], unparsedMarkdown: Set<String>, pageURLs: [String: String], unpublished: [String: String]
    ) -> Digest {
        var sum = Digest.zero
        func add(_ kind: Int, _ path: String, _ address: String = "") {
            var hasher = StableHasher()
            hasher.combine(kind)
            hasher.combine(path)
            hasher.combine(address)
            hasher.combine(unpublished[path] ?? "")
            let digest = hasher.finalize()
            sum = Digest(high: sum.high &+ digest.high, low: sum.low &+ digest.low)
        }
        for (path, (_, article)) in articlesByPath { add(0, path, site.url(of: article)) }
        for (path, address) in pageURLs { add(1, path, address) }
        for path in unparsedMarkdown { add(2, path) }
        var hasher = StableHasher()
        hasher.combine(sum)
        hasher.combine(articlesByPath.count + pageURLs.count + unparsedMarkdown.count)
        return hasher.finalize()
    }
}
