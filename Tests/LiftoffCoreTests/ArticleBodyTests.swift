import Testing

@testable import LiftoffMarkdown
@testable import LiftoffModel
@testable import LiftoffRender

/// How an article's top-level blocks are grouped into parts, alone (no theme, no site).
@Suite struct ArticleBodyTests {
    /// Each part as a short word: its kind and what names it.
    static func shape(_ markdown: String) -> (parts: [String], warnings: [String], errors: [String]) {
        let blocks = MarkdownRenderer(smartPunctuation: true, unsafeHTML: false).blocks(markdown).blocks
        let body = ArticleBody(blocks: blocks, path: "content/a.md", now: Timestamp(iso8601: "2026-11-24T17:00:00Z")!, words: .english)
        let parts = (body.tldr.map { ["tldr:\($0.text)"] } ?? []) + body.parts.map { part -> String in
            switch part {
            case .html: "html"
            case .heading(let heading): "h\(heading.level)#\(heading.id)"
            case .tldr(let tldr): "tldr:\(tldr.text)"
            case .table: "table"
            case .faq(let faq): "faq#\(faq.heading.id):" + faq.questions.map(\.id).joined(separator: ",")
            case .sources(let sources): "sources#\(sources.heading.id)"
            case .countdown(let widget): "countdown:\(widget.clock.text(.english))"
            default: "other"
            }
        }
        return (parts, body.warnings.map(\.description), body.errors.map(\.description))
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var markdown: String
        var parts: [String]
        var warnings: [String] = []
        var errors: [String] = []
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "a TL;DR, a heading and a paragraph", markdown: "TL;DR: Ship it.\n\n## Plan\n\nText.\n",
             parts: ["tldr:Ship it.", "h2#plan", "html"]),
        Case(name: "equal headings get unique ids; reserved ones are avoided", markdown: "## Plan\n\n## Plan\n\n## Main\n",
             parts: ["h2#plan", "h2#plan-1", "h2#main-1"]),
        Case(name: "an FAQ holds its questions until the next h2", markdown: "## FAQ\n\n### Is it soon?\n\nYes.\n\n### Where?\n\nHere.\n\n## After\n",
             parts: ["faq#faq:is-it-soon,where", "h2#after"]),
        Case(name: "Sources is its own part", markdown: "Text.\n\n## Sources\n\n- [A](https://example.org/)\n",
             parts: ["html", "sources#sources"]),
        Case(name: "a table", markdown: "| a | b |\n|---|---|\n| 1 | 2 |\n", parts: ["table"]),
        Case(name: "a countdown block", markdown: "```countdown\ntarget: 2026-12-01T17:00:00Z\nlabel: Launch\n```\n",
             parts: ["countdown:7 days left"]),
        Case(name: "a countdown block with a bad key is an error at its line", markdown: "```countdown\ntarget: 2026-12-01T17:00:00Z\nlable: Launch\n```\n",
             parts: [], errors: ["content/a.md:3: countdown block: unknown key 'lable'; did you mean 'label'?"]),
        Case(name: "an FAQ without questions warns", markdown: "## FAQ\n\nNothing here.\n",
             parts: ["faq#faq:"], warnings: ["content/a.md:1: warning: FAQ section has no questions: write each question as a `### Question?` heading"]),
    ]

    @Test(arguments: cases)
    func groupsBlocksIntoParts(_ test: Case) {
        let (parts, warnings, errors) = Self.shape(test.markdown)
        #expect(errors == test.errors)
        if test.errors.isEmpty { #expect(parts == test.parts) }
        #expect(warnings == test.warnings)
    }
}
