import Foundation
import Testing
import Yams

/// The `liftoff` binary as a user runs it: exit codes, messages, files.
@Suite struct CommandLineTests {
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    /// The `liftoff` built beside these tests (release with `make test`, debug with `swift test`), or
    /// `LIFTOFF_BINARY` (to run these tests against another build of Liftoff).
    static let binary = ProcessInfo.processInfo.environment["LIFTOFF_BINARY"].map(URL.init(fileURLWithPath:))
        ?? built("liftoff")

    /// A product of the build these tests belong to: beside the test bundle.
    static func built(_ product: String) -> URL {
        let beside = Bundle.main.executableURL.map { $0.deletingLastPathComponent().appendingPathComponent(product) }
        if let beside, FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return repositoryRoot.appendingPathComponent(".build/debug/\(product)")
    }

    func liftoff(_ arguments: [String], environment: [String: String] = [:], timeout: Double = 600) throws -> Run {
        try run(Self.binary, arguments, environment: environment, timeout: timeout)
    }

    /// Runs a program to its end and returns its status and both outputs; one still running after
    /// `timeout` seconds is killed (its status is then 9, SIGKILL's number).
    func run(_ executable: URL, _ arguments: [String], environment: [String: String] = [:], timeout: Double = 600) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let pid = process.processIdentifier
        let deadline = DispatchWorkItem { kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: deadline)
        defer { deadline.cancel() }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
                   errors: String(decoding: errors, as: UTF8.self))
    }

    @Test func buildsAnySiteFolderIntoAnyOutput() throws {
        let site = try TestSite([:], copying: "basic")
        defer { site.remove() }
        let output = site.root.appendingPathComponent("public").path
        let run = try liftoff(["build", "--source", site.root.path, "--output", output, "--now", "2026-11-24T17:00:00Z"])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.hasPrefix("Published 3 articles, "))
        let page = try String(contentsOfFile: output + "/articles/countdown/index.html", encoding: .utf8)
        #expect(page.contains("7 days left"))
    }

    @Test func contentErrorsExitOneWithEveryProblemAndKeepTheOutput() throws {
        let site = try TestSite(["content/a.md": article("A")])
        defer { site.remove() }
        #expect(try liftoff(["build", "--source", site.root.path]).status == 0)
        let before = try Data(contentsOf: site.output.appendingPathComponent("articles/a/index.html"))
        try site.write("content/a.md", "---\ntitle: A\ndate: 2026-11-20\ntags: 5\n---\nSee [x](x.md).\n")
        try site.write("content/c.md", "---\ntitle: C\ndate: 2026-11-20\n---\nSee [x](x.md).\n")
        try site.write("content/b.md", "---\ntitle: B\n---\n")
        let run = try liftoff(["build", "--source", site.root.path])
        #expect(run.status == 1)
        #expect(run.errors == """
            content/a.md:1: warning: no description: add `description:` or a `TL;DR:` paragraph (lists, the feed and link previews show it)
            content/a.md:4: front matter: 'tags' must be a list of names, like `tags: [launch, countdown]`
            content/a.md:6: link to missing article 'x.md'; did you mean 'b.md'?
            content/b.md:1: front matter: missing key 'date' (e.g. `date: 2026-11-24`), or name the file `YYYY-MM-DD-b.md`
            content/b.md:3: warning: the article has no text after its front matter
            content/c.md:1: warning: no description: add `description:` or a `TL;DR:` paragraph (lists, the feed and link previews show it)
            content/c.md:5: link to missing article 'x.md'; did you mean 'a.md'?
            4 errors, 3 warnings; nothing was published.

            """)
        #expect(try Data(contentsOf: site.output.appendingPathComponent("articles/a/index.html")) == before)
    }

    @Test(arguments: [
        ["build", "--now", "next week"],
        ["build", "--no-such-flag"],
        ["build", "--base-url", "example.org"],
        ["frobnicate"],
    ])
    func usageErrorsExitTwo(arguments: [String]) throws {
        let run = try liftoff(arguments)
        #expect(run.status == 2, "\(arguments): \(run.errors)")
        #expect(run.errors.contains("Error:"))
    }

    @Test func sourceDateEpochSetsNow() throws {
        let site = try TestSite(["content/a.md": article("A")])
        defer { site.remove() }
        let epoch = String(Timestamp_2026_11_30_17)
        #expect(try liftoff(["build", "--source", site.root.path], environment: ["SOURCE_DATE_EPOCH": epoch]).status == 0)
        let home = try String(contentsOf: site.output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(home.contains("1 day left"))
    }

    @Test func refusesAnOutputItDidNotCreate() throws {
        let site = try TestSite(["content/a.md": article("A")])
        defer { site.remove() }
        try site.write("notes/todo.txt", "Mine.")
        let run = try liftoff(["build", "--source", site.root.path, "--output", site.root.appendingPathComponent("notes").path])
        #expect(run.status == 1)
        #expect(run.errors.contains("refusing to replace a folder Liftoff did not create"))
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("notes/todo.txt").path))
    }

    @Test func newStartsADraftThatChecksClean() throws {
        let site = try TestSite(["content/a.md": article("A")])
        defer { site.remove() }
        let run = try liftoff(["new", "GPT Image 2: Launch Day!", "--source", site.root.path, "--now", "2026-11-25"])
        #expect(run.status == 0, "\(run.errors)")
        let text = try String(contentsOf: site.root.appendingPathComponent("content/gpt-image-2-launch-day.md"), encoding: .utf8)
        #expect(text.hasPrefix("---\ntitle: \"GPT Image 2: Launch Day!\"\n"))
        #expect(text.contains("date: 2026-11-25\n"))
        #expect(text.contains("draft: true  #"))
        #expect(!text.contains("description: \"\"") && !text.contains("example.com") && !text.contains("TL;DR: One"),
                "nothing that would publish as placeholder text")
        #expect(try liftoff(["new", "GPT Image 2: Launch Day!", "--source", site.root.path]).status == 1)
        // Published as it stands, the draft says what it lacks, and --strict refuses it.
        let strict = try liftoff(["build", "--source", site.root.path, "--output", site.root.appendingPathComponent("out").path,
                                  "--drafts", "--strict", "--now", "2026-11-25T12:00:00Z"])
        #expect(strict.status == 1)
        #expect(strict.errors.contains("content/gpt-image-2-launch-day.md:"), "\(strict.errors)")
        let check = try liftoff(["check", "--source", site.root.path, "--now", "2026-11-25T12:00:00Z"])
        #expect(check.status == 0, "\(check.errors)")
        #expect(check.output.contains("No errors in 2 articles"))
    }

    @Test func newWritesAnyTitleExactlyAndRefusesAFolderThatIsNoSite() throws {
        let site = try TestSite(["content/a.md": article("A")])
        defer { site.remove() }
        let titles = ["Why `touch marker` fails: $(id) \"quoted\" 'single' \\ back $5 🚀", "Two\nlines\tand a tab"]
        for title in titles {
            let run = try liftoff(["new", title, "--source", site.root.path, "--now", "2026-11-25"])
            #expect(run.status == 0, "\(run.errors)")
        }
        // Each file's title, read back as the build reads it, is the title given.
        let check = try liftoff(["check", "--source", site.root.path, "--now", "2026-11-25T12:00:00Z"])
        #expect(check.status == 0, "\(check.errors)")
        for (file, title) in zip(["why-touch-marker-fails-id-quoted-single-back-5", "two-lines-and-a-tab"], titles) {
            let text = try String(contentsOf: site.root.appendingPathComponent("content/\(file).md"), encoding: .utf8)
            let front = try #require(text.split(separator: "---\n").first)
            let yaml = try #require(try Yams.load(yaml: String(front)) as? [String: Any])
            #expect(yaml["title"] as? String == title)
        }
        // A title of 300 characters makes a slug cut at a word, not an error from the file system.
        let long = String(repeating: "launch ", count: 43) + "day"
        let made = try liftoff(["new", long, "--source", site.root.path, "--now", "2026-11-25"])
        #expect(made.status == 0, "\(made.errors)")
        #expect(made.output.hasPrefix("Created content/launch-launch-"), "\(made.output)")
        let slug = made.output.dropFirst("Created content/".count).prefix { $0 != "." }
        #expect(slug.count <= 80 && !slug.hasSuffix("-"))
        // A folder without site.yml is not a site: nothing is made there.
        let nowhere = site.root.appendingPathComponent("nowhere").path
        let refused = try liftoff(["new", "X", "--source", nowhere])
        #expect(refused.status == 1)
        #expect(refused.errors.hasPrefix("\(nowhere): not a Liftoff site (it has no site.yml); pass the site's folder with --source"), "\(refused.errors)")
        #expect(!FileManager.default.fileExists(atPath: nowhere))
    }

    @Test func versionAndUnknownCommands() throws {
        let version = try liftoff(["--version"])
        #expect(version.status == 0 && version.output.hasPrefix("0."), "\(version.output)")
        let unknown = try liftoff(["deploy"])
        #expect(unknown.status == 2)
        #expect(unknown.errors.hasPrefix("Error: no command 'deploy'. The commands are:\n  build "))
        #expect(unknown.errors.contains("\n  serve ") && unknown.errors.contains("\n  new "))
    }

    @Test func theSummarySaysWhatWasHeldBackAndWhenTheNextFallsDue() throws {
        let site = try TestSite([
            "content/a.md": article("A"),
            "content/draft.md": article("Draft", extra: "draft: true\n"),
            "content/later.md": article("Later", date: "2026-12-05T16:00:00Z"),
            "content/latest.md": article("Latest", date: "2026-12-09"),
        ])
        defer { site.remove() }
        let run = try liftoff(["build", "--source", site.root.path, "--output", site.output.path, "--now", "2026-11-25T12:00:00Z"])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("Published 1 article, "))
        #expect(run.output.contains("; 1 draft, 2 scheduled: next due 2026-12-05 16:00 UTC)."), "\(run.output)")
    }

    @Test func checkSaysWhenAThemeIsRenderedTheSlowWayAndWhy() throws {
        let site = try TestSite(["content/a.md": article("A", extra: "tags: [b, a]\n")])
        defer { site.remove() }
        let plain = try liftoff(["check", "--source", site.root.path])
        #expect(plain.status == 0 && !plain.output.contains("Note:"), "\(plain.output)")
        // `reversed()` is swift-mustache's, not a transform the fast renderer knows.
        let template = site.root.appendingPathComponent("theme/templates/article.mustache")
        try (String(contentsOf: template, encoding: .utf8) + "{{#reversed(article.tags)}}{{.}}{{/reversed(article.tags)}}\n")
            .write(to: template, atomically: true, encoding: .utf8)
        let slow = try liftoff(["check", "--source", site.root.path])
        #expect(slow.status == 0, "\(slow.errors)")
        #expect(slow.output.contains(
            "Note: theme/templates/article.mustache: rendered by swift-mustache itself, several times slower, because of the transform 'reversed()' on 'article.tags'"),
            "\(slow.output)")
    }

    @Test func checkReportsProblemsWithoutWriting() throws {
        let site = try TestSite(["content/a.md": article("A", extra: "relatd: [b]\n")])
        defer { site.remove() }
        let run = try liftoff(["check", "--source", site.root.path])
        #expect(run.status == 1)
        #expect(run.errors.hasPrefix("content/a.md:5: front matter: unknown key 'relatd'; did you mean 'related'?\n"))
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }
}

/// 2026-11-30T17:00:00Z as seconds since 1970.
let Timestamp_2026_11_30_17: Int64 = 1_796_058_000
