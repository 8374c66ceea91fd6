import Foundation
import LiftoffMarkdown

/// A `## Sources` section, rendered as a styled reference list.
struct Sources {
    static let template = "components/sources"
    static let titles: Set<String> = ["sources", "references", "further reading"]

    var heading: Heading
    var html: String

    static func matches(_ title: String) -> Bool {
        SectionTitle.key(title).map(titles.contains) ?? false
    }

    init(blocks: ArraySlice<MarkdownBlock>, ids: inout HeadingIDs) {
        heading = Heading(block: blocks.first!, ids: &ids)
        html = blocks.dropFirst().map(\.html).joined()
    }

    var context: [String: Any] {
        ["id": heading.id, "title": heading.text, "heading": heading.html, "html": html]
    }
}
