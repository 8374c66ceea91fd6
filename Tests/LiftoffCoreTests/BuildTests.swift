import Foundation
import Testing

@testable import LiftoffCore
@testable import LiftoffModel
@testable import LiftoffRender

@Suite struct BuildTests {
    @Test func fixtureSitePublishesEveryPageAndEveryLinkResolves() throws {
        let site = try TestSite([:], copying: "basic")
        defer { site.remove() }
        try site.publish()
        let files = Set(Theme.files(under: site.output))
        for page in [
            "index.html", "articles/index.html", "articles/page/2/index.html",
            "articles/countdown/index.html", "articles/signals/index.html", "articles/bundle/index.html",
            "articles/countdown/chart.svg", "articles/bundle/photo.svg",
            "tags/index.html", "tags/prep/index.html", "tags/prep/page/2/index.html", "tags/countdown/index.html",
            "feed.xml", "sitemap.xml", "robots.txt", "404.html",
        ] {
            #expect(files.contains(page), "missing \(page)")
        }
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent(OutputWriter.marker).path))
        #expect(files.contains { $0.hasPrefix("assets/style.") && $0.hasSuffix(".css") })
        #expect(files.contains { $0.hasPrefix("assets/countdown.") && $0.hasSuffix(".js") })

        #expect(try brokenLinks(in: site.output).isEmpty)
    }

    @Test func everyLinkOfTheSampleSiteResolves() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("liftoff-sample-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let writer = try OutputWriter(output: output)
        _ = try Builder.build(root: repositoryRoot, into: writer, options: BuildOptions(now: testNow))
        try writer.commit()
        #expect(try brokenLinks(in: output).isEmpty)
    }

    /// Every root-relative `href`/`src` of every page that names no file of the tree, and
    /// every relative `src` with no file beside its page.
    func brokenLinks(in root: URL) throws -> [String] {
        let files = Set(Theme.files(under: root))
        var broken: [String] = []
        var checked = 0
        for page in files where page.hasSuffix(".html") {
            let html = try String(contentsOf: root.appendingPathComponent(page), encoding: .utf8)
            for link in attributeValues("href", in: html) + attributeValues("src", in: html) where link.hasPrefix("/") {
                var path = String(link.dropFirst().prefix { $0 != "#" && $0 != "?" })
                if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
                if !files.contains(path) { broken.append("\(page) → \(link)") }
                checked += 1
            }
            for link in attributeValues("src", in: html) where !link.hasPrefix("/") && !link.contains(":") {
                let directory = page.split(separator: "/").dropLast().joined(separator: "/")
                if !files.contains(directory + "/" + link) { broken.append("\(page) → \(link)") }
                checked += 1
            }
        }
        if checked < 20 { broken.append("only \(checked) links checked") }
        return broken
    }

    @Test func draftsAndFuturePostsAreLeftOutUnlessAsked() throws {
        let site = try TestSite([:], copying: "basic")
        defer { site.remove() }
        let pages = try site.build()
        #expect(pages["articles/draft/index.html"] == nil)
        #expect(pages["articles/future/index.html"] == nil)
        #expect(pages.values.allSatisfy { !$0.contains("Unfinished") && !$0.contains("From the Future") })

        let all = try site.build(BuildOptions(now: testNow, drafts: true, future: true))
        #expect(all["articles/draft/index.html"]?.contains("Draft") == true)
        #expect(all["articles/future/index.html"] != nil)
    }

    @Test func articlePagesListNewestFirstWithPagination() throws {
        let site = try TestSite([:], copying: "basic")
        defer { site.remove() }
        let pages = try site.build()
        let first = try #require(pages["articles/index.html"])
        let second = try #require(pages["articles/page/2/index.html"])
        #expect(first.range(of: "Countdown: 7 Days Left")!.lowerBound < first.range(of: "Release Signals")!.lowerBound)
        #expect(second.contains("A Bundled Article"))
        #expect(first.contains("rel=\"next\" href=\"/articles/page/2/\""))
        #expect(second.contains("rel=\"prev\" href=\"/articles/\""))
    }

    @Test func theSampleSiteBuilds() throws {
        let sink = MemorySink()
        let report = try Builder.build(root: repositoryRoot, into: sink, options: BuildOptions(now: testNow))
        #expect(report.articles >= 4)
        let page = String(decoding: try #require(sink.files["articles/gpt-image-2-countdown/index.html"]), as: UTF8.self)
        #expect(page.components(separatedBy: "<table>").count - 1 == 2)
        #expect(report.warnings.isEmpty, "\(report.warnings)")
    }

    /// A large site's bodies are not held from parse to render but read again when each page is
    /// made: the sample site built that way (no body kept) publishes the same files.
    @Test func bodiesReadAgainAtRenderPublishTheSameSite() throws {
        let kept = MemorySink(), reread = MemorySink()
        var options = BuildOptions(now: testNow)
        _ = try Builder.build(root: repositoryRoot, into: kept, options: options)
        options.bodyBudget = 0
        _ = try Builder.build(root: repositoryRoot, into: reread, options: options)
        #expect(kept.files.count > 20)
        let differing = Set(kept.files.keys).union(reread.files.keys).filter { kept.files[$0] != reread.files[$0] }.sorted()
        #expect(differing.isEmpty, "\(differing)")
        #expect(kept.linked.keys.sorted() == reread.linked.keys.sorted())  // each from its own scratch image folder
    }

    @Test func baseURLWithASubpathPrefixesEveryLink() throws {
        let site = try TestSite([:], copying: "basic")
        defer { site.remove() }
        let pages = try site.build(BuildOptions(now: testNow, baseURL: "https://example.org/launch/"))
        for (path, html) in pages where path.hasSuffix(".html") {
            for link in attributeValues("href", in: html) + attributeValues("src", in: html) {
                if link.hasPrefix("/") { #expect(link.hasPrefix("/launch/"), "\(path): \(link)") }
                if link.hasPrefix("https://example.org") { #expect(link.hasPrefix("https://example.org/launch/"), "\(path): \(link)") }
            }
        }
        #expect(pages["articles/countdown/index.html"]?.contains("href=\"https://example.org/launch/articles/countdown/\"") == true)
    }

    @Test func reportsEveryProblemInEveryFileAtOnce() throws {
        let site = try TestSite([
            "content/a.md": article("A", extra: "related: [nope, nope]\n", body: "See [b](b.md) and [x](missing.md)."),
            "content/b.md": article("B", extra: "tags: 5\n"),
            "content/c.md": article("C", extra: "slug: a\n"),
            "content/d.md": "no front matter\n",
        ])
        defer { site.remove() }
        #expect(site.failures() == [
            "content/a.md:5: related: no article has the slug 'nope'",
            "content/a.md:8: link to missing article 'missing.md'",
            "content/b.md:5: front matter: 'tags' must be a list of names, like `tags: [launch, countdown]`",
            "content/c.md:5: slug 'a' is already used by content/a.md; set a different `slug:`",
            "content/d.md:1: missing front matter: the file does not start with `---`; start the file with a `---` line, then `title:` and `date:`, then `---`",
        ])
    }

    @Test func templateProblemsNameTheTemplate() throws {
        let site = try TestSite(["content/a.md": article("A")])
        defer { site.remove() }
        try site.write("theme/templates/list.mustache", "{{<base}}\n{{$main}}\n{{#articles}}\n{{/main}}\n{{/base}}\n")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("theme/templates/home.mustache"))
        try site.write("theme/templates/partials/card.mustache", "{{> partials/nothing}}\n")
        #expect(site.failures() == [
            "theme/templates/home.mustache: missing template 'home': the theme must provide it",
            "theme/templates/list.mustache:4: template syntax error: a section is closed with the wrong name",
            "theme/templates/partials/card.mustache:1: template 'partials/card' uses missing template 'partials/nothing'",
        ])
    }
}

