import Foundation
import Testing

@testable import LiftoffCore
@testable import LiftoffModel
@testable import LiftoffRender
@testable import LiftoffMedia

/// What a shared link shows: every page's og:image, heroes, cards that carry the countdown, and
/// cards drawn once for as long as what they show stays the same.
@Suite struct ShareImageTests {
    static let countdown = "countdown:\n  target: 2026-12-01T17:00:00Z\n  label: GPT Image 2\n"

    static func publish(_ site: TestSite, now: Timestamp = testNow) throws -> BuildReport { try site.publishReport(now: now) }

    /// `content` of `<meta property|name="name" content="…">`.
    static func meta(_ name: String, in html: String) -> String? {
        for prefix in ["<meta property=\"\(name)\" content=\"", "<meta name=\"\(name)\" content=\""] {
            if let start = html.range(of: prefix), let end = html[start.upperBound...].firstIndex(of: "\"") {
                return String(html[start.upperBound..<end])
            }
        }
        return nil
    }

    @Test func everyPageSharesAnImageOfTheShareSizeThatIsPublished() throws {
        let site = try TestSite([
            "content/countdown.md": article("Seven days left", extra: Self.countdown),
            "content/plain.md": article("A plain article", date: "2026-11-21", extra: "tags: [notes]\n"),
        ])
        defer { site.remove() }
        _ = try Self.publish(site)
        let pages = Theme.files(under: site.output).filter { $0.hasSuffix(".html") }
        #expect(pages.count >= 6)
        for page in pages {
            let html = try site.outputText(page)
            let url = try #require(Self.meta("og:image", in: html), "\(page)")
            #expect(url.hasPrefix("https://example.org/"))
            let file = site.output.appendingPathComponent(String(url.dropFirst("https://example.org/".count))).path
            let header = try Vips.header(of: file)
            #expect((header.width, header.height) == (1200, 630), "\(page)")
            #expect(try #require(FileStamp.of(file)).size < 150_000)
            #expect(Self.meta("og:image:width", in: html) == "1200" && Self.meta("og:image:height", in: html) == "630")
            #expect(Self.meta("og:image:type", in: html) == "image/png")
            #expect(Self.meta("og:image:alt", in: html)?.isEmpty == false, "\(page)")
            #expect(Self.meta("twitter:card", in: html) == "summary_large_image")
            #expect(Self.meta("twitter:image", in: html) == url)
        }
        let article = try site.outputText("articles/countdown/index.html")
        #expect(article.contains("\"image\":{\"@type\":\"ImageObject\",\"height\":630,\"url\":\"\(Self.meta("og:image", in: article)!)\""))
        #expect(Self.meta("og:image:alt", in: article) == "Seven days left (Test Site, GPT Image 2 · 7 days left)")
    }

    @Test func cardsChangeWithTheDayNotTheHourAndAreDrawnOnce() throws {
        let site = try TestSite(["content/countdown.md": article("Seven days left", extra: Self.countdown)])
        defer { site.remove() }
        // 7 days and 3 hours before the launch.
        let now = Timestamp(seconds: testNow.seconds - 3 * 3600)
        let first = try Self.publish(site, now: now)
        #expect(first.images.shared == 2, "the article's card and the site's")
        let card = Self.meta("og:image", in: try site.outputText("articles/countdown/index.html"))
        // An hour later: pages change (their countdown counts minutes), the cards do not.
        let later = try Self.publish(site, now: Timestamp(seconds: now.seconds + 3600))
        #expect(later.images.shared == 0)
        #expect(Self.meta("og:image", in: try site.outputText("articles/countdown/index.html")) == card)
        // A day later: six days left, a new card.
        let tomorrow = try Self.publish(site, now: Timestamp(seconds: now.seconds + 86_400))
        #expect(tomorrow.images.shared == 2)
        let html = try site.outputText("articles/countdown/index.html")
        #expect(Self.meta("og:image", in: html) != card)
        #expect(Self.meta("og:image:alt", in: html)?.hasSuffix("GPT Image 2 · 6 days left)") == true)
    }

    @Test func aHeroIsShownFirstOnItsCardsAndSharedCropped() throws {
        let site = try TestSite([
            "content/hero.md": article("With a hero", extra: "image: wide.jpg\nimage_alt: A grey gradient\n", body: "Text.\n\n![Body image](wide.jpg)"),
        ])
        defer { site.remove() }
        try site.write("content/wide.jpg", ImageTests.fixture("wide.jpg"))
        _ = try Self.publish(site)
        let page = try site.outputText("articles/hero/index.html")
        let hero = try #require(page.range(of: "<figure class=\"article-hero\"><picture>"))
        #expect(page[hero.upperBound...].prefix(2000).contains("alt=\"A grey gradient\" fetchpriority=\"high\""))
        #expect(page.contains("alt=\"Body image\" loading=\"lazy\""), "the body's first image is not the page's first")
        let url = try #require(Self.meta("og:image", in: page))
        #expect(url.hasPrefix("https://example.org/articles/hero/wide.") && url.hasSuffix("-share.jpg"))
        #expect(Self.meta("og:image:type", in: page) == "image/jpeg" && Self.meta("og:image:alt", in: page) == "A grey gradient")
        let header = try Vips.header(of: site.output.appendingPathComponent(String(url.dropFirst("https://example.org/".count))).path)
        #expect((header.width, header.height) == (1200, 630))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("articles/hero/card.").path))
        let home = try site.outputText("index.html")
        #expect(home.contains("<a class=\"card-image\" href=\"/articles/hero/\" tabindex=\"-1\" aria-hidden=\"true\"><picture>"))
        #expect(!home.contains("fetchpriority"), "a card's thumbnail is lazy")
    }

