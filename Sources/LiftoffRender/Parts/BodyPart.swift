import Foundation
import LiftoffModel
import LiftoffMarkdown

/// A piece of an article body: plain cmark HTML, or a component built from its blocks.
enum BodyPart {
    case html(String)
    case heading(Heading)
    case tldr(TLDR)
    case table(Table)
    case faq(FAQ)
    case sources(Sources)
    case countdown(CountdownWidget)
    /// A theme component placed with a ```` ```{name} ```` block.
    case component(PlacedComponent)
    /// A live article's entries, newest first.
    case live(LiveFeed)
}

/// The body of one article, grouped into components.
package struct ArticleBody {
    var parts: [BodyPart]
    /// The first TL;DR, shown apart at the top of the article.
    package var tldr: TLDR?
    /// The questions of every FAQ section, for the page's one schema.org `FAQPage`.
    var faq: FAQ?
    /// Plain-text words, for the reading time.
    var wordCount: Int
    package var warnings: [Diagnostic]
    package var errors: [Diagnostic]
    /// The first moment a countdown in the body would read differently.
    package var validUntil: Int64 = .max
    /// Theme assets the placed components need loaded (`script:` of their schemas), in order.
    var scripts: [String] = []
    /// What search reads of each placed component with text, by its block's position.
    package var componentTexts: [Int: [UInt8]] = [:]

    /// Groups top-level blocks: `## FAQ` and `## Sources` sections, TL;DR paragraphs,
    /// tables, countdown code blocks, and headings (given unique ids).
    /// - Parameter place: a `{name}` block's component (nil: no theme around, left as code).
    /// - Parameter live: a live article's coverage: the `## ` headings of its entries start them.
    package init(
        blocks: [MarkdownBlock], path: String, now: Timestamp, words: ThemeStrings, live: LiveCoverage? = nil,
        place: (MarkdownBlock) -> Result<PlacedComponent, BuildFailure>? = { _ in nil }
    ) {
        // Every component below reads the blocks' HTML: task-list checkboxes get their names here, once.
        let blocks = blocks.map { TaskList.labelled($0, words) }
        parts = []
        warnings = []
        errors = []
        wordCount = 0
        var ids = HeadingIDs(anchorLabel: HTML.escape(words.text(.linkToSection)))
        var index = 0
        var lastHeading: String?
        let entryLines = Dictionary((live?.entries ?? []).map { ($0.line, $0) }) { first, _ in first }
        var spans: [LiveEntrySpan] = []
        var entryEnd = -1
        while index < blocks.count {
            let block = blocks[index]
            if index == entryEnd { spans[spans.count - 1].endPart = parts.count }
            wordCount += block.words
            switch block.kind {
            case .heading(2) where entryLines[block.line] != nil:
                // A live entry: its heading, and the blocks under it (grouped below as any others).
                entryEnd = Self.sectionEnd(blocks, from: index)
                spans.append(LiveEntrySpan(
                    entryLines[block.line]!, heading: block, under: blocks[(index + 1)..<entryEnd], ids: &ids, firstPart: parts.count))
            case .heading(let level) where level <= 2 && FAQ.matches(block.text):
                let end = Self.sectionEnd(blocks, from: index)
                errors += Self.unplaced(blocks[(index + 1)..<end], in: "an FAQ answer", path: path)
                let faq = FAQ(blocks: blocks[index..<end], ids: &ids)
                wordCount += blocks[(index + 1)..<end].reduce(0) { $0 + $1.words }
                if faq.questions.isEmpty {
                    warnings.append(.warning(path, block.line, "FAQ section has no questions: write each question as a `### Question?` heading"))
                }
                if self.faq == nil { self.faq = faq.questions.isEmpty ? nil : faq } else { self.faq!.questions += faq.questions }
                parts.append(.faq(faq))
                index = end
                continue
            case .heading(let level) where level <= 2 && Sources.matches(block.text):
                let end = Self.sectionEnd(blocks, from: index)
                errors += Self.unplaced(blocks[(index + 1)..<end], in: "a Sources section", path: path)
                parts.append(.sources(Sources(blocks: blocks[index..<end], ids: &ids)))
                index = end
                continue
            case .heading:
                let heading = Heading(block: block, ids: &ids)
                lastHeading = block.text
                parts.append(.heading(heading))
            case .tldr where block.text.isEmpty:
                // An empty box, and an empty description in link previews: nothing is shown.
                warnings.append(.warning(path, block.line, "the TL;DR is empty: write one or two sentences after `TL;DR:`"))
            case .tldr:
                let tldr = TLDR(block: block)
                if self.tldr == nil { self.tldr = tldr } else { parts.append(.tldr(tldr)) }
            case .table:
                parts.append(.table(Table(block: block, caption: lastHeading)))
            case .code(let info) where info == "countdown" || info == "{countdown}":
                // Read by Liftoff itself: its text depends on the build's now.
                switch CountdownWidget.parse(block: block, path: path, now: now) {
                case .success(let widget):
                    parts.append(.countdown(widget))
                    validUntil = min(validUntil, widget.validUntil)
                case .failure(let failure): errors += failure.diagnostics
                }
            case .code(let info) where ComponentCatalog.placed(by: info) != nil:
                switch place(block) {
                case .success(var component)?:
                    component.context["id"] = ids.make(component.name)
                    if let script = component.script, !scripts.contains(script) { scripts.append(script) }
                    warnings += component.warnings
                    if !component.text.isEmpty { componentTexts[index] = component.text }
                    parts.append(.component(component))
                case .failure(let failure)?: errors += failure.diagnostics
                case nil: parts.append(.html(block.html))
                }
            case .callout(let kind):
                parts.append(.html(Callout.html(kind: kind, content: block.html)))
            case .footnotes:
                // The notes close the article's text: before its Sources section when it has one.
                let notes = BodyPart.html(Footnotes.html(block.html, id: ids.make("Notes")))
                if let sources = parts.lastIndex(where: { if case .sources = $0 { true } else { false } }) {
                    parts.insert(notes, at: sources)
                    for span in spans.indices where spans[span].firstPart >= sources {
                        spans[span].firstPart += 1
                        spans[span].endPart += 1
                    }
                } else {
                    parts.append(notes)
                }
            default:
                parts.append(.html(block.html))
            }
            index += 1
        }
        if let last = spans.indices.last, entryEnd >= blocks.count { spans[last].endPart = parts.count }
        if let live { gatherLive(spans, coverage: live, path: path) }
    }

    /// The h2 and h3 headings, in order, for a table of contents (an FAQ's and Sources' own
    /// headings included, the FAQ's questions not).
    var contents: [Heading] {
        parts.compactMap { part -> Heading? in
            switch part {
            case .heading(let heading) where heading.level == 2 || heading.level == 3: heading
            case .faq(let faq): faq.heading
            case .sources(let sources): sources.heading
            default: nil
            }
        }
    }

    /// An error for each countdown or component block in a section whose blocks are shown as
    /// text (an FAQ's answers, Sources): there it would be printed as its YAML, never checked.
    static func unplaced(_ blocks: ArraySlice<MarkdownBlock>, in section: String, path: String) -> [Diagnostic] {
        blocks.compactMap { block in
            guard case .code(let info) = block.kind, ComponentCatalog.placed(by: info) != nil else { return nil }
            return .error(path, block.line, "a `\(info)` block cannot be placed in \(section); move it before or after the section")
        }
    }

    /// The index after a `##` section: the next heading of level 1 or 2, the footnotes, or the end.
    static func sectionEnd(_ blocks: [MarkdownBlock], from start: Int) -> Int {
        var end = start + 1
        while end < blocks.count {
            if case .heading(let level) = blocks[end].kind, level <= 2 { break }
            if blocks[end].kind == .footnotes { break }  // the article's notes, always last
            end += 1
        }
        return end
    }
}

