import LiftoffModel
import LiftoffMarkdown
import LiftoffMedia
import LiftoffHighlight
import LiftoffRender

/// Launches: what articles follow, checked and handed to them.
extension Builder {
    /// Puts the launches on the site and checks each article's `launch:`; an article that follows
    /// a launch with an exact date, and has no `countdown:` of its own, counts down to it.
    static func followLaunches(_ site: inout Site, launches: [String: Launch], problems: inout [Diagnostic]) {
        site.launches = launches
        var keys: NameIndex?
        if let key = site.config.countdownLaunch {
            if let launch = launches[key] {
                site.config.countdown = launch.countdown
            } else {
                var message = "site.yml: countdown: no launch '\(key)' (a file content/launches/\(key).md)"
                keys = NameIndex(launches.keys.sorted())
                if let guess = keys?.closest(to: key) { message += "; did you mean '\(guess)'?" }
                problems.append(.error("site.yml", site.config.countdownLaunchLine, message))
            }
        }
        for position in site.articles.indices {
            guard let key = site.articles[position].launch else { continue }
            guard let launch = launches[key] else {
                let article = site.articles[position]
                var message = "launch: no launch '\(key)' (a file content/launches/\(key).md)"
                if keys == nil { keys = NameIndex(launches.keys.sorted()) }
                if let guess = keys?.closest(to: key) { message += "; did you mean '\(guess)'?" }
                problems.append(.error(article.path, article.launchLine, message))
                continue
            }
            if site.articles[position].countdown == nil { site.articles[position].countdown = launch.countdown }
        }
    }

    /// One line of Markdown (a history note, an update's note) as inline HTML, its links resolved
    /// as `page`'s; its problems go to `outcome`.
    static func noteHTML(
        _ note: String, line: Int, of page: Article, folder: String, links: LinkResolver, markdown: MarkdownRenderer, outcome: inout PageOutcome
    ) -> String {
        let (blocks, problems, _) = markdown.blocks(note, lineOffset: line - 1) { link in
            links.rewrite(link.url, isImage: link.isImage, in: page, folder: folder).0
        }
        outcome.report.errors += problems.map { .error(page.path, $0.line, $0.message) }
        let html = blocks.map(\.html).joined()
        return html.hasPrefix("<p>") && html.hasSuffix("</p>\n") && blocks.count == 1 ? String(html.dropFirst(3).dropLast(5)) : html
    }

    /// `launches/<key>/index.html`: its Markdown through the same links, images and components as an
    /// article's; each history note as one line of Markdown. Rendered on every build (sites have few).
    static func renderLaunch(
        _ launch: Launch, site: Site, links: LinkResolver, images: ImagePipeline, highlighter: Highlighter,
        markdown: MarkdownRenderer, renderer: PageRenderer, sink: any PageSink
    ) -> PageOutcome {
        var outcome = PageOutcome()
        let page = Article(
            path: launch.path, slug: launch.key, title: launch.name, description: nil, date: Timestamp(seconds: 0), updated: nil, tags: [],
            related: [], relatedLine: 1, countdown: nil, draft: false, extra: nil, body: launch.body, bodyLine: launch.bodyLine)
        let (_, body) = self.body(
            of: page, folder: launch.folder, site: site, links: links, images: images, highlighter: highlighter,
            markdown: markdown, components: renderer.components, outcome: &outcome)
        // A note a translation keeps from its original is written in, and links from, the original's file.
        let notes = launch.history.map { change -> String in
            var source = page
            if !change.path.isEmpty { source.path = change.path }
            return noteHTML(change.note, line: change.line, of: source, folder: launch.folder, links: links, markdown: markdown, outcome: &outcome)
        }
        guard outcome.report.errors.isEmpty else { return outcome }
        do {
            try write(renderer.launchPage(launch, body: body, notes: notes), to: launch.folder + "index.html", sink)
            try write(LaunchFiles.status(launch, site: site), to: launch.folder + "status.json", sink)
            try write(LaunchFiles.feed(launch, site: site, notes: notes), to: launch.folder + "feed.xml", sink)
        } catch {
            outcome.report.errors.append(.error(launch.path, 0, "cannot write its page: \(error)"))
        }
        return outcome
    }
}
