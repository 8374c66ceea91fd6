import Foundation
import Testing

@testable import LiftoffCore
@testable import LiftoffModel
@testable import LiftoffMarkdown

@Suite struct MarkdownTests {
    let markdown = MarkdownRenderer()

    @Test func tablesRenderAsTablesWithHeaderCellsAndAlignment() {
        let html = markdown.html("| Priority | Task |\n|:---|---:|\n| High | Prompts |\n")
        #expect(html.contains("<table>"))
        #expect(html.contains("<th style=\"text-align: left\">Priority</th>"))
        #expect(html.contains("<td style=\"text-align: right\">Prompts</td>"))
        #expect(!html.contains(" align="))
    }

    @Test func extensionsAreActive() {
        #expect(markdown.html("~~gone~~").contains("<del>gone</del>"))
        #expect(markdown.html("see https://example.com now").contains("<a href=\"https://example.com\">https://example.com</a>"))
        #expect(markdown.html("- [x] done\n- [ ] todo\n").contains("type=\"checkbox\""))
    }

    @Test func blocksKnowTheirTaskItemsAndWords() {
        let blocks = markdown.blocks("- [x] done\n- [ ] to do\n\n* plain item\n\nTwo `words` here.\n").blocks
        #expect(blocks.map(\.hasTaskItems) == [true, false, false])
        #expect(blocks.map(\.words) == [3, 2, 3])
    }

    @Test func rawHTMLIsDroppedByDefaultAndKeptWhenUnsafe() {
        let source = "<div class=\"note\">hi</div>\n\nText <span>inline</span> <script>alert(1)</script>\n"
        let safe = markdown.html(source)
        #expect(!safe.contains("<div class=\"note\">"))
        #expect(!safe.contains("<span>"))
        #expect(!safe.contains("<script>"))
        let unsafe = MarkdownRenderer(unsafeHTML: true).html(source)
        #expect(unsafe.contains("<div class=\"note\">hi</div>"))
        #expect(unsafe.contains("<span>inline</span>"))
        // tagfilter still disarms <script> even when raw HTML is allowed.
        #expect(unsafe.contains("&lt;script>"))
    }

    @Test func javascriptLinksAreNotEmittedInSafeMode() {
        let html = markdown.html("[click](javascript:alert(1))")
        #expect(!html.contains("javascript:"))
    }

    @Test func smartPunctuationFollowsTheSetting() {
        #expect(markdown.html("\"quoted\" -- dash").contains("“quoted” – dash"))
        #expect(MarkdownRenderer(smartPunctuation: false).html("\"quoted\"").contains("&quot;quoted&quot;"))
    }

    @Test func blocksCarryKindsAndFileLines() {
        let source = "# Title\n\nPara one.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```countdown\ntarget: 2026-12-01\n```\n\n- item\n"
        let blocks = markdown.blocks(source, lineOffset: 10).blocks
        #expect(blocks.map(\.kind) == [.heading(level: 1), .paragraph, .table, .code(info: "countdown"), .list])
        #expect(blocks.map(\.line) == [11, 13, 15, 19, 23])
        #expect(blocks[3].literal == "target: 2026-12-01\n")
        #expect(blocks[0].text == "Title")
    }

    @Test(arguments: [
        "TL;DR: Ship it.",
        "**TL;DR:** Ship it.",
        "**TL;DR**: Ship it.",
        "*TL;DR:* Ship it.",
        "tl;dr: Ship it.",
    ])
    func tldrLabelIsStripped(source: String) {
        let block = markdown.blocks(source).blocks[0]
        #expect(block.kind == .tldr)
        #expect(block.html == "<p>Ship it.</p>\n")
        #expect(block.text == "Ship it.")
    }

    @Test func tldrKeepsTheRestOfItsInlineMarkdown() {
        let block = markdown.blocks("TL;DR: Keep **bold** and [links](https://example.com).").blocks[0]
        #expect(block.html == "<p>Keep <strong>bold</strong> and <a href=\"https://example.com\">links</a>.</p>\n")
    }

    @Test(arguments: ["TL;DRs are great.", "Not a TL;DR: here", "**Important:** TL;DR: no"])
    func otherParagraphsAreNotTLDR(source: String) {
        #expect(markdown.blocks(source).blocks[0].kind == .paragraph)
    }

    @Test func linkRewritesAndErrorsCarryLines() {
        let source = "Intro.\n\nSee [other](other.md#part) and [gone](gone.md).\n"
        let (blocks, problems, _) = markdown.blocks(source, lineOffset: 4) { link in
            switch link.url {
            case "other.md#part": return .replace("/articles/other/#part")
            case "gone.md": return .error("link to missing article 'gone.md'")
            default: return .keep
            }
        }
        #expect(blocks[1].html.contains("<a href=\"/articles/other/#part\">other</a>"))
        #expect(problems.count == 1)
        #expect(problems.first?.line == 7)
        #expect(problems.first?.message == "link to missing article 'gone.md'")
    }

    /// Rendering top-level blocks one by one must give cmark-gfm's own bytes for the whole
    /// document (checked against the `cmark-gfm` command, which `make` installs).
    @Test func blocksRenderedAloneMatchTheCommandLineRenderer() throws {
        let source = """
            # Heading with `code`

            Para with *emphasis*, ~~strike~~, "quotes" and https://example.com.

            | Left | Right | Centre |
            |:-----|------:|:------:|
            | a    | b     | c      |

            1. one
            2. two
               - nested

            > quoted
            > text

            ```swift
            let x = 1
            ```

            - [x] done
            - [ ] todo

            ---

            Final <em>raw</em> paragraph.

            """
        let cli = Process()
        cli.executableURL = URL(fileURLWithPath: "/usr/bin/cmark-gfm")
        cli.arguments = ["--smart", "--table-prefer-style-attributes"]
            + ["table", "strikethrough", "autolink", "tagfilter", "tasklist"].flatMap { ["-e", $0] }
        let input = Pipe(), output = Pipe()
        cli.standardInput = input
        cli.standardOutput = output
        try cli.run()
        input.fileHandleForWriting.write(Data(source.utf8))
        try input.fileHandleForWriting.close()
        let expected = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        cli.waitUntilExit()
        #expect(markdown.blocks(source).blocks.map(\.html).joined() == expected)
    }

    /// cmark-gfm's `cmark_parser_finish` is not thread-safe as shipped; Liftoff holds a lock
    /// around it. Without that lock some parallel parses silently lose strikethrough/autolinks.
    @Test func concurrentParsesMatchSerialParses() {
        let documents = (0..<2_000).map { index in
            "Doc \(index): ~~struck \(index)~~ and www.example.com/\(index) and https://example.org/\(index)\n\n| a | b |\n|---|---|\n| \(index) | ~~x~~ |\n"
        }
        let serial = documents.map { markdown.html($0) }
        let renderer = markdown
        let parallel = parallelMap(documents.count) { renderer.html(documents[$0]) }
        let mismatches = zip(serial, parallel).filter { $0 != $1 }.count
        #expect(mismatches == 0)
        #expect(serial.allSatisfy { $0.contains("<del>") && $0.contains("<a href=\"http://www.example.com/") })
    }
}
