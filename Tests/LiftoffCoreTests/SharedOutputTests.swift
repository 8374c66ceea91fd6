import Foundation
import Testing

@testable import LiftoffCore
@testable import LiftoffModel
@testable import LiftoffRender

/// Builds that meet at one output folder: two at once, or one through a symbolic link. Either
/// way every build that says it published leaves a complete site, and no folder is emptied.
@Suite struct SharedOutputTests {
    let now = ["--now", "2026-11-24T17:00:00Z"]

    func site(_ name: String, articles: Int) throws -> TestSite {
        var files: [String: String] = [:]
        let body = String(repeating: "Text of site \(name), long enough to take a while to write.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n", count: 10)
        for index in 0..<articles { files["content/\(name)-\(index).md"] = article("\(name) \(index)", body: body) }
        return try TestSite(files, siteYML: "title: Site \(name)\nbase_url: https://example.org/\n")
    }

    /// Runs `liftoff` in the background; its error output goes to a file that can be read while it runs.
    func start(_ arguments: [String]) throws -> (Process, URL) {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("liftoff-log-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        return (process, log)
    }

    /// Every page the sitemap lists is in `output`.
    func missingPages(in output: URL) throws -> [String] {
        let sitemap = try String(contentsOf: output.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        return sitemap.components(separatedBy: "<loc>https://example.org/").dropFirst().compactMap { part in
            let path = String(part.prefix { $0 != "<" }) + "index.html"
            return FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path) ? nil : path
        }
    }

    @Test func twoBuildsAtOnceBothLeaveACompleteSite() throws {
        let a = try site("a", articles: 400), b = try site("b", articles: 400)
        let output = a.root.appendingPathComponent("shared-output")
        defer { a.remove(); b.remove() }
        for delay in [0.0, 0.15, 0.3] {
            let (first, firstLog) = try start(["build", "--source", a.root.path, "--output", output.path] + now)
            Thread.sleep(forTimeInterval: delay)
            let (second, secondLog) = try start(["build", "--source", b.root.path, "--output", output.path] + now)
            first.waitUntilExit()
            second.waitUntilExit()
            #expect(first.terminationStatus == 0, "\((try? String(contentsOf: firstLog, encoding: .utf8)) ?? "")")
            #expect(second.terminationStatus == 0, "\((try? String(contentsOf: secondLog, encoding: .utf8)) ?? "")")
            // The build that finished last is the one published, whole, and nothing of the other.
            #expect(try missingPages(in: output) == [])
            let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
            let last = home.contains("<title>Site b") ? "b" : "a"
            let pages = Theme.files(under: output).filter { $0.hasPrefix("articles/") && $0.hasSuffix("/index.html") && $0 != "articles/index.html" && !$0.hasPrefix("articles/page/") }
            #expect(pages.count == 400)
            #expect(pages.allSatisfy { $0.hasPrefix("articles/\(last)-") })
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: a.root.path).filter { $0.contains("liftoff-new") || $0.contains("liftoff-old") }
            #expect(leftovers == [])
        }
    }

    @Test func aSecondBuildWaitsAndLeavesTheFirstBuildsStagingAlone() throws {
        let a = try site("a", articles: 3)
        defer { a.remove() }
        // Another build holds the output and is writing its staging folder.
        var holder: OutputLock? = try OutputLock(output: a.output)
        let staging = a.root.appendingPathComponent(".output.liftoff-new-999999")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        try Data("being written".utf8).write(to: staging.appendingPathComponent("index.html"))
        let (build, log) = try start(["build", "--source", a.root.path] + now)
        Thread.sleep(forTimeInterval: 1.0)
        #expect(build.isRunning)
        #expect(try String(contentsOf: log, encoding: .utf8) == "Waiting for another build of \(a.output.path) to finish…\n")
        #expect(FileManager.default.fileExists(atPath: staging.appendingPathComponent("index.html").path))
        #expect(!FileManager.default.fileExists(atPath: a.output.path))
        _ = holder
        holder = nil  // the other build ends
        build.waitUntilExit()
        #expect(build.terminationStatus == 0)
        #expect(try missingPages(in: a.output) == [])
        // Its owner gone, the staging folder is a leftover and is cleaned up.
        #expect(!FileManager.default.fileExists(atPath: staging.path))
    }

