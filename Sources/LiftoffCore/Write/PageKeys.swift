import Foundation
import LiftoffModel
import LiftoffMarkdown
import LiftoffRender

/// The digests of what each page is made from (see `BuildCache`), computed before any page is
/// rendered, so a page whose key did not change can be carried over.
struct PageKeys: Sendable {
    let siteKey: Digest
    /// For each article (by position), what lists, cards and related reads show of it.
    let summaries: [Digest]
    /// For each article (by position), its source file's digest.
    let sources: [Digest]
    let related: [[Int]]
    /// For each article (by position), what its page shows of the launch it follows (zero: none).
    let launches: [Digest]

    /// - Parameters:
    ///   - sources: by position, the digest of each article's file's bytes.
    ///   - fronts: by position, each article's `SourceState.front(of:)`, or zero where its front
    ///     matter is not its file's alone (a translation's, filled in from its original).
    ///   - heroes: article position → what pages show of its hero image (`ShareImages.Hero.identity`).
    init(site: Site, siteKey: Digest, sources: [Digest], fronts: [Digest], heroes: [Int: Digest] = [:]) {
        self.siteKey = siteKey
        summaries = site.articles.indices.map { position in
            let summary = Self.summary(site.articles[position], front: fronts[position], now: site.now)
            guard let hero = heroes[position] else { return summary }
            var hasher = StableHasher()
            hasher.combine(summary)
            hasher.combine(hero)
            return hasher.finalize()
        }
        self.sources = sources
        related = site.related
        // Once a launch, not once an article that follows it.
        let shown = site.launches.mapValues { launch in
            let clock = LaunchClock(launch: launch, now: site.now)
            var hasher = StableHasher()
            hasher.combine(launch.name)
            hasher.combine(launch.folder)
            hasher.combine(clock.statusLine(site.strings))
            hasher.combine(clock.text(site.strings))
            return hasher.finalize()
        }
        launches = site.articles.map { article in article.launch.flatMap { shown[$0] } ?? .zero }
    }

    /// - Parameter source: the digest of an article's file's bytes.
    init(site: Site, siteKey: Digest, source: (Article) -> Digest, heroes: [Int: Digest] = [:]) {
        let zero = [Digest](repeating: .zero, count: site.articles.count)
        self.init(site: site, siteKey: siteKey, sources: site.articles.map(source), fronts: zero, heroes: heroes)
    }

    /// An article's page: its file (path and bytes), and its related reads as cards show them.
    /// (Its links are checked apart: what they resolve to is only known once the Markdown is parsed.)
    func article(_ position: Int) -> Digest {
        var hasher = StableHasher()
        hasher.combine(siteKey)
        hasher.combine(summaries[position])
        hasher.combine(sources[position])
        hasher.combine(launches[position])
        hasher.combine(related[position].count)
        for other in related[position] { hasher.combine(summaries[other]) }
        return hasher.finalize()
    }

    /// A page of a list: its place and the articles it shows.
    func list(_ page: ListPage) -> Digest {
        var hasher = StableHasher()
        hasher.combine(siteKey)
        hasher.combine(page.path)
        hasher.combine(page.heading)
        hasher.combine(page.number)
        hasher.combine(page.count)
        hasher.combine(page.items.count)
        for item in page.items { hasher.combine(summaries[item]) }
        return hasher.finalize()
    }

    /// A tag's feed: the tag and what its entries show of its twenty newest articles.
    func tagFeed(_ tag: Site.Tag) -> Digest {
        var hasher = StableHasher()
        hasher.combine(siteKey)
        hasher.combine("tag-feed")
        hasher.combine(tag.slug)
        hasher.combine(tag.name)
        let shown = tag.articles.prefix(AtomFeed.limit)
        hasher.combine(shown.count)
        for position in shown { hasher.combine(summaries[position]) }
        return hasher.finalize()
    }

    /// What a summary and a card show of an article: its front matter's digest (which holds every
    /// field they read; a change no card shows, like its `related:`, makes them again too), and
    /// whether it is live now. Field by field where the front matter is not the file's alone.
    static func summary(_ article: Article, front: Digest, now: Timestamp) -> Digest {
        guard front != .zero else { return summary(article, now: now) }
        guard let live = article.live else { return front }
        var hasher = StableHasher()
        hasher.combine(front)
        hasher.combine(live.isLive(at: now))
        return hasher.finalize()
    }

    /// The front matter fields a summary (`PageRenderer.summary`) and a card read.
    static func summary(_ article: Article, now: Timestamp) -> Digest {
        var hasher = StableHasher()
        hasher.combine(article.path)
        hasher.combine(article.slug)
        hasher.combine(article.title)
        hasher.combine(article.description ?? "\u{0}none")
        hasher.combine(article.date.seconds)
        hasher.combine(article.updated?.seconds ?? .min)
        hasher.combine(article.draft)
        hasher.combine(article.tags.count)
        for tag in article.tags { hasher.combine(tag) }
        hasher.combine(article.authors.count)
        for author in article.authors { hasher.combine(author) }
        if let live = article.live {
            // Cards say whether it is live, and until when.
            hasher.combine(live.isLive(at: now))
            hasher.combine(live.end?.seconds ?? .max)
        }
        if let image = article.image {
            hasher.combine(image.path)
            hasher.combine(image.alt)
        }
        return hasher.finalize()
    }
}

extension BuildCache {
    /// What every page depends on: this binary, the build options, `site.yml` and the theme.
    static func siteKey(options: BuildOptions, configText: String, theme: Theme) -> Digest {
        var hasher = StableHasher()
        hasher.combine("liftoff-cache-1 " + OutputWriter.toolIdentity)
        hasher.combine(options.drafts)
        hasher.combine(options.future)
        hasher.combine(options.baseURL ?? "\u{0}none")
        hasher.combine(configText)
        for (name, text) in theme.templateTexts.sorted(by: { $0.key < $1.key }) {
            hasher.combine(name)
            hasher.combine(text)
        }
        for (name, text) in theme.schemaTexts.sorted(by: { $0.key < $1.key }) {
            hasher.combine(name)
            hasher.combine(text)
        }
        for asset in theme.assets {
            hasher.combine(asset.name)
            hasher.combine(asset.data)
        }
        return hasher.finalize()
    }
}

extension StableHasher {
    /// What a link resolved to, and the file it brings along.
    mutating func combine(_ rewrite: LinkRewrite, _ asset: (source: String, target: String)?) {
        switch rewrite {
        case .keep: combine(0)
        case .replace(let url):
            combine(1)
            combine(url)
        case .error(let message):
            combine(2)
            combine(message)
        case .unpublished(let url, let note):
            combine(4)
            combine(url)
            combine(note)
        case .picture(let picture):
            combine(3)
            combine(picture)
        }
        if let asset {
            combine(asset.source)
            combine(asset.target)
        } else {
            combine(-1)
        }
    }
}
