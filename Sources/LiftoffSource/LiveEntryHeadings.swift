import LiftoffModel

/// The `## ` headings of a Markdown body that begin with a time, with their file lines; fenced
/// code and HTML comments are skipped, as cmark-gfm reads them.
struct EntryHeadings: Sequence {
    struct Heading {
        var line: Int
        var timed: LiveCoverage.TimedHeading
        var day: Int64? { timed.day }
        var minutes: Int { timed.minutes }
        var written: String { timed.written }
        var headline: String { timed.headline }
    }

    let body: String
    let firstLine: Int

    init(_ body: String, firstLine: Int) {
        (self.body, self.firstLine) = (body, firstLine)
    }

    func makeIterator() -> IndexingIterator<[Heading]> {
        var headings: [Heading] = []
        var fence: (marker: Character, length: Int)?
        var inComment = false
        for (offset, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let indent = line.prefix { $0 == " " }.count
            let text = line.dropFirst(indent)
            if inComment {
                if line.contains("-->") { inComment = false }
                continue
            }
            if let open = fence {
                let run = text.prefix { $0 == open.marker }.count
                if indent < 4, run >= open.length, text.dropFirst(run).trimmingSpaces.isEmpty { fence = nil }
                continue
            }
            guard indent < 4 else { continue }
            if let marker = text.first, marker == "`" || marker == "~" {
                let run = text.prefix { $0 == marker }.count
                if run >= 3, marker == "~" || !text.dropFirst(run).contains("`") { fence = (marker, run) }
                continue
            }
            if text.hasPrefix("<!--") {
                inComment = !text.dropFirst(4).contains("-->")
                continue
            }
            guard text.hasPrefix("## ") else { continue }
            var title = text.dropFirst(3).trimmingSpaces
            // A closing `##` sequence is not part of the heading.
            if let hashes = title.lastIndex(where: { $0 != "#" }), hashes < title.index(before: title.endIndex),
               title[hashes] == " " { title = title[...hashes].trimmingSpaces }
            if let timed = LiveCoverage.timedHeading(title) {
                headings.append(Heading(line: firstLine + offset, timed: timed))
            }
        }
        return headings.makeIterator()
    }
}
