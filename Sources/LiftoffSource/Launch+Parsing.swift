import Yams
import LiftoffModel

extension Launch {
    package static let keys = ["name", "status", "target", "window", "verified", "history"]

    /// Reads a launch file: `name:` and `status:` required; `target:` or `window:` (or neither while
    /// unknown); `verified:`; `history:` (each change with its date, status, note and source).
    /// A translation (`content/fr/launches/x.md`) gives its `name:`, its text and, if it likes, its
    /// history's notes; the launch's status, date and changes are its `original`'s, modelled once.
    package static func parse(data: [UInt8], path: String, original: Launch? = nil) -> Result<Launch, BuildFailure> {
        let split: FrontMatterSplit, node: Node
        let empty = original == nil ? "add `name:` and `status:`" : "add `name:` (the launch's name in this language)"
        switch FrontMatterParser.frontMatter(data: data, path: path, empty: empty) {
        case .failure(let failure): return .failure(failure)
        case .success(let value): (split, node) = value
        }
        var fields = YAMLFields(node, known: keys, path: path, lineOffset: 1, what: "front matter")
        let key = FrontMatterParser.fileStem(path)
        if let original {
            for data in ["status", "target", "window", "verified"] where fields.has(data) {
                fields.fail(data, "a translation takes `\(data):` from \(original.path), where the launch is modelled once: change it there")
            }
        }
        if let problem = Slug.problem(key) { fields.fail("name", "the launch's file name '\(key)' is its key in `launch:` and its address, and \(problem)") }
        let name = fields.string("name") ?? (fields.has("name") ? "" : original?.name ?? "")
        if name.trimmingSpaces.isEmpty { fields.fail("name", fields.has("name") ? "'name' is empty" : "missing key 'name'") }
        if let original {
            // Its name, its notes and its text: the rest is the original's.
            var history = original.history
            if let list = fields.node("history") {
                if let items = list.sequence {
                    var translated = Set<Int>()
                    for (index, item) in items.enumerated() {
                        let line = (item.mark?.line ?? 0) + 1
                        fields.absorb(translateNote(item, index: index, line: line, original: original, path: path, into: &history, translated: &translated))
                    }
                } else {
                    fields.fail("history", "'history' must be a list of notes, each `{date, note}` for one of the original's changes")
                }
            }
            guard fields.diagnostics.isEmpty else { return .failure(BuildFailure(fields.diagnostics)) }
            var launch = original
            (launch.path, launch.name, launch.history, launch.body, launch.bodyLine) = (path, name, history, split.body, split.bodyLine)
            return .success(launch)
        }
        let status = readStatus(&fields, "status")
        var timing = Timing.unknown
        if fields.has("target"), fields.has("window") {
            fields.fail("window", "give `target:` (an instant) or `window:` (the days it falls between), not both")
        } else if let target = fields.timestamp("target") {
            timing = .target(target)
        } else if var window = fields.nested("window", known: ["from", "to"], what: "front matter: window") {
            let from = window.timestamp("from"), to = window.timestamp("to")
            if !window.has("from") { window.fail("from", "missing key 'from'") }
            if !window.has("to") { window.fail("to", "missing key 'to'") }
            if let from, let to {
                if to < from { window.fail("to", "the window ends (\(to.day)) before it starts (\(from.day))") } else { timing = .window(from: from, to: to) }
            }
            fields.absorb(window)
        }
        let verified = fields.timestamp("verified")
        var history: [Change] = []
        if let list = fields.node("history") {
            if let items = list.sequence {
                for (index, item) in items.enumerated() {
                    let line = (item.mark?.line ?? 0) + 1
                    var entry = YAMLFields(item, known: ["date", "status", "note", "source"], path: path, lineOffset: 1,
                                           what: "front matter: history item \(index + 1)", line: line)
                    let date = entry.timestamp("date")
                    if !entry.has("date") { entry.fail("date", "missing key 'date'") }
                    let itemStatus = readStatus(&entry, "status")
                    let source = entry.string("source")
                    if let source, SiteURLs.formAction(source) == nil || !source.hasPrefix("http") {
                        entry.fail("source", "'source' must be an http:// or https:// URL; got '\(source)'")
                    }
                    if let date, let itemStatus {
                        var change = Change(date: date, status: itemStatus, note: entry.string("note") ?? "", source: source, line: line)
                        change.path = path
                        history.append(change)
                    }
                    fields.absorb(entry)
                }
            } else {
                fields.fail("history", "'history' must be a list of changes, each `{date, status, note, source}`")
            }
        }
        guard fields.diagnostics.isEmpty, let status else { return .failure(BuildFailure(fields.diagnostics)) }
        return .success(Launch(
            key: key, path: path, name: name, status: status, timing: timing, verified: verified, history: history,
            body: split.body, bodyLine: split.bodyLine))
    }

    /// A translation's history item (`{date, note}`): the note, in its language, of the original's
    /// change on that date (the first not yet translated); its status and source stay the original's.
    private static func translateNote(
        _ item: Node, index: Int, line: Int, original: Launch, path: String, into history: inout [Change], translated: inout Set<Int>
    ) -> YAMLFields {
        var entry = YAMLFields(item, known: ["date", "note"], path: path, lineOffset: 1, what: "front matter: history item \(index + 1)", line: line)
        if !entry.has("date") { entry.fail("date", "missing key 'date'") }
        guard let date = entry.timestamp("date") else { return entry }
        guard let at = history.indices.first(where: { history[$0].date == date && !translated.contains($0) }) else {
            entry.fail("date", "\(original.path) has no change on \(date.day) for this note to translate (a translation gives notes for its original's changes: their status, date and source are the original's)")
            return entry
        }
        translated.insert(at)
        history[at].note = entry.string("note") ?? ""
        (history[at].path, history[at].line) = (path, line)
        return entry
    }

    /// A status key's value: one of the statuses, or a problem naming them.
    private static func readStatus(_ fields: inout YAMLFields, _ key: String) -> Status? {
        guard let text = fields.string(key) else {
            if !fields.has(key) { fields.fail(key, "missing key '\(key)'") }
            return nil
        }
        guard let status = Status(rawValue: text.lowercased()) else {
            let names = Status.allCases.map(\.rawValue).joined(separator: ", ")
            fields.fail(key, "'\(key)' must be one of \(names); got '\(text)'")
            return nil
        }
        return status
    }
}
