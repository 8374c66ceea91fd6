import Foundation
import Testing

@testable import LiftoffCore
import LiftoffModel

/// A site in English and French: `content/fr/` mirrors `content/`, translations take what they do
/// not give from their originals, and every page says where its translations are.
@Suite struct MultilingualSiteTests {
    static let siteYML = TestSite.siteYML + """

        menu: [{title: About, page: about}]
        languages:
          fr:
            title: Site de test
            menu: [{title: À propos, page: about}]
        """

    static let files = [
        "content/a.md": "---\ntitle: Seven days\ndescription: One week.\ndate: 2026-11-24\ntags: [launch, prep]\n---\nSee [the other](b.md).\n",
        "content/b.md": "---\ntitle: Other\ndescription: Other one.\ndate: 2026-11-20\ntags: [launch]\n---\nBody.\n",
        "content/fr/a.md": "---\ntitle: Sept jours\ndescription: Une semaine.\n---\nVoir [l’autre](../b.md).\n",
        "content/fr/seulement.md": "---\ntitle: Seulement ici\ndescription: En français.\ndate: 2026-11-22\ntags: [lancement]\n---\nCorps.\n",
        "content/pages/about.md": "---\ntitle: About\n---\nAbout us.\n",
        "content/fr/pages/about.md": "---\ntitle: À propos\n---\nÀ propos de nous.\n",
    ]

    /// The `hreflang` links of a page: language → absolute URL.
    static func alternates(_ page: String) -> [String: String] {
        var result: [String: String] = [:]
        for match in page.matches(of: /<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/) {
            result[String(match.output.1)] = String(match.output.2)
        }
        return result
    }

    @Test func translationsArePublishedUnderTheirLanguageAndPointAtEachOther() throws {
        let site = try TestSite(Self.files, siteYML: Self.siteYML)
        defer { site.remove() }
        let pages = try site.build()
        let english = try #require(pages["articles/a/index.html"]), french = try #require(pages["fr/articles/a/index.html"])
        #expect(english.contains("<html lang=\"en\">") && french.contains("<html lang=\"fr\">"))
        let versions = [
            "en": "https://example.org/articles/a/", "fr": "https://example.org/fr/articles/a/", "x-default": "https://example.org/articles/a/",
        ]
        // Each lists itself and the other, and the default language as x-default: reciprocal.
        #expect(Self.alternates(english) == versions)
        #expect(Self.alternates(french) == versions)
        #expect(Self.alternates(try #require(pages["fr/about/index.html"]))["en"] == "https://example.org/about/")
        // The switcher links each page to its translation, or to that language's home.
        #expect(french.contains("<a href=\"/articles/a/\" hreflang=\"en\" lang=\"en\">English</a>"))
        let onlyFrench = try #require(pages["fr/articles/seulement/index.html"])
        #expect(onlyFrench.contains("<a href=\"/\" hreflang=\"en\" lang=\"en\">English</a>"))
        // A page in one language only has no hreflang: there is no other version to name.
        #expect(Self.alternates(onlyFrench).isEmpty)
        #expect(Self.alternates(try #require(pages["articles/b/index.html"])).isEmpty)
        // A link to an untranslated article leads to the English one.
        #expect(french.contains("<a href=\"/articles/b/\">"))
        // The French site's own title and menu.
        #expect(french.contains("<title>Sept jours · Site de test</title>"))
        #expect(french.contains("<a href=\"/fr/about/\">À propos</a>"))
    }

    @Test func aTranslationTakesItsOriginalsDateAndTags() throws {
        let site = try TestSite(Self.files, siteYML: Self.siteYML)
        defer { site.remove() }
        let pages = try site.build()
        let french = try #require(pages["fr/articles/a/index.html"])
        #expect(french.contains("<time datetime=\"2026-11-24T00:00:00Z\">24 novembre 2026</time>"))
        #expect(french.contains("<a href=\"/fr/tags/prep/\">prep</a>"))
        // Each language lists, tags and feeds its own articles.
        let frenchList = try #require(pages["fr/articles/index.html"])
        #expect(frenchList.contains("Sept jours") && frenchList.contains("Seulement ici") && !frenchList.contains("Other"))
        #expect(pages["fr/tags/lancement/index.html"] != nil && pages["tags/lancement/index.html"] == nil)
        let feed = try #require(pages["fr/feed.xml"])
        #expect(feed.contains("xml:lang=\"fr\"") && feed.contains("https://example.org/fr/articles/a/") && !feed.contains("https://example.org/articles/b/"))
        #expect(!(try #require(pages["feed.xml"])).contains("/fr/"))
    }

