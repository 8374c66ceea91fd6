import Yams
import LiftoffModel
import LiftoffSource

/// What a component accepts: its parameters, declared in `theme/templates/components/<name>.yml`
/// beside its template.
struct ComponentSchema: Sendable {
    var name: String
    var params: [ComponentParam]
    /// A file under `theme/assets/` that pages showing the component load (`page.scripts`).
    var script: String?
}

/// One declared parameter of a component (or of the items of a list parameter).
struct ComponentParam: Sendable {
    enum Kind: Sendable {
        /// One line of text (optionally one of `values`).
        case string
        /// Inline Markdown through cmark-gfm, links resolved: HTML (`{{{name}}}` in templates).
        case markdown
        case bool
        case number
        /// `YYYY-MM-DD` or ISO 8601: `{{name.datetime}}` and `{{name.text}}` (the site's date format).
        case date
        /// A file of the site, published through the images pipeline: `{{{name.html}}}`, `.src`, `.full`, `.width`, `.height`.
        case image
        /// A link resolved like a Markdown link (`other-article.md`, a file, a URL).
        case link
        /// A list of mappings, each read with `items`.
        case list
        /// `newest-first`, `oldest-first` or `as-written`: how the list `list` is ordered by its date key `by`.
        case order(list: String, by: String)
    }

    var name: String
    var kind: Kind
    var required = false
    /// The only values a string may take.
    var values: [String]?
    /// A string, or an order, when the writer gives none.
    var defaultValue: String?
    /// An image's alt text: the sibling key holding it.
    var alt: String?
    /// An image's `sizes` attribute (how wide it shows), instead of the site's.
    var sizes: String?
    /// Whether search reads the value (a free string or Markdown; `search: false` for one that is
    /// not prose: a colour, a CSS class, an identifier).
    var searched = true
    /// A list's bounds on its number of items.
    var minItems = 0, maxItems = Int.max
    var items: [ComponentParam] = []

    static let orders = ["newest-first", "oldest-first", "as-written"]
    static let types = ["string", "markdown", "bool", "number", "date", "image", "link", "list", "order"]
    /// Keys every component's context has: a parameter may not take them.
    static let reserved = ["id", "index"]
}

extension ComponentSchema {
    private static let keys = ["description", "script", "params"]
    private static let paramKeys = ["type", "required", "description", "values", "default", "alt", "sizes", "min", "max", "items", "list", "by", "search"]

    /// Reads a schema file's text; `assets` are the theme's asset names (a script must be one).
    static func parse(_ text: String, name: String, path: String, assets: Set<String>) -> Result<ComponentSchema, BuildFailure> {
        let node: Node
        switch composeYAML(text, path: path, lineOffset: 0, what: "component schema") {
        case .failure(let diagnostic): return .failure(BuildFailure(diagnostic))
        case .success(nil): return .success(ComponentSchema(name: name, params: []))
        case .success(let value?): node = value
        }
        var fields = YAMLFields(node, known: keys, path: path, lineOffset: 0, what: "component schema", line: 1)
        _ = fields.string("description")
        let script = fields.string("script")
        if let script, !assets.contains(script) {
            fields.fail("script", "script '\(script)' is not a file of theme/assets/")
        }
        var params: [ComponentParam] = []
        if let node = fields.node("params") {
            params = readParams(node, line: fields.line(of: "params"), fields: &fields)
        }
        guard fields.diagnostics.isEmpty else { return .failure(BuildFailure(fields.diagnostics)) }
        return .success(ComponentSchema(name: name, params: params, script: script))
    }

