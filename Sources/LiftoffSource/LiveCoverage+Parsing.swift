import Foundation
import Yams
import LiftoffModel

/// Reads `live: {start, end, timezone}` and the timed `## ` headings of a live article's body.
enum LiveCoverageParser {
    /// `live:` of the front matter, then its entries from the body; problems go to `fields`.
    static func read(_ fields: inout YAMLFields, into article: inout Article) {
        guard fields.node("live") != nil,
              var live = fields.nested("live", known: ["start", "end", "timezone"], what: "front matter: live")
        else { return }
        defer { fields.absorb(live) }
        var zone = TimeZone(identifier: "UTC")!
        if let name = live.string("timezone") {
            if let found = Zones.named(name) { zone = found } else {
                let hint = Zones.closest(to: name).map { "; did you mean '\($0)'?" } ?? " (a name of the IANA time zone database, like `Europe/Paris`)"
                live.fail("timezone", "unknown time zone '\(name)'\(hint)")
                return
            }
        }
        let start = instant(&live, "start", zone: zone)
        if !live.has("start") { live.fail("start", "missing key 'start' (when coverage begins, like `start: 2026-12-01T16:00:00Z`)") }
        let end = instant(&live, "end", zone: zone)
        guard let start, end != nil || !live.has("end") else { return }
        if let end, end <= start {
            live.fail("end", "coverage ends (\(end.iso8601)) before it starts (\(start.iso8601))")
            return
        }
        var coverage = LiveCoverage(start: start, end: end, timeZone: zone.identifier, line: fields.line(of: "live"))
        coverage.zoneLabel = Zones.label(of: zone, at: start)
        coverage.startLocal = Timestamp(seconds: Zones.local(of: start, in: zone))
        coverage.endLocal = end.map { Timestamp(seconds: Zones.local(of: $0, in: zone)) }
        for problem in entries(of: article, coverage: &coverage, zone: zone) { live.report(problem) }
        article.live = coverage
        // The newest entry is the article's last change (its `updated`, its feed entry's).
        if let newest = coverage.newest, article.updated.map({ newest > $0 }) ?? true { article.updated = newest }
    }

    /// An instant: ISO 8601 with `Z` or an offset, or without one, read in the coverage's zone.
    static func instant(_ fields: inout YAMLFields, _ key: String, zone: TimeZone) -> Timestamp? {
        guard let text = fields.string(key) else { return nil }
        let trimmed = String(text.trimmingSpaces)
        let zoned = trimmed.utf8.count > 10 && trimmed.utf8.dropFirst(10).contains { $0 == 0x5A || $0 == 0x7A || $0 == 0x2B || $0 == 0x2D }
        guard let time = Timestamp(iso8601: trimmed) else {
            fields.fail(key, "'\(key)' is not a time: '\(text)' (use ISO 8601, like 2026-12-01T16:00:00Z, or 2026-12-01 16:00 in the `timezone:`)")
            return nil
        }
        return zoned ? time : Zones.utc(ofLocal: time.seconds, in: zone)
    }

