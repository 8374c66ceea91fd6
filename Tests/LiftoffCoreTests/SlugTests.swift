import Testing

@testable import LiftoffCore
@testable import LiftoffModel

@Suite struct SlugTests {
    @Test(arguments: [
        ("GPT Image 2: 7 Days Left!", "gpt-image-2-7-days-left"),
        ("  Launch -- day  ", "launch-day"),
        ("Café déjà vu", "cafe-deja-vu"),
        ("What's next?", "whats-next"),
        ("!!!", ""),
        ("It’s GPT-5 day", "its-gpt-5-day"),
        ("MIXED case_and_underscores", "mixed-case-and-underscores"),
        ("Ünïcode Äpfel", "unicode-apfel"),
        // Other scripts keep their letters (and their marks), lower-cased; Latin's accents go.
        ("تحضير الإطلاق", "تحضير-الإطلاق"),
        ("画像生成 API", "画像生成-api"),
        ("デザイン", "デザイン"),
        ("Запуск GPT", "запуск-gpt"),
        ("हिंदी समाचार", "हिंदी-समाचार"),
        ("한국어 뉴스", "한국어-뉴스"),
    ])
    func makesSlugs(text: String, slug: String) {
        #expect(Slug.make(text) == slug)
    }

    @Test(arguments: [
        ("good-slug-2", nil),
        ("a/b", "must not contain '/' or '..'"),
        ("..", "must not contain '/' or '..'"),
        ("Upper", "must be lower case"),
        ("two words", "must not contain spaces; use '-'"),
        ("", "is empty"),
        ("-edge", "must not start or end with '-'"),
        ("ünï", "may hold only a-z, 0-9 and '-' (and letters of scripts other than Latin)"),
        ("تحضير", nil),
        ("発表-2", nil),
        ("\u{30C6}\u{3099}", "must be in Unicode's composed form (NFC)"),
    ] as [(String, String?)])
    func validatesSlugs(slug: String, problem: String?) {
        #expect(Slug.problem(slug) == problem)
    }
}
