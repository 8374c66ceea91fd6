import LiftoffMarkdown

/// GitHub's alerts (`> [!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]`, `[!CAUTION]`) as labelled
/// callouts around cmark-gfm's HTML of the quote's content.
enum Callout {
    static func html(kind: String, content: String) -> String {
        let title = MarkdownRenderer.calloutKinds[kind.uppercased()] ?? kind
        return "<div class=\"callout callout-\(kind)\" role=\"note\">\n<p class=\"callout-title\">\(title)</p>\n\(content)</div>\n"
    }
}

/// The article's footnotes: cmark-gfm's one `<section class="footnotes">`, with a heading.
enum Footnotes {
    static func html(_ section: String, id: String) -> String {
        let open = "<section class=\"footnotes\" data-footnotes>\n"
        guard section.hasPrefix(open) else { return section }
        return "<section class=\"footnotes\" data-footnotes aria-labelledby=\"\(id)\">\n<h2 id=\"\(id)\">Notes</h2>\n"
            + section.dropFirst(open.count)
    }
}
