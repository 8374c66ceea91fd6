import Foundation
import Testing

@testable import LiftoffCore
@testable import LiftoffModel

/// The spare tree beside the output (the output before last), which the next build starts from:
/// used only when it is the folder the last build recorded; anything else in its place is
/// never followed, never published, and never emptied unless Liftoff made it.
@Suite struct SpareTreeTests {
    let now = ["--now", "2026-11-24T17:00:00Z"]

    func site() throws -> TestSite {
        var files: [String: String] = [:]
        for index in 0..<6 { files["content/post-\(index).md"] = article("Post \(index)") }
        return try TestSite(files)
    }

    func build(_ site: TestSite) throws {
        let run = try CommandLineTests().liftoff(["build", "--source", site.root.path] + now)
        #expect(run.status == 0, "\(run.errors)")
    }

    /// Builds the site, edits it and builds it again: the first output is then the spare.
    func buildTwice(_ site: TestSite) throws {
        try build(site)
        try site.write("content/post-3.md", article("Post 3", body: "Changed."))
        try build(site)
        #expect(FileManager.default.fileExists(atPath: TreeRecord.spareLocation(for: site.output).path + "/index.html"))
    }

    /// Gives article `number` new text and builds.
    func edit(_ site: TestSite, _ number: Int) throws {
        try site.write("content/post-\(number).md", article("Post \(number)", body: "Edited."))
        try build(site)
    }

    func inode(_ path: String) -> UInt64? {
        var info = stat()
        return lstat(path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    @Test func anEditReplacesOnlyTheFilesThatChangedAndKeepsTheOldTreeAsTheSpare() throws {
        let site = try site()
        defer { site.remove() }
        try build(site)
        try site.write("content/post-0.md", article("Post 0", body: "First text."))
        try build(site)
        let spare = TreeRecord.spareLocation(for: site.output).path
        let untouched = "/articles/post-5/index.html", edited = "/articles/post-0/index.html"
        let before = (inode(site.output.path + untouched), inode(site.output.path + edited))
        try site.write("content/post-0.md", article("Post 0", body: "Second text."))
        try build(site)
        // The untouched page is the same file as before; the edited one a new file, and the
        // spare still holds the page as the previous build made it.
        #expect(inode(site.output.path + untouched) == before.0)
        #expect(inode(site.output.path + edited) != before.1)
        #expect(try site.outputText(edited).contains("Second text."))
        #expect(try String(contentsOfFile: spare + edited, encoding: .utf8).contains("First text."))
    }

    @Test func aLinkAtTheSparesPlaceIsRemovedNeverFollowed() throws {
        let site = try site()
        defer { site.remove() }
        try buildTwice(site)
        let spare = TreeRecord.spareLocation(for: site.output).path
        // Someone's folder, made to look like an output, and a link to it where the spare was.
        let victim = site.root.appendingPathComponent("victim").path
        try FileManager.default.createDirectory(atPath: victim, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: victim + "/" + OutputWriter.marker))
        try Data("secret".utf8).write(to: URL(fileURLWithPath: victim + "/secret.html"))
        OutputWriter.removeTree(spare)
        try FileManager.default.createSymbolicLink(atPath: spare, withDestinationPath: victim)
        try edit(site, 1)
        #expect(try String(contentsOfFile: victim + "/secret.html", encoding: .utf8) == "secret")
        #expect(!FileManager.default.fileExists(atPath: site.output.path + "/secret.html"))
        #expect(try site.outputText("articles/post-1/index.html").contains("Edited."))
    }

    @Test func aTreeSwappedInAtTheSparesPlaceIsNotPublished() throws {
        let site = try site()
        defer { site.remove() }
        try buildTwice(site)
        let spare = TreeRecord.spareLocation(for: site.output).path
        // Another tree of the same shape, holding a page the site does not have.
        let planted = site.root.appendingPathComponent("planted").path
        try FileManager.default.copyItem(atPath: spare, toPath: planted)
        try Data("planted".utf8).write(to: URL(fileURLWithPath: planted + "/planted.html"))
        try Data("planted".utf8).write(to: URL(fileURLWithPath: planted + "/articles/post-4/index.html"))
        OutputWriter.removeTree(spare)
        #expect(rename(planted, spare) == 0)
        try edit(site, 1)
        #expect(!FileManager.default.fileExists(atPath: site.output.path + "/planted.html"))
        #expect(try site.outputText("articles/post-4/index.html").contains("Post 4"))
    }

    @Test func aFolderLiftoffDidNotMakeAtTheSparesPlaceIsLeftAlone() throws {
        let site = try site()
        defer { site.remove() }
        try build(site)
        let spare = TreeRecord.spareLocation(for: site.output).path
        OutputWriter.removeTree(spare)
        try FileManager.default.createDirectory(atPath: spare, withIntermediateDirectories: true)
        try Data("notes".utf8).write(to: URL(fileURLWithPath: spare + "/notes.txt"))
        try edit(site, 1)
        try edit(site, 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: spare) == ["notes.txt"])
        #expect(try site.outputText("articles/post-2/index.html").contains("Edited."))
    }
}
