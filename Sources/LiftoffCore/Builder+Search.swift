/// The search index: each page's terms are taken when it is rendered (or carried over from the last
/// build with its text file); the index files are made from all of them after the pages.
extension Builder {
    /// Writes a page's search text file and returns its terms.
    static func indexed(
        _ fields: (title: String, tags: [String], description: String), blocks: [MarkdownBlock], page: String, sink: any PageSink
    ) throws -> SearchDocument {
        let (document, file) = SearchDocument.make(title: fields.title, tags: fields.tags, description: fields.description, blocks: blocks)
        try sink.write(file, to: SearchDocument.textPath(ofPage: page))
        return document
    }

    /// The index over the site's articles (newest first) and pages; `documents[path]` are the pages'
    /// terms by source path. Returns the paths written.
    static func writeSearchIndex(
        site: Site, documents: [String: SearchDocument], sources: SiteSources, cache: BuildCache, sink: any PageSink
    ) throws -> [String] {
        var entries: [SearchIndex.Entry] = []
        for article in site.articles {
            guard let document = documents[article.path] else { continue }
            entries.append(SearchIndex.Entry(
                document: document, url: site.url(of: article), title: article.title, date: article.date.day,
                dateText: article.date.longDay, key: cache.pages[site.pagePath(of: article)]?.key ?? .zero))
        }
        for page in site.pages {
            guard let document = documents[page.path] else { continue }
            // A page is rendered on every build: its source's bytes say what its text file holds.
            var key = StableHasher()
            key.combine(sources.markdown.first { $0.path == page.path }?.data ?? [])
            entries.append(SearchIndex.Entry(
                document: document, url: site.url(of: page), title: page.title, date: "", dateText: "", key: key.finalize()))
        }
        let files = SearchIndex.files(entries)
        for file in files { try sink.write(file.bytes, to: file.path) }
        return files.map(\.path)
    }
}

extension Article {
    /// What search reads of an article besides its body.
    func asSearched(description: String) -> (title: String, tags: [String], description: String) {
        (title, tags, description)
    }
}
