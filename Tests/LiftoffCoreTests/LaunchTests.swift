import Foundation
import Testing

@testable import LiftoffCore
@testable import LiftoffModel
@testable import LiftoffSource

/// Launches as data: their countdown in every state, their errors at their lines, the articles
/// that follow them, their page, and what an edit of a launch makes again.
@Suite struct LaunchTests {
    static func launch(_ status: Launch.Status, _ timing: Launch.Timing, history: [Launch.Change] = []) -> Launch {
        Launch(key: "gpt-image-2", path: "content/launches/gpt-image-2.md", name: "GPT Image 2", status: status, timing: timing,
               verified: Timestamp(iso8601: "2026-11-24T09:00:00Z"), history: history, body: "", bodyLine: 1)
    }

    static let window = Launch.Timing.window(from: Timestamp(iso8601: "2026-11-28")!, to: Timestamp(iso8601: "2026-12-05")!)
    static let target = Launch.Timing.target(Timestamp(iso8601: "2026-12-01T17:00:00Z")!)

    @Test(arguments: [
        (Launch.Status.expected, LaunchTests.target, "2026-11-24T17:00:00Z", "7 days left"),
        (.expected, LaunchTests.target, "2026-12-02T00:00:00Z", "Launched"),
        (.expected, LaunchTests.window, "2026-11-24T17:00:00Z", "in 4–11 days"),
        (.expected, LaunchTests.window, "2026-11-27T17:00:00Z", "in 1–8 days"),
        (.expected, LaunchTests.window, "2026-11-30T12:00:00Z", "window open until Dec 5"),
        (.expected, LaunchTests.window, "2026-12-05T23:00:00Z", "window open until Dec 5"),
        (.expected, LaunchTests.window, "2026-12-06T00:00:00Z", "window closed Dec 5"),
        (.rumored, .unknown, "2026-11-24T17:00:00Z", "Date not announced"),
        (.available, LaunchTests.target, "2026-12-03T00:00:00Z", "Available since Dec 1"),
        (.delayed, LaunchTests.window, "2026-11-24T17:00:00Z", "Delayed to Nov 28 – Dec 5"),
        (.delayed, .unknown, "2026-11-24T17:00:00Z", "Delayed; new date not announced"),
        (.cancelled, LaunchTests.target, "2026-11-24T17:00:00Z", "Cancelled"),
    ])
    func theCountdownSaysEachState(status: Launch.Status, timing: Launch.Timing, now: String, text: String) {
        #expect(LaunchClock(launch: Self.launch(status, timing), now: Timestamp(iso8601: now)!).text(.english) == text)
    }

    @Test func theStatusLineSaysStatusDateAndWhenItWasChecked() {
        let now = Timestamp(iso8601: "2026-11-24T17:00:00Z")!
        #expect(LaunchClock(launch: Self.launch(.expected, Self.window), now: now).statusLine(.english) == "Expected · Nov 28 – Dec 5 · checked Nov 24, 09:00 UTC")
        #expect(LaunchClock(launch: Self.launch(.announced, Self.target), now: now).statusLine(.english) == "Announced · Dec 1, 17:00 UTC · checked Nov 24, 09:00 UTC")
        #expect(LaunchClock(launch: Self.launch(.rumored, .unknown), now: now).statusLine(.english) == "Rumored · date not announced · checked Nov 24, 09:00 UTC")
    }

    @Test func aWindowsWordsHoldUntilTheNextDayChanges() {
        let now = Timestamp(iso8601: "2026-11-24T17:00:00Z")!
        let clock = LaunchClock(launch: Self.launch(.expected, Self.window), now: now)
        // "in 4–11 days" until Nov 25 00:00 (then 3 days to Nov 28).
        #expect(clock.validUntil == Timestamp(iso8601: "2026-11-25T00:00:00Z")!.seconds)
        #expect(LaunchClock(launch: Self.launch(.expected, Self.window), now: Timestamp(seconds: clock.validUntil)).text(.english) == "in 3–10 days")
    }

    static let valid = "---\nname: GPT Image 2\nstatus: expected\nwindow: {from: 2026-11-28, to: 2026-12-05}\n---\nText.\n"

