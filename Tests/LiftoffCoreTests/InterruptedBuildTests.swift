import Foundation
import Testing

@testable import LiftoffCore
@testable import LiftoffModel
@testable import LiftoffRender

/// A build killed at any moment leaves `output/` either exactly as it was or exactly as a
/// complete new build: never a mix, never half-written.
@Suite struct InterruptedBuildTests {
    func site(version: String, count: Int = 1_500) throws -> TestSite {
        var files: [String: String] = [:]
        let body = String(repeating: "A paragraph of text for version \(version), long enough to matter.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n", count: 20)
        for index in 0..<count {
            files["content/post-\(index).md"] = article("Post \(index) \(version)", body: body)
        }
        return try TestSite(files)
    }

    @Test func killedBuildsLeaveTheOldOrTheNewTree() throws {
        let old = try site(version: "one")
        let new = try site(version: "two")
        defer { old.remove(); new.remove() }
        let command = CommandLineTests()
        let now = ["--now", "2026-11-24T17:00:00Z"]
        #expect(try command.liftoff(["build", "--source", old.root.path] + now).status == 0)
        #expect(try command.liftoff(["build", "--source", new.root.path] + now).status == 0)
        let before = try snapshot(old.output)
        let after = try snapshot(new.output)
        // The old site's sources become the new ones; its output is still the old tree.
        try FileManager.default.removeItem(at: old.root.appendingPathComponent("content"))
        try FileManager.default.copyItem(at: new.root.appendingPathComponent("content"), to: old.root.appendingPathComponent("content"))

        var outcomes: [String] = []
        for delay in [0.02, 0.05, 0.1, 0.2, 0.4, 0.8] {
            let process = Process()
            process.executableURL = CommandLineTests.binary
            process.arguments = ["build", "--source", old.root.path] + now
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let current = try snapshot(old.output)
            #expect(current == before || current == after, "after \(delay) s the output is neither tree")
            outcomes.append(current == before ? "old" : "new")
            if current == after { break }
        }
        // The next build finishes the job and clears what the killed ones left behind.
        #expect(try command.liftoff(["build", "--source", old.root.path] + now).status == 0)
        #expect(try snapshot(old.output) == after)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: old.root.path).filter { $0.contains("liftoff-new") || $0.contains("liftoff-old") }
        #expect(leftovers.isEmpty, "\(leftovers)")
        #expect(outcomes.first == "old", "the shortest kill came too late to interrupt anything: \(outcomes)")
    }

    /// Every file with its bytes, and every folder (as `path/`).
    func snapshot(_ url: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for path in Theme.files(under: url) { result[path] = try Data(contentsOf: url.appendingPathComponent(path)) }
        for folder in try folders(below: url) { result[folder + "/"] = Data() }
        return result
    }

    /// The articles of one version of a site: every page differs between versions, and each
    /// version has twenty articles the other lacks (so a build removes files from the spare).
    static func version(_ name: String) -> [String: String] {
        let body = String(repeating: "Text of version \(name), in a paragraph long enough to matter.\n\n", count: 12)
        let numbers = name == "one" ? Array(0..<150) : Array(20..<170)
        return numbers.reduce(into: [:]) { $0["content/post-\($1).md"] = article("Post \($1) \(name)", body: body) }
    }

    /// Builds that start from the spare tree (the output before last), killed at each point of
    /// the swap, before random changes to the staging tree, and after random delays: 54 kills,
    /// each leaving the old tree or the new one; the next build always completes the new one.
    @Test func buildsStartingFromTheSpareKilledAtEachPointLeaveTheOldOrTheNewTree() throws {
        let site = try TestSite(Self.version("one"), parent: TestSite.memoryFolder)
        defer { site.remove() }
        let command = CommandLineTests()
        let now = ["--now", "2026-11-24T17:00:00Z"]
        let spare = TreeRecord.spareLocation(for: site.output).path
        // What each version's output is: built apart, from scratch.
        var expected: [String: [String: Data]] = [:]
        for name in ["one", "two"] {
            let apart = try TestSite(Self.version(name), parent: TestSite.memoryFolder)
            defer { apart.remove() }
            #expect(try command.liftoff(["build", "--source", apart.root.path] + now).status == 0)
            expected[name] = try snapshot(apart.output)
        }
        func use(_ name: String) throws {
            try FileManager.default.removeItem(at: site.root.appendingPathComponent("content"))
            for (path, text) in Self.version(name) { try site.write(path, text) }
        }
        /// Builds to the end; a build that found no tree record to start from keeps no spare, so
        /// the other version is built and this one again, which leaves one.
        func complete(_ name: String) throws {
            #expect(try command.liftoff(["build", "--source", site.root.path] + now).status == 0)
            if access(spare, F_OK) != 0 {
                try use(name == "one" ? "two" : "one")
                #expect(try command.liftoff(["build", "--source", site.root.path] + now).status == 0)
                try use(name)
                #expect(try command.liftoff(["build", "--source", site.root.path] + now).status == 0)
            }
            let got = try snapshot(site.output), want = expected[name] ?? [:]
            let differing = Set(got.keys).union(want.keys).filter { got[$0] != want[$0] }.sorted()
            #expect(differing.isEmpty, "a completed build of version \(name) is not its clean build: \(differing.prefix(8)) of \(differing.count)")
            #expect(access(spare, F_OK) == 0, "no spare after building \(name)")
        }
        try complete("one")
        try use("two")
        try complete("two")

        var generator = SeededGenerator(seed: 54)
        let points = ["adopted", "change-1", "change-n", "cleared", "marked", "exchanged", "kept", "recorded", "delay"]
        var stopped: [String: Int] = [:], kills = 0
        for round in 0..<54 {
            let name = round % 2 == 0 ? "one" : "two"
            try use(name)
            let before = try snapshot(site.output)
            var point = points[round % points.count]
            if point == "change-n" { point = "change-\(Int.random(in: 2...300, using: &generator))" }
            let process = Process()
            process.executableURL = CommandLineTests.binary
            process.arguments = ["build", "--source", site.root.path] + now
            if point != "delay" { process.environment = ProcessInfo.processInfo.environment.merging(["LIFTOFF_PAUSE_AT": point]) { $1 } }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            if point == "delay" {
                Thread.sleep(forTimeInterval: Double.random(in: 0.0...0.4, using: &generator))
            } else if Self.waitUntilStopped(process) {
                stopped[points[round % points.count], default: 0] += 1
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            kills += process.terminationReason == .uncaughtSignal ? 1 : 0
            let current = try snapshot(site.output)
            #expect(current == before || current == expected[name], "killed at \(point) (round \(round)), the output is neither tree")
            try complete(name)
        }
        #expect(kills >= 50, "only \(kills) builds were killed before they ended")
        // Every point of the swap was reached and killed there, in every round that named it.
        for point in points where point != "delay" { #expect(stopped[point] == 6, "\(point): stopped \(stopped[point] ?? 0) of 6 times") }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains("liftoff-new") || $0.contains("liftoff-old") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    /// Waits until `process` stops itself at its pause point (true), or ends without reaching it.
    static func waitUntilStopped(_ process: Process) -> Bool {
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning, Date() < deadline {
            if let stat = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8),
               let close = stat.lastIndex(of: ")"), stat[stat.index(close, offsetBy: 2)] == "T" {
                return true
            }
            Thread.sleep(forTimeInterval: 0.005)
        }
        return false
    }
}