    @Test func heroProblemsAreReportedAtTheImageLine() throws {
        let site = try TestSite([
            "content/missing.md": article("Missing", extra: "image: nowhere.jpg\nimage_alt: x\n"),
            "content/small.md": article("Small", date: "2026-11-21", extra: "image: rotated-gps.jpg\n"),
            "content/orphan.md": article("Orphan", date: "2026-11-22", extra: "image_alt: A picture\n"),
            "content/damaged.md": article("Damaged", date: "2026-11-23", extra: "image: damaged.jpg\nimage_alt: x\n"),
            "content/remote.md": article("Remote", date: "2026-11-19", extra: "image: https://example.com/x.jpg\nimage_alt: x\n"),
        ])
        defer { site.remove() }
        try site.write("content/rotated-gps.jpg", ImageTests.fixture("rotated-gps.jpg"))
        try site.write("content/damaged.jpg", Data("not a picture at all".utf8))
        let failures = site.failures()
        #expect(failures.contains { $0.hasPrefix("content/damaged.md:5: image 'damaged.jpg': ") })
        #expect(failures.contains { $0.hasPrefix("content/remote.md:5: image 'https://example.com/x.jpg': the hero must be an image file under content/") })
        #expect(failures.contains("content/missing.md:5: image: image 'nowhere.jpg' not found next to the article"))
        #expect(failures.contains { $0.hasPrefix("content/orphan.md:5: front matter: 'image_alt' describes the `image:`") })
        #expect(failures.contains("content/small.md:5: warning: image 'rotated-gps.jpg' is 60 × 120 pixels, too small to share (at least 600 × 315); the article's card is shared instead"))
        #expect(failures.contains { $0.hasPrefix("content/small.md:5: warning: image 'rotated-gps.jpg' has no alt text") })
    }

    @Test(arguments: [
        ("cards:\n  logo: theme/nowhere.png\n", "site.yml:8: site.yml: cards: logo 'theme/nowhere.png' is not a file in the site's folder"),
        ("cards:\n  font: content/plain.md\n", "site.yml:8: site.yml: cards: font 'content/plain.md' is not a font file (TrueType, OpenType)"),
        ("cards:\n  accent: blue\n", "site.yml:8: site.yml: cards: 'accent' must be a colour like \"#1c1e21\" or \"#fff\"; got 'blue'"),
        ("cards:\n  logo: /etc/hostname\n", "site.yml:8: site.yml: cards: 'logo' must be a file in the site's folder, like `logo: theme/logo.png`"),
        ("cards:\n  backround: \"#000\"\n", "site.yml:8: site.yml: cards: unknown key 'backround'; did you mean 'background'?"),
    ])
    func cardSettingsProblemsAreErrorsAtTheirLines(yaml: String, expected: String) throws {
        let site = try TestSite(["content/plain.md": article("Plain")], siteYML: TestSite.siteYML + "\n" + yaml)
        defer { site.remove() }
        #expect(site.failures().contains(expected), "\(site.failures())")
    }

    @Test func aSiteUnderAPathSharesURLsUnderThatPath() throws {
        let yml = TestSite.siteYML.replacingOccurrences(of: "base_url: https://example.org/", with: "base_url: https://example.org/launch/")
        let site = try TestSite(["content/plain.md": article("Plain")], siteYML: yml)
        defer { site.remove() }
        _ = try Self.publish(site)
        for page in ["articles/plain/index.html", "index.html"] {
            let url = try #require(Self.meta("og:image", in: try site.outputText(page)))
            #expect(url.hasPrefix("https://example.org/launch/"), "\(url)")
            #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent(String(url.dropFirst("https://example.org/launch/".count))).path))
        }
    }

    @Test func cardsOffLeaveHeroesShared() throws {
        let site = try TestSite([
            "content/hero.md": article("With a hero", extra: "image: wide.jpg\nimage_alt: A gradient\n"),
            "content/plain.md": article("Plain", date: "2026-11-21"),
        ], siteYML: TestSite.siteYML + "\ncards: false\n")
        defer { site.remove() }
        try site.write("content/wide.jpg", ImageTests.fixture("wide.jpg"))
        let pages = try site.build()
        #expect(Self.meta("og:image", in: pages["articles/hero/index.html"]!)?.hasSuffix("-share.jpg") == true)
        for path in ["articles/plain/index.html", "index.html"] {
            #expect(Self.meta("og:image", in: pages[path]!) == nil)
            #expect(Self.meta("twitter:card", in: pages[path]!) == "summary")
        }
    }

    @Test func aNewLogoIsANewCard() throws {
        let site = try TestSite(["content/plain.md": article("Plain")], siteYML: TestSite.siteYML + "\ncards:\n  logo: theme/logo.png\n")
        defer { site.remove() }
        try site.write("theme/logo.png", ImageTests.fixture("alpha.png"))
        _ = try Self.publish(site)
        let before = Self.meta("og:image", in: try site.outputText("articles/plain/index.html"))
        try site.write("theme/logo.png", ImageTests.fixture("animated.gif"))
        let report = try Self.publish(site)
        #expect(report.images.shared == 2)
        #expect(Self.meta("og:image", in: try site.outputText("articles/plain/index.html")) != before)
    }
}
