import Foundation
import Testing

/// `liftoff serve` as a process: the URL it prints, a taken port, clean shutdown on signals.
@Suite(.serialized) struct ServeCommandTests {
    /// Starts `liftoff serve` and waits for its "Serving at" line; returns the process, the URL and the output so far.
    func start(_ arguments: [String]) throws -> (Process, String, Pipe) {
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = ["serve"] + arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var text = ""
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, !text.contains("Serving at"), process.isRunning {
            let chunk = errors.fileHandleForReading.availableData
            text += String(decoding: chunk, as: UTF8.self)
        }
        return (process, text, errors)
    }

    /// Preview folders of `liftoff serve` processes (not those of this test process's own previews).
    func previewFolders() -> Set<String> {
        Set(((try? FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)) ?? [])
            .filter { $0.hasPrefix("liftoff-preview-") && !$0.hasPrefix("liftoff-preview-test-") && !$0.hasPrefix("liftoff-preview-\(getpid())-") })
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func printsItsURLAndShutsDownCleanly(signal: Int32) throws {
        let site = try TestSite(["content/a.md": article("A")])
        defer { site.remove() }
        let before = previewFolders()
        let (process, text, _) = try start(["--source", site.root.path, "--port", "0"])
        #expect(text.contains("Built 1 article in "))
        let url = try #require(text.split(separator: "\n").first { $0.hasPrefix("Serving at http://127.0.0.1:") })
        #expect(url.hasSuffix("/ (drafts and future posts included). Press Ctrl-C to stop."))
        #expect(previewFolders().count == before.count + 1)
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(previewFolders() == before)
    }

    @Test func aTakenPortIsNamed() throws {
        let site = try TestSite(["content/a.md": article("A")])
        defer { site.remove() }
        let (first, text, _) = try start(["--source", site.root.path, "--port", "0"])
        defer { kill(first.processIdentifier, SIGTERM); first.waitUntilExit() }
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("Serving at http://127.0.0.1:") })
        let port = String(line.dropFirst("Serving at http://127.0.0.1:".count).prefix { $0.isNumber })
        let run = try CommandLineTests().liftoff(["serve", "--source", site.root.path, "--port", port])
        #expect(run.status == 2)
        #expect(run.errors.contains("port \(port) is already in use"))
    }
}
