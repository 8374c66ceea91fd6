import Foundation
import Testing

@testable import LiftoffCore
@testable import LiftoffModel

/// What writers expect of Markdown beyond CommonMark: footnotes, callouts, figures, a table of
/// contents, and a word when raw HTML is dropped.
@Suite struct WritingFeatureTests {
    func page(
        _ body: String, extra: String = "", description: String? = "A test article.", siteYML: String = TestSite.siteYML
    ) throws -> (html: String, warnings: [String]) {
        let site = try TestSite(["content/post.md": article("Post", extra: extra, body: body, description: description)], siteYML: siteYML)
        defer { site.remove() }
        let sink = MemorySink()
        let report = try Builder.build(root: site.root, into: sink, options: BuildOptions(now: testNow))
        return (String(decoding: sink.files["articles/post/index.html"] ?? [], as: UTF8.self), report.warnings.map(\.description))
    }

    @Test func footnotesAreLinkedBothWaysInOneSectionBeforeTheSources() throws {
        let body = """
            The window opens soon[^window] and pricing follows[^price].

            [^window]: Two weeks either side, see [the log](https://example.com/log).
            [^price]: Not announced.

            ## Sources

            - [Status page](https://example.com/status)
            """
        let (html, warnings) = try page(body)
        #expect(html.contains("<sup class=\"footnote-ref\"><a href=\"#fn-window\" id=\"fnref-window\" data-footnote-ref>1</a></sup>"))
        #expect(html.contains("<a href=\"#fnref-window\" class=\"footnote-backref\""))
        #expect(html.components(separatedBy: "<section class=\"footnotes\"").count == 2, "one section for both notes")
        let notes = try #require(html.range(of: "<li id=\"fn-window\">"))
        let sources = try #require(html.range(of: "Status page"))
        #expect(notes.lowerBound < sources.lowerBound, "the notes come before the Sources")
        #expect(html.contains("<h2 id=\"notes\">Notes</h2>"))
        #expect(html.contains("href=\"https://example.com/log\""))
        #expect(warnings.isEmpty, "\(warnings)")
    }

    @Test func aFootnoteMarkIsNotPartOfADescriptionAQuestionOrAHeadingsAddress() throws {
        let body = """
            TL;DR: The window opens soon[^window].

            ## FAQ

            ### Is it free[^price]?

            Not yet[^price].

            [^window]: Two weeks either side.
            [^price]: Not announced.
            """
        let (html, warnings) = try page(body, description: nil)
        #expect(html.contains("<meta name=\"description\" content=\"The window opens soon.\">"), "the description shared with links")
        #expect(html.contains("\"name\":\"Is it free?\""), "the FAQ's JSON-LD question")
        #expect(html.contains("\"text\":\"Not yet.\""), "the FAQ's JSON-LD answer")
        #expect(html.contains("id=\"is-it-free\""), "the question's address")
        #expect(html.contains("data-footnote-ref>2</a></sup>"), "the page still links the notes")
        #expect(!html.contains("[^"), "\(html)")
        #expect(warnings.isEmpty, "\(warnings)")
    }

    @Test func aReferenceWithoutADefinitionIsAWarningAtItsLine() throws {
        let (html, warnings) = try page("Intro.\n\nA claim[^missing] here, and a regex `[^a-z]` in code.")
        #expect(html.contains("A claim[^missing] here"))
        #expect(warnings == ["content/post.md:9: warning: footnote [^missing] has no definition: add a line `[^missing]: …` below the paragraph"])
    }

    @Test func rawHTMLDroppedIsAWarningOncePerBlockAndCommentsAreNot() throws {
        let (html, warnings) = try page("<div class=\"x\">\n<figure>raw</figure>\n</div>\n\nText with <b>bold</b> and <i>it</i>.\n\n<!-- a note to self -->")
        #expect(!html.contains("<div class=\"x\">") && !html.contains("<b>bold"))
        #expect(warnings.filter { $0.contains("raw HTML is not published") }.count == 2, "\(warnings)")
        #expect(warnings.contains { $0.hasPrefix("content/post.md:7: warning: raw HTML is not published") })
        #expect(warnings.contains { $0.hasPrefix("content/post.md:11: warning: raw HTML is not published") })
        let (unsafe, quiet) = try page("<div class=\"x\">kept</div>", siteYML: TestSite.siteYML + "\nmarkdown:\n  unsafe_html: true\n")
        #expect(unsafe.contains("<div class=\"x\">kept</div>") && quiet.isEmpty)
    }

