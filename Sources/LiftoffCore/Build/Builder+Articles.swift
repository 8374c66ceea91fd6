import Foundation
import LiftoffModel
import LiftoffMarkdown
import LiftoffMedia
import LiftoffHighlight
import LiftoffSearch
import LiftoffRender
import LiftoffSource

/// One article's page: rendered, or carried over from the previous build.
extension Builder {
    /// The outcome of an article whose page is carried over, or nil when its links now resolve
    /// differently (or the old page is gone) and it must be rendered.
    /// - Parameter sameLinkWorld: whether links to Markdown files resolve from what they did in the
    ///   last build (then a page whose links all lead to pages needs none resolved again).
    static func carryOver(
        _ page: BuildCache.Page, hasTerms: Bool, sameLinkWorld: Bool, position: Int, site: Site, links: LinkResolver, images: ImagePipeline,
        share: ShareImages, sink: any PageSink
    ) -> PageOutcome? {
        guard page.bodyValidUntil > links.site.now.seconds else { return nil }
        let article = site.articles[position], path = site.pagePath(of: article)
        var outcome = PageOutcome()
        if site.config.search {
            // Its terms stay in the search cache, its text file comes from the last output.
            guard hasTerms, sink.reuse(SearchDocument.textPath(ofPage: path)) else { return nil }
        }
        if !(sameLinkWorld && page.linksAlone) {
            var hasher = StableHasher()
            var shown = share.heroes[position] == nil ? 0 : 1
            for use in page.links {
                let link = MarkdownLink(url: use.url, isImage: use.isImage, line: 0, alt: "")
                let (rewrite, asset) = resolve(link, in: article, links: links, images: images, outcome: &outcome, shown: &shown)
                hasher.combine(rewrite, asset)
            }
            guard hasher.finalize() == page.linkKey else { return nil }
        }
        guard sink.reuse(path) else { return nil }
        if article.live != nil, !sink.reuse(article.folder + LiveCoverage.dataFile) { return nil }
        addShareImages(position, article: article, share: share, outcome: &outcome)
        outcome.report.warnings = page.warnings.map { .warning(article.path, $0.line, $0.message) }
        outcome.page.validUntil = page.bodyValidUntil
        outcome.page.cached = page
        outcome.page.rendered = false
        return outcome
    }

    /// - Parameter terms: the last build's search terms; a page rendered again with the same key
    ///   (the feed's articles are, on every build) keeps its terms and its text file.
    static func renderArticle(
        _ position: Int, article: Article? = nil, key: Digest, site: Site, links: LinkResolver, images: ImagePipeline, share: ShareImages,
        highlighter: Highlighter, markdown: MarkdownRenderer, renderer: PageRenderer, terms: SearchTerms?, sink: any PageSink
    ) -> PageOutcome {
        let article = article ?? site.articles[position]
        var outcome = PageOutcome()
        var uses: [BuildCache.LinkUse] = []
        var linkHasher = StableHasher()
        var linksAlone = true
        // A hero is the article's first image: the body's are all lazy.
        let (blocks, body) = self.body(
            of: article, site: site, links: links, images: images, highlighter: highlighter, markdown: markdown,
            components: renderer.components, firstImage: share.heroes[position] == nil, outcome: &outcome
        ) { link, rewrite, asset in
            uses.append(BuildCache.LinkUse(url: link.url, isImage: link.isImage))
            linkHasher.combine(rewrite, asset)
            if asset != nil || link.isImage { linksAlone = false }
        }
        if blocks.isEmpty {
            outcome.report.warnings.append(.warning(article.path, article.bodyLine - 1, "the article has no text after its front matter"))
        } else if article.description == nil, body.tldr == nil {
            outcome.report.warnings.append(.warning(article.path, 1,
                "no description: add `description:` or a `TL;DR:` paragraph (lists, the feed and link previews show it)"))
        }
        guard outcome.report.errors.isEmpty else { return outcome }
        addShareImages(position, article: article, share: share, outcome: &outcome)
        do {
            let images = outcome.files.pictures.map { picture, alt in picture.context.merging(["alt": alt]) { $1 } }
            let updates = article.updates.map {
                noteHTML($0.note, line: $0.line, of: article, folder: article.folder, links: links, markdown: markdown, outcome: &outcome)
            }
            let (page, content, live) = renderer.article(position, body: body, images: images, updates: updates)
            try write(page, to: site.pagePath(of: article), sink)
            if let live { try sink.write(live, to: article.folder + LiveCoverage.dataFile) }
            if site.config.search {
                let path = site.pagePath(of: article)
                if let kept = terms?.document(path, key: key), sink.reuse(SearchDocument.textPath(ofPage: path)) {
                    outcome.search = kept
                } else {
                    // Its authors' names count as its tags do: a reader may look for who wrote it.
                    let names = article.authors.compactMap { site.config.authors[$0]?.name }
                    outcome.search = try indexed(
                        title: article.title, tags: article.tags + names, description: renderer.description(of: article, body: body),
                        written: article.description != nil, blocks: blocks, body: body, page: path, language: site.config.language,
                        sink: sink)
                }
            }
            outcome.page.cached = BuildCache.Page(
                key: key, links: uses, linkKey: linkHasher.finalize(), linksAlone: linksAlone,
                warnings: outcome.report.warnings.map { BuildCache.Warning(line: $0.line, message: $0.message) },
                bodyValidUntil: body.validUntil)
            if position < AtomFeed.limit {
                outcome.page.feedContent = content
                outcome.page.description = renderer.description(of: article, body: body)
            }
        } catch {
            outcome.report.errors.append(.error(article.path, 0, "cannot write its page: \(error)"))
        }
        return outcome
    }

