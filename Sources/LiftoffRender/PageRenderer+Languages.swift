import LiftoffModel

/// A site in several languages: each page's versions (`hreflang`) and the language switcher.
extension PageRenderer {
    /// `head` with the page's versions in other languages and the switcher's links (nothing on a
    /// site in one language).
    /// - Parameter versions: the page in each language it exists in, itself included (addresses
    ///   under the base path); nil: only itself (no hreflang then, as with a single version).
    func inLanguages(_ head: PageHead, versions: [Site.Alternate]?) -> PageHead {
        guard site.languageHomes.count > 1 else { return head }
        var head = head
        let own = site.config.language
        let versions = versions ?? [Site.Alternate(tag: own, url: String(head.canonical.dropFirst(site.config.origin.count)))]
        // hreflang only where there is another language to point to (as the sitemap does).
        if versions.count > 1 {
            head.alternates = versions.map { ($0.tag, site.absolute($0.url)) }
            head.defaultAlternate = site.defaultVersion(among: versions).map { site.absolute($0.url) }
        }
        head.languages = site.languageHomes.map { home in
            let url = versions.first { $0.tag == home.tag }?.url ?? home.url
            var link: [String: Any] = ["tag": home.tag, "name": languageNames[home.tag] ?? home.tag, "url": url]
            if home.tag == own { link["current"] = true }
            return link
        }
        return head
    }

    /// A generated page every language has at the same place under its home (`tags/`, `""`).
    func inLanguages(_ head: PageHead, sharedPath: String) -> PageHead {
        inLanguages(head, versions: site.everyLanguage(sharedPath))
    }
}
