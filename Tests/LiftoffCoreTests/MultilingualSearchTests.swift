import Foundation
import Testing

@testable import LiftoffCore
@testable import LiftoffSearch
import LiftoffModel

/// Each language of a site has its own search index, under its home, made by its own rules.
@Suite struct MultilingualSearchTests {
    static var files: [String: String] {
        var files = MultilingualSiteTests.files
        files["content/fr/seulement.md"] = "---\ntitle: Seulement ici\ndescription: En français.\ndate: 2026-11-22\n---\nLes lancements limités.\n"
        return files
    }

    /// The terms of an index's shards (each line's first field).
    static func terms(_ pages: [String: String], folder: String) -> Set<String> {
        var terms: Set<String> = []
        for (path, text) in pages where path.hasPrefix(folder + "terms-") {
            for line in text.split(separator: "\n") { terms.insert(String(line.prefix { $0 != "\t" })) }
        }
        return terms
    }

    @Test func eachLanguageSearchesItsOwnPagesWithItsOwnWords() throws {
        let site = try TestSite(Self.files, siteYML: MultilingualSiteTests.siteYML)
        defer { site.remove() }
        let pages = try site.build()
        // The French index lists the French pages only (the About page, then the articles oldest first).
        let frenchPack = try #require(pages["fr/search/packs/0.json"]), englishPack = try #require(pages["search/packs/0.json"])
        #expect(attributeURLs(frenchPack) == ["/fr/about/", "/fr/articles/seulement/", "/fr/articles/a/"])
        #expect(attributeURLs(englishPack) == ["/about/", "/articles/b/", "/articles/a/"])
        // French words are kept whole (no English stemmer: `lancements` is not cut to `lancement`),
        // English ones stemmed; the manifest says so for the reader's script.
        let french = Self.terms(pages, folder: "fr/search/"), english = Self.terms(pages, folder: "search/")
        #expect(french.isSuperset(of: ["lancements", "limites", "semaine"]) && !french.contains("lancement"))
        #expect(english.contains("week") && !french.contains("week"))
        #expect(try #require(pages["fr/search/index.json"]).contains("\"stem\":false"))
        #expect(!(try #require(pages["search/index.json"])).contains("\"stem\""))
        // Each language's pages search their own index, from their own search page.
        let frenchArticle = try #require(pages["fr/articles/a/index.html"])
        #expect(frenchArticle.contains("data-search-index=\"/fr/search/\"") && frenchArticle.contains("action=\"/fr/search/\""))
        let frenchSearch = try #require(pages["fr/search/index.html"])
        #expect(frenchSearch.contains("<html lang=\"fr\">") && frenchSearch.contains("<h1>Recherche</h1>"))
        // The search script's words in French come with the page.
        #expect(frenchArticle.contains("\"search_nothing\":\"Aucun résultat pour « {query} »\""))
    }

    @Test func anEditedTranslationPatchesItsLanguagesIndexAsACleanBuildWouldMakeIt() throws {
        let site = try TestSite(Self.files, siteYML: MultilingualSiteTests.siteYML)
        defer { site.remove() }
        _ = try site.publishReport()
        try site.write("content/fr/seulement.md", "---\ntitle: Seulement ici\ndescription: En français.\ndate: 2026-11-22\n---\nUne fusée décolle.\n")
        let warm = try site.publishReport()
        #expect(warm.carriedOver > 0)
        let clean = try site.build()
        for folder in ["search/", "fr/search/"] {
            let published = try LiftoffCoreTests.files(below: site.output).filter { $0.key.hasPrefix(folder) }
            let made = clean.filter { $0.key.hasPrefix(folder) }.mapValues { Array($0.utf8) }
            #expect(published == made, "\(folder)")
        }
        let french = Self.terms(clean, folder: "fr/search/")
        #expect(french.contains("fusee") && !french.contains("lancements"))
    }

    @Test func englishIsStemmedAndOtherLanguagesKeepTheirWordsWhole() {
        #expect(SearchStemmer(language: "en") == .english && SearchStemmer(language: "en-GB") == .english)
        #expect(SearchStemmer(language: "fr") == .none && SearchStemmer(language: "pt-BR") == .none)
        #expect(SearchTokenizer.terms("Les lancements limités", stemmer: .none) == ["les", "lancements", "limites"])
        #expect(SearchTokenizer.terms("Les lancements limités") == ["les", "lancement", "limit"])
        // A vocabulary of one language's does not give its terms to another's page.
        let stemmed = SearchDocument.make(title: "Launches", tags: [], description: "", blocks: []).0
        let whole = SearchDocument.make(title: "Launches", tags: [], description: "", blocks: [], stemmer: .none).0
        #expect(stemmed.termBytes == Array("launch".utf8) && whole.termBytes == Array("launches".utf8))
    }

    /// The URLs a pack lists, in order.
    func attributeURLs(_ pack: String) -> [String] {
        pack.matches(of: /\["(\/[^"]*)"/).map { String($0.output.1) }
    }
}
