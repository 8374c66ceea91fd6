/// Where each language of a site lives: `content/fr/…` is French, published under `/fr/`; the
/// default language's files are directly in `content/` and published at `/` (or under `/en/` with
/// `default_language_in_folder: true`).
package struct LanguageHomes: Sendable {
    /// The default language's tag and folder in the output (`""`, or `en/`).
    package let defaultTag: String
    package let defaultHome: String
    /// Every language's tag → its folder in the output, the default's included.
    package let homes: [String: String]
    /// Tags in the order `site.yml` gives them, the default first.
    package let tags: [String]

    /// A site in one language, published at the root.
    package static let monolingual = LanguageHomes(defaultTag: "en")

    private init(defaultTag: String) {
        self.defaultTag = defaultTag
        defaultHome = ""
        tags = [defaultTag]
        homes = [defaultTag: ""]
    }

    package init(_ config: SiteConfig) {
        defaultTag = config.language
        defaultHome = config.defaultLanguageInFolder && !config.languages.isEmpty ? config.language + "/" : ""
        tags = config.languageTags
        var homes = [config.language: defaultHome]
        for language in config.languages { homes[language.tag] = language.tag + "/" }
        self.homes = homes
    }

    /// More than one language.
    package var isMultilingual: Bool { tags.count > 1 }

    /// The tag named by the first folder of a source path below `content/`, if it is shaped like one
    /// (`content/fr/x.md` → `fr`), configured or not.
    package static func folderTag(of path: String) -> Substring? {
        guard path.hasPrefix("content/") else { return nil }
        let rest = path.utf8.dropFirst(8)
        guard let slash = rest.firstIndex(of: UInt8(ascii: "/")) else { return nil }
        let name = Substring(rest[..<slash])
        return Language.isWellFormed(String(name)) ? name : nil
    }

    /// The language of a file below `content/`: its folder's, when that names one of the site's
    /// other languages; else the default.
    package func tag(of path: String) -> String {
        guard isMultilingual, let folder = Self.folderTag(of: path), folder != defaultTag, homes[String(folder)] != nil else { return defaultTag }
        return String(folder)
    }

    /// The output folder of a file's language (`""`, `fr/`).
    package func home(of path: String) -> String { homes[tag(of: path)] ?? "" }

    /// The part of a source path its translations share: `content/fr/pages/about.md` → `pages/about.md`.
    package func relativePath(of path: String) -> Substring {
        let tag = tag(of: path)
        let prefix = tag == defaultTag ? "content/" : "content/\(tag)/"
        return path.dropFirst(prefix.count)
    }

    /// What ties an article to its translations: its `translation_key:`, else its path below its
    /// language's folder.
    package func translationKey(of article: Article) -> String {
        article.translationKey ?? String(relativePath(of: article.path))
    }

    /// Whether a source path is a standalone page of some language (`content/pages/…`, `content/fr/pages/…`).
    package static func isPage(_ path: String) -> Bool {
        isIn("pages/", path)
    }

    /// Whether a source path is a launch of some language (`content/launches/…`, `content/fr/launches/…`).
    package static func isLaunch(_ path: String) -> Bool {
        isIn("launches/", path)
    }

    /// Whether a source path is in `content/<folder>` or a language's `content/<tag>/<folder>`.
    private static func isIn(_ folder: String, _ path: String) -> Bool {
        guard path.hasPrefix("content/") else { return false }
        if path.utf8.dropFirst(8).starts(with: folder.utf8) { return true }
        guard let tag = folderTag(of: path) else { return false }
        return path.utf8.dropFirst(8 + tag.utf8.count + 1).starts(with: folder.utf8)
    }
}
