import LiftoffModel

/// An article's front matter as bytes, and back: what the build keeps of an unchanged file so that
/// it is neither read nor parsed again (its body is read when its page is made).
///
/// Every stored property of `Article` (and of the types it holds) is written, in declaration
/// order; `ArticleCodingTests` round-trips an article that sets every front matter key.
package enum ArticleCoding {
    package static func encode(_ article: Article, into writer: inout BinaryWriter) {
        writer.string(article.path)
        writer.string(article.slug)
        writer.string(article.title)
        writer.optional(article.description) { $0.string($1) }
        writer.timestamp(article.date)
        writer.optional(article.updated) { $0.timestamp($1) }
        writer.strings(article.tags)
        writer.strings(article.tagSlugs)
        writer.optional(article.related) { $0.strings($1) }
        writer.wide(article.relatedLine)
        writer.optional(article.countdown) { $0.timestamp($1.target); $0.string($1.label) }
        writer.bool(article.draft)
        writer.optional(article.extra) { $0.templateValue($1) }
        writer.wide(article.bodyLine)
        writer.wide(article.slugLine)
        writer.strings(article.authors)
        writer.wide(article.authorsLine)
        writer.strings(article.aliases)
        writer.wide(article.aliasesLine)
        writer.strings(article.retired)
        writer.bool(article.sharesCard)
        writer.optional(article.toc) { $0.bool($1) }
        writer.list(article.updates) { writer, update in
            writer.timestamp(update.date)
            writer.string(update.note)
            writer.wide(update.line)
        }
        writer.optional(article.launch) { $0.string($1) }
        writer.wide(article.launchLine)
        writer.optional(article.image) { writer, hero in
            writer.string(hero.path)
            writer.string(hero.alt)
            writer.wide(hero.line)
            writer.optional(hero.focus) { $0.double($1.x); $0.double($1.y) }
        }
        writer.optional(article.live) { writer, live in
            writer.timestamp(live.start)
            writer.optional(live.end) { $0.timestamp($1) }
            writer.string(live.timeZone)
            writer.wide(live.line)
            writer.list(live.entries) { writer, entry in
                writer.timestamp(entry.time)
                writer.string(entry.headline)
                writer.timestamp(entry.local)
                writer.bool(entry.showsDay)
                writer.wide(entry.line)
                writer.string(entry.id)
            }
            writer.string(live.zoneLabel)
            writer.timestamp(live.startLocal)
            writer.optional(live.endLocal) { $0.timestamp($1) }
        }
        writer.optional(article.translationKey) { $0.string($1) }
        writer.wide(article.translationKeyLine)
    }

    /// The article `encode` wrote, its body empty; nil when the bytes end early.
    package static func decode(_ reader: inout BinaryReader) -> Article? {
        guard let path = reader.string(), let slug = reader.string(), let title = reader.string(),
              let description = reader.optional({ $0.string() }), let date = reader.timestamp(),
              let updated = reader.optional({ $0.timestamp() }), let tags = reader.strings(), let tagSlugs = reader.strings(),
              let related = reader.optional({ $0.strings() }), let relatedLine = reader.wide(),
              let countdown = reader.optional({ (reader: inout BinaryReader) -> Countdown? in
                  guard let target = reader.timestamp(), let label = reader.string() else { return nil }
                  return Countdown(target: target, label: label)
              }),
              let draft = reader.bool(), let extra = reader.optional({ $0.templateValue() }), let bodyLine = reader.wide()
        else { return nil }
        var article = Article(
            path: path, slug: slug, title: title, description: description, date: date, updated: updated, tags: tags, tagSlugs: tagSlugs,
            related: related, relatedLine: relatedLine, countdown: countdown, draft: draft, extra: extra, body: "", bodyLine: bodyLine)
        article.bodyUnread = true
        guard let slugLine = reader.wide(), let authors = reader.strings(), let authorsLine = reader.wide(),
              let aliases = reader.strings(), let aliasesLine = reader.wide(), let retired = reader.strings(),
              let sharesCard = reader.bool(), let toc = reader.optional({ $0.bool() }),
              let updates = reader.list({ (reader: inout BinaryReader) -> Article.Update? in
                  guard let date = reader.timestamp(), let note = reader.string(), let line = reader.wide() else { return nil }
                  return Article.Update(date: date, note: note, line: line)
              })
        else { return nil }
        (article.slugLine, article.authors, article.authorsLine, article.aliases) = (slugLine, authors, authorsLine, aliases)
        (article.aliasesLine, article.retired, article.sharesCard, article.toc) = (aliasesLine, retired, sharesCard, toc)
        article.updates = updates
        guard let launch = reader.optional({ $0.string() }), let launchLine = reader.wide(),
              let image = reader.optional({ (reader: inout BinaryReader) -> Article.Hero? in
                  guard let path = reader.string(), let alt = reader.string(), let line = reader.wide(),
                        let focus = reader.optional({ (reader: inout BinaryReader) -> Article.Focus? in
                            guard let x = reader.double(), let y = reader.double() else { return nil }
                            return Article.Focus(x: x, y: y)
                        })
                  else { return nil }
                  return Article.Hero(path: path, alt: alt, line: line, focus: focus)
              }),
              let live = reader.optional({ decodeLive(&$0) })
        else { return nil }
        (article.launch, article.launchLine, article.image, article.live) = (launch, launchLine, image, live)
        guard let translationKey = reader.optional({ $0.string() }), let translationKeyLine = reader.wide() else { return nil }
        (article.translationKey, article.translationKeyLine) = (translationKey, translationKeyLine)
        return article
    }

    static func decodeLive(_ reader: inout BinaryReader) -> LiveCoverage? {
        guard let start = reader.timestamp(), let end = reader.optional({ $0.timestamp() }), let zone = reader.string(),
              let line = reader.wide(),
              let entries = reader.list({ (reader: inout BinaryReader) -> LiveCoverage.Entry? in
                  guard let time = reader.timestamp(), let headline = reader.string(), let local = reader.timestamp(),
                        let showsDay = reader.bool(), let line = reader.wide(), let id = reader.string()
                  else { return nil }
                  return LiveCoverage.Entry(time: time, headline: headline, local: local, showsDay: showsDay, line: line, id: id)
              })
        else { return nil }
        var live = LiveCoverage(start: start, end: end, timeZone: zone, line: line, entries: entries)
        guard let label = reader.string(), let startLocal = reader.timestamp(), let endLocal = reader.optional({ $0.timestamp() }) else { return nil }
        (live.zoneLabel, live.startLocal, live.endLocal) = (label, startLocal, endLocal)
        return live
    }
}

