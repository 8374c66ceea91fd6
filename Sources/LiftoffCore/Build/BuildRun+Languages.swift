import LiftoffMedia
import LiftoffModel
import LiftoffRender
import LiftoffSearch
import LiftoffSource

/// A site in several languages: each language resolved on its own (its articles, tags, related
/// reads, pages and words), tied together by translations.
extension BuildRun {
    /// Each language's site, the default's first (a site in one language: that one).
    func resolveLanguages(config: SiteConfig, theme: Theme) -> [Site] {
        let fallback = Language(config.language) ?? .english
        var linked = articles
        if homes.isMultilingual || articles.contains(where: { $0.date == Article.undated }) {
            var translations = Translations()
            linked = translations.link(articles, homes: homes)
            problems += translations.problems
        }
        // The strings files of the site's languages (and English, under them), each parsed once.
        var files: [String: [String: ThemeStrings.Message]] = [:]
        for tag in Set(["en"] + homes.tags) {
            for path in ["theme/i18n/\(tag).yml", "i18n/\(tag).yml"] {
                guard let text = theme.strings[path] else { continue }
                // The default theme's English file says what the built-in words say: nothing to read.
                if path == "theme/i18n/en.yml", text == ThemeStrings.englishFile { continue }
                let (messages, fileProblems) = ThemeStrings.read(text, path: path)
                files[path] = messages
                problems += fileProblems
            }
        }
        var launchProblems: [Diagnostic] = []
        // The last build's resolution while what it was made from holds; else each language's anew.
        // A translation takes fields from its original (and which is whose depends on more than
        // these fields): a site in several languages keys it by the whole front matter.
        let key = articlesKey(linked, by: homes.isMultilingual ? fronts : orders, kind: "resolution")
        frontsKey = articlesKey(linked, by: fronts, kind: "fronts")
        let kept = previous?.resolution.flatMap { $0.key == key && $0.languages.count == homes.tags.count ? $0.languages : nil }
        var made: [Resolution] = []
        articleIndices = []
        var sites = homes.tags.enumerated().map { number, tag -> Site in
            let home = homes.homes[tag] ?? ""
            let languageConfig = config.speaking(tag)
            let indices = homes.isMultilingual ? linked.indices.filter { linked[$0].home == home } : Array(linked.indices)
            let group = homes.isMultilingual ? indices.map { linked[$0] } : linked
            let resolution: Resolution
            if let kept {
                resolution = kept[number]
            } else {
                let resolveProblems: [Diagnostic]
                (resolution, resolveProblems) = Resolver.resolution(
                    config: languageConfig, articles: group, now: options.now, drafts: options.drafts, future: options.future, unparsedSlugs: unparsedSlugs)
                problems += resolveProblems
            }
            made.append(resolution)
            articleIndices.append(resolution.order.map { indices[$0] })
            var site = Resolver.site(
                config: languageConfig, articles: group, now: options.now, drafts: options.drafts, future: options.future, resolution: resolution)
            site.home = home
            let (strings, stringWarnings) = ThemeStrings.compose(language: Language(tag) ?? fallback, fallback: fallback, files: files)
            site.strings = strings
            warnings += stringWarnings
            site.pages = Builder.checkPages(
                standalone.filter { $0.home == home }, drafts: draftPages.filter { $0.home == home }, menu: languageConfig.menu, problems: &problems)
            Builder.followLaunches(&site, launches: launches.merging(translatedLaunches[tag] ?? [:]) { $1 }, problems: &launchProblems)
            return site
        }
        if let key, !hasErrors { resolution = KeptResolution(key: key, languages: made) }
        // What the site's countdown names is said once, not once a language.
        var said = Set<String>()
        problems += launchProblems.filter { said.insert($0.description).inserted }
        guard homes.isMultilingual else { return sites }
        problems += languageFolderProblems(config: config)
        let languageHomes = homes.tags.map { Site.Alternate(tag: $0, url: config.basePath + (homes.homes[$0] ?? "")) }
        let translations = Self.versions(of: sites, homes: homes)
        for index in sites.indices {
            sites[index].languageHomes = languageHomes
            sites[index].translations = translations
        }
        return sites
    }

