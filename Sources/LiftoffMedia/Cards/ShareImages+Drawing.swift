import Foundation
import LiftoffModel

extension ShareImages {
    /// Where an article's `image:` leads: the file under content/ and where it is published, or
    /// why it leads nowhere (the build resolves it as it resolves the article's Markdown images).
    package typealias HeroLocator = @Sendable (_ path: String, _ article: Article) -> (problem: String?, asset: (source: String, target: String)?)

    /// Reads every article's `image:` through the images pipeline (its header; nothing is decoded
    /// here) and returns the problems, each at its `image:` line.
    package func prepareHeroes(locate: HeroLocator) -> [Diagnostic] {
        let positions = site.articles.indices.filter { site.articles[$0].image != nil }
        let results = parallelMap(positions.count) { index in hero(positions[index], locate: locate) }
        var problems: [Diagnostic] = []
        for (position, (hero, diagnostics)) in zip(positions, results) {
            if let hero { heroes[position] = hero }
            problems += diagnostics
        }
        return problems
    }

    private func hero(_ position: Int, locate: HeroLocator) -> (Hero?, [Diagnostic]) {
        let article = site.articles[position]
        guard let field = article.image else { return (nil, []) }
        let name = "image '\(field.path)'"
        func error(_ message: String) -> (Hero?, [Diagnostic]) { (nil, [.error(article.path, field.line, message)]) }
        let (problem, asset) = locate(field.path, article)
        if let problem { return error("image: \(problem)") }
        guard let asset, ImagePipeline.handles(asset.source) else {
            return error("\(name): the hero must be an image file under content/ (JPEG, PNG, WebP, GIF, AVIF or SVG), named from the article's folder")
        }
        let published: ImagePipeline.Published
        switch images.publish(asset.source, at: asset.target, eager: true) {
        case .failure(let failure): return error("\(name): \(failure.message)")
        case .success(let value): published = value
        }
        var warnings = published.warnings.map { Diagnostic.warning(article.path, field.line, "\(name): \($0)") }
        if field.alt.isEmpty {
            warnings.append(.warning(article.path, field.line, "\(name) has no alt text: add `image_alt:` saying what it shows"))
        }
        var share: Image?
        if published.original == nil, !article.sharesCard, case .success(let source) = images.processedSource(asset.source) {
            let (width, height) = (source.header.width, source.header.height)
            if width < Self.minimumSize.width || height < Self.minimumSize.height {
                warnings.append(.warning(article.path, field.line,
                    "\(name) is \(width) × \(height) pixels, too small to share (at least \(Self.minimumSize.width) × \(Self.minimumSize.height)); the article's card is shared instead"))
            } else {
                share = crop(source, asset: asset, alt: field.alt.isEmpty ? article.title : field.alt, focus: field.focus, at: (article.path, field.line, field.path))
            }
        }
        var hasher = StableHasher()
        hasher.combine(3)  // as a link rewritten to this picture, with its file
        hasher.combine(published.picture)
        hasher.combine(asset.source)
        hasher.combine(asset.target)
        hasher.combine(field.alt)
        hasher.combine(share?.url ?? "\u{0}")
        let hero = Hero(source: asset.source, published: published, alt: field.alt, line: field.line, share: share, identity: hasher.finalize())
        return (hero, warnings)
    }

    /// The hero cropped to the share size around its centre, as a JPEG beside the page.
    private func crop(
        _ source: ImagePipeline.Processed, asset: (source: String, target: String), alt: String, focus: Article.Focus?,
        at use: (path: String, line: Int, name: String)
    ) -> Image {
        var hasher = StableHasher()
        hasher.combine("share-crop")
        hasher.combine(source.key)
        hasher.combine(ShareCard.width)
        hasher.combine(ShareCard.height)
        hasher.combine(ShareCard.drawingVersion)
        if let focus {
            hasher.combine("focus")
            hasher.combine(Int(focus.x * 10_000))
            hasher.combine(Int(focus.y * 10_000))
        }
        let key = hasher.finalize()
        let file = images.cache.path(key.description, width: ShareCard.width, format: .jpeg)
        let size = (width: source.header.width, height: source.header.height)
        if !images.useCached(key, file: file) {
            enqueue(key, .crop(source: asset.source, path: use.path, line: use.line, name: use.name, focus: focus, size: size))
        }
        let target = ImagePipeline.variantPrefix(asset.target, key: key.description) + "share.jpg"
        return Image(url: site.absolute(site.config.basePath + target), alt: alt, type: "image/jpeg", file: (file, target))
    }

    /// Draws every card and crop the cache lacks, on all cores; problems name the page's file.
    package func drawMissing() -> [Diagnostic] {
        let jobs = takePending()
        guard !jobs.isEmpty else { return [] }
        // The logo is decoded once, before any card: a broken one is site.yml's problem, not each card's.
        var decodedLogo: Vips.Logo?
        if let logo, jobs.contains(where: { if case .card = $0.1 { true } else { false } }) {
            do {
                decodedLogo = try images.opened(logo.path) { descriptor throws(ImageError) in
                    try Vips.Logo(descriptor: descriptor, height: ShareCard.logoHeight, background: settings.background)
                }
            } catch {
                return [.error("site.yml", logo.line, "site.yml: cards: logo '\(logo.path)': \(error.message)")]
            }
        }
        images.cache.makeFolder()
        let logoImage = decodedLogo
        let failures = parallelMap(jobs.count) { index -> ImageError? in
            let (key, job) = jobs[index]
            let suffix = ".tmp-\(getpid())-\(index)"
            var file = ""
            do throws(ImageError) {
                switch job {
                case .card(let card, _):
                    file = images.cache.path(key.description, width: ShareCard.width, format: .png)
                    try card.draw(to: file + suffix, settings: settings, font: font, logo: logoImage)
                case .crop(let source, _, _, _, let focus, let size):
                    file = images.cache.path(key.description, width: ShareCard.width, format: .jpeg)
                    try images.opened(source) { descriptor throws(ImageError) in
                        if let focus {
                            try Vips.fill(descriptor, width: ShareCard.width, height: ShareCard.height, around: (focus.x, focus.y), size: size,
                                          destination: file + suffix, format: .jpeg, quality: images.settings.quality)
                        } else {
                            try Vips.fill(descriptor, width: ShareCard.width, height: ShareCard.height,
                                          destination: file + suffix, format: .jpeg, quality: images.settings.quality)
                        }
                    }
                }
                guard rename(file + suffix, file) == 0 else {
                    throw ImageError("cannot write into the image cache: \(String(cString: strerror(errno)))", aboutCache: true)
                }
                images.written(key)
                return nil
            } catch {
                unlink(file + suffix)
                return error
            }
        }
        var problems: [Diagnostic] = zip(jobs, failures).compactMap { job, failure in
            guard let failure, !failure.aboutCache else { return nil }
            switch job.1 {
            case .card(let card, let path): return .error(path, 1, "share card '\(ShareCard.shortened(card.title, to: 60))': \(failure.message)")
            case .crop(_, let path, let line, let name, _, _): return .error(path, line, "image '\(name)': \(failure.message)")
            }
        }
        if let problem = images.cache.problem(among: failures.compactMap { $0 }) { problems.append(problem) }
        return problems
    }
}
