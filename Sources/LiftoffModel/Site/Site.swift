/// The resolved site: published articles in order, their URLs, tags and related reads.
public struct Site: Sendable {
    public var config: SiteConfig
    /// The build's "now": what counts as future, and what the countdowns count from.
    public var now: Timestamp
    /// Published articles, newest first (then by slug).
    public var articles: [Article]
    /// For each article, the indices of its related reads.
    public var related: [[Int]]
    /// Tags, sorted by slug, each with its articles' indices (newest first).
    public var tags: [Tag]
    /// Dates of articles after the build's now (left out, or marked as previews).
    public var futureDates: [Timestamp] = []
    /// Author key → positions of their published articles (newest first).
    public var byAuthor: [String: [Int]] = [:]
    /// Standalone pages (`content/pages/`), by slug.
    public var pages: [StandalonePage] = []
    /// The launches the site follows (`content/launches/`), by key.
    public var launches: [String: Launch] = [:]
    /// What the build left out: drafts, and articles dated after its now (the first falls due at `nextDue`).
    public var heldBack = HeldBack()
    /// The words pages print, in the site's language (`theme/i18n/`, `i18n/`).
    public var strings = ThemeStrings.english
    /// Where this language's pages go in the output: `""` (the default language), `fr/`.
    public var home = ""
    /// Each page's versions in every language, itself included, by its source path (articles and
    /// standalone pages); and each language's home page (what a page without a translation links to).
    public var translations: [String: [Alternate]] = [:]
    public var languageHomes: [Alternate] = []

    /// A page in one language: its language tag and its address under the base path.
    public struct Alternate: Sendable, Hashable {
        public var tag: String
        public var url: String

        package init(tag: String, url: String) { (self.tag, self.url) = (tag, url) }
    }

    /// A page every language has at `path` under its home (`tags/`), in each language; none on a
    /// site in one language.
    public func everyLanguage(_ path: String) -> [Alternate] {
        languageHomes.count > 1 ? languageHomes.map { Alternate(tag: $0.tag, url: $0.url + path) } : []
    }

    /// The version `x-default` names: the default language's, when the page has one.
    public func defaultVersion(among versions: [Alternate]) -> Alternate? {
        languageHomes.first.flatMap { first in versions.first { $0.tag == first.tag } }
    }

    /// `/`, `/fr/`: where this language's generated pages (home, lists, tags, feeds) are, under the base path.
    public var base: String { config.basePath + home }

    /// This language's home page as an absolute URL (`https://example.org/fr/`).
    public var homeURL: String { absolute(base) }

    public struct HeldBack: Sendable, Equatable {
        public var drafts = 0
        public var scheduled = 0
        public var nextDue: Timestamp?

        package init(drafts: Int = 0, scheduled: Int = 0, nextDue: Timestamp? = nil) {
            self.drafts = drafts
            self.scheduled = scheduled
            self.nextDue = nextDue
        }
    }

    public struct Tag: Sendable, Equatable {
        public var name: String
        public var slug: String
        public var articles: [Int]

        package init(name: String, slug: String, articles: [Int]) {
            (self.name, self.slug, self.articles) = (name, slug, articles)
        }
    }

    /// `/articles/<slug>/`, under the base path.
    public func url(of article: Article) -> String {
        config.basePath + article.folder
    }

    /// `articles/<slug>/index.html`: where an article's page is written in the output.
    public func pagePath(of article: Article) -> String {
        article.pagePath
    }

    public func url(ofTag slug: String) -> String {
        base + "tags/\(slug)/"
    }

    /// `/about/` for `content/pages/about.md`, under the base path.
    public func url(of page: StandalonePage) -> String {
        config.basePath + page.folder
    }

    /// How long after its date an article is news (the news sitemap lists it).
    package static let newsWindow: Int64 = 2 * 86_400

    /// The articles dated within the news window before the build's moment, newest first, by
    /// position (articles are newest first: the walk stops at the first older one).
    package var recentArticles: [Int] {
        var recent: [Int] = []
        for (position, article) in articles.enumerated() where article.date <= now {
            if now.seconds - article.date.seconds >= Self.newsWindow { break }
            recent.append(position)
        }
        return recent
    }

    /// `/launches/<key>/` (a translation's `/fr/launches/<key>/`), under the base path.
    public func url(of launch: Launch) -> String {
        config.basePath + launch.folder
    }

    /// The launches whose page is in this site's language (the others are the default language's,
    /// linked to where this language has no translation), by key.
    public var ownLaunches: [Launch] {
        launches.values.filter { $0.home == home }.sorted { $0.key < $1.key }
    }

    /// The launch an article follows, if it names one that exists.
    public func launch(of article: Article) -> Launch? {
        article.launch.flatMap { launches[$0] }
    }

    /// `/authors/<key>/`, under the base path.
    public func url(ofAuthor key: String) -> String {
        base + "authors/\(key)/"
    }

    /// The first moment the site's pages would change by themselves, sources aside: the site's or
    /// an article's countdown text, a future article becoming due, the year in the footer.
    /// (Countdowns inside article bodies are added by the build.)
    package var validUntil: Int64 {
        var until = Timestamp.daysFromCivil(year: now.civil.year + 1, month: 1, day: 1) * 86_400
        let countdowns = [config.countdown].compactMap { $0 } + articles.compactMap(\.countdown)
        for countdown in countdowns {
            until = min(until, CountdownClock(countdown: countdown, now: now).validUntil)
        }
        for date in futureDates where date.seconds > now.seconds {
            until = min(until, date.seconds)
        }
        // An article leaves the news sitemap when its window ends.
        for position in recentArticles {
            until = min(until, articles[position].date.seconds + Self.newsWindow)
        }
        for launch in launches.values {
            until = min(until, LaunchClock(launch: launch, now: now).validUntil)
        }
        // A live article's badge comes and goes with its coverage (on its cards too).
        for article in articles {
            if let live = article.live { until = min(until, live.validUntil(now: now)) }
        }
        return until
    }

    /// A site path (`articles/x/`) as an absolute URL (`https://example.org/launch/articles/x/`).
    public func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? config.origin + path : config.baseURL + path
    }
}
