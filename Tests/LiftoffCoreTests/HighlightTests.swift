import Foundation
import Testing

@testable import LiftoffCore
@testable import LiftoffModel
@testable import LiftoffHighlight

/// Code coloured at build time by Pygments through one helper process, cached between builds.
@Suite struct HighlightTests {
    static let python = "def launch(days: int) -> str:\n    # how long is left\n    return f\"{days} days left\"\n"

    @Test func aFencedBlockBecomesClassSpansInsideItsCodeElement() throws {
        let body = "Intro.\n\n```python\n\(Self.python)```\n\n```json\n{\"days\": 7}\n```\n\n    indented, no language\n"
        let site = try TestSite(["content/post.md": article("Post", body: body)])
        defer { site.remove() }
        let html = try #require(try site.build()["articles/post/index.html"])
        #expect(html.contains("<pre class=\"highlight\" tabindex=\"0\"><code class=\"language-python\"><span class=\"k\">def</span> <span class=\"nf\">launch</span>"))
        #expect(html.contains("<span class=\"c1\"># how long is left</span>"))
        #expect(html.contains("<pre class=\"highlight\" tabindex=\"0\"><code class=\"language-json\">"))
        #expect(!html.contains("style=\""), "classes only: a strict Content-Security-Policy holds")
        #expect(html.contains("<pre tabindex=\"0\"><code>indented, no language\n</code></pre>"))
    }

    @Test func aSecondBuildTakesEveryBlockFromTheCacheAndTheHelpersEnd() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("liftoff-code-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        var pids: [Int32] = []
        do {
            let first = Highlighter(cacheFolder: file)
            guard case .highlighted(let html) = first.highlight(Self.python, language: "python") else {
                Issue.record("not highlighted")
                return
            }
            #expect(html.hasPrefix("<span class=\"k\">def</span>"))
            #expect(first.helperCalls == 1)
            pids = first.helperProcesses
            first.finish()
        }
        #expect(pids.count == 1)
        for pid in pids { #expect(kill(pid, 0) == -1 && errno == ESRCH, "helper \(pid) still runs after the build") }
        let second = Highlighter(cacheFolder: file)
        guard case .highlighted = second.highlight(Self.python, language: "python") else {
            Issue.record("not highlighted")
            return
        }
        #expect(second.helperCalls == 0 && second.helperProcesses.isEmpty, "no helper started for cached code")
    }

    @Test func anUnknownLanguageIsPlainWithAWarningAtItsLine() throws {
        let site = try TestSite(["content/post.md": article("Post", body: "Intro.\n\n```klingon\nqapla'\n```\n")])
        defer { site.remove() }
        let sink = MemorySink()
        let report = try Builder.build(root: site.root, into: sink, options: BuildOptions(now: testNow))
        let html = String(decoding: sink.files["articles/post/index.html"]!, as: UTF8.self)
        #expect(html.contains("<pre tabindex=\"0\"><code class=\"language-klingon\">qapla'\n</code></pre>"))
        #expect(report.warnings.map(\.description).contains(
            "content/post.md:9: warning: no highlighter knows the language 'klingon': the block is shown without colours"))
    }

    @Test func withoutPygmentsBlocksArePlainAndOneWarningSaysSo() {
        let highlighter = Highlighter(cacheFolder: nil, python: "/nonexistent/python3")
        guard case .plain(let first?) = highlighter.highlight("x = 1\n", language: "python") else {
            Issue.record("expected a plain block and a warning")
            return
        }
        #expect(first.hasPrefix("code is shown without colours: python3 cannot be started"))
        guard case .plain(nil) = highlighter.highlight("y = 2\n", language: "python") else {
            Issue.record("a second warning")
            return
        }
    }

    @Test(arguments: [("python", "python"), ("Python title=\"x.py\"", "python"), ("countdown", nil), ("", nil)])
    func theLanguageIsTheInfoStringsFirstWord(info: String, language: String?) {
        #expect(Highlighter.language(of: info) == language)
    }
}