    @Test func anOutputThatIsALinkIsPublishedIntoTheFolderItNames() throws {
        let a = try site("a", articles: 3)
        defer { a.remove() }
        let real = a.root.appendingPathComponent("deploy-real"), link = a.root.appendingPathComponent("out")
        let command = CommandLineTests()
        #expect(try command.liftoff(["build", "--source", a.root.path, "--output", real.path] + now).status == 0)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "deploy-real")
        try a.write("content/a-new.md", article("Added"))
        let run = try command.liftoff(["build", "--source", a.root.path, "--output", link.path] + now)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains(" to out in ") || run.output.contains(" to \(link.path) in "))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "deploy-real")
        #expect(FileManager.default.fileExists(atPath: real.path + "/articles/a-new/index.html"))
        #expect(try missingPages(in: real) == [])
        let beside = try FileManager.default.contentsOfDirectory(atPath: a.root.path).filter { $0.contains("liftoff-new") }
        #expect(beside == [])
    }

    @Test func anOutputLinkToNothingIsRefused() throws {
        let a = try site("a", articles: 1)
        defer { a.remove() }
        let link = a.root.appendingPathComponent("out")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "gone")
        let run = try CommandLineTests().liftoff(["build", "--source", a.root.path, "--output", link.path] + now)
        #expect(run.status == 1)
        #expect(run.errors.hasPrefix("\(link.path): output is a symbolic link to 'gone', which does not exist; create that folder or choose another --output\n"))
    }

    @Test func aFailedWriteSaysWhichFileAndWhy() throws {
        let a = try site("a", articles: 1)
        defer { a.remove() }
        let writer = try OutputWriter(output: a.output)
        defer { writer.discard() }
        try writer.write(Array("file".utf8), to: "feed")
        #expect(throws: WriteError(path: a.output.path + "/feed/index.html", reason: "Not a directory")) {
            try writer.write(Array("page".utf8), to: "feed/index.html")
        }
        #expect("\(WriteError(path: "/o/x.html", reason: "No space left on device"))" == "/o/x.html: cannot write: No space left on device")
    }

    /// Issue 29, item 2: a writer of the site's folder moves the staging folder away mid-build and
    /// puts its own in its place, holding a link to a file only the build's user may write.
    @Test func aStagingFolderSwappedMidBuildWritesNothingThroughItsLinksAndPublishesNothing() throws {
        let site = try TestSite(["content/a.md": article("A")])
        defer { site.remove() }
        let victim = site.root.appendingPathComponent("authorized_keys")
        try "ssh-ed25519 AAAA owner\n".write(to: victim, atomically: true, encoding: .utf8)
        let writer = try OutputWriter(output: site.output)
        try writer.write(Array("<p>one</p>".utf8), to: "one.html")
        // The swap: the real staging folder renamed away, another folder in its place.
        let moved = site.root.appendingPathComponent("moved-staging")
        #expect(rename(writer.staging.path, moved.path) == 0)
        try FileManager.default.createDirectory(at: writer.staging, withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: writer.staging.path + "/authorized_keys", withDestinationPath: victim.path)
        try writer.write(Array("attacker-controlled page\n".utf8), to: "authorized_keys")
        #expect(throws: BuildFailure.self) { try writer.commit() }
        writer.discard()
        #expect(try String(contentsOf: victim, encoding: .utf8) == "ssh-ed25519 AAAA owner\n", "the linked file was overwritten")
        #expect(!FileManager.default.fileExists(atPath: site.output.path), "a replaced staging folder was published")
        // What the build wrote went into its own folder, wherever it was moved.
        #expect(try String(contentsOf: moved.appendingPathComponent("authorized_keys"), encoding: .utf8) == "attacker-controlled page\n")
    }

    /// Issue 29, item 4: a content file swapped for a link to a file outside the site, over and
    /// over while builds run, never publishes the outside file: each build either publishes the
    /// site's own file or fails.
    @Test func contentSwappedForLinksDuringBuildsNeverPublishesTheOutsideFile() throws {
        let site = try TestSite([
            "content/a.md": article("A"), "content/post.md": article("Post", body: "The real post."), "content/notes.txt": "real notes\n",
        ])
        let outside = site.root.path + "-outside"
        defer { site.remove(); try? FileManager.default.removeItem(atPath: outside) }
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try "SECRET notes\n".write(toFile: outside + "/secret.txt", atomically: true, encoding: .utf8)
        try article("Post", body: "SECRET post.").write(toFile: outside + "/secret.md", atomically: true, encoding: .utf8)
        let content = site.root.path + "/content"
        // Ready-made replacements, renamed into place (each name is always a file or a link).
        for (name, target) in [("notes.txt", "secret.txt"), ("post.md", "secret.md")] {
            try FileManager.default.copyItem(atPath: content + "/" + name, toPath: content + "/.real-" + name)
            try FileManager.default.createSymbolicLink(atPath: content + "/.link-" + name, withDestinationPath: outside + "/" + target)
        }
        final class Running: @unchecked Sendable {
            private let lock = Lock()
            private var value = true
            var isOn: Bool { lock.withLock { value } }
            func stop() { lock.withLock { value = false } }
        }
        let running = Running()
        let swapper = Thread {
            var linked = false
            while running.isOn {
                for name in ["notes.txt", "post.md"] {
                    let spare = content + "/.spare-" + name
                    Glibc.link(content + (linked ? "/.real-" : "/.link-") + name, spare)  // a link to a symbolic link is the link itself
                    rename(spare, content + "/" + name)
                }
                linked.toggle()
            }
        }
        swapper.start()
        defer { running.stop() }
        for _ in 0..<30 {
            let sink = MemorySink()
            guard (try? Builder.build(root: site.root, into: sink, options: BuildOptions(now: testNow))) != nil else { continue }
            for (path, bytes) in sink.files {
                #expect(!String(decoding: bytes, as: UTF8.self).contains("SECRET"), "\(path) holds the outside file")
            }
        }
    }
}
