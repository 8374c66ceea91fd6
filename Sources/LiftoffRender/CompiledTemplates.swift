import Mustache

/// The theme's templates, as swift-mustache parsed them, rendered without its per-lookup
/// dynamic casts: a quarter of a clean build went to casting every context value to
/// swift-mustache's protocols. Values are what `PageRenderer` builds (`[String: Any]`, arrays,
/// strings, numbers, booleans), so a lookup is a dictionary read and a few concrete casts.
///
/// Parsing stays swift-mustache's (same whitespace, standalone-line, partial-indentation and
/// inheritance rules): its token tree is read once through reflection. A template using
/// anything this renderer does not do (lambdas, dynamic partials, unknown transforms, another
/// content type) fails `compile` with what it uses, and the library renders everything as before. The
/// tests render the same contexts both ways and compare the bytes.
struct CompiledTemplates: @unchecked Sendable {
    private var templates: [String: Node]

    /// What a template uses that this renderer does not do; the library renders the theme then.
    struct Unsupported: Error {
        /// The template (by name: `article`, `partials/card`).
        var template = ""
        /// What it uses: "the transform 'reversed()' on 'article.tags'".
        var reason: String

        /// swift-mustache's parsed template is not shaped as this renderer reads it.
        static let otherVersion = Unsupported(reason: "swift-mustache's parsed templates, which are not what this renderer reads (a swift-mustache other than 2.1?)")
    }

    /// Compiles every template; the first (by name) this renderer cannot read fails it, with why.
    static func compile(_ templates: [String: MustacheTemplate]) -> Result<CompiledTemplates, Unsupported> {
        var compiled: [String: Node] = [:]
        for (name, template) in templates.sorted(by: { $0.key < $1.key }) {
            do {
                compiled[name] = try Node(template)
            } catch {
                return .failure(Unsupported(template: name, reason: error.reason))
            }
        }
        return .success(CompiledTemplates(templates: compiled))
    }

    /// Compiles every template; nil when one uses what this renderer does not do (see `compile`).
    init?(_ templates: [String: MustacheTemplate]) {
        guard case .success(let compiled) = Self.compile(templates) else { return nil }
        self = compiled
    }

    private init(templates: [String: Node]) {
        self.templates = templates
    }

    /// Renders the template `name` with `object` as its context; nil when there is no such template.
    func render(_ object: Any, withTemplate name: String) -> String? {
        guard let template = templates[name] else { return nil }
        var output = ""
        template.render(Context(stack: [object]), library: self, into: &output)
        return output
    }

    // MARK: Tokens

    /// A parsed template: swift-mustache's tokens, decoded.
    final class Node: @unchecked Sendable {
        let tokens: [Token]

        init(tokens: [Token]) {
            self.tokens = tokens
        }

        /// Reads `MustacheTemplate.tokens`; throws at the first token this renderer does not handle.
        convenience init(_ template: MustacheTemplate) throws(Unsupported) {
            guard let tokens = Mirror(reflecting: template).children.first(where: { $0.label == "tokens" })?.value as? [Any]
            else { throw .otherVersion }
            var decoded: [Token] = []
            for token in tokens { decoded.append(try Token(token)) }
            self.init(tokens: decoded)
        }
    }

    enum Token {
        case text(String)
        case variable(Name, escaped: Bool)
        case section(Name, Node, inverted: Bool)
        case block(String, Node, indentation: String?)
        case partial(String, indentation: String?, overrides: [String: Node]?)
        case escaping(Escaping)

