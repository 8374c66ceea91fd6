/// One article as its front matter describes it, before its Markdown is rendered.
///
/// Its fields live in one shared box, copied on the first change: an article is copied and
/// moved (sorted, listed, cached) many times a build, and a copy costs one reference count.
public struct Article: Sendable {
    private var box: Box

    /// Source path relative to the site root: `content/countdown.md`.
    public var path: String { get { box.fields.path } _modify { yield &unique().fields.path } }
    public var slug: String {
        get { box.fields.slug }
        _modify {
            let box = unique()
            defer { box.place() }
            yield &box.fields.slug
        }
    }
    public var title: String { get { box.fields.title } _modify { yield &unique().fields.title } }
    public var description: String? { get { box.fields.description } _modify { yield &unique().fields.description } }
    public var date: Timestamp { get { box.fields.date } _modify { yield &unique().fields.date } }
    public var updated: Timestamp? { get { box.fields.updated } _modify { yield &unique().fields.updated } }
    public var tags: [String] { get { box.fields.tags } _modify { yield &unique().fields.tags } }
    /// Each tag's slug (`tags[i]`'s is `tagSlugs[i]`), made once when the front matter is read.
    public var tagSlugs: [String] { get { box.fields.tagSlugs } _modify { yield &unique().fields.tagSlugs } }
    /// Slugs listed under `related:`, and the line of that key.
    public var related: [String]? { get { box.fields.related } _modify { yield &unique().fields.related } }
    public var relatedLine: Int { get { box.fields.relatedLine } _modify { yield &unique().fields.relatedLine } }
    public var countdown: Countdown? { get { box.fields.countdown } _modify { yield &unique().fields.countdown } }
    public var draft: Bool { get { box.fields.draft } _modify { yield &unique().fields.draft } }
    public var extra: TemplateValue? { get { box.fields.extra } _modify { yield &unique().fields.extra } }
    /// The Markdown after the front matter, and the file line it starts on.
    public var body: String { get { box.fields.body } _modify { yield &unique().fields.body } }
    public var bodyLine: Int { get { box.fields.bodyLine } _modify { yield &unique().fields.bodyLine } }
    /// The body was not read (the front matter came from the last build's state): read the file
    /// when the page is made.
    package var bodyUnread: Bool { get { box.fields.bodyUnread } _modify { yield &unique().fields.bodyUnread } }
    /// The line of `slug:`, or 1 when the slug comes from the file name.
    public var slugLine: Int { get { box.fields.slugLine } _modify { yield &unique().fields.slugLine } }
    /// `author:` / `authors:`: keys of `authors:` in site.yml, and the line that names them.
    public var authors: [String] { get { box.fields.authors } _modify { yield &unique().fields.authors } }
    public var authorsLine: Int { get { box.fields.authorsLine } _modify { yield &unique().fields.authorsLine } }
    /// `aliases:`: old paths of the article (site paths, `/articles/old-slug/`), each sent to its URL.
    public var aliases: [String] { get { box.fields.aliases } _modify { yield &unique().fields.aliases } }
    public var aliasesLine: Int { get { box.fields.aliasesLine } _modify { yield &unique().fields.aliasesLine } }
    /// `retired:`: old paths of the article let go on purpose (no page, no warning).
    public var retired: [String] { get { box.fields.retired } _modify { yield &unique().fields.retired } }
    /// `share: card`: link previews show the drawn card even when there is a hero.
    public var sharesCard: Bool { get { box.fields.sharesCard } _modify { yield &unique().fields.sharesCard } }
    /// `toc:`: a table of contents of the article's h2 and h3 headings (nil: the site's `toc:`).
    public var toc: Bool? { get { box.fields.toc } _modify { yield &unique().fields.toc } }
    /// `updates:`: what changed in the article and when, newest first (`updated` is the newest's date).
    public var updates: [Update] { get { box.fields.updates } _modify { yield &unique().fields.updates } }
    /// `launch:`: the key of the launch the article follows (`content/launches/<key>.md`), and its line.
    public var launch: String? { get { box.fields.launch } _modify { yield &unique().fields.launch } }
    public var launchLine: Int { get { box.fields.launchLine } _modify { yield &unique().fields.launchLine } }
    /// `image:` and `image_alt:`: shown at the top, on the article's cards, and when it is shared.
    public var image: Hero? { get { box.fields.image } _modify { yield &unique().fields.image } }
    /// `live:`: the article is a live blog with this coverage and these entries.
    public var live: LiveCoverage? { get { box.fields.live } _modify { yield &unique().fields.live } }
    /// Where its language's pages go: `""` for the default language at the root, `fr/` for
    /// `content/fr/…` (set from the path by the build, not read from the front matter).
    public var home: String {
        get { box.fields.home }
        _modify {
            let box = unique()
            defer { box.place() }
            yield &box.fields.home
        }
    }
    /// `translation_key:`: what ties translations whose paths differ (else the path below the language's folder).
    public var translationKey: String? { get { box.fields.translationKey } _modify { yield &unique().fields.translationKey } }
    public var translationKeyLine: Int { get { box.fields.translationKeyLine } _modify { yield &unique().fields.translationKeyLine } }
    /// A translation's original: where the files it links from the original's folder are published
    /// (the original's page folder), so that every language shares one copy (set by the build).
    public var original: Original? { get { box.fields.original } _modify { yield &unique().fields.original } }