extension BinaryWriter {
    package mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            number(UInt32(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }
    package mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }
    package mutating func timestamp(_ value: Timestamp) { wide(Int(value.seconds)) }
    package mutating func double(_ value: Double) { wide(Int(truncatingIfNeeded: value.bitPattern)) }
    package mutating func strings(_ values: [String]) { list(values) { $0.string($1) } }
    /// The count, then each value.
    package mutating func list<T>(_ values: [T], _ write: (inout BinaryWriter, T) -> Void) {
        number(UInt32(values.count))
        for value in values { write(&self, value) }
    }
    /// A presence byte, then the value.
    package mutating func optional<T>(_ value: T?, _ write: (inout BinaryWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }
    package mutating func templateValue(_ value: TemplateValue) {
        switch value {
        case .string(let text): bytes.append(0); string(text)
        case .bool(let flag): bytes.append(1); bool(flag)
        case .list(let values):
            bytes.append(2)
            number(UInt32(values.count))
            for value in values { templateValue(value) }
        case .map(let values):
            bytes.append(3)
            number(UInt32(values.count))
            for (key, value) in values.sorted(by: { $0.key < $1.key }) { string(key); templateValue(value) }
        }
    }
}

extension BinaryReader {
    package mutating func string() -> String? { run().map { String(decoding: $0, as: UTF8.self) } }
    package mutating func bool() -> Bool? { take(1).map { $0[0] != 0 } }
    package mutating func timestamp() -> Timestamp? { wide().map { Timestamp(seconds: Int64($0)) } }
    package mutating func double() -> Double? { wide().map { Double(bitPattern: UInt64(truncatingIfNeeded: $0)) } }
    package mutating func strings() -> [String]? { list { $0.string() } }
    /// What `BinaryWriter.list` wrote; nil when the bytes end early.
    package mutating func list<T>(_ read: (inout BinaryReader) -> T?) -> [T]? {
        // Each value takes a byte at least: a count beyond the bytes left is not one.
        guard let count = number(), Int(count) <= raw.count - offset else { return nil }
        var values: [T] = []
        values.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let value = read(&self) else { return nil }
            values.append(value)
        }
        return values
    }
    /// `.some(nil)` when absent, nil when the bytes end early.
    package mutating func optional<T>(_ read: (inout BinaryReader) -> T?) -> T?? {
        guard let present = bool() else { return nil }
        guard present else { return .some(nil) }
        return read(&self).map { .some($0) }
    }
    package mutating func templateValue() -> TemplateValue? {
        guard let kind = take(1)?[0] else { return nil }
        switch kind {
        case 0: return string().map { .string($0) }
        case 1: return bool().map { .bool($0) }
        case 2, 3:
            guard let count = number(), Int(count) <= raw.count - offset else { return nil }
            var list: [TemplateValue] = [], map: [String: TemplateValue] = [:]
            for _ in 0..<count {
                if kind == 2 {
                    guard let value = templateValue() else { return nil }
                    list.append(value)
                } else {
                    guard let key = string(), let value = templateValue() else { return nil }
                    map[key] = value
                }
            }
            return kind == 2 ? .list(list) : .map(map)
        default: return nil
        }
    }
}
