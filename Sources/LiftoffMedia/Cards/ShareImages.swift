import Foundation
import LiftoffModel

/// What each page shows when its link is shared (Open Graph, X cards, JSON-LD): an article's hero
/// cropped to 1200 × 630, else a card drawn for it; the site's card on home, lists and tags.
/// Cropped heroes and cards are cached with the processed images, keyed by what is drawn on them,
/// and drawn by `drawMissing()` after the articles, on all cores.
package final class ShareImages: @unchecked Sendable {
    /// One page's share image.
    package struct Image: Sendable {
        /// Absolute: shared links are read by other sites.
        package var url: String
        var alt: String
        var type: String
        /// The cached file, and where it is published.
        package var file: (source: String, target: String)

        package var context: [String: Any] {
            ["url": url, "width": ShareCard.width, "height": ShareCard.height, "alt": alt, "type": type]
        }
    }

    /// An article's `image:`: shown at the top of its page, on its cards in lists, and shared.
    package struct Hero: Sendable {
        package var source: String
        package var published: ImagePipeline.Published
        package var alt: String
        var line: Int
        /// Nil when the image is too small to share (the article's card is shared instead).
        var share: Image?
        /// Changes whenever what pages show of the hero changes (joins the article's summary).
        package var identity: Digest
    }

    /// Something to draw into the cache, and the file (and line) its problems are reported at.
    enum Job {
        case card(ShareCard, path: String)
        case crop(source: String, path: String, line: Int, name: String, focus: Article.Focus?, size: (width: Int, height: Int))
    }

    /// Shares smaller than this are shown small or not at all by the platforms (Facebook's minimum).
    static let minimumSize = (width: 600, height: 315)

    let site: Site
    let settings: CardSettings
    let images: ImagePipeline
    /// Settings, font and logo bytes: what every card's key includes (and so the build's site key).
    package let digest: Digest
    /// Problems with `cards:` (a missing logo or font).
    package private(set) var problems: [Diagnostic] = []
    /// The files `cards:` names, stamped before they were read (for the no-op check).
    package private(set) var inputs: [String: FileStamp] = [:]
    /// Article position → its hero (set by `prepareHeroes`, before any page is rendered).
    package var heroes: [Int: Hero] = [:]
    let font: ShareCard.Font
    /// The logo `cards:` names (a path from the site's folder), decoded once cards are drawn.
    let logo: CardSettings.SiteFile?
    private let lock = Lock()
    private var pending: [Digest: Job] = [:]
    /// Each article's share image, and the site's, made once: the build and the page both ask.
    private let articleImages: Memo<Image?>
    private let siteImageMemo = Memo<Image?>(count: 1)

    package init(site: Site, root: URL, images: ImagePipeline) {
        self.site = site
        settings = site.config.cards
        self.images = images
        articleImages = Memo(count: site.articles.count)
        var hasher = StableHasher()
        hasher.combine(settings.enabled)
        for colour in [settings.background, settings.text, settings.muted, settings.accent] {
            hasher.combine(Int(colour.red) << 16 | Int(colour.green) << 8 | Int(colour.blue))
        }
        var problems: [Diagnostic] = []
        var inputs: [String: FileStamp] = [:]
        /// A file `cards:` names: its real path inside the site, its bytes in the digest.
        func read(_ file: CardSettings.SiteFile?, _ key: String) -> String? {
            guard let file else { return nil }
            let path = root.appendingPathComponent(file.path).path
            guard let real = FileTree.realPath(path), let rootPath = FileTree.realPath(root.path),
                  real.hasPrefix(rootPath + "/"), let stamp = FileStamp.of(real),
                  let data = try? images.folder.read(file.path)
            else {
                problems.append(.error("site.yml", file.line, "site.yml: cards: \(key) '\(file.path)' is not a file in the site's folder"))
                return nil
            }
            inputs[file.path] = stamp
            hasher.combine(file.path)
            data.withUnsafeBytes { hasher.combine($0) }
            return real
        }
        logo = settings.enabled && read(settings.logo, "logo") != nil ? settings.logo : nil
        let fontFile = settings.enabled ? read(settings.font, "font") : nil
        var family = "Inter"
        if let fontFile, let file = settings.font {
            switch Result(catching: { () throws(ImageError) in try Vips.fontFamily(of: fontFile) }) {
            case .success(let name?): family = name
            case .success(nil): problems.append(.error("site.yml", file.line, "site.yml: cards: font '\(file.path)' is not a font file (TrueType, OpenType)"))
            case .failure(let error): problems.append(.error("site.yml", file.line, "site.yml: cards: font '\(file.path)': \(error.message)"))
            }
        }
        font = ShareCard.Font(family: family, file: fontFile)
        hasher.combine(family)
        digest = hasher.finalize()
        self.problems = problems
        self.inputs = inputs
    }

    /// The share image of the article at `position`: its hero cropped (unless it says `share: card`),
    /// else its card; nil with cards off.
    package func image(forArticle position: Int) -> Image? {
        if let share = heroes[position]?.share { return share }
        guard settings.enabled else { return nil }
        return articleImages.value(at: position) {
            let article = site.articles[position]
            let card = ShareCard(
                title: article.title, siteTitle: site.config.title, date: site.strings.longDay(article.date),
                countdown: countdownLine(article.countdown) ?? site.launch(of: article).map(launchLine))
            return self.card(card, at: article.folder + "card", for: article.path)
        }
    }

    /// A standalone page's share image: its own card (its title); nil with cards off.
    package func image(forPage page: StandalonePage) -> Image? {
        guard settings.enabled else { return nil }
        let card = ShareCard(title: page.title, siteTitle: site.config.title, date: nil, countdown: siteCountdownLine)
        return self.card(card, at: page.slug + "/card", for: page.path)
    }

    /// The site's share image (home, lists, tags, 404); nil with cards off.
    package var siteImage: Image? {
        guard settings.enabled else { return nil }
        return siteImageMemo.value(at: 0) {
            let card = ShareCard(title: site.config.description.isEmpty ? site.config.title : site.config.description,
                                 siteTitle: site.config.title, date: nil, countdown: siteCountdownLine)
            return self.card(card, at: site.home + "card", for: "site.yml")
        }
    }

    /// "GPT Image 2 · 7 days left": a countdown as cards show it (in days).
    /// The site's countdown as cards show it: its own, or the state of the launch it names.
    private var siteCountdownLine: String? {
        countdownLine(site.config.countdown) ?? site.config.countdownLaunch.flatMap { site.launches[$0] }.map(launchLine)
    }

    /// "GPT Image 2 · in 4–11 days": a launch's state as cards show it.
    private func launchLine(_ launch: Launch) -> String {
        "\(launch.name) · \(LaunchClock(launch: launch, now: site.now).text(site.strings))"
    }

    private func countdownLine(_ countdown: Countdown?) -> String? {
        countdown.map { "\($0.label) · \(CountdownClock(countdown: $0, now: site.now).cardText(site.strings))" }
    }

    /// The card's image, published at `<stem>.<key>.png`; drawn later when the cache lacks it.
    private func card(_ card: ShareCard, at stem: String, for path: String) -> Image {
        var hasher = StableHasher()
        hasher.combine("card")
        hasher.combine(card.title)
        hasher.combine(card.siteTitle)
        hasher.combine(card.date ?? "\u{0}")
        hasher.combine(card.countdown ?? "\u{0}")
        hasher.combine(digest)
        hasher.combine(ShareCard.drawingVersion)
        hasher.combine(images.libvipsVersion)
        let key = hasher.finalize()
        let file = images.cache.path(key.description, width: ShareCard.width, format: .png)
        if !images.useCached(key, file: file) { enqueue(key, .card(card, path: path)) }
        let alt = card.title + " (" + card.siteTitle + (card.countdown.map { ", " + $0 } ?? "") + ")"
        return Image(url: site.absolute(site.config.basePath + "\(stem).\(key.description.prefix(8)).png"), alt: alt, type: "image/png",
                     file: (file, "\(stem).\(key.description.prefix(8)).png"))
    }

    func enqueue(_ key: Digest, _ job: Job) {
        lock.withLock { pending[key] = job }
    }

    /// What is left to draw, in a stable order; the list is emptied.
    func takePending() -> [(Digest, Job)] {
        lock.withLock {
            defer { pending = [:] }
            return pending.sorted { $0.key.description < $1.key.description }
        }
    }
}
