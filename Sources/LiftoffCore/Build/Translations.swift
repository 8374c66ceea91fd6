import LiftoffModel
import LiftoffSource

/// Which articles translate which: a file in a language's folder at the same path below it as a
/// default-language file (`content/fr/x.md` ↔ `content/x.md`), or with the same `translation_key:`.
/// A translation takes its original's date, tags, image, countdown, launch, authors and related
/// reads unless it gives its own.
struct Translations {
    /// Each translation group's articles by language tag, by key.
    private(set) var groups: [String: [String: Article]] = [:]
    private(set) var problems: [Diagnostic] = []

    /// Links `articles` and returns them with what each translation inherits filled in.
    mutating func link(_ articles: [Article], homes: LanguageHomes) -> [Article] {
        var keyOf: [String: String] = [:]
        for article in articles {
            let tag = homes.tag(of: article.path)
            let key = homes.translationKey(of: article)
            keyOf[article.path] = key
            if let other = groups[key]?[tag] {
                problems.append(.error(article.path, article.translationKeyLine,
                    "front matter: this file and \(other.path) both translate '\(key)' into `\(tag)`; keep one, or give one another `translation_key:`"))
                continue
            }
            groups[key, default: [:]][tag] = article
        }
        // A default-language article's slug → its group, for related reads.
        var groupOfSlug: [String: String] = [:]
        for article in articles where homes.tag(of: article.path) == homes.defaultTag {
            groupOfSlug[article.slug] = keyOf[article.path]
        }
        return articles.map { article in
            let tag = homes.tag(of: article.path)
            guard tag != homes.defaultTag, let key = keyOf[article.path] else {
                // Undated outside a language's folder: read when the folder was one (the last build's state).
                guard article.date == Article.undated else { return article }
                problems.append(.error(article.path, 1, "front matter: " + FrontMatterParser.missingDate(FrontMatterParser.fileStem(article.path))))
                return Self.dated(article)
            }
            guard let original = groups[key]?[homes.defaultTag] else {
                if article.translationKey != nil {
                    problems.append(.error(article.path, article.translationKeyLine,
                        "front matter: translation_key '\(key)': no file in `\(homes.defaultTag)` has it (as `translation_key:`, or as its path below content/)"))
                } else if article.date == Article.undated {
                    problems.append(.error(article.path, 1,
                        "front matter: missing key 'date' (e.g. `date: 2026-11-24`): no file in `\(homes.defaultTag)` is at content/\(key) to take it from"))
                }
                return Self.dated(article)
            }
            return Self.inheriting(article, from: original) { slug in
                groupOfSlug[slug].flatMap { groups[$0]?[tag]?.slug }
            }
        }
    }

    /// An article left without a date (its problem reported): dated 1970, as the front matter's reader does.
    static func dated(_ article: Article) -> Article {
        guard article.date == Article.undated else { return article }
        var article = article
        article.date = Timestamp(seconds: 0)
        return article
    }

    /// `article` with what it does not give taken from `original`; related reads named by the
    /// original's slugs become their translations' (`slugIn`), dropped where there is none.
    static func inheriting(_ article: Article, from original: Article, slugIn: (String) -> String?) -> Article {
        var article = article
        article.original = Article.Original(directory: String(original.path[..<(original.path.lastIndex(of: "/") ?? original.path.startIndex)]), folder: original.folder)
        if article.date == Article.undated { article.date = original.date }
        if article.tags.isEmpty { (article.tags, article.tagSlugs) = (original.tags, original.tagSlugs) }
        if article.image == nil, var image = original.image {
            // The image is the original's file: its path is written from the original's folder.
            image.path = relocated(image.path, from: original.path, to: article.path)
            article.image = image
        }
        if article.countdown == nil { article.countdown = original.countdown }
        if article.launch == nil, let launch = original.launch { (article.launch, article.launchLine) = (launch, article.launchLine) }
        if article.authors.isEmpty { article.authors = original.authors }
        if article.related == nil, let related = original.related { article.related = related.compactMap(slugIn) }
        return article
    }

    /// A relative path written in `from`'s file, as written from `to`'s folder: `hero.jpg` in
    /// `content/x.md` is `../hero.jpg` from `content/fr/x.md`.
    static func relocated(_ path: String, from: String, to: String) -> String {
        guard !path.hasPrefix("/"), !path.contains("://") else { return path }
        var target: [Substring] = []
        for part in from.split(separator: "/").dropLast() + path.split(separator: "/") {
            if part == ".." { _ = target.popLast() } else if part != "." { target.append(part) }
        }
        let folder = Array(to.split(separator: "/").dropLast())
        var common = 0
        while common < min(folder.count, target.count - 1), folder[common] == target[common] { common += 1 }
        return (Array(repeating: "..", count: folder.count - common) + target[common...].map(String.init)).joined(separator: "/")
    }
}
