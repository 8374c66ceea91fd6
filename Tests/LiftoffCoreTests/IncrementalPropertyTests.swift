import Foundation
import Testing

@testable import LiftoffCore
@testable import LiftoffModel

/// Incremental builds equal clean builds: random sequences of the edits writers make, each followed
/// by a build into the same output, compared byte for byte with a clean build of the same sources.
@Suite struct IncrementalPropertyTests {
    /// One article as the test writes it.
    struct Draft {
        var title: String
        var date: String
        var tags: [String]
        var draft = false
        var body: String
        /// `related:` (pinned articles only: they are never deleted or renamed).
        var related: [String] = []
        var hero: String?

        var text: String {
            var extra = "tags: [\(tags.joined(separator: ", "))]\n"
            if draft { extra += "draft: true\n" }
            if !related.isEmpty { extra += "related: [\(related.joined(separator: ", "))]\n" }
            if let hero { extra += "image: \(hero)\nimage_alt: A test image\n" }
            return article(title, date: date, extra: extra, body: body)
        }
    }

    static let tags = ["launch", "pricing", "api", "rumor", "release-date", "guide", "status", "news"]
    static let heroImages = ["tall.png", "alpha.png"]

    static func randomDate(_ generator: inout SeededGenerator) -> String {
        // Mostly published by the build's now (Nov 24), sometimes scheduled after it.
        let month = [9, 10, 11, 11, 12].randomElement(using: &generator)!
        let day = Int.random(in: 1...(month == 11 ? 24 : 28), using: &generator)
        return String(format: "2026-%02d-%02d", month, day)
    }

    static func randomTags(_ generator: inout SeededGenerator) -> [String] {
        Array(tags.shuffled(using: &generator).prefix(Int.random(in: 1...3, using: &generator)))
    }

    /// 300 articles: `p000`…`p009` are pinned (others list them as related reads and link to them;
    /// three have hero images), the rest are edited at random.
    static func makeSite(_ generator: inout SeededGenerator) throws -> (TestSite, [String: Draft]) {
        var drafts: [String: Draft] = [:]
        for number in 0..<300 {
            let name = number < 10 ? String(format: "p%03d", number) : String(format: "a%03d", number)
            var draft = Draft(
                title: "Article \(number)", date: randomDate(&generator), tags: randomTags(&generator),
                body: "TL;DR: Article \(number) in short.\n\n## Section\n\nText of article \(number).\n")
            if number < 10 { draft.date = String(format: "2026-09-%02d", number + 1) }
            if number < 3 { draft.hero = "hero-\(number).png" }
            if number >= 10, number % 7 == 0 { draft.related = ["p00\(number % 10)"] }
            if number >= 10, number % 11 == 0 { draft.body += "\nSee [a pinned one](p00\(number % 10).md).\n" }
            drafts[name] = draft
        }
        // Share cards off: a clean build in memory would draw 300 of them each time (they have tests of their own).
        // In memory where it can be: the test writes and removes some 400,000 files.
        let site = try TestSite(
            drafts.reduce(into: [:]) { $0["content/\($1.key).md"] = $1.value.text }, siteYML: TestSite.siteYML + "\ncards: false\n",
            parent: TestSite.memoryFolder)
        for number in 0..<3 { try copyImage(heroImages[0], to: "content/hero-\(number).png", in: site) }
        return (site, drafts)
    }

    static func copyImage(_ fixture: String, to path: String, in site: TestSite) throws {
        try site.write(path, try Data(contentsOf: fixturesRoot.appendingPathComponent("images/\(fixture)")))
    }

    @Test func twoHundredRandomEditSequencesEachEqualACleanBuild() throws {
        var generator = SeededGenerator(seed: 34)
        var (site, drafts) = try Self.makeSite(&generator)
        defer { site.remove() }
        _ = try site.publishReport()
        let images = site.root.appendingPathComponent("clean-images")
        var kinds: [String: Int] = [:]
        for sequence in 0..<200 {
            var done: [String] = []
            var touched: Set<String> = []
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let movable = drafts.keys.filter { $0.hasPrefix("a") }.sorted()
                let name = movable.randomElement(using: &generator)!
                let kind = ["add", "delete", "rename", "retitle", "redate", "retag", "draft", "body", "image", "template"]
                    .randomElement(using: &generator)!
                kinds[kind, default: 0] += 1
                done.append("\(kind) \(name)")
                touched.insert(name)
                switch kind {
                case "add":
                    touched.insert("n\(sequence)-\(done.count)")
                    drafts["n\(sequence)-\(done.count)"] = Draft(
                        title: "New \(sequence)", date: Self.randomDate(&generator), tags: Self.randomTags(&generator), body: "Added.\n")
                case "delete":
                    drafts[name] = nil
                    try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/\(name).md"))
                case "rename":
                    drafts["\(name)-r\(sequence)"] = drafts.removeValue(forKey: name)
                    touched.insert("\(name)-r\(sequence)")
                    try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/\(name).md"))
                case "retitle": drafts[name]!.title = "Retitled \(sequence)"
                case "redate": drafts[name]!.date = Self.randomDate(&generator)
                case "retag": drafts[name]!.tags = Self.randomTags(&generator)
                case "draft": drafts[name]!.draft.toggle()
                case "body": drafts[name]!.body += "\nMore text \(sequence).\n"
                case "image":
                    let number = Int.random(in: 0..<3, using: &generator)
                    try Self.copyImage(Self.heroImages[sequence % 2], to: "content/hero-\(number).png", in: site)
                default:
                    let card = site.root.appendingPathComponent("theme/templates/partials/card.mustache")
                    let text = try String(contentsOf: card, encoding: .utf8)
                    try (text + "<!-- \(sequence) -->\n").write(to: card, atomically: true, encoding: .utf8)
                }
            }
            for name in touched { if let draft = drafts[name] { try site.write("content/\(name).md", draft.text) } }
            _ = try site.publishReport()
            let incremental = try files(below: site.output)
            // A clean build: a fresh output, nothing kept beside it but the images, which are kept by
            // their content (encoding them again each time would take most of the test's time).
            let folder = site.root.appendingPathComponent("clean")
            defer { try? FileManager.default.removeItem(at: folder) }
            var options = BuildOptions(now: testNow)
            options.imageCache = images
            // Every body read again when its page is made, as in a site too large to hold them.
            options.bodyBudget = 0
            let writer = try OutputWriter(output: folder.appendingPathComponent("out"))
            _ = try Builder.build(root: site.root, into: writer, options: options)
            try writer.commit()
            let clean = try files(below: folder.appendingPathComponent("out"))
            let differing = Set(incremental.keys).union(clean.keys).filter { incremental[$0] != clean[$0] }.sorted()
            #expect(differing.isEmpty, "after \(done) (sequence \(sequence)): \(differing.prefix(5))")
            // No folder left behind (an empty one of a deleted article), none missing.
            let extraFolders = try folders(below: site.output).symmetricDifference(folders(below: folder.appendingPathComponent("out")))
            #expect(extraFolders.isEmpty, "after \(done) (sequence \(sequence)): folders \(extraFolders.sorted().prefix(5))")
            if !differing.isEmpty || !extraFolders.isEmpty { break }
        }
        #expect(kinds.count == 10, "every kind of edit was made: \(kinds)")
    }
}