    @Test func aTranslationShowsItsOriginalsImage() throws {
        var files = Self.files
        files["content/a.md"] = "---\ntitle: Seven days\ndescription: One week.\ndate: 2026-11-24\nimage: hero.png\nimage_alt: A hero\n---\nText.\n"
        let site = try TestSite(files, siteYML: Self.siteYML)
        defer { site.remove() }
        try site.write("content/hero.png", ImageTests.fixture("alpha.png"))
        try site.write("content/fr/a.md", "---\ntitle: Sept jours\ndescription: Une semaine.\n---\n![Héros](../hero.png)\n\n![Seul](seul.png)\n")
        try site.write("content/fr/seul.png", ImageTests.fixture("alpha.png"))
        let pages = try site.build()
        let french = try #require(pages["fr/articles/a/index.html"]), english = try #require(pages["articles/a/index.html"])
        // Written `hero.png` beside content/a.md, it is `../hero.png` from content/fr/a.md.
        let hero = try #require(french.firstMatch(of: /class="article-hero"><picture>.*? src="([^"]+)"/)?.output.1)
        #expect(hero.hasSuffix(".png") && hero.contains("hero"))
        // One copy for every language: the English page's, whether the translation takes the image
        // or links the original's file itself; its own file is its own.
        let englishHero = try #require(english.firstMatch(of: /class="article-hero"><picture>.*? src="([^"]+)"/)?.output.1)
        #expect(hero == englishHero && hero.hasPrefix("/articles/a/"))
        #expect(attributeValues("src", in: french).filter { $0.contains("hero") }.allSatisfy { $0.hasPrefix("/articles/a/hero.") })
        #expect(attributeValues("src", in: french).contains { $0.hasPrefix("/fr/articles/a/seul.") })
        #expect(Translations.relocated("hero.png", from: "content/a.md", to: "content/fr/a.md") == "../hero.png")
        #expect(Translations.relocated("../img/x.png", from: "content/news/a.md", to: "content/fr/news/a.md") == "../../img/x.png")
        #expect(Translations.relocated("https://e.org/x.png", from: "content/a.md", to: "content/fr/a.md") == "https://e.org/x.png")
    }

    @Test func theSitemapListsEachPagesTranslations() throws {
        let site = try TestSite(Self.files, siteYML: Self.siteYML)
        defer { site.remove() }
        let sitemap = try #require(try site.build()["sitemap.xml"])
        #expect(sitemap.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""))
        for page in ["https://example.org/articles/a/", "https://example.org/fr/articles/a/"] {
            let entry = try #require(sitemap.split(separator: "\n").first { $0.hasPrefix("<url><loc>\(page)</loc>") })
            #expect(entry.contains("<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/articles/a/\"/>"))
            #expect(entry.contains("<xhtml:link rel=\"alternate\" hreflang=\"fr\" href=\"https://example.org/fr/articles/a/\"/>"))
            #expect(entry.contains("<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.org/articles/a/\"/>"))
        }
    }

    @Test func translationProblemsAreReportedAtTheirLines() throws {
        var files = Self.files
        files["content/fr/deux.md"] = "---\ntitle: Deux\ntranslation_key: a.md\n---\nx\n"
        files["content/fr/perdu.md"] = "---\ntitle: Perdu\ntranslation_key: nulle-part\n---\nx\n"
        files["content/fr/sans-date.md"] = "---\ntitle: Sans date\n---\nx\n"
        let site = try TestSite(files, siteYML: Self.siteYML + "\n  pt_BR: {}\n  en: {}\n")
        defer { site.remove() }
        let failures = site.failures()
        #expect(failures.contains("content/fr/deux.md:3: front matter: this file and content/fr/a.md both translate 'a.md' into `fr`; keep one, or give one another `translation_key:`"))
        #expect(failures.contains("content/fr/perdu.md:3: front matter: translation_key 'nulle-part': no file in `en` has it (as `translation_key:`, or as its path below content/)"))
        #expect(failures.contains("content/fr/sans-date.md:1: front matter: missing key 'date' (e.g. `date: 2026-11-24`): no file in `en` is at content/sans-date.md to take it from"))
        #expect(failures.contains { $0.hasPrefix("site.yml:") && $0.hasSuffix("languages: 'pt_BR' is not a language tag such as fr, de or pt-BR; did you mean 'pt-BR'?") })
        #expect(failures.contains { $0.hasPrefix("site.yml:") && $0.hasSuffix("languages: 'en' is the default language (`language: en`); list only the others") })
    }

    @Test func aFolderNamedForAnUnlistedLanguageIsAnError() throws {
        var files = Self.files
        files["content/de/a.md"] = "---\ntitle: Sieben Tage\ndate: 2026-11-24\n---\nx\n"
        files["content/en/b.md"] = "---\ntitle: B again\ndate: 2026-11-24\n---\nx\n"
        // A folder of images with a short name is not a language.
        files["content/img/readme.txt"] = "images"
        let site = try TestSite(files, siteYML: Self.siteYML)
        defer { site.remove() }
        let failures = site.failures()
        #expect(failures.contains("content/de/: a folder named for a language (Deutsch) that site.yml's `languages:` does not list: add `de: {}` there, or rename the folder"))
        #expect(failures.contains("content/en/: `en` is the default language: its files go directly in content/ (`default_language_in_folder: true` publishes them under /en/)"))
        #expect(!failures.contains { $0.hasPrefix("content/img/") })
    }

    @Test func theDefaultLanguageMayLiveInItsOwnFolder() throws {
        let site = try TestSite(Self.files, siteYML: Self.siteYML + "\ndefault_language_in_folder: true\n")
        defer { site.remove() }
        let pages = try site.build()
        #expect(pages["en/articles/a/index.html"] != nil && pages["articles/a/index.html"] == nil)
        let root = try #require(pages["index.html"])
        #expect(root.contains("https://example.org/en/"))
        #expect(Self.alternates(try #require(pages["fr/articles/a/index.html"]))["x-default"] == "https://example.org/en/articles/a/")
    }
}
