import Foundation
import Hummingbird
import LiftoffCore
import LiftoffModel
import Testing

@testable import LiftoffPreview

/// The preview server, in memory: pages, types, 404, path safety, reload script and events.
@Suite struct PreviewServerTests {
    static let now = Timestamp(iso8601: "2026-11-24T17:00:00Z")!

    func withPreview(_ body: @escaping @Sendable (PreviewSite, RouterClient) async throws -> Void) async throws {
        try await PreviewFixture.withPreview(now: Self.now, body)
    }

    @Test(arguments: [1, 2])
    func aFailedBuildCountsItsErrorsInWords(errors: Int) {
        let problems = (1...errors).map { Diagnostic.error("content/a.md", $0, "broken") }
        let result = PreviewSite.Result(diagnostics: problems, succeeded: false, milliseconds: 5, articles: 1)
        let summary = PreviewServer.report(result).split(separator: "\n").last.map(String.init)
        #expect(summary == "Build failed (\(errors) error\(errors == 1 ? "" : "s")); still serving the last good build.")
    }

    @Test func theServedFolderIsReadableByItsUserOnly() async throws {
        try await withPreview { site, _ in
            var info = stat()
            #expect(stat(site.output.path, &info) == 0)
            #expect(info.st_mode & 0o777 == 0o700, "drafts are served from a folder of mode \(String(info.st_mode & 0o777, radix: 8))")
        }
    }

