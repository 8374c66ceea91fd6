import CLiftoffICU

/// A language a site is written in, by its tag as `site.yml` writes it (`en`, `fr`, `pt-BR`): its
/// CLDR plural categories, how it writes dates, and its direction — all from the system's ICU.
public struct Language: Sendable, Hashable, CustomStringConvertible {
    /// The tag as written in `site.yml`: what `<html lang>`, `hreflang` and the sitemap carry.
    public let tag: String
    /// Written right to left (Arabic, Hebrew, Persian, Urdu…): pages carry `dir="rtl"`.
    public let isRightToLeft: Bool
    private let words: LocalWords

    /// The language of `tag`, or nil when the tag is not a language tag ICU knows
    /// (a language of 2–3 letters, then an optional script and region: `fr`, `zh-Hant`, `pt-BR`).
    public init?(_ tag: String) {
        // English, the default, is known without asking ICU (which loads its data on first use).
        let plainEnglish = LocalWords.isPlainEnglish(tag)
        guard plainEnglish || (Self.isWellFormed(tag) && liftoff_is_known_language(tag) == 1) else { return nil }
        self.tag = tag
        isRightToLeft = !plainEnglish && liftoff_is_right_to_left(tag) == 1
        words = LocalWords(tag: tag)
    }

    public static let english = Language("en")!

    public var description: String { tag }

    public static func == (lhs: Language, rhs: Language) -> Bool { lhs.tag == rhs.tag }
    public func hash(into hasher: inout Hasher) { hasher.combine(tag) }

    /// The language's name as it writes it, as a menu shows it: "Français", "Deutsch", "العربية".
    public var nativeName: String {
        icuText(capacity: 256) { liftoff_language_name(tag, $0, $1) } ?? tag
    }

    /// The digits the language writes numbers with, as Unicode names them (`latn`, `arab`): the
    /// page's scripts write theirs the same way (`Intl.NumberFormat`'s `numberingSystem`).
    public var numberingSystem: String {
        if words.isPlainEnglish { return "latn" }
        return icuText(capacity: 32) { liftoff_numbering_system(tag, $0, $1) } ?? "latn"
    }

    /// The CLDR plural category of `count`: `zero`, `one`, `two`, `few`, `many` or `other`.
    public func pluralCategory(_ count: Int64) -> String { words.category(count) }

    /// Every category the language distinguishes (English: one, other; Arabic: all six).
    public var pluralCategories: [String] { words.categories }

    /// A whole number as the language writes it: `7`, `1 000` in French, `٧` in Arabic.
    public func number(_ value: Int64) -> String { words.number(value) }

    /// `November 24, 2026`; `24 novembre 2026` in French.
    public func longDay(_ moment: Timestamp) -> String { words.day(moment, long: true) }

    /// `Nov 24`; `24 nov.` in French.
    public func shortDay(_ moment: Timestamp) -> String { words.day(moment, long: false) }

    /// A moment's time of day, 24-hour, as the language writes it (`17:04`, `١٧:٠٤`).
    public func time(_ moment: Timestamp) -> String { words.time(moment) }

    /// Letters, then subtags of letters or digits, separated by hyphens (BCP 47's shape, without
    /// extensions): `en`, `pt-BR`, `zh-Hant-TW`, `es-419`.
    static func isWellFormed(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let language = parts.first, (2...3).contains(language.count),
              language.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) })
        else { return false }
        return parts.dropFirst().allSatisfy { part in
            (2...8).contains(part.count) && part.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || ("A"..."Z").contains($0) || ("a"..."z").contains($0) }
        }
    }
}

/// ICU's answers for one language, kept once asked: counts and days repeat across a site's pages.
private final class LocalWords: @unchecked Sendable {
    let tag: String
    /// English as the built-in theme has always written it, without asking ICU.
    let isPlainEnglish: Bool
    private let lock = Lock()
    // What ICU said, by count, day number or minute of the day.
    private var categoryOf: [Int64: String] = [:]
    private var longDays: [Int64: String] = [:]
    private var shortDays: [Int64: String] = [:]
    private var numbers: [Int64: String] = [:]
    private var times: [Int64: String] = [:]
    let categories: [String]

    init(tag: String) {
        self.tag = tag
        isPlainEnglish = Self.isPlainEnglish(tag)
        categories = isPlainEnglish ? ["one", "other"] : Self.categories(of: tag)
    }

    func category(_ count: Int64) -> String {
        if isPlainEnglish { return count == 1 ? "one" : "other" }
        return kept(\.categoryOf, count) { icuText(capacity: 16) { liftoff_plural_category(tag, Double(count), $0, $1) } ?? "other" }
    }

    /// The text `table` keeps for `key`, asked of `ask` the first time.
    private func kept(_ table: ReferenceWritableKeyPath<LocalWords, [Int64: String]>, _ key: Int64, _ ask: () -> String) -> String {
        if let known = lock.withLock({ self[keyPath: table][key] }) { return known }
        let text = ask()
        lock.withLock { self[keyPath: table][key] = text }
        return text
    }

    static func isPlainEnglish(_ tag: String) -> Bool { tag == "en" || tag == "en-US" }

    private static func categories(of tag: String) -> [String] {
        guard let names = icuText(capacity: 64, { liftoff_plural_categories(tag, $0, $1) }) else { return ["other"] }
        let order = ["zero", "one", "two", "few", "many", "other"]
        return names.split(separator: " ").map(String.init).sorted { (order.firstIndex(of: $0) ?? 6) < (order.firstIndex(of: $1) ?? 6) }
    }

    func number(_ value: Int64) -> String {
        if isPlainEnglish { return String(value) }
        return kept(\.numbers, value) { icuText(capacity: 96) { liftoff_format_integer(tag, value, $0, $1) } ?? String(value) }
    }

    func day(_ moment: Timestamp, long: Bool) -> String {
        if isPlainEnglish { return long ? moment.longDay : moment.shortDay }
        let day = moment.dayNumber
        return kept(long ? \.longDays : \.shortDays, day) {
            icuText(capacity: 256) { liftoff_format_date(tag, long ? "yMMMMd" : "MMMd", Double(day * 86_400 + 43_200), $0, $1) } ?? moment.day
        }
    }

    func time(_ moment: Timestamp) -> String {
        if isPlainEnglish { return moment.clock }
        // The minute of the day is all the text depends on.
        let minute = (moment.seconds % 86_400 + 86_400) % 86_400 / 60
        return kept(\.times, minute) { icuText(capacity: 64) { liftoff_format_date(tag, "HHmm", Double(minute * 60), $0, $1) } ?? moment.clock }
    }
}

/// The UTF-8 text one of CLiftoffICU's functions writes into a buffer of `capacity` bytes (it
/// returns the length, or -1); nil when it wrote none.
private func icuText(capacity: Int, _ write: (UnsafeMutablePointer<CChar>, Int32) -> Int32) -> String? {
    withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity) { buffer -> String? in
        let length = Int(write(buffer.baseAddress!, Int32(capacity)))
        guard length > 0 else { return nil }
        return String(decoding: UnsafeRawBufferPointer(start: buffer.baseAddress!, count: length), as: UTF8.self)
    }
}
