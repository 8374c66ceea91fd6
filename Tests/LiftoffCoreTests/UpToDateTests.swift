import Foundation
import Testing

@testable import LiftoffCore

/// A build with nothing to do stops at once, and never when something would change the output.
@Suite struct UpToDateTests {
    let command = CommandLineTests()

    func build(_ site: TestSite, now: String, _ extra: [String] = []) throws -> String {
        let run = try command.liftoff(["build", "--source", site.root.path, "--now", now] + extra)
        #expect(run.status == 0, "\(run.errors)")
        return run.output
    }

    func isNoOp(_ output: String) -> Bool { output.hasPrefix("Nothing changed since the last build") }

    func tree(_ site: TestSite) throws -> [String: [UInt8]] {
        try files(below: site.output)
    }

    @Test func aSecondBuildWithNothingChangedDoesNothing() throws {
        let site = try TestSite(["content/a.md": article("A")])
        defer { site.remove() }
        #expect(!isNoOp(try build(site, now: "2026-11-24T17:00:00Z")))
        let before = try tree(site)
        #expect(isNoOp(try build(site, now: "2026-11-24T17:00:00Z")))
        #expect(try tree(site) == before)
    }

    @Test func aBuildWithNothingToDoSaysTheWarningsAgainAndCheckSaysAMovedURL() throws {
        let site = try TestSite(["content/a.md": article("A", description: nil)])
        defer { site.remove() }
        let now = "2026-11-24T17:00:00Z"
        let first = try command.liftoff(["build", "--source", site.root.path, "--now", now])
        let again = try command.liftoff(["build", "--source", site.root.path, "--now", now])
        #expect(isNoOp(again.output))
        #expect(!first.errors.isEmpty && again.errors == first.errors, "the warnings stay until fixed")

        try site.write("content/a.md", article("A", extra: "slug: a-moved\n"))
        #expect(try command.liftoff(["build", "--source", site.root.path, "--now", now]).status == 0)
        let check = try command.liftoff(["check", "--strict", "--source", site.root.path, "--now", now])
        #expect(check.status == 1)
        #expect(check.errors.contains("content/a.md:5: warning: URL changed from /articles/a/ to /articles/a-moved/"))
    }

    @Test func anyChangeThatMattersBuildsAgain() throws {
        let site = try TestSite([
            "content/a.md": article("A"),
            "content/later.md": article("Later", date: "2026-11-24T17:05:00Z"),
        ])
        defer { site.remove() }
        let now = "2026-11-24T17:00:00Z"
        _ = try build(site, now: now)

        // An edited article.
        try site.write("content/a.md", article("A edited"))
        #expect(!isNoOp(try build(site, now: now)))
        #expect(try String(contentsOf: site.output.appendingPathComponent("articles/a/index.html"), encoding: .utf8).contains("A edited"))
        #expect(isNoOp(try build(site, now: now)))

        // A new file, a theme change, another option.
        try site.write("content/b.md", article("B"))
        #expect(!isNoOp(try build(site, now: now)))
        // A removed file (every file left is as it was: only the count says it).
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/b.md"))
        #expect(!isNoOp(try build(site, now: now)))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("articles/b/index.html").path))
        #expect(isNoOp(try build(site, now: now)))
        // site.yml edited.
        try site.write("site.yml", TestSite.siteYML + "\nfooter: Edited.\n")
        #expect(!isNoOp(try build(site, now: now)))
        try site.write("theme/assets/style.css", "body { color: blue; }\n")
        #expect(!isNoOp(try build(site, now: now)))
        #expect(!isNoOp(try build(site, now: now, ["--drafts"])))
        #expect(isNoOp(try build(site, now: now, ["--drafts"])))

        // Time passing: within the same minute nothing shows it; a minute later the countdown does.
        #expect(isNoOp(try build(site, now: "2026-11-24T17:00:00Z", ["--drafts"])))
        #expect(!isNoOp(try build(site, now: "2026-11-24T17:00:30Z", ["--drafts"])))
        #expect(isNoOp(try build(site, now: "2026-11-24T17:00:50Z", ["--drafts"])))

        // A future article falls due.
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("articles/later/index.html").path))
        _ = try build(site, now: "2026-11-24T17:04:59Z", ["--drafts"])
        #expect(!isNoOp(try build(site, now: "2026-11-24T17:05:00Z", ["--drafts"])))
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("articles/later/index.html").path))

        // A deleted output.
        try FileManager.default.removeItem(at: site.output)
        #expect(!isNoOp(try build(site, now: "2026-11-24T17:05:00Z", ["--drafts"])))
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("index.html").path))
    }

    @Test func theResultEqualsACleanBuild() throws {
        let site = try TestSite([:], copying: "basic")
        let clean = try TestSite([:], copying: "basic")
        defer { site.remove(); clean.remove() }
        let now = "2026-11-24T17:00:00Z"
        _ = try build(site, now: now)
        try site.write("content/countdown.md", try String(contentsOf: site.root.appendingPathComponent("content/countdown.md"), encoding: .utf8) + "\nOne more line.\n")
        try clean.write("content/countdown.md", try String(contentsOf: site.root.appendingPathComponent("content/countdown.md"), encoding: .utf8))
        _ = try build(site, now: now)
        _ = try build(clean, now: now)
        #expect(try tree(site) == tree(clean))
    }
}
