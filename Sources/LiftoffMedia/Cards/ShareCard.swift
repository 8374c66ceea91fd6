import LiftoffModel

/// What one generated share card shows, and how it is drawn (1200 × 630, PNG): the site's name
/// (and logo) at the top, the title as large as its box allows, the date and the countdown below.
package struct ShareCard: Sendable, Hashable {
    var title: String
    var siteTitle: String
    /// "November 24, 2026"; nil on the site's card.
    var date: String?
    /// "GPT Image 2 · 7 days left"; nil without a countdown.
    var countdown: String?

    package static let width = 1200
    package static let height = 630
    /// Changes whenever this code would draw a card differently.
    static let drawingVersion = 4

    /// zlib's level: 1 deflates a card in a quarter of level 6's time, for a file about a quarter larger.
    static let compression = 1
    /// Title sizes in pixels, largest first: the first whose lines fit the title's box is taken.
    static let titleSizes = [76, 68, 60, 54, 48, 42, 38, 34, 30, 26, 22, 18, 15]
    /// The logo's height in the top right corner.
    static let logoHeight = 64

    /// The title's box: below the site's name, above the date and countdown.
    static let titleBox = (x: 88, y: 140, width: 1024, height: 340)

    /// The font every text is drawn in: a family fontconfig knows, or the family of `file`.
    struct Font: Sendable, Hashable {
        var family: String
        var file: String?
    }

    /// Draws the card into a PNG file at `path`.
    func draw(to path: String, settings: CardSettings, font: Font, logo: Vips.Logo?) throws(ImageError) {
        let canvas = try Vips.Canvas(width: Self.width, height: Self.height, colour: settings.background)
        try canvas.fill(x: 0, y: 0, width: 16, height: Self.height, colour: settings.accent)
        let left = Self.titleBox.x, right = Self.width - 88
        let site = try Vips.Text(markup: Self.escape(siteTitle), font: "\(font.family) Semi-Bold 30", fontFile: font.file, width: 760)
        try canvas.draw(site, x: left, y: 64, colour: settings.muted)
        if let logo {
            try canvas.draw(logo, x: right, y: 48, right: true)
        }
        let title = try Self.fittedTitle(title, font: font).text
        let titleY = Self.titleBox.y + max(0, (Self.titleBox.height - title.height) / 2)
        try canvas.draw(title, x: left, y: titleY, colour: settings.text)
        let bottom = 520
        // A hairline above the date and countdown, a quarter of the way from the background to the muted text.
        let line = Colour(red: (settings.background.red * 3 + settings.muted.red) / 4, green: (settings.background.green * 3 + settings.muted.green) / 4,
                               blue: (settings.background.blue * 3 + settings.muted.blue) / 4)
        try canvas.fill(x: left, y: bottom - 24, width: right - left, height: 2, colour: line)
        if let date {
            let text = try Vips.Text(markup: Self.escape(date), font: "\(font.family) 30", fontFile: font.file, width: 480)
            try canvas.draw(text, x: left, y: bottom + 6, colour: settings.muted)
        }
        if let countdown {
            let text = try Vips.Text(markup: Self.escape(countdown), font: "\(font.family) Bold 40", fontFile: font.file, width: 620)
            try canvas.draw(text, x: right - text.width, y: bottom, colour: settings.accent)
        }
        try canvas.savePNG(path, compression: Self.compression)
    }

    /// The most characters of a title a card shows: at the smallest size they fill the box.
    static let titleLimit = 300

    /// The title at the largest size whose lines fit the box (a short title is not blown up past
    /// the largest size, a long one gets smaller; one over `titleLimit` characters is cut at a
    /// word, with an ellipsis), and that size.
    static func fittedTitle(_ title: String, font: Font) throws(ImageError) -> (text: Vips.Text, size: Int) {
        let markup = escape(keepingNumbers(shortened(title)))
        var fitted: (text: Vips.Text, size: Int)?
        for size in titleSizes {
            let text = try Vips.Text(markup: markup, font: "\(font.family) Bold \(size)", fontFile: font.file, width: titleBox.width)
            fitted = (text, size)
            if text.height <= titleBox.height, text.width <= titleBox.width { break }
        }
        return fitted!
    }

    /// `text` with a no-break space before each word that starts with a digit: "GPT Image 2," never
    /// leaves "2," alone at the start of a line.
    static func keepingNumbers(_ text: String) -> String {
        var result: [Character] = []
        for character in text {
            if character.isNumber, result.count >= 2, result[result.count - 1] == " ", result[result.count - 2] != " " {
                result[result.count - 1] = "\u{00A0}"
            }
            result.append(character)
        }
        return String(result)
    }

    /// `title`, or its first `limit` characters cut at the last space, with an ellipsis.
    static func shortened(_ title: String, to limit: Int = titleLimit) -> String {
        guard title.count > limit else { return title }
        let head = title.prefix(limit - 1)
        let cut = head.lastIndex(of: " ").map { head[..<$0] } ?? head
        return cut.trimmingCharacters(in: .whitespaces) + "…"
    }

    /// Text as Pango markup: `&`, `<`, `>`, quotes escaped.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: result.append(character)
            }
        }
        return result
    }
}
