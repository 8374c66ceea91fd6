
/// A page that is not an article: a Markdown file under `content/pages/` (`about.md` → `/about/`).
/// No date; not in lists, tags, the feed or related reads; in the sitemap and in menus.
public struct StandalonePage: Sendable {
    public var path: String
    public var slug: String
    public var title: String
    public var description: String?
    public var updated: Timestamp?
    public var draft: Bool
    public var toc: Bool?
    public var body: String
    public var bodyLine: Int
    public var slugLine: Int
    /// Its language's folder (`""`, `fr/`): `content/fr/pages/about.md` is published at `/fr/about/`.
    public var home = ""

    package init(
        path: String, slug: String, title: String, description: String? = nil, updated: Timestamp? = nil, draft: Bool, toc: Bool? = nil, body: String,
        bodyLine: Int, slugLine: Int
    ) {
        self.path = path
        self.slug = slug
        self.title = title
        self.description = description
        self.updated = updated
        self.draft = draft
        self.toc = toc
        self.body = body
        self.bodyLine = bodyLine
        self.slugLine = slugLine
    }

    /// Folder of standalone pages under the site root.
    package static let folder = "content/pages/"
    /// Names Liftoff publishes at the top of the site: a page cannot take them.
    package static let reserved: Set<String> = ["articles", "tags", "assets", "authors", "index", "404", "feed", "sitemap", "robots", "card", "search", "launches"]

    /// `about/`, `fr/about/`: where its page and its files go.
    package var folder: String { home + slug + "/" }

    /// `about/index.html`.
    package var outputPath: String { folder + "index.html" }

    /// Whether a menu's `page: name` names this page: its file (`content/pages/<name>.md`) or its address.
    package func isNamed(_ name: String) -> Bool {
        let folder = "content/" + home + "pages/"
        return path == folder + name + ".md" || path == folder + name + ".markdown" || slug == name
    }

    /// The page as an article, for what pages share with articles (links, images, components).
    package var asArticle: Article {
        var article = Article(
            path: path, slug: slug, title: title, description: description, date: updated ?? Timestamp(seconds: 0), updated: updated,
            tags: [], related: [], relatedLine: 1, countdown: nil, draft: draft, extra: nil, body: body, bodyLine: bodyLine)
        article.toc = toc
        return article
    }

    package static let keys = ["title", "description", "updated", "slug", "draft", "toc"]
}
