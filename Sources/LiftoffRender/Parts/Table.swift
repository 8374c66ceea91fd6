import LiftoffMarkdown

/// A GFM table, wrapped so that it scrolls sideways on a narrow screen.
struct Table {
    static let template = "components/table"
    /// cmark's `<table>` HTML.
    var html: String
    /// The heading the table sits under, to name the scrolling region.
    var caption: String?

    init(block: MarkdownBlock, caption: String?) {
        html = block.html
        self.caption = caption
    }

    var context: [String: Any] { ["html": html, "label": caption ?? "Table"] }
}
