import Foundation
import Testing

/// Every kind of bad input, as a writer meets it on the command line: the exit status and
/// the exact messages. Each case adds its files to a valid one-article site.
@Suite struct BadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var files: [String: String]
        var status: Int32
        var messages: [String]
        var testDescription: String { name }
    }

    static let valid = article("Valid", extra: "tags: [x]\n")

    static let cases: [Case] = [
        Case(name: "malformed YAML", files: ["content/a.md": "---\ntitle: \"open\ndate: 2026-11-24\n---\n"], status: 1,
             messages: ["content/a.md:4: front matter: invalid YAML: found unexpected end of stream while scanning a quoted scalar"]),
        Case(name: "front matter not closed", files: ["content/a.md": "---\ntitle: A\ndate: 2026-11-24\n\nBody.\n"], status: 1,
             messages: ["content/a.md:1: front matter is not closed: add a `---` line after the last key"]),
        Case(name: "missing title", files: ["content/a.md": "---\ndate: 2026-11-24\ndescription: D.\n---\nBody.\n"], status: 1,
             messages: ["content/a.md:1: front matter: missing key 'title'"]),
        Case(name: "missing date", files: ["content/a.md": "---\ntitle: A\ndescription: D.\n---\nBody.\n"], status: 1,
             messages: ["content/a.md:1: front matter: missing key 'date' (e.g. `date: 2026-11-24`), or name the file `YYYY-MM-DD-a.md`"]),
        Case(name: "impossible date", files: ["content/a.md": article("A", date: "2026-02-30")], status: 1,
             messages: ["content/a.md:3: front matter: 'date' is not a valid date: '2026-02-30' (use YYYY-MM-DD or ISO 8601 such as 2026-12-01T17:00:00Z)"]),
        Case(name: "date in words", files: ["content/a.md": article("A", date: "next week")], status: 1,
             messages: ["content/a.md:3: front matter: 'date' is not a valid date: 'next week' (use YYYY-MM-DD or ISO 8601 such as 2026-12-01T17:00:00Z)"]),
        Case(name: "tags of the wrong type", files: ["content/a.md": article("A", extra: "tags: 5\n")], status: 1,
             messages: ["content/a.md:5: front matter: 'tags' must be a list of names, like `tags: [launch, countdown]`"]),
        Case(name: "related of the wrong type", files: ["content/a.md": article("A", extra: "related: \"x\"\n")], status: 1,
             messages: ["content/a.md:5: front matter: 'related' must be a list of names, like `related: [other-article-slug]`"]),
        Case(name: "unknown key", files: ["content/a.md": article("A", extra: "hero: x.png\n")], status: 1,
             messages: ["content/a.md:5: front matter: unknown key 'hero'; custom fields belong under 'extra:'"]),
        Case(name: "near-miss key", files: ["content/a.md": article("A", extra: "relatd: [valid]\n")], status: 1,
             messages: ["content/a.md:5: front matter: unknown key 'relatd'; did you mean 'related'?"]),
        Case(name: "unknown site.yml key", files: ["site.yml": "title: T\nbase_url: https://example.org/\nper_pgae: 3\n"], status: 1,
             messages: ["site.yml:3: site.yml: unknown key 'per_pgae'; did you mean 'per_page'?"]),
        Case(name: "unknown related slug", files: ["content/a.md": article("A", extra: "related: [valdi]\n")], status: 1,
             messages: ["content/a.md:5: related: no article has the slug 'valdi'; did you mean 'valid'?"]),
        Case(name: "broken internal link", files: ["content/a.md": article("A", body: "Intro.\n\nSee [it](vaild.md).")], status: 1,
             messages: ["content/a.md:9: link to missing article 'vaild.md'; did you mean 'valid.md'?"]),
        Case(name: "two articles with one slug", files: ["content/a.md": article("A", extra: "slug: valid\n")], status: 1,
             messages: ["content/valid.md:1: slug 'valid' is already used by content/a.md; set a different `slug:`"]),
        Case(name: "slug with a slash", files: ["content/a.md": article("A", extra: "slug: a/b\n")], status: 1,
             messages: ["content/a.md:5: front matter: slug 'a/b' must not contain '/' or '..'"]),
        Case(name: "slug with dots", files: ["content/a.md": article("A", extra: "slug: ..\n")], status: 1,
             messages: ["content/a.md:5: front matter: slug '..' must not contain '/' or '..'"]),
        Case(name: "slug in upper case", files: ["content/a.md": article("A", extra: "slug: Launch\n")], status: 1,
             messages: ["content/a.md:5: front matter: slug 'Launch' must be lower case"]),
        Case(name: "slug with spaces", files: ["content/a.md": article("A", extra: "slug: launch day\n")], status: 1,
             messages: ["content/a.md:5: front matter: slug 'launch day' must not contain spaces; use '-'"]),
        Case(name: "empty file", files: ["content/a.md": ""], status: 1,
             messages: ["content/a.md:1: missing front matter: the file is empty; start the file with a `---` line, then `title:` and `date:`, then `---`"]),
        Case(name: "only front matter", files: ["content/a.md": "---\ntitle: A\ndate: 2026-11-24\ndescription: D.\n---\n"], status: 0,
             messages: ["content/a.md:5: warning: the article has no text after its front matter"]),
        Case(name: "CRLF line endings", files: ["content/a.md": article("A", body: "| a | b |\n|---|---|\n| 1 | 2 |").replacingOccurrences(of: "\n", with: "\r\n")],
             status: 0, messages: []),
        Case(name: "UTF-8 byte order mark", files: ["content/a.md": "\u{FEFF}" + article("A")], status: 0, messages: []),
        Case(name: "countdown target not a date", files: ["content/a.md": article("A", extra: "countdown:\n  target: soon\n")], status: 1,
             messages: ["content/a.md:6: front matter: countdown: 'target' is not a valid date: 'soon' (use YYYY-MM-DD or ISO 8601 such as 2026-12-01T17:00:00Z)"]),
        Case(name: "a front-matter error hides none of the file's other problems", files: [
            "content/hero.jpg": "not read: only its name is suggested",
            "content/a.md": article("A", extra: "updatd: 2026-11-25\nimage: hreo.jpg\nimage_alt: The hero\n",
                                    body: "![A chart](chrt.png)\n\nSee [one](vaild.md) and [two](nowhere.md)."),
        ], status: 1, messages: [
            "content/a.md:5: front matter: unknown key 'updatd'; did you mean 'updated'?",
            "content/a.md:6: image: image 'hreo.jpg' not found next to the article; did you mean 'hero.jpg'?",
            "content/a.md:10: image 'chrt.png' not found next to the article",
            "content/a.md:12: link to missing article 'nowhere.md'",
            "content/a.md:12: link to missing article 'vaild.md'; did you mean 'valid.md'?",
        ]),
        Case(name: "a link up a folder", files: ["content/guides/a.md": article("A", body: "See [it](../vaild.md).")], status: 1,
             messages: ["content/guides/a.md:7: link to missing article '../vaild.md'; did you mean '../valid.md'?"]),
        Case(name: "image focus not a place", files: ["content/hero.jpg": "x", "content/a.md": article("A", extra: "image: hero.jpg\nimage_alt: A\nimage_focus: 120% top\n")],
             status: 1, messages: ["content/a.md:5: image 'hero.jpg': is not an image Liftoff can read (JPEG, PNG, WebP, GIF, AVIF or TIFF), or it is damaged",
                                   "content/a.md:7: front matter: 'image_focus' is top, bottom, left, right, center, or a point across and down such as `30% 20%`; got '120% top'"]),
        Case(name: "image focus without an image", files: ["content/a.md": article("A", extra: "image_focus: top\n")], status: 1,
             messages: ["content/a.md:5: front matter: 'image_focus' places the `image:` in its shared crop, and there is none: add `image: hero.jpg` or remove it"]),
        Case(name: "share neither card nor image", files: ["content/a.md": article("A", extra: "share: hero\n")], status: 1,
             messages: ["content/a.md:5: front matter: 'share' is `card` (link previews show the drawn card) or `image` (the hero, the default); got 'hero'"]),
        Case(name: "template syntax error", files: ["theme/templates/partials/card.mustache": "<article>\n{{#title}}\n</article>\n"], status: 1,
             messages: ["theme/templates/partials/card.mustache:4: template syntax error: a section is never closed ({{/name}} is missing)"]),
    ]

    @Test(arguments: cases)
    func reportsExactly(_ testCase: Case) throws {
        let site = try TestSite(["content/valid.md": Self.valid].merging(testCase.files) { $1 })
        defer { site.remove() }
        let run = try CommandLineTests().liftoff(["build", "--source", site.root.path, "--now", "2026-11-24T17:00:00Z"])
        #expect(run.status == testCase.status, "\(run.errors)")
        let lines = run.errors.split(separator: "\n").map(String.init).filter { !$0.hasSuffix("nothing was published.") }
        #expect(lines == testCase.messages)
        #expect(FileManager.default.fileExists(atPath: site.output.path) == (testCase.status == 0))
    }

    @Test func fileThatIsNotUTF8() throws {
        let site = try TestSite(["content/valid.md": Self.valid])
        defer { site.remove() }
        try site.write("content/latin1.md", Data("---\ntitle: Caf".utf8) + Data([0xE9]) + Data("\ndate: 2026-11-24\n---\n".utf8))
        let run = try CommandLineTests().liftoff(["build", "--source", site.root.path])
        #expect(run.status == 1)
        #expect(run.errors.hasPrefix("content/latin1.md:2: file is not valid UTF-8; save it as UTF-8\n"))
    }

    @Test func missingThemeTemplate() throws {
        let site = try TestSite(["content/valid.md": Self.valid])
        defer { site.remove() }
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("theme/templates/components/faq.mustache"))
        let run = try CommandLineTests().liftoff(["build", "--source", site.root.path])
        #expect(run.status == 1)
        #expect(run.errors.hasPrefix("theme/templates/components/faq.mustache: missing template 'components/faq': the theme must provide it\n"))
    }

    @Test func twentyMegabyteArticleBuilds() throws {
        var body = ""
        let section = "## Section\n\nA paragraph with **bold**, a [link](https://example.com) and ~~strike~~.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
        while body.utf8.count < 20_000_000 { body += section }
        let site = try TestSite(["content/big.md": article("Big", body: body)])
        defer { site.remove() }
        let run = try CommandLineTests().liftoff(["build", "--source", site.root.path, "--now", "2026-11-24T17:00:00Z"])
        #expect(run.status == 0, "\(run.errors)")
        let size = try FileManager.default.attributesOfItem(atPath: site.output.appendingPathComponent("articles/big/index.html").path)[.size] as? Int
        #expect((size ?? 0) > 20_000_000)
    }

    @Test func symlinkOutOfTheSiteIsRefused() throws {
        let site = try TestSite(["content/valid.md": Self.valid])
        defer { site.remove() }
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("liftoff-outside-\(UUID().uuidString).md")
        try Data(article("Outside").utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createSymbolicLink(at: site.root.appendingPathComponent("content/outside.md"), withDestinationURL: outside)
        try FileManager.default.createSymbolicLink(
            at: site.root.appendingPathComponent("content/inside.md"), withDestinationURL: site.root.appendingPathComponent("content/valid.md"))
        let run = try CommandLineTests().liftoff(["build", "--source", site.root.path])
        #expect(run.status == 1)
        #expect(run.errors.hasPrefix("content/outside.md: symbolic link points outside the site (\(outside.resolvingSymlinksInPath().path)); copy the file into the site instead\n"))
    }

    @Test func frontMatterIsEscapedInEveryContext() throws {
        let title = "Quote \\\" & <b>bold</b> 'single'"
        let site = try TestSite(["content/a.md": article(title, extra: "tags: [\"<i>tag</i>\"]\n", description: "'\"><script>alert(1)</script>'")])
        defer { site.remove() }
        let pages = try site.build()
        let html = try #require(pages["articles/a/index.html"])
        #expect(!html.contains("<script>alert(1)"))
        #expect(!html.contains("<b>bold</b>"))
        #expect(!html.contains("<i>tag</i>"))
        #expect(html.contains("<meta name=\"description\" content=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">"))
        #expect(html.contains("<h1>Quote &quot; &amp; &lt;b&gt;bold&lt;/b&gt; &#39;single&#39;</h1>"))
        #expect(html.contains("<title>Quote &quot; &amp; &lt;b&gt;bold&lt;/b&gt; &#39;single&#39; · Test Site</title>"))
        let feed = try #require(pages["feed.xml"])
        #expect(feed.contains("<title>Quote &quot; &amp; &lt;b&gt;bold&lt;/b&gt; &#39;single&#39;</title>"))
    }
}