    @Test func aSiteThatHasNotBuiltYetAnswersWithAPageThatReloadsOnceItDoes() async throws {
        let root = try PreviewFixture.makeSite()
        let site = PreviewSite(root: root, baseURL: "http://127.0.0.1:8000/", now: Self.now)
        defer {
            site.removeOutput()
            try? FileManager.default.removeItem(at: root)
        }
        let file = root.appendingPathComponent("content/gpt-image-2-countdown.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try (text + "\n[broken](nope.md)\n").write(to: file, atomically: true, encoding: .utf8)
        let failed = await site.rebuild()
        #expect(!failed.succeeded && !failed.serving)
        #expect(PreviewServer.report(failed).hasSuffix("Build failed (1 error); nothing to serve yet: open pages reload once the site builds."))
        let client = RouterClient(PreviewServer.router(for: site))
        try await client.execute(uri: "/", method: .get) { response in
            #expect(response.status == .notFound)
            #expect(String(buffer: response.body).contains("<script src=\"/__liftoff/reload.js\"></script>"))
        }
        try text.write(to: file, atomically: true, encoding: .utf8)
        #expect(await site.rebuild().succeeded)
        try await client.execute(uri: "/", method: .get) { response in #expect(response.status == .ok) }
    }

    @Test func servesPagesWithTheirTypesAndValidators() async throws {
        try await withPreview { _, client in
            try await client.execute(uri: "/articles/gpt-image-2-countdown/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html")
                #expect(response.headers[.eTag] != nil)
                #expect(response.headers[.lastModified] != nil)
                #expect(String(buffer: response.body).contains("7 days left"))
            }
            for (path, type) in [("/feed.xml", "application/xml"), ("/robots.txt", "text/plain")] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .ok, "\(path)")
                    #expect(response.headers[.contentType]?.hasPrefix(type) == true, "\(path): \(response.headers[.contentType] ?? "")")
                }
            }
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("<h1>GPT Image 2 Status</h1>"))
            }
        }
    }

    @Test func unknownPathsGetTheThemed404() async throws {
        try await withPreview { _, client in
            try await client.execute(uri: "/articles/no-such-article/", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(String(buffer: response.body).contains("<h1>Page not found</h1>"))
            }
        }
    }

    @Test(arguments: ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/articles/..%2f..%2f..%2fetc/passwd", "//etc/passwd", "/assets/../../site.yml"])
    func nothingOutsideTheTreeIsServed(path: String) async throws {
        try await withPreview { _, client in
            try await client.execute(uri: path, method: .get) { response in
                #expect([.badRequest, .notFound, .forbidden].contains(response.status), "\(path): \(response.status)")
                let body = String(buffer: response.body)
                #expect(!body.contains("root:") && !body.contains("base_url"), "\(path)")
            }
        }
    }

    /// Paths no page has — doubled slashes, NUL, backslashes, control characters, dot segments, raw
    /// or percent-encoded — are neither served nor redirected (`//articles/` is another host).
    @Test(arguments: [
        "//articles", "/%2Farticles", "/articles//", "/articles/gpt-image-2-countdown//", "/index.html%00.txt",
        "/index.html\u{0}.txt", "/%5C%5Cexample.com", "/\\example.com/", "/%09/articles", "/articles/./", "/articles/%2e/",
        "/articles/..", "/articles/%2E%2E/", "/index.html%ZZ",
    ])
    func malformedPathsAreNeitherServedNorRedirected(path: String) async throws {
        try await withPreview { _, client in
            try await client.execute(uri: path, method: .get) { response in
                #expect([.badRequest, .notFound].contains(response.status), "\(path): \(response.status)")
                #expect(response.headers[.location] == nil, "\(path): \(response.headers[.location] ?? "")")
                #expect(!String(buffer: response.body).contains("<h1>GPT Image 2 Status</h1>"), "\(path)")
            }
        }
    }

    @Test func aFolderWithoutItsSlashIsRedirectedOnThisHost() async throws {
        try await withPreview { _, client in
            try await client.execute(uri: "/articles", method: .get) { response in
                #expect(response.status == .movedPermanently)
                #expect(response.headers[.location] == "/articles/")
            }
        }
    }

    /// Whatever answers behind the path check, a redirect off this host is not passed on.
    @Test func aRedirectOffThisHostIsNotPassedOn() async throws {
        let router = Router()
        router.add(middleware: PathCheck())
        let targets = ["//example.com/", "/\\example.com/", "https://example.com/", "/\t/example.com/"]
        for (index, target) in targets.enumerated() {
            router.get(RouterPath("/\(index)")) { _, _ in Response.redirect(to: target) }
        }
        router.get("/here") { _, _ in Response.redirect(to: "/articles/") }
        let client = RouterClient(router)
        for index in targets.indices {
            try await client.execute(uri: "/\(index)", method: .get) { response in
                #expect(response.status == .notFound, "\(targets[index])")
                #expect(response.headers[.location] == nil, "\(targets[index])")
            }
        }
        try await client.execute(uri: "/here", method: .get) { response in
            #expect(response.headers[.location] == "/articles/")
        }
    }

    @Test func previewPagesLoadTheReloadScriptAndMakeOutputDoesNot() async throws {
        try await withPreview { site, client in
            try await client.execute(uri: "/articles/image-api-swap/", method: .get) { response in
                #expect(String(buffer: response.body).contains("<script src=\"/__liftoff/reload.js\" defer></script>\n</body>"))
            }
            try await client.execute(uri: "/__liftoff/reload.js", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("new EventSource(\"/__liftoff/events\")"))
            }
            let sink = MemorySink()
            _ = try Builder.build(root: site.root, into: sink, options: BuildOptions(now: Timestamp(iso8601: "2026-11-24T17:00:00Z")!))
            #expect(!sink.files.values.contains { String(decoding: $0, as: UTF8.self).contains("__liftoff") })
        }
    }

    @Test func editsAreServedAfterTheRebuildAndErrorsComeAndGo() async throws {
        try await withPreview { site, client in
            let states = await site.events.subscribe()
            var iterator = states.makeAsyncIterator()
            #expect(await iterator.next() == .succeeded(generation: 1))

            let article = site.root.appendingPathComponent("content/image-api-swap.md")
            let original = try String(contentsOf: article, encoding: .utf8)
            try original.replacingOccurrences(of: "## Fallbacks", with: "## Fallbacks that were edited").write(to: article, atomically: true, encoding: .utf8)
            await site.rebuild()
            #expect(await iterator.next() == .succeeded(generation: 2))
            try await client.execute(uri: "/articles/image-api-swap/", method: .get) { response in
                #expect(String(buffer: response.body).contains("Fallbacks that were edited"))
            }

            try original.replacingOccurrences(of: "date: 2026-11-05", with: "date: someday").write(to: article, atomically: true, encoding: .utf8)
            await site.rebuild()
            guard case .failed(3, let messages)? = await iterator.next() else {
                Issue.record("a bad edit did not report a failed build")
                return
            }
            #expect(messages.contains { $0.hasPrefix("content/image-api-swap.md:4: front matter: 'date' is not a valid date") })
            try await client.execute(uri: "/articles/image-api-swap/", method: .get) { response in
                #expect(response.status == .ok)  // the last good build is still served
                #expect(String(buffer: response.body).contains("Fallbacks that were edited"))
            }

            try original.write(to: article, atomically: true, encoding: .utf8)
            await site.rebuild()
            #expect(await iterator.next() == .succeeded(generation: 4))
        }
    }

    /// Every file of the served folder, by path.
    func tree(_ folder: URL) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = [UInt8](try Data(contentsOf: folder.appendingPathComponent(path)))
            }
        }
        return files
    }

    /// Pages a failed build made are never served, nor left behind: the folder stays byte for byte.
    @Test func aBuildThatFailsWhileRenderingLeavesTheServedFolderAsItWas() async throws {
        try await withPreview { site, _ in
            let content = site.root.appendingPathComponent("content")
            let before = try tree(site.output)
            // One article's text changes (its page is made again), another links to nothing (an error).
            let edited = content.appendingPathComponent("image-api-swap.md")
            try String(contentsOf: edited, encoding: .utf8).replacingOccurrences(of: "## Fallbacks", with: "## Fallbacks, edited")
                .write(to: edited, atomically: true, encoding: .utf8)
            try "---\ntitle: Broken\ndate: 2026-11-23\ndescription: A link to nothing.\n---\n\nSee [this](missing.md).\n"
                .write(to: content.appendingPathComponent("broken.md"), atomically: true, encoding: .utf8)
            let result = await site.rebuild()
            #expect(!result.succeeded)
            #expect(result.diagnostics.contains { $0.path == "content/broken.md" })
            let after = try tree(site.output)
            #expect(after.keys.filter { $0.contains(".liftoff-") }.isEmpty, "temporary files left: \(after.keys.filter { $0.contains(".liftoff-") })")
            #expect(after == before)
        }
    }

    @Test func theServedFolderAlwaysEqualsAFullBuild() async throws {
        try await withPreview { site, _ in
            let content = site.root.appendingPathComponent("content")
            func fullBuild() throws -> [String: [UInt8]] {
                let sink = MemorySink()
                var options = BuildOptions(now: Self.now, drafts: true, future: true, baseURL: site.baseURL)
                options.imageCache = BuildOptions.imageCache(besideOutput: site.root.appendingPathComponent("output"))
                _ = try Builder.build(root: site.root, into: InjectingSink(sink, scriptURL: "/" + ReloadScript.path), options: options)
                var files = sink.files
                for (path, cached) in sink.linked { files[path] = [UInt8](try Data(contentsOf: URL(fileURLWithPath: cached))) }
                return files
            }
            // An edit, a new article, the same deleted (its page and folder go).
            let article = content.appendingPathComponent("image-api-swap.md")
            let original = try String(contentsOf: article, encoding: .utf8)
            try original.replacingOccurrences(of: "## Fallbacks", with: "## Fallbacks, edited").write(to: article, atomically: true, encoding: .utf8)
            var result = await site.rebuild()
            #expect(result.succeeded && result.carriedOver > 0)
            #expect(try tree(site.output) == fullBuild())

            try "---\ntitle: Fresh\ndate: 2026-11-23\ndescription: New.\n---\n\nNew text.\n"
                .write(to: content.appendingPathComponent("fresh.md"), atomically: true, encoding: .utf8)
            result = await site.rebuild()
            #expect(result.succeeded)
            #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("articles/fresh/index.html").path))
            #expect(try tree(site.output) == fullBuild())

            try FileManager.default.removeItem(at: content.appendingPathComponent("fresh.md"))
            result = await site.rebuild()
            #expect(result.succeeded)
            #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("articles/fresh").path))
            #expect(try tree(site.output) == fullBuild())
        }
    }

    @Test func aStylesheetOnlyChangeTellsPagesToSwapIt() async throws {
        try await withPreview { site, client in
            let states = await site.events.subscribe()
            var iterator = states.makeAsyncIterator()
            _ = await iterator.next()
            let stylesheet = site.root.appendingPathComponent("theme/assets/style.css")
            try (String(contentsOf: stylesheet, encoding: .utf8) + "\nbody { outline: 1px solid red; }\n")
                .write(to: stylesheet, atomically: true, encoding: .utf8)
            await site.rebuild(changed: ["theme/assets/style.css"])
            guard case .succeeded(2, let stylesheets)? = await iterator.next(), let url = stylesheets["style.css"] else {
                Issue.record("a stylesheet change did not name the new stylesheet")
                return
            }
            #expect(url.hasPrefix("/assets/style.") && url.hasSuffix(".css"))
            try await client.execute(uri: url, method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("outline: 1px solid red"))
            }
            try await client.execute(uri: "/articles/image-api-swap/", method: .get) { response in
                #expect(String(buffer: response.body).contains("href=\"\(url)\""))
            }
            // Anything else changed as well: pages reload.
            await site.rebuild(changed: ["theme/assets/style.css", "content/image-api-swap.md"])
            #expect(await iterator.next() == .succeeded(generation: 3))
        }
    }
}

