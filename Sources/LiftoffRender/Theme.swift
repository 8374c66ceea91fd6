import Foundation
import Mustache
import LiftoffModel
import LiftoffSource

/// The theme: compiled Mustache templates and the static assets (CSS, JS, icons).
public struct Theme: Sendable {
    public var templates: [String: MustacheTemplate]
    /// Template name → its source text, to check partial references.
    package var templateTexts: [String: String]
    /// Files under `theme/assets/`, relative to that folder, with their bytes.
    public var assets: [(name: String, data: [UInt8])]
    /// Stamps of every theme file, relative to the site root, taken before reading.
    public var stamps: [String: FileStamp] = [:]
    /// Component schemas' texts (`components/compare.yml` → YAML), which page keys include.
    package var schemaTexts: [String: String] = [:]
    /// The components writers may place (`{name}` fenced blocks).
    public var components = ComponentCatalog()
    /// The text of each strings file, theme's and site's: `theme/i18n/fr.yml`, `i18n/fr.yml` → YAML
    /// (read here, parsed only for the languages a site has: `ThemeStrings.read`).
    package var strings: [String: String] = [:]

    /// The templates every site needs.
    static let required = [
        "base", "article", "home", "list", "tags", "404",
        "components/tldr", "components/table", "components/faq", "components/sources", "components/countdown",
    ]

    /// Reads `theme/templates/**/*.mustache` and `theme/assets/**` below `root` (through `folder`, the root held open).
    public static func load(from root: URL, folder: SiteFolder? = nil) -> Result<Theme, BuildFailure> {
        guard let folder = folder ?? SiteFolder(root: root.path) else {
            return .failure(BuildFailure(.error(root.path, 0, "no such folder; pass the site root with --source")))
        }
        var theme = Theme(templates: [:], templateTexts: [:], assets: [])
        var problems: [Diagnostic] = []
        let listing = FileTree.listing(under: root.appendingPathComponent("theme").path, inside: folder.path)
        for problem in listing.problems {
            problems.append(.error("theme/" + problem.path, 0, problem.message))
        }
        for entry in listing.entries {
            theme.stamps["theme/" + entry.path] = entry.stamp
        }
        let themeFiles = listing.entries.map(\.path)
        for path in paths(themeFiles, under: "templates") where path.hasSuffix(".mustache") {
            let name = String(path.dropLast(".mustache".count))
            let display = "theme/templates/\(path)"
            guard let text = readText(folder, "theme/templates/\(path)", "template", &problems) else { continue }
            do {
                theme.templates[name] = try MustacheTemplate(string: HTMLEscaping.pragma + text)
                theme.templateTexts[name] = text
            } catch let error as MustacheTemplate.ParserError {
                theme.templateTexts[name] = ""  // exists, but broken: reported here, not as missing
                problems.append(.error(display, error.context.lineNumber - HTMLEscaping.pragmaLines, "template syntax error: \(describe(error.error))"))
            } catch {
                theme.templateTexts[name] = ""
                problems.append(.error(display, 0, "template syntax error: \(error)"))
            }
        }
        for path in paths(themeFiles, under: "templates") where path.hasPrefix(ComponentCatalog.folder) && path.hasSuffix(".yml") {
            theme.schemaTexts[path] = readText(folder, "theme/templates/\(path)", "component schema", &problems)
        }
        // Strings: the theme's `i18n/`, then the site's own (`i18n/` at its root), which add or override words.
        let siteStrings = FileTree.listing(under: root.appendingPathComponent("i18n").path, inside: folder.path)
        for problem in siteStrings.problems {
            problems.append(.error("i18n/" + problem.path, 0, problem.message))
        }
        for entry in siteStrings.entries {
            theme.stamps["i18n/" + entry.path] = entry.stamp
        }
        let stringFiles = paths(themeFiles, under: "i18n").map { "theme/i18n/" + $0 } + siteStrings.entries.map { "i18n/" + $0.path }
        for path in stringFiles where path.hasSuffix(".yml") && !path.dropFirst(path.hasPrefix("theme/") ? 11 : 5).contains("/") {
            guard let text = readText(folder, path, "strings file", &problems) else { continue }
            theme.strings[path] = text
        }
        let (catalog, schemaProblems) = ComponentCatalog.load(
            schemaTexts: theme.schemaTexts, templates: Set(theme.templateTexts.keys), assets: Set(paths(themeFiles, under: "assets")))
        theme.components = catalog
        problems += schemaProblems
        for name in required where theme.templateTexts[name] == nil {
            problems.append(.error("theme/templates/\(name).mustache", 0, "missing template '\(name)': the theme must provide it"))
        }
        problems += theme.missingPartials()
        for path in paths(themeFiles, under: "assets") {
            do {
                theme.assets.append((path, try folder.read("theme/assets/" + path)))
            } catch {
                problems.append(.error("theme/assets/" + path, 0, error.description))
            }
        }
        return problems.isEmpty ? .success(theme) : .failure(BuildFailure(problems))
    }

    /// A theme file's text, or nil with a problem when it is not UTF-8.
    private static func readText(_ folder: SiteFolder, _ display: String, _ what: String, _ problems: inout [Diagnostic]) -> String? {
        let data: [UInt8]
        do {
            data = try folder.read(display)
        } catch {
            problems.append(.error(display, 0, error.description))
            return nil
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            problems.append(.error(display, 0, "\(what) cannot be read as UTF-8 text"))
            return nil
        }
        return text
    }

    public var library: MustacheLibrary { MustacheLibrary(templates: templates) }

    /// `{{> name}}` and `{{< name}}` references to templates that do not exist.
    /// (swift-mustache renders a missing partial as nothing; a theme author wants to know.)
    func missingPartials() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for (name, text) in templateTexts.sorted(by: { $0.key < $1.key }) {
            var line = 1
            var rest = text[...]
            while let open = rest.range(of: "{{") {
                line += rest[..<open.lowerBound].filter { $0 == "\n" }.count
                rest = rest[open.upperBound...]
                guard let first = rest.first, first == ">" || first == "<" else { continue }
                guard let close = rest.range(of: "}}") else { break }
                let partial = rest[rest.index(after: rest.startIndex)..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                if !partial.hasPrefix("*"), templateTexts[partial] == nil {
                    problems.append(.error("theme/templates/\(name).mustache", line, "template '\(name)' uses missing template '\(partial)'"))
                }
            }
        }
        return problems
    }

    private static func describe(_ error: any Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: return "a section is closed with the wrong name"
        case .unfinishedName?: return "a tag is not closed with }}"
        case .expectedSectionEnd?: return "a section is never closed ({{/name}} is missing)"
        case .invalidSetDelimiter?: return "invalid set-delimiter tag"
        default: return "\(error)"
        }
    }

    /// The paths below `folder` of the theme, relative to it.
    private static func paths(_ paths: [String], under folder: String) -> [String] {
        paths.filter { $0.hasPrefix(folder + "/") }.map { String($0.dropFirst(folder.count + 1)) }
    }

    /// Regular files below `url`, relative to it, sorted.
    static func files(under url: URL) -> [String] {
        FileTree.files(under: url.path).map(\.path)
    }
}
