import Foundation
import Testing

@testable import LiftoffCore
@testable import LiftoffModel

/// Each component: the Markdown in, the HTML out (structure, not whitespace).
@Suite struct ComponentTests {
    /// Builds a site holding `files` and returns the page of `slug`.
    func page(_ slug: String, _ files: [String: String], now: Timestamp = testNow) throws -> String {
        let site = try TestSite(files)
        defer { site.remove() }
        let pages = try site.build(BuildOptions(now: now))
        return try #require(pages["articles/\(slug)/index.html"])
    }

    /// The parsed JSON-LD blocks of a page.
    func jsonLD(_ html: String) throws -> [[String: Any]] {
        html.components(separatedBy: "<script type=\"application/ld+json\">").dropFirst().compactMap { chunk in
            let json = chunk.components(separatedBy: "</script>")[0]
            return (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any]
        }
    }

    /// Collapses whitespace between tags, so that assertions check structure only.
    func compact(_ html: String) -> String {
        html.replacingOccurrences(of: ">\\s+<", with: "><", options: .regularExpression)
    }

    // MARK: Reading time

    @Test func readingTimeCountsTheWordsOfTheTextNotItsMarkup() throws {
        // 221 words in list items and table cells: 2 minutes at 220 words a minute. Counting the
        // bullets and the table's pipes as words would make it 3.
        let list = String(repeating: "- word\n", count: 201)
        let table = "| a | b |\n|---|---|\n" + String(repeating: "| w | w |\n", count: 9) + "| w | `code` |\n"
        let html = try page("a", ["content/a.md": article("A", body: list + "\n" + table)])
        #expect(html.contains("· 2 min read"))
    }

    // MARK: Task lists

    @Test func taskListCheckboxesHaveANameInTheBodyAndInTheFAQ() throws {
        let body = "- [ ] Pick a model\n- [x] Book the room\n\n## FAQ\n\n### Ready?\n\n- [ ] Not yet\n"
        let html = try page("a", ["content/a.md": article("A", body: body)])
        #expect(html.components(separatedBy: "aria-label=\"To do\"").count - 1 == 2)
        #expect(html.components(separatedBy: "aria-label=\"Done\"").count - 1 == 1)
        #expect(!html.contains("<input type=\"checkbox\" disabled=\"\" />"))
    }

    // MARK: TL;DR

    @Test func tldrBecomesAnAsideAtTheTopAndTheDescription() throws {
        let html = compact(try page("a", ["content/a.md": article("A", body: "## First\n\nText.\n\n**TL;DR:** Ship *it*.", description: nil)]))
        #expect(html.contains("<aside class=\"tldr\" aria-label=\"TL;DR\"><p class=\"tldr-label\">TL;DR</p><p>Ship <em>it</em>.</p></aside>"))
        #expect(html.range(of: "<aside class=\"tldr\"")!.lowerBound < html.range(of: "id=\"first\"")!.lowerBound)
        #expect(html.contains("<meta name=\"description\" content=\"Ship it.\">"))
    }