/// Images in the preview: served as WebP, shared with `liftoff build` through one cache, untouched by a text edit.
@Suite struct PreviewImageTests {
    @Test func imagesAreServedFromTheSharedCacheAndATextEditLeavesThemAlone() async throws {
        try await PreviewFixture.withPreview(now: PreviewServerTests.now) { site, client in
            let page = site.output.appendingPathComponent("articles/gpt-image-2-countdown/index.html")
            let html = try String(contentsOf: page, encoding: .utf8)
            let webp = try #require(html.components(separatedBy: "srcset=\"").dropFirst().first?.split(separator: " ").first)
            #expect(webp.hasSuffix("-480.webp"))
            try await client.execute(uri: String(webp), method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "image/webp")
            }
            // The cache is the one `liftoff build` uses for the site's output/.
            let cache = BuildOptions.imageCache(besideOutput: site.root.appendingPathComponent("output"))
            let cached = try FileManager.default.contentsOfDirectory(atPath: cache.path)
            #expect(cached.contains { $0.hasSuffix("-480.webp") })
            // A text edit: the served image file is not written again.
            let served = site.output.appendingPathComponent(String(webp.dropFirst()))
            let before = try FileManager.default.attributesOfItem(atPath: served.path)[.modificationDate] as? Date
            let article = site.root.appendingPathComponent("content/gpt-image-2-countdown.md")
            try (String(contentsOf: article, encoding: .utf8) + "\nOne more line.\n").write(to: article, atomically: true, encoding: .utf8)
            let result = await site.rebuild(changed: ["content/gpt-image-2-countdown.md"])
            #expect(result.succeeded, "\(result.diagnostics)")
            #expect(try String(contentsOf: page, encoding: .utf8).contains("One more line."))
            let after = try FileManager.default.attributesOfItem(atPath: served.path)[.modificationDate] as? Date
            #expect(before != nil && before == after)
        }
    }

    /// A rebuild must not read every processed image to compare it (a site of 1,000 images holds 8,000 of them).
    @Test func theReloadSinkPassesProcessedImagesOnAsLinks() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("liftoff-link-\(UUID().uuidString).webp")
        try Data([1, 2, 3]).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let memory = MemorySink()
        try InjectingSink(memory, scriptURL: "/" + ReloadScript.path).hardLink(from: file.path, to: "articles/a/x.1234-480.webp")
        #expect(memory.linked == ["articles/a/x.1234-480.webp": file.path])
        #expect(memory.files.isEmpty)
    }
}
