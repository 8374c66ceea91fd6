import Foundation
import Testing

/// THEME.md, the reference of the default theme's data, says exactly what each template reads.
@Suite struct ThemeReferenceTests {
    /// Template (relative to theme/templates) → the names THEME.md lists for it.
    static func documented() throws -> [String: [String]] {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("THEME.md"), encoding: .utf8)
        var result: [String: [String]] = [:]
        var current: String?
        for line in text.split(separator: "\n") {
            if line.hasPrefix("### `"), let name = line.dropFirst(5).split(separator: "`").first {
                current = String(name)
                result[String(name)] = []
            } else if let template = current, line.hasPrefix("- `"), let name = line.dropFirst(3).split(separator: "`").first {
                result[template, default: []].append(String(name))
            }
        }
        return result
    }

    /// The names a template reads, in order, once each: variables and sections, not partials,
    /// blocks, comments or pragmas.
    static func read(_ template: String) -> [String] {
        var names: [String] = []
        for match in template.matches(of: /\{\{([{&#^\/>!%$<]?)\s*([^}]*?)\s*\}?\}\}/) {
            let kind = match.output.1, name = String(match.output.2)
            guard !["!", "%", ">", "$", "<", "/"].contains(kind), !names.contains(name) else { continue }
            names.append(name)
        }
        return names
    }

    @Test func everyTemplateReadsExactlyTheNamesTheReferenceLists() throws {
        let documented = try Self.documented()
        let folder = repositoryRoot.appendingPathComponent("theme/templates")
        let templates = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }.sorted()
        #expect(Set(documented.keys) == Set(templates), "THEME.md's sections are the templates")
        for template in templates {
            let text = try String(contentsOf: folder.appendingPathComponent(template), encoding: .utf8)
            let read = Self.read(text), listed = documented[template] ?? []
            #expect(read.filter { !listed.contains($0) } == [], "\(template) reads names THEME.md does not list")
            #expect(listed.filter { !read.contains($0) } == [], "THEME.md lists names \(template) does not read")
        }
    }

    @Test func theReaderOfNamesSeesSectionsAndVariablesButNotPartialsOrComments() {
        #expect(Self.read("{{! a comment }}{{> partials/card}}{{#items}}{{name}}{{{html}}}{{/items}}{{^empty(tags)}}x{{/empty(tags)}}{{$content}}{{/content}}")
            == ["items", "name", "html", "empty(tags)"])
    }
}
