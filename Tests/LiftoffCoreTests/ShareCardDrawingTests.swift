import Foundation
import Testing

@testable import LiftoffCore
@testable import LiftoffModel
@testable import LiftoffMedia

/// Drawing one card: the title's size, escaping, other scripts, a logo and a font file.
@Suite struct ShareCardDrawingTests {
    let font = ShareCard.Font(family: "Inter", file: nil)

    func draw(_ card: ShareCard, settings: CardSettings = CardSettings(), font: ShareCard.Font? = nil, logo: String? = nil) throws -> Vips.Header {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("liftoff-card-\(UUID().uuidString).png").path
        defer { unlink(path) }
        try card.draw(to: path, settings: settings, font: font ?? self.font, logo: logo.map { try Vips.Logo(file: $0, background: settings.background) })
        let size = try #require(FileStamp.of(path)).size
        #expect(size < 150_000, "a card of \(size) bytes")
        return try Vips.header(of: path)
    }

    @Test func aShortTitleKeepsTheLargestSizeAndALongOneShrinksIntoItsBox() throws {
        let short = try ShareCard.fittedTitle("Seven days left", font: font)
        #expect(short.size == ShareCard.titleSizes.first)
        let long = String(repeating: "Launch window, pricing tiers and rate limits ", count: 3).prefix(120)
        let fitted = try ShareCard.fittedTitle(String(long), font: font)
        #expect(fitted.size < ShareCard.titleSizes.first!)
        #expect(fitted.text.height <= ShareCard.titleBox.height && fitted.text.width <= ShareCard.titleBox.width)
        // One word longer than a line is broken inside the word, never drawn past the box.
        let word = try ShareCard.fittedTitle(String(repeating: "x", count: 90), font: font)
        #expect(word.text.width <= ShareCard.titleBox.width)
    }

    @Test func aTitleTooLongForAnySizeIsCutAtAWordAndStillFitsItsBox() throws {
        let title = String(repeating: "Launch window ", count: 800)  // 11,200 characters
        let fitted = try ShareCard.fittedTitle(title, font: font)
        #expect(fitted.text.height <= ShareCard.titleBox.height && fitted.text.width <= ShareCard.titleBox.width)
        let shown = ShareCard.shortened(title)
        #expect(shown.count <= ShareCard.titleLimit && shown.hasSuffix("window…"), "\(shown)")
        #expect(ShareCard.shortened("Seven days left") == "Seven days left")
        let header = try draw(ShareCard(title: title, siteTitle: "Launch Desk", date: "November 24, 2026", countdown: nil))
        #expect((header.width, header.height) == (1200, 630))
    }

    @Test(arguments: [
        "Pricing <b>&amp; \"limits\" 'today'",  // Pango markup in a title is text, not markup
        "画像モデルの発売まであと7日",  // Japanese, through fontconfig's fallback
        "Запуск модели: 7 дней",
    ])
    func anyTitleIsDrawnAsText(title: String) throws {
        let header = try draw(ShareCard(title: title, siteTitle: "Launch <Desk>", date: "November 24, 2026", countdown: "Launch · 7 days left"))
        #expect((header.width, header.height) == (1200, 630))
    }

    @Test func aLogoAndAFontFileAreDrawn() throws {
        let logo = ImageTests.images.appendingPathComponent("alpha.png").path
        let fontFile = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
        let family = try #require(try Vips.fontFamily(of: fontFile))
        #expect(family == "DejaVu Sans")
        #expect(try Vips.fontFamily(of: logo) == nil)
        let header = try draw(ShareCard(title: "With a logo", siteTitle: "Desk", date: nil, countdown: nil),
                              font: ShareCard.Font(family: family, file: fontFile), logo: logo)
        #expect((header.width, header.height) == (1200, 630))
    }

    @Test(arguments: [("#1c1e21", true), ("#fff", true), ("#12345", false), ("red", false), ("#-12345", false), ("#gggggg", false)])
    func coloursAreHexadecimal(value: String, valid: Bool) {
        #expect((Colour(hex: value) != nil) == valid)
    }
}

/// What a card's text and a hero's focus are made of.
@Suite struct ShareTextTests {
    @Test(arguments: [
        ("Signals for GPT Image 2, and more", "Signals for GPT Image\u{00A0}2, and more"),
        ("2026 is here", "2026 is here"),
        ("Day  3 of 7", "Day  3 of\u{00A0}7"),
        ("No numbers", "No numbers"),
    ])
    func aNumberStaysWithTheWordBeforeIt(text: String, kept: String) {
        #expect(ShareCard.keepingNumbers(text) == kept)
    }

    @Test(arguments: [
        ("top", 0.5, 0.0), ("Bottom", 0.5, 1.0), ("left", 0.0, 0.5), ("right", 1.0, 0.5), ("center", 0.5, 0.5), ("30% 20%", 0.3, 0.2),
    ])
    func aFocusIsAPlaceOrAPoint(text: String, x: Double, y: Double) throws {
        let focus = try #require(Article.Focus(text))
        #expect(abs(focus.x - x) < 1e-9 && abs(focus.y - y) < 1e-9)
    }

    @Test(arguments: ["", "middle", "30%", "30 20", "101% 0%", "-1% 5%", "30% 20% 10%"])
    func anythingElseIsNoFocus(text: String) {
        #expect(Article.Focus(text) == nil)
    }
}
