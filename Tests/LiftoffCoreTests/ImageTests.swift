import Foundation
import Testing

@testable import LiftoffCore
@testable import LiftoffModel
@testable import LiftoffMedia

/// Images an article shows: resized, converted, stripped of metadata, with their size in the markup.
@Suite struct ImageTests {
    static let images = fixturesRoot.appendingPathComponent("images")

    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: images.appendingPathComponent(name))
    }

    /// A site whose article `content/shots.md` has `body`, with the named fixtures beside it.
    static func site(_ body: String, images names: [String], siteYML: String = TestSite.siteYML) throws -> TestSite {
        let site = try TestSite(["content/shots.md": article("Shots", body: body)], siteYML: siteYML)
        for name in names { try site.write("content/\(name)", fixture(name)) }
        return site
    }

    static func publish(_ site: TestSite, now: Timestamp = testNow) throws -> BuildReport { try site.publishReport(now: now) }

    @Test func aRotatedPhoneSnapshotIsUprightAndKeepsNoMetadata() throws {
        let site = try Self.site("![A red and blue card](rotated-gps.jpg)", images: ["rotated-gps.jpg"])
        defer { site.remove() }
        _ = try Self.publish(site)
        let published = try files(below: site.output).filter {
            !$0.key.hasSuffix(".html") && $0.key.hasPrefix("articles/") && !$0.key.contains("/card.") && !$0.key.hasSuffix("/search.txt")
        }
        // Stored 120 × 60 with orientation 6: shown upright, 60 wide and 120 high.
        #expect(Set(published.keys) == ["articles/shots/rotated-gps.\(try hashPrefix(site))-60.webp", "articles/shots/rotated-gps.\(try hashPrefix(site))-60.jpg"])
        for (path, bytes) in published {
            let header = try Vips.header(of: site.output.appendingPathComponent(path).path)
            #expect((header.width, header.height) == (60, 120), "\(path)")
            let text = String(decoding: bytes, as: UTF8.self)
            for marker in ["Exif", "EXIF", "LiftoffTestCamera", "GPS", "xmp"] {
                #expect(!text.contains(marker), "\(path) still holds \(marker)")
            }
        }
        let page = try site.outputText("articles/shots/index.html")
        #expect(page.contains("width=\"60\" height=\"120\" alt=\"A red and blue card\""))
        // The original (with its GPS position) is not published anywhere.
        #expect(try files(below: site.output).values.allSatisfy { !String(decoding: $0, as: UTF8.self).contains("LiftoffTestCamera") })
    }

    /// The 8 hexadecimal digits that name this site's single processed image.
    private func hashPrefix(_ site: TestSite) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: site.output.appendingPathComponent("articles/shots").path)
        let name = try #require(names.first { $0.hasSuffix(".webp") })
        return String(name.split(separator: ".")[1].prefix(8))
    }

    @Test func eachImageGetsWidthsFormatsAndASizeInItsMarkup() throws {
        let body = """
            ![Gradient](wide.jpg)

            ![A green square](alpha.png) ![Two frames](animated.gif) ![Diagram](diagram.svg)
            """
        let site = try Self.site(body, images: ["wide.jpg", "alpha.png", "animated.gif"])
        defer { site.remove() }
        try site.write("content/diagram.svg", "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 320 180\"><rect width=\"10\" height=\"10\"/></svg>")
        _ = try Self.publish(site)
        let page = try site.outputText("articles/shots/index.html")
        let folder = try FileManager.default.contentsOfDirectory(atPath: site.output.appendingPathComponent("articles/shots").path)
        // 1000 px wide: 480, 800 and its own width, never wider; WebP and a JPEG fallback.
        for width in [480, 800, 1000] {
            #expect(folder.contains { $0.hasPrefix("wide.") && $0.hasSuffix("-\(width).webp") })
            #expect(folder.contains { $0.hasPrefix("wide.") && $0.hasSuffix("-\(width).jpg") })
        }
        #expect(!folder.contains { $0.hasPrefix("wide.") && $0.contains("-1200.") })
        #expect(!folder.contains("wide.jpg"), "the original is not published")
        // Transparency keeps a PNG fallback.
        #expect(folder.contains { $0.hasPrefix("alpha.") && $0.hasSuffix("-64.png") })
        // An animation is published as it is.
        #expect(try Data(contentsOf: site.output.appendingPathComponent("articles/shots/animated.gif")) == Self.fixture("animated.gif"))
        let images = page.components(separatedBy: "<img ").dropFirst().map { String($0.prefix { $0 != ">" }) }
        #expect(images.count == 4)
        for image in images {
            #expect(image.contains(" width=\"") && image.contains(" height=\""), "\(image)")
        }
        #expect(images[0].contains("width=\"1000\" height=\"500\"") && images[0].contains("fetchpriority=\"high\""))
        #expect(!images[0].contains("loading="))
        #expect(images[1...].allSatisfy { $0.contains("loading=\"lazy\"") && $0.contains("decoding=\"async\"") })
        #expect(images[2].contains("animated.gif\" width=\"40\" height=\"30\""))
        #expect(images[3].contains("diagram.svg\" width=\"320\" height=\"180\""))
        let webp = try #require(between("<source type=\"image/webp\" srcset=\"", "\"", in: page))
        #expect(webp.components(separatedBy: ", ").map { $0.split(separator: " ").last.map(String.init) } == ["480w", "800w", "1000w"])
        #expect(page.contains("sizes=\"(max-width: 47rem) calc(100vw - 2.5rem), 44rem\""))
    }

    @Test func aSecondBuildReadsNoImageAndAnEditReprocessesThatImageOnly() throws {
        let site = try Self.site("![Gradient](wide.jpg)\n\n![A card](rotated-gps.jpg)", images: ["wide.jpg", "rotated-gps.jpg"])
        defer { site.remove() }
        let first = try Self.publish(site)
        #expect(first.images.read == 2 && first.images.encoded == 2)
        let cached = try files(below: BuildOptions.imageCache(besideOutput: site.output))
        // The text changes, the images do not: nothing is read, decoded or encoded.
        try site.write("content/shots.md", article("Shots", body: "New words.\n\n![Gradient](wide.jpg)\n\n![A card](rotated-gps.jpg)"))
        let second = try Self.publish(site)
        #expect(second.images.read == 0 && second.images.encoded == 0 && second.images.shared == 0)
        #expect(try files(below: BuildOptions.imageCache(besideOutput: site.output)) == cached)
        // One image replaced (by a 700 × 350 JPEG): that one alone is processed again.
        let replacement = FileManager.default.temporaryDirectory.appendingPathComponent("liftoff-test-\(UUID().uuidString).jpg")
        defer { try? FileManager.default.removeItem(at: replacement) }
        _ = try Vips.render(Self.images.appendingPathComponent("wide.jpg").path, widths: [700], formats: [.jpeg], quality: 70) { _, _ in
            replacement.path
        }
        try site.write("content/wide.jpg", Data(contentsOf: replacement))
        let third = try Self.publish(site)
        #expect(third.images.read == 1 && third.images.encoded == 1)
        let page = try site.outputText("articles/shots/index.html")
        #expect(page.contains("width=\"700\" height=\"350\" alt=\"Gradient\""))
        // The old image's six files (three widths, two formats) left the cache; the new one's four came.
        let now = try files(below: BuildOptions.imageCache(besideOutput: site.output))
        #expect(now.count == cached.count - 2)
        #expect(now.keys.filter { cached[$0] != nil && $0 != "index" }.count == 4, "the other image's two files and the two share cards stay")
    }

    @Test func aSiteWithoutImagesOrCardsGetsNoImageCache() throws {
        let site = try TestSite(["content/plain.md": article("Plain")], siteYML: TestSite.siteYML + "\ncards: false\n")
        defer { site.remove() }
        _ = try Self.publish(site)
        #expect(!FileManager.default.fileExists(atPath: BuildOptions.imageCache(besideOutput: site.output).path))
    }

    @Test func badImagesAreErrorsAtTheLinesThatShowThem() throws {
        let body = """
            ![Cut](cut.jpg)

            ![Text](notes.png)

            ![Renamed](photo.png)

            ![Empty](empty.jpg)

            ![Bomb](bomb.png)
            """
        let site = try Self.site(body, images: ["bomb.png"])
        defer { site.remove() }
        let wide = try Self.fixture("wide.jpg")
        try site.write("content/cut.jpg", wide.prefix(wide.count / 2))
        try site.write("content/notes.png", "not an image at all")
        try site.write("content/photo.png", wide)
        try site.write("content/empty.jpg", Data())
        let failures = site.failures()
        func line(_ number: Int, _ text: String) -> Bool {
            failures.contains { $0.hasPrefix("content/shots.md:\(number + 6): image") && $0.contains(text) }
        }
        #expect(line(1, "'cut.jpg': cannot be decoded"), "\(failures)")
        #expect(line(3, "'notes.png': is not an image"), "\(failures)")
        #expect(line(5, "'photo.png': the file holds JPEG data, not PNG; rename it to end in .jpg"), "\(failures)")
        #expect(line(7, "'empty.jpg': the file is empty"), "\(failures)")
        #expect(line(9, "'bomb.png': the image declares 50000 × 50000 pixels"), "\(failures)")
        #expect(failures.count == 5, "\(failures)")
        #expect(throws: BuildFailure.self) { try Self.publish(site) }
        #expect(!FileManager.default.fileExists(atPath: site.output.path), "nothing is published")
    }

    @Test func aLongScreenshotIsPublishedAtTheWidthsWebPHoldsAndATallerImageIsAnError() throws {
        // 600 × 17,000: 480 px wide it is 13,600 high; at its own width, over WebP's 16,383.
        let site = try Self.site("![A long page](tall.png)", images: ["tall.png"])
        defer { site.remove() }
        _ = try Self.publish(site)
        let folder = site.output.appendingPathComponent("articles/shots")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("tall.") }
        #expect(Set(names.compactMap { $0.split(separator: "-").last.map(String.init) }) == ["480.webp", "480.png"], "\(names)")
        for name in names {
            let header = try Vips.header(of: folder.appendingPathComponent(name).path)
            #expect((header.width, header.height) == (480, 13_600), "\(name)")
        }
        #expect(try site.outputText("articles/shots/index.html").contains("width=\"480\" height=\"13600\" alt=\"A long page\""))

        let sliver = try Self.site("![A sliver](sliver.png)", images: ["sliver.png"])
        defer { sliver.remove() }
        #expect(sliver.failures() == [
            "content/shots.md:7: image 'sliver.png': the image is 1 × 20000 pixels: too tall to publish at any width (WebP holds at most 16383 pixels a side); crop it or split it"
        ])
    }

    @Test func noAltTextAndAnSVGWithoutSizeAreWarningsThatStrictBuildsFailOn() throws {
        let site = try Self.site("![](wide.jpg)\n\n![Plan](plan.svg)", images: ["wide.jpg"])
        defer { site.remove() }
        try site.write("content/plan.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect/></svg>")
        var strict = BuildOptions(now: testNow)
        strict.strict = true
        #expect(site.failures(strict) == [
            "content/shots.md:7: warning: image 'wide.jpg' has no alt text: say what it shows between the brackets, ![what it shows](wide.jpg)",
            "content/shots.md:9: warning: image 'plan.svg': the SVG has no size: browsers show it at 300 × 150; give its <svg> element a viewBox",
        ])
        let page = try #require(try site.build()["articles/shots/index.html"])
        #expect(page.contains("alt=\"\""))
        #expect(page.contains("plan.svg\" width=\"300\" height=\"150\" alt=\"Plan\""))
    }

    @Test func imageSettingsAreReadAndCheckedInSiteYML() throws {
        let wrong = TestSite.siteYML + "\nimages:\n  widths: [300, 9]\n  quality: 0\n  formats: [webp, gif]\n  sizez: 100vw\n"
        let failures = try Self.site("![Gradient](wide.jpg)", images: ["wide.jpg"], siteYML: wrong).failures()
        #expect(failures.contains { $0.hasPrefix("site.yml:8: site.yml: images: 'widths' must be a list of widths") })
        #expect(failures.contains { $0.hasPrefix("site.yml:9: site.yml: images: 'quality' must be a whole number from 1 to 100") })
        #expect(failures.contains { $0.hasPrefix("site.yml:10: site.yml: images: 'formats'") })
        #expect(failures.contains { $0.hasPrefix("site.yml:11: site.yml: images: unknown key 'sizez'; did you mean 'sizes'?") })

        let avif = TestSite.siteYML + "\nimages:\n  widths: [200, 400]\n  formats: [webp, avif]\n  sizes: 100vw\n"
        let site = try Self.site("![Gradient](wide.jpg)", images: ["wide.jpg"], siteYML: avif)
        defer { site.remove() }
        let page = try #require(try site.build()["articles/shots/index.html"])
        #expect(page.contains("<picture><source type=\"image/avif\" srcset=\"/articles/shots/wide."))
        #expect(page.contains("-400.avif 400w\" sizes=\"100vw\" /><source type=\"image/webp\""))
        #expect(attributeValues("width", in: page).contains("400"))
    }

    @Test func templatesGetEachImagesData() throws {
        let site = try Self.site("![Gradient](wide.jpg)", images: ["wide.jpg"])
        defer { site.remove() }
        try site.write("theme/templates/article.mustache", """
            {{<base}}{{$main}}{{#article}}{{#images}}[{{alt}} {{width}}x{{height}} {{src}} {{webp_srcset}}]{{/images}}{{/article}}{{/main}}{{/base}}
            """)
        let page = try #require(try site.build()["articles/shots/index.html"])
        let data = try #require(between("[Gradient 1000x500 /articles/shots/wide.", "]", in: page))
        #expect(data.hasSuffix("-1000.webp 1000w"))
        #expect(data.contains("-800.jpg /articles/shots/wide."))
    }
}
