import Foundation
import Yams
import LiftoffModel

/// Splits a Markdown file into its YAML front matter and its body.
public struct FrontMatterSplit: Sendable, Equatable {
    /// The YAML between the `---` lines (empty when the file has none).
    public var yaml: String
    /// The Markdown after the closing `---`.
    public var body: String
    /// The file line the body starts on (1-based).
    public var bodyLine: Int

    /// Splits `text`, which must already have its BOM removed and CRLF turned into LF.
    /// - Throws: a diagnostic when the front matter is missing or never closed.
    public static func split(_ text: String, path: String) throws(BuildFailure) -> FrontMatterSplit {
        guard text.hasPrefix("---\n") || text == "---" else {
            let hint = text.trimmingSpaces.isEmpty ? "the file is empty" : "the file does not start with `---`"
            throw BuildFailure(.error(path, 1, "missing front matter: \(hint); start the file with a `---` line, then `title:` and `date:`, then `---`"))
        }
        var line = 1
        // After the opening `---\n` (4 bytes; counting the whole text's characters would cost a pass over it).
        let yamlStart = text == "---" ? text.endIndex : text.utf8.index(text.startIndex, offsetBy: 4)
        var cursor = yamlStart
        while cursor < text.endIndex {
            line += 1
            // Byte-wise: "\n" is one byte, and a UTF-8 index is a String index.
            let lineEnd = text.utf8[cursor...].firstIndex(of: 0x0A) ?? text.endIndex
            let content = text[cursor..<lineEnd]
            if content == "---" || content == "..." || (content.hasPrefix("---") && content.trimmingSpaces == "---") {
                let bodyStart = lineEnd < text.endIndex ? text.utf8.index(after: lineEnd) : text.endIndex
                return FrontMatterSplit(yaml: String(text[yamlStart..<cursor]), body: String(text[bodyStart...]), bodyLine: line + 1)
            }
            cursor = lineEnd < text.endIndex ? text.utf8.index(after: lineEnd) : text.endIndex
        }
        throw BuildFailure(.error(path, 1, "front matter is not closed: add a `---` line after the last key"))
    }
}

