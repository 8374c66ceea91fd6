import Foundation
import Testing

@testable import LiftoffCore
import LiftoffModel

/// A launch in several languages: modelled once (status, date, changes) in `content/launches/`, a
/// language giving its name, its text and its notes in `content/fr/launches/`.
@Suite struct MultilingualLaunchTests {
    static let original = """
        ---
        name: GPT Image 2
        status: expected
        target: 2026-12-01T17:00:00Z
        history:
          - date: 2026-11-10
            status: rumored
            note: Seen in an SDK.
            source: https://example.net/sdk
          - date: 2026-11-20
            status: expected
            note: An event lists it; see [the article](../a.md).
        ---
        The launch we follow.

        """
    static let translation = """
        ---
        name: GPT Image 2 (FR)
        history:
          - date: 2026-11-10
            note: Vu dans un SDK.
        ---
        Le lancement que nous suivons.

        """

    static var files: [String: String] {
        var files = MultilingualSiteTests.files
        files["content/launches/gpt-image-2.md"] = original
        files["content/fr/launches/gpt-image-2.md"] = translation
        files["content/a.md"] = "---\ntitle: Seven days\ndescription: One week.\ndate: 2026-11-24\ntags: [launch]\nlaunch: gpt-image-2\n---\nBody.\n"
        return files
    }

    @Test func aTranslatedLaunchHasItsOwnPageWithTheOriginalsStatusAndItsOwnNotes() throws {
        let site = try TestSite(Self.files, siteYML: MultilingualSiteTests.siteYML)
        defer { site.remove() }
        let pages = try site.build()
        let french = try #require(pages["fr/launches/gpt-image-2/index.html"])
        #expect(french.contains("<html lang=\"fr\">") && french.contains("GPT Image 2 (FR)") && french.contains("Le lancement que nous suivons."))
        // The status and the date are the original's, said in French.
        #expect(french.contains("1 décembre 2026 à 17:00 UTC"))
        // Its own note where it gives one; the original's (its links read from the original's file) where it does not.
        #expect(french.contains("Vu dans un SDK.") && !french.contains("Seen in an SDK."))
        #expect(french.contains("An event lists it; see <a href=\"/articles/a/\">the article</a>."))
        // Its status data says the same, at its own address.
        let status = try #require(pages["fr/launches/gpt-image-2/status.json"])
        #expect(status.contains("\"status\":\"expected\"") && status.contains("\"url\":\"https://example.org/fr/launches/gpt-image-2/\""))
        // The two pages name each other; the French article (a translation following the launch) leads to the French page.
        #expect(MultilingualSiteTests.alternates(french) == [
            "en": "https://example.org/launches/gpt-image-2/", "fr": "https://example.org/fr/launches/gpt-image-2/",
            "x-default": "https://example.org/launches/gpt-image-2/",
        ])
        #expect(try #require(pages["fr/articles/a/index.html"]).contains("<a href=\"/fr/launches/gpt-image-2/\">GPT Image 2 (FR)</a>"))
        #expect(try #require(pages["articles/a/index.html"]).contains("<a href=\"/launches/gpt-image-2/\">GPT Image 2</a>"))
        #expect(try #require(pages["sitemap.xml"]).contains("<loc>https://example.org/fr/launches/gpt-image-2/</loc>"))
    }

    @Test func anUntranslatedLaunchIsTheDefaultLanguagesPage() throws {
        var files = Self.files
        files["content/fr/launches/gpt-image-2.md"] = nil
        let site = try TestSite(files, siteYML: MultilingualSiteTests.siteYML)
        defer { site.remove() }
        let pages = try site.build()
        #expect(pages["fr/launches/gpt-image-2/index.html"] == nil)
        // The French article says the status in French and leads to the one page there is.
        let french = try #require(pages["fr/articles/a/index.html"])
        #expect(french.contains("<a href=\"/launches/gpt-image-2/\">GPT Image 2</a>\u{202F}: Attendu · 1 déc. à 17:00 UTC"))
    }

    @Test func aTranslationCannotMoveTheLaunchOrInventAChange() throws {
        var files = Self.files
        files["content/fr/launches/gpt-image-2.md"] = "---\nname: X\nstatus: available\nhistory:\n  - date: 2026-11-11\n    note: Autre.\n---\n"
        files["content/fr/launches/other.md"] = "---\nname: Y\n---\n"
        let site = try TestSite(files, siteYML: MultilingualSiteTests.siteYML)
        defer { site.remove() }
        #expect(site.failures() == [
            "content/fr/launches/gpt-image-2.md:3: front matter: a translation takes `status:` from content/launches/gpt-image-2.md, where the launch is modelled once: change it there",
            "content/fr/launches/gpt-image-2.md:5: front matter: history item 1: content/launches/gpt-image-2.md has no change on 2026-11-11 for this note to translate (a translation gives notes for its original's changes: their status, date and source are the original's)",
            "content/fr/launches/other.md: a translation of content/launches/other.md, which does not exist (a launch is named by its file)",
        ])
    }

    @Test func theNewsSitemapListsEveryLanguagesRecentArticles() throws {
        let site = try TestSite(Self.files, siteYML: MultilingualSiteTests.siteYML)
        defer { site.remove() }
        let news = try #require(try site.build()["news-sitemap.xml"])
        #expect(news.contains("<loc>https://example.org/articles/a/</loc>") && news.contains("<loc>https://example.org/fr/articles/a/</loc>"))
        #expect(news.contains("<news:name>Site de test</news:name><news:language>fr</news:language>"))
        #expect(news.contains("<news:name>Test Site</news:name><news:language>en</news:language>"))
    }
}
