import Yams
import LiftoffModel
import LiftoffSource
import LiftoffMarkdown

/// Reads a placed component's YAML against its declared parameters into the context its
/// template is rendered with; every problem is collected at its line.
struct ComponentValues {
    let path: String
    let markdown: MarkdownRenderer
    /// How dates are written (`November 24, 2026`).
    let language: Language
    private(set) var diagnostics: [Diagnostic] = []
    /// The values a reader reads, for search (when the renderer collects text): free strings (not
    /// one of a list of `values`), Markdown as plain text, a line each; not links, files or numbers.
    private(set) var text: [UInt8] = []

    init(path: String, markdown: MarkdownRenderer, language: Language) {
        self.path = path
        self.markdown = markdown
        self.language = language
    }

    /// The values of one mapping (the block's body, or one item of a list).
    /// - Parameters:
    ///   - lineOffset: the file line before the YAML's first line (the fence's).
    ///   - line: where a missing key is reported (the fence, or the item's first line).
    ///   - resolve: what links and images resolve to, as for the article's Markdown.
    mutating func read(
        _ params: [ComponentParam], from node: Node, what: String, lineOffset: Int, line: Int,
        resolve: (MarkdownLink) -> LinkRewrite
    ) -> [String: Any] {
        var fields = YAMLFields(node, known: params.map(\.name), path: path, lineOffset: lineOffset, what: what, line: line)
        var context: [String: Any] = [:]
        for param in params {
            let name = param.name
            guard fields.node(name) != nil else {
                if param.required {
                    fields.fail(name, "'\(name)' is required")
                } else if let value = param.defaultValue {
                    context[name] = value
                }
                continue
            }
            switch param.kind {
            case .string, .order:
                guard let value = fields.string(name) else { continue }
                if let values = param.values, !values.contains(value) {
                    let hint = closest(to: value, in: values).map { "; did you mean '\($0)'?" } ?? ""
                    fields.fail(name, "'\(name)' must be one of \(values.joined(separator: ", ")), not '\(value)'\(hint)")
                    continue
                }
                if case .string = param.kind, param.values == nil, param.searched { keep(value.utf8) }
                context[name] = value
            case .markdown:
                guard let value = fields.string(name) else { continue }
                context[name] = inlineHTML(value, line: valueLine(fields, name), searched: param.searched, resolve: resolve)
            case .bool:
                context[name] = fields.bool(name)
            case .number:
                context[name] = fields.int(name, in: -1_000_000_000...1_000_000_000)
            case .date:
                guard let time = fields.timestamp(name), let text = fields.string(name) else { continue }
                // A day stays a day in `datetime`; a moment is written in UTC.
                context[name] = ["datetime": text.utf8.count == 10 ? time.day : time.iso8601, "text": language.longDay(time), "seconds": time.seconds]
            case .image:
                guard let url = fields.string(name) else { continue }
                let alt = param.alt.flatMap { fields.node($0)?.scalar?.string } ?? ""
                let link = MarkdownLink(url: url, isImage: true, line: fields.line(of: name), alt: alt, altKey: param.alt)
                switch resolve(link) {
                case .picture(var picture):
                    if let sizes = param.sizes { picture.sizes = sizes }
                    context[name] = picture.context.merging(["html": picture.html(alt: alt), "full": picture.largest, "alt": alt]) { $1 }
                case .error(let message): fields.fail(name, message)
                case .keep where URLText.hasScheme(url) || url.hasPrefix("/"):
                    fields.fail(name, "'\(name)' must be an image file of the site, named from the article's folder (a remote image has no size to reserve)")
                case .keep, .replace, .unpublished: fields.fail(name, "'\(name)': '\(url)' is not an image (JPEG, PNG, WebP, AVIF, GIF or SVG)")
                }
            case .link:
                guard let url = fields.string(name) else { continue }
                switch resolve(MarkdownLink(url: url, isImage: false, line: fields.line(of: name), alt: "")) {
                case .keep, .picture: context[name] = URLText.href(url)
                case .replace(let resolved), .unpublished(let resolved, _): context[name] = URLText.href(resolved)
                case .error(let message): fields.fail(name, message)
                }
            case .list:
                guard let items = list(param, fields: &fields, what: what, lineOffset: lineOffset, resolve: resolve) else { continue }
                context[name] = items
                context[name + "_count"] = items.count
            }
        }
        for param in params {
            guard case .order(let list, let by) = param.kind, let order = context[param.name] as? String,
                  order != "as-written", let items = context[list] as? [[String: Any]] else { continue }
            context[list] = Self.ordered(items, by: by, newestFirst: order == "newest-first")
        }
        diagnostics += fields.diagnostics
        return context
    }