    @Test(arguments: [
        ("---\nname: X\nstatus: soon\n---\n", ["content/launches/x.md:3: front matter: 'status' must be one of rumored, expected, announced, preview, available, delayed, cancelled; got 'soon'"]),
        ("---\nstatus: expected\n---\n", ["content/launches/x.md:1: front matter: missing key 'name'"]),
        ("---\nname: X\nstatus: expected\ntarget: 2026-12-01\nwindow: {from: 2026-11-28, to: 2026-12-05}\n---\n",
         ["content/launches/x.md:5: front matter: give `target:` (an instant) or `window:` (the days it falls between), not both"]),
        ("---\nname: X\nstatus: expected\nwindow:\n  from: 2026-12-05\n  to: 2026-11-28\n---\n",
         ["content/launches/x.md:6: front matter: window: the window ends (2026-11-28) before it starts (2026-12-05)"]),
        ("---\nname: X\nstatus: expected\nhistory:\n  - status: rumored\n    note: A.\n  - date: 2026-11-10\n    note: B.\n---\n", [
            "content/launches/x.md:5: front matter: history item 1: missing key 'date'",
            "content/launches/x.md:7: front matter: history item 2: missing key 'status'",
        ]),
    ])
    func launchErrorsAreAtTheirLines(text: String, messages: [String]) {
        guard case .failure(let failure) = Launch.parse(data: Array(text.utf8), path: "content/launches/x.md") else {
            Issue.record("should fail")
            return
        }
        #expect(failure.diagnostics.map(\.description) == messages)
    }

    @Test func anUnknownLaunchKeyIsAnErrorWithASuggestion() {
        let site = try! TestSite([
            "content/launches/gpt-image-2.md": Self.valid,
            "content/a.md": article("A", extra: "launch: gpt-image2\n"),
            "content/b.md": article("B", extra: "launch: launches/gpt-image-2.md\n"),
        ])
        defer { site.remove() }
        #expect(site.failures() == [
            "content/a.md:5: launch: no launch 'gpt-image2' (a file content/launches/gpt-image2.md); did you mean 'gpt-image-2'?",
            "content/b.md:5: front matter: 'launch' names a launch by its key, the name of its file in content/launches/ (`launch: gpt-image-2`); got 'launches/gpt-image-2.md'",
        ])
    }

    @Test func articlesFollowTheLaunchAndItsPageListsThem() throws {
        let history = "history:\n  - date: 2026-11-10\n    status: rumored\n    note: Seen in an SDK.\n    source: https://example.net/sdk\n"
            + "  - date: 2026-11-20\n    status: expected\n    note: An event lists it.\n"
        let site = try TestSite([
            "content/launches/gpt-image-2.md": Self.valid.replacingOccurrences(of: "---\nText", with: history + "---\nText"),
            "content/a.md": article("Follows it", extra: "launch: gpt-image-2\n", body: "See [the launch](launches/gpt-image-2.md)."),
            "content/b.md": article("Does not", date: "2026-11-19"),
        ])
        defer { site.remove() }
        let pages = try site.build()
        let a = try #require(pages["articles/a/index.html"])
        #expect(a.contains("<p class=\"launch-status\"><a href=\"/launches/gpt-image-2/\">GPT Image 2</a>: Expected · Nov 28 – Dec 5</p>"))
        #expect(a.contains("<p class=\"countdown-text\" aria-live=\"polite\">in 4–11 days</p>"))
        #expect(a.contains("<a href=\"/launches/gpt-image-2/\">the launch</a>"), "a link to the launch's file leads to its page")
        #expect(between("<main", "</main>", in: a)?.contains("data-target") == false, "a window has no moment to count down to")
        let launch = try #require(pages["launches/gpt-image-2/index.html"])
        #expect(launch.contains("<h1>GPT Image 2</h1>"))
        let newest = try #require(launch.range(of: "An event lists it.")), oldest = try #require(launch.range(of: "Seen in an SDK."))
        #expect(newest.lowerBound < oldest.lowerBound, "history newest first")
        #expect(launch.contains("<a href=\"https://example.net/sdk\">Source</a>"))
        #expect(launch.contains("href=\"/articles/a/\"") && !launch.contains("href=\"/articles/b/\""))
        #expect(pages["sitemap.xml"]?.contains("<loc>https://example.org/launches/gpt-image-2/</loc>") == true)
    }

    @Test func aLaunchWithADateGivesItsArticlesTheLiveCountdown() throws {
        let site = try TestSite([
            "content/launches/gpt-image-2.md": "---\nname: GPT Image 2\nstatus: expected\ntarget: 2026-12-01T17:00:00Z\n---\n",
            "content/a.md": article("A", extra: "launch: gpt-image-2\n"),
        ])
        defer { site.remove() }
        let a = try #require(try site.build()["articles/a/index.html"])
        #expect(a.contains("data-countdown data-target=\"2026-12-01T17:00:00Z\""))
        #expect(a.contains("<p class=\"countdown-text\" aria-live=\"polite\">7 days left</p>"))
    }

    @Test func theHeaderFollowsTheLaunchSiteYMLNames() throws {
        let siteYML = "title: T\nbase_url: https://example.org/\ncountdown: gpt-image-2\n"
        let site = try TestSite(["content/launches/gpt-image-2.md": Self.valid, "content/a.md": article("A")], siteYML: siteYML)
        defer { site.remove() }
        let home = try #require(try site.build()["index.html"])
        let badge = try #require(between("<p class=\"countdown-badge", "</p>", in: home))
        #expect(badge.contains("GPT Image 2:") && badge.contains("in 4–11 days") && !badge.contains("data-target"))

        let wrong = try TestSite(["content/launches/gpt-image-2.md": Self.valid, "content/a.md": article("A")],
                                 siteYML: siteYML.replacingOccurrences(of: "countdown: gpt-image-2", with: "countdown: gpt-imag-2"))
        defer { wrong.remove() }
        #expect(wrong.failures() == ["site.yml:3: site.yml: countdown: no launch 'gpt-imag-2' (a file content/launches/gpt-imag-2.md); did you mean 'gpt-image-2'?"])
    }

    @Test func editingTheLaunchMakesAgainOnlyTheArticlesThatFollowIt() throws {
        // B is older than the feed's twenty articles (those are made on every build).
        var files = [
            "content/launches/gpt-image-2.md": Self.valid,
            "content/a.md": article("A", extra: "launch: gpt-image-2\n"),
            "content/b.md": article("B", date: "2026-11-01"),
        ]
        for number in 1...20 { files["content/newer-\(number).md"] = article("Newer \(number)", date: "2026-11-21") }
        let site = try TestSite(files)
        defer { site.remove() }
        _ = try site.publishReport()
        let card = ShareImageTests.meta("og:image", in: try site.outputText("articles/a/index.html"))
        try site.write("content/launches/gpt-image-2.md", Self.valid.replacingOccurrences(of: "to: 2026-12-05", with: "to: 2026-12-09"))
        let report = try site.publishReport()
        #expect(report.renderedPages.contains("articles/a/index.html"))
        #expect(!report.renderedPages.contains("articles/b/index.html"))
        let page = try site.outputText("articles/a/index.html")
        #expect(page.contains("Nov 28 – Dec 9") && page.contains("in 4–15 days"), "the status line and the countdown")
        #expect(ShareImageTests.meta("og:image", in: page) != card, "the card says the launch's state: a new card")
    }
}

