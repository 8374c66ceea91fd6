import LiftoffModel

/// Every template a build rendered and the context it was given: the theme reference's test
/// (`ThemeReferenceTests`) reads what each template found in them. Builds keep none (nil).
/// `@unchecked`: the entries are only touched under the lock.
package final class TemplateContextLog: @unchecked Sendable {
    private let lock = Lock()
    private var entries: [(template: String, context: [String: Any])] = []

    package init() {}

    func record(_ template: String, _ context: [String: Any]) {
        lock.withLock { entries.append((template, context)) }
    }

    /// Template name (as `theme/templates/<name>.mustache`) → the contexts it was rendered with.
    package var contexts: [String: [[String: Any]]] {
        lock.withLock { Dictionary(grouping: entries, by: \.template).mapValues { $0.map(\.context) } }
    }
}
