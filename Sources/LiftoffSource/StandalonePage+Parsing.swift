import Yams
import LiftoffModel

extension StandalonePage {
    /// Reads a page's front matter: `title:` required, no date.
    package static func parse(data: [UInt8], path: String) -> Result<StandalonePage, BuildFailure> {
        let split: FrontMatterSplit, node: Node
        switch FrontMatterParser.frontMatter(data: data, path: path, empty: "add `title:`") {
        case .failure(let failure): return .failure(failure)
        case .success(let value): (split, node) = value
        }
        var fields = YAMLFields(node, known: keys, path: path, lineOffset: 1, what: "front matter")
        let title = fields.string("title") ?? ""
        if title.trimmingSpaces.isEmpty { fields.fail("title", fields.has("title") ? "'title' is empty" : "missing key 'title'") }
        var slug = Slug.make(FrontMatterParser.fileStem(path))
        if let custom = fields.string("slug") {
            if let problem = Slug.problem(custom) { fields.fail("slug", "slug '\(custom)' \(problem)") }
            slug = custom
        }
        if StandalonePage.reserved.contains(slug) {
            fields.fail(fields.has("slug") ? "slug" : "title",
                "the page's address /\(slug)/ is one Liftoff makes; name the file (or `slug:`) otherwise")
        }
        let page = StandalonePage(
            path: path, slug: slug, title: title,
            description: fields.string("description").flatMap { $0.trimmingSpaces.isEmpty ? nil : $0 },
            updated: fields.timestamp("updated"), draft: fields.bool("draft") ?? false, toc: fields.bool("toc"),
            body: split.body, bodyLine: split.bodyLine, slugLine: fields.has("slug") ? fields.line(of: "slug") : 1)
        return fields.diagnostics.isEmpty ? .success(page) : .failure(BuildFailure(fields.diagnostics))
    }
}
