import Foundation

/// GFM task-list items (`- [ ] …`, `- [x] …`): cmark-gfm renders their checkboxes without a
/// name, and a form control without one is announced as a bare "checkbox" (axe: `label`).
/// Each gets `aria-label` "To do" or "Done"; the item's text follows it.
enum TaskList {
    static let unchecked = "<input type=\"checkbox\" disabled=\"\" />"
    static let checked = "<input type=\"checkbox\" checked=\"\" disabled=\"\" />"

    static func labelled(_ html: String) -> String {
        // Runs on every page body: a byte search first (Foundation's `contains` would cost more
        // than rendering the page).
        guard contains(html, "<input type=\"checkbox\"") else { return html }
        return html
            .replacingOccurrences(of: unchecked, with: "<input type=\"checkbox\" disabled=\"\" aria-label=\"To do\" />")
            .replacingOccurrences(of: checked, with: "<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"Done\" />")
    }

    /// Whether `needle` occurs in `text`, comparing bytes.
    static func contains(_ text: String, _ needle: StaticString) -> Bool {
        var text = text
        return text.withUTF8 { body in
            let count = needle.utf8CodeUnitCount
            guard body.count >= count else { return false }
            let first = needle.utf8Start.pointee
            var index = 0
            while index <= body.count - count {
                if body[index] == first, memcmp(body.baseAddress! + index, needle.utf8Start, count) == 0 { return true }
                index += 1
            }
            return false
        }
    }
}
