import Foundation
import Mustache
import Testing

@testable import LiftoffCore
@testable import LiftoffRender

/// `CompiledTemplates` renders exactly what swift-mustache renders: the same templates and
/// contexts both ways, compared byte for byte.
@Suite struct CompiledTemplatesTests {
    /// Templates as the theme loader compiles them (with the escaping pragma in front).
    func both(_ sources: [String: String], _ context: [String: Any], template: String = "main") throws -> (library: String, compiled: String) {
        var templates: [String: MustacheTemplate] = [:]
        for (name, text) in sources { templates[name] = try MustacheTemplate(string: HTMLEscaping.pragma + text) }
        let compiled = try #require(CompiledTemplates(templates), "the templates should compile")
        return (MustacheLibrary(templates: templates).render(context, withTemplate: template) ?? "<none>",
                compiled.render(context, withTemplate: template) ?? "<none>")
    }

    static var context: [String: Any] { [
        "text": "Fish & <chips> \"quoted\" 'single'",
        "number": 42,
        "zero": 0,
        "yes": true,
        "no": false,
        "empty": "",
        "map": ["inner": ["deep": "found"], "name": "map name"],
        "list": [["name": "one"], ["name": "two"], ["name": "three"]] as [[String: Any]],
        "strings": ["a", "b"],
        "none": [[String: Any]](),
        "outer": "from the root",
    ] }

    static let cases: [(String, [String: String])] = [
        ("variables and escaping", ["main": "{{text}}|{{{text}}}|{{& text}}|{{number}}|{{yes}}|{{missing}}|{{empty}}.\n"]),
        ("dotted names", ["main": "{{map.inner.deep}} {{map.missing.deep}} {{#map}}{{inner.deep}} {{name}} {{outer}}{{/map}} {{.map.name}}\n"]),
        ("sections of every kind", ["main": """
            {{#yes}}yes{{/yes}}{{#no}}no{{/no}}{{#number}}n={{.}}{{/number}}{{#zero}}z{{/zero}}{{#empty}}e{{/empty}}
            {{#missing}}m{{/missing}}{{#none}}none{{/none}}{{#strings}}<{{.}}>{{/strings}}{{#text}}{{.}}{{/text}}
            {{^yes}}!yes{{/yes}}{{^no}}!no{{/no}}{{^missing}}!missing{{/missing}}{{^none}}!none{{/none}}{{^list}}!list{{/list}}{{^number}}!n{{/number}}

            """]),
        ("lists and the stack", ["main": "{{#list}}\n  - {{name}} ({{outer}})\n{{/list}}\n{{#list}}{{#first()}}[{{/first()}}{{name}}{{^last()}}, {{/last()}}{{#last()}}]{{/last()}}{{index()}}{{/list}}\n"]),
        ("transforms", ["main": "{{^empty(list)}}has {{count(list)}}{{/empty(list)}} {{#first(list)}}{{name}}{{/first(list)}} {{#last(list)}}{{name}}{{/last(list)}} {{#empty(none)}}empty{{/empty(none)}} {{plusone(number)}} {{#equalzero(zero)}}zero{{/equalzero(zero)}} {{lowercased(text)}} {{uppercased(outer)}} {{count(map)}}\n"]),
        ("standalone lines", ["main": "<ul>\n  {{#list}}\n  <li>{{name}}</li>\n  {{/list}}\n  {{! a comment }}\n</ul>\n"]),
        ("partials with indentation", ["main": "<ul>\n  {{>item}}\n  {{#list}}\n    {{>item}}\n  {{/list}}\n</ul>\n", "item": "<li>\n{{name}}\n</li>\n"]),
        ("inheritance", [
            "main": "{{<base}}\n{{$title}}Child: {{outer}}{{/title}}\n{{$body}}\n  {{#list}}{{>item}}{{/list}}\n{{/body}}\n{{/base}}\n",
            "base": "<title>{{$title}}Default{{/title}}</title>\n<main>\n  {{$body}}nothing{{/body}}\n  {{$footer}}Footer {{text}}{{/footer}}\n</main>\n",
            "item": "<b>{{name}}</b>",
        ]),
        ("nested inheritance: the outermost override wins", [
            "main": "{{<middle}}{{$title}}From main{{/title}}{{/middle}}",
            "middle": "{{<base}}{{$title}}From middle{{/title}}{{$body}}Body of middle{{/body}}{{/base}}",
            "base": "<h1>{{$title}}Base{{/title}}</h1><p>{{$body}}Base body{{/body}}</p>",
        ]),
        ("set delimiters", ["main": "{{=<% %>=}}<% text %> <%={{ }}=%>{{outer}}\n"]),
        ("plain text", ["main": "{{%CONTENT_TYPE:TEXT}}\n{{text}}\n"]),
    ]

    @Test(arguments: cases.indices)
    func rendersAsSwiftMustacheDoes(index: Int) throws {
        let (name, sources) = Self.cases[index]
        let (library, compiled) = try both(sources, Self.context)
        #expect(compiled == library, "\(name)")
        #expect(!compiled.isEmpty)
    }

    @Test func escapesTheFiveCharacters() throws {
        let (library, compiled) = try both(["main": "{{text}}"], Self.context)
        #expect(compiled == "Fish &amp; &lt;chips&gt; &quot;quoted&quot; &#39;single&#39;")
        #expect(library == compiled)
    }

    @Test func whatItDoesNotDoIsLeftToTheLibrary() throws {
        // `capitalized` is a swift-mustache transform this renderer does not implement.
        let template = try MustacheTemplate(string: "{{capitalized(text)}}")
        #expect(CompiledTemplates(["main": template]) == nil)
    }

    @Test func theDefaultThemeCompiles() throws {
        guard case .success(let theme) = Theme.load(from: repositoryRoot) else {
            Issue.record("the repository's theme does not load")
            return
        }
        #expect(CompiledTemplates(theme.templates) != nil)
    }

    /// Whole sites, every page: the sample site and the incremental tests' site.
    @Test func sitesRenderTheSameThroughBoth() throws {
        let generated = try IncrementalBuildTests.makeSite()
        defer { generated.remove() }
        for root in [repositoryRoot, generated.root] {
            var options = BuildOptions(now: testNow)
            let compiled = MemorySink(), library = MemorySink()
            _ = try Builder.build(root: root, into: compiled, options: options)
            options.libraryRendering = true
            _ = try Builder.build(root: root, into: library, options: options)
            #expect(compiled.files.count == library.files.count)
            let differing = library.files.keys.filter { compiled.files[$0] != library.files[$0] }.sorted()
            #expect(differing.isEmpty, "\(root.lastPathComponent): \(differing)")
        }
    }
}
