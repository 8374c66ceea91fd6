import Foundation
import Testing

@testable import LiftoffCore

/// Attacks through what a build keeps beside its output (caches, staging folders) and through the
/// site folder's own top: a link planted there must neither publish a file from outside the site
/// nor have the build empty a folder it did not make.
extension TrustTests {
    static let outsideSecret = "api_key=hunter2"

    /// A folder beside the site holding `secret.txt` and `notes/keep.html` (its path).
    static func outside(_ site: TestSite) throws -> String {
        let outside = site.root.appendingPathComponent("../\(site.root.lastPathComponent)-outside").standardizedFileURL
        try FileManager.default.createDirectory(at: outside.appendingPathComponent("notes"), withIntermediateDirectories: true)
        try Data("\(outsideSecret)\n".utf8).write(to: outside.appendingPathComponent("secret.txt"))
        try Data("<p>mine</p>\n".utf8).write(to: outside.appendingPathComponent("notes/keep.html"))
        return outside.path
    }

    /// Builds the site once, then removes its output (the caches beside it stay).
    static func buildThenRemoveOutput(_ site: TestSite) throws {
        let run = try CommandLineTests().liftoff(["build", "--source", site.root.path, "--now", "2026-11-24T17:00:00Z"], timeout: 120)
        #expect(run.status == 0, "\(run.errors)")
        for name in ["output", ".output.liftoff-manifest", ".output.liftoff-cache"] { try? FileManager.default.removeItem(at: site.root.appendingPathComponent(name)) }
    }