/// Unique, stable heading ids within one page: `setup`, `setup-1`, `setup-2`, …
struct HeadingIDs {
    private var used: Set<String> = ["main", "top", "content", "related-reads", "signup-email", "toc-title"]
    /// The next number to try for each base, so many equal headings stay linear.
    private var next: [String: Int] = [:]
    /// What a heading's anchor link says to screen readers ("Link to this section"), escaped.
    let anchorLabel: String

    init(anchorLabel: String) {
        self.anchorLabel = anchorLabel
    }

    mutating func make(_ text: String) -> String {
        let slug = Slug.make(text)
        let base = slug.isEmpty ? "section" : slug
        var id = base
        var number = next[base] ?? 1
        while used.contains(id) {
            id = "\(base)-\(number)"
            number += 1
        }
        next[base] = number
        used.insert(id)
        return id
    }
}

/// A heading with an `id` and a hover anchor link, around cmark's own HTML.
struct Heading {
    var id: String
    var level: Int
    var text: String
    var html: String

    init(block: MarkdownBlock, ids: inout HeadingIDs) {
        id = ids.make(block.text)
        if case .heading(let level) = block.kind { self.level = level } else { level = 2 }
        text = block.text
        html = Self.addingID(id, to: block.html, level: level, label: ids.anchorLabel)
    }

    /// `<h2>Text</h2>\n` → `<h2 id="text">Text <a class="anchor" …>#</a></h2>`.
    static func addingID(_ id: String, to html: String, level: Int, label: String) -> String {
        let open = "<h\(level)>", close = "</h\(level)>"
        var inner = Substring(html)
        while inner.last == "\n" { inner = inner.dropLast() }
        guard inner.hasPrefix(open), inner.hasSuffix(close) else { return html }
        inner = inner.dropFirst(open.count).dropLast(close.count)
        return "<h\(level) id=\"\(id)\">\(inner) <a class=\"anchor\" href=\"#\(id)\" aria-label=\"\(label)\">#</a>\(close)\n"
    }
}

/// How a section's heading is compared with `## FAQ`, `## Sources` and their other names.
enum SectionTitle {
    private static let trimmed = CharacterSet.whitespacesAndNewlines.union(.punctuationCharacters)

    /// Lower case, without surrounding spaces and punctuation; nil for a heading too long to be one.
    static func key(_ title: String) -> String? {
        guard title.utf8.count <= 40 else { return nil }
        return title.lowercased().trimmingCharacters(in: trimmed)
    }
}
