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
        var problems: [Diagnostic] = []
        // Each slug's file (paths, not articles: at 100,000 articles copies of these cost a second).
        var bySlug: [String: String] = [:]
        bySlug.reserveCapacity(all.count)
        for article in all {
            if let other = bySlug[article.slug] {
                if let twin = Self.encodingTwins(article.path, other) {
                    problems.append(.error(article.path, article.slugLine, "slug '\(article.slug)' is already used by \(other): \(twin); keep one of them"))
                } else {
                    problems.append(.error(article.path, article.slugLine, "slug '\(article.slug)' is already used by \(other); set a different `slug:`"))
                }
            } else {
                bySlug[article.slug] = article.path
            }
        }
        // Newest first, by slug among equals: positions are sorted, each article is copied once.
        let order = all.indices
            .filter { (drafts || !all[$0].draft) && (future || all[$0].date <= now) }
            .sorted { (all[$0].date, all[$1].slug) > (all[$1].date, all[$0].slug) }
        let published = order.map { all[$0] }
        var index: [String: Int] = [:]
        for (position, article) in published.enumerated() where index[article.slug] == nil {
            index[article.slug] = position
        }

        var tagsBySlug: [String: Site.Tag] = [:]
        for (position, article) in published.enumerated() {
            for (name, slug) in zip(article.tags, article.tagSlugs) {
                guard !slug.isEmpty else { continue }  // refused at its line by the front matter's parser
                if tagsBySlug[slug] == nil { tagsBySlug[slug] = Site.Tag(name: name, slug: slug, articles: []) }
                if tagsBySlug[slug]!.articles.last != position { tagsBySlug[slug]!.articles.append(position) }
            }
        }

        // Each article's tags as a set, for those without `related:` (none of 100,000 sets when all set it).
        let tagSlugs = published.contains { $0.related == nil } ? published.map { Set($0.tagSlugs) } : []
        var slugNames: NameIndex?  // made on the first slug that names no article
        var related: [[Int]] = []
        for (position, article) in published.enumerated() {
            if let slugs = article.related {
                var picks: [Int] = []
                var asked: Set<String> = []
                for slug in slugs where asked.insert(slug).inserted {
                    if let other = index[slug] {
                        if other != position, !picks.contains(other) { picks.append(other) }
                    } else if bySlug[slug] == nil, !unparsedSlugs.contains(slug) {
                        var message = "related: no article has the slug '\(slug)'"
                        if slugNames == nil { slugNames = NameIndex(bySlug.keys.sorted()) }
                        if let guess = slugNames?.closest(to: slug) { message += "; did you mean '\(guess)'?" }
                        problems.append(.error(article.path, article.relatedLine, message))
                    }
                }
                related.append(picks)
            } else {
                related.append(relatedByTags(position, tagSlugs: tagSlugs, tags: tagsBySlug))
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
            for key in Set(article.authors) where config.authors[key] != nil { byAuthor[key, default: []].append(position) }
        }
        let tags = tagsBySlug.values.sorted { $0.slug < $1.slug }
        var site = Site(config: config, now: now, articles: published, index: index, related: related, tags: tags)
        site.futureDates = all.map(\.date).filter { $0 > now }
        site.byAuthor = byAuthor.mapValues { $0.sorted() }
        let scheduled = future ? [] : all.filter { !$0.draft && $0.date > now }
        site.heldBack = Site.HeldBack(
            drafts: drafts ? 0 : all.filter(\.draft).count, scheduled: scheduled.count, nextDue: scheduled.map(\.date).min())
        return (site, problems)
    }

    /// Up to three articles sharing the most tags with `position`, newest first among equals.
    static func relatedByTags(_ position: Int, tagSlugs: [Set<String>], tags: [String: Site.Tag]) -> [Int] {
        var shared: [Int: Int] = [:]
        for slug in tagSlugs[position] {
            for other in tags[slug]?.articles ?? [] where other != position {
                shared[other, default: 0] += 1
            }
        }
        // Articles are newest first, so a lower index is newer.
        return shared.sorted { ($0.value, -$0.key) > ($1.value, -$1.key) }.prefix(maxRelated).map(\.key)
    }
}
