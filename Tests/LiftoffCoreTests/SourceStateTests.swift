import Foundation
import Testing

@testable import LiftoffCore
@testable import LiftoffModel
@testable import LiftoffSource

/// What a build keeps of each article file: its front matter, coded and decoded exactly, and
/// trusted while the file's stamp is unchanged (read again when the stamp is too recent to trust).
@Suite struct SourceStateTests {
    /// Every front matter key, each set to something other than its default.
    static let everyKey = """
        ---
        title: "Every key"
        description: Described.
        date: 2026-11-20T10:00:00Z
        updated: 2026-11-21
        tags: [One, two]
        related: [other]
        countdown: {target: 2026-12-01T17:00:00Z, label: Launch}
        draft: true
        slug: every-key
        translation_key: every
        authors: [maya, sam]
        aliases: [/old/]
        retired: [/older/]
        share: card
        image: hero.png
        image_alt: A hero
        image_focus: 30% 20%
        launch: gpt-image-2
        updates:
          - date: 2026-11-22
            note: Changed **this**.
        toc: true
        extra: {a: [x, {b: true}], c: "d"}
        live: {start: 2026-11-20T10:00:00Z, end: 2026-11-21T10:00:00Z, timezone: Europe/Paris}
        ---

        ## 11:30 First entry

        Text.
        """

    static func dumped(_ article: Article) -> String {
        var article = article
        // `extra` is compared apart: a dictionary's dump follows its (per-process) hash order.
        (article.body, article.bodyUnread, article.extra) = ("", false, nil)
        var text = ""
        dump(article, to: &text)
        return text
    }

    @Test func anArticleWithEveryKeyComesBackAsItWas() throws {
        let keys = Set(FrontMatterParser.keys)
        let written = Set(Self.everyKey.split(separator: "\n").compactMap { line -> String? in
            guard let colon = line.firstIndex(of: ":"), !line.hasPrefix(" "), !line.hasPrefix("-") else { return nil }
            return String(line[..<colon])
        })
        #expect(keys.subtracting(written).subtracting(["author"]) == [], "the article sets every key (author is authors' one-name form)")
        let (parsed, problems) = FrontMatterParser.read(data: Array(Self.everyKey.utf8), path: "content/every.md")
        #expect(problems.isEmpty)
        let article = try #require(parsed)
        #expect(article.live?.entries.count == 1 && article.image?.focus != nil && article.extra != nil)
        var writer = BinaryWriter(bytes: [])
        ArticleCoding.encode(article, into: &writer)
        let decoded = try writer.bytes.withUnsafeBytes { raw in
            var reader = BinaryReader(raw: raw)
            let article = ArticleCoding.decode(&reader)
            #expect(reader.offset == raw.count, "every byte read")
            return try #require(article)
        }
        #expect(decoded.bodyUnread && decoded.body.isEmpty)
        #expect(Self.dumped(decoded) == Self.dumped(article))
        #expect(decoded.extra == article.extra)
    }

    @Test func truncatedBytesDecodeToNothing() {
        let (parsed, _) = FrontMatterParser.read(data: Array(Self.everyKey.utf8), path: "content/every.md")
        var writer = BinaryWriter(bytes: [])
        ArticleCoding.encode(parsed!, into: &writer)
        for length in stride(from: 0, to: writer.bytes.count, by: 7) {
            let article = Array(writer.bytes.prefix(length)).withUnsafeBytes { raw in
                var reader = BinaryReader(raw: raw)
                return ArticleCoding.decode(&reader)
            }
            #expect(article == nil, "\(length) bytes")
        }
    }

    /// Sets a file's modification time, keeping its inode (as an editor that saves in place and
    /// a clock that did not move would).
    static func setModified(_ url: URL, seconds: Int) {
        var times = [timespec(tv_sec: seconds, tv_nsec: 0), timespec(tv_sec: seconds, tv_nsec: 0)]
        _ = utimensat(AT_FDCWD, url.path, &times, 0)
    }

