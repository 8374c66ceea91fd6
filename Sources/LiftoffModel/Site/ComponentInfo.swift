/// Whether a fenced block places a component, answered in one place (the body, the highlighter and
/// search all ask).
package enum ComponentInfo {
    /// The component name in a code block's info string: `{compare}` → `compare`, and the countdown's
    /// older spelling `countdown`; nil for code (the highlighter and `ArticleBody` both ask here).
    package static func name(in info: String) -> Substring? {
        if info == "countdown" { return info[...] }
        guard info.hasPrefix("{") else { return nil }
        let end = info.firstIndex(of: "}") ?? info.endIndex
        return info[info.index(after: info.startIndex)..<end]
    }
    /// Whether `info` places a component (the block is not code).
    package static func isComponent(_ info: String) -> Bool { name(in: info) != nil }
}
