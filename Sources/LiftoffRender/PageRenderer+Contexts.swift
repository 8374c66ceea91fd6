import LiftoffModel

/// What templates read of articles and pages: summaries, share images, JSON-LD.
extension PageRenderer {
    /// An article's tags as chips: one a tag (`Countdown` and `countdown` are one tag, shown as the
    /// article first writes it: a page never depends on another article's spelling).
    func chips(_ article: Article) -> [[String: Any]] {
        var seen: Set<String> = []
        return zip(article.tags, article.tagSlugs).compactMap { name, slug in
            guard !slug.isEmpty, seen.insert(slug).inserted else { return nil }
            return ["name": name, "url": site.url(ofTag: slug)]
        }
    }

    /// A page of the site as a whole (home, lists, tags, 404), shared with the site's card.
    func sitePage(_ page: PageHead) -> PageHead {
        var page = page
        page.image = share?.siteImage
        return page
    }

    /// What lists and cards show of an article.
    func summary(_ position: Int) -> [String: Any] {
        let article = site.articles[position]
        var summary: [String: Any] = [
            "title": article.title,
            "url": site.url(of: article),
            "date": article.date.iso8601,
            "date_display": site.strings.longDay(article.date),
            "tags": chips(article),
        ]
        if let description = article.description { summary["description"] = description }
        // An update the same day (a live article's entries) is not news beside the date.
        if let updated = article.updated, updated.dayNumber != article.date.dayNumber {
            summary["updated"] = updated.iso8601
            summary["updated_display"] = site.strings.longDay(updated)
        }
        if article.draft { summary["draft"] = true }
        if let live = article.live, live.isLive(at: site.now) {
            // A badge, which live.js takes away at the end of coverage.
            summary["live"] = live.end.map { ["until": $0.iso8601] } ?? ["open": true]
        }
        let authors = article.authors.compactMap { site.config.authors[$0] }
        if !authors.isEmpty {
            let links = authors.map { "<a href=\"\(HTMLEscaping.escape(site.url(ofAuthor: $0.key)))\">\(HTMLEscaping.escape($0.name))</a>" }
            // The words around the links escaped, the links put in after (a marker holds their places).
            let marker = "\u{1}"
            let joined = links.count == 1 ? marker + "0" : HTML.escape(site.strings.text(.listAnd, [
                "list": (0..<links.count - 1).map { marker + String($0) }.joined(separator: ", "), "last": marker + String(links.count - 1),
            ]))
            var byline = HTML.escape(site.strings.text(.byline, ["authors": marker + "A"])).replacingOccurrences(of: marker + "A", with: joined)
            for (index, link) in links.enumerated().reversed() { byline = byline.replacingOccurrences(of: marker + String(index), with: link) }
            summary["byline_html"] = byline
            summary["authors"] = authors.map { ["name": $0.name, "url": site.url(ofAuthor: $0.key)] }
        }
        if let hero = share?.heroes[position] {
            // A thumbnail beside the card's text: lazy, and as wide as a card of the grid.
            var picture = hero.published.picture
            picture.eager = false
            picture.sizes = Self.cardImageSizes
            summary["image"] = picture.context.merging(["html": picture.html(alt: "")]) { $1 }
        }
        return summary
    }

    /// schema.org `BreadcrumbList`: Home › Articles › the article.
    func breadcrumbs(_ article: Article) -> [String: Any] {
        let trail = [
            (site.config.title, site.homeURL),
            ("Articles", site.absolute(site.base + SiteLayout.articlesFolder)),
            (article.title, site.absolute(site.url(of: article))),
        ]
        return [
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": trail.enumerated().map { index, item in
                ["@type": "ListItem", "position": index + 1, "name": item.0, "item": item.1] as [String: Any]
            },
        ]
    }

    func articleJSONLD(_ article: Article, description: String) -> [String: Any] {
        var object: [String: Any] = [
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": article.title,
            "datePublished": article.date.iso8601,
            "dateModified": (article.updated ?? article.date).iso8601,
            "mainEntityOfPage": site.absolute(site.url(of: article)),
            "publisher": ["@type": "Organization", "name": site.config.title],
        ]
        if !description.isEmpty { object["description"] = description }
        let people = article.authors.compactMap { site.config.authors[$0] }
        if !people.isEmpty {
            object["author"] = people.map { person -> [String: Any] in
                ["@type": "Person", "name": person.name, "url": person.url ?? site.absolute(site.url(ofAuthor: person.key))]
            }
        } else if !site.config.author.isEmpty {
            object["author"] = ["@type": "Organization", "name": site.config.author]
        }
        return object
    }
}
