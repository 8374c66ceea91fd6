import Foundation
import Testing

@testable import LiftoffCore
@testable import LiftoffModel
@testable import LiftoffSource

/// Live articles: `live:` and the timed `## ` headings of the body, read into entries.
@Suite struct LiveEntryParsingTests {
    /// An article whose front matter ends on line 9 (`---`), so its body starts on line 10.
    static func live(_ coverage: String, body: String) -> String {
        "---\ntitle: Live\ndate: 2026-12-02\ndescription: Running.\nlive:\n" + coverage + "---\n" + body
    }
    static let paris = "  start: 2026-12-02T15:00:00Z\n  end: 2026-12-03T18:00:00Z\n  timezone: Europe/Paris\n"

    static func parse(_ text: String) -> (Article?, [String]) {
        let (article, problems) = FrontMatterParser.read(data: Array(text.utf8), path: "content/live.md")
        return (article, problems.map(\.description))
    }

    @Test(arguments: [
        ("17:04 Access opens", 17 * 60 + 4, "17:04", "Access opens", nil),
        ("9:05 — Pricing page live", 9 * 60 + 5, "9:05", "Pricing page live", nil),
        ("2026-12-03 00:15 | After midnight", 15, "2026-12-03 00:15", "After midnight", "2026-12-03"),
        ("17:04", 17 * 60 + 4, "17:04", "", nil),
    ] as [(String, Int, String, String, String?)])
    func aHeadingThatBeginsWithATimeIsAnEntry(text: String, minutes: Int, written: String, headline: String, day: String?) throws {
        let heading = try #require(LiveCoverage.timedHeading(text[...]))
        #expect(heading.minutes == minutes && heading.written == written && heading.headline == headline)
        #expect(heading.day == day.map { Timestamp(iso8601: $0)!.seconds })
    }

    @Test(arguments: ["Access opens at 17:04", "1704 Access", "25:00 Late", "17:60 Never", "17:04pm Access", "2026-12-02 Access"])
    func otherHeadingsAreNotEntries(text: String) {
        #expect(LiveCoverage.timedHeading(text[...]) == nil)
    }

    @Test func entriesAreReadInTheCoverageTimeZoneAndTheDayCarriesOn() throws {
        let body = "Intro.\n\n## 17:04 Access opens\n\nText.\n\n```\n## 17:30 inside a fence\n```\n\n## Not an entry\n\n## 2026-12-03 09:15 Next morning\n\n## 09:40 Same day\n"
        let (article, problems) = Self.parse(Self.live(Self.paris, body: body))
        #expect(problems.isEmpty)
        let live = try #require(article?.live)
        #expect(live.entries.map(\.time.iso8601) == ["2026-12-02T16:04:00Z", "2026-12-03T08:15:00Z", "2026-12-03T08:40:00Z"])
        #expect(live.entries.map(\.line) == [12, 22, 24])
        #expect(live.entries.map { $0.display(.english) } == ["Dec 2, 17:04", "Dec 3, 09:15", "Dec 3, 09:40"], "coverage over two days shows the day")
        // In French, the day as French writes it.
        #expect(live.entries.map { $0.display(Language("fr")!) } == ["2 déc., 17:04", "3 déc., 09:15", "3 déc., 09:40"])
        #expect(live.entries.map(\.id) == ["live-20261202-1604", "live-20261203-0815", "live-20261203-0840"])
        #expect(LiveCoverage.written(live.startLocal, in: .english) == "Dec 2, 16:00" && live.zoneLabel == "GMT+1")
        #expect(article?.updated == Timestamp(iso8601: "2026-12-03T08:40:00Z"), "the newest entry is the article's last change")
    }

    @Test func aTimeWithoutAZoneIsReadInTheCoverageZoneAcrossADaylightSavingChange() throws {
        // New York moves to daylight time at 02:00 on 2026-03-08: 01:30 is UTC−5, 03:30 UTC−4.
        let coverage = "  start: 2026-03-08 01:00\n  timezone: America/New_York\n"
        let (article, problems) = Self.parse(Self.live(coverage, body: "## 01:30 Before\n\n## 03:30 After\n"))
        #expect(problems.isEmpty)
        let live = try #require(article?.live)
        #expect(live.start.iso8601 == "2026-03-08T06:00:00Z" && live.end == nil)
        #expect(live.entries.map(\.time.iso8601) == ["2026-03-08T06:30:00Z", "2026-03-08T07:30:00Z"])
        #expect(live.entries.map { $0.display(.english) } == ["01:30", "03:30"])
        #expect(live.zoneLabel == "EST")
    }

