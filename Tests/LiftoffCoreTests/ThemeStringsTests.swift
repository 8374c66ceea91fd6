import Foundation
import Testing

@testable import LiftoffSource
import LiftoffModel

/// Reading `i18n/<lang>.yml`, laying languages over each other, and filling in values.
@Suite struct ThemeStringsTests {
    static let french = Language("fr")!

    @Test func problemsInAStringsFileAreReportedAtTheirLines() {
        let text = """
            related_reads: Articles liés
            days_left:
              one: "{count} jour restant"
              several: "{count} jours restants"
            hours_left:
              one: "{count} heure"
            tags: [a, b]
            """
        let problems = ThemeStrings.read(text, path: "i18n/fr.yml").problems.map(\.description)
        #expect(problems == [
            "i18n/fr.yml:4: `days_left`: `several` is not a plural category; use zero, one, two, few, many or other",
            "i18n/fr.yml:2: `days_left` has plural forms but no `other`, which every language needs",
            "i18n/fr.yml:5: `hours_left` has plural forms but no `other`, which every language needs",
            "i18n/fr.yml:7: `tags` must be a text, or plural forms such as `one: \"{count} day left\"` and `other: …`",
        ])
    }

    @Test func aYAMLErrorIsReportedAtItsLine() {
        let problems = ThemeStrings.read("a: b\nc: [d\n", path: "theme/i18n/fr.yml").problems
        #expect(problems.count == 1)
        #expect(problems.first?.path == "theme/i18n/fr.yml")
        #expect((problems.first?.line ?? 0) >= 2)
    }

    @Test func aMissingWordIsAWarningNamingKeyAndFileAndFallsBack() {
        let (messages, _) = ThemeStrings.read("related_reads: Articles liés\n", path: "theme/i18n/fr.yml")
        let (strings, warnings) = ThemeStrings.compose(language: Self.french, fallback: Self.french, files: ["theme/i18n/fr.yml": messages])
        #expect(strings.text(.relatedReads) == "Articles liés")
        // Not translated: the English words, and a warning for each key.
        #expect(strings.text(.latestArticles) == "Latest articles")
        let descriptions = warnings.map(\.description)
        #expect(descriptions.contains("theme/i18n/fr.yml: warning: no `latest_articles`: pages in `fr` print the default language's words"))
        #expect(!descriptions.contains { $0.contains("`related_reads`") })
        #expect(warnings.count == ThemeStrings.Key.allCases.count - 1)
    }

    @Test func aLanguageWithoutAnyFileIsOneWarning() {
        let (strings, warnings) = ThemeStrings.compose(language: Self.french, fallback: Self.french, files: [:])
        #expect(warnings.map(\.description) == ["theme/i18n/fr.yml: warning: no such file: pages in `fr` print the words of `en`"])
        #expect(strings.text(.relatedReads) == "Related reads")
        #expect(strings.language == Self.french)
    }

    @Test func theSiteOverridesTheThemeWordByWord() {
        let theme = ThemeStrings.read("related_reads: Articles liés\nlatest_articles: Derniers articles\n", path: "theme/i18n/fr.yml").messages
        let site = ThemeStrings.read("related_reads: À lire aussi\n", path: "i18n/fr.yml").messages
        let (strings, _) = ThemeStrings.compose(
            language: Self.french, fallback: Self.french, files: ["theme/i18n/fr.yml": theme, "i18n/fr.yml": site])
        #expect(strings.text(.relatedReads) == "À lire aussi")
        #expect(strings.text(.latestArticles) == "Derniers articles")
    }

    @Test func countsChooseTheFormOfTheirCategory() throws {
        let arabic = try #require(Language("ar"))
        let forms: [String: String] = [
            "zero": "zero {count}", "one": "one {count}", "two": "two {count}", "few": "few {count}", "many": "many {count}", "other": "other {count}",
        ]
        let strings = ThemeStrings(language: arabic, messages: ["days_left": .plural(forms)])
        #expect([0, 1, 2, 5, 11, 101].map { strings.count(.daysLeft, $0) } == ["zero ٠", "one ١", "two ٢", "few ٥", "many ١١", "other ١٠١"])
        // French reads 0 as "one".
        let french = ThemeStrings(language: Self.french, messages: ["days_left": .plural(["one": "{count} jour", "other": "{count} jours"])])
        #expect(french.count(.daysLeft, 0) == "0 jour")
        #expect(french.count(.daysLeft, 2) == "2 jours")
    }

    @Test func valuesAreFilledInOnce() {
        // A tag named "{count}" stays as written.
        #expect(ThemeStrings.english.text(.tagged, ["name": "{count} {name}"]) == "Tagged “{count} {name}”")
        #expect(ThemeStrings.english.count(.daysLeft, 1) == "1 day left")
        #expect(ThemeStrings.english.text(.pageOf, ["page": "2", "pages": "9"]) == "Page 2 of 9")
    }

    @Test func theThemesEnglishFileSaysWhatTheBuiltInWordsSay() throws {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("theme/i18n/en.yml"), encoding: .utf8)
        let (messages, problems) = ThemeStrings.read(text, path: "theme/i18n/en.yml")
        #expect(problems.isEmpty)
        #expect(messages == ThemeStrings.english.messages)
        // Byte for byte what the build skips reading (the built-in words written out).
        if text != ThemeStrings.englishFile { try? ThemeStrings.englishFile.write(toFile: "/tmp/en.yml.expected", atomically: true, encoding: .utf8) }
        #expect(text == ThemeStrings.englishFile, "theme/i18n/en.yml differs from the built-in words written out (see /tmp/en.yml.expected)")
    }

    @Test(arguments: ["fr", "de", "es", "ja", "ar"])
    func theThemeSpeaksEachOfItsLanguagesWhole(tag: String) throws {
        let path = "theme/i18n/\(tag).yml"
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent(path), encoding: .utf8)
        let (messages, problems) = ThemeStrings.read(text, path: path)
        #expect(problems.isEmpty)
        let language = try #require(Language(tag))
        let (_, warnings) = ThemeStrings.compose(language: language, fallback: language, files: [path: messages])
        #expect(warnings.isEmpty, "\(warnings)")
        for (key, message) in messages {
            guard let english = ThemeStrings.english.messages[key] else { Issue.record("\(path): `\(key)` is not a word the theme prints"); continue }
            // The same values in every form; a plural message gives every category the language has.
            let names = Self.placeholders(english)
            switch message {
            case .text: #expect(Self.placeholders(message) == names, "\(path): \(key)")
            case .plural(let forms):
                #expect(Set(forms.keys) == Set(language.pluralCategories), "\(path): \(key)")
                for form in forms.values { #expect(Self.placeholders(.text(form)) == names, "\(path): \(key): \(form)") }
            }
        }
    }

    /// The `{name}`s of a message (a plural one's `other`).
    static func placeholders(_ message: ThemeStrings.Message) -> Set<String> {
        let text: String
        switch message {
        case .text(let value): text = value
        case .plural(let forms): text = forms["other"] ?? ""
        }
        var names: Set<String> = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