    /// Where a translation's original is: its source folder (`content`) and its page's (`articles/x/`).
    public struct Original: Sendable, Hashable {
        public var directory: String
        public var folder: String

        package init(directory: String, folder: String) {
            (self.directory, self.folder) = (directory, folder)
        }
    }

    package init(
        path: String, slug: String, title: String, description: String? = nil, date: Timestamp, updated: Timestamp? = nil, tags: [String],
        tagSlugs: [String] = [], related: [String]? = nil, relatedLine: Int, countdown: Countdown? = nil, draft: Bool, extra: TemplateValue? = nil,
        body: String, bodyLine: Int, slugLine: Int = 1, authors: [String] = [], authorsLine: Int = 1, aliases: [String] = [],
        aliasesLine: Int = 1, toc: Bool? = nil, image: Hero? = nil
    ) {
        box = Box(Fields(
            path: path, slug: slug, title: title, description: description, date: date, updated: updated, tags: tags, tagSlugs: tagSlugs,
            related: related, relatedLine: relatedLine, countdown: countdown, draft: draft, extra: extra, body: body, bodyLine: bodyLine,
            slugLine: slugLine, authors: authors, authorsLine: authorsLine, aliases: aliases, aliasesLine: aliasesLine, toc: toc,
            image: image))
        box.place()
    }

    /// The date of a translation that does not give one: it takes its original's.
    package static let undated = Timestamp(seconds: .min)

    private struct Fields {
        var path: String
        var slug: String
        var title: String
        var description: String?
        var date: Timestamp
        var updated: Timestamp?
        var tags: [String]
        var tagSlugs: [String] = []
        var related: [String]?
        var relatedLine: Int
        var countdown: Countdown?
        var draft: Bool
        var extra: TemplateValue?
        var body: String
        var bodyLine: Int
        var bodyUnread: Bool = false
        var slugLine: Int = 1
        var authors: [String] = []
        var authorsLine: Int = 1
        var aliases: [String] = []
        var aliasesLine: Int = 1
        var retired: [String] = []
        var sharesCard: Bool = false
        var toc: Bool?
        var updates: [Update] = []
        var launch: String?
        var launchLine: Int = 1
        var image: Hero?
        var live: LiveCoverage?
        var home = ""
        var translationKey: String?
        var translationKeyLine = 1
        var original: Original?
        /// `folder` and `pagePath`, made when the slug or the home is set (read many times a build).
        var folder = ""
        var pagePath = ""
    }

    private final class Box: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }

        func place() {
            fields.folder = fields.home + SiteLayout.articlesFolder + fields.slug + "/"
            fields.pagePath = fields.folder + "index.html"
        }
    }

    /// The box, copied first when another article shares it.
    private mutating func unique() -> Box {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
        return box
    }

    /// The article's folder in the published tree, `articles/<slug>/`: its page, its files, its
    /// card; every address of the article is made from it.
    public var folder: String { box.fields.folder }

    /// `articles/<slug>/index.html`: where its page is written in the output.
    public var pagePath: String { box.fields.pagePath }

    /// A hero image: a file next to the article (a path as in a Markdown image), its alt text, the line of `image:`.
    public struct Hero: Sendable, Hashable {
        public var path: String
        public var alt: String
        public var line: Int
        /// `image_focus:`: the point the shared crop keeps in view (0…1 across and down); nil: the centre.
        public var focus: Focus?

        package init(path: String, alt: String, line: Int, focus: Focus? = nil) {
            self.path = path
            self.alt = alt
            self.line = line
            self.focus = focus
        }
    }

    /// One entry of an article's update log.
    public struct Update: Sendable, Hashable {
        public var date: Timestamp
        /// One line of Markdown.
        public var note: String
        public var line: Int

        package init(date: Timestamp, note: String, line: Int) {
            (self.date, self.note, self.line) = (date, note, line)
        }
    }

    /// A point of an image, 0…1 across and down.
    public struct Focus: Sendable, Hashable {
        public var x: Double
        public var y: Double

        package init(x: Double, y: Double) {
            (self.x, self.y) = (x, y)
        }

        /// `top`, `bottom`, `left`, `right`, `center`, or `X% Y%` (`30% 20%`); nil otherwise.
        public init?(_ text: String) {
            switch text.lowercased() {
            case "top": (x, y) = (0.5, 0)
            case "bottom": (x, y) = (0.5, 1)
            case "left": (x, y) = (0, 0.5)
            case "right": (x, y) = (1, 0.5)
            case "center", "centre": (x, y) = (0.5, 0.5)
            default:
                let parts = text.split(separator: " ", omittingEmptySubsequences: true)
                guard parts.count == 2, parts.allSatisfy({ $0.hasSuffix("%") }),
                      let across = Double(parts[0].dropLast()), let down = Double(parts[1].dropLast()),
                      (0...100).contains(across), (0...100).contains(down)
                else { return nil }
                (x, y) = (across / 100, down / 100)
            }
        }
    }
}

/// A YAML value under `extra:`, handed to templates as is.
public indirect enum TemplateValue: Sendable, Hashable {
    case string(String)
    case bool(Bool)
    case list([TemplateValue])
    case map([String: TemplateValue])

    /// The value as Mustache reads it: strings, booleans, arrays and dictionaries.
    package var mustache: Any {
        switch self {
        case .string(let value): return value
        case .bool(let value): return value
        case .list(let values): return values.map(\.mustache)
        case .map(let values): return values.mapValues(\.mustache)
        }
    }
}
