/// How article images are published: the `images:` settings of `site.yml`.
public struct ImageSettings: Sendable, Hashable {
    /// Widths to publish (never wider than the source).
    public var widths = [480, 800, 1200, 1600]
    /// Encoder quality, 1–100, for WebP, JPEG and AVIF.
    public var quality = 80
    /// AVIF beside WebP (about three times WebP's encoding time).
    public var avif = false
    /// The `sizes` attribute: how wide an image shows, matching the theme's content column.
    public var sizes = "(max-width: 47rem) calc(100vw - 2.5rem), 44rem"

    /// A source above this many bytes or pixels is a warning: it slows every clean build.
    public static let warningBytes = 20_000_000
    public static let warningPixels = 40_000_000
    /// A source above this many pixels is refused before it is decoded (a decompression bomb).
    public static let maximumPixels = 100_000_000

    public init() {}

    static let keys = ["widths", "quality", "formats", "sizes"]

    /// Reads the `images:` mapping; problems are recorded in `fields`.
    static func read(_ fields: inout YAMLFields) -> ImageSettings {
        var settings = ImageSettings()
        if let node = fields.node("widths") {
            let values = node.sequence?.compactMap { $0.int } ?? []
            if values.isEmpty || values.count != node.sequence?.count || values.contains(where: { !(16...8192).contains($0) }) {
                fields.fail("widths", "'widths' must be a list of widths in pixels from 16 to 8192, like `widths: [480, 800, 1200, 1600]`")
            } else {
                settings.widths = Array(Set(values)).sorted()
            }
        }
        settings.quality = fields.int("quality", in: 1...100) ?? settings.quality
        if let formats = fields.stringList("formats", example: "webp, avif") {
            if let unknown = formats.first(where: { $0 != "webp" && $0 != "avif" }) {
                fields.fail("formats", "'formats' lists what is published beside the fallback: webp, avif; got '\(unknown)'")
            } else if !formats.contains("webp") {
                fields.fail("formats", "'formats' must include webp (every current browser reads it)")
            } else {
                settings.avif = formats.contains("avif")
            }
        }
        if let sizes = fields.string("sizes") {
            if sizes.isEmpty || sizes.contains("\"") { fields.fail("sizes", "'sizes' must be an HTML sizes value, like `(max-width: 47rem) 100vw, 44rem`") }
            else { settings.sizes = sizes }
        }
        return settings
    }

    /// The most pixels a side of a published image may have: WebP's limit (a long screenshot is
    /// published at the widths that keep it under it).
    static let maximumSide = 16_383

    /// The widths published for a source `width` × `height` pixels: the settings' widths below its
    /// width, and its own width when it is not wider than the largest — those at which it is at
    /// most `maximumSide` high, else the widest at which it is (none: it cannot be published).
    func widths(forSource width: Int, height: Int) -> [Int] {
        // `widths` is never empty (the settings refuse an empty list).
        let all = widths.filter { $0 < width } + (width <= widths.last! ? [width] : [])
        let fitting = all.filter { Int((Double(height) * Double($0) / Double(width)).rounded()) <= Self.maximumSide }
        guard fitting.isEmpty else { return fitting }
        let widest = Self.maximumSide * width / height
        return widest >= 1 ? [widest] : []
    }
}
