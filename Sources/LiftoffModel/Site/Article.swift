/// One article as its front matter describes it, before its Markdown is rendered.
public struct Article: Sendable {
    /// Source path relative to the site root: `content/countdown.md`.
    public var path: String
    public var slug: String
    public var title: String
    public var description: String?
    public var date: Timestamp
    public var updated: Timestamp?
    public var tags: [String]
    /// Each tag's slug (`tags[i]`'s is `tagSlugs[i]`), made once when the front matter is read.
    public var tagSlugs: [String] = []
    /// Slugs listed under `related:`, and the line of that key.
    public var related: [String]?
    public var relatedLine: Int
    public var countdown: Countdown?
    public var draft: Bool
    public var extra: TemplateValue?
    /// The Markdown after the front matter, and the file line it starts on.
    public var body: String
    public var bodyLine: Int
    /// The body was not read (the front matter came from the last build's state): read the file
    /// when the page is made.
    package var bodyUnread = false
    /// The line of `slug:`, or 1 when the slug comes from the file name.
    public var slugLine: Int = 1
    /// `author:` / `authors:`: keys of `authors:` in site.yml, and the line that names them.
    public var authors: [String] = []
    public var authorsLine = 1
    /// `aliases:`: old paths of the article (site paths, `/articles/old-slug/`), each sent to its URL.
    public var aliases: [String] = []
    public var aliasesLine = 1
    /// `retired:`: old paths of the article let go on purpose (no page, no warning).
    public var retired: [String] = []
    /// `share: card`: link previews show the drawn card even when there is a hero.
    public var sharesCard = false
    /// `toc:`: a table of contents of the article's h2 and h3 headings (nil: the site's `toc:`).
    public var toc: Bool?
    /// `updates:`: what changed in the article and when, newest first (`updated` is the newest's date).
    public var updates: [Update] = []
    /// `launch:`: the key of the launch the article follows (`content/launches/<key>.md`), and its line.
    public var launch: String?
    public var launchLine = 1
    /// `image:` and `image_alt:`: shown at the top, on the article's cards, and when it is shared.
    public var image: Hero?
    /// `live:`: the article is a live blog with this coverage and these entries.
    public var live: LiveCoverage? {
        get { liveStorage?.coverage }
        set { liveStorage = newValue.map(LiveStorage.init) }
    }
    /// Boxed: few articles are live, and every article is copied and moved (sorted) many times a build.
    private var liveStorage: LiveStorage?

    private final class LiveStorage: Sendable {
        let coverage: LiveCoverage
        init(_ coverage: LiveCoverage) { self.coverage = coverage }
    }

    package init(
        path: String, slug: String, title: String, description: String? = nil, date: Timestamp, updated: Timestamp? = nil, tags: [String],
        tagSlugs: [String] = [], related: [String]? = nil, relatedLine: Int, countdown: Countdown? = nil, draft: Bool, extra: TemplateValue? = nil,
        body: String, bodyLine: Int, slugLine: Int = 1, authors: [String] = [], authorsLine: Int = 1, aliases: [String] = [],
        aliasesLine: Int = 1, toc: Bool? = nil, image: Hero? = nil
    ) {
        self.path = path
        self.slug = slug
        self.title = title
        self.description = description
        self.date = date
        self.updated = updated
        self.tags = tags
        self.tagSlugs = tagSlugs
        self.related = related
        self.relatedLine = relatedLine
        self.countdown = countdown
        self.draft = draft
        self.extra = extra
        self.body = body
        self.bodyLine = bodyLine
        self.slugLine = slugLine
        self.authors = authors
        self.authorsLine = authorsLine
        self.aliases = aliases
        self.aliasesLine = aliasesLine
        self.toc = toc
        self.image = image
    }

    /// The article's folder in the published tree, `articles/<slug>/`: its page, its files, its
    /// card; every address of the article is made from it.
    public var folder: String { SiteLayout.articlesFolder + slug + "/" }

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
