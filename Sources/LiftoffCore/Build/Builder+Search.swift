import LiftoffModel
import LiftoffSource
import LiftoffMarkdown
import LiftoffSearch
import LiftoffRender

/// The search indexes, one a language: each page's terms are taken when it is rendered (or carried
/// over from the last build with its text file); the index files are made from all of them after the
/// pages, by patching the last build's index when only some pages changed.
extension Builder {
    /// Writes a page's search text file and returns its terms, made by its language's rules.
    static func indexed(
        title: String, tags: [String] = [], description: String, written: Bool, blocks: [MarkdownBlock], body: ArticleBody, page: String,
        language: String, sink: any PageSink
    ) throws -> SearchDocument {
        let (document, file) = SearchDocument.make(
            title: title, tags: tags, description: description, written: written, blocks: blocks, components: body.componentTexts,
            stemmer: SearchStemmer(language: language))
        try sink.write(file, to: SearchDocument.textPath(ofPage: page))
        return document
    }

    /// What one language's index is made from: its site, its articles' entries (by position, nil: no
    /// terms) and its standalone pages' terms (by output path).
    struct SearchedLanguage {
        var site: Site
        var articles: [SearchIndex.Entry?]
        var pageTerms: [String: SearchDocument]
    }

    /// Starts making every language's search index on another thread (they are made while the list
    /// pages render).
    static func startSearchIndexes(
        _ languages: [SearchedLanguage], cache: BuildCache, sources: SiteSources, previous: BuildCache?, sink: any PageSink
    ) -> Background<SearchOutcome> {
        Background {
            var clock = StageClock()
            var outcome = SearchOutcome(paths: [], pages: [:], states: [])
            for language in languages {
                let (paths, pages, state) = try writeSearchIndex(language, cache: cache, sources: sources, previous: previous, sink: sink)
                outcome.paths += paths
                outcome.pages.merge(pages) { $1 }
                outcome.states.append(state)
            }
            clock.lap("  search index (beside the lists)")
            outcome.stages = clock.stages
            return outcome
        }
    }

    /// The index over a language's standalone pages and articles (oldest first), under its home
    /// (`search/`, `fr/search/`), its terms made by the language's rules; `cache.search` holds the
    /// terms of the articles `language.articles` names by position (this build's and the carried-over
    /// pages'), `language.pageTerms` the standalone pages' (added to it). `previous` is the last
    /// build's cache when its pages were carried over.
    /// Returns every path search publishes (the index's files and each page's text file), the
    /// standalone pages' terms with their keys and the index's state, for the build cache.
    static func writeSearchIndex(
        _ language: SearchedLanguage, cache: BuildCache, sources: SiteSources, previous: BuildCache?, sink: any PageSink
    ) throws -> (paths: [String], pages: [String: (key: Digest, document: SearchDocument)], state: SearchIndex.State) {
        let (site, indexed, pageTerms) = (language.site, language.articles, language.pageTerms)
        let folder = site.home + SearchIndex.folder, stemmer = SearchStemmer(language: site.config.language)
        var pages: [String: (key: Digest, document: SearchDocument)] = [:]
        var entries: [SearchIndex.Entry] = []
        var shown: [SearchIndex.Shown] = []  // the standalone pages' (the articles' are made when asked for)
        for page in site.pages {
            guard let document = pageTerms[page.outputPath] else { continue }
            // A page is rendered on every build: its source's bytes (and the site's) say what its terms hold.
            var hasher = StableHasher()
            hasher.combine(cache.siteKey)
            hasher.combine(sources.markdown.first { $0.path == page.path }.flatMap(\.data) ?? [])
            let key = hasher.finalize()
            pages[page.outputPath] = (key, document)
            entries.append(SearchIndex.Entry(path: page.outputPath, key: key))
            shown.append(SearchIndex.Shown(url: site.url(of: page), title: page.title))
        }
        var articleAt: [Int] = []  // an entry's article, after the pages
        for position in indexed.indices.reversed() {
            guard let entry = indexed[position] else { continue }
            entries.append(entry)
            articleAt.append(position)
        }
        var known = cache.search
        known.made.merge(pages) { $1 }
        let terms = known
        func documents(_ position: Int) -> SearchDocument {
            // Every entry's terms are known (checked above); a damaged cache entry reads as none.
            terms.document(entries[position].path, key: entries[position].key) ?? SearchDocument()
        }
        func show(_ position: Int) -> SearchIndex.Shown {
            guard position >= shown.count else { return shown[position] }
            let article = site.articles[articleAt[position - shown.count]]
            return SearchIndex.Shown(url: site.url(of: article), title: article.title, date: article.date.day, dateText: site.strings.longDay(article.date))
        }
        var index = SearchIndex.build(
            entries, documents: documents, shown: show, folder: folder, stemmer: stemmer,
            previous: previous?.searchIndexes?.first { $0.folder == folder }, previousDocument: { previous?.search.document($0, key: $1) },
            previousShard: { sink.previous(folder + $0) })
        var reused: Set<String> = []
        for path in index.unchanged where sink.reuse(path) { reused.insert(path) }
        if reused.count < index.unchanged.count {
            // A shard of the last output is gone: the index is made whole (a reused shard is the file of that name).
            index = SearchIndex.build(entries, documents: documents, shown: show, folder: folder, stemmer: stemmer)
        }
        for file in index.files where !reused.contains(file.path) { try sink.write(file.bytes, to: file.path) }
        let paths = index.files.map(\.path) + index.unchanged + entries.map { SearchDocument.textPath(ofPage: $0.path) }
        return (paths, pages, index.state)
    }

    /// What making the search indexes gives the build.
    struct SearchOutcome: Sendable {
        var paths: [String]
        /// The standalone pages' terms, by output path, with the key they were made for.
        var pages: [String: (key: Digest, document: SearchDocument)]
        /// Each language's index state, in the site's order of languages.
        var states: [SearchIndex.State]
        /// How long it took (for `--timings`).
        var stages: [(name: String, seconds: Double)] = []
    }
}
