import Yams
import LiftoffModel
import LiftoffSource
import LiftoffMarkdown

/// The components a theme offers writers. A fenced block whose info string is `{name}` places
/// one; its body is YAML, read against `theme/templates/components/<name>.yml` and rendered with
/// `components/<name>.mustache`. A theme adds a component with those two files, no code.
public struct ComponentCatalog: Sendable {
    /// Components by name, from their schema files.
    var schemas: [String: ComponentSchema] = [:]

    /// Read by Liftoff itself (its values shape the build: a countdown's text changes with time).
    static let builtIn: Set<String> = ["countdown"]
    static let folder = "components/"

    /// Every component name a writer may place, sorted.
    var names: [String] { (Array(schemas.keys) + Self.builtIn).sorted() }

    /// The catalog of a theme's schema files (template name → text, `components/compare.yml` → …).
    static func load(schemaTexts: [String: String], templates: Set<String>, assets: Set<String>) -> (ComponentCatalog, [Diagnostic]) {
        var catalog = ComponentCatalog()
        var problems: [Diagnostic] = []
        for (file, text) in schemaTexts.sorted(by: { $0.key < $1.key }) {
            let display = "theme/templates/\(file)"
            let template = String(file.dropLast(".yml".count))
            let name = String(template.dropFirst(folder.count))
            if builtIn.contains(name) {
                problems.append(.error(display, 1, "'\(name)' is a component Liftoff reads itself: name this one otherwise"))
                continue
            }
            guard !name.isEmpty, name.utf8.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }) else {
                problems.append(.error(display, 1, "a component's name is lower-case letters, digits and '-': rename the file"))
                continue
            }
            guard templates.contains(template) else {
                problems.append(.error(display, 1, "component '\(name)' has no template: add theme/templates/\(template).mustache"))
                continue
            }
            switch ComponentSchema.parse(text, name: name, path: display, assets: assets) {
            case .success(let schema): catalog.schemas[name] = schema
            case .failure(let failure): problems += failure.diagnostics
            }
        }
        return (catalog, problems)
    }

    /// The component name in a code block's info string (see `ComponentInfo`).
    static func placed(by info: String) -> Substring? { ComponentInfo.name(in: info) }

    /// A placed component: its values read and checked, its images and links resolved.
    package func place(
        _ block: MarkdownBlock, path: String, markdown: MarkdownRenderer, language: Language, resolve: (MarkdownLink) -> LinkRewrite
    ) -> Result<PlacedComponent, BuildFailure> {
        guard case .code(let info) = block.kind, let name = Self.placed(by: info) else {
            return .failure(BuildFailure(.error(path, block.line, "not a component")))
        }
        guard schemas[String(name)] != nil || Self.builtIn.contains(String(name)) else {
            var message = "unknown component '\(name)'"
            if let guess = closest(to: String(name), in: names) { message += "; did you mean '{\(guess)}'?" }
            message += " (this theme has \(names.map { "{\($0)}" }.joined(separator: ", ")); to show code, write its language without braces)"
            return .failure(BuildFailure(.error(path, block.line, message)))
        }
        // A built-in one written alone is read by `ArticleBody` before it gets here.
        guard info == "{\(name)}", let schema = schemas[String(name)] else {
            return .failure(BuildFailure(.error(path, block.line,
                "write `{\(name)}` alone on the fence line: the component's values go in its body, one `key: value` a line")))
        }
        let what = "component '\(name)'"
        var node = Node.mapping(Node.Mapping([]))
        switch composeYAML(block.literal, path: path, lineOffset: block.line, what: what) {
        case .failure(let diagnostic): return .failure(BuildFailure(diagnostic))
        case .success(let value?): node = value
        case .success(nil): break
        }
        var reader = ComponentValues(path: path, markdown: markdown, language: language)
        let context = reader.read(schema.params, from: node, what: what, lineOffset: block.line, line: block.line, resolve: resolve)
        let errors = reader.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else { return .failure(BuildFailure(errors)) }
        return .success(PlacedComponent(
            name: String(name), context: context, script: schema.script, warnings: reader.diagnostics.filter { $0.severity != .error },
            text: reader.text))
    }
}

/// One component in an article: the template's context, checked.
package struct PlacedComponent {
    var name: String
    var context: [String: Any]
    var script: String?
    var warnings: [Diagnostic]
    /// What search reads of it (`ComponentValues.text`).
    var text: [UInt8] = []

    var template: String { ComponentCatalog.folder + name }
}
