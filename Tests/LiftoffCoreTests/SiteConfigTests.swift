import Foundation
import Testing

@testable import LiftoffCore
@testable import LiftoffSource
import LiftoffModel

@Suite struct SiteConfigTests {
    @Test func decodesEveryKey() throws {
        let yaml = """
            title: GPT Image 2 Status
            description: Signals.
            base_url: https://example.org/launch
            language: fr
            author: The desk
            countdown:
              target: 2026-12-01T17:00:00Z
              label: GPT Image 2
            per_page: 5
            markdown:
              unsafe_html: true
              smart_punctuation: false
            newsletter:
              action: https://example.org/subscribe
            footer: "Not affiliated."
            """
        let config = try SiteConfigParser.parse(yaml).get()
        #expect(config.title == "GPT Image 2 Status")
        #expect(config.baseURL == "https://example.org/launch/")
        #expect(config.basePath == "/launch/")
        #expect(config.origin == "https://example.org")
        #expect(config.language == "fr")
        #expect(config.author == "The desk")
        #expect(config.countdown?.label == "GPT Image 2")
        #expect(config.perPage == 5)
        #expect(config.markdown.unsafeHTML)
        #expect(!config.markdown.smartPunctuation)
        #expect(config.newsletter == Newsletter(action: "https://example.org/subscribe"))
        #expect(config.footer == "Not affiliated.")
    }

    @Test func theNewsletterFormTakesWhatAnyListProviderNeeds() throws {
        let yaml = """
            title: T
            base_url: https://example.org
            newsletter:
              action: https://buttondown.example/api/emails/embed-subscribe/launch
              method: GET
              email_field: EMAIL
              hidden: {u: 8f1d, "list[id]": 42}
              title: Follow the launch
              text: One email when the date moves.
              button: Sign up
            """
        let form = try #require(try SiteConfigParser.parse(yaml).get().newsletter)
        #expect(form.action == "https://buttondown.example/api/emails/embed-subscribe/launch")
        #expect(form.method == "get" && form.emailField == "EMAIL")
        #expect(form.hidden.map(\.name) == ["u", "list[id]"] && form.hidden.map(\.value) == ["8f1d", "42"])
        #expect((form.title, form.text, form.button) == ("Follow the launch", "One email when the date moves.", "Sign up"))

        let bad = "title: T\nbase_url: https://example.org\nnewsletter:\n  action: /subscribe\n  method: put\n  email_field: e mail\n  hidden: [a]\n"
        guard case .failure(let failure) = SiteConfigParser.parse(bad) else { Issue.record("should fail"); return }
        #expect(failure.diagnostics.map(\.description) == [
            "site.yml:5: site.yml: newsletter: 'method' must be post or get; got 'put'",
            "site.yml:6: site.yml: newsletter: 'email_field' must be a form field's name (letters, digits, _ - . [ ]), such as email or EMAIL; got 'e mail'",
            "site.yml:7: site.yml: newsletter: 'hidden' must be a mapping of field names to values, like `hidden: {list: launch}`",
        ])
    }

    @Test func defaultsForEveryOptionalKey() throws {
        let config = try SiteConfigParser.parse("title: T\nbase_url: https://example.org\n").get()
        #expect(config.language == "en")
        #expect(config.perPage == 20)
        #expect(config.countdown == nil)
        #expect(config.newsletter == nil)
        #expect(!config.markdown.unsafeHTML)
        #expect(config.markdown.smartPunctuation)
        #expect(config.basePath == "/")
    }

    @Test(arguments: [
        ("title: T\nbase_url: https://example.org/\ntitel: x\n", ["site.yml:3: site.yml: unknown key 'titel'; did you mean 'title'?"]),
        ("base_url: https://example.org/\n", ["site.yml:1: site.yml: missing key 'title'"]),
        ("title: T\n", ["site.yml:1: site.yml: missing key 'base_url' (e.g. `base_url: https://example.org/`)"]),
        ("title: T\nbase_url: example.org\n", ["site.yml:2: site.yml: 'base_url' must be an http:// or https:// URL with a host name, such as https://example.org/ or https://example.org/launch/; got 'example.org'"]),
        ("title: T\nbase_url: https://e.org/\nper_page: 0\n", ["site.yml:3: site.yml: 'per_page' must be a whole number from 1 to 10000"]),
        ("title: T\nbase_url: https://e.org/\nmarkdown:\n  unsafe: true\n", ["site.yml:4: site.yml: markdown: unknown key 'unsafe'"]),
        ("title: T\nbase_url: https://e.org/\ncountdown:\n  target: someday\n", ["site.yml:4: site.yml: countdown: 'target' is not a valid date: 'someday' (use YYYY-MM-DD or ISO 8601 such as 2026-12-01T17:00:00Z)"]),
        ("title: T\nbase_url: https://e.org/\nlanguage: en_US\n", ["site.yml:3: site.yml: 'language' must be a language tag such as en, en-US or pt-BR; got 'en_US'; did you mean 'en-US'?"]),
        ("title: T\nbase_url: https://e.org/\nlanguage: \"\\\"><x\"\n", ["site.yml:3: site.yml: 'language' must be a language tag such as en, en-US or pt-BR; got '\"><x'"]),
        ("title: T\n  bad: indent\n", ["site.yml:2: site.yml: invalid YAML: mapping values are not allowed in this context"]),
    ])
    func reportsProblemsWithLines(yaml: String, messages: [String]) {
        guard case .failure(let failure) = SiteConfigParser.parse(yaml) else {
            Issue.record("accepted: \(yaml)")
            return
        }
        #expect(failure.diagnostics.map(\.description) == messages)
    }

    @Test func aWrongSettingStillLetsTheContentBeChecked() throws {
        let site = try TestSite(
            ["content/a.md": article("A", extra: "related: [nosuch]\n", body: "See [x](nope.md).")],
            siteYML: TestSite.siteYML + "\nper_pag: 3\n")
        defer { site.remove() }
        let failures = site.failures()
        #expect(failures.contains { $0.hasPrefix("site.yml:") && $0.contains("unknown key 'per_pag'") }, "\(failures)")
        #expect(failures.contains("content/a.md:5: related: no article has the slug 'nosuch'"), "\(failures)")
        #expect(failures.contains("content/a.md:8: link to missing article 'nope.md'"), "\(failures)")
    }
}

