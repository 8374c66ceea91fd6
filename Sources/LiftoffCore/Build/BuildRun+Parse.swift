import Foundation
import LiftoffMedia
import LiftoffModel
import LiftoffSource

extension BuildRun {
    /// Settings, standalone pages and every article's front matter (Markdown comes once
    /// links can resolve). SVGs that could run code are refused here.
    func parse() {
        let (config, configProblems) = SiteConfigParser.read(sources.configText)
        self.config = config
        problems += configProblems
        if let baseURL = options.baseURL { self.config?.baseURL = SiteURLs.baseURL(baseURL) ?? baseURL }
        if let config, !config.markdown.unsafeHTML { problems += SVGSafety.problems(in: sources.files, folder: sources.folder) }
        // Standalone pages (`content/pages/`) are read apart: they have no date and no place in lists.
        let files = sources.markdown.filter { $0.kind == .article }
        let homes = config.map { LanguageHomes($0) } ?? .monolingual
        self.homes = homes
        let previous = previous
        readLaunches(homes: homes)
        for file in sources.markdown where file.kind == .page {
            switch StandalonePage.parse(data: file.data ?? [], path: file.path) {
            case .success(var page):
                page.home = homes.home(of: page.path)
                if options.drafts || !page.draft { standalone.append(page) } else { draftPages.append(page) }
            case .failure(let failure):
                problems += failure.diagnostics
                unparsedMarkdown.insert(file.path)
            }
        }
        // An article the last build's state knows (its stamp unchanged) is not read: its digest and
        // front matter are the state's. The others are read here, one at a time, and only the first
        // `bodyBudget` bytes' worth of bodies is kept (the rest are read again at render).
        // (The article files are in listing order, as `load` asked the state about them.)
        let trusted = trustedEntries.count == files.count ? trustedEntries : files.map { _ in nil }, folder = sources.folder
        trustedEntries = []
        let keepsBody = Self.bodiesKept(
            files.indices.map { trusted[$0] == nil ? Int(sources.stamps[files[$0].path]?.size ?? 0) : 0 }, budget: options.bodyBudget)
        let parsed = parallelMap(files.count) { index -> (digest: Digest, front: Digest, order: Digest, article: Article?, problems: [Diagnostic], read: Bool) in
            let path = files[index].path
            if let entry = trusted[index] { return (entry.digest, entry.front, entry.order, entry.article, [], false) }
            let data: [UInt8]
            do throws(SiteFolder.Refusal) { data = try folder.read(path) } catch { return (.zero, .zero, .zero, nil, [.error(path, 0, error.description)], true) }
            var hasher = StableHasher()
            hasher.combine(data)
            let digest = hasher.finalize()
            if let known = previous?.articles[path], known.digest == digest { return (digest, known.front, known.order, known.article, [], true) }
            var (article, problems) = FrontMatterParser.read(data: data, path: path, translation: homes.tag(of: path) != homes.defaultTag)
            let front = article.map(SourceState.front(of:)) ?? .zero, order = article.map(SourceState.order(of:)) ?? .zero
            if !keepsBody[index], article != nil { (article!.body, article!.bodyUnread) = ("", true) }
            return (digest, front, order, article, problems, true)
        }
        // The new state is the known one, its entries for the files read replaced.
        // Moved, not shared: patched in place, not copied first.
        sourceState = knownSources
        knownSources = SourceState()
        if sourceState.entries.isEmpty { sourceState.entries.reserveCapacity(files.count) }
        var keptEntries = 0
        var changed: [String] = []
        parsedArticles.reserveCapacity(files.count)
        articles.reserveCapacity(files.count)
        fronts.reserveCapacity(files.count)
        orders.reserveCapacity(files.count)
        digests.reserveCapacity(files.count)
        for (index, (digest, front, order, article, articleProblems, read)) in parsed.enumerated() {
            problems += articleProblems
            if read {
                if sourceState.entries[files[index].path] == nil { newArticles.insert(files[index].path) }
                sourceState.entries[files[index].path] = nil
                changed.append(files[index].path)
            }
            if var article {
                if homes.isMultilingual { article.home = homes.home(of: article.path) }
                // With a front-matter problem the build fails, but the body is still checked.
                articles.append(article)
                fronts.append(front)
                orders.append(order)
                digests.append(digest)
                parsedArticles[article.path] = (digest, front, order, article)
                if !read {
                    keptEntries += 1
                } else if articleProblems.isEmpty, let stamp = sources.stamps[article.path] {
                    sourceState.entries[article.path] = SourceState.Entry(stamp: stamp, digest: digest, front: front, order: order, article: article)
                    keptEntries += 1
                }
            } else {
                unparsedMarkdown.insert(files[index].path)
                let stem = FrontMatterParser.fileStem(files[index].path)
                unparsedSlugs.insert(Slug.make(FrontMatterParser.splitDatePrefix(stem).1))
            }
        }
        // Files gone since the last build.
        if sourceState.entries.count != keptEntries {
            let listed = Set(files.map(\.path))
            changed += sourceState.entries.keys.filter { !listed.contains($0) }
            sourceState.entries = sourceState.entries.filter { listed.contains($0.key) }
        }
        // Written while the pages are made (a failed build's valid files are worth keeping too).
        // Changed: a file was read (new, edited, or too recent to trust), or one is gone.
        if let url = options.sourceState, !changed.isEmpty {
            let state = sourceState, written = changed
            sourceStateWrite = Background { state.write(to: url, changed: written) }
        }
    }

    /// Launches (`content/launches/`), read apart from articles: articles point at them. Then their
    /// translations (`content/fr/launches/`), which take what they do not give from them.
    private func readLaunches(homes: LanguageHomes) {
        let files = sources.markdown.filter { $0.kind == .launch }
        let originals = files.filter { homes.tag(of: $0.path) == homes.defaultTag }
        for file in originals + files.filter({ homes.tag(of: $0.path) != homes.defaultTag }) {
            let key = FrontMatterParser.fileStem(file.path), tag = homes.tag(of: file.path)
            let isTranslation = tag != homes.defaultTag
            if isTranslation, launches[key] == nil {
                problems.append(.error(file.path, 0, "a translation of content/launches/\(key).md, which does not exist (a launch is named by its file)"))
                continue
            }
            switch Launch.parse(data: file.data ?? [], path: file.path, original: isTranslation ? launches[key] : nil) {
            case .success(var launch):
                launch.home = homes.homes[tag] ?? ""
                if isTranslation { translatedLaunches[tag, default: [:]][key] = launch } else { launches[key] = launch }
            case .failure(let failure):
                problems += failure.diagnostics
                unparsedMarkdown.insert(file.path)
            }
        }
    }

    /// Which of the articles read (their sizes in bytes, 0: not read) keep their body from parse to
    /// render: the first `budget` bytes' worth (`BuildOptions.bodyBudget`).
    static func bodiesKept(_ sizes: [Int], budget: Int) -> [Bool] {
        var total = 0
        return sizes.map { size in
            total += size
            return total <= budget
        }
    }
}