    static func replaceInPlace(_ url: URL, _ text: String) throws {
        let handle = try FileHandle(forWritingTo: url)
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    @Test func aFileWhoseStampIsUnchangedIsNotReadAgain() throws {
        let site = try TestSite(["content/a.md": article("Alpha", body: "First body."), "content/b.md": article("Beta")])
        defer { site.remove() }
        let file = site.root.appendingPathComponent("content/a.md")
        // Saved long ago: its stamp is trusted.
        Self.setModified(file, seconds: 1_700_000_000)
        _ = try site.publishReport()
        #expect(FileManager.default.fileExists(atPath: SourceState.location(for: site.output).path))
        // New text of the same size, the same inode and the same time: nothing says it changed.
        try Self.replaceInPlace(file, article("Omega", body: "First body."))
        Self.setModified(file, seconds: 1_700_000_000)
        try site.write("content/b.md", article("Beta 2"))
        _ = try site.publishReport()
        #expect(try site.outputText("index.html").contains(">Alpha<"), "the front matter came from the state, not the file")
        #expect(try site.outputText("index.html").contains(">Beta 2<"), "the edited file was read")
        // Any change of the stamp (here its time) and it is read again.
        Self.setModified(file, seconds: 1_700_000_100)
        _ = try site.publishReport()
        #expect(try site.outputText("index.html").contains(">Omega<"))
    }

    @Test func aFileSavedJustBeforeTheStateWasWrittenIsReadAgain() throws {
        let site = try TestSite(["content/a.md": article("Alpha")])
        defer { site.remove() }
        let file = site.root.appendingPathComponent("content/a.md")
        let now = Int(Date().timeIntervalSince1970)
        Self.setModified(file, seconds: now)
        _ = try site.publishReport()
        // Changed within the same second, on a file system whose times did not move.
        try Self.replaceInPlace(file, article("Omega"))
        Self.setModified(file, seconds: now)
        try site.write("content/c.md", article("Gamma"))
        _ = try site.publishReport()
        #expect(try site.outputText("index.html").contains(">Omega<"), "a stamp too recent to trust is checked")
    }

    @Test func anArticleReadFromTheStateKeepsItsBodyAndLines() throws {
        let site = try TestSite([
            "content/a.md": article("Alpha", body: "Body of [a link](b.md).\n\n```countdown\ntarget: 2026-12-01T17:00:00Z\nlabel: L\n```"),
            "content/b.md": article("Beta"),
        ])
        defer { site.remove() }
        Self.setModified(site.root.appendingPathComponent("content/a.md"), seconds: 1_700_000_000)
        _ = try site.publishReport()
        let first = try site.outputText("articles/a/index.html")
        // A build a minute later renders the countdown again, from the body read now.
        let later = Timestamp(seconds: testNow.seconds + 3600)
        _ = try site.publishReport(now: later)
        let page = try site.outputText("articles/a/index.html")
        #expect(page != first && page.contains("href=\"/articles/b/\"") && page.contains("countdown"))
    }

    static func size(_ url: URL) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: url.path)[.size]) as? Int) ?? -1
    }

    /// An edit appends its file's entry to the state, and a removed file a line saying so (a
    /// 100,000-article state is not written again for one file). A batch cut short by a killed
    /// build is not read: the earlier batches hold, and the next build writes the state whole.
    @Test func anEditAppendsItsEntryAndABatchCutShortIsLeftUnread() throws {
        var files: [String: String] = [:]
        for number in 0..<30 { files[String(format: "content/a%02d.md", number)] = article("Article \(number)", body: "Text \(number).") }
        let site = try TestSite(files)
        defer { site.remove() }
        let state = SourceState.location(for: site.output)
        func age(_ name: String, _ seconds: Int = 1_700_000_000) { Self.setModified(site.root.appendingPathComponent("content/\(name).md"), seconds: seconds) }
        for number in 0..<30 { age(String(format: "a%02d", number)) }
        _ = try site.publishReport()
        let whole = Self.size(state)

        try site.write("content/a05.md", article("Edited", body: "New text."))
        age("a05", 1_700_000_100)
        _ = try site.publishReport()
        let edited = Self.size(state)
        #expect(edited > whole && edited - whole < whole / 10, "one entry appended: \(whole) → \(edited) bytes")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/a10.md"))
        _ = try site.publishReport()
        let removed = Self.size(state)
        #expect(removed > edited && removed - edited < 100, "one removal appended: \(edited) → \(removed) bytes")
        let read = SourceState.read(from: state)
        #expect(read.entries.count == 29 && read.entries["content/a10.md"] == nil)
        #expect(read.entries["content/a05.md"]?.article.title == "Edited")

        // The last batch cut short: a10 is known again (its file is gone, so it is not used), the edit holds.
        let handle = try FileHandle(forWritingTo: state)
        try handle.truncate(atOffset: UInt64(removed - 3))
        try handle.close()
        let cut = SourceState.read(from: state)
        #expect(cut.stored == nil && cut.entries.count == 30 && cut.entries["content/a05.md"]?.article.title == "Edited")
        try site.write("content/a07.md", article("Seventh", body: "Other text."))
        age("a07", 1_700_000_200)
        _ = try site.publishReport()
        let rewritten = SourceState.read(from: state)
        #expect(rewritten.stored?.first == rewritten.stored?.size, "written whole: one batch")
        #expect(rewritten.entries.count == 29 && rewritten.entries["content/a07.md"]?.article.title == "Seventh")
        #expect(try site.outputText("index.html").contains(">Edited<") && site.outputText("index.html").contains(">Seventh<"))
    }
}