    /// The digest of this binary, the settings and options, the files that failed to parse, and
    /// for each article its digest in `digests` and whether it is published (the build's now
    /// decides only that). With `orders` (what `Resolver` reads of each article): everything the
    /// resolution is made from. Nil while an article's front matter is not known whole.
    func articlesKey(_ linked: [Article], by digests: [Digest], kind: String) -> Digest? {
        guard digests.count == linked.count, !digests.contains(.zero) else { return nil }
        var hasher = StableHasher()
        hasher.combine(kind + "-1 " + OutputWriter.toolIdentity)
        hasher.combine(sources.configText)
        hasher.combine(options.drafts)
        hasher.combine(options.future)
        for slug in unparsedSlugs.sorted() { hasher.combine(slug) }
        hasher.combine(linked.count)
        for (digest, article) in zip(digests, linked) {
            hasher.combine(digest)
            hasher.combine(Resolver.isPublished(article, now: options.now, drafts: options.drafts, future: options.future))
        }
        return hasher.finalize()
    }

    /// Folders of `content/` named like a language the site does not list (`content/de/` beside
    /// `languages: {fr: …}`), or like its default language (whose files go directly in `content/`).
    func languageFolderProblems(config: SiteConfig) -> [Diagnostic] {
        var folders = Set<Substring>()
        for path in sources.stamps.keys where path.hasPrefix("content/") {
            if let tag = LanguageHomes.folderTag(of: path) { folders.insert(tag) }
        }
        var problems: [Diagnostic] = []
        for folder in folders.sorted() {
            let tag = String(folder)
            if tag == config.language {
                problems.append(.error("content/\(tag)/", 0,
                    "`\(tag)` is the default language: its files go directly in content/ (`default_language_in_folder: true` publishes them under /\(tag)/)"))
            } else if homes.homes[tag] == nil, tag.contains("-") || tag.utf8.count == 2, let language = Language(tag) {
                problems.append(.error("content/\(tag)/", 0,
                    "a folder named for a language (\(language.nativeName)) that site.yml's `languages:` does not list: add `\(tag): {}` there, or rename the folder"))
            }
        }
        return problems
    }

    /// Every published article and page in each language it is in, by source path (only those with
    /// a translation).
    static func versions(of sites: [Site], homes: LanguageHomes) -> [String: [Site.Alternate]] {
        var groups: [String: [(path: String, version: Site.Alternate)]] = [:]
        for site in sites {
            let tag = site.config.language
            for article in site.articles {
                groups["a:" + homes.translationKey(of: article), default: []].append((article.path, Site.Alternate(tag: tag, url: site.url(of: article))))
            }
            for page in site.pages {
                groups["p:" + homes.relativePath(of: page.path), default: []].append((page.path, Site.Alternate(tag: tag, url: site.url(of: page))))
            }
            for launch in site.ownLaunches {
                groups["l:" + launch.key, default: []].append((launch.path, Site.Alternate(tag: tag, url: site.url(of: launch))))
            }
        }
        var versions: [String: [Site.Alternate]] = [:]
        // Sites come in `site.yml`'s order of languages: so do each group's versions.
        for members in groups.values where members.count > 1 {
            let ordered = members.map(\.version)
            for member in members { versions[member.path] = ordered }
        }
        return versions
    }
}

/// One language of the site as the build renders it: its site, share images, renderer and page keys,
/// and what its pages bring to its feed and its search index. `BuildRun.parts` holds one for each
/// language, the default's first.
final class LanguagePart {
    let site: Site
    /// Each published article's position in `BuildRun.articles`.
    let articleIndices: [Int]
    // prepare
    var share: ShareImages!
    var renderer: PageRenderer!
    var keys: PageKeys!
    // renderArticles and renderPages
    /// Its feed's articles, as `renderArticles` made them, and their share images (absolute URLs) by article path.
    var feedEntries: [AtomFeed.Entry] = []
    var feedImages: [String: String] = [:]
    /// Each article's entry in the language's search index (by position), when it has terms.
    var indexed: [SearchIndex.Entry?] = []
    /// Standalone pages' terms (they are rendered every build), by output path.
    var pageTerms: [String: SearchDocument] = [:]

    init(site: Site, articleIndices: [Int]) {
        self.site = site
        self.articleIndices = articleIndices
    }
}

extension BuildRun {
    /// A language's share images, its heroes prepared; the site's own problems (its logo, its card
    /// settings) are `reported` by one language only.
    func shareImages(_ site: Site, reported: Bool) -> ShareImages {
        let share = ShareImages(site: site, root: root, images: images)
        let links = links!
        let heroProblems = (reported ? share.problems : []) + share.prepareHeroes { path, article in
            let (rewrite, asset) = links.rewrite(path, isImage: true, in: article)
            if case .error(let message) = rewrite { return (message, nil) }
            return (nil, asset)
        }
        problems += heroProblems.filter { $0.severity == .error }
        warnings += heroProblems.filter { $0.severity != .error }
        return share
    }
}
