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
        // Nothing here publishes badly: hints are YAML and HTML comments, which never reach a page.
        let text = """
            ---
            title: "\(quoted)"
            date: \(date)
            draft: true  # false (or remove this line) publishes the article
            # description: One line for lists, the feed and link previews (default: the TL;DR).
            # tags: [launch-prep]
            # image: hero.jpg  # a hero image next to this file, shown first and when the link is shared
            # image_alt: What the hero image shows
            ---

            <!-- Begin with "TL;DR: " and one or two sentences a busy reader can act on. -->

            <!-- End with "## Sources" and a list of links to where each claim comes from. -->

            """
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        print("Created content/\(slug).md (a draft: preview it with `make serve` or build with --drafts; set `draft: false` to publish).")
    }
}