    @Test func aRepeatedMinuteGetsItsOwnAnchor() throws {
        let (article, _) = Self.parse(Self.live("  start: 2026-12-02T15:00:00Z\n", body: "## 15:10 One\n\n## 15:10 Two\n"))
        #expect(article?.live?.entries.map(\.id) == ["live-20261202-1510", "live-20261202-1510-2"])
    }

    @Test(arguments: [
        ("## 15:30 Before\n", ["content/live.md:10: live entry '15:30' (2026-12-02T14:30:00Z) is before coverage starts (2026-12-02T15:00:00Z)"]),
        ("## 18:00 First\n\n## 00:15 After midnight\n",
         ["content/live.md:12: live entry '00:15' (2026-12-01T23:15:00Z) is before coverage starts (2026-12-02T15:00:00Z); for the next day write `## 2026-12-03 00:15`"]),
        ("## 2026-12-03 19:30 Too late\n",
         ["content/live.md:10: live entry '2026-12-03 19:30' (2026-12-03T18:30:00Z) is after coverage ends (2026-12-03T18:00:00Z)"]),
        ("## 18:00 Later\n\n## 17:00 Earlier\n",
         ["content/live.md:12: live entry '17:00' is earlier than the entry above it (line 10); write entries oldest first, each under the one before"]),
        ("## 17:00\n\nNo headline.\n", ["content/live.md:10: live entry '17:00' has no headline: write it after the time, like `## 17:00 Access opens`"]),
    ])
    func entryProblemsAreErrorsAtTheirLines(body: String, messages: [String]) {
        #expect(Self.parse(Self.live(Self.paris, body: body)).1 == messages)
    }

    @Test(arguments: [
        ("  start: 2026-12-02T15:00:00Z\n  timezone: Europe/Pariss\n", "content/live.md:7: front matter: live: unknown time zone 'Europe/Pariss'; did you mean 'Europe/Paris'?"),
        ("  end: 2026-12-02T15:00:00Z\n", "content/live.md:5: front matter: live: missing key 'start' (when coverage begins, like `start: 2026-12-01T16:00:00Z`)"),
        ("  start: 2026-12-02T15:00:00Z\n  end: 2026-12-02T14:00:00Z\n", "content/live.md:7: front matter: live: coverage ends (2026-12-02T14:00:00Z) before it starts (2026-12-02T15:00:00Z)"),
        ("  start: soon\n", "content/live.md:6: front matter: live: 'start' is not a time: 'soon' (use ISO 8601, like 2026-12-01T16:00:00Z, or 2026-12-01 16:00 in the `timezone:`)"),
        ("  start: 2026-12-02T15:00:00Z\n  ends: 2026-12-02T18:00:00Z\n", "content/live.md:7: front matter: live: unknown key 'ends'; did you mean 'end'?"),
    ])
    func coverageProblemsAreErrorsAtTheirLines(coverage: String, message: String) {
        #expect(Self.parse(Self.live(coverage, body: "Text.\n")).1 == [message])
    }
}

/// A live article as readers, feed readers and crawlers get it, while live and after its end.
@Suite struct LiveArticleTests {
    /// testNow (Nov 24, 17:00 UTC) is inside the coverage: 15:00 to 19:00 UTC.
    static let live = "live:\n  start: 2026-11-24T15:00:00Z\n  end: 2026-11-24T19:00:00Z\ntags: [launch]\n"
    static let body = "Intro.\n\n## 15:05 Coverage starts\n\nWatching.\n\n## 15:40 Access *opens*\n\nFor Plus users.\n\n## 16:20 Pricing page live\n\nThree sizes.\n"
    static func site() throws -> TestSite {
        try TestSite(["content/live.md": article("Launch live", date: "2026-11-24", extra: live, body: body), "content/other.md": article("Other", extra: "tags: [launch]\n")])
    }

    static func jsonLD(_ page: String, type: String) throws -> [String: Any] {
        var rest = Substring(page)
        while let start = rest.range(of: "<script type=\"application/ld+json\">"), let end = rest[start.upperBound...].range(of: "</script>") {
            let object = try JSONSerialization.jsonObject(with: Data(rest[start.upperBound..<end.lowerBound].utf8)) as? [String: Any]
            if object?["@type"] as? String == type { return object! }
            rest = rest[end.upperBound...]
        }
        throw CancellationError()
    }

