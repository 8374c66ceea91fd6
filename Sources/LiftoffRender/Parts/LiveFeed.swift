import Foundation
import LiftoffModel
import LiftoffMarkdown

/// A live article's entries as its page shows them: newest first, each its heading's time and
/// headline and the parts under it.
struct LiveFeed {
    static let template = "components/live"
    static let entryTemplate = "components/live-entry"

    struct Entry {
        var entry: LiveCoverage.Entry
        /// The element id (the entry's id, made unique among the page's headings).
        var id: String
        /// The heading's HTML after its time.
        var headlineHTML: String
        /// The heading's plain text after its time.
        var headline: String
        /// The plain text under the heading.
        var text: String
        var parts: [BodyPart]
    }

    /// Newest first.
    var entries: [Entry]

    /// An entry heading's HTML (`<h2>17:04 — Access <em>opens</em></h2>`) without its time and separator.
    static func headlineHTML(_ html: String, written: String, plain headline: String) -> String {
        var inner = Substring(html)
        while inner.last == "\n" { inner = inner.dropLast() }
        guard inner.hasPrefix("<h2>"), inner.hasSuffix("</h2>") else { return HTMLEscaping.escape(headline) }
        inner = inner.dropFirst(4).dropLast(5)
        guard inner.hasPrefix(written) else { return HTMLEscaping.escape(headline) }
        inner = inner.dropFirst(written.count)
        while let first = inner.first, first == " " || "—–-:|·".contains(first) { inner = inner.dropFirst() }
        return String(inner)
    }
}

/// Where an entry's parts start and end while the body is grouped.
struct LiveEntrySpan {
    var entry: LiveFeed.Entry
    var firstPart: Int
    var endPart: Int

    /// An entry that starts at `heading` (the parts from `firstPart` on), its text that of `blocks`.
    init(_ entry: LiveCoverage.Entry, heading: MarkdownBlock, under blocks: ArraySlice<MarkdownBlock>, ids: inout HeadingIDs, firstPart: Int) {
        let timed = LiveCoverage.timedHeading(heading.text[...])
        let headline = timed?.headline ?? entry.headline
        self.entry = LiveFeed.Entry(
            entry: entry, id: ids.make(entry.id),
            headlineHTML: LiveFeed.headlineHTML(heading.html, written: timed?.written ?? "", plain: headline), headline: headline,
            text: blocks.map(\.text).filter { !$0.isEmpty }.joined(separator: "\n\n"), parts: [])
        (self.firstPart, endPart) = (firstPart, firstPart)
    }
}

extension ArticleBody {
    /// The entries' parts taken out of `parts` and put back as one `.live` part, newest first,
    /// where the first entry was; an entry the body does not show as a heading is an error.
    mutating func gatherLive(_ spans: [LiveEntrySpan], coverage: LiveCoverage, path: String) {
        let shown = Set(spans.map(\.entry.entry.line))
        for entry in coverage.entries where !shown.contains(entry.line) {
            errors.append(.error(path, entry.line, "live entry '\(entry.display(.english))' is not a heading of its own: write `## ` at the start of a line, outside lists, quotes and HTML"))
        }
        guard let first = spans.first else { return }
        var entries: [LiveFeed.Entry] = []
        var taken = IndexSet()
        for span in spans {
            var entry = span.entry
            entry.parts = Array(parts[span.firstPart..<span.endPart])
            entries.append(entry)
            taken.insert(integersIn: span.firstPart..<span.endPart)
        }
        var grouped: [BodyPart] = []
        for (index, part) in parts.enumerated() {
            if index == first.firstPart { grouped.append(.live(LiveFeed(entries: entries.reversed()))) }
            if !taken.contains(index) { grouped.append(part) }
        }
        if first.firstPart == parts.count { grouped.append(.live(LiveFeed(entries: entries.reversed()))) }
        parts = grouped
    }
}
