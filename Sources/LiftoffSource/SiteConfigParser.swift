import Yams
import LiftoffModel

package enum SiteConfigParser {
    static let keys = [
        "title", "description", "base_url", "language", "author", "countdown", "per_page",
        "markdown", "newsletter", "footer", "images", "cards", "toc", "search", "menu", "authors",
        "languages", "default_language_in_folder",
    ]

    /// Decodes `site.yml`; every problem is returned, with its line.
    static func parse(_ text: String, path: String = "site.yml") -> Result<SiteConfig, BuildFailure> {
        let (config, problems) = read(text, path: path)
        guard let config, problems.isEmpty else { return .failure(BuildFailure(problems)) }
        return .success(config)
    }

    /// The settings, each value that has a problem replaced by its default, and the problems: a
    /// build with a wrong setting still checks the content (every problem at once). No settings
    /// when the YAML itself cannot be read.
    package static func read(_ text: String, path: String = "site.yml") -> (SiteConfig?, [Diagnostic]) {
        let node: Node
        switch composeYAML(text, path: path, lineOffset: 0, what: "site.yml") {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(nil): return (nil, [.error(path, 1, "site.yml is empty; it needs at least `title:` and `base_url:`")])
        case .success(let value?): node = value
        }
        var fields = YAMLFields(node, known: keys, path: path, lineOffset: 0, what: "site.yml")

        let title = fields.string("title")
        if fields.node("title") == nil { fields.fail("title", "missing key 'title'") }
        var baseURL = fields.string("base_url")
        if fields.node("base_url") == nil {
            fields.fail("base_url", "missing key 'base_url' (e.g. `base_url: https://example.org/`)")
        }
        if let url = baseURL {
            baseURL = SiteURLs.baseURL(url)
            if baseURL == nil { fields.fail("base_url", "'base_url' must be \(SiteURLs.baseURLExample); got '\(url)'") }
        }

        var markdown = SiteConfig.MarkdownSettings()
        if var nested = fields.nested("markdown", known: ["unsafe_html", "smart_punctuation", "highlight"], what: "site.yml: markdown") {
            markdown.unsafeHTML = nested.bool("unsafe_html") ?? false
            markdown.smartPunctuation = nested.bool("smart_punctuation") ?? true
            markdown.highlight = nested.bool("highlight") ?? true
            fields.absorb(nested)
        }
        var newsletter: Newsletter?
        if var nested = fields.nested("newsletter", known: Newsletter.keys, what: "site.yml: newsletter") {
            newsletter = Newsletter.read(&nested)
            fields.absorb(nested)
        }
        var images = ImageSettings()
        if var nested = fields.nested("images", known: ImageSettings.keys, what: "site.yml: images") {
            images = ImageSettings.read(&nested)
            fields.absorb(nested)
        }
        let cards = CardSettings.read(&fields)
        // `countdown: gpt-image-2` names a launch; `countdown: {target, label}` is a countdown of its own.
        let launchKey = fields.node("countdown")?.scalar != nil ? fields.string("countdown") : nil
        let countdown = launchKey == nil ? CountdownParser.parse(&fields, key: "countdown") : nil
        var config = SiteConfig(
            title: title ?? "",
            description: fields.string("description") ?? "",
            baseURL: baseURL ?? "http://localhost/",
            language: language(&fields),
            author: fields.string("author") ?? "",
            countdown: countdown,
            perPage: fields.int("per_page", in: 1...10_000) ?? 20,
            markdown: markdown,
            newsletter: newsletter,
            footer: fields.string("footer") ?? ""
        )
        config.images = images
        if let launchKey { (config.countdownLaunch, config.countdownLaunchLine) = (launchKey, fields.line(of: "countdown")) }
        config.cards = cards
        config.toc = fields.bool("toc") ?? false
        config.search = fields.bool("search") ?? true
        config.menu = menu(&fields)
        config.authors = authors(&fields)
        config.authorsLine = fields.line(of: "authors")
        config.languages = languages(&fields, default: config.language)
        config.defaultLanguageInFolder = fields.bool("default_language_in_folder") ?? false
        return (config, fields.diagnostics)
    }
}

extension SiteConfigParser {
    /// `language:`: a BCP 47 tag (`en`, `en-US`, `pt-BR`), written into every page's `lang` and the feed.
    static func language(_ fields: inout YAMLFields) -> String {
        guard let text = fields.string("language") else { return "en" }
        guard Language(text) != nil else {
            let hint = text.contains("_") ? "; did you mean '\(text.replacingOccurrences(of: "_", with: "-"))'?" : ""
            fields.fail("language", "'language' must be a language tag such as en, en-US or pt-BR; got '\(text)'\(hint)")
            return "en"
        }
        return text
    }

