import LiftoffModel

/// The pages of the site as a whole: home, the paginated lists, the tag index, search and 404.
extension PageRenderer {
    /// `index.html`: the site countdown and the latest articles.
    package func home() -> String {
        let latest = (0..<min(Self.homeCount, site.articles.count)).map(listItem)
        // Articles live at the build's clock, above the latest.
        let live = site.articles.indices.filter { site.articles[$0].live?.isLive(at: site.now) == true }.map(listItem)
        var page = inLanguages(sitePage(PageHead(title: site.config.title, description: site.config.description, canonical: site.homeURL)), sharedPath: "")
        page.scripts = liveScripts(live)
        var context: [String: Any] = ["page": page.context, "articles": latest]
        if !live.isEmpty { context["live_now"] = ["articles": live] }
        if site.articles.count > Self.homeCount { context["more"] = true }
        return render("home", context)
    }

    /// Every page of the paginated lists: `articles/`, `articles/page/2/`, …, then each tag's
    /// `tags/<slug>/`, `tags/<slug>/page/2/`, … (rendered later, each on its own, by `render(_:)`).
    package func listPages() -> [ListPage] {
        var pages = paginate(Array(site.articles.indices), folder: site.home + SiteLayout.articlesFolder, heading: site.strings.text(.allArticles))
        for tag in site.tags {
            pages += paginate(tag.articles, folder: site.home + "tags/\(tag.slug)/", heading: site.strings.text(.tagged, ["name": tag.name]))
        }
        for (key, articles) in site.byAuthor.sorted(by: { $0.key < $1.key }) {
            guard let author = site.config.authors[key] else { continue }
            pages += paginate(articles, folder: site.home + "authors/\(key)/", heading: site.strings.text(.articlesBy, ["name": author.name])).map {
                var page = $0
                page.intro = author.bio
                page.avatar = avatars[key]
                return page
            }
        }
        return pages
    }

    /// `tags/index.html`: every tag with its count.
    package func tagIndex() -> String {
        let tags = site.tags.map { tag -> [String: Any] in
            let count = tag.articles.count
            return ["name": tag.name, "url": site.url(ofTag: tag.slug), "count": count, "one": count == 1,
                    "count_text": site.strings.count(.tagArticles, Int64(count))]
        }
        let page = inLanguages(sitePage(PageHead(
            title: site.strings.text(.tagsTitle, ["site": site.config.title]),
            description: site.strings.text(.tagsDescription, ["site": site.config.title]),
            canonical: site.absolute(site.base + "tags/"))), sharedPath: "tags/")
        return render("tags", ["page": page.context, "tags": tags])
    }

    /// `search/index.html`: the search page (search.js fills it; without JavaScript it points to the lists).
    package func searchPage() -> String {
        let page = inLanguages(sitePage(PageHead(
            title: site.strings.text(.searchTitle, ["site": site.config.title]), description: site.config.description,
            canonical: site.absolute(site.base + "search/"), noindex: true)), versions: nil)
        return render("search", ["page": page.context])
    }

    /// `404.html`: every link in it is absolute from the site root, so it works at any depth.
    package func notFound() -> String {
        let page = inLanguages(sitePage(PageHead(
            title: site.strings.text(.notFoundTitle, ["site": site.config.title]), description: site.config.description,
            canonical: site.homeURL, noindex: true)), versions: nil)
        return render("404", ["page": page.context])
    }

    /// live.js, on a page that shows a live article's card (its badge goes at the end of coverage).
    func liveScripts(_ items: [[String: Any]]) -> [String] {
        guard items.contains(where: { $0["live"] != nil }), let script = assetURLs[Self.liveScript] else { return [] }
        return [script]
    }

    /// Splits `items` into pages of `per_page`.
    func paginate(_ items: [Int], folder: String, heading: String) -> [ListPage] {
        let perPage = site.config.perPage
        let count = max(1, (items.count + perPage - 1) / perPage)
        return (1...count).map { number in
            ListPage(
                folder: folder, number: number, count: count, heading: heading,
                items: Array(items.dropFirst((number - 1) * perPage).prefix(perPage)), members: items)
        }
    }

    /// One page of a list, with previous/next links.
    package func render(_ list: ListPage) -> String {
        let base = site.config.basePath
        let numbers = ["page": site.strings.language.number(Int64(list.number)), "pages": site.strings.language.number(Int64(list.count))]
        let label = site.strings.text(.pageOf, numbers)
        var pagination: [String: Any] = ["current": list.number, "total": list.count, "label": label]
        if list.number > 1 { pagination["prev"] = base + list.folderPath(list.number - 1) }
        if list.number < list.count { pagination["next"] = base + list.folderPath(list.number + 1) }
        let suffix = list.number > 1 ? " (\(site.strings.text(.pageOfTitle, numbers)))" : ""
        // All articles' first page is in every language; a tag's or an author's pages are in theirs.
        let shared = list.number == 1 && list.folder == site.home + SiteLayout.articlesFolder
        let head = sitePage(PageHead(
            title: "\(list.heading)\(suffix) · \(site.config.title)", description: site.config.description,
            canonical: site.absolute(base + list.folderPath(list.number))))
        var page = shared ? inLanguages(head, sharedPath: SiteLayout.articlesFolder) : inLanguages(head, versions: nil)
        let items = list.items.map(listItem)
        page.scripts = liveScripts(items)
        var context: [String: Any] = [
            "page": page.context, "heading": list.heading, "intro": list.intro ?? false, "avatar": list.avatar ?? false,
            "articles": items,
            "pagination": list.count > 1 ? pagination : false,
        ]
        // A tag's pages link its own feed.
        if list.folder.hasPrefix(site.home + "tags/") { context["feed"] = base + list.folder + "feed.xml" }
        return render("list", context)
    }
}

/// One page of a paginated list of articles (all articles, or one tag's).
package struct ListPage: Sendable {
    /// `articles/` or `tags/<slug>/`
    package var folder: String
    /// 1-based page number, and the number of pages.
    package var number: Int
    package var count: Int
    package var heading: String
    /// The articles on this page, and in the whole list (positions in `Site.articles`).
    package var items: [Int]
    package var members: [Int]
    /// A line under the heading (an author's bio), and an image beside it (their avatar's markup).
    var intro: String?
    var avatar: String?

    /// `articles/`, `articles/page/2/`, …
    package func folderPath(_ number: Int) -> String {
        number == 1 ? folder : folder + "page/\(number)/"
    }

    package var path: String { folderPath(number) + "index.html" }
}