/// `updates:`: an article's update log, readers' and crawlers' view of what changed.
@Suite struct UpdateLogTests {
    static let updates = "updates:\n  - date: 2026-11-21\n    note: First change.\n  - date: 2026-11-23T10:00:00Z\n    note: The **window** moved.\n"

    @Test func theNewestUpdateIsUnderTheTitleAndTheRestInADisclosure() throws {
        let site = try TestSite(["content/a.md": article("A", date: "2026-11-20", extra: Self.updates)])
        defer { site.remove() }
        let pages = try site.build()
        let page = try #require(pages["articles/a/index.html"])
        #expect(page.contains("<p class=\"article-update\">Updated <time datetime=\"2026-11-23T10:00:00Z\">November 23, 2026</time>: The <strong>window</strong> moved.</p>"))
        let earlier = try #require(between("<details class=\"article-updates\">", "</details>", in: page))
        #expect(earlier.contains("November 21, 2026</time>: First change.") && !earlier.contains("window"))
        #expect(page.contains("\"dateModified\":\"2026-11-23T10:00:00Z\""))
        #expect(pages["feed.xml"]?.contains("<updated>2026-11-23T10:00:00Z</updated>") == true)
        #expect(pages["index.html"]?.contains(" · Updated <time datetime=\"2026-11-23T10:00:00Z\">") == true, "lists mark it updated")
    }

    @Test func anArticleWithoutUpdatesHasNoLog() throws {
        let site = try TestSite(["content/a.md": article("A")])
        defer { site.remove() }
        let page = try #require(try site.build()["articles/a/index.html"])
        #expect(!page.contains("article-update"))
    }

    @Test(arguments: [
        ("updates:\n  - date: 2026-11-21\n    note: \"\"\n", "content/a.md:7: front matter: update 1: the note is empty: say what changed, in one line"),
        ("updates:\n  - date: 2026-11-01\n    note: Too early.\n", "content/a.md:6: front matter: update 1: the update (2026-11-01) is dated before the article (2026-11-20)"),
        ("updates:\n  - note: No date.\n", "content/a.md:6: front matter: update 1: missing key 'date'"),
    ])
    func badUpdatesAreErrorsAtTheirLines(yaml: String, message: String) throws {
        let site = try TestSite(["content/a.md": article("A", extra: yaml)])
        defer { site.remove() }
        #expect(site.failures() == [message])
    }
}
