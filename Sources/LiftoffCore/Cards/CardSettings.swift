/// How generated share cards look: the `cards:` settings of `site.yml` (`cards: false` turns them off;
/// pages then share their hero image, or nothing).
public struct CardSettings: Sendable, Hashable {
    public var enabled = true
    /// The default theme's dark palette.
    var background = Vips.Colour(hex: "#121417")!
    var text = Vips.Colour(hex: "#e6e8eb")!
    var muted = Vips.Colour(hex: "#a5acb8")!
    var accent = Vips.Colour(hex: "#8ab4f8")!
    /// A logo drawn in the top right corner, and a font file for every text; paths from the site's folder.
    public var logo: SiteFile?
    public var font: SiteFile?

    /// A file named in `site.yml`, and the line that names it.
    public struct SiteFile: Sendable, Hashable {
        public var path: String
        public var line: Int
    }

    public init() {}

    static let keys = ["background", "text", "muted", "accent", "logo", "font"]

    /// Reads `cards: false` or the `cards:` mapping; problems are recorded in `fields`.
    static func read(_ fields: inout YAMLFields) -> CardSettings {
        var settings = CardSettings()
        guard let node = fields.node("cards") else { return settings }
        if node.scalar != nil {
            if let enabled = fields.bool("cards") { settings.enabled = enabled }
            return settings
        }
        guard var nested = fields.nested("cards", known: keys, what: "site.yml: cards") else { return settings }
        defer { fields.absorb(nested) }
        for (key, path) in [("background", \CardSettings.background), ("text", \.text), ("muted", \.muted), ("accent", \.accent)] {
            guard let value = nested.string(key) else { continue }
            if let colour = Vips.Colour(hex: value) { settings[keyPath: path] = colour }
            else { nested.fail(key, "'\(key)' must be a colour like \"#1c1e21\" or \"#fff\"; got '\(value)'") }
        }
        for (key, path) in [("logo", \CardSettings.logo), ("font", \.font)] {
            guard let value = nested.string(key) else { continue }
            if value.isEmpty || value.hasPrefix("/") || value.split(separator: "/").contains("..") {
                nested.fail(key, "'\(key)' must be a file in the site's folder, like `\(key): theme/\(key == "logo" ? "logo.png" : "fonts/Brand-Bold.ttf")`")
            } else {
                settings[keyPath: path] = SiteFile(path: value, line: nested.line(of: key))
            }
        }
        return settings
    }
}

extension Vips.Colour {
    /// `#rrggbb` or `#rgb`.
    init?(hex: String) {
        let digits = Array(hex.utf8.dropFirst())
        guard hex.utf8.first == UInt8(ascii: "#"), digits.count == 6 || digits.count == 3,
              digits.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x66) }),
              let value = Int(String(decoding: digits, as: UTF8.self), radix: 16)
        else { return nil }
        if digits.count == 3 {
            let (r, g, b) = (value >> 8 & 0xF, value >> 4 & 0xF, value & 0xF)
            self.init(red: Double(r * 17), green: Double(g * 17), blue: Double(b * 17))
        } else {
            self.init(red: Double(value >> 16 & 0xFF), green: Double(value >> 8 & 0xFF), blue: Double(value & 0xFF))
        }
    }
}
