import Mustache
import LiftoffModel
import LiftoffMedia

/// Renders pages through the theme's templates.
///
/// Contexts are `[String: Any]` dictionaries: swift-mustache reads them through
/// `MustacheParent` lookups, about ten times faster than reflecting structs with `Mirror`.
/// `@unchecked`: the site context is built once in `init`, never mutated, and holds only value types.
package struct PageRenderer: @unchecked Sendable {
    let site: Site
    let library: MustacheLibrary
    /// The same templates, rendered without swift-mustache's dynamic casts (nil: the library renders).
    let compiled: CompiledTemplates?
    /// Why the theme's pages are rendered the slow way (nil: they are not).
    package var slowRendering: String?
    /// The parts of every page's context that do not change from page to page.
    let siteContext: [String: Any]
    /// Each article as lists show it: its summary and its card (`partials/card`), made once, when
    /// first needed (a build that carries most pages over needs few), and reused by every list,
    /// tag page and related-reads block (a card reads only its article and `site`).
    private let listItems: Memo<[String: Any]>

    /// The theme's words (`{{i18n.<key>}}`), in every template's context.
    let words: [String: Any]

    /// Where the contexts templates get are recorded (nil: nowhere).
    let contextLog: TemplateContextLog?

    /// Heroes and share images (nil: pages have none).
    let share: ShareImages?

    /// How wide a card's image shows: the theme's card grid (columns of at least 16rem).
    static let cardImageSizes = "(max-width: 40rem) calc(100vw - 2.5rem), 22rem"

    /// The theme asset that keeps live badges and entries current.
    static let liveScript = "live.js"

    /// Number of latest articles on the home page.
    static let homeCount = 10

    /// Author key → their avatar's markup (shown on their page).
    let avatars: [String: String]
    /// The components writers may place, and the URLs of theme assets (for their scripts).
    package let components: ComponentCatalog
    let assetURLs: [String: String]
    /// Each language's name as it writes it (the switcher's words), by tag.
    let languageNames: [String: String]

    package init(
        site: Site, theme: Theme, assets: FingerprintedAssets, share: ShareImages? = nil, avatars: [String: String] = [:],
        libraryRendering: Bool = false, contextLog: TemplateContextLog? = nil
    ) {
        self.site = site
        self.contextLog = contextLog
        self.share = share
        self.avatars = avatars
        components = theme.components
        assetURLs = assets.paths.mapValues { site.config.basePath + $0 }
        library = theme.library
        switch libraryRendering ? nil : CompiledTemplates.compile(theme.templates) {
        case .success(let templates): compiled = templates
        case .failure(let unsupported):
            compiled = nil
            slowRendering = "theme/templates/\(unsupported.template).mustache: rendered by swift-mustache itself, several times slower, because of \(unsupported.reason)"
        case nil: compiled = nil
        }
        let config = site.config
        let base = site.base
        var context: [String: Any] = [
            "title": config.title,
            "description": config.description,
            "language": config.language,
            "author": config.author,
            "footer": config.footer,
            "base": base,
            "url": config.baseURL,
            "home_url": base,
            "articles_url": base + SiteLayout.articlesFolder,
            "tags_url": base + "tags/",
            "feed_url": base + "feed.xml",
            "json_feed_url": base + "feed.json",
            "assets": assets.context(basePath: config.basePath),
            "year": String(site.now.civil.year),
            "rtl": site.strings.language.isRightToLeft,
            "not_found_next_html": Self.sentence(site.strings, .notFoundNext, links: [
                "home": (base, .goHome), "articles": (base + SiteLayout.articlesFolder, .allArticlesLink)]),
            "search_noscript_html": Self.sentence(site.strings, .searchNoScript, links: [
                "articles": (base + SiteLayout.articlesFolder, .allArticlesLink), "tags": (base + "tags/", .theTags)]),
        ]
        if let words = Self.scriptWords(site.strings) { context["words_json"] = words }
        if config.search { context["search"] = ["url": base + SiteLayout.searchFolder, "index": base + SiteLayout.searchFolder] }
        if let form = config.newsletter {
            context["newsletter"] = [
                "action": form.action, "method": form.method, "email_field": form.emailField,
                "hidden": form.hidden.map { ["name": $0.name, "value": $0.value] }, "title": form.title, "text": form.text, "button": form.button,
            ] as [String: Any]
        }
        let menu = config.menu.compactMap { item -> [String: Any]? in
            let page = item.page.flatMap { name in site.pages.first { $0.isNamed(name) } }
            guard let url = page.map(site.url(of:)) ?? item.url else { return nil }
            return ["title": item.title, "url": url]
        }
        if !menu.isEmpty { context["menu"] = menu; context["has_menu"] = true }
        if let countdown = config.countdown {
            context["countdown"] = CountdownWidget(countdown: countdown, now: site.now).context(site.strings)
        } else if let launch = config.countdownLaunch.flatMap({ site.launches[$0] }) {
            context["countdown"] = CountdownWidget.context(of: launch, now: site.now, site.strings)
        }
        siteContext = context
        words = site.strings.templateTexts as [String: Any]
        languageNames = Dictionary(uniqueKeysWithValues: site.languageHomes.map { ($0.tag, Language($0.tag)?.nativeName ?? $0.tag) })
        listItems = Memo(count: site.articles.count)
    }

    /// An article as lists show it: its summary fields and its rendered card (`{{{card}}}`).
    func listItem(_ position: Int) -> [String: Any] {
        listItems.value(at: position) {
            var item = summary(position)
            item["card"] = render("partials/card", item)
            return item
        }
    }

    // MARK: Pages

    /// `articles/<slug>/index.html`, the article's content HTML (TL;DR and body) for the feed, and
    /// a live article's `live.json`.
    /// - Parameter images: the images the article shows, in order (`Picture.context` plus `alt`).
    /// - Parameter updates: the notes of its `updates:`, as HTML, newest first.
    package func article(_ position: Int, body: ArticleBody, images: [[String: Any]] = [], updates: [String] = []) -> (page: String, content: String, live: [UInt8]?) {
        let article = site.articles[position]
        var summary = self.summary(position)
        let description = self.description(of: article, body: body)
        let coverage = article.live.map { coverageContext(article, $0) }
        let live = body.liveFeed.map { liveSection($0, coverage: coverage ?? [:]) }
        let bodyHTML = render(body.parts, live: live?.html)
        if let coverage { summary["coverage"] = coverage }
        let tldrHTML = body.tldr.map { component(TLDR.template, $0.context) }
        summary["body"] = bodyHTML
        if let tldrHTML { summary["tldr"] = tldrHTML }
        let minutes = max(1, (body.wordCount + 219) / 220)
        summary["reading_minutes"] = minutes
        summary["reading_time"] = site.strings.count(.minRead, Int64(minutes))
        let launch = site.launch(of: article)
        if let countdown = article.countdown {
            summary["countdown"] = component(CountdownWidget.template, CountdownWidget(countdown: countdown, now: site.now).context(site.strings))
        } else if let launch {
            summary["countdown"] = component(CountdownWidget.template, CountdownWidget.context(of: launch, now: site.now, site.strings))
        }
        if let launch {
            summary["launch"] = ["name": launch.name, "url": site.url(of: launch), "status_line": LaunchClock(launch: launch, now: site.now).statusLine(site.strings)]
        }
        let related = site.related[position].map(listItem)
        summary["related"] = related
        let log = zip(article.updates, updates).map { update, html -> [String: Any] in
            ["date": update.date.iso8601, "date_display": site.strings.longDay(update.date), "note_html": html]
        }
        if let newest = log.first { summary["update"] = newest }
        summary["earlier_updates"] = Array(log.dropFirst())
        summary["images"] = images
        if let toc = tableOfContents(body, asked: article.toc) { summary["toc"] = toc }
        if let extra = article.extra { summary["extra"] = extra.mustache }
        if let hero = share?.heroes[position] {
            summary["hero"] = hero.published.picture.context.merging(["alt": hero.alt, "html": hero.published.picture.html(alt: hero.alt)]) { $1 }
        }
        let shareImage = share?.image(forArticle: position)

        var articleObject = articleJSONLD(article, description: description)
        if let coverage = article.live { liveJSONLD(&articleObject, coverage, feed: body.liveFeed, canonical: site.absolute(site.url(of: article))) }
        if let shareImage {
            articleObject["image"] = ["@type": "ImageObject", "url": shareImage.url, "width": ShareCard.width, "height": ShareCard.height]
        }
        var jsonLD = [JSONLD.script(articleObject), JSONLD.script(breadcrumbs(article))]
        if let faq = body.faq { jsonLD.append(JSONLD.script(faq.jsonLD)) }
        var scripts = body.scripts.compactMap { assetURLs[$0] }
        // Its own badge, or a related read's.
        if summary["live"] != nil || !liveScripts(related).isEmpty, let script = assetURLs[Self.liveScript] { scripts.append(script) }
        let page = inLanguages(PageHead(
            title: "\(article.title) · \(site.config.title)",
            // Link previews show the site's name apart (og:site_name): the title alone.
            shareTitle: article.title,
            // An article without one (a warning) is described by the site, as pages are.
            description: description.isEmpty ? site.config.description : description,
            canonical: site.absolute(site.url(of: article)), kind: .article,
            published: article.date.iso8601, modified: article.updated?.iso8601,
            preview: article.draft || article.date > site.now, image: shareImage,
            jsonLD: jsonLD, scripts: scripts), versions: site.translations[article.path])
        let data = article.live.map { liveData(article, $0, feed: body.liveFeed ?? LiveFeed(entries: []), entryHTML: live?.entries ?? []) }
        return (render("article", ["page": page.context, "article": summary]), (tldrHTML ?? "") + bodyHTML, data)
    }

    /// `<slug>/index.html` of a standalone page (`page.mustache`).
    package func standalone(_ page: StandalonePage, body: ArticleBody) -> String {
        var content: [String: Any] = [
            "title": page.title, "url": site.url(of: page), "body": render(body.parts),
        ]
        if let tldr = body.tldr { content["tldr"] = component(TLDR.template, tldr.context) }
        if let updated = page.updated {
            content["updated"] = updated.iso8601
            content["updated_display"] = site.strings.longDay(updated)
        }
        if let toc = tableOfContents(body, asked: page.toc) { content["toc"] = toc }
        let head = inLanguages(PageHead(
            title: "\(page.title) · \(site.config.title)", shareTitle: page.title,
            description: page.description ?? body.tldr?.text ?? site.config.description,
            canonical: site.absolute(site.url(of: page)),
            preview: page.draft, image: shareImage(of: page), scripts: body.scripts.compactMap { assetURLs[$0] }),
            versions: site.translations[page.path])
        return render("page", ["page": head.context, "standalone": content])
    }

    /// A standalone page's share image: its own card.
    package func shareImage(of page: StandalonePage) -> ShareImages.Image? {
        share?.image(forPage: page)
    }

    /// `toc`: the h2/h3 headings, when the front matter (else site.yml's `toc:`) asks and there are two or more.
    func tableOfContents(_ body: ArticleBody, asked: Bool?) -> [String: Any]? {
        guard asked ?? site.config.toc else { return nil }
        let contents = body.contents
        guard contents.count >= 2 else { return nil }
        return ["items": contents.map { ["id": $0.id, "text": $0.text, "level": $0.level] as [String: Any] }]
    }

    /// The front matter's description, else the first TL;DR's text.
    package func description(of article: Article, body: ArticleBody) -> String {
        article.description ?? body.tldr?.text ?? ""
    }

    // MARK: Rendering

    /// - Parameter live: the live entries' section, when made already (`liveSection`).
    func render(_ parts: [BodyPart], live: String? = nil) -> String {
        var html = ""
        for part in parts {
            switch part {
            case .html(let text): html += text
            case .heading(let heading): html += heading.html
            case .tldr(let tldr): html += component(TLDR.template, tldr.context)
            case .table(let table): html += component(Table.template, table.context)
            case .faq(let faq): html += component(FAQ.template, faq.context)
            case .sources(let sources): html += component(Sources.template, sources.context)
            case .countdown(let widget): html += component(CountdownWidget.template, widget.context(site.strings))
            case .component(let placed): html += component(placed.template, placed.context)
            case .live(let feed): html += live ?? liveSection(feed, coverage: [:]).html
            }
        }
        return html
    }

    /// Renders a component's template with its own context only (components do not read `site`).
    func component(_ template: String, _ context: [String: Any]) -> String {
        var context = context
        context["i18n"] = words
        return renderTemplate(template, context)
    }

    /// Renders a template with the site context under `site`.
    func render(_ template: String, _ context: [String: Any]) -> String {
        var context = context
        context["site"] = siteContext
        context["i18n"] = words
        return renderTemplate(template, context)
    }

    private func renderTemplate(_ name: String, _ context: [String: Any]) -> String {
        contextLog?.record(name, context)
        if let compiled { return compiled.render(context, withTemplate: name) ?? "" }
        return library.render(context, withTemplate: name) ?? ""
    }
}