    /// A mapping of parameter name → declaration (`{type: …, required: …}`).
    private static func readParams(_ node: Node, line: Int, fields: inout YAMLFields) -> [ComponentParam] {
        guard let mapping = node.mapping else {
            fields.report(.error(fields.path, line, "component schema: 'params' must be a mapping of parameter names to their declarations"))
            return []
        }
        var params: [ComponentParam] = []
        var lines: [String: Int] = [:]  // each parameter's line, for what is checked across them
        for (key, value) in mapping {
            let name = key.string ?? ""
            let keyLine = key.mark?.line ?? line
            lines[name] = keyLine
            if ComponentParam.reserved.contains(name) {
                fields.report(.error(fields.path, keyLine, "component schema: '\(name)' is given to every component by Liftoff; name the parameter otherwise"))
                continue
            }
            if let param = readParam(name, value, line: keyLine, fields: &fields) { params.append(param) }
        }
        // What an order or an image's alt names must exist.
        for param in params {
            switch param.kind {
            case .order(let list, let by):
                let target = params.first { $0.name == list }
                if case .list? = target?.kind, let key = target?.items.first(where: { $0.name == by }), case .date = key.kind { continue }
                fields.report(.error(fields.path, lines[param.name] ?? line,
                    "component schema: order '\(param.name)' must name a list parameter (`list:`) and a date key of its items (`by:`)"))
            case .image where param.alt != nil && !params.contains { $0.name == param.alt }:
                fields.report(.error(fields.path, lines[param.name] ?? line,
                    "component schema: image '\(param.name)' takes its alt text from '\(param.alt!)', which is not a parameter beside it"))
            default: continue
            }
        }
        return params
    }

    private static func readParam(_ name: String, _ node: Node, line: Int, fields: inout YAMLFields) -> ComponentParam? {
        var declaration = YAMLFields(node, known: paramKeys, path: fields.path, lineOffset: 0, what: "component schema, parameter '\(name)'", line: line)
        defer { fields.absorb(declaration) }
        guard let type = declaration.string("type") else {
            declaration.fail("type", "give its `type:` (one of \(ComponentParam.types.joined(separator: ", ")))")
            return nil
        }
        var param = ComponentParam(name: name, kind: .string)
        switch type {
        case "string": param.kind = .string
        case "markdown": param.kind = .markdown
        case "bool": param.kind = .bool
        case "number": param.kind = .number
        case "date": param.kind = .date
        case "image": param.kind = .image
        case "link": param.kind = .link
        case "list":
            param.kind = .list
            if let items = declaration.node("items") {
                param.items = readParams(items, line: declaration.line(of: "items"), fields: &fields)
            } else {
                declaration.fail("type", "a list declares its items' parameters under `items:`")
            }
            param.minItems = declaration.int("min", in: 0...10_000) ?? 0
            param.maxItems = declaration.int("max", in: 1...10_000) ?? .max
            if param.minItems > param.maxItems {
                declaration.fail("max", "max \(param.maxItems) is below min \(param.minItems): no list could be given")
            }
        case "order":
            guard let list = declaration.string("list"), let by = declaration.string("by") else {
                declaration.fail("type", "an order names its list (`list:`) and the date key it orders by (`by:`)")
                return nil
            }
            param.kind = .order(list: list, by: by)
            param.defaultValue = declaration.string("default") ?? "as-written"
            param.values = ComponentParam.orders
        default:
            let hint = closest(to: type, in: ComponentParam.types).map { "; did you mean '\($0)'?" } ?? ""
            declaration.fail("type", "unknown type '\(type)'\(hint) (types: \(ComponentParam.types.joined(separator: ", ")))")
            return nil
        }
        param.required = declaration.bool("required") ?? false
        _ = declaration.string("description")
        if case .string = param.kind {
            param.values = declaration.stringList("values", example: "confirmed, reported, rumor")
            param.defaultValue = declaration.string("default")
        }
        if let searched = declaration.bool("search") {
            switch param.kind {
            case .string where param.values == nil, .markdown: param.searched = searched
            default: declaration.fail("search", "search reads only a free `string` or a `markdown` value; remove `search:`")
            }
        }
        if case .image = param.kind {
            param.alt = declaration.string("alt")
            param.sizes = declaration.string("sizes")
        }
        if let values = param.values, let value = param.defaultValue, !values.contains(value) {
            declaration.fail("default", "default '\(value)' is not one of its values (\(values.joined(separator: ", ")))")
        }
        return param
    }
}
