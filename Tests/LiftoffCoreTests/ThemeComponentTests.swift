import Foundation
import Testing

@testable import LiftoffCore
@testable import LiftoffModel

/// Components placed with ```` ```{name} ```` blocks: values checked against the schema beside the
/// theme's template, images through the images pipeline, links resolved; the built-in compare,
/// gallery and timeline; a component a theme adds without code.
@Suite struct ThemeComponentTests {
    /// `content/a.md` with `body` (its first line is the file's line 7), and the image fixtures beside it.
    static func site(_ body: String, images: [String] = [], files: [String: String] = [:]) throws -> TestSite {
        let site = try TestSite(files.merging(["content/a.md": article("A", body: body)]) { $1 })
        for name in images { try site.write("content/\(name)", ImageTests.fixture(name)) }
        return site
    }

    static let fence = "```"

    @Test func everyProblemInsideABlockIsReportedAtItsLineWithASuggestion() throws {
        let body = """
            \(Self.fence){compare}
            prompt: A fox in snow
            slidr: true
            images:
              - image: wide.jpg
                label: Model A
                alt: A fox
                captoin: first
            \(Self.fence)

            \(Self.fence){timeline}
            order: newest
            entries:
              - date: 2026-11-31
                text: Docs changed.
                status: rumour
              - text: No date.
              - date: 2026-11-02
                text: [not, text]
            \(Self.fence)

            \(Self.fence){gallery}
            images: one.png
            \(Self.fence)

            \(Self.fence){compare}
            slider: yes please
            images:
              - image: missing.png
                label: A
                alt: a
              - image: https://example.com/b.png
                label: B
                alt: b
              - image: notes.txt
                label: C
                alt: c
            \(Self.fence)
            """
        let site = try Self.site(body, images: ["wide.jpg"], files: ["content/notes.txt": "text"])
        defer { site.remove() }
        let failures = site.failures()
        #expect(failures == [
            "content/a.md:9: component 'compare': unknown key 'slidr'; did you mean 'slider'?",
            "content/a.md:10: component 'compare': 'images' holds 1 item; it takes 2 to 4",
            "content/a.md:14: component 'compare', images item 1: unknown key 'captoin'; did you mean 'caption'?",
            "content/a.md:18: component 'timeline': 'order' must be one of newest-first, oldest-first, as-written, not 'newest'",
            "content/a.md:20: component 'timeline', entries item 1: 'date' is not a valid date: '2026-11-31' (use YYYY-MM-DD or ISO 8601 such as 2026-12-01T17:00:00Z)",
            "content/a.md:22: component 'timeline', entries item 1: 'status' must be one of confirmed, reported, rumor, not 'rumour'; did you mean 'rumor'?",
            "content/a.md:23: component 'timeline', entries item 2: 'date' is required",
            "content/a.md:25: component 'timeline', entries item 3: 'text' must be a single value, not a list or mapping",
            "content/a.md:29: component 'gallery': 'images' must be a list: one `- key: value` entry a line",
            "content/a.md:33: component 'compare': 'slider' must be true or false",
            "content/a.md:35: component 'compare', images item 1: image 'missing.png' not found next to the article",
            "content/a.md:38: component 'compare', images item 2: 'image' must be an image file of the site, named from the article's folder (a remote image has no size to reserve)",
            "content/a.md:41: component 'compare', images item 3: 'image': 'notes.txt' is not an image (JPEG, PNG, WebP, AVIF, GIF or SVG)",
        ], "\(failures)")
    }

    @Test func anUnknownComponentOrTextAfterItsNameIsAnErrorAtTheFence() throws {
        let body = """
            \(Self.fence){comprae}
            images: []
            \(Self.fence)

            \(Self.fence){python}
            print(1)
            \(Self.fence)

            \(Self.fence){gallery} wide
            images: []
            \(Self.fence)
            """
        let site = try Self.site(body)
        defer { site.remove() }
        let failures = site.failures()
        let names = "(this theme has {compare}, {countdown}, {gallery}, {timeline}; to show code, write its language without braces)"
        #expect(failures == [
            "content/a.md:7: unknown component 'comprae'; did you mean '{compare}'? \(names)",
            "content/a.md:11: unknown component 'python' \(names)",
            "content/a.md:15: write `{gallery}` alone on the fence line: the component's values go in its body, one `key: value` a line",
        ], "\(failures)")
    }

    @Test func compareShowsEachImageProcessedWithItsLabelAndThePromptOnce() throws {
        let body = """
            \(Self.fence){compare}
            prompt: "A fox in *fresh* snow"
            slider: true
            images:
              - image: wide.jpg
                alt: The fox, warm light
                label: Model A
                caption: See [the other article](b.md).
              - image: alpha.png
                alt: The fox, cool light
                label: Model <B>
            \(Self.fence)
            """
        let site = try Self.site(body, images: ["wide.jpg", "alpha.png"], files: ["content/b.md": article("B")])
        defer { site.remove() }
        let report = try site.publishReport()
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        let page = try site.outputText("articles/a/index.html")
        let figure = try #require(between("<figure class=\"compare compare-2\"", "\n</figure>", in: page))
        #expect(figure.hasPrefix(" id=\"compare\" data-compare-slider>"))
        #expect(figure.components(separatedBy: "compare-prompt-label").count == 2)
        #expect(figure.contains("A fox in <em>fresh</em> snow</figcaption>"))
        #expect(figure.contains("<span class=\"compare-label\">Model &lt;B&gt;</span>"))
        #expect(figure.contains("See <a href=\"/articles/b/\">the other article</a>."))
        // Each image: WebP and a fallback at several widths, its size, the component's `sizes`, published.
        let images = figure.components(separatedBy: "<img ").dropFirst().map { String($0.prefix { $0 != ">" }) }
        #expect(images.count == 2)
        for image in images {
            #expect(!attributeValues("width", in: image).isEmpty && !attributeValues("height", in: image).isEmpty)
            #expect(attributeValues("sizes", in: image) == ["(max-width: 46.5rem) calc(100vw - 2.5rem), 44rem"])
            for src in attributeValues("src", in: image) {
                #expect(FileManager.default.fileExists(atPath: site.output.path + src), "\(src)")
            }
        }
        #expect(attributeValues("alt", in: images[0]) == ["The fox, warm light"])
        #expect(figure.contains("<source type=\"image/webp\""))
        // The slider's script is loaded by this page only.
        let scripts = attributeValues("src", in: page).filter { $0.hasPrefix("/assets/compare.") && $0.hasSuffix(".js") }
        #expect(scripts.count == 1)
        #expect(try !site.outputText("articles/b/index.html").contains("/assets/compare."))
    }

    @Test func galleryLinksEachImageToItsFullSizeFile() throws {
        let body = """
            \(Self.fence){gallery}
            title: Samples
            images:
              - image: wide.jpg
                alt: A wide sample
                caption: The first one
              - image: alpha.png
            \(Self.fence)
            """
        let site = try Self.site(body, images: ["wide.jpg", "alpha.png"])
        defer { site.remove() }
        let report = try site.publishReport()
        #expect(report.warnings.map(\.description) == [
            "content/a.md:13: warning: image 'alpha.png' has no alt text: say what it shows in `alt:`"
        ])
        let page = try site.outputText("articles/a/index.html")
        let gallery = try #require(between("<figure class=\"gallery\"", "</figure>", in: page))
        let links = attributeValues("href", in: gallery)
        #expect(links.count == 2)
        for (link, stem) in zip(links, ["wide.", "alpha."]) {
            #expect(link.hasPrefix("/articles/a/\(stem)"))
            // The widest file of its srcset, published.
            let srcsets = gallery.components(separatedBy: link).count
            #expect(srcsets >= 2, "\(link) is not the widest of the image's files")
            #expect(FileManager.default.fileExists(atPath: site.output.path + link))
        }
        #expect(gallery.contains("<p class=\"gallery-caption\">The first one</p>"))
        #expect(gallery.components(separatedBy: "loading=\"lazy\"").count == 2, "the first image of the page is fetched at once")
    }

    @Test func timelineShowsDatesInTheSiteFormatNewestFirstOrAsWritten() throws {
        func entries(_ order: String) -> String {
            """
            \(Self.fence){timeline}
            \(order)
            entries:
              - date: 2026-10-27
                text: First.
                status: confirmed
              - date: 2026-11-21T09:30:00Z
                text: Third, see [B](b.md).
                link: b.md
              - date: 2026-11-04
                text: Second.
                link: "https://example.org/search?q=gpt image 2&lang=\\"é\\""
            \(Self.fence)
            """
        }
        for (order, expected) in [("", ["Third", "Second", "First"]), ("order: as-written", ["First", "Third", "Second"]),
                                  ("order: oldest-first", ["First", "Second", "Third"])] {
            let site = try Self.site(entries(order), files: ["content/b.md": article("B")])
            defer { site.remove() }
            let page = try #require(try site.build()["articles/a/index.html"])
            let timeline = try #require(between("<section class=\"timeline\"", "</section>", in: page))
            let texts = timeline.components(separatedBy: "<div class=\"timeline-text\">").dropFirst().map { String($0.prefix { $0 != "," && $0 != "." }) }
            #expect(texts == expected, "\(order)")
            #expect(timeline.contains("<time class=\"timeline-date\" datetime=\"2026-10-27\">October 27, 2026</time> <span class=\"timeline-status\">confirmed</span>"))
            #expect(timeline.contains("datetime=\"2026-11-21T09:30:00Z\">November 21, 2026</time>"))
            #expect(timeline.contains("<a href=\"/articles/b/\">Source</a>"))
            // A link is written as cmark-gfm writes a Markdown link's: a space or a quote is %-escaped.
            #expect(timeline.contains("<a href=\"https://example.org/search?q=gpt%20image%202&amp;lang=%22%C3%A9%22\">Source</a>"), "\(timeline)")
        }
    }

    @Test func aThemeAddsAComponentWithATemplateAndASchemaAlone() throws {
        let site = try Self.site("""
            \(Self.fence){model-card}
            name: GPT Image 2
            price: 4
            available: false
            docs: b.md
            \(Self.fence)
            """, files: [
                "content/b.md": article("B"),
                "theme/templates/components/model-card.mustache":
                    "<aside class=\"model\" id=\"{{id}}\"><b>{{name}}</b> {{price}}¢{{^available}} (waitlist){{/available}} <a href=\"{{docs}}\">docs</a></aside>\n",
                "theme/templates/components/model-card.yml": """
                    params:
                      name: {type: string, required: true}
                      price: {type: number}
                      available: {type: bool}
                      docs: {type: link}
                    """,
            ])
        defer { site.remove() }
        let page = try #require(try site.build()["articles/a/index.html"])
        #expect(page.contains("<aside class=\"model\" id=\"model-card\"><b>GPT Image 2</b> 4¢ (waitlist) <a href=\"/articles/b/\">docs</a></aside>"))
        try site.write("content/a.md", article("A", body: "\(Self.fence){model-card}\nprice: cheap\n\(Self.fence)"))
        #expect(site.failures() == [
            "content/a.md:7: component 'model-card': 'name' is required",
            "content/a.md:8: component 'model-card': 'price' must be a whole number from -1000000000 to 1000000000",
        ])
    }

    @Test func aBrokenSchemaIsAnErrorInTheThemeAtItsLine() throws {
        let site = try Self.site("Text.", files: [
            "theme/templates/components/quote.mustache": "<q>{{text}}</q>",
            "theme/templates/components/quote.yml": "params:\n  text: {type: strng}\n  by:\n    type: list\n  id: {type: string}\nscript: quote.js\n",
            "theme/templates/components/orphan.yml": "params: {}\n",
            "theme/templates/components/countdown.yml": "params: {}\n",
            "theme/templates/components/widget.mustache": "<div></div>",
            "theme/templates/components/widget.yml": """
                params:
                  shots:
                    type: list
                    min: 5
                    max: 2
                    items:
                      when: {type: date}
                  order: {type: order, list: nolist, by: when}
                  pic: {type: image, alt: nokey}

                """,
        ])
        defer { site.remove() }
        #expect(site.failures() == [
            "theme/templates/components/countdown.yml:1: 'countdown' is a component Liftoff reads itself: name this one otherwise",
            "theme/templates/components/orphan.yml:1: component 'orphan' has no template: add theme/templates/components/orphan.mustache",
            "theme/templates/components/quote.yml:2: component schema, parameter 'text': unknown type 'strng'; did you mean 'string'? (types: string, markdown, bool, number, date, image, link, list, order)",
            "theme/templates/components/quote.yml:4: component schema, parameter 'by': a list declares its items' parameters under `items:`",
            "theme/templates/components/quote.yml:5: component schema: 'id' is given to every component by Liftoff; name the parameter otherwise",
            "theme/templates/components/quote.yml:6: component schema: script 'quote.js' is not a file of theme/assets/",
            "theme/templates/components/widget.yml:5: component schema, parameter 'shots': max 2 is below min 5: no list could be given",
            "theme/templates/components/widget.yml:8: component schema: order 'order' must name a list parameter (`list:`) and a date key of its items (`by:`)",
            "theme/templates/components/widget.yml:9: component schema: image 'pic' takes its alt text from 'nokey', which is not a parameter beside it",
        ])
    }

    @Test func componentBlocksAreNotHighlightedAndCountdownTakesBothSpellings() throws {
        let site = try Self.site("""
            \(Self.fence){countdown}
            target: 2026-12-01T17:00:00Z
            label: Braces
            \(Self.fence)

            \(Self.fence)countdown
            target: 2026-12-01T17:00:00Z
            label: Bare
            \(Self.fence)
            """)
        defer { site.remove() }
        let page = try #require(try site.build()["articles/a/index.html"])
        let body = try #require(between("<div class=\"prose\">", "</article>", in: page))
        #expect(body.components(separatedBy: "data-countdown").count == 3)
        #expect(body.contains("Braces") && body.contains("Bare"))
        #expect(!body.contains("<pre"))
    }

    @Test func aCarriedOverPageKeepsItsComponentImagesAndAnEditedImageIsRepublished() throws {
        let body = """
            \(Self.fence){gallery}
            images:
              - image: wide.jpg
                alt: Wide
            \(Self.fence)
            """
        let site = try Self.site(body, images: ["wide.jpg"], files: (0..<25).reduce(into: [:]) { files, n in
            files["content/filler-\(n).md"] = article("Filler \(n)", date: "2026-11-21T10:\(String(format: "%02d", n)):00Z")
        })
        defer { site.remove() }
        _ = try site.publishReport()
        let before = try site.outputText("articles/a/index.html")
        let grid = try #require(between("<ul class=\"gallery-grid\">", "</ul>", in: before))
        let link = try #require(attributeValues("href", in: grid).first)
        // The article is beyond the feed's 20: carried over, its images linked again.
        try site.write("content/filler-0.md", article("Filler 0", date: "2026-11-21T10:00:00Z", body: "Edited."))
        let second = try site.publishReport()
        #expect(!second.renderedPages.contains("articles/a/index.html"))
        #expect(FileManager.default.fileExists(atPath: site.output.path + link))
        // A different image under the same name: a new file, the page rendered again.
        try site.write("content/wide.jpg", ImageTests.fixture("rotated-gps.jpg"))
        let third = try site.publishReport()
        #expect(third.renderedPages.contains("articles/a/index.html"))
        let after = try site.outputText("articles/a/index.html")
        #expect(!after.contains(link) && !FileManager.default.fileExists(atPath: site.output.path + link))
    }
}
