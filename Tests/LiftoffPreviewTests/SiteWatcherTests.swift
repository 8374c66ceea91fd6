import Foundation
import Testing

@testable import LiftoffPreview

/// inotify as editors trigger it: plain writes, rename-over saves, new folders, temp files.
@Suite struct SiteWatcherTests {
    func makeRoot() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("liftoff-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/notes"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("theme/templates"), withIntermediateDirectories: true)
        try Data("title: T\n".utf8).write(to: root.appendingPathComponent("site.yml"))
        return root
    }

    /// Collects changes until `expected` shows up or a second passes.
    func changes(_ watcher: SiteWatcher, until expected: String) -> Set<String> {
        var seen: Set<String> = []
        let deadline = Date().addingTimeInterval(1)
        while !seen.contains(expected), Date() < deadline {
            seen.formUnion(watcher.waitForChanges(timeout: 0.1))
        }
        return seen
    }

    @Test func editorSavesAreSeen() throws {
        let root = try makeRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        let watcher = try SiteWatcher(root: root)

        try Data("a".utf8).write(to: root.appendingPathComponent("content/a.md"))
        #expect(changes(watcher, until: "content/a.md").contains("content/a.md"))

        // Save by rename, as editors do: only MOVED_TO for the article, and a temp file to ignore.
        let temp = root.appendingPathComponent("content/notes/.b.md.swp")
        try Data("b".utf8).write(to: temp)
        try FileManager.default.moveItem(at: temp, to: root.appendingPathComponent("content/notes/b.md"))
        let seen = changes(watcher, until: "content/notes/b.md")
        #expect(seen.contains("content/notes/b.md"))
        #expect(!seen.contains { $0.hasSuffix(".swp") })

        // `sed -i` and other tools: a scratch file made, then renamed over the article.
        let scratch = root.appendingPathComponent("content/notes/sedK3x9Qa")
        try Data("b2".utf8).write(to: scratch)
        let other = root.appendingPathComponent("content/notes/b.md.draft-7a1")
        try Data("b3".utf8).write(to: other)
        try FileManager.default.removeItem(at: other)
        #expect(rename(scratch.path, root.appendingPathComponent("content/notes/b.md").path) == 0)
        let edited = changes(watcher, until: "content/notes/b.md")
        #expect(edited == ["content/notes/b.md"], "only the article, not the scratch files")

        try Data("title: U\n".utf8).write(to: root.appendingPathComponent("site.yml"))
        #expect(changes(watcher, until: "site.yml").contains("site.yml"))

        // A folder made after the watch started is watched too.
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/new"), withIntermediateDirectories: true)
        _ = watcher.waitForChanges(timeout: 0.2)
        try Data("c".utf8).write(to: root.appendingPathComponent("content/new/c.md"))
        #expect(changes(watcher, until: "content/new/c.md").contains("content/new/c.md"))

        // Files at the root other than site.yml (the output, for one) are not changes.
        try Data("x".utf8).write(to: root.appendingPathComponent("notes.txt"))
        #expect(watcher.waitForChanges(timeout: 0.2).isEmpty)
    }

    /// What `liftoff build` keeps beside `output/` (and the output itself) is not an input: a build
    /// into `output/` while the preview runs must not rebuild it.
    @Test func theOutputAndItsStagingFoldersAtTheRootAreIgnored() throws {
        let root = try makeRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        let watcher = try SiteWatcher(root: root)

        for folder in ["output", ".output.liftoff-new-123"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        // Let the watcher see the new folders before files appear in them.
        var seen = Set(watcher.waitForChanges(timeout: 0.2))
        try Data("<p>x</p>".utf8).write(to: root.appendingPathComponent(".output.liftoff-new-123/x.html"))
        try Data("<p>y</p>".utf8).write(to: root.appendingPathComponent("output/y.html"))
        try Data("cache".utf8).write(to: root.appendingPathComponent(".output.liftoff-cache"))
        try Data("manifest".utf8).write(to: root.appendingPathComponent(".output.liftoff-manifest"))
        try FileManager.default.moveItem(
            at: root.appendingPathComponent(".output.liftoff-new-123"), to: root.appendingPathComponent(".output.liftoff-old-123"))
        try FileManager.default.removeItem(at: root.appendingPathComponent(".output.liftoff-old-123"))
        seen.formUnion(watcher.waitForChanges(timeout: 0.3))
        seen.formUnion(watcher.waitForChanges(timeout: 0.3))
        #expect(seen.isEmpty, "\(seen.sorted())")
        #expect(watcher.watchedFolders == ["", "content", "content/notes", "theme", "theme/templates"])

        try Data("title: U\n".utf8).write(to: root.appendingPathComponent("site.yml"))
        #expect(changes(watcher, until: "site.yml").contains("site.yml"))
    }

    /// A `theme` or `content` folder that appears after the preview started is an input: watched and reported.
    @Test func aThemeFolderMadeLaterIsWatched() throws {
        let root = try makeRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.removeItem(at: root.appendingPathComponent("theme"))
        let watcher = try SiteWatcher(root: root)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("theme"), withIntermediateDirectories: true)
        #expect(changes(watcher, until: "theme").contains("theme"))
        try Data("x".utf8).write(to: root.appendingPathComponent("theme/page.mustache"))
        #expect(changes(watcher, until: "theme/page.mustache").contains("theme/page.mustache"))
    }

    @Test func waitingIsNotABusyLoop() throws {
        let root = try makeRoot()
        defer { try? FileManager.default.removeItem(at: root) }
        let watcher = try SiteWatcher(root: root)
        let clock = ContinuousClock()
        let cpuBefore = clock_cpu()
        let elapsed = clock.measure { #expect(watcher.waitForChanges(timeout: 0.3).isEmpty) }
        #expect(elapsed >= .milliseconds(250))
        #expect(clock_cpu() - cpuBefore < 0.05)
    }

    /// CPU seconds this thread has used.
    func clock_cpu() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(1), &usage)  // RUSAGE_THREAD, which Glibc does not import
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
    }
}
