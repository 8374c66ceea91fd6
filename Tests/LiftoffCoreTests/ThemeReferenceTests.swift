import Foundation
import Testing

@testable import LiftoffCore
@testable import LiftoffRender
import LiftoffModel

/// THEME.md, the reference of the default theme's data, says exactly what each template reads:
/// the sample site is built, every template is walked with every context it was rendered with, and
/// each name it reads is looked up as swift-mustache looks it up.
@Suite struct ThemeReferenceTests {
    /// Template (relative to theme/templates, without `.mustache`) → the names THEME.md lists for
    /// it, each with the names of the sections it is listed under (`page.image` › `url` is `page.image.url`).
    static func documented() throws -> [String: Set<String>] {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("THEME.md"), encoding: .utf8)
        var result: [String: Set<String>] = [:]
        var current: String?
        var outer: [String] = []
        for line in text.split(separator: "\n") {
            if line.hasPrefix("### `"), let name = line.dropFirst(5).split(separator: "`").first {
                current = String(name.dropLast(".mustache".count))
                result[current!] = []
                outer = []
            } else if let template = current, let match = line.wholeMatch(of: /( *)- `([^`]+)`.*/) {
                let depth = match.output.1.count / 2
                outer = Array(outer.prefix(depth)) + [String(match.output.2)]
                result[template, default: []].insert(outer.joined(separator: "."))
            }
        }
        return result
    }

    /// What the walk found: per template, the qualified names it read and found, and the names
    /// (as written) it read.
    struct Reading {
        var found: [String: Set<String>] = [:]
        var written: [String: Set<String>] = [:]
        var foundWritten: [String: Set<String>] = [:]
    }

    /// The sample site with a draft, a list long enough to paginate, a page with a TL;DR and a
    /// table of contents and a hidden newsletter field, and a site whose header follows a launch's
    /// window, built with every template's context recorded.
    static func reading() throws -> Reading {
        let config = try String(contentsOf: repositoryRoot.appendingPathComponent("site.yml"), encoding: .utf8)
        var files = [
            "content/a-draft.md": article("A draft", extra: "draft: true\n"),
            "content/pages/guide.md": """
                ---
                title: Guide
                toc: true
                ---

                TL;DR: The short version.

                ## One

                ## Two
                """,
        ]
        // More articles than the home page shows.
        for number in 1...5 { files["content/more-\(number).md"] = article("More \(number)", date: "2026-10-0\(number)") }
        // One updated without an update log (the sample's updated article has one).
        files["content/more-1.md"] = article("More 1", date: "2026-10-01", extra: "updated: 2026-10-05\n")
        let siteYML = config.replacingOccurrences(of: "per_page: 20", with: "per_page: 2")
            .replacingOccurrences(of: "  action: https://example.org/subscribe\n", with: "  action: https://example.org/subscribe\n  hidden: {list: launch}\n")
        let site = try TestSite(files, siteYML: siteYML)
        defer { site.remove() }
        for name in try FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("content").path) {
            try FileManager.default.copyItem(
                at: repositoryRoot.appendingPathComponent("content/\(name)"), to: site.root.appendingPathComponent("content/\(name)"))
        }
        // A second site whose header follows a launch with a window (no exact moment), with a live
        // article whose coverage has ended and one whose coverage is still to come.
        let window = try TestSite([
            "content/launches/window.md": "---\nname: Window\nstatus: expected\nwindow: {from: 2026-11-28, to: 2026-12-05}\n---\n",
            "content/a.md": article("A", extra: "launch: window\n"),
            "content/ended.md": article("Ended", extra: "live: {start: 2026-11-20T10:00:00Z, end: 2026-11-20T12:00:00Z}\n", body: "## 10:30 One\n\nText.\n"),
            "content/upcoming.md": article("Upcoming", extra: "live: {start: 2026-11-30T10:00:00Z}\n", body: "Soon.\n"),
        ], siteYML: "title: T\nbase_url: https://example.org/\ncountdown: window\n")
        defer { window.remove() }
        let templates = try TemplateWalk(folder: repositoryRoot.appendingPathComponent("theme/templates"))
        var reading = Reading()
        for built in [site, window] {
            var options = BuildOptions(now: testNow, drafts: true)
            let log = TemplateContextLog()
            options.contextLog = log
            _ = try built.build(options)
            for (template, contexts) in log.contexts {
                for context in contexts { templates.walk(template, context, into: &reading) }
            }
        }
        return reading
    }

    @Test func everyTemplateReadsExactlyTheNamesTheReferenceListsAndFindsThem() throws {
        let documented = try Self.documented(), reading = try Self.reading()
        let folder = repositoryRoot.appendingPathComponent("theme/templates")
        let templates = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
            .map { String($0.dropLast(".mustache".count)) }.sorted()
        #expect(Set(documented.keys) == Set(templates), "THEME.md's sections are the templates")
        #expect(Set(reading.found.keys) == Set(templates), "the sample site renders every template")
        // Words (`i18n.<key>`) are documented once, by theme/i18n/en.yml: each must be one of its keys.
        let words = Set(ThemeStrings.Key.allCases.map { "i18n." + $0.rawValue })
        for template in templates {
            let read = reading.found[template] ?? [], listed = documented[template] ?? []
            let found = read.filter { !$0.hasPrefix("i18n.") }
            #expect(read.subtracting(found).subtracting(words).sorted() == [], "\(template) reads words theme/i18n/en.yml does not have")
            let missing = (reading.written[template] ?? []).subtracting(reading.foundWritten[template] ?? [])
            #expect(missing == [], "\(template) reads names no context it was rendered with has")
            #expect(found.subtracting(listed).sorted() == [], "\(template) reads names THEME.md does not list")
            #expect(listed.subtracting(found).sorted() == [], "THEME.md lists names \(template) does not read")
        }
    }

    @Test func theWalkLooksNamesUpAsMustacheDoes() throws {
        let walk = TemplateWalk(templates: [
            "main": "{{<base}}{{$body}}{{#page.image}}{{url}}{{title}}{{/page.image}}{{#list}}{{name}}{{/list}}{{/body}}{{/base}}",
            "base": "{{site.title}}{{$body}}{{/body}}{{^empty(list)}}{{>item}}{{/empty(list)}}{{#absent}}{{never}}{{/absent}}",
            "item": "{{#first}}{{x}}{{/first}}",
        ])
        var reading = Reading()
        let context: [String: Any] = [
            "site": ["title": "S"], "title": "T", "page": ["image": ["url": "u"]],
            "list": [["name": "a"], ["other": 1]], "first": ["x": 1],
        ]
        walk.walk("main", context, into: &reading)
        #expect(reading.found["main"] == ["page.image", "page.image.url", "title", "list", "list.name"])
        #expect(reading.found["base"] == ["site.title", "empty(list)"], "absent: not in the context")
        #expect(reading.found["item"] == ["first", "first.x"])
        #expect(reading.written["base"] == ["site.title", "empty(list)", "absent"], "never read: its section is absent")
    }
}

/// The default theme's templates as trees, walked with a context the way swift-mustache renders.
struct TemplateWalk {
    indirect enum Node {
        case name(String)
        case section(String, inverted: Bool, [Node])
        case partial(String)
        /// `{{<parent}}…{{/parent}}`, and a block `{{$name}}…{{/name}}` (blocks change no context).
        case parent(String, [Node])
        case block([Node])
    }

    let trees: [String: [Node]]

    init(templates: [String: String]) {
        trees = templates.mapValues(Self.parse)
    }

    init(folder: URL) throws {
        var templates: [String: String] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) where path.hasSuffix(".mustache") {
            templates[String(path.dropLast(".mustache".count))] = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
        }
        self.init(templates: templates)
    }

    static func parse(_ text: String) -> [Node] {
        var open: [(kind: Character, name: String, nodes: [Node])] = [(" ", "", [])]
        for match in text.matches(of: /\{\{([{&#^\/>!%$<]?)\s*([^}]*?)\s*\}?\}\}/) {
            let kind = match.output.1.first ?? " ", name = String(match.output.2)
            switch kind {
            case "#", "^", "<", "$": open.append((kind, name, []))
            case "/":
                let closed = open.removeLast()
                let node: Node = switch closed.kind {
                case "<": .parent(closed.name, closed.nodes)
                case "$": .block(closed.nodes)
                default: .section(closed.name, inverted: closed.kind == "^", closed.nodes)
                }
                open[open.count - 1].nodes.append(node)
            case ">": open[open.count - 1].nodes.append(.partial(name))
            case "!", "%": break
            default: open[open.count - 1].nodes.append(.name(name))
            }
        }
        return open[0].nodes
    }

    /// A value on the context stack and its names from the root (`["page", "image"]`).
    struct Frame {
        var value: Any
        var path: [String]
    }

    func walk(_ template: String, _ context: [String: Any], into reading: inout ThemeReferenceTests.Reading) {
        walk(trees[template] ?? [], [Frame(value: context, path: [])], template: template, base: 0, into: &reading)
    }

    /// - Parameter base: the frame the template was entered with; names are recorded relative to it.
    private func walk(_ nodes: [Node], _ stack: [Frame], template: String, base: Int, into reading: inout ThemeReferenceTests.Reading) {
        func look(_ name: String) -> Frame? {
            reading.written[template, default: []].insert(name)
            guard let frame = resolve(name, stack) else { return nil }
            reading.foundWritten[template, default: []].insert(name)
            if name != "." {
                let relative = frame.path.starts(with: stack[base].path) ? Array(frame.path.dropFirst(stack[base].path.count)) : frame.path
                reading.found[template, default: []].insert(relative.joined(separator: "."))
            }
            return frame
        }
        for node in nodes {
            switch node {
            case .name(let name): _ = look(name)
            case .section(let name, let inverted, let inner):
                let frame = look(name)
                let items: [Any] = switch frame?.value {
                case let list as [Any]: list
                case let flag as Bool: flag ? [flag] : []
                case let text as String: text.isEmpty ? [] : [text]
                case nil: []
                case let value?: [value]
                }
                if inverted {
                    if items.isEmpty { walk(inner, stack, template: template, base: base, into: &reading) }
                } else if let frame {
                    for item in items {
                        walk(inner, stack + [Frame(value: item, path: frame.path)], template: template, base: base, into: &reading)
                    }
                }
            case .partial(let name): walk(trees[name] ?? [], stack, template: name, base: stack.count - 1, into: &reading)
            case .parent(let name, let blocks):
                walk(blocks, stack, template: template, base: base, into: &reading)
                walk(trees[name] ?? [], stack, template: name, base: base, into: &reading)
            case .block(let inner): walk(inner, stack, template: template, base: base, into: &reading)
            }
        }
    }

    /// Looks a name up as mustache does: its first part in the innermost frame that has it, the
    /// rest inside that; `.` is the innermost frame; `empty(x)` is true for an absent or empty x.
    func resolve(_ name: String, _ stack: [Frame]) -> Frame? {
        if name == "." { return stack.last }
        if let call = name.wholeMatch(of: /(\w+)\((.+)\)/) {
            let inner = resolve(String(call.output.2), stack)
            let path = (inner?.path.dropLast() ?? []) + ["\(call.output.1)(\(inner?.path.last ?? String(call.output.2)))"]
            return Frame(value: ((inner?.value as? [Any])?.isEmpty ?? true), path: Array(path))
        }
        let parts = name.split(separator: ".").map(String.init)
        guard let frame = stack.last(where: { ($0.value as? [String: Any])?[parts[0]] != nil }) else { return nil }
        var value = (frame.value as! [String: Any])[parts[0]]!
        for part in parts.dropFirst() {
            guard let next = (value as? [String: Any])?[part] else { return nil }
            value = next
        }
        return Frame(value: value, path: frame.path + parts)
    }
}
