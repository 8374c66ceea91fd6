import CMarkGFM
import Foundation
import LiftoffModel

/// One top-level block of an article body, rendered to HTML by cmark-gfm.
public struct MarkdownBlock: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case paragraph
        /// A paragraph that began with `TL;DR:`; its HTML is the paragraph without that label.
        case tldr
        case heading(level: Int)
        case table
        /// A fenced or indented code block and its info string (`countdown`, `swift`, …).
        case code(info: String)
        case list
        /// GitHub's alert: a block quote that starts with `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`,
        /// `[!WARNING]` or `[!CAUTION]`; its HTML is the quote's content, without the marker.
        case callout(String)
        /// Every footnote definition of the article, rendered as one `<section class="footnotes">`.
        case footnotes
        case other
    }

    public var kind: Kind
    /// `cmark_render_html` of this block alone.
    public var html: String
    /// `cmark_render_plaintext` of this block, trimmed; empty for blocks whose text nobody reads
    /// (see `MarkdownRenderer.keepsText`).
    public var text: String
    /// Words of the block's text (runs of characters between spaces and line breaks).
    public var words: Int
    /// Whether it holds GFM task-list items (`- [ ] …`).
    public var hasTaskItems = false
    /// The block's first line in the file.
    public var line: Int
    /// The literal content of a code block.
    public var literal: String
    /// The block's text as search reads it (UTF-8; blocks and line breaks as separators), when
    /// the renderer collects it (`MarkdownRenderer.collectsText`).
    public var plain: [UInt8] = []
}

/// What to do with a link or image destination found in the Markdown.
public enum LinkRewrite: Sendable, Equatable {
    case keep
    case replace(String)
    case error(String)
    /// Images only: the image becomes this markup (its alt text and title kept).
    case picture(Picture)
    /// An article or page this build does not publish: the URL it will have, and why (a warning).
    case unpublished(url: String, note: String)
}

/// A link or image as the Markdown wrote it.
public struct MarkdownLink: Sendable {
    public var url: String
    public var isImage: Bool
    /// Its line in the file.
    public var line: Int
    /// An image's alt text (its description, as plain text); empty for links.
    public var alt: String
    /// Where a component's image takes its alt text from (nil: the Markdown's brackets).
    public var altKey: String? = nil

    package init(url: String, isImage: Bool, line: Int, alt: String, altKey: String? = nil) {
        self.url = url
        self.isImage = isImage
        self.line = line
        self.alt = alt
        self.altKey = altKey
    }
}

/// Markdown parsing and rendering through cmark-gfm: the only user of the C library.
public struct MarkdownRenderer: Sendable {
    public var smartPunctuation: Bool
    public var unsafeHTML: Bool
    /// Whether the blocks of the section under an h1/h2 heading with this text need their plain
    /// text (an FAQ's answers do); headings and TL;DR paragraphs always get it. Rendering plain
    /// text for every block cost more than the word counts it served.
    public var keepsText: @Sendable (String) -> Bool

    /// Whether each block's plain text is kept for search (`MarkdownBlock.plain`).
    public var collectsText: Bool

    public init(
        smartPunctuation: Bool = true, unsafeHTML: Bool = false, collectsText: Bool = false,
        keepsText: @escaping @Sendable (String) -> Bool = { _ in true }
    ) {
        self.smartPunctuation = smartPunctuation
        self.unsafeHTML = unsafeHTML
        self.collectsText = collectsText
        self.keepsText = keepsText
        _ = Self.registerExtensions
    }

    /// cmark-gfm's extension registry is global: fill it once, before any parse.
    private static let registerExtensions: Void = cmark_gfm_core_extensions_ensure_registered()

    /// `cmark_parser_finish` writes global character tables (not thread-safe as shipped):
    /// every parse in the process finishes under this lock.
    private static let finishLock = Lock()

    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    private static let optSmart: Int32 = 1 << 10
    private static let optUnsafe: Int32 = 1 << 17
    static let optFootnotes: Int32 = 1 << 13
    /// Table alignment as `style="text-align: …"` (valid HTML) instead of the obsolete `align`.
    private static let optTableStyle: Int32 = 1 << 15