    /// The body's entries (`## 17:04 …`, `## 2026-12-02 09:15 …`) into `coverage.entries`; a problem
    /// for an entry outside the coverage or before the one above it.
    static func entries(of article: Article, coverage: inout LiveCoverage, zone: TimeZone) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let startDay = Zones.localDay(of: coverage.start, in: zone)
        var day = startDay
        var found: [(time: Timestamp, headline: String, line: Int, local: Int64)] = []
        for heading in EntryHeadings(article.body, firstLine: article.bodyLine) {
            if let date = heading.day { day = date }
            let local = day + Int64(heading.minutes * 60)
            let time = Zones.utc(ofLocal: local, in: zone)
            let written = heading.written
            if heading.headline.isEmpty {
                problems.append(.error(article.path, heading.line, "live entry '\(written)' has no headline: write it after the time, like `## \(written) Access opens`"))
                continue
            }
            if time < coverage.start {
                // After entries late in a day, an early time is most likely the next day's.
                let nextDay = heading.day == nil && found.last.map { local < $0.local } == true
                    && coverage.end.map { Zones.utc(ofLocal: local + 86_400, in: zone) <= $0 } ?? true
                let hint = nextDay ? "; for the next day write `## \(Timestamp(seconds: local + 86_400).day) \(written)`" : ""
                problems.append(.error(article.path, heading.line, "live entry '\(written)' (\(time.iso8601)) is before coverage starts (\(coverage.start.iso8601))\(hint)"))
            } else if let end = coverage.end, time > end {
                problems.append(.error(article.path, heading.line, "live entry '\(written)' (\(time.iso8601)) is after coverage ends (\(end.iso8601))"))
            } else if let previous = found.last, time < previous.time {
                problems.append(.error(article.path, heading.line, "live entry '\(written)' is earlier than the entry above it (line \(previous.line)); write entries oldest first, each under the one before"))
            } else {
                found.append((time, heading.headline, heading.line, local))
            }
        }
        let spansDays = Set(found.map { $0.local / 86_400 }).count > 1
        var used: [String: Int] = [:]
        coverage.entries = found.map { entry in
            let utc = entry.time.iso8601
            var id = "live-" + utc.prefix(10).replacingOccurrences(of: "-", with: "") + "-" + utc.dropFirst(11).prefix(5).replacingOccurrences(of: ":", with: "")
            if let count = used[id] { used[id] = count + 1; id += "-\(count + 1)" } else { used[id] = 1 }
            return LiveCoverage.Entry(
                time: entry.time, headline: entry.headline, local: Timestamp(seconds: entry.local), showsDay: spansDays, line: entry.line, id: id)
        }
        return problems
    }
}

/// Time zones by IANA name, and local wall time to and from UTC.
enum Zones {
    static let identifiers = TimeZone.knownTimeZoneIdentifiers

    /// The zone named exactly `name` (`UTC`, `Europe/Paris`); nil for an unknown name.
    static func named(_ name: String) -> TimeZone? {
        if name == "UTC" || name == "Etc/UTC" { return TimeZone(identifier: "UTC") }
        guard identifiers.contains(name) else { return nil }
        return TimeZone(identifier: name)
    }

    /// The zone name `name` most likely meant (case aside).
    static func closest(to name: String) -> String? {
        let lowered = identifiers.map { $0.lowercased() }
        return NameIndex(lowered).closest(to: name.lowercased()).flatMap { match in identifiers.first { $0.lowercased() == match } }
    }

    /// The UTC instant of a wall-clock time (seconds as if it were UTC) in `zone`.
    static func utc(ofLocal local: Int64, in zone: TimeZone) -> Timestamp {
        var offset = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local))))
        offset = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local - offset))))
        return Timestamp(seconds: local - offset)
    }

    /// `time` on the wall clock of `zone`, as seconds read as UTC.
    static func local(of time: Timestamp, in zone: TimeZone) -> Int64 {
        time.seconds + Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(time.seconds))))
    }

    /// `UTC`, or the zone's short name at `time` in US English (`PST`, `PDT`; `GMT+1` where it has none).
    static func label(of zone: TimeZone, at time: Timestamp) -> String {
        guard !["UTC", "GMT", "Etc/UTC", "Etc/GMT"].contains(zone.identifier) else { return "UTC" }
        let date = Date(timeIntervalSince1970: TimeInterval(time.seconds))
        let style: NSTimeZone.NameStyle = zone.isDaylightSavingTime(for: date) ? .shortDaylightSaving : .shortStandard
        return zone.localizedName(for: style, locale: Locale(identifier: "en_US")) ?? zone.abbreviation(for: date) ?? zone.identifier
    }

    /// The local midnight (as seconds read as UTC) of the day `time` falls on in `zone`.
    static func localDay(of time: Timestamp, in zone: TimeZone) -> Int64 {
        let local = local(of: time, in: zone)
        return (local >= 0 ? local / 86_400 : (local - 86_399) / 86_400) * 86_400
    }
}