    @Test func whileLiveTheEntriesShowNewestFirstWithTheBadgeEverywhereTheArticleIs() throws {
        let site = try Self.site()
        defer { site.remove() }
        let pages = try site.build()
        let page = try #require(pages["articles/live/index.html"])
        #expect(attributeValues("id", in: page).filter { $0.hasPrefix("live-2026") } == ["live-20261124-1620", "live-20261124-1540", "live-20261124-1505"])
        #expect(page.contains("<time datetime=\"2026-11-24T15:40:00Z\">15:40</time> <span class=\"live-entry-headline\">Access <em>opens</em></span>"))
        #expect(page.contains("data-live-json=\"/articles/live/live.json\"") && page.contains("data-live-until=\"2026-11-24T19:00:00Z\""))
        #expect(page.contains(">Live</span> Live coverage since Nov 24, 15:00 UTC"))
        #expect(page.contains("/assets/live."), "live.js keeps the page current")
        #expect(try #require(between("<div class=\"prose\">", "live-feed", in: page)).contains("Intro."), "text before the first entry stays on top")
        for list in ["index.html", "articles/index.html", "tags/launch/index.html"] {
            #expect(pages[list]?.contains("class=\"live-badge\" data-live-until=\"2026-11-24T19:00:00Z\">Live</span> <a href=\"/articles/live/\">") == true, "\(list) marks it live")
            #expect(pages[list]?.contains("/assets/live.") == true, "\(list) loads live.js")
        }
        let other = try #require(pages["articles/other/index.html"])
        #expect(other.contains("live-badge") && other.contains("/assets/live."), "a related read's card is marked live too")
    }

    @Test func structuredDataIsALiveBlogPostingWithItsUpdatesNewestFirst() throws {
        let site = try Self.site()
        defer { site.remove() }
        let pages = try site.build()
        let object = try Self.jsonLD(try #require(pages["articles/live/index.html"]), type: "LiveBlogPosting")
        #expect(object["coverageStartTime"] as? String == "2026-11-24T15:00:00Z" && object["coverageEndTime"] as? String == "2026-11-24T19:00:00Z")
        #expect(object["dateModified"] as? String == "2026-11-24T16:20:00Z", "the newest entry")
        let updates = try #require(object["liveBlogUpdate"] as? [[String: Any]])
        #expect(updates.map { $0["datePublished"] as? String } == ["2026-11-24T16:20:00Z", "2026-11-24T15:40:00Z", "2026-11-24T15:05:00Z"])
        #expect(updates[1]["headline"] as? String == "Access opens" && updates[1]["articleBody"] as? String == "For Plus users.")
        #expect(updates[1]["@type"] as? String == "BlogPosting")
        #expect(pages["feed.xml"]?.contains("<updated>2026-11-24T16:20:00Z</updated>") == true, "the feed entry's updated")
    }

    @Test func liveJSONHoldsTheEntriesAsData() throws {
        let site = try Self.site()
        defer { site.remove() }
        let pages = try site.build()
        let data = try #require(pages["articles/live/live.json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any])
        #expect(object["live"] as? Bool == true && object["coverage_start"] as? String == "2026-11-24T15:00:00Z")
        #expect(object["updated"] as? String == "2026-11-24T16:20:00Z" && object["url"] as? String == "https://example.org/articles/live/")
        let entries = try #require(object["entries"] as? [[String: Any]])
        #expect(entries.map { $0["id"] as? String } == ["live-20261124-1620", "live-20261124-1540", "live-20261124-1505"])
        let html = try #require(entries[1]["html"] as? String)
        #expect(html.hasPrefix("<article class=\"live-entry\" id=\"live-20261124-1540\"") && html.contains("<p>For Plus users.</p>"))
        #expect(pages["articles/live/index.html"]?.contains(html) == true, "the page shows the entry as live.json gives it")
    }

    @Test func afterTheEndTheBadgesGoAndThePageSaysCoverageEnded() throws {
        let site = try Self.site()
        defer { site.remove() }
        _ = try site.publishReport()
        #expect(try site.outputText("tags/launch/index.html").contains("live-badge"))
        // The same output, a build after the end: pages carried over must not keep the badge.
        _ = try site.publishReport(now: Timestamp(iso8601: "2026-11-24T19:00:00Z")!)
        for path in ["index.html", "articles/index.html", "tags/launch/index.html", "articles/live/index.html"] {
            #expect(try !site.outputText(path).contains("live-badge"), "\(path) has no badge after the end")
        }
        let page = try site.outputText("articles/live/index.html")
        #expect(page.contains("Live coverage ended Nov 24, 19:00 UTC") && !page.contains("data-live-json"))
        #expect(try site.outputText("articles/live/live.json").contains("\"live\":false"))
    }

    @Test func anEntryHeadingInsideAListIsAnError() throws {
        let site = try TestSite(["content/live.md": article("L", date: "2026-11-24", extra: Self.live, body: "## 15:05 Fine\n\n- item\n  ## 15:10 Inside a list\n")])
        defer { site.remove() }
        #expect(site.failures().contains { $0.hasPrefix("content/live.md:") && $0.contains("live entry '15:10' is not a heading of its own") })
    }
}
