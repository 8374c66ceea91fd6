/// The search index: each page's terms are taken when it is rendered (or carried over from the last
/// build with its text file); the index files are made from all of them after the pages.
extension Builder {
    /// Writes a page's search text file and returns its terms.
    static func indexed(
        title: String, tags: [String] = [], description: String, blocks: [MarkdownBlock], page: String, sink: any PageSink
    ) throws -> SearchDocument {
        let (document, file) = SearchDocument.make(title: title, tags: tags, description: description, blocks: blocks)
        try sink.write(file, to: SearchDocument.textPath(ofPage: page))
        return document
    }

    /// The index over the site's articles (newest first) and pages; `documents` are their terms by
    /// page path (`articles/x/index.html`). Returns every path search publishes: the index's files
    /// and each page's text file.
    static func writeSearchIndex(
        site: Site, documents: [String: SearchDocument], sources: SiteSources, cache: BuildCache, sink: any PageSink
    ) throws -> [String] {
        var entries: [SearchIndex.Entry] = []
        var texts: [String] = []
        for article in site.articles {
            let path = site.pagePath(of: article)
            guard let document = documents[path] else { continue }
            entries.append(SearchIndex.Entry(
                document: document, url: site.url(of: article), title: article.title, date: article.date.day,
                dateText: article.date.longDay, key: cache.pages[path]?.key ?? .zero))
            texts.append(SearchDocument.textPath(ofPage: path))
        }
        for page in site.pages {
            guard let document = documents[page.outputPath] else { continue }
            // A page is rendered on every build: its source's bytes say what its text file holds.
            var key = StableHasher()
            key.combine(sources.markdown.first { $0.path == page.path }?.data ?? [])
            entries.append(SearchIndex.Entry(
                document: document, url: site.url(of: page), title: page.title, date: "", dateText: "", key: key.finalize()))
            texts.append(SearchDocument.textPath(ofPage: page.outputPath))
        }
        let files = SearchIndex.files(entries)
        for file in files { try sink.write(file.bytes, to: file.path) }
        return files.map(\.path) + texts
    }
}