        init(_ token: Any) throws(Unsupported) {
            guard let (label, value) = Mirror(reflecting: token).children.first.map({ ($0.label, $0.value) }), let label else {
                throw .otherVersion
            }
            let fields = Mirror(reflecting: value).children.map(\.value)
            switch label {
            case "text":
                guard let text = value as? String else { throw .otherVersion }
                self = .text(text)
            case "variable", "unescapedVariable":
                guard fields.count == 2, let name = fields[0] as? String, let transforms = fields[1] as? [String] else { throw .otherVersion }
                self = .variable(try Name(name, transforms), escaped: label == "variable")
            case "section", "invertedSection":
                guard fields.count == 3, let name = fields[0] as? String, let transforms = fields[1] as? [String],
                      let template = fields[2] as? MustacheTemplate
                else { throw .otherVersion }
                self = .section(try Name(name, transforms), try Node(template), inverted: label == "invertedSection")
            case "blockExpansion":
                guard fields.count == 3, let name = fields[0] as? String, let template = fields[1] as? MustacheTemplate else {
                    throw .otherVersion
                }
                self = .block(name, try Node(template), indentation: fields[2] as? String)
            case "partial":
                guard fields.count == 3, let name = fields[0] as? String else { throw .otherVersion }
                var overrides: [String: Node]?
                if let templates = fields[2] as? [String: MustacheTemplate] {
                    overrides = [:]
                    for (block, template) in templates { overrides![block] = try Node(template) }
                }
                self = .partial(name, indentation: fields[1] as? String, overrides: overrides)
            case "contentType":
                let typeName = String(describing: type(of: value))
                if value is HTMLEscaping || typeName == "HTMLContentType" {
                    self = .escaping(.html)
                } else if typeName == "TextContentType" {
                    self = .escaping(.none)
                } else {
                    throw Unsupported(reason: "the content type \(typeName)")
                }
            default:
                throw Unsupported(reason: "a '\(label)' token (a swift-mustache other than 2.1?)")
            }
        }
    }

    enum Escaping {
        case html
        case none
    }

    /// A variable's name: `.`, `a`, `a.b`, `.a` (the top of the stack only), and its transforms.
    struct Name {
        enum Start {
            /// `.`: the top of the stack.
            case current
            /// `first()`, `index()`, …: the position in the enclosing list.
            case sequence
            /// `.a.b`: from the top of the stack only.
            case top
            /// `a.b`: the first object of the stack, from the top, that has `a`.
            case stack
        }

        var start: Start
        var path: [String]
        /// Applied last to first, as swift-mustache does.
        var transforms: [String]

        static let known: Set<String> = [
            "first", "last", "count", "empty", "index", "even", "odd",
            "lowercased", "uppercased", "equalzero", "plusone", "minusone",
        ]

        init(_ name: String, _ transforms: [String]) throws(Unsupported) {
            if let unknown = transforms.first(where: { !Self.known.contains($0) }) {
                throw Unsupported(reason: "the transform '\(unknown)()' on '\(name)'")
            }
            self.transforms = transforms
            if name == "." {
                start = .current
                path = []
            } else if name.isEmpty, !transforms.isEmpty {
                start = .sequence
                path = []
            } else {
                start = name.first == "." ? .top : .stack
                path = name.split(separator: ".").map(String.init)
            }
        }
    }

    // MARK: Rendering

    struct Context {
        var stack: [Any]
        var sequence: (first: Bool, last: Bool, index: Int)?
        var indentation: String?
        var overrides: [String: Node]?
        var escaping = Escaping.html
    }
}

extension CompiledTemplates.Node {
    typealias Context = CompiledTemplates.Context

    /// swift-mustache's `render(context:)`: tokens in order; inside an indented partial, a
    /// non-empty piece that starts a line gets the indentation first.
    func render(_ start: Context, library: CompiledTemplates, into output: inout String) {
        var context = start
        guard let indentation = context.indentation, !indentation.isEmpty else {
            for token in tokens { render(token, &context, library, into: &output) }
            return
        }
        var local = ""
        for token in tokens {
            var piece = ""
            render(token, &context, library, into: &piece)
            if !piece.isEmpty, local.last == "\n" { local += indentation }
            local += piece
        }
        output += local
    }

    private func render(_ token: CompiledTemplates.Token, _ context: inout Context, _ library: CompiledTemplates, into output: inout String) {
        switch token {
        case .text(let text):
            output += text
        case .variable(let name, let escaped):
            guard let value = Self.lookup(name, context) else { return }
            let text = (value as? String) ?? String(describing: value)
            output += escaped && context.escaping == .html ? HTMLEscaping.escape(text) : text
        case .section(let name, let node, let inverted):
            let value = Self.lookup(name, context)
            if inverted { Self.renderInverted(value, node, context, library, into: &output) } else { Self.renderSection(value, node, context, library, into: &output) }
        case .block(let name, let node, let indentation):
            var inner = context
            inner.sequence = nil
            inner.indentation = Self.indent(context.indentation, indentation)
            (context.overrides?[name] ?? node).render(inner, library: library, into: &output)
        case .partial(let name, let indentation, let overrides):
            guard let template = library.templates[name] else { return }
            var inner = context
            inner.sequence = nil
            inner.indentation = Self.indent(context.indentation, indentation)
            if let overrides {
                inner.overrides = context.overrides.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
            }
            inner.escaping = .html
            template.render(inner, library: library, into: &output)
        case .escaping(let escaping):
            context.escaping = escaping
        }
    }

