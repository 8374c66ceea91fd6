import Foundation
import Testing

@testable import LiftoffCore
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

    func snapshot(_ url: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for path in Theme.files(under: url) { result[path] = try Data(contentsOf: url.appendingPathComponent(path)) }
        return result
    }
}
