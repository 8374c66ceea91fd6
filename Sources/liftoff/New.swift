import ArgumentParser
import Foundation
import LiftoffCore
import LiftoffModel

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Start a new article in content/.")

    @Argument(help: "The article's title.")
    var title: String

    @OptionGroup var site: SiteOptions

    @Option(help: "The article's date (ISO 8601); default SOURCE_DATE_EPOCH, else today.")
    var now: String?

    /// The longest slug `new` makes from a title: a readable address, well under a file name's limit.
    static let slugLength = 80

    func run() throws {
        let root = site.root
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("site.yml").path) else {
            throw BuildFailure(.error(root.path, 0, "not a Liftoff site (it has no site.yml); pass the site's folder with --source"))
        }
        if let control = title.forbiddenInXML {
            throw ValidationError("the title contains the control character U+\(String(format: "%04X", control.value)); remove it")
        }
        let slug = Slug.make(title, limit: Self.slugLength)
        guard !slug.isEmpty else { throw ValidationError("the title needs at least one letter or digit") }
        let date = try buildNow(now).day
        let url = root.appendingPathComponent("content/\(slug).md")
        guard !FileManager.default.fileExists(atPath: url.path) else {
            throw BuildFailure(.error("content/\(slug).md", 0, "already exists; choose another title"))
        }
        // Nothing here publishes badly: hints are YAML and HTML comments, which never reach a page.
        let text = """
            ---
            title: \(Self.doubleQuoted(title))
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

    /// `text` as a YAML double-quoted scalar that reads back as exactly `text`: quotes and
    /// backslashes escaped, and every line break or control character as an escape (a raw line
    /// break inside double quotes is folded into a space).
    static func doubleQuoted(_ text: String) -> String {
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": quoted += "\\\\"
            case "\"": quoted += "\\\""
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            case "\r": quoted += "\\r"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
                || scalar.value == 0xFEFF:
                quoted += String(format: "\\u%04X", scalar.value)
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }
}
