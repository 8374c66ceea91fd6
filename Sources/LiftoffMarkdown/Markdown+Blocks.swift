import CMarkGFM
import Foundation
import LiftoffModel

/// Blocks cmark-gfm parses that Liftoff presents its own way: footnotes gathered into one section,
/// GitHub's alerts as callouts, a captioned image as a figure. The HTML inside is still cmark-gfm's.
extension MarkdownRenderer {
    /// GitHub's alert markers and their titles.
    package static let calloutKinds = ["NOTE": "Note", "TIP": "Tip", "IMPORTANT": "Important", "WARNING": "Warning", "CAUTION": "Caution"]

    /// If the block quote starts with `[!NOTE]` (or another kind) alone on its first line, removes
    /// that line and returns the kind, lower case.
    static func takeCalloutMarker(_ quote: OpaquePointer) -> String? {
        guard let paragraph = cmark_node_first_child(quote), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
              let text = cmark_node_first_child(paragraph), cmark_node_get_type(text) == CMARK_NODE_TEXT
        else { return nil }
        let marker = string(cmark_node_get_literal(text)).trimmingCharacters(in: .whitespaces)
        guard marker.hasPrefix("[!"), marker.hasSuffix("]"),
              case let name = marker.dropFirst(2).dropLast().uppercased(), calloutKinds[name] != nil
        else { return nil }
        let next = cmark_node_next(text)
        if let next, cmark_node_get_type(next) != CMARK_NODE_SOFTBREAK, cmark_node_get_type(next) != CMARK_NODE_LINEBREAK {
            return nil  // `[!NOTE] more text` on one line is an ordinary quote
        }
        if let next { cmark_node_free(next) }
        cmark_node_free(text)
        if cmark_node_first_child(paragraph) == nil { cmark_node_free(paragraph) }
        return name.lowercased()
    }

    /// `<blockquote>\n…</blockquote>\n` → `…`.
    static func quoteContent(_ html: String) -> String {
        let open = "<blockquote>\n", close = "</blockquote>\n"
        guard html.hasPrefix(open), html.hasSuffix(close) else { return html }
        return String(html.dropFirst(open.count).dropLast(close.count))
    }

    /// The caption of a paragraph that is one image with a title (`![alt](x.png "Caption")`).
    static func figureCaption(_ paragraph: OpaquePointer) -> String? {
        guard let image = cmark_node_first_child(paragraph), cmark_node_get_type(image) == CMARK_NODE_IMAGE,
              cmark_node_next(image) == nil
        else { return nil }
        let title = string(cmark_node_get_title(image)).trimmingCharacters(in: .whitespaces)
        guard !title.isEmpty else { return nil }
        cmark_node_set_title(image, "")
        return title
    }

    /// `<p>IMAGE</p>\n` → `<figure>IMAGE<figcaption>caption</figcaption></figure>\n`.
    static func figure(_ html: String, caption: String) -> String {
        var inner = Substring(html)
        if inner.hasPrefix("<p>") { inner = inner.dropFirst(3) }
        while inner.last == "\n" { inner = inner.dropLast() }
        if inner.hasSuffix("</p>") { inner = inner.dropLast(4) }
        return "<figure>\(inner)<figcaption>\(HTML.escape(caption))</figcaption></figure>\n"
    }

    /// Whether `text` has a `[^` (a footnote's reference and definition start so): `memchr` for the
    /// rare `^`, then a look at the byte before it.
    static func mayHoldFootnotes(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            var offset = 0
            while offset < bytes.count, let hit = memchr(base + offset, 0x5E, bytes.count - offset) {
                let index = hit.assumingMemoryBound(to: UInt8.self) - UnsafeMutablePointer(mutating: base)
                if index > 0, base[index - 1] == 0x5B { return true }
                offset = index + 1
            }
            return false
        }
    }

    /// Removes `block`'s footnote references once its HTML is rendered: its plain text (a
    /// description, a question's name, a heading's id) reads without a `[^1]`.
    static func removeFootnoteReferences(_ block: OpaquePointer) {
        guard let iterator = cmark_iter_new(block) else { return }
        var references: [OpaquePointer] = []
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator), cmark_node_get_type(node) == CMARK_NODE_FOOTNOTE_REFERENCE {
                references.append(node)
            }
        }
        cmark_iter_free(iterator)
        for reference in references { cmark_node_free(reference) }
    }

    /// An HTML comment (`<!-- … -->`): dropped without a word, as writers use them for notes.
    static func isComment(_ literal: UnsafePointer<CChar>) -> Bool {
        literal[0] == 0x3C && literal[1] == 0x21 && literal[2] == 0x2D && literal[3] == 0x2D
    }

    /// The labels of `[^label]` written in text (references cmark-gfm found no definition for).
    static func footnoteLabels(in text: String) -> [String] {
        var labels: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "[^") {
            rest = rest[open.upperBound...]
            guard let close = rest.firstIndex(of: "]") else { break }
            let label = rest[..<close]
            if !label.isEmpty, !label.contains(where: { $0 == " " || $0 == "[" || $0.isNewline }) { labels.append(String(label)) }
            rest = rest[close...]
        }
        return labels
    }

    /// The article's footnote definitions (as cmark-gfm left them, in order of first reference)
    /// moved into one document and rendered together: one `<section class="footnotes">`, whose
    /// links are checked like any other.
    func footnoteBlock(
        _ definitions: [OpaquePointer], lineOffset: Int, options: Int32, extensions: UnsafeMutablePointer<cmark_llist>?,
        problems: inout [(line: Int, message: String)], warnings: inout [(line: Int, message: String)],
        rewrite: (MarkdownLink) -> LinkRewrite
    ) -> MarkdownBlock? {
        guard let first = definitions.first, let notes = cmark_node_new(CMARK_NODE_DOCUMENT) else { return nil }
        defer { cmark_node_free(notes) }
        var words = 0
        for definition in definitions {
            words += Self.scan(definition, lineOffset: lineOffset, problems: &problems, warnings: &warnings, unsafeHTML: unsafeHTML,
                               footnotes: true, rewrite: rewrite).words
            cmark_node_unlink(definition)
            cmark_node_append_child(notes, definition)
        }
        let html = Self.take(cmark_render_html(notes, options, extensions))
        return MarkdownBlock(
            kind: .footnotes, html: html, text: "", words: words, line: Int(cmark_node_get_start_line(first)) + lineOffset, literal: "")
    }
}
