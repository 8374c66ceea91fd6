import LiftoffMarkdown

/// A paragraph that begins with `TL;DR:`, set apart as an `<aside>`.
package struct TLDR {
    static let template = "components/tldr"
    /// cmark's HTML of the paragraph without its label.
    var html: String
    package var text: String

    init(block: MarkdownBlock) {
        html = block.html
        text = block.text
    }

    var context: [String: Any] { ["html": html, "text": text] }
}