    /// Parses `markdown` and returns its top-level blocks, each rendered on its own.
    ///
    /// - Parameters:
    ///   - lineOffset: lines of the file before the Markdown (front matter), added to every line.
    ///   - rewriteLink: called for each link and image destination; errors are returned with their lines.
    public func blocks(
        _ markdown: String,
        lineOffset: Int = 0,
        rewriteLink: (MarkdownLink) -> LinkRewrite = { _ in .keep }
    ) -> (blocks: [MarkdownBlock], problems: [(line: Int, message: String)], warnings: [(line: Int, message: String)]) {
        // Footnotes cost cmark-gfm a walk of the whole tree inside the serialised finish (about 1 %
        // of a clean build): only a text that holds a `[^` is parsed for them.
        let footnotes = Self.mayHoldFootnotes(markdown)
        let parseOptions = (smartPunctuation ? Self.optSmart : 0) | (footnotes ? Self.optFootnotes : 0)
        let renderOptions = (unsafeHTML ? Self.optUnsafe : 0) | Self.optTableStyle | Self.optFootnotes
        guard let parser = cmark_parser_new(parseOptions) else { return ([], [], []) }
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames {
            if let syntax = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        var utf8 = markdown
        utf8.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        guard let document = Self.finishLock.withLock({ cmark_parser_finish(parser) }) else { return ([], [], []) }
        defer { cmark_node_free(document) }
        let extensions = cmark_parser_get_syntax_extensions(parser)

        var problems: [(line: Int, message: String)] = []
        var warnings: [(line: Int, message: String)] = []
        var blocks: [MarkdownBlock] = []
        var definitions: [OpaquePointer] = []
        var inTextSection = keepsText("")
        var node = cmark_node_first_child(document)
        while let current = node {
            node = cmark_node_next(current)
            // cmark-gfm moves the definitions of used footnotes to the end: they are rendered together.
            if cmark_node_get_type(current) == CMARK_NODE_FOOTNOTE_DEFINITION {
                definitions.append(current)
                continue
            }
            let line = Int(cmark_node_get_start_line(current)) + lineOffset
            var kind: MarkdownBlock.Kind
            var literal = ""
            var caption: String?
            switch Self.type(current) {
            case "paragraph":
                kind = Self.stripTLDR(current) ? .tldr : .paragraph
                if kind == .paragraph { caption = Self.figureCaption(current) }
            case "block_quote": kind = Self.takeCalloutMarker(current).map { .callout($0) } ?? .other
            case "heading": kind = .heading(level: Int(cmark_node_get_heading_level(current)))
            case "table": kind = .table
            case "code_block":
                kind = .code(info: Self.string(cmark_node_get_fence_info(current)).trimmingCharacters(in: .whitespaces))
                literal = Self.string(cmark_node_get_literal(current))
            case "list": kind = .list
            default: kind = .other
            }
            let scan = Self.scan(
                current, lineOffset: lineOffset, problems: &problems, warnings: &warnings, unsafeHTML: unsafeHTML,
                footnotes: footnotes, figure: caption != nil, collect: collectsText, rewrite: rewriteLink)
            var html = Self.take(cmark_render_html(current, renderOptions, extensions))
            if let caption { html = Self.figure(html, caption: caption) }
            if case .callout = kind { html = Self.quoteContent(html) }
            var needsText = inTextSection || kind == .tldr
            if case .heading = kind { needsText = true }
            if needsText, footnotes { Self.removeFootnoteReferences(current) }
            let text = needsText ? Self.trimmedLines(Self.take(cmark_render_plaintext(current, 0, 0))) : ""
            if case .heading(let level) = kind, level <= 2 { inTextSection = keepsText(text) }
            blocks.append(MarkdownBlock(
                kind: kind, html: html, text: text, words: scan.words, hasTaskItems: scan.hasTaskItems, line: line, literal: literal,
                plain: scan.plain))
        }
        if let notes = footnoteBlock(definitions, lineOffset: lineOffset, options: renderOptions, extensions: extensions,
                                     problems: &problems, warnings: &warnings, rewrite: rewriteLink) {
            blocks.append(notes)
        }
        return (blocks, problems, warnings)
    }

    /// One walk over a block's nodes, before it is rendered: each link and image destination
    /// goes through `rewrite` (errors are collected with their lines), words are counted as its
    /// plain text reads them (runs of non-space bytes across text, inline code and code; inline
    /// markup joins, line breaks and block boundaries separate), and task-list items are noticed.
    /// `footnotes`: whether the text holds a `[^` (only then are `[^label]`s left as text looked for).
    static func scan(
        _ block: OpaquePointer, lineOffset: Int, problems: inout [(line: Int, message: String)],
        warnings: inout [(line: Int, message: String)], unsafeHTML: Bool, footnotes: Bool, figure: Bool = false,
        collect: Bool = false, rewrite: (MarkdownLink) -> LinkRewrite
    ) -> (words: Int, hasTaskItems: Bool, plain: [UInt8]) {
        guard let iterator = cmark_iter_new(block) else { return (0, false, []) }
        defer { cmark_iter_free(iterator) }
        // Images become pictures once the walk is over (a node is not replaced under its iterator).
        var pictures: [(image: OpaquePointer, html: String)] = []
        defer {
            for (image, html) in pictures {
                guard let custom = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { continue }
                cmark_node_set_on_enter(custom, html)
                cmark_node_insert_before(image, custom)
                cmark_node_free(image)
            }
        }
        var words = 0
        var inWord = false
        var hasTaskItems = false
        var warnedHTML = false
        var plain: [UInt8] = []
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            // Node types as numbers: this visits every node of every article.
            let type = cmark_node_get_type(node)
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                guard var byte = cmark_node_get_literal(node) else { continue }
                let start = byte
                var caret = false
                while byte.pointee != 0 {
                    let value = UInt8(bitPattern: byte.pointee)
                    let space = value == 0x20 || value == 0x0A || value == 0x09 || value == 0x0D
                    if !space, !inWord { words += 1 }
                    inWord = !space
                    if footnotes, value == 0x5E, byte > start, byte[-1] == 0x5B { caret = true }  // `[^`
                    byte += 1
                }
                if collect {
                    start.withMemoryRebound(to: UInt8.self, capacity: byte - start) { plain.append(contentsOf: UnsafeBufferPointer(start: $0, count: byte - start)) }
                }
                // A footnote reference without a definition stays text: `[^label]`.
                if caret, type == CMARK_NODE_TEXT {
                    for label in Self.footnoteLabels(in: String(cString: start)) {
                        warnings.append((Self.line(of: node) + lineOffset,
                            "footnote [^\(label)] has no definition: add a line `[^\(label)]: …` below the paragraph"))
                    }
                }
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                guard !unsafeHTML, !warnedHTML, event == CMARK_EVENT_ENTER,
                      let literal = cmark_node_get_literal(node), !Self.isComment(literal) else { continue }
                warnedHTML = true
                warnings.append((Self.line(of: node) + lineOffset,
                    "raw HTML is not published; set markdown.unsafe_html in site.yml to allow it (or write it in Markdown)"))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                inWord = false
                if collect { plain.append(0x20) }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                guard event == CMARK_EVENT_ENTER else { continue }
                let isImage = type == CMARK_NODE_IMAGE
                let link = MarkdownLink(
                    url: Self.string(cmark_node_get_url(node)), isImage: isImage, line: Self.line(of: node) + lineOffset,
                    alt: isImage ? Self.plainText(of: node) : "")
                switch rewrite(link) {
                case .keep: break
                case .replace(let newURL): cmark_node_set_url(node, newURL)
                case .unpublished(let newURL, let note):
                    cmark_node_set_url(node, newURL)
                    warnings.append((link.line, note))
                case .error(let message): problems.append((link.line, message))
                case .picture(let picture):
                    // A figure's title is its caption, not a tooltip.
                    pictures.append((node, picture.html(alt: link.alt, title: figure ? "" : Self.string(cmark_node_get_title(node)))))
                }
            default:
                // A block (table cells too) starts or ends; the tasklist extension names its items.
                if type.rawValue & 0xC000 == 0x8000 {
                    inWord = false
                    if collect, event == CMARK_EVENT_EXIT, let last = plain.last, last != 0x0A { plain.append(0x0A) }
                }
                if type == CMARK_NODE_ITEM, event == CMARK_EVENT_ENTER, !hasTaskItems { hasTaskItems = Self.type(node) == "tasklist" }
            }
        }
        return (words, hasTaskItems, plain)
    }

    /// The text of a node's descendants as an image's alt text reads it: text and code literals,
    /// line breaks as spaces, markup dropped.
    private static func plainText(of node: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = ""
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator), child != node else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE: text += string(cmark_node_get_literal(child))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// Renders a whole document to HTML (for feeds and tests).
    public func html(_ markdown: String) -> String {
        blocks(markdown).blocks.map(\.html).joined()
    }

    /// Removes a leading `TL;DR:` label (plain, bold or emphasised, any case) from a paragraph.
    /// - Returns: whether the paragraph had one.
    private static func stripTLDR(_ paragraph: OpaquePointer) -> Bool {
        guard let first = cmark_node_first_child(paragraph) else { return false }
        switch type(first) {
        case "text":
            let text = string(cmark_node_get_literal(first))
            guard let rest = afterLabel(text) else { return false }
            setOrRemove(first, rest)
            return true
        case "strong", "emph":
            guard let inner = cmark_node_first_child(first), cmark_node_next(inner) == nil, type(inner) == "text",
                  let rest = afterLabel(string(cmark_node_get_literal(inner))), rest.isEmpty
            else { return false }
            let next = cmark_node_next(first)
            cmark_node_free(first)
            if let next, type(next) == "text" {
                var text = string(cmark_node_get_literal(next))[...]
                if text.first == ":" { text = text.dropFirst() }
                setOrRemove(next, String(text.drop { $0 == " " }))
            }
            return true
        default:
            return false
        }
    }

    /// `"TL;DR: rest"` → `"rest"`; `"tl;dr"` → `""`; anything else → nil.
    static func afterLabel(_ text: String) -> String? {
        // The first five bytes only (counting the characters of a long paragraph would cost a pass over it).
        guard String(decoding: text.utf8.prefix(5), as: UTF8.self).lowercased() == "tl;dr" else { return nil }
        var rest = text.dropFirst(5)
        if rest.first == ":" { rest = rest.dropFirst() } else if !rest.isEmpty { return nil }
        return String(rest.drop { $0 == " " })
    }

    private static func setOrRemove(_ node: OpaquePointer, _ literal: String) {
        if literal.isEmpty { cmark_node_free(node) } else { cmark_node_set_literal(node, literal) }
    }

    static func type(_ node: OpaquePointer) -> String {
        string(cmark_node_get_type_string(node))
    }

    /// Inline nodes may carry no position: use the nearest ancestor's line.
    static func line(of node: OpaquePointer) -> Int {
        var current: OpaquePointer? = node
        while let candidate = current {
            let line = Int(cmark_node_get_start_line(candidate))
            if line > 0 { return line }
            current = cmark_node_parent(candidate)
        }
        return 1
    }

    /// Each line trimmed of spaces and tabs, empty lines dropped (byte-wise, one pass: this runs on every block).
    static func trimmedLines(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var start = 0
            let count = bytes.count
            while start < count {
                var end = start
                while end < count, bytes[end] != 0x0A { end += 1 }
                var first = start, last = end
                while first < last, bytes[first] == 0x20 || bytes[first] == 0x09 || bytes[first] == 0x0D { first += 1 }
                while last > first, bytes[last - 1] == 0x20 || bytes[last - 1] == 0x09 || bytes[last - 1] == 0x0D { last -= 1 }
                if first < last {
                    if !result.isEmpty { result.append(0x0A) }
                    result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[first..<last]))
                }
                start = end + 1
            }
            return String(decoding: result, as: UTF8.self)
        }
    }

    static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    /// Copies a string cmark allocated, then frees it.
    static func take(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
