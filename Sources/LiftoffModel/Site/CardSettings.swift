/// How generated share cards look: the `cards:` settings of `site.yml` (`cards: false` turns them off;
/// pages then share their hero image, or nothing).
public struct CardSettings: Sendable, Hashable {
    public var enabled = true
    /// The default theme's dark palette.
    package var background = Colour(hex: "#121417")!
    package var text = Colour(hex: "#e6e8eb")!
    package var muted = Colour(hex: "#a5acb8")!
    package var accent = Colour(hex: "#8ab4f8")!
    /// A logo drawn in the top right corner, and a font file for every text; paths from the site's folder.
    public var logo: SiteFile?
    public var font: SiteFile?

    /// A file named in `site.yml`, and the line that names it.
    public struct SiteFile: Sendable, Hashable {
        public var path: String
        public var line: Int

        package init(path: String, line: Int) {
            self.path = path
            self.line = line
        }
    }

    public init() {}

    package static let keys = ["background", "text", "muted", "accent", "logo", "font"]
}