    static func link(_ site: TestSite, _ path: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: site.root.path + "/" + path, withDestinationPath: target)
    }

    /// Every published file's bytes hold no `outsideSecret`.
    static func nothingFromOutside(_ site: TestSite) throws {
        guard FileManager.default.fileExists(atPath: site.output.path) else { return }
        let published = try files(below: site.output)
        #expect(published.values.allSatisfy { !String(decoding: $0, as: UTF8.self).contains(outsideSecret) })
    }

    static let keptCases: [Attack] = [
        Attack(name: "a link named like a staging folder is removed, not what it points to; a folder Liftoff did not name stays",
               prepare: { site in
                   try link(site, ".output.liftoff-new-4242", to: outside(site))
                   try FileManager.default.createDirectory(atPath: site.root.path + "/.output.liftoff-old-notes", withIntermediateDirectories: true)
                   try Data("draft\n".utf8).write(to: URL(fileURLWithPath: site.root.path + "/.output.liftoff-old-notes/n.txt"))
               },
               status: 0, messages: [],
               check: { site in
                   let outside = site.root.path + "-outside"
                   #expect(FileManager.default.fileExists(atPath: outside + "/secret.txt"))
                   #expect(FileManager.default.fileExists(atPath: outside + "/notes/keep.html"))
                   #expect(!FileManager.default.fileExists(atPath: site.root.path + "/.output.liftoff-new-4242"))
                   #expect(FileManager.default.fileExists(atPath: site.root.path + "/.output.liftoff-old-notes/n.txt"))
               }),
        Attack(name: "a cache folder that is a link is refused; the folder it points to is not pruned",
               files: ["content/valid.md": article("Valid", extra: "tags: [x]\n", body: "![A gradient](wide.jpg)\n\n```python\nprint(1)\n```")],
               prepare: { site in
                   try site.write("content/wide.jpg", ImageTests.fixture("wide.jpg"))
                   let outside = try outside(site)
                   try link(site, ".output.liftoff-images", to: outside)
                   try link(site, ".output.liftoff-code", to: outside + "/notes")
               },
               status: 1,
               messages: [
                   "$ROOT/.output.liftoff-code: is a symbolic link; Liftoff keeps a cache here and uses only a folder it made: remove it, and build again",
                   "$ROOT/.output.liftoff-images: is a symbolic link; Liftoff keeps a cache here and uses only a folder it made: remove it, and build again",
               ],
               check: { site in
                   let names = try FileManager.default.contentsOfDirectory(atPath: site.root.path + "-outside")
                   #expect(names.sorted() == ["notes", "secret.txt"])
                   #expect(FileManager.default.fileExists(atPath: site.root.path + "-outside/notes/keep.html"))
               }),
        Attack(name: "a cached image replaced by a link out of the site is refused, not published",
               files: ["content/valid.md": article("Valid", extra: "tags: [x]\n", body: "![A gradient](wide.jpg)")],
               prepare: { site in
                   try site.write("content/wide.jpg", ImageTests.fixture("wide.jpg"))
                   try buildThenRemoveOutput(site)
                   let cache = site.root.path + "/.output.liftoff-images"
                   let name = try #require(try FileManager.default.contentsOfDirectory(atPath: cache).first { $0.hasSuffix("-480.jpg") })
                   try FileManager.default.removeItem(atPath: cache + "/" + name)
                   try FileManager.default.createSymbolicLink(atPath: cache + "/" + name, withDestinationPath: try outside(site) + "/secret.txt")
               },
               status: 1,
               messages: ["$ROOT/.output.liftoff-images/<key>-480.jpg: a cached file that is not a plain file (a symbolic link?); remove the cache folder it is in, and build again"],
               check: nothingFromOutside),
        Attack(name: "a highlighted block put in the code cache by hand is highlighted again, not published",
               files: ["content/valid.md": article("Valid", extra: "tags: [x]\n", body: "```python\nprint(\"hi\")\n```")],
               prepare: { site in
                   try buildThenRemoveOutput(site)
                   let cache = site.root.path + "/.output.liftoff-code"
                   let blocks = try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasSuffix(".html") }
                   #expect(blocks.count == 1)
                   for block in blocks { try Data("<script>alert(1)</script>\n".utf8).write(to: URL(fileURLWithPath: cache + "/" + block)) }
               },
               status: 0, messages: [],
               check: { site in
                   let page = try site.outputText("articles/valid/index.html")
                   #expect(!page.contains("alert(1)"))
                   #expect(page.contains(#"<span class="nb">print</span>"#))
               }),
        Attack(name: "content, theme and site.yml that are links out of the site are refused",
               prepare: { site in
                   let outside = try outside(site)
                   for name in ["content", "theme", "site.yml"] {
                       try FileManager.default.moveItem(atPath: site.root.path + "/" + name, toPath: outside + "/" + name)
                       try link(site, name, to: outside + "/" + name)
                   }
               },
               status: 1,
               messages: ["site.yml", "content", "theme"].map { "\($0): symbolic link points outside the site ($ROOT-outside/\($0)); copy it into the site instead" },
               check: nothingFromOutside),
        Attack(name: "a link from content/ to the output does not publish each build inside the next",
               prepare: { site in
                   _ = try CommandLineTests().liftoff(["build", "--source", site.root.path, "--output", site.root.path + "/old", "--now", "2026-11-24T17:00:00Z"])
                   try link(site, "content/mirror", to: "../old")
               },
               status: 1,
               messages: ["content/mirror: a folder Liftoff published (it holds .liftoff-output); an output is not content: remove it or the link to it"]),
        Attack(name: "a file name that is not UTF-8 is an error, not a page lost without a word",
               prepare: { site in
                   let name = site.root.path + "/content/lost\u{FFFD}.md"
                   try Data(article("Lost").utf8).write(to: URL(fileURLWithPath: name))
                   // Rename to the raw byte 0xFF in place of U+FFFD.
                   let raw = Array((site.root.path + "/content/lost").utf8) + [0xFF] + Array(".md".utf8)
                   _ = raw.withUnsafeBufferPointer { bytes in
                       (bytes.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer { rename(name, $0.baseAddress!) }
                   }
               },
               status: 1,
               messages: ["content/lost\u{FFFD}.md: the file name is not valid UTF-8; rename it"]),
    ]

    @Test func aContentFileNamedLikeAShareCardIsAnErrorNotDropped() throws {
        let site = try TestSite(["content/valid.md": Self.valid])
        defer { site.remove() }
        let sink = MemorySink()
        _ = try Builder.build(root: site.root, into: sink, options: BuildOptions(now: testNow))
        let card = try #require(sink.linked.keys.first { $0.hasPrefix("card.") && !$0.contains("/") })
        try site.write("content/" + card, "not the site's card")
        #expect(site.failures() == ["content/\(card): would be published at \(card), which replaces \(card) made by Liftoff; rename or move the file"])
    }

    @Test(arguments: keptCases)
    func keptAttack(_ attack: Attack) throws {
        try self.attack(attack)
    }
}
