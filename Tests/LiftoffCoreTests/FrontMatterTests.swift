import Testing

@testable import LiftoffCore
@testable import LiftoffModel
@testable import LiftoffSource

@Suite struct FrontMatterTests {
    func parse(_ text: String, path: String = "content/post.md") -> Result<Article, BuildFailure> {
        FrontMatterParser.parse(data: Array(text.utf8), path: path)
    }

    func messages(_ text: String, path: String = "content/post.md") -> [String] {
        guard case .failure(let failure) = parse(text, path: path) else { return [] }
        return failure.diagnostics.map(\.description)
    }

    @Test func splitsFrontMatterFromBody() throws {
        let split = try FrontMatterSplit.split("---\ntitle: A\n---\nBody\n", path: "a.md")
        #expect(split.yaml == "title: A\n")
        #expect(split.body == "Body\n")
        #expect(split.bodyLine == 4)
    }

    @Test(arguments: [
        ("draft: true", true), ("draft: yes", true), ("draft: On", true), ("draft: FALSE", false), ("draft: no", false),
        ("draft: ~", false), ("draft: null", false),
    ])
    func readsYAMLBooleansAndNulls(line: String, draft: Bool) throws {
        let article = try parse("---\ntitle: A\ndate: 2026-11-24\n\(line)\ndescription: ~\n---\nText.\n").get()
        #expect(article.draft == draft)
        #expect(article.description == nil)
    }

