import Foundation
import LiftoffModel
import LiftoffMarkdown
import LiftoffMedia
import LiftoffHighlight
import LiftoffRender

/// Standalone pages (`content/pages/about.md` → `/about/`) and the menu that links them.
extension Builder {
    /// The pages in slug order; two pages with one slug, and menu entries naming no page, are errors.
    static func checkPages(
        _ pages: [StandalonePage], drafts: [StandalonePage] = [], menu: [SiteConfig.MenuItem], problems: inout [Diagnostic]
    ) -> [StandalonePage] {
        var bySlug: [String: StandalonePage] = [:]
        for page in pages.sorted(by: { $0.path < $1.path }) {
            if let other = bySlug[page.slug] {
                problems.append(.error(page.path, page.slugLine, "the page's address /\(page.slug)/ is also \(other.path)'s; set a different `slug:`"))
            } else {
                bySlug[page.slug] = page
            }
        }
        for item in menu {
            guard let name = item.page, !pages.contains(where: { $0.isNamed(name) }) else { continue }
            if let draft = drafts.first(where: { $0.isNamed(name) }) {
                problems.append(.error("site.yml", item.line,
                    "site.yml: menu: page '\(name)' is a draft (\(draft.path)): publish it, or remove the entry until it is"))
                continue
            }
            var message = "site.yml: menu: no page '\(name)' (a file content/pages/\(name).md)"
            if let guess = closest(to: name, in: bySlug.keys.sorted()) { message += "; did you mean '\(guess)'?" }
            problems.append(.error("site.yml", item.line, message))
        }
        return bySlug.values.sorted { $0.slug < $1.slug }
    }

    /// One standalone page: its Markdown through the same links, images and components as an
    /// article's, rendered with the theme's `page` template. Rendered on every build (sites have few).
    static func renderPage(
        _ page: StandalonePage, site: Site, links: LinkResolver, images: ImagePipeline, highlighter: Highlighter,
        markdown: MarkdownRenderer, renderer: PageRenderer, sink: any PageSink
    ) -> PageOutcome {
        var outcome = PageOutcome()
        let (blocks, body) = self.body(
            of: page.asArticle, folder: page.folder, site: site, links: links, images: images, highlighter: highlighter,
            markdown: markdown, components: renderer.components, outcome: &outcome)
        guard outcome.report.errors.isEmpty else { return outcome }
        do {
            try write(renderer.standalone(page, body: body), to: page.outputPath, sink)
            if let image = renderer.shareImage(of: page) { outcome.files.images.append(image.file) }
            if site.config.search {
                outcome.search = try indexed(
                    title: page.title, description: page.description ?? body.tldr?.text ?? "", written: page.description != nil, blocks: blocks,
                    body: body, page: page.outputPath, language: site.config.language, sink: sink)
            }
        } catch {
            outcome.report.errors.append(.error(page.path, 0, "cannot write its page: \(error)"))
        }
        return outcome
    }

    /// Authors' avatars through the images pipeline: key → markup (96 px wide), files to publish, and
    /// where each source is named (for errors found when it is encoded).
    static func publishAvatars(
        config: SiteConfig, files: Set<String>, images: ImagePipeline, problems: inout [Diagnostic]
    ) -> (html: [String: String], files: [(String, String)], uses: [(String, Int)]) {
        var result: (html: [String: String], files: [(String, String)], uses: [(String, Int)]) = ([:], [], [])
        for author in config.authors.values.sorted(by: { $0.key < $1.key }) {
            guard let source = author.avatar else { continue }
            let what = "site.yml: authors: \(author.key): avatar '\(source)'"
            guard files.contains(source), ImagePipeline.handles(source) else {
                problems.append(.error("site.yml", author.avatarLine, "\(what) is not an image file under content/"))
                continue
            }
            let name = source.split(separator: "/").last.map(String.init) ?? source
            switch images.publish(source, at: "authors/\(author.key)/\(name)", eager: false) {
            case .failure(let error):
                problems.append(.error("site.yml", author.avatarLine, "\(what): \(error.message)"))
            case .success(let published):
                var picture = published.picture
                picture.sizes = "96px"
                result.html[author.key] = picture.html(alt: author.name)
                result.files += published.files
                if let original = published.original { result.files.append(original) }
                result.uses.append((source, author.avatarLine))
            }
        }
        return result
    }
}
