import Foundation
import Testing

import LiftoffModel

/// Plural categories, dates and directions, as CLDR (the system's ICU) gives them.
@Suite struct LanguageTests {
    static let counts: [Int64] = [0, 1, 2, 5, 11, 21, 101]

    @Test(arguments: [
        ("en", ["other", "one", "other", "other", "other", "other", "other"]),
        ("en-GB", ["other", "one", "other", "other", "other", "other", "other"]),
        // French: 0 and 1 are both "one".
        ("fr", ["one", "one", "other", "other", "other", "other", "other"]),
        // Arabic has all six.
        ("ar", ["zero", "one", "two", "few", "many", "many", "other"]),
        ("ja", ["other", "other", "other", "other", "other", "other", "other"]),
        // Russian: 21 and 101 end in 1 (one); 2 is few; 5, 11 and 0 are many.
        ("ru", ["many", "one", "few", "many", "many", "one", "one"]),
    ])
    func pluralCategoriesFollowCLDR(tag: String, expected: [String]) throws {
        let language = try #require(Language(tag))
        #expect(Self.counts.map(language.pluralCategory) == expected)
    }

    @Test func eachLanguageNamesItsCategories() throws {
        #expect(try #require(Language("ar")).pluralCategories == ["zero", "one", "two", "few", "many", "other"])
        #expect(try #require(Language("ja")).pluralCategories == ["other"])
        #expect(Language.english.pluralCategories == ["one", "other"])
    }

    @Test(arguments: [
        ("en", "November 24, 2026", "Nov 24"),
        ("fr", "24 novembre 2026", "24 nov."),
        ("de", "24. November 2026", "24. Nov."),
        ("es", "24 de noviembre de 2026", "24 nov"),
        ("ja", "2026年11月24日", "11月24日"),
    ])
    func daysAreWrittenAsEachLanguageWritesThem(tag: String, long: String, short: String) throws {
        let language = try #require(Language(tag))
        let day = try #require(Timestamp(iso8601: "2026-11-24T23:30:00Z"))
        #expect(language.longDay(day) == long)
        #expect(language.shortDay(day) == short)
    }

    @Test func numbersAreWrittenWithEachLanguagesDigitsAndGrouping() throws {
        #expect(Language.english.number(1000) == "1000")
        #expect(try #require(Language("ar")).number(7) == "٧")
        #expect(try #require(Language("de")).number(1000) == "1.000")
        // French groups thousands with a narrow no-break space.
        #expect(try #require(Language("fr")).number(1000) == "1\u{202F}000")
        // Counts in words follow: "٢ …" in Arabic.
        let arabic = ThemeStrings(language: try #require(Language("ar")), messages: ["days_left": .plural(["two": "{count}", "other": "{count}"])])
        #expect(arabic.count(.daysLeft, 2) == "٢")
    }

    @Test func timesAreWrittenWithEachLanguagesDigits() throws {
        let moment = try #require(Timestamp(iso8601: "2026-11-24T07:04:00Z"))
        #expect(Language.english.time(moment) == "07:04")
        #expect(try #require(Language("fr")).time(moment) == "07:04")
        #expect(try #require(Language("ar")).time(moment) == "٠٧:٠٤")
        // Only the time of day counts: the same minute on another day.
        #expect(try #require(Language("ar")).time(Timestamp(seconds: moment.seconds + 86_400 * 3)) == "٠٧:٠٤")
    }

    @Test func eachLanguageNamesItsDigits() throws {
        #expect(Language.english.numberingSystem == "latn")
        #expect(try #require(Language("fr")).numberingSystem == "latn")
        #expect(try #require(Language("ar")).numberingSystem == "arab")
    }

    @Test func arabicDatesUseArabicMonthNames() throws {
        let text = try #require(Language("ar")).longDay(try #require(Timestamp(iso8601: "2026-11-24T00:00:00Z")))
        #expect(text.contains("نوفمبر"))
    }

    @Test func rightToLeftLanguagesAreKnown() {
        for tag in ["ar", "he", "fa", "ur"] { #expect(Language(tag)?.isRightToLeft == true, "\(tag)") }
        for tag in ["en", "fr", "ja", "pt-BR"] { #expect(Language(tag)?.isRightToLeft == false, "\(tag)") }
    }

    @Test func onlyLanguageTagsICUKnowsAreLanguages() {
        for tag in ["en", "fr", "pt-BR", "zh-Hant", "es-419", "sr-Latn-RS"] { #expect(Language(tag) != nil, "\(tag)") }
        for tag in ["en_US", "EN", "f", "fr-", "-fr", "zz", "klingon", "fr--CA", "", "fr-ÇA"] { #expect(Language(tag) == nil, "\(tag)") }
    }
}
