import Foundation
import Testing

@testable import LiftoffCore

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
}