    @Test func aQuotedBooleanIsText() {
        #expect(messages("---\ntitle: A\ndate: 2026-11-24\ndraft: \"true\"\n---\nText.\n")
            == ["content/post.md:4: front matter: 'draft' must be true or false"])
    }

    @Test func decodesEveryKey() throws {
        let text = """
            ---
            title: "Countdown: 7 days"
            description: One line.
            date: 2026-11-24
            updated: 2026-11-25T10:00:00Z
            tags: [countdown, launch-prep]
            related: [other]
            countdown:
              target: 2026-12-01T17:00:00Z
              label: GPT Image 2
            draft: true
            slug: my-countdown
            extra:
              hero: launch.png
              flags: [a, b]
            ---
            Body
            """
        let article = try parse(text).get()
        #expect(article.title == "Countdown: 7 days")
        #expect(article.description == "One line.")
        #expect(article.date.iso8601 == "2026-11-24T00:00:00Z")
        #expect(article.updated?.iso8601 == "2026-11-25T10:00:00Z")
        #expect(article.tags == ["countdown", "launch-prep"])
        #expect(article.related == ["other"])
        #expect(article.relatedLine == 7)
        #expect(article.countdown == Countdown(target: Timestamp(iso8601: "2026-12-01T17:00:00Z")!, label: "GPT Image 2"))
        #expect(article.draft)
        #expect(article.slug == "my-countdown")
        #expect(article.extra == .map(["hero": .string("launch.png"), "flags": .list([.string("a"), .string("b")])]))
        #expect(article.body == "Body")
        #expect(article.bodyLine == 17)
    }

    @Test func countdownShortForm() throws {
        let article = try parse("---\ntitle: T\ndate: 2026-11-24\ncountdown: 2026-12-01T17:00:00Z\n---\n").get()
        #expect(article.countdown?.target.iso8601 == "2026-12-01T17:00:00Z")
    }

    @Test func crlfAndByteOrderMarkBuildFine() throws {
        let text = "\u{FEFF}---\r\ntitle: Windows\r\ndate: 2026-11-24\r\n---\r\nLine one\r\nLine two\r\n"
        let article = try parse(text).get()
        #expect(article.title == "Windows")
        #expect(article.body == "Line one\nLine two\n")
        #expect(article.bodyLine == 5)
    }

    @Test func dateAndSlugFromFileName() throws {
        let article = try parse("---\ntitle: Signals\n---\n", path: "content/2026-11-10-release-signals.md").get()
        #expect(article.slug == "release-signals")
        #expect(article.date.day == "2026-11-10")
    }

    @Test func slugFromBundleFolder() throws {
        let article = try parse("---\ntitle: T\ndate: 2026-11-24\n---\n", path: "content/launch-notes/index.md").get()
        #expect(article.slug == "launch-notes")
    }

    @Test func fileNameIsMadeIntoASlug() throws {
        let article = try parse("---\ntitle: T\ndate: 2026-11-24\n---\n", path: "content/My Launch Notes.md").get()
        #expect(article.slug == "my-launch-notes")
    }

    @Test(arguments: [
        ("---\ndate: 2026-11-24\n---\n", "content/post.md:1: front matter: missing key 'title'"),
        ("---\ntitle: T\n---\n", "content/post.md:1: front matter: missing key 'date' (e.g. `date: 2026-11-24`), or name the file `YYYY-MM-DD-post.md`"),
        ("---\ntitle: T\ndate: 2026-02-30\n---\n", "content/post.md:3: front matter: 'date' is not a valid date: '2026-02-30' (use YYYY-MM-DD or ISO 8601 such as 2026-12-01T17:00:00Z)"),
        ("---\ntitle: T\ndate: next week\n---\n", "content/post.md:3: front matter: 'date' is not a valid date: 'next week' (use YYYY-MM-DD or ISO 8601 such as 2026-12-01T17:00:00Z)"),
        ("---\ntitle: T\ndate: 2026-11-24\ntags: 5\n---\n", "content/post.md:4: front matter: 'tags' must be a list of names, like `tags: [launch, countdown]`"),
        ("---\ntitle: T\ndate: 2026-11-24\nrelated: \"x\"\n---\n", "content/post.md:4: front matter: 'related' must be a list of names, like `related: [other-article-slug]`"),
        ("---\ntitle: T\ndate: 2026-11-24\nrelate: [x]\n---\n", "content/post.md:4: front matter: unknown key 'relate'; did you mean 'related'?"),
        ("---\ntitle: T\ndate: 2026-11-24\nhero: x.png\n---\n", "content/post.md:4: front matter: unknown key 'hero'; custom fields belong under 'extra:'"),
        ("---\ntitle: T\ndate: 2026-11-24\nslug: Bad Slug\n---\n", "content/post.md:4: front matter: slug 'Bad Slug' must not contain spaces; use '-'"),
        ("---\ntitle: T\ndate: 2026-11-24\nslug: ../up\n---\n", "content/post.md:4: front matter: slug '../up' must not contain '/' or '..'"),
        ("---\ntitle: T\ndate: 2026-11-24\ndraft: maybe\n---\n", "content/post.md:4: front matter: 'draft' must be true or false"),
        ("---\ntitle: T\ndate: 2026-11-24\ncountdown:\n  target: soon\n---\n", "content/post.md:5: front matter: countdown: 'target' is not a valid date: 'soon' (use YYYY-MM-DD or ISO 8601 such as 2026-12-01T17:00:00Z)"),
        ("---\ntitle: [unclosed\ndate: 2026-11-24\n---\n", "content/post.md:3: front matter: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence"),
        ("---\ntitle: T\ndate: 2026-11-24\n", "content/post.md:1: front matter is not closed: add a `---` line after the last key"),
        ("Just text\n", "content/post.md:1: missing front matter: the file does not start with `---`; start the file with a `---` line, then `title:` and `date:`, then `---`"),
        ("", "content/post.md:1: missing front matter: the file is empty; start the file with a `---` line, then `title:` and `date:`, then `---`"),
    ])
    func reportsProblemsWithLines(text: String, message: String) {
        #expect(messages(text) == [message])
    }

    @Test func reportsEveryProblemInAFile() {
        let found = messages("---\ntitel: T\ndate: tomorrow\ntags: 5\n---\n")
        #expect(found == [
            "content/post.md:2: front matter: unknown key 'titel'; did you mean 'title'?",
            "content/post.md:1: front matter: missing key 'title'",
            "content/post.md:3: front matter: 'date' is not a valid date: 'tomorrow' (use YYYY-MM-DD or ISO 8601 such as 2026-12-01T17:00:00Z)",
            "content/post.md:4: front matter: 'tags' must be a list of names, like `tags: [launch, countdown]`",
        ])
    }

    @Test func rejectsInvalidUTF8WithItsLine() {
        let bytes = Array("---\ntitle: T\n".utf8) + [0xC3, 0x28, 0x0A]
        guard case .failure(let failure) = FrontMatterParser.parse(data: bytes, path: "content/bad.md") else {
            Issue.record("invalid UTF-8 was accepted")
            return
        }
        #expect(failure.diagnostics.map(\.description) == ["content/bad.md:3: file is not valid UTF-8; save it as UTF-8"])
    }
}