/// Decodes front matter into an `Article`.
package enum FrontMatterParser {
    /// What a file without `date:` (and no date in its name) is told.
    package static func missingDate(_ fileName: String) -> String {
        "missing key 'date' (e.g. `date: 2026-11-24`), or name the file `YYYY-MM-DD-\(fileName)`"
    }

    static let keys = ["translation_key", "title", "description", "date", "updated", "tags", "related", "countdown", "draft", "slug", "author", "authors", "aliases", "retired", "share", "image", "image_focus", "launch", "updates", "image_alt", "toc", "extra", "live"]

    /// Reads a whole Markdown file (bytes) into an article, or every problem found in it.
    package static func parse(data: [UInt8], path: String) -> Result<Article, BuildFailure> {
        let (article, problems) = read(data: data, path: path)
        if let article, problems.isEmpty { return .success(article) }
        return .failure(BuildFailure(problems))
    }

    /// The problems of a Markdown file, and the article as far as its front matter could be read:
    /// with a key misspelt or a value of the wrong kind, the article with its valid keys, so that its
    /// body is checked too and every problem of the file is reported at once. Nil when the front
    /// matter cannot be read at all (not UTF-8, not closed, not YAML) or gives the article no address.
    /// - Parameter translation: the file is in a language's folder (`content/fr/…`): without
    ///   `date:` it is `Article.undated`, to take its original's.
    package static func read(data: [UInt8], path: String, translation: Bool = false) -> (article: Article?, problems: [Diagnostic]) {
        switch split(data: data, path: path) {
        case .failure(let failure): return (nil, failure.diagnostics)
        case .success(let split): return read(split, path: path, translation: translation)
        }
    }

    /// A Markdown file's bytes as UTF-8 text (BOM dropped, CRLF made LF), cut into front matter and body.
    package static func split(data: [UInt8], path: String) -> Result<FrontMatterSplit, BuildFailure> {
        guard var text = String(validating: data, as: UTF8.self) else {
            return .failure(BuildFailure(.error(path, firstInvalidUTF8Line(data), "file is not valid UTF-8; save it as UTF-8")))
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if data.withUnsafeBufferPointer({ $0.count > 0 && memchr($0.baseAddress!, 0x0D, $0.count) != nil }) { text = text.replacingCRLF() }
        do { return .success(try FrontMatterSplit.split(text, path: path)) } catch { return .failure(error) }
    }

    /// The front matter's YAML, composed; `empty` says what an empty one lacks.
    static func compose(_ split: FrontMatterSplit, path: String, empty: String) -> Result<Node, BuildFailure> {
        switch composeYAML(split.yaml, path: path, lineOffset: 1, what: "front matter") {
        case .failure(let diagnostic): .failure(BuildFailure(diagnostic))
        case .success(nil): .failure(BuildFailure(.error(path, 1, "front matter is empty: \(empty)")))
        case .success(let value?): .success(value)
        }
    }

    /// A file that is not an article (a page, a launch): its split and its front matter composed.
    static func frontMatter(data: [UInt8], path: String, empty: String) -> Result<(split: FrontMatterSplit, node: Node), BuildFailure> {
        split(data: data, path: path).flatMap { split in compose(split, path: path, empty: empty).map { (split, $0) } }
    }

    static func read(_ split: FrontMatterSplit, path: String, translation: Bool = false) -> (article: Article?, problems: [Diagnostic]) {
        let node: Node
        switch compose(split, path: path, empty: "add `title:` and `date:`") {
        case .failure(let failure): return (nil, failure.diagnostics)
        case .success(let value): node = value
        }
        var fields = YAMLFields(node, known: keys, path: path, lineOffset: 1, what: "front matter")
        let fileName = path.split(separator: "/").last.map(String.init) ?? path
        let stem = fileStem(path)
        let (nameDate, nameSlug) = splitDatePrefix(stem)

        // An empty value (`title:`, `title: ~`) is as good as none.
        let title = fields.string("title")
        if fields.node("title") == nil { fields.fail("title", "missing key 'title'") }
        if let title, title.trimmingSpaces.isEmpty { fields.fail("title", "'title' is empty") }

        var date = fields.timestamp("date")
        if fields.node("date") == nil {
            if let nameDate {
                date = nameDate
            } else if translation {
                date = Article.undated
            } else {
                fields.fail("date", Self.missingDate(fileName))
            }
        }

        var slug = nameSlug
        if let custom = fields.string("slug") {
            if let problem = Slug.problem(custom) {
                fields.fail("slug", "slug '\(custom)' \(problem)")
                slug = Slug.make(nameSlug, limit: Slug.maxLength)
            } else {
                slug = custom
            }
        } else if Slug.problem(slug) != nil {
            let suggestion = Slug.make(slug, limit: Slug.maxLength)
            if suggestion.isEmpty {
                fields.fail("slug", "cannot make a slug from the file name '\(fileName)'; add `slug:` with lower-case letters, digits and '-'")
            }
            slug = suggestion
        }

        let countdown = CountdownParser.parse(&fields, key: "countdown", defaultLabel: title ?? "Launch")
        var article = Article(
            path: path,
            slug: slug,
            // Without a title (an error) the file's name stands in while the rest is checked.
            title: title.flatMap { $0.trimmingSpaces.isEmpty ? nil : $0 } ?? nameSlug,
            // `description: ""` says nothing: as good as none (lists fall back to the TL;DR, else a warning).
            description: fields.string("description").flatMap { $0.trimmingSpaces.isEmpty ? nil : $0 },
            date: date ?? Timestamp(seconds: 0),
            updated: fields.timestamp("updated"),
            tags: fields.stringList("tags", example: "launch, countdown") ?? [],
            related: fields.stringList("related", example: "other-article-slug"),
            relatedLine: fields.line(of: "related"),
            countdown: countdown,
            draft: fields.bool("draft") ?? false,
            extra: fields.node("extra").map(templateValue),
            body: split.body,
            bodyLine: split.bodyLine
        )
        article.slugLine = fields.has("slug") ? fields.line(of: "slug") : 1
        // A tag's page is /tags/<its slug>/: a tag must make one.
        article.tagSlugs = article.tags.map(Slug.make)
        for (index, (tag, slug)) in zip(article.tags, article.tagSlugs).enumerated() {
            if slug.isEmpty {
                fields.fail("tags", item: index, "tag '\(tag)' makes no address (its page is /tags/<slug>/, and slugs hold letters and digits); name it with letters or digits")
            } else if slug.utf8.count > Slug.maxLength {
                fields.fail("tags", item: index, "tag '\(tag.prefix(40))…' is too long for an address; keep a tag to \(Slug.maxLength) characters")
            }
        }
        article.toc = fields.bool("toc")
        if fields.has("author"), fields.has("authors") {
            fields.fail("authors", "use `author: key` or `authors: [key, key]`, not both")
        } else if let one = fields.string("author") {
            (article.authors, article.authorsLine) = ([one], fields.line(of: "author"))
        } else if let many = fields.stringList("authors", example: "maya, sam") {
            (article.authors, article.authorsLine) = (many, fields.line(of: "authors"))
        }
        if let aliases = fields.stringList("aliases", example: "/articles/old-slug/") {
            article.aliasesLine = fields.line(of: "aliases")
            for (index, alias) in aliases.enumerated() {
                if let problem = AliasRule.problem(alias) { fields.fail("aliases", item: index, "alias '\(alias)' \(problem)") }
                else { article.aliases.append(alias) }
            }
        }
        for (index, old) in (fields.stringList("retired", example: "/articles/old-slug/") ?? []).enumerated() {
            if let problem = AliasRule.problem(old) { fields.fail("retired", item: index, "retired path '\(old)' \(problem)") }
            else { article.retired.append(old) }
        }
        if let key = fields.string("translation_key") {
            if key.trimmingSpaces.isEmpty { fields.fail("translation_key", "'translation_key' is empty") }
            else { (article.translationKey, article.translationKeyLine) = (key, fields.line(of: "translation_key")) }
        }
        readUpdates(&fields, into: &article)
        LiveCoverageParser.read(&fields, into: &article)
        if let launch = fields.string("launch") {
            if launch.contains("/") || launch.hasSuffix(".md") {
                fields.fail("launch", "'launch' names a launch by its key, the name of its file in content/launches/ (`launch: gpt-image-2`); got '\(launch)'")
            } else {
                (article.launch, article.launchLine) = (launch, fields.line(of: "launch"))
            }
        }
        if let share = fields.string("share") {
            if share == "card" { article.sharesCard = true }
            else if share != "image" { fields.fail("share", "'share' is `card` (link previews show the drawn card) or `image` (the hero, the default); got '\(share)'") }
        }
        let image = fields.string("image"), imageAlt = fields.string("image_alt")
        if let image {
            if image.trimmingSpaces.isEmpty { fields.fail("image", "'image' is empty: name an image file next to the article, like `image: hero.jpg`") }
            else { article.image = Article.Hero(path: image, alt: imageAlt ?? "", line: fields.line(of: "image")) }
        } else if imageAlt != nil {
            fields.fail("image_alt", "'image_alt' describes the `image:`, and there is none: add `image: hero.jpg` or remove it")
        }
        if let focus = fields.string("image_focus") {
            if article.image == nil {
                fields.fail("image_focus", "'image_focus' places the `image:` in its shared crop, and there is none: add `image: hero.jpg` or remove it")
            } else if let point = Article.Focus(focus) {
                article.image?.focus = point
            } else {
                fields.fail("image_focus", "'image_focus' is top, bottom, left, right, center, or a point across and down such as `30% 20%`; got '\(focus)'")
            }
        }
        return (slug.isEmpty ? nil : article, fields.diagnostics)
    }

    /// `updates:`: a list of `{date, note}`; the newest date becomes the article's `updated`.
    static func readUpdates(_ fields: inout YAMLFields, into article: inout Article) {
        guard let list = fields.node("updates") else { return }
        guard let items = list.sequence else {
            fields.fail("updates", "'updates' must be a list of `{date, note}`, newest or oldest first")
            return
        }
        for (index, item) in items.enumerated() {
            let line = (item.mark?.line ?? 0) + 1
            var entry = YAMLFields(item, known: ["date", "note"], path: article.path, lineOffset: 1, what: "front matter: update \(index + 1)", line: line)
            let date = entry.timestamp("date")
            if !entry.has("date") { entry.fail("date", "missing key 'date'") }
            let note = entry.string("note") ?? ""
            if note.trimmingSpaces.isEmpty { entry.fail("note", "the note is empty: say what changed, in one line") }
            if let date, date < article.date {
                entry.fail("date", "the update (\(date.day)) is dated before the article (\(article.date.day))")
            } else if let date, !note.trimmingSpaces.isEmpty {
                article.updates.append(Article.Update(date: date, note: note, line: line))
            }
            fields.absorb(entry)
        }
        article.updates.sort { $0.date > $1.date }
        if let newest = article.updates.first?.date, article.updated.map({ newest > $0 }) ?? true { article.updated = newest }
    }

    /// `content/2026-11-24-countdown.md` → `2026-11-24-countdown`; `content/countdown/index.md` → `countdown`.
    package static func fileStem(_ path: String) -> String {
        var parts = path.split(separator: "/")
        var name = String(parts.removeLast())
        if name.hasSuffix(".md") { name.removeLast(3) } else if name.hasSuffix(".markdown") { name.removeLast(9) }
        if name == "index", let folder = parts.last { return String(folder) }
        return name
    }

    /// `2026-11-24-countdown` → (that date, `countdown`); other names → (nil, name).
    package static func splitDatePrefix(_ stem: String) -> (Timestamp?, String) {
        guard stem.utf8.count > 11, let date = Timestamp(iso8601: String(stem.prefix(10))),
              stem.dropFirst(10).first == "-"
        else { return (nil, stem) }
        return (date, String(stem.dropFirst(11)))
    }

    static func templateValue(_ node: Node) -> TemplateValue {
        switch node {
        case .scalar(let scalar): return .string(scalar.string)
        case .sequence(let sequence): return .list(sequence.map(templateValue))
        case .mapping(let mapping):
            var values: [String: TemplateValue] = [:]
            for (key, value) in mapping { values[key.string ?? ""] = templateValue(value) }
            return .map(values)
        case .alias: return .string("")
        }
    }

    static func firstInvalidUTF8Line(_ data: [UInt8]) -> Int {
        var line = 1
        var start = 0
        for (index, byte) in data.enumerated() where byte == 10 {
            if String(validating: data[start..<index], as: UTF8.self) == nil { return line }
            line += 1
            start = index + 1
        }
        return line
    }
}

extension String {
    func replacingCRLF() -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        var previousCR = false
        for scalar in unicodeScalars {
            if previousCR, scalar != "\n" { result.unicodeScalars.append("\n") }
            previousCR = scalar == "\r"
            if !previousCR { result.unicodeScalars.append(scalar) }
        }
        if previousCR { result.unicodeScalars.append("\n") }
        return result
    }
}
