import Foundation

/// Builds the site graph from parsed articles; every problem is collected.
package enum Resolver {
    static let maxRelated = 3

    /// How two paths that read the same differ, when they differ only in how their letters are
    /// encoded (`é` as one character, or as `e` and a combining accent); nil otherwise.
    static func encodingTwins(_ path: String, _ other: String) -> String? {
        guard path == other, !path.utf8.elementsEqual(other.utf8) else { return nil }
        func form(_ text: String) -> String {
            if text.utf8.elementsEqual(text.precomposedStringWithCanonicalMapping.utf8) { return "composed (NFC)" }
            if text.utf8.elementsEqual(text.decomposedStringWithCanonicalMapping.utf8) { return "decomposed (NFD)" }
            return "mixed"
        }
        return "the two file names look the same but their letters are encoded differently (this one \(form(path)), that one \(form(other)))"
    }

    /// - Parameter unparsedSlugs: slugs the files that failed to parse would likely have; a
    ///   `related:` naming one is not reported (the file's own error is).
    package static func resolve(
        config: SiteConfig, articles all: [Article], now: Timestamp, drafts: Bool, future: Bool, unparsedSlugs: Set<String> = []
    ) -> (Site, [Diagnostic]) {
        let (resolution, problems) = resolution(config: config, articles: all, now: now, drafts: drafts, future: future, unparsedSlugs: unparsedSlugs)
        return (site(config: config, articles: all, now: now, drafts: drafts, future: future, resolution: resolution), problems)
    }

    /// The site `resolution` describes (made by `resolution(…)` from the same articles, with the
    /// same ones published): only the articles are copied.
    package static func site(config: SiteConfig, articles all: [Article], now: Timestamp, drafts: Bool, future: Bool, resolution: Resolution) -> Site {
        var site = Site(config: config, now: now, articles: resolution.order.map { all[$0] }, related: resolution.related, tags: resolution.tags)
        site.futureDates = all.compactMap { $0.date > now ? $0.date : nil }
        site.byAuthor = resolution.byAuthor
        let scheduled = future ? [] : all.filter { !$0.draft && $0.date > now }
        site.heldBack = Site.HeldBack(
            drafts: drafts ? 0 : all.filter(\.draft).count, scheduled: scheduled.count, nextDue: scheduled.map(\.date).min())
        return site
    }

    /// Whether an article is published by a build at `now` (with `--drafts`, `--future`).
    package static func isPublished(_ article: Article, now: Timestamp, drafts: Bool, future: Bool) -> Bool {
        (drafts || !article.draft) && (future || article.date <= now)
    }

    /// The order, tags, related reads and authors of `all`, and every problem with them.
    package static func resolution(
        config: SiteConfig, articles all: [Article], now: Timestamp, drafts: Bool, future: Bool, unparsedSlugs: Set<String> = []
    ) -> (Resolution, [Diagnostic]) {
        var problems: [Diagnostic] = []
        // Each slug's first article (an index into `all`: at 100,000 articles a copy of each costs a second).
        var owner: [String: Int] = [:]
        owner.reserveCapacity(all.count)
        for (number, article) in all.enumerated() {
            // One lookup for the usual new slug; a repeated one gets its first article back.
            if let first = owner.updateValue(number, forKey: article.slug) {
                owner[article.slug] = first
                let other = all[first].path
                if let twin = Self.encodingTwins(article.path, other) {
                    problems.append(.error(article.path, article.slugLine, "slug '\(article.slug)' is already used by \(other): \(twin); keep one of them"))
                } else {
                    problems.append(.error(article.path, article.slugLine, "slug '\(article.slug)' is already used by \(other); set a different `slug:`"))
                }
            }
        }
        // Newest first, by slug among equals: positions are sorted (dates read from one array), each article copied once.
        let dates = all.map(\.date)
        let order = all.indices
            .filter { isPublished(all[$0], now: now, drafts: drafts, future: future) }
            .sorted { dates[$0] != dates[$1] ? dates[$0] > dates[$1] : all[$0].slug < all[$1].slug }
        let published = order.map { all[$0] }
        // Each article's place among the published (-1: not published).
        var place = [Int](repeating: -1, count: all.count)
        for (position, number) in order.enumerated() { place[number] = position }

        var tagNumbers: [String: Int] = [:]
        var tagList: [Site.Tag] = []
        for (position, article) in published.enumerated() {
            for (name, slug) in zip(article.tags, article.tagSlugs) {
                guard !slug.isEmpty else { continue }  // refused at its line by the front matter's parser
                let number = tagNumbers[slug] ?? {
                    tagList.append(Site.Tag(name: name, slug: slug, articles: []))
                    tagNumbers[slug] = tagList.count - 1
                    return tagList.count - 1
                }()
                if tagList[number].articles.last != position { tagList[number].articles.append(position) }
            }
        }
        // Related reads by shared tags, for the articles without `related:` (on every core).
        let byTags: [[Int]]
        if published.contains(where: { $0.related == nil }) {
            let overlap = TagOverlap(tagsOf: published.map { $0.tagSlugs.compactMap { tagNumbers[$0] } }, members: tagList.map(\.articles))
            let articles = published
            byTags = parallelMap(published.count) { articles[$0].related == nil ? overlap.related(to: $0, limit: maxRelated) : [] }
        } else {
            byTags = []
        }
        var slugNames: NameIndex?  // made on the first slug that names no article
        var related: [[Int]] = []
        related.reserveCapacity(published.count)
        for (position, article) in published.enumerated() {
            if let slugs = article.related {
                var picks: [Int] = []
                for slug in Self.firstOfEach(slugs) {
                    if let other = owner[slug] {
                        let other = place[other]
                        if other >= 0, other != position, !picks.contains(other) { picks.append(other) }
                    } else if !unparsedSlugs.contains(slug) {
                        var message = "related: no article has the slug '\(slug)'"
                        if slugNames == nil { slugNames = NameIndex(owner.keys.sorted()) }
                        if let guess = slugNames?.closest(to: slug) { message += "; did you mean '\(guess)'?" }
                        problems.append(.error(article.path, article.relatedLine, message))
                    }
                }
                related.append(picks)
            } else {
                related.append(byTags[position])
            }
        }
        // Authors named in front matter must be keys of site.yml's `authors:`.
        var byAuthor: [String: [Int]] = [:]
        let authorKeys = config.authors.keys.sorted()
        for article in all where !article.authors.isEmpty {
            for key in article.authors where config.authors[key] == nil {
                var message = config.authors.isEmpty
                    ? "author '\(key)': site.yml has no `authors:` to name (add `authors: {\(key): {name: Full Name}}`)"
                    : "author '\(key)' is not in site.yml's `authors:`"
                if let guess = closest(to: key, in: authorKeys) { message += "; did you mean '\(guess)'?" }
                problems.append(.error(article.path, article.authorsLine, message))
            }
        }
        for (position, article) in published.enumerated() where !article.authors.isEmpty {
            for key in firstOfEach(article.authors) where config.authors[key] != nil { byAuthor[key, default: []].append(position) }
        }
        // Author positions were added in order.
        return (Resolution(order: order, related: related, tags: tagList.sorted { $0.slug < $1.slug }, byAuthor: byAuthor), problems)
    }

    /// `items` (slugs, keys, tag numbers) without repeats, in their order (a set only for long lists: most hold two or three).
    static func firstOfEach<Item: Hashable>(_ items: [Item]) -> [Item] {
        guard items.count > 8 else { return items.enumerated().filter { !items[..<$0.offset].contains($0.element) }.map(\.element) }
        var seen: Set<Item> = []
        return items.filter { seen.insert($0).inserted }
    }
}
