import Foundation
import LiftoffModel
import LiftoffMarkdown

/// GFM task-list items (`- [ ] …`, `- [x] …`): cmark-gfm renders their checkboxes without a
/// name, and a form control without one is announced as a bare "checkbox" (axe: `label`).
/// Each gets `aria-label` "To do" or "Done"; the item's text follows it.
enum TaskList {
    static let unchecked = "<input type=\"checkbox\" disabled=\"\" />"
    static let checked = "<input type=\"checkbox\" checked=\"\" disabled=\"\" />"

    /// The block with its checkboxes named; untouched unless the parse found task items in it.
    static func labelled(_ block: MarkdownBlock, _ words: ThemeStrings) -> MarkdownBlock {
        guard block.hasTaskItems else { return block }
        var block = block
        let (toDo, done) = (HTML.escape(words.text(.toDo)), HTML.escape(words.text(.done)))
        block.html = block.html
            .replacingOccurrences(of: unchecked, with: "<input type=\"checkbox\" disabled=\"\" aria-label=\"\(toDo)\" />")
            .replacingOccurrences(of: checked, with: "<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"\(done)\" />")
        return block
    }
}
