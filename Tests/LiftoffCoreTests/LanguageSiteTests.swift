import Foundation
import Testing

@testable import LiftoffCore
@testable import LiftoffSource
import LiftoffModel

/// A site written in one language other than English: every word the theme prints, its dates and
/// plurals, its direction, and the site's own words over the theme's.
@Suite struct LanguageSiteTests {
    static let article = """
        ---
        title: Sept jours
        description: Un résumé.
        date: 2026-11-24
        tags: [lancement]
        ---
        Du texte.

        ## Étapes

        - [ ] Vérifier la clé
        """

    static func site(_ language: String, _ files: [String: String] = [:]) throws -> TestSite {
        try TestSite(
            ["content/sept-jours.md": article, "content/autre.md": article.replacingOccurrences(of: "Sept jours", with: "Autre")].merging(files) { $1 },
            siteYML: TestSite.siteYML + "\nlanguage: \(language)\n")
    }

    /// The theme's words in `tag`, as its file says them.
    static func words(_ tag: String) throws -> ThemeStrings {
        let path = "theme/i18n/\(tag).yml"
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent(path), encoding: .utf8)
        let language = try #require(Language(tag))
        return ThemeStrings.compose(language: language, fallback: language, files: [path: ThemeStrings.read(text, path: path).messages]).strings
    }

    @Test func aFrenchSitePrintsFrenchWordsDatesAndPlurals() throws {
        let site = try Self.site("fr")
        defer { site.remove() }
        let pages = try site.build()
        let french = try Self.words("fr")
        let page = try #require(pages["articles/sept-jours/index.html"])
        #expect(page.contains("<html lang=\"fr\">"))
        #expect(page.contains("24 novembre 2026"))
        #expect(page.contains(HTML.escape(french.count(.minRead, 1))))
        #expect(page.contains(">\(HTML.escape(french.text(.relatedReads)))<"))
        #expect(page.contains("aria-label=\"\(HTML.escape(french.text(.linkToSection)))\""))
        #expect(page.contains("aria-label=\"\(HTML.escape(french.text(.toDo)))\""))
        #expect(!page.contains("Related reads") && !page.contains("min read") && !page.contains("Skip to content"))
        // The countdown: 7 days to 2026-12-01T17:00Z, in French.
        #expect(page.contains(HTML.escape(french.count(.daysLeft, 7))))
        let tags = try #require(pages["tags/index.html"])
        #expect(tags.contains(HTML.escape(french.count(.tagArticles, 2))))
        #expect(tags.contains("<title>\(HTML.escape(french.text(.tagsTitle, ["site": "Test Site"])))</title>"))
        let notFound = try #require(pages["404.html"])
        #expect(notFound.contains("<a href=\"/\">\(HTML.escape(french.text(.goHome)))</a>"))
        #expect(!notFound.contains("Page not found"))
    }

    @Test func anArabicSiteIsWrittenRightToLeftWithItsSixPlurals() throws {
        let site = try Self.site("ar")
        defer { site.remove() }
        let pages = try site.build()
        let arabic = try Self.words("ar")
        let home = try #require(pages["index.html"])
        #expect(home.contains("<html lang=\"ar\" dir=\"rtl\""))
        // Two articles in the tag: Arabic's "two" form, not "other".
        let tags = try #require(pages["tags/index.html"])
        #expect(arabic.count(.tagArticles, 2) != arabic.count(.tagArticles, 100).replacingOccurrences(of: "100", with: "2"))
        #expect(tags.contains(HTML.escape(arabic.count(.tagArticles, 2))))
    }

    @Test func aTagInAnotherScriptHasItsPageAtItsOwnName() throws {
        let site = try Self.site("ar", ["content/tagged.md": "---\ntitle: مقالة\ndate: 2026-11-20\ntags: [تحضير, GPT]\n---\n## الخطوة الأولى\n\nنص.\n"])
        defer { site.remove() }
        let pages = try site.build()
        let tag = try #require(pages["tags/تحضير/index.html"])
        #expect(tag.contains("<h1>") && tag.contains("تحضير"))
        let article = try #require(pages["articles/tagged/index.html"])
        #expect(article.contains("<a href=\"/tags/تحضير/\">تحضير</a>") && article.contains("<a href=\"/tags/gpt/\">GPT</a>"))
        // A heading in Arabic has an anchor in Arabic, not a number.
        #expect(article.contains("id=\"الخطوة-الأولى\""))
        // The sitemap gives the address as a URL (%-escaped UTF-8), as its protocol asks.
        #expect(try #require(pages["sitemap.xml"]).contains("<loc>https://example.org/tags/%D8%AA%D8%AD%D8%B6%D9%8A%D8%B1/</loc>"))
    }

    @Test func theSitesOwnWordsWinAndAnEditRemakesThePages() throws {
        let site = try Self.site("fr", ["i18n/fr.yml": "related_reads: À lire aussi\n"])
        defer { site.remove() }
        try site.publish()
        #expect(try site.outputText("articles/sept-jours/index.html").contains(">À lire aussi<"))
        try site.write("i18n/fr.yml", "related_reads: Lire la suite\n")
        let report = try site.publishReport()
        #expect(report.renderedPages.contains("articles/sept-jours/index.html"))
        #expect(try site.outputText("articles/sept-jours/index.html").contains(">Lire la suite<"))
    }

    @Test func anUntranslatedLanguageWarnsAndPrintsEnglish() throws {
        let site = try Self.site("it")
        defer { site.remove() }
        let report = try site.publishReport()
        #expect(report.warnings.map(\.description) == ["theme/i18n/it.yml: warning: no such file: pages in `it` print the words of `en`"])
        let page = try site.outputText("articles/sept-jours/index.html")
        #expect(page.contains("<html lang=\"it\""))
        #expect(page.contains("Related reads"))
        // Dates are the language's own all the same.
        #expect(page.contains("24 novembre 2026"))
    }

    @Test func aBrokenStringsFileFailsTheBuildAtItsLine() throws {
        let site = try Self.site("fr", ["i18n/fr.yml": "related_reads: ok\ndays_left:\n  one: \"{count} jour\"\n"])
        defer { site.remove() }
        #expect(site.failures() == ["i18n/fr.yml:2: `days_left` has plural forms but no `other`, which every language needs"])
    }
}
