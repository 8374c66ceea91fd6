import ArgumentParser
import Foundation
import LiftoffCore

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Start a new article in content/.")

    @Argument(help: "The article's title.")
    var title: String

    @OptionGroup var site: SiteOptions

    @Option(help: "The article's date (ISO 8601); default SOURCE_DATE_EPOCH, else today.")
    var now: String?

    func run() throws {
        let slug = Slug.make(title)
        guard !slug.isEmpty else { throw ValidationError("the title needs at least one letter or digit") }
        let date = try buildNow(now).day
        let url = site.root.appendingPathComponent("content/\(slug).md")
        guard !FileManager.default.fileExists(atPath: url.path) else {
            throw BuildFailure(.error("content/\(slug).md", 0, "already exists; choose another title"))
        }
        let quoted = title.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        let text = """
            ---
            title: "\(quoted)"
            description: ""
            date: \(date)
            tags: []
            draft: true
            ---

            TL;DR: One or two sentences a busy reader can act on.

            ## What changed

            Write the article here.

            ## Sources

            - [Name of the source](https://example.com/)

            """
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        print("Created content/\(slug).md (a draft: preview it with `make serve` or build with --drafts; set `draft: false` to publish).")
    }
}