    @Test(arguments: [("NOTE", "Note"), ("TIP", "Tip"), ("IMPORTANT", "Important"), ("WARNING", "Warning"), ("CAUTION", "Caution")])
    func alertsBecomeCallouts(marker: String, title: String) throws {
        let (html, _) = try page("> [!\(marker)]\n> Keep the **old** path.\n\n> A plain quote.")
        #expect(html.contains("<div class=\"callout callout-\(marker.lowercased())\" role=\"note\">\n<p class=\"callout-title\">\(title)</p>\n<p>Keep the <strong>old</strong> path.</p>\n</div>"))
        #expect(!html.contains("[!\(marker)]"))
        #expect(html.contains("<blockquote>\n<p>A plain quote.</p>\n</blockquote>"))
    }

    @Test func anImageAloneWithATitleIsAFigure() throws {
        let site = try TestSite(["content/post.md": article("Post", body: "![A gradient](wide.jpg \"Sample output, same prompt\")\n\n![Inline](wide.jpg \"Tip\") in text.")])
        defer { site.remove() }
        try site.write("content/wide.jpg", ImageTests.fixture("wide.jpg"))
        let html = try #require(try site.build()["articles/post/index.html"])
        let figure = try #require(html.range(of: "<figure><picture>"))
        #expect(html[figure.lowerBound...].prefix(3000).contains("</picture><figcaption>Sample output, same prompt</figcaption></figure>"))
        #expect(!html.contains("title=\"Sample output"), "the caption is not also a tooltip")
        #expect(html.contains("title=\"Tip\""), "an image inside text keeps its title")
    }

    @Test func oneTagWrittenTwoWaysIsOneChipAndAnEmptyDescriptionIsNone() throws {
        let (html, warnings) = try page("No TL;DR here.", extra: "tags: [Countdown, countdown, \"Nano Banana 3\", nano-banana-3]\n")
        #expect(html.components(separatedBy: "href=\"/tags/countdown/\"").count == 2, "one chip")
        #expect(html.components(separatedBy: "href=\"/tags/nano-banana-3/\"").count == 2, "one chip")
        #expect(warnings.isEmpty, "the front matter has a description")
        let site = try TestSite(["content/post.md": "---\ntitle: Post\ndate: 2026-11-20\ndescription: \"\"\n---\n\nNo TL;DR here.\n"])
        defer { site.remove() }
        let report = try Builder.build(root: site.root, into: MemorySink(), options: BuildOptions(now: testNow))
        #expect(report.warnings.map(\.description).contains { $0.hasPrefix("content/post.md:1: warning: no description") })
    }

    @Test func theTableOfContentsLinksToTheHeadingsIDs() throws {
        let body = "Intro.\n\n## Setup\n\n### Keys\n\n## Setup\n\n## FAQ\n\n### Is it out?\n\nNo.\n"
        let (html, _) = try page(body, extra: "toc: true\n")
        let nav = try #require(html.range(of: "<nav class=\"toc\" aria-labelledby=\"toc-title\">"))
        let end = try #require(html[nav.upperBound...].range(of: "</nav>"))
        let links = attributeValues("href", in: String(html[nav.upperBound..<end.lowerBound]))
        #expect(links == ["#setup", "#keys", "#setup-1", "#faq"])
        for link in links { #expect(html.contains("id=\"\(link.dropFirst())\"")) }
        #expect(try page(body).html.contains("class=\"toc\"") == false, "off unless asked")
        #expect(try page(body, siteYML: TestSite.siteYML + "\ntoc: true\n").html.contains("class=\"toc\""), "the site's default")
        #expect(try page(body, extra: "toc: false\n", siteYML: TestSite.siteYML + "\ntoc: true\n").html.contains("class=\"toc\"") == false)
    }
}
