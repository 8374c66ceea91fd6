/// The words a theme prints, in one language: what `theme/i18n/<lang>.yml` and the site's
/// `i18n/<lang>.yml` say, over the default language's words, over the built-in English ones.
/// A message is one text or one text per CLDR plural category; `{name}` marks where a value goes.
public struct ThemeStrings: Sendable {
    /// One message: a text, or a text per plural category (`one: "{count} day left"`).
    public enum Message: Sendable, Equatable {
        case text(String)
        case plural([String: String])
    }

    public let language: Language
    /// Every message by key: the built-in keys and any a theme or site adds (templates read those as `i18n.<key>`).
    public private(set) var messages: [String: Message]

    package init(language: Language, messages: [String: Message]) {
        self.language = language
        self.messages = messages
    }

    /// The built-in English words: what a theme without `i18n/` prints.
    public static let english = ThemeStrings(language: .english, messages: Dictionary(uniqueKeysWithValues: Key.allCases.map { ($0.rawValue, $0.english) }))

    /// Lays `other` over these words: its messages win, key by key.
    package mutating func merge(_ other: [String: Message]) {
        messages.merge(other) { _, new in new }
    }

    /// These words in `language` (its plural categories and dates), the messages kept.
    package func speaking(_ language: Language) -> ThemeStrings {
        ThemeStrings(language: language, messages: messages)
    }

    /// The text of `key` (a plural message's `other`), its `{name}`s replaced by `values`.
    public func text(_ key: Key, _ values: [String: String] = [:]) -> String {
        fill(text(of: key.rawValue, count: nil), values)
    }

    /// The text of `key` for `count` by the language's plural rules, `{count}` and `values` filled in.
    public func count(_ key: Key, _ count: Int64, _ values: [String: String] = [:]) -> String {
        fill(text(of: key.rawValue, count: count), values, count: language.number(count))
    }

    /// `November 24, 2026`, as the language writes a day.
    public func longDay(_ moment: Timestamp) -> String { language.longDay(moment) }

    /// `Nov 24`, as the language writes a short day.
    public func shortDay(_ moment: Timestamp) -> String { language.shortDay(moment) }
    /// A moment's time of day in the language (`17:04`).
    public func time(_ moment: Timestamp) -> String { language.time(moment) }

    /// Every plain text by key, for templates (`{{i18n.related_reads}}`); plural messages give their `other`.
    public var templateTexts: [String: String] {
        messages.mapValues { message in
            switch message {
            case .text(let text): text
            case .plural(let forms): forms["other"] ?? ""
            }
        }
    }

    /// Everything pages depend on: the language and every message, in key order.
    public var digest: Digest {
        var hasher = StableHasher()
        hasher.combine(language.tag)
        for (key, message) in messages.sorted(by: { $0.key < $1.key }) {
            hasher.combine(key)
            switch message {
            case .text(let text): hasher.combine(text)
            case .plural(let forms):
                for (category, text) in forms.sorted(by: { $0.key < $1.key }) { hasher.combine(category); hasher.combine(text) }
            }
        }
        return hasher.finalize()
    }

    private func text(of key: String, count: Int64?) -> String {
        switch messages[key] {
        case .text(let text): return text
        case .plural(let forms):
            if let count, let form = forms[language.pluralCategory(count)] { return form }
            return forms["other"] ?? forms.values.first ?? ""
        case nil: return ""
        }
    }

    /// Replaces each `{name}` in one pass: a value that holds braces is not read again.
    private func fill(_ text: String, _ values: [String: String], count: String? = nil) -> String {
        guard text.utf8.contains(UInt8(ascii: "{")) else { return text }
        var result = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = rest[rest.index(after: open)..<close]
            if name == "count", let count {
                result += count
            } else if let value = values[String(name)] {
                result += value
            } else {
                result += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
