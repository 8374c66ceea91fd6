/// `live:` in an article's front matter: a live blog's coverage and its timed entries.
///
/// An entry is a `## ` heading of the body that begins with a time (`## 17:04 Access opens`), and
/// the text under it; entries are written oldest first and shown newest first.
public struct LiveCoverage: Sendable, Hashable {
    public var start: Timestamp
    /// The end of coverage; nil while it is open-ended.
    public var end: Timestamp?
    /// The IANA time zone entry times are written in (`Europe/Paris`), `UTC` by default.
    public var timeZone: String
    /// The line of `live:`.
    public var line: Int
    /// The entries in the order they are written: oldest first.
    public var entries: [Entry]
    /// How pages name the zone: `UTC`, `PST`, `CET`, `GMT+9`.
    public var zoneLabel = "UTC"
    /// Start and end on the zone's wall clock (seconds read as UTC): what pages write as `Nov 24, 07:00`.
    public var startLocal = Timestamp(seconds: 0)
    public var endLocal: Timestamp?

    package init(start: Timestamp, end: Timestamp?, timeZone: String, line: Int, entries: [Entry] = []) {
        (self.start, self.end, self.timeZone, self.line, self.entries) = (start, end, timeZone, line, entries)
    }

    /// One timed entry: its heading's time, its headline as written, and the line of its heading.
    public struct Entry: Sendable, Hashable {
        public var time: Timestamp
        /// The heading after its time, as Markdown source.
        public var headline: String
        /// The time on the coverage zone's wall clock (seconds read as UTC), and whether pages write
        /// its day too (coverage that spans days): `17:04`, `Dec 2, 09:15`.
        public var local: Timestamp
        public var showsDay: Bool
        /// The heading's file line.
        public var line: Int
        /// The entry's anchor, unique in the article: `live-20261202-1704` (UTC), `-2` after a repeat.
        public var id: String

        package init(time: Timestamp, headline: String, local: Timestamp, showsDay: Bool, line: Int, id: String) {
            (self.time, self.headline, self.local, self.showsDay, self.line, self.id) = (time, headline, local, showsDay, line, id)
        }

        /// `17:04`, or `Dec 2, 09:15`, as `language` writes the day.
        public func display(_ language: Language) -> String {
            showsDay ? LiveCoverage.written(local, in: language) : language.time(local)
        }
    }

    /// A wall-clock moment as pages write it: `Nov 24, 07:00`, `24 nov., 07:00`.
    public static func written(_ local: Timestamp, in language: Language) -> String {
        language.shortDay(local) + ", " + language.time(local)
    }

    /// Whether the coverage is running at `now`: started, and not ended.
    public func isLive(at now: Timestamp) -> Bool {
        start <= now && end.map { now < $0 } ?? true
    }

    /// Whether the coverage has ended at `now`.
    public func hasEnded(at now: Timestamp) -> Bool {
        end.map { now >= $0 } ?? false
    }

    /// Where a live article's entries are published as data (`articles/<slug>/live.json`).
    public static let dataFile = "live.json"

    /// The newest entry's time.
    public var newest: Timestamp? { entries.last?.time }

    /// The first moment after `now` at which the coverage starts or ends (`Int64.max`: none).
    public func validUntil(now: Timestamp) -> Int64 {
        [start, end].compactMap { $0 }.map(\.seconds).filter { $0 > now.seconds }.min() ?? .max
    }
}

extension LiveCoverage {
    /// A heading's text read as an entry's: `17:04 Access opens` or `2026-12-02 09:15 — Access opens`.
    public struct TimedHeading: Sendable, Equatable {
        /// The local midnight of a written date (seconds as if UTC); nil: the day carries on.
        public var day: Int64?
        /// Minutes after local midnight.
        public var minutes: Int
        /// The time as written: `17:04`, `2026-12-02 09:15`.
        public var written: String
        /// What follows the time and its separator (`—`, `-`, `:`, `|`, `·`).
        public var headline: String
    }

    /// The time a heading begins with, and its headline; nil when it begins with none.
    public static func timedHeading(_ text: Substring) -> TimedHeading? {
        // Most headings begin with a letter: nothing more to read.
        guard let first = text.utf8.first(where: { $0 != 0x20 }), first >= 0x30, first <= 0x39 else { return nil }
        var rest = text.trimmingSpaces
        var day: Int64?
        var written = ""
        if rest.utf8.count >= 11, let date = Timestamp(iso8601: String(rest.prefix(10))), rest.dropFirst(10).first == " " {
            day = date.seconds
            written = String(rest.prefix(10)) + " "
            rest = rest.dropFirst(11).trimmingSpaces
        }
        let digits = Array(rest.utf8.prefix(6))
        func digit(_ index: Int) -> Int? {
            index < digits.count && digits[index] >= 48 && digits[index] <= 57 ? Int(digits[index] - 48) : nil
        }
        // `9:05` or `09:05`, then the end or a space.
        let hourDigits = digit(1) != nil ? 2 : 1
        guard let h1 = digit(0), digits.count > hourDigits, digits[hourDigits] == 0x3A,
              let m1 = digit(hourDigits + 1), let m2 = digit(hourDigits + 2)
        else { return nil }
        let hour = hourDigits == 2 ? h1 * 10 + digit(1)! : h1
        let minute = m1 * 10 + m2
        let used = hourDigits + 3
        guard hour < 24, minute < 60, digits.count == used || digits[used] == 0x20 else { return nil }
        written += String(rest.prefix(used))
        var headline = rest.dropFirst(used).trimmingSpaces
        while let first = headline.first, "—–-:|·".contains(first) { headline = headline.dropFirst().trimmingSpaces }
        return TimedHeading(day: day, minutes: hour * 60 + minute, written: written, headline: String(headline))
    }
}