    @Test func anEmptyTLDRIsAWarningAtItsLineAndShowsNothing() throws {
        let site = try TestSite(["content/a.md": article("A", body: "**TL;DR:**\n\nText.", description: nil)], siteYML: TestSite.siteYML + "\ndescription: Launch notes.\n")
        defer { site.remove() }
        let sink = MemorySink()
        let report = try Builder.build(root: site.root, into: sink, options: BuildOptions(now: testNow))
        #expect(report.warnings.map(\.description) == [
            "content/a.md:1: warning: no description: add `description:` or a `TL;DR:` paragraph (lists, the feed and link previews show it)",
            "content/a.md:6: warning: the TL;DR is empty: write one or two sentences after `TL;DR:`",
        ])
        let html = String(decoding: sink.files["articles/a/index.html"] ?? [], as: UTF8.self)
        #expect(!html.contains("<aside class=\"tldr\""))
        #expect(html.contains("<meta name=\"description\" content=\"Launch notes.\">"), "the site's")
    }

    @Test func frontMatterDescriptionWinsOverTLDR() throws {
        let html = try page("a", ["content/a.md": article("A", extra: "description: From front matter.\n", body: "TL;DR: Short.", description: nil)])
        #expect(html.contains("<meta name=\"description\" content=\"From front matter.\">"))
    }

    // MARK: Tables

    @Test func tablesScrollInsideANamedRegion() throws {
        let html = compact(try page("a", ["content/a.md": article("A", body: "## Readiness\n\n| P | Task |\n|:--|--:|\n| High | Prompts |\n")]))
        #expect(html.contains("<div class=\"table-wrap\" role=\"region\" aria-label=\"Readiness\" tabindex=\"0\"><table><thead><tr><th style=\"text-align: left\">P</th><th style=\"text-align: right\">Task</th>"))
    }

    // MARK: FAQ

    let faqBody = """
        Intro.

        ## FAQ

        ### Is it *confirmed*?

        No.

        Really not.

        ### What first?

        - Prompts
        - Owner

        | When | What |
        |---|---|
        | Day 1 | Tests |

        ## After the FAQ

        More text.
        """

    @Test func faqSectionBecomesDetailsWithItsAnswers() throws {
        let html = compact(try page("a", ["content/a.md": article("A", body: faqBody)]))
        let faq = try #require(between("<section class=\"faq\"", "</section>", in: html))
        #expect(faq.contains("<h2 id=\"faq\">FAQ"))
        #expect(faq.contains("<details class=\"faq-item\" id=\"is-it-confirmed\"><summary><h3>Is it <em>confirmed</em>?</h3></summary><div class=\"faq-answer\"><p>No.</p><p>Really not.</p></div></details>"))
        #expect(faq.contains("<summary><h3>What first?</h3></summary><div class=\"faq-answer\"><ul><li>Prompts</li><li>Owner</li></ul><div class=\"table-wrap\"") == false)
        #expect(faq.contains("<ul><li>Prompts</li><li>Owner</li></ul><table>"))
        // The section in the middle of the article ends at the next `##`.
        #expect(!faq.contains("After the FAQ"))
        #expect(html.contains("<h2 id=\"after-the-faq\">After the FAQ"))
    }

    @Test func faqPageJSONLDMatchesTheQuestions() throws {
        let html = try page("a", ["content/a.md": article("A", body: faqBody)])
        let blocks = try jsonLD(html)
        let faq = try #require(blocks.first { $0["@type"] as? String == "FAQPage" })
        let questions = try #require(faq["mainEntity"] as? [[String: Any]])
        #expect(questions.count == 2)
        #expect(questions[0]["@type"] as? String == "Question")
        #expect(questions[0]["name"] as? String == "Is it confirmed?")
        let answer = try #require(questions[0]["acceptedAnswer"] as? [String: Any])
        #expect(answer["@type"] as? String == "Answer")
        #expect(answer["text"] as? String == "No.\nReally not.")
        let second = try #require(questions[1]["acceptedAnswer"] as? [String: Any])
        #expect((second["text"] as? String)?.contains("Prompts") == true)
    }

    @Test func aDeeperHeadingIsPartOfTheAnswerAndEveryFAQSectionIsInTheFAQPage() throws {
        let body = "## FAQ\n\n### Does it ship in December?\n\n#### Short answer\n\nProbably.\n\n## Frequently asked questions\n\n### Is it free?\n\nNo.\n"
        let html = try page("a", ["content/a.md": article("A", body: body)])
        let main = try #require(between("<main", "</main>", in: html))
        #expect(main.components(separatedBy: "<summary>").count == 3, "two questions")
        #expect(compact(html).contains("<div class=\"faq-answer\"><h4>Short answer</h4><p>Probably.</p></div>"))
        let faq = try #require(try jsonLD(html).first { $0["@type"] as? String == "FAQPage" })
        let questions = try #require(faq["mainEntity"] as? [[String: Any]])
        #expect(questions.map { $0["name"] as? String } == ["Does it ship in December?", "Is it free?"])
        #expect((questions[0]["acceptedAnswer"] as? [String: Any])?["text"] as? String == "Short answer\nProbably.")
    }

    @Test func aCountdownOrComponentInAnFAQAnswerOrSourcesIsAnErrorAtItsLine() throws {
        let body = "## FAQ\n\n### When?\n\n```countdown\ntarget: 2026-12-01T17:00:00Z\n```\n\n## Sources\n\n```{timeline}\n- x\n```\n"
        let site = try TestSite(["content/a.md": article("A", body: body)])
        defer { site.remove() }
        #expect(site.failures() == [
            "content/a.md:11: a `countdown` block cannot be placed in an FAQ answer; move it before or after the section",
            "content/a.md:17: a `{timeline}` block cannot be placed in a Sources section; move it before or after the section",
        ])
    }

    @Test(arguments: ["## FAQ", "## Frequently asked questions", "## faq", "## Frequently Asked Questions"])
    func faqHeadingsInAnyCase(heading: String) throws {
        let html = try page("a", ["content/a.md": article("A", body: "\(heading)\n\n### Q?\n\nA.\n")])
        #expect(html.contains("<details class=\"faq-item\""))
    }

    @Test func faqAtTheEndOfTheArticle() throws {
        let html = compact(try page("a", ["content/a.md": article("A", body: "Text.\n\n## FAQ\n\n### Last?\n\nYes.")]))
        #expect(html.contains("<summary><h3>Last?</h3></summary><div class=\"faq-answer\"><p>Yes.</p></div>"))
    }

    @Test func faqWithoutQuestionsIsAWarningWithItsLine() throws {
        let site = try TestSite(["content/a.md": article("A", body: "Text.\n\n## FAQ\n\nNothing here.\n")])
        defer { site.remove() }
        let report = try Builder.build(root: site.root, into: MemorySink(), options: BuildOptions(now: testNow))
        #expect(report.warnings.map(\.description) == [
            "content/a.md:9: warning: FAQ section has no questions: write each question as a `### Question?` heading"
        ])
    }

    @Test func jsonLDCannotBeBrokenOutOf() throws {
        let body = "## FAQ\n\n### Safe?\n\nYes </script><script>alert(1)</script>\n"
        let html = try page("a", ["content/a.md": article("Title </script><b>", body: body)])
        #expect(!html.contains("<script>alert(1)"))
        #expect(!html.contains("</script><b>"))
        let blocks = try jsonLD(html)
        #expect(blocks.count == 3)
        #expect(blocks.first?["headline"] as? String == "Title </script><b>")
    }

    // MARK: Related reads

    @Test func relatedSlugsBecomeCardsInOrder() throws {
        let html = compact(try page("a", [
            "content/a.md": article("A", extra: "related: [c, b]\n"),
            "content/b.md": article("Bee", extra: "description: About bees.\n", description: nil),
            "content/c.md": article("Sea", date: "2026-11-01"),
        ]))
        let related = try #require(between("<section class=\"related\"", "</section>", in: html))
        #expect(related.contains("<h2 id=\"related-reads\">Related reads</h2>"))
        #expect(related.range(of: "Sea")!.lowerBound < related.range(of: "Bee")!.lowerBound)
        #expect(related.contains("<a href=\"/articles/b/\">Bee</a>"))
        #expect(related.contains("About bees."))
        #expect(related.contains("<time datetime=\"2026-11-01T00:00:00Z\">November 1, 2026</time>"))
    }

    @Test func withoutRelatedTheArticlesSharingMostTagsAreChosen() throws {
        let html = try page("a", [
            "content/a.md": article("A", extra: "tags: [x, y, z]\n"),
            "content/b.md": article("Two shared", date: "2026-11-01", extra: "tags: [x, y]\n"),
            "content/c.md": article("One shared newer", date: "2026-11-19", extra: "tags: [z]\n"),
            "content/d.md": article("One shared older", date: "2026-11-02", extra: "tags: [x]\n"),
            "content/e.md": article("Three shared", date: "2026-10-01", extra: "tags: [x, y, z]\n"),
            "content/f.md": article("Nothing shared", extra: "tags: [w]\n"),
        ])
        let related = try #require(between("<section class=\"related\"", "</section>", in: html))
        let titles = ["Three shared", "Two shared", "One shared newer"]
        let positions = titles.map { related.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions[0]! < positions[1]! && positions[1]! < positions[2]!)
        #expect(!related.contains("One shared older"))
        #expect(!related.contains("Nothing shared"))
        #expect(!related.contains("href=\"/articles/a/\""))
    }

    @Test func anArticleNeverListsItself() throws {
        let html = try page("a", ["content/a.md": article("A", extra: "related: [a, b]\n"), "content/b.md": article("B")])
        let related = try #require(between("<section class=\"related\"", "</section>", in: html))
        #expect(!related.contains("/articles/a/"))
    }

    @Test func unknownRelatedSlugIsAnErrorAtItsLine() throws {
        let site = try TestSite(["content/a.md": article("A", extra: "tags: [x]\nrelated: [b, gpt-image-2-relase-date]\n"),
                                 "content/b.md": article("B"), "content/gpt-image-2-release-date.md": article("R")])
        defer { site.remove() }
        #expect(site.failures() == [
            "content/a.md:6: related: no article has the slug 'gpt-image-2-relase-date'; did you mean 'gpt-image-2-release-date'?"
        ])
    }

    // MARK: Sources

    @Test func sourcesSectionIsAStyledList() throws {
        let html = compact(try page("a", ["content/a.md": article("A", body: "## Sources\n\n- [One](https://example.com/1)\n- [Two](https://example.com/2)\n")]))
        #expect(html.contains("<section class=\"sources\" aria-labelledby=\"sources\"><h2 id=\"sources\">Sources"))
        #expect(html.contains("<ul><li><a href=\"https://example.com/1\">One</a></li><li><a href=\"https://example.com/2\">Two</a></li></ul></section>"))
        #expect(!html.contains("target=\"_blank\""))
    }

    // MARK: Countdown

    @Test(arguments: [
        ("2026-11-24T17:00:00Z", "7 days left", false),
        ("2026-11-24T18:00:00Z", "6 days left", false),
        ("2026-11-30T17:00:00Z", "1 day left", false),
        ("2026-12-01T12:00:00Z", "5 hours left", false),
        ("2026-12-01T16:30:00Z", "30 minutes left", false),
        ("2026-12-01T17:00:00Z", "Launched", true),
        ("2026-12-03T09:00:00Z", "Launched", true),
    ])
    func countdownTextAtBuildTime(now: String, text: String, launched: Bool) throws {
        let countdown = "countdown:\n  target: 2026-12-01T17:00:00Z\n  label: The launch\n"
        let html = compact(try page("a", ["content/a.md": article("A", extra: countdown)], now: Timestamp(iso8601: now)!))
        let widget = try #require(between("<main", "</main>", in: html).flatMap { between("<div class=\"countdown", "</div>", in: $0) })
        #expect(widget.contains("<p class=\"countdown-label\">The launch</p>"))
        #expect(widget.contains("<p class=\"countdown-text\" aria-live=\"polite\">\(text)</p>"))
        #expect(widget.contains("data-target=\"2026-12-01T17:00:00Z\""))
        #expect(widget.hasPrefix(" is-launched") == launched)
        // Once launched the widget says so once, then since when.
        #expect(widget.components(separatedBy: "Launched").count - 1 == (launched ? 1 : 0))
        #expect(widget.contains(launched ? "Since</span><time datetime=\"2026-12-01T17:00:00Z\">" : "Target:</span><time datetime="))
    }

    @Test func siteCountdownIsInTheHeaderOfEveryPageAndOnTheHome() throws {
        let site = try TestSite(["content/a.md": article("A")])
        defer { site.remove() }
        let pages = try site.build()
        for (path, html) in pages where path.hasSuffix(".html") {
            let header = try #require(between("<header class=\"site-header\">", "</header>", in: html), "\(path)")
            #expect(header.contains("7 days left"), "\(path)")
        }
        #expect(pages["index.html"]?.contains("<div class=\"countdown\" data-countdown") == true)
    }

    @Test func countdownBlockInTheBody() throws {
        let body = "Before.\n\n```countdown\ntarget: 2026-11-25T17:00:00Z\nlabel: Beta\n```\n\nAfter."
        let html = compact(try page("a", ["content/a.md": article("A", body: body)]))
        #expect(html.contains("<p>Before.</p><div class=\"countdown\" data-countdown data-target=\"2026-11-25T17:00:00Z\"><p class=\"countdown-label\">Beta</p><p class=\"countdown-text\" aria-live=\"polite\">1 day left</p>"))
        #expect(!html.contains("```") && !html.contains("<code class=\"language-countdown\""))
    }

    @Test func badCountdownBlockIsAnErrorAtItsLine() throws {
        let body = "Text.\n\n```countdown\ntarget: next week\n```\n"
        let site = try TestSite(["content/a.md": article("A", body: body)])
        defer { site.remove() }
        #expect(site.failures() == [
            "content/a.md:10: countdown block: 'target' is not a valid date: 'next week' (use YYYY-MM-DD or ISO 8601 such as 2026-12-01T17:00:00Z)"
        ])
    }

    // MARK: Internal links and headings

    @Test func internalLinksBecomeURLs() throws {
        let html = try page("a", [
            "content/a.md": article("A", body: "See [B](b.md), [its part](b.md#part) and [sub](notes/2026-11-01-c.md)."),
            "content/b.md": article("B"),
            "content/notes/2026-11-01-c.md": "---\ntitle: C\n---\nC.\n",
        ])
        #expect(html.contains("<a href=\"/articles/b/\">B</a>"))
        #expect(html.contains("<a href=\"/articles/b/#part\">its part</a>"))
        #expect(html.contains("<a href=\"/articles/c/\">sub</a>"))
    }

    @Test func brokenInternalLinkIsAnErrorAtItsLine() throws {
        let site = try TestSite(["content/a.md": article("A", body: "Line.\n\nSee [B](bb.md).\n"), "content/b.md": article("B")])
        defer { site.remove() }
        #expect(site.failures() == ["content/a.md:9: link to missing article 'bb.md'; did you mean 'b.md'?"])
    }

    @Test func missingImageIsAnErrorAtItsLine() throws {
        let site = try TestSite(["content/a.md": article("A", body: "![Chart](chart.png)\n")])
        defer { site.remove() }
        #expect(site.failures() == ["content/a.md:7: image 'chart.png' not found next to the article"])
    }

    @Test func headingsGetUniqueIDsAndAnchors() throws {
        let html = try page("a", ["content/a.md": article("A", body: "## Setup\n\n## Setup\n\n### Déjà vu?\n")])
        #expect(html.contains("<h2 id=\"setup\">Setup <a class=\"anchor\" href=\"#setup\""))
        #expect(html.contains("<h2 id=\"setup-1\">Setup <a class=\"anchor\" href=\"#setup-1\""))
        #expect(html.contains("<h3 id=\"deja-vu\">"))
    }

    // MARK: Article metadata

    @Test func articleMetadataAndJSONLD() throws {
        let words = Array(repeating: "word", count: 450).joined(separator: " ")
        let html = compact(try page("a", [
            "content/a.md": article("A <Title>", extra: "updated: 2026-11-22\ntags: [Launch Prep]\ndescription: D.\n", body: words, description: nil)
        ]))
        #expect(html.contains("<h1>A &lt;Title&gt;</h1>"))
        #expect(html.contains("<title>A &lt;Title&gt; · Test Site</title>"))
        #expect(html.contains("<time datetime=\"2026-11-20T00:00:00Z\">November 20, 2026</time>"))
        #expect(html.contains("Updated <time datetime=\"2026-11-22T00:00:00Z\">November 22, 2026</time>"))
        #expect(html.contains("3 min read"))
        #expect(html.contains("<a href=\"/tags/launch-prep/\">Launch Prep</a>"))
        let article = try #require(try jsonLD(html).first { $0["@type"] as? String == "Article" })
        #expect(article["headline"] as? String == "A <Title>")
        #expect(article["datePublished"] as? String == "2026-11-20T00:00:00Z")
        #expect(article["dateModified"] as? String == "2026-11-22T00:00:00Z")
        #expect(article["description"] as? String == "D.")
        #expect((article["author"] as? [String: Any])?["name"] as? String == "Test desk")
    }
}