    /// `authors:` — key → `{name, bio, url}`; a key is a slug (it names `/authors/<key>/`).
    static func authors(_ fields: inout YAMLFields) -> [String: SiteConfig.Author] {
        guard let node = fields.node("authors") else { return [:] }
        guard let mapping = node.mapping else {
            fields.fail("authors", "'authors' must map keys to authors, like `authors: {maya: {name: Maya Chen}}`")
            return [:]
        }
        var authors: [String: SiteConfig.Author] = [:]
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let line = (keyNode.mark?.line ?? fields.line(of: "authors")) + fields.lineOffset
            var entry = YAMLFields(value, known: ["name", "bio", "url", "avatar"], path: fields.path, lineOffset: fields.lineOffset,
                                   what: "site.yml: authors: \(key)", line: line)
            if let problem = Slug.problem(key) { entry.fail("name", "the key '\(key)' \(problem) (it is the address /authors/\(key)/)") }
            let name = entry.string("name") ?? ""
            if name.trimmingSpaces.isEmpty { entry.fail("name", "each author needs a `name:`") }
            let url = entry.string("url")
            if let url, SiteURLs.formAction(url) == nil { entry.fail("url", "'url' must be an http:// or https:// URL; got '\(url)'") }
            var author = SiteConfig.Author(key: key, name: name, bio: entry.string("bio"), url: url)
            if let avatar = entry.string("avatar") {
                if avatar.hasPrefix("content/"), !avatar.split(separator: "/").contains("..") {
                    (author.avatar, author.avatarLine) = (avatar, entry.line(of: "avatar"))
                } else {
                    entry.fail("avatar", "'avatar' must be an image under content/, like `avatar: content/authors/\(key).jpg`")
                }
            }
            fields.absorb(entry)
            authors[key] = author
        }
        return authors
    }

    /// `menu:` — a list of `{title, page}` or `{title, url}`.
    /// `languages:` — tag → `{title, description, menu, footer, newsletter: {title, text, button}}`
    /// (each may be empty: `fr: {}`).
    static func languages(_ fields: inout YAMLFields, default defaultTag: String) -> [SiteConfig.LanguageSettings] {
        guard let node = fields.node("languages") else { return [] }
        guard let mapping = node.mapping else {
            fields.fail("languages", "'languages' must be a mapping of language tags, like `languages: {fr: {title: …}}`")
            return []
        }
        var result: [SiteConfig.LanguageSettings] = []
        for (key, value) in mapping {
            let line = (key.mark?.line ?? fields.line(of: "languages")) + fields.lineOffset
            let tag = key.string ?? ""
            guard Language(tag) != nil else {
                let hint = tag.contains("_") ? "; did you mean '\(tag.replacingOccurrences(of: "_", with: "-"))'?" : ""
                fields.fail(line: line, "languages: '\(tag)' is not a language tag such as fr, de or pt-BR\(hint)")
                continue
            }
            if tag == defaultTag {
                fields.fail(line: line, "languages: '\(tag)' is the default language (`language: \(defaultTag)`); list only the others")
                continue
            }
            var settings = SiteConfig.LanguageSettings(tag: tag, line: line)
            if value.scalar?.string == "" || value.scalar?.string == "null" || value.mapping?.isEmpty == true {
                result.append(settings)
                continue
            }
            let known = ["title", "description", "menu", "footer", "newsletter"]
            var item = YAMLFields(value, known: known, path: fields.path, lineOffset: fields.lineOffset, what: "site.yml: languages: \(tag)", line: line)
            settings.title = item.string("title")
            settings.description = item.string("description")
            settings.footer = item.string("footer")
            if item.node("menu") != nil { settings.menu = menu(&item) }
            if var form = item.nested("newsletter", known: ["title", "text", "button"], what: "site.yml: languages: \(tag): newsletter") {
                settings.newsletter = (form.string("title"), form.string("text"), form.string("button"))
                item.absorb(form)
            }
            fields.absorb(item)
            result.append(settings)
        }
        return result
    }

    static func menu(_ fields: inout YAMLFields) -> [SiteConfig.MenuItem] {
        guard let node = fields.node("menu") else { return [] }
        guard let entries = node.sequence else {
            fields.fail("menu", "'menu' must be a list, like `menu: [{title: About, page: about}, {title: Source, url: https://example.org/}]`")
            return []
        }
        var items: [SiteConfig.MenuItem] = []
        for entry in entries {
            let line = (entry.mark?.line ?? fields.line(of: "menu")) + fields.lineOffset
            var item = YAMLFields(entry, known: ["title", "page", "url"], path: fields.path, lineOffset: fields.lineOffset, what: "site.yml: menu", line: line)
            let title = item.string("title") ?? ""
            let page = item.string("page"), url = item.string("url")
            if title.trimmingSpaces.isEmpty { item.fail("title", "each menu entry needs a `title:`") }
            if (page == nil) == (url == nil) { item.fail("title", "each menu entry needs `page:` (a page of content/pages/) or `url:`, one of them") }
            if let url, SiteURLs.formAction(url) == nil {
                item.fail("url", "'url' must be an http:// or https:// URL or a path on this site; got '\(url)'")
            }
            fields.absorb(item)
            items.append(SiteConfig.MenuItem(title: title, page: page, url: url, line: item.line(of: page != nil ? "page" : "url")))
        }
        return items
    }
}

package enum CountdownParser {
    /// Reads `key: 2026-12-01T17:00:00Z` or `key: {target: …, label: …}`.
    static func parse(_ fields: inout YAMLFields, key: String, defaultLabel: String = "Launch") -> Countdown? {
        guard let node = fields.node(key) else { return nil }
        if node.scalar != nil {
            guard let target = fields.timestamp(key) else { return nil }
            return Countdown(target: target, label: defaultLabel)
        }
        guard var nested = fields.nested(key, known: keys, what: "\(fields.what): \(key)") else { return nil }
        defer { fields.absorb(nested) }
        return read(&nested, defaultLabel: defaultLabel)
    }

    package static let keys = ["target", "label"]

    /// Reads `target:` and `label:` from a countdown's own mapping (front matter, site.yml or a
    /// ```` ```countdown ```` block); problems are recorded in `fields`.
    package static func read(_ fields: inout YAMLFields, defaultLabel: String) -> Countdown? {
        let target = fields.timestamp("target")
        if !fields.has("target") { fields.fail("target", "missing 'target' (e.g. `target: 2026-12-01T17:00:00Z`)") }
        let label = fields.string("label") ?? defaultLabel
        return target.map { Countdown(target: $0, label: label) }
    }
}