@Suite struct OutputTests {
    func read(_ url: URL) throws -> Data { try Data(contentsOf: url) }

    func inode(_ url: URL) throws -> UInt64 {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
    }

    @Test func aFailedBuildLeavesThePreviousOutputAsItWas() throws {
        let site = try TestSite(["content/a.md": article("A"), "content/b.md": article("B")])
        defer { site.remove() }
        try site.publish()
        let before = try snapshot(site.output)
        try site.write("content/b.md", "---\ntitle: B\ndate: not a date\n---\n")
        #expect(throws: BuildFailure.self) { try site.publish() }
        #expect(try snapshot(site.output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains("liftoff-new") }
        #expect(leftovers.isEmpty)
    }

    @Test func unchangedFilesKeepTheirInodeAndDeletedArticlesDisappear() throws {
        let site = try TestSite(["content/a.md": article("A"), "content/b.md": article("B", date: "2026-11-21")])
        defer { site.remove() }
        try site.publish()
        let pageA = site.output.appendingPathComponent("articles/a/index.html")
        let inodeA = try inode(pageA)
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/b.md"))
        try site.publish()
        #expect(try inode(pageA) == inodeA)
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("articles/b/index.html").path))
        #expect(try String(contentsOf: site.output.appendingPathComponent("index.html"), encoding: .utf8).contains("articles/a/"))
    }

    @Test func refusesToReplaceAFolderItDidNotCreate() throws {
        let site = try TestSite(["content/a.md": article("A")])
        defer { site.remove() }
        #expect(throws: BuildFailure.self) { _ = try OutputWriter(output: site.root.appendingPathComponent("content")) }
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("content/a.md").path))
    }

    @Test(arguments: ["..", "../x.html", "a/../../x.html", "a/..", "/etc/x"])
    func neverWritesOutsideTheOutputFolder(path: String) throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("liftoff-inside-\(UUID().uuidString)/out")
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        let writer = try OutputWriter(output: output)
        #expect(throws: BuildFailure.self) { try writer.write(Array("x".utf8), to: path) }
        // Names that only look like climbing are files of their own.
        for name in ["a/.../x.html", "a/..b/x.html", "a/b../x.html", ".well-known/x.txt"] { try writer.write(Array("x".utf8), to: name) }
        writer.discard()
    }

    @Test func rebuildIsByteIdentical() throws {
        let site = try TestSite([:], copying: "basic")
        defer { site.remove() }
        try site.publish()
        let first = try snapshot(site.output)
        try site.publish()
        #expect(try snapshot(site.output) == first)
    }

    /// Path → bytes of every file below `url`.
    func snapshot(_ url: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for path in Theme.files(under: url) { result[path] = try read(url.appendingPathComponent(path)) }
        return result
    }
}