    /// A list parameter's items, each read with the list's item parameters and numbered from 1.
    private mutating func list(
        _ param: ComponentParam, fields: inout YAMLFields, what: String, lineOffset: Int, resolve: (MarkdownLink) -> LinkRewrite
    ) -> [[String: Any]]? {
        let name = param.name
        guard let sequence = fields.node(name)?.sequence else {
            fields.fail(name, "'\(name)' must be a list: one `- key: value` entry a line")
            return nil
        }
        if sequence.count < param.minItems || sequence.count > param.maxItems {
            let bounds = param.maxItems == .max ? "at least \(param.minItems)"
                : param.minItems == param.maxItems ? "exactly \(param.minItems)" : "\(param.minItems) to \(param.maxItems)"
            fields.fail(name, "'\(name)' holds \(sequence.count) item\(sequence.count == 1 ? "" : "s"); it takes \(bounds)")
        }
        var items: [[String: Any]] = []
        for (index, item) in sequence.enumerated() {
            let itemLine = (item.mark?.line ?? 1) + lineOffset
            var values = read(param.items, from: item, what: "\(what), \(name) item \(index + 1)", lineOffset: lineOffset, line: itemLine, resolve: resolve)
            values["index"] = index + 1
            items.append(values)
        }
        return items
    }

    /// Items sorted by a date key (stable: equal dates keep the writer's order; items without one last).
    static func ordered(_ items: [[String: Any]], by key: String, newestFirst: Bool) -> [[String: Any]] {
        let dated = items.enumerated().map { offset, item in
            (offset, item, ((item[key] as? [String: Any])?["seconds"] as? Int64))
        }
        return dated.sorted { a, b in
            switch (a.2, b.2) {
            case let (x?, y?) where x != y: return newestFirst ? x > y : x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.0 < b.0
            }
        }.map { $0.1 }
    }

    /// The line a value's text starts on (a `|` or `>` block starts on the next line).
    private func valueLine(_ fields: YAMLFields, _ name: String) -> Int {
        let block = fields.node(name)?.scalar.map { $0.style == .literal || $0.style == .folded } ?? false
        return fields.line(of: name) + (block ? 1 : 0)
    }

    /// Adds a value's text to `text`, on a line of its own.
    private mutating func keep(_ bytes: some Collection<UInt8>) {
        guard markdown.collectsText, !bytes.isEmpty else { return }
        if !text.isEmpty { text.append(0x0A) }
        text.append(contentsOf: bytes)
    }

    /// Markdown rendered by cmark-gfm: one paragraph becomes its inline HTML (for captions and
    /// labels), several blocks stay blocks; its plain text is kept for search when `searched`.
    private mutating func inlineHTML(_ text: String, line: Int, searched: Bool, resolve: (MarkdownLink) -> LinkRewrite) -> String {
        let (blocks, problems, warnings) = markdown.blocks(text, lineOffset: line - 1, rewriteLink: resolve)
        diagnostics += problems.map { .error(path, $0.line, $0.message) } + warnings.map { .warning(path, $0.line, $0.message) }
        for block in blocks where searched { keep(block.plain) }
        if blocks.count == 1, blocks[0].kind == .paragraph, blocks[0].html.hasPrefix("<p>"), blocks[0].html.hasSuffix("</p>\n") {
            return String(blocks[0].html.dropFirst(3).dropLast(5))
        }
        return blocks.map(\.html).joined()
    }
}
