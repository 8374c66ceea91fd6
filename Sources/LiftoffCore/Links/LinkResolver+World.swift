import LiftoffModel

/// What a link to a Markdown file resolves from, as one digest.
extension LinkResolver {
    /// A digest of every Markdown file under `content/` (each article's and page's URL, the
    /// files whose front matter failed), and which of them this build does not publish (and why):
    /// everything a link to a Markdown file resolves from. Two builds with the same digest resolve
    /// every such link alike, so a page whose links are all of that kind is carried over without
    /// resolving them again. Entries are combined in any order (digests added), so no path list is sorted.
    ///
    /// Also the same digest without the articles `isNew` names: when it equals the last build's
    /// whole digest, this build only added articles. Every link of the last build (which succeeded,
    /// so each led somewhere) leads where it did, and a page carried over needs none resolved again.
    static func world(
        site: Site, articlesByPath: [String: ParsedArticle], unparsedMarkdown: Set<String>, pageURLs: [String: String],
        unpublished: [String: String], isNew: (String) -> Bool
    ) -> (all: Digest, withoutNew: Digest) {
        var sum = Digest.zero, old = Digest.zero, count = 0, oldCount = 0
        func add(_ kind: Int, _ path: String, _ address: String = "", new: Bool = false) {
            var hasher = StableHasher()
            hasher.combine(kind)
            hasher.combine(path)
            hasher.combine(address)
            hasher.combine(unpublished.isEmpty ? "" : unpublished[path] ?? "")
            let digest = hasher.finalize()
            sum = Digest(high: sum.high &+ digest.high, low: sum.low &+ digest.low)
            count += 1
            guard !new else { return }
            old = Digest(high: old.high &+ digest.high, low: old.low &+ digest.low)
            oldCount += 1
        }
        for (path, (_, _, _, article)) in articlesByPath { add(0, path, site.url(of: article), new: isNew(path)) }
        for (path, address) in pageURLs { add(1, path, address) }
        for path in unparsedMarkdown { add(2, path) }
        func digest(_ sum: Digest, _ count: Int) -> Digest {
            var hasher = StableHasher()
            hasher.combine(sum)
            hasher.combine(count)
            return hasher.finalize()
        }
        return (digest(sum, count), digest(old, oldCount))
    }
}
