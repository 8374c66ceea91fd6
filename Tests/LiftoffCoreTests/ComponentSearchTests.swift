import Foundation
import Testing

@testable import LiftoffCore
@testable import LiftoffModel

/// What search reads of a theme's component: its prose, not a value its schema marks `search: false`.
@Suite struct ComponentSearchTests {
    static let schema = """
        params:
          label: {type: string}
          colour: {type: string, search: false}
          note: {type: markdown, search: false}
          caption: {type: markdown}
        """

    @Test func aValueMarkedNotForSearchIsShownButNotIndexed() throws {
        let site = try ThemeComponentTests.site("""
            \(ThemeComponentTests.fence){swatch}
            label: Sunset tone
            colour: chartreuse
            note: Measured *indigo*.
            caption: A *violet* sky.
            \(ThemeComponentTests.fence)
            """, files: [
                "theme/templates/components/swatch.mustache":
                    "<figure style=\"--tone: {{colour}}\">{{label}}: {{{note}}} <figcaption>{{{caption}}}</figcaption></figure>\n",
                "theme/templates/components/swatch.yml": Self.schema,
            ])
        defer { site.remove() }
        let pages = try site.build()
        let page = try #require(pages["articles/a/index.html"])
        #expect(page.contains("<figure style=\"--tone: chartreuse\">Sunset tone: Measured <em>indigo</em>. <figcaption>A <em>violet</em> sky.</figcaption></figure>"))
        let index = try SearchReader(pages)
        #expect(index.search("sunset").map(\.title) == ["A"] && index.search("violet").map(\.title) == ["A"])
        #expect(index.search("chartreuse").isEmpty && index.search("indigo").isEmpty)
        let text = try #require(pages["articles/a/search.txt"])
        #expect(text.hasSuffix("Sunset tone\nA violet sky.") && !text.contains("chartreuse") && !text.contains("indigo"))
    }

    @Test func searchIsDeclaredOnlyForWhatSearchReads() throws {
        let site = try ThemeComponentTests.site("Text.", files: [
            "theme/templates/components/card.mustache": "<p>{{price}} {{status}}</p>",
            "theme/templates/components/card.yml": """
                params:
                  price: {type: number, search: false}
                  status: {type: string, values: [preview, ga], search: true}
                  label: {type: string, search: maybe}
                """,
        ])
        defer { site.remove() }
        let failures = site.failures()
        #expect(failures.count == 3)
        #expect(failures.prefix(2) == [
            "theme/templates/components/card.yml:2: component schema, parameter 'price': search reads only a free `string` or a `markdown` value; remove `search:`",
            "theme/templates/components/card.yml:3: component schema, parameter 'status': search reads only a free `string` or a `markdown` value; remove `search:`",
        ])
        #expect(failures.last?.hasPrefix("theme/templates/components/card.yml:4: ") == true)
    }
}