    /// An article whose front matter came from the last build's state, with its body read now.
    static func readBody(of article: Article, folder: SiteFolder) -> Result<Article, Diagnostic> {
        let data: [UInt8]
        do { data = try folder.read(article.path) } catch { return .failure(.error(article.path, 0, error.description)) }
        switch FrontMatterParser.split(data: data, path: article.path) {
        case .failure(let failure): return .failure(failure.diagnostics.first ?? .error(article.path, 0, "cannot be read"))
        case .success(let split):
            var article = article
            (article.body, article.bodyLine, article.bodyUnread) = (split.body, split.bodyLine, false)
            return .success(article)
        }
    }

    /// An article's (or a page's) Markdown: each link and image through `resolve` (then `observe`),
    /// code highlighted, the blocks grouped into components; problems are added to `outcome`.
    /// - Parameter firstImage: whether the body's first image is the page's first (fetched at once).
    static func body(
        of article: Article, folder: String? = nil, site: Site, links: LinkResolver, images: ImagePipeline, highlighter: Highlighter,
        markdown: MarkdownRenderer, components: ComponentCatalog, firstImage: Bool = true, outcome: inout PageOutcome,
        observe: (MarkdownLink, LinkRewrite, (source: String, target: String)?) -> Void = { _, _, _ in }
    ) -> (blocks: [MarkdownBlock], body: ArticleBody) {
        var shown = firstImage ? 0 : 1
        let (parsed, linkProblems, markdownWarnings) = markdown.blocks(article.body, lineOffset: article.bodyLine - 1) { link in
            let (rewrite, asset) = resolve(link, in: article, folder: folder, links: links, images: images, outcome: &outcome, shown: &shown)
            observe(link, rewrite, asset)
            return rewrite
        }
        outcome.report.errors += linkProblems.map { .error(article.path, $0.line, $0.message) }
        outcome.report.warnings += markdownWarnings.map { .warning(article.path, $0.line, $0.message) }
        // Most articles hold no code: their blocks are not copied.
        let hasCode = parsed.contains { if case .code = $0.kind { true } else { false } }
        let blocks = hasCode ? parsed.map { highlighted($0, highlighter: highlighter, path: article.path, warnings: &outcome.report.warnings) } : parsed
        let body = ArticleBody(blocks: blocks, path: article.path, now: site.now, words: site.strings, live: article.live) { block in
            // A component's images and links resolve as the Markdown's do (and are remembered with them).
            components.place(block, path: article.path, markdown: markdown, language: site.strings.language) { link in
                let (rewrite, asset) = resolve(link, in: article, folder: folder, links: links, images: images, outcome: &outcome, shown: &shown)
                observe(link, rewrite, asset)
                return rewrite
            }
        }
        outcome.report.errors += body.errors
        outcome.report.warnings += body.warnings
        outcome.page.validUntil = body.validUntil
        return (blocks, body)
    }

