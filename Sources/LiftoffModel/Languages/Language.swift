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
        var buffer = [CChar](repeating: 0, count: 256)
        let length = liftoff_language_name(tag, &buffer, 256)
        return length > 0 ? String(decoding: buffer[..<Int(length)].map { UInt8(bitPattern: $0) }, as: UTF8.self) : tag
    }

    /// The digits the language writes numbers with, as Unicode names them (`latn`, `arab`): the
    /// page's scripts write theirs the same way (`Intl.NumberFormat`'s `numberingSystem`).
    public var numberingSystem: String {
        if words.isPlainEnglish { return "latn" }
        var buffer = [CChar](repeating: 0, count: 32)
        let length = liftoff_numbering_system(tag, &buffer, 32)
        return length > 0 ? String(decoding: buffer[..<Int(length)].map { UInt8(bitPattern: $0) }, as: UTF8.self) : "latn"
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
        if let known = lock.withLock({ categoryOf[count] }) { return known }
        var buffer = [CChar](repeating: 0, count: 16)
        let length = liftoff_plural_category(tag, Double(count), &buffer, 16)
        let category = length > 0 ? String(decoding: buffer[..<Int(length)].map { UInt8(bitPattern: $0) }, as: UTF8.self) : "other"
        lock.withLock { categoryOf[count] = category }
        return category
    }

    static func isPlainEnglish(_ tag: String) -> Bool { tag == "en" || tag == "en-US" }

    private static func categories(of tag: String) -> [String] {
        var buffer = [CChar](repeating: 0, count: 64)
        let length = liftoff_plural_categories(tag, &buffer, 64)
        guard length > 0 else { return ["other"] }
        let names = String(decoding: buffer[..<Int(length)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let order = ["zero", "one", "two", "few", "many", "other"]
        return names.split(separator: " ").map(String.init).sorted { (order.firstIndex(of: $0) ?? 6) < (order.firstIndex(of: $1) ?? 6) }
    }

    func number(_ value: Int64) -> String {
        if isPlainEnglish { return String(value) }
        if let known = lock.withLock({ numbers[value] }) { return known }
        var buffer = [CChar](repeating: 0, count: 96)
        let length = liftoff_format_integer(tag, value, &buffer, 96)
        let text = length > 0 ? String(decoding: buffer[..<Int(length)].map { UInt8(bitPattern: $0) }, as: UTF8.self) : String(value)
        lock.withLock { numbers[value] = text }
        return text
    }

    func day(_ moment: Timestamp, long: Bool) -> String {
        if isPlainEnglish { return long ? moment.longDay : moment.shortDay }
        let key = moment.dayNumber
        if let known = lock.withLock({ long ? longDays[key] : shortDays[key] }) { return known }
        var buffer = [CChar](repeating: 0, count: 256)
        let length = liftoff_format_date(tag, long ? "yMMMMd" : "MMMd", Double(moment.dayNumber * 86_400 + 43_200), &buffer, 256)
        let text = length > 0 ? String(decoding: buffer[..<Int(length)].map { UInt8(bitPattern: $0) }, as: UTF8.self) : moment.day
        lock.withLock { if long { longDays[key] = text } else { shortDays[key] = text } }
        return text
    }

    func time(_ moment: Timestamp) -> String {
        if isPlainEnglish { return moment.clock }
        // The minute of the day is all the text depends on.
        let minute = (moment.seconds % 86_400 + 86_400) % 86_400 / 60
        if let known = lock.withLock({ times[minute] }) { return known }
        var buffer = [CChar](repeating: 0, count: 64)
        let length = liftoff_format_date(tag, "HHmm", Double(minute * 60), &buffer, 64)
        let text = length > 0 ? String(decoding: buffer[..<Int(length)].map { UInt8(bitPattern: $0) }, as: UTF8.self) : moment.clock
        lock.withLock { times[minute] = text }
        return text
    }
}
