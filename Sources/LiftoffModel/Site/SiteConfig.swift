/// The settings in `site.yml`.
public struct SiteConfig: Sendable {
    public var title: String
    public var description: String
    /// Always ends with `/`; may carry a subpath (`https://example.org/launch/`).
    public var baseURL: String { didSet { basePath = Self.path(of: baseURL) } }
    /// The path part of the base URL: `/` or `/launch/`; every site URL starts with it (kept, not
    /// derived on each use: every link of every page asks for it).
    public private(set) var basePath: String
    public var language: String
    public var author: String
    public var countdown: Countdown?
    /// `countdown: <key>`: the header follows that launch (`content/launches/<key>.md`), and its line.
    public var countdownLaunch: String?
    public var countdownLaunchLine = 1
    public var perPage: Int
    public var markdown: MarkdownSettings
    public var newsletter: Newsletter?
    public var footer: String
    public var images = ImageSettings()
    public var cards = CardSettings()
    /// Whether articles show a table of contents unless their front matter says otherwise.
    public var toc = false
    /// Whether the site has search (`search: false` turns the index, the box and `/search/` off).
    public var search = true
    /// `authors:`: who writes, by key (front matter names keys in `author:` / `authors:`).
    public var authors: [String: Author] = [:]
    public var authorsLine = 1

    package init(
        title: String, description: String, baseURL: String, language: String, author: String, countdown: Countdown? = nil, perPage: Int,
        markdown: MarkdownSettings, newsletter: Newsletter? = nil, footer: String, images: ImageSettings = ImageSettings(),
        cards: CardSettings = CardSettings(), toc: Bool = false, search: Bool = true, authors: [String: Author] = [:], authorsLine: Int = 1,
        menu: [MenuItem] = []
    ) {
        self.title = title
        self.description = description
        self.baseURL = baseURL
        basePath = Self.path(of: baseURL)
        self.language = language
        self.author = author
        self.countdown = countdown
        self.perPage = perPage
        self.markdown = markdown
        self.newsletter = newsletter
        self.footer = footer
        self.images = images
        self.cards = cards
        self.toc = toc
        self.search = search
        self.authors = authors
        self.authorsLine = authorsLine
        self.menu = menu
    }

    /// One entry of `authors:`.
    public struct Author: Sendable, Hashable {
        public var key: String
        public var name: String
        public var bio: String?
        public var url: String?
        /// An image under content/ shown on the author's page, and the line that names it.
        public var avatar: String?
        public var avatarLine = 0

        package init(key: String, name: String, bio: String? = nil, url: String? = nil, avatar: String? = nil, avatarLine: Int = 0) {
            self.key = key
            self.name = name
            self.bio = bio
            self.url = url
            self.avatar = avatar
            self.avatarLine = avatarLine
        }
    }

    /// `menu:`: links drawn in the header and the footer, to standalone pages or any URL.
    public var menu: [MenuItem] = []

    /// `languages:`: the site's other languages, in the order written (`content/<tag>/` holds each one's files).
    public var languages: [LanguageSettings] = []
    /// `default_language_in_folder: true`: the default language is published under `/<tag>/` too,
    /// and `/` sends readers to it.
    public var defaultLanguageInFolder = false

    /// One entry of `languages:`: a language tag and what its pages say instead of the default's.
    public struct LanguageSettings: Sendable {
        public var tag: String
        public var line: Int
        public var title: String?
        public var description: String?
        public var menu: [MenuItem]?
        public var footer: String?
        /// The newsletter form's words (`title`, `text`, `button`) in this language.
        public var newsletter: (title: String?, text: String?, button: String?) = (nil, nil, nil)

        package init(tag: String, line: Int) {
            self.tag = tag
            self.line = line
        }
    }

    /// Every language's tag, the default's first.
    public var languageTags: [String] { [language] + languages.map(\.tag) }

    /// The settings as pages in `tag` see them: its title, description, menu, footer and newsletter
    /// words where it gives them, the default's where it does not.
    public func speaking(_ tag: String) -> SiteConfig {
        guard let settings = languages.first(where: { $0.tag == tag }) else { return self }
        var config = self
        config.language = tag
        if let title = settings.title { config.title = title }
        if let description = settings.description { config.description = description }
        if let menu = settings.menu { config.menu = menu }
        if let footer = settings.footer { config.footer = footer }
        if var form = config.newsletter {
            if let title = settings.newsletter.title { form.title = title }
            if let text = settings.newsletter.text { form.text = text }
            if let button = settings.newsletter.button { form.button = button }
            config.newsletter = form
        }
        return config
    }

    /// One entry of `menu:`: a title and a page's slug (`content/pages/<slug>.md`) or a URL.
    public struct MenuItem: Sendable {
        public var title: String
        public var page: String?
        public var url: String?
        public var line: Int

        package init(title: String, page: String? = nil, url: String? = nil, line: Int) {
            self.title = title
            self.page = page
            self.url = url
            self.line = line
        }
    }

    public struct MarkdownSettings: Sendable {
        public var unsafeHTML = false
        public var smartPunctuation = true
        /// Colour fenced code blocks at build time (Pygments).
        public var highlight = true

        package init(unsafeHTML: Bool = false, smartPunctuation: Bool = true, highlight: Bool = true) {
            self.unsafeHTML = unsafeHTML
            self.smartPunctuation = smartPunctuation
            self.highlight = highlight
        }
    }

    /// The path part of `baseURL`.
    static func path(of baseURL: String) -> String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let rest = baseURL[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...])
    }

    /// The base URL without its trailing slash and path: `https://example.org`.
    public var origin: String {
        String(baseURL.dropLast(basePath.count))
    }
}

/// A launch to count down to.
public struct Countdown: Sendable, Hashable {
    public var target: Timestamp
    public var label: String

    public init(target: Timestamp, label: String) {
        self.target = target
        self.label = label
    }
}