    /// A code block: reachable from the keyboard (a long line scrolls it sideways), and with a
    /// language, its code coloured by the highlighter (else as cmark-gfm wrote it).
    static func highlighted(_ block: MarkdownBlock, highlighter: Highlighter, path: String, warnings: inout [Diagnostic]) -> MarkdownBlock {
        guard case .code(let info) = block.kind, !Highlighter.isComponent(info), block.html.hasPrefix("<pre><code"),
              let open = block.html.firstIndex(of: ">").flatMap({ block.html[block.html.index(after: $0)...].firstIndex(of: ">") })
        else { return block }
        var block = block
        let codeTag = block.html[block.html.index(block.html.startIndex, offsetBy: 5)...open]
        guard highlighter.enabled, let language = Highlighter.language(of: info) else {
            block.html = "<pre tabindex=\"0\">" + block.html.dropFirst(5)
            return block
        }
        switch highlighter.highlight(block.literal, language: language) {
        case .highlighted(let spans):
            block.html = "<pre class=\"highlight\" tabindex=\"0\">" + codeTag + spans + "</code></pre>\n"
        case .plain(let warning):
            if let warning { warnings.append(.warning(path, block.line, warning)) }
            block.html = "<pre tabindex=\"0\">" + block.html.dropFirst(5)
        }
        return block
    }

    /// The hero's files (and where it is used, for encoding errors) and the share image's file.
    static func addShareImages(_ position: Int, article: Article, share: ShareImages, outcome: inout PageOutcome) {
        if let hero = share.heroes[position], let field = article.image {
            outcome.files.images += hero.published.files
            if let original = hero.published.original { outcome.files.assets.append(original) }
            outcome.files.imageUses.append((hero.source, field.line, field.path))
        }
        if let image = share.image(forArticle: position) { outcome.files.images.append(image.file) }
    }

    /// One link or image of an article: destinations through `LinkResolver`; an image under
    /// content/ through `ImagePipeline` (resized, converted, with its size), other files copied.
    /// `shown` counts the article's images so far: the first one is not lazy.
    static func resolve(
        _ link: MarkdownLink, in article: Article, folder: String? = nil, links: LinkResolver, images: ImagePipeline,
        outcome: inout PageOutcome, shown: inout Int
    ) -> (LinkRewrite, asset: (source: String, target: String)?) {
        let (rewrite, asset) = links.rewrite(link.url, isImage: link.isImage, in: article, folder: folder)
        guard let asset else { return (rewrite, nil) }
        guard link.isImage, ImagePipeline.handles(asset.source) else {
            outcome.files.assets.append((asset.source, asset.target))
            return (rewrite, asset)
        }
        shown += 1
        let name = "image '\(link.url)'"
        switch images.publish(asset.source, at: asset.target, eager: shown == 1) {
        case .failure(let error):
            return (.error("\(name): \(error.message)"), asset)
        case .success(let published):
            outcome.files.images += published.files
            if let original = published.original { outcome.files.assets.append(original) }
            outcome.files.pictures.append((published.picture, link.alt))
            outcome.files.imageUses.append((asset.source, link.line, link.url))
            outcome.report.warnings += published.warnings.map { .warning(article.path, link.line, "\(name): \($0)") }
            if link.alt.isEmpty, link.line > 0 {
                let advice = link.altKey.map { "in `\($0):`" } ?? "between the brackets, ![what it shows](\(link.url))"
                outcome.report.warnings.append(.warning(article.path, link.line, "\(name) has no alt text: say what it shows \(advice)"))
            }
            return (.picture(published.picture), asset)
        }
    }
}
