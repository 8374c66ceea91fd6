import Yams

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

    /// Folder of standalone pages under the site root.
    static let folder = "content/pages/"
    /// Names Liftoff publishes at the top of the site: a page cannot take them.
    static let reserved: Set<String> = ["articles", "tags", "assets", "authors", "index", "404", "feed", "sitemap", "robots", "card", "search"]

    /// `about/index.html`.
    var outputPath: String { "\(slug)/index.html" }

    /// Whether a menu's `page: name` names this page: its file (`content/pages/<name>.md`) or its address.
    func isNamed(_ name: String) -> Bool {
        path == Self.folder + name + ".md" || path == Self.folder + name + ".markdown" || slug == name
    }

    /// The page as an article, for what pages share with articles (links, images, components).
    var asArticle: Article {
        var article = Article(
            path: path, slug: slug, title: title, description: description, date: updated ?? Timestamp(seconds: 0), updated: updated,
            tags: [], related: [], relatedLine: 1, countdown: nil, draft: draft, extra: nil, body: body, bodyLine: bodyLine)
        article.toc = toc
        return article
    }

    static let keys = ["title", "description", "updated", "slug", "draft", "toc"]

    /// Reads a page's front matter: `title:` required, no date.
    static func parse(data: [UInt8], path: String) -> Result<StandalonePage, BuildFailure> {
        let split: FrontMatterSplit, node: Node
        switch FrontMatterParser.split(data: data, path: path).flatMap({ split in
            FrontMatterParser.compose(split, path: path, empty: "add `title:`").map { (split, $0) }
        }) {
        case .failure(let failure): return .failure(failure)
        case .success(let value): (split, node) = value
        }
        var fields = YAMLFields(node, known: keys, path: path, lineOffset: 1, what: "front matter")
        let title = fields.string("title") ?? ""
        if title.trimmingSpaces.isEmpty { fields.fail("title", fields.has("title") ? "'title' is empty" : "missing key 'title'") }
        var slug = Slug.make(FrontMatterParser.fileStem(path))
        if let custom = fields.string("slug") {
            if let problem = Slug.problem(custom) { fields.fail("slug", "slug '\(custom)' \(problem)") }
            slug = custom
        }
        if StandalonePage.reserved.contains(slug) {
            fields.fail(fields.has("slug") ? "slug" : "title",
                "the page's address /\(slug)/ is one Liftoff makes; name the file (or `slug:`) otherwise")
        }
        let page = StandalonePage(
            path: path, slug: slug, title: title,
            description: fields.string("description").flatMap { $0.trimmingSpaces.isEmpty ? nil : $0 },
            updated: fields.timestamp("updated"), draft: fields.bool("draft") ?? false, toc: fields.bool("toc"),
            body: split.body, bodyLine: split.bodyLine, slugLine: fields.has("slug") ? fields.line(of: "slug") : 1)
        return fields.diagnostics.isEmpty ? .success(page) : .failure(BuildFailure(fields.diagnostics))
    }
}
