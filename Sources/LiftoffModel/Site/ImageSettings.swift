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

    package static let keys = ["widths", "quality", "formats", "sizes"]

    /// The most pixels a side of a published image may have: WebP's limit (a long screenshot is
    /// published at the widths that keep it under it).
    package static let maximumSide = 16_383

    /// The widths published for a source `width` × `height` pixels: the settings' widths below its
    /// width, and its own width when it is not wider than the largest — those at which it is at
    /// most `maximumSide` high, else the widest at which it is (none: it cannot be published).
    package func widths(forSource width: Int, height: Int) -> [Int] {
        // `widths` is never empty (the settings refuse an empty list).
        let all = widths.filter { $0 < width } + (width <= widths.last! ? [width] : [])
        let fitting = all.filter { Int((Double(height) * Double($0) / Double(width)).rounded()) <= Self.maximumSide }
        guard fitting.isEmpty else { return fitting }
        let widest = Self.maximumSide * width / height
        return widest >= 1 ? [widest] : []
    }
}