    private static func indent(_ outer: String?, _ inner: String?) -> String? {
        guard let inner else { return outer }
        return (outer ?? "") + inner
    }

    private static func renderSection(_ value: Any?, _ node: CompiledTemplates.Node, _ context: Context, _ library: CompiledTemplates, into output: inout String) {
        guard let value else { return }
        if let items = asList(value) {
            for (index, item) in items.enumerated() {
                var inner = context
                inner.stack.append(item)
                inner.sequence = (index == 0, index == items.count - 1, index)
                node.render(inner, library: library, into: &output)
            }
        } else if let flag = value as? Bool {
            if flag { node.render(context, library: library, into: &output) }
        } else {
            var inner = context
            inner.stack.append(value)
            inner.sequence = nil
            node.render(inner, library: library, into: &output)
        }
    }

    private static func renderInverted(_ value: Any?, _ node: CompiledTemplates.Node, _ context: Context, _ library: CompiledTemplates, into output: inout String) {
        guard let value else { return node.render(context, library: library, into: &output) }
        if let items = asList(value) {
            guard items.isEmpty else { return }
            var inner = context
            inner.stack.append(value)
            inner.sequence = nil
            node.render(inner, library: library, into: &output)
        } else if let flag = value as? Bool, !flag {
            node.render(context, library: library, into: &output)
        }
    }

    /// Arrays as lists (the kinds `PageRenderer` builds first: no element-wise conversion).
    private static func asList(_ value: Any) -> [Any]? {
        if value is String || value is [String: Any] { return nil }
        if let list = value as? [[String: Any]] { return list }
        if let list = value as? [String] { return list }
        return value as? [Any]
    }

    /// swift-mustache's `getChild`: the first name up the stack, the rest below it, then the transforms.
    private static func lookup(_ name: CompiledTemplates.Name, _ context: Context) -> Any? {
        var value: Any?
        switch name.start {
        case .current:
            value = context.stack.last
        case .sequence:
            guard let sequence = context.sequence else { return nil }
            value = sequence
        case .top:
            value = context.stack.last.flatMap { follow(name.path[...], from: $0) }
        case .stack:
            guard let first = name.path.first else { return nil }
            for object in context.stack.reversed() {
                if let found = child(first, of: object) {
                    value = follow(name.path.dropFirst(), from: found)
                    break
                }
            }
        }
        guard var result = value else { return nil }
        for transform in name.transforms.reversed() {
            guard let transformed = apply(transform, to: result) else { return nil }
            result = transformed
        }
        return result
    }

    private static func follow(_ path: ArraySlice<String>, from object: Any) -> Any? {
        var current = object
        for component in path {
            guard let next = child(component, of: current) else { return nil }
            current = next
        }
        return current
    }

    private static func child(_ name: String, of object: Any) -> Any? {
        (object as? [String: Any])?[name]
    }

    /// The transforms of swift-mustache that apply to the values `PageRenderer` builds.
    private static func apply(_ transform: String, to value: Any) -> Any? {
        if let sequence = value as? (first: Bool, last: Bool, index: Int) {
            switch transform {
            case "first": return sequence.first
            case "last": return sequence.last
            case "index": return sequence.index
            case "even": return sequence.index & 1 == 0
            case "odd": return sequence.index & 1 == 1
            default: return nil
            }
        }
        if let text = value as? String {
            switch transform {
            case "empty": return text.isEmpty
            case "lowercased": return text.lowercased()
            case "uppercased": return text.uppercased()
            default: return nil
            }
        }
        if let map = value as? [String: Any] {
            switch transform {
            case "count": return map.count
            case "empty": return map.isEmpty
            default: return nil
            }
        }
        if let list = asList(value) {
            switch transform {
            case "first": return list.first
            case "last": return list.last
            case "count": return list.count
            case "empty": return list.isEmpty
            default: return nil
            }
        }
        if let number = value as? Int {
            switch transform {
            case "equalzero": return number == 0
            case "plusone": return number + 1
            case "minusone": return number - 1
            case "even": return number & 1 == 0
            case "odd": return number & 1 == 1
            default: return nil
            }
        }
        return nil
    }
}
