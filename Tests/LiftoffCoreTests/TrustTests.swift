import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Attacks on a build, one case a defect: files from outside the site, loops, memory bombs,
/// input that breaks the feed or the page, URLs that break the site, bytes that reach the
/// terminal. Each case runs `liftoff` as a user does and checks the exit status, the exact
/// messages (`$ROOT` stands for the site folder) and what was or was not published.
@Suite struct TrustTests {
    struct Attack: CustomTestStringConvertible, Sendable {
        var name: String
        var files: [String: String] = [:]
        /// Folders, links and settings the files alone cannot make.
        var prepare: @Sendable (TestSite) throws -> Void = { _ in }
        var command: @Sendable (TestSite) -> [String] = { ["build", "--source", $0.root.path, "--now", "2026-11-24T17:00:00Z"] }
        var environment: [String: String] = [:]
        var status: Int32
        var messages: [String]
        /// What else a user would look at afterwards.
        var check: @Sendable (TestSite) throws -> Void = { _ in }
        var testDescription: String { name }
    }

    static let valid = article("Valid", extra: "tags: [x]\n")

    static let cases: [Attack] = [
        Attack(name: "1. a folder link out of the site publishes nothing from outside",
               prepare: { site in try link(site, "content/ext", to: outside(site)) },
               status: 1,
               messages: ["content/ext: symbolic link points outside the site ($ROOT-outside); copy the file into the site instead"],
               check: { site in #expect(!FileManager.default.fileExists(atPath: site.output.path + "/ext/secret.txt")) }),
        Attack(name: "4. a YAML alias bomb is refused before it is expanded",
               files: ["content/a.md": article("A", extra: aliasBomb(levels: 8))],
               status: 1,
               messages: ["content/a.md:5: front matter: too many aliases: they repeat more than 100000 values; write the values out or use fewer aliases"]),
        Attack(name: "4. a YAML alias bomb in site.yml is refused too",
               files: ["site.yml": "title: T\nbase_url: https://example.org/\n" + aliasBomb(levels: 8).replacingOccurrences(of: "extra:", with: "description:")],
               status: 1,
               messages: ["site.yml:3: site.yml: too many aliases: they repeat more than 100000 values; write the values out or use fewer aliases"]),
        Attack(name: "5. symbolic link loops are reported, not followed",
               prepare: { site in
                   try FileManager.default.createSymbolicLink(atPath: site.root.path + "/content/la", withDestinationPath: ".")
                   try FileManager.default.createSymbolicLink(atPath: site.root.path + "/content/lb", withDestinationPath: "..")
               },
               status: 1,
               messages: [
                   "content/la: symbolic link loop: the link leads back to a folder that contains it; remove the link",
                   "content/lb: symbolic link loop: the link leads back to a folder that contains it; remove the link",
               ]),
        Attack(name: "6. a control character in a title is an error at its line",
               files: ["content/a.md": "---\ntitle: \"Launch\\u0001 notes\"\ndate: 2026-11-20\ndescription: D.\n---\nBody.\n"],
               status: 1,
               messages: ["content/a.md:2: front matter: 'title' contains the control character U+0001; remove it"]),
        Attack(name: "6. control characters in a body never reach feed.xml",
               files: ["content/a.md": article("A", body: "Form\u{0C}feed, bell\u{07}, escape\u{1B}, vertical\u{0B}tab, \u{FFFE}\u{FFFF} end.")],
               status: 0, messages: [],
               check: { site in
                   let feed = try Data(contentsOf: site.output.appendingPathComponent("feed.xml"))
                   #expect(isWellFormedXML(feed))
                   #expect(try site.outputText("feed.xml").contains("Formfeed, bell, escape, verticaltab,  end."))
               }),
        Attack(name: "7. a content file where Liftoff makes a page is an error naming both",
               files: [
                   "content/index.html": "<script>alert(1)</script>", "content/feed.xml": "<x/>",
                   "content/tags/index.html": "x", "content/articles/valid/index.html": "x",
               ],
               status: 1,
               messages: [
                   "content/articles/valid/index.html: would be published at articles/valid/index.html, which replaces articles/valid/index.html made by Liftoff; rename or move the file",
                   "content/feed.xml: would be published at feed.xml, which replaces feed.xml made by Liftoff; rename or move the file",
                   "content/index.html: would be published at index.html, which replaces index.html made by Liftoff; rename or move the file",
                   "content/tags/index.html: would be published at tags/index.html, which replaces tags/index.html made by Liftoff; rename or move the file",
               ]),
        Attack(name: "8. an output folder inside content/ is refused",
               command: { ["build", "--source", $0.root.path, "--output", $0.root.path + "/content/pub"] },
               status: 1,
               messages: ["$ROOT/content/pub: output is inside content/: every build would publish the one before it; choose a folder outside content/, such as $ROOT/output"],
               check: { site in #expect(!FileManager.default.fileExists(atPath: site.root.path + "/content/pub")) }),
        Attack(name: "9. an empty title or date is a missing one",
               files: [
                   "content/a.md": "---\ntitle:\ndate: 2026-11-20\n---\nBody.\n",
                   "content/b.md": "---\ntitle: ~\ndate: 2026-11-20\n---\nBody.\n",
                   "content/c.md": "---\ntitle: C\ndate:\n---\nBody.\n",
               ],
               status: 1,
               messages: [
                   // Every problem of each file: the body is checked too.
                   "content/a.md:1: warning: no description: add `description:` or a `TL;DR:` paragraph (lists, the feed and link previews show it)",
                   "content/a.md:2: front matter: missing key 'title'",
                   "content/b.md:1: warning: no description: add `description:` or a `TL;DR:` paragraph (lists, the feed and link previews show it)",
                   "content/b.md:2: front matter: missing key 'title'",
                   "content/c.md:1: warning: no description: add `description:` or a `TL;DR:` paragraph (lists, the feed and link previews show it)",
                   "content/c.md:3: front matter: missing key 'date' (e.g. `date: 2026-11-24`), or name the file `YYYY-MM-DD-c.md`",
               ]),
        Attack(name: "10. a SOURCE_DATE_EPOCH past year 9999 is a usage error",
               command: { ["build", "--source", $0.root.path] }, environment: ["SOURCE_DATE_EPOCH": "9223372036854775807"],
               status: 2,
               messages: ["Error: SOURCE_DATE_EPOCH must be whole seconds since 1970 for a time from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z (-62135596800 to 253402300799), got '9223372036854775807'"],
               check: { site in
                   let entries = try FileManager.default.contentsOfDirectory(atPath: site.root.path).sorted()
                   #expect(entries == ["content", "site.yml", "theme"])
               }),
        Attack(name: "10. a SOURCE_DATE_EPOCH before year 1 is a usage error",
               command: { ["build", "--source", $0.root.path] }, environment: ["SOURCE_DATE_EPOCH": "-9223372036854775808"],
               status: 2,
               messages: ["Error: SOURCE_DATE_EPOCH must be whole seconds since 1970 for a time from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z (-62135596800 to 253402300799), got '-9223372036854775808'"]),
        Attack(name: "11. a base_url without a host is an error at its line",
               files: ["site.yml": "title: T\nbase_url: \"http://\"\n"],
               status: 1,
               messages: ["site.yml:2: site.yml: 'base_url' must be an http:// or https:// URL with a host name, such as https://example.org/ or https://example.org/launch/; got 'http://'"]),
        Attack(name: "11. a base_url with a line break is an error, printed on one line",
               files: ["site.yml": "title: T\nbase_url: \"https://example.org/\\nDisallow: /\"\n"],
               status: 1,
               messages: ["site.yml:2: site.yml: 'base_url' must be an http:// or https:// URL with a host name, such as https://example.org/ or https://example.org/launch/; got 'https://example.org/\\nDisallow: /'"]),
        Attack(name: "11. a doubled trailing slash in base_url is made single",
               files: ["site.yml": "title: T\nbase_url: https://example.org//\n"],
               status: 0, messages: [],
               check: { site in
                   let page = try site.outputText("articles/valid/index.html")
                   #expect(page.contains("href=\"/articles/valid/\"") || page.contains("<link rel=\"canonical\" href=\"https://example.org/articles/valid/\">"))
                   #expect(!page.contains("\"//articles"))
               }),
        Attack(name: "11. a javascript: newsletter action is an error at its line",
               files: ["site.yml": "title: T\nbase_url: https://example.org/\nnewsletter:\n  action: \"javascript:alert(document.domain)\"\n"],
               status: 1,
               messages: ["site.yml:4: site.yml: newsletter: 'action' must be an http:// or https:// URL or a path on this site, such as https://example.org/subscribe or /subscribe; got 'javascript:alert(document.domain)'"]),
        Attack(name: "12. javascript:, vbscript:, data: and file: links are refused, unsafe_html or not",
               files: [
                   "site.yml": TestSite.siteYML + "\nmarkdown:\n  unsafe_html: true\n",
                   "content/a.md": article("A", body: "[a](javascript:alert(1)) [b](VBScript:x) [c](data:text/html,<b>x</b>)\n\n![d](file:///etc/passwd) [e](java&#x09;script:alert(1))\n\n![ok](data:image/png;base64,iVBORw0KGgo=)"),
               ],
               status: 1,
               messages: [
                   "content/a.md:7: link with a javascript: URL: Liftoff never publishes one (it runs code or reads local files in the reader's browser)",
                   "content/a.md:7: link with a vbscript: URL: Liftoff never publishes one (it runs code or reads local files in the reader's browser)",
                   "content/a.md:7: link with a data: URL: Liftoff never publishes one (it runs code or reads local files in the reader's browser)",
                   "content/a.md:9: image with a file: URL: Liftoff never publishes one (it runs code or reads local files in the reader's browser)",
                   "content/a.md:9: link with a javascript: URL: Liftoff never publishes one (it runs code or reads local files in the reader's browser)",
               ].sorted()),
        Attack(name: "13. terminal escapes in a YAML key are printed escaped",
               files: ["content/a.md": article("A", extra: "\"\\e]0;PWNED\\a\\e[2J\": 1\n")],
               status: 1,
               messages: ["content/a.md:5: front matter: unknown key '\\u{1B}]0;PWNED\\u{7}\\u{1B}[2J'; custom fields belong under 'extra:'"]),
        Attack(name: "13. a duplicate key is one line, not the whole document",
               files: ["content/a.md": "---\ntitle: A\ndate: 2026-11-20\ntitle: B\n---\nBody.\n"],
               status: 1,
               messages: ["content/a.md:2: front matter: key 'title' appears twice"]),
        Attack(name: "13. a slug of 300 characters is refused at validation",
               files: ["content/a.md": article("A", extra: "slug: \(String(repeating: "a", count: 300))\n")],
               status: 1,
               messages: ["content/a.md:5: front matter: slug '\(String(repeating: "a", count: 300))' is 300 characters long; keep it to 200 (it names a folder)"]),
        Attack(name: "16. a duplicate slug is reported at its slug: line",
               files: ["content/z.md": article("Z", extra: "slug: valid\n")],
               status: 1,
               messages: ["content/z.md:5: slug 'valid' is already used by content/valid.md; set a different `slug:`"]),
        Attack(name: "16. a misspelt image name gets a suggestion",
               files: ["content/a.md": article("A", body: "![Sample](nb3-sampel.png)"), "content/nb3-sample.png": "png"],
               status: 1,
               messages: ["content/a.md:7: image 'nb3-sampel.png' not found next to the article; did you mean 'nb3-sample.png'?"]),
        Attack(name: "16. a link from an article moved into a folder says links are relative",
               files: ["content/news/a.md": article("A", body: "See [the other](valid.md).")],
               status: 1,
               messages: ["content/news/a.md:7: link to missing article 'valid.md'; links are relative to the article's folder (content/news/): did you mean '../valid.md'?"]),
        Attack(name: "16. check does not claim to have published anything",
               files: ["content/a.md": article("A", extra: "relatd: [b]\n")],
               command: { ["check", "--source", $0.root.path] },
               status: 1,
               messages: ["content/a.md:5: front matter: unknown key 'relatd'; did you mean 'related'?", "1 error."]),
        // Issue 29: the second round of attacks.
        Attack(name: "29.6 an SVG that runs code is refused while unsafe_html is off, shown or not",
               files: [
                   "content/a.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">\n<script>alert(document.domain)</script>\n</svg>\n",
                   "content/b.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<rect width=\"5\" height=\"5\"\n  ONLOAD = \"alert(1)\"/>\n</svg>\n",
                   "content/c.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"><x:foreignObject xmlns:x=\"http://www.w3.org/2000/svg\"/></svg>",
                   "content/d.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:l=\"http://www.w3.org/1999/xlink\">\n<a l:href=\"&#106;ava\nscript:alert(1)\"><text>x</text></a></svg>",
                   "content/e.svg": "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [<!ENTITY s \"&#60;script&#62;\">]>\n<svg xmlns=\"http://www.w3.org/2000/svg\">&s;</svg>",
                   "content/ok.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><!-- one circle --><circle cx=\"5\" cy=\"5\" r=\"4\" fill=\"#123\"/><text>Script &amp; onion = 2</text></svg>",
                   "content/valid.md": article("Valid", extra: "tags: [x]\n", body: "![Chart](a.svg)"),
               ],
               status: 1,
               messages: [
                   "content/a.svg:2: the SVG holds a <script> element: \(svgAdvice)",
                   "content/b.svg:3: the SVG has an event attribute (onload=) that runs code: \(svgAdvice)",
                   "content/c.svg:1: the SVG holds a <foreignObject> element: \(svgAdvice)",
                   "content/d.svg:2: the SVG holds a javascript: URL: \(svgAdvice)",
                   "content/e.svg:2: the SVG declares entities (<!ENTITY>), which could hide markup: \(svgAdvice)",
               ]),
        Attack(name: "29.6 with unsafe_html on, an SVG is published as it is",
               files: [
                   "site.yml": TestSite.siteYML + "\nmarkdown:\n  unsafe_html: true\n",
                   "content/a.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
               ],
               status: 0, messages: [],
               check: { site in
                   let svg = try site.outputText("a.svg")
                   #expect(svg.contains("<script>"))
               }),
        Attack(name: "29.7 aliases that _redirects reads as patterns are errors at their line",
               files: ["content/a.md": article("A", extra: "aliases:\n  - /*\n  - /:splat/\n  - /assets/*\n  - /old!\n")],
               status: 1,
               messages: [
                   "content/a.md:6: front matter: alias '/*' must not contain '*': \(aliasAdvice)",
                   "content/a.md:7: front matter: alias '/:splat/' must not contain ':': \(aliasAdvice)",
                   "content/a.md:8: front matter: alias '/assets/*' must not contain '*': \(aliasAdvice)",
                   "content/a.md:9: front matter: alias '/old!' must not contain '!': \(aliasAdvice)",
               ]),
        Attack(name: "29.10 a timeline of 25,000 entries written out is not an alias bomb",
               files: ["content/a.md": article("A", body: "```{timeline}\nentries:\n" + String(repeating: "  - date: 2026-11-01\n    text: Seen.\n", count: 25_000) + "```")],
               command: { ["check", "--source", $0.root.path, "--now", "2026-11-24T17:00:00Z"] },
               status: 0, messages: []),
        Attack(name: "29.12 a broken card logo is site.yml's error, at its line",
               files: [
                   "site.yml": TestSite.siteYML + "\ncards:\n  logo: theme/logo.svg\n",
                   "theme/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect",
               ],
               status: 1,
               messages: ["site.yml:8: site.yml: cards: logo 'theme/logo.svg': glib: XML parse error: Error domain 1 code 77 on line 1 column 46 of data: Premature end of data in tag svg line 1"]),
        Attack(name: "29.13 file names that differ only in case from a generated file are errors",
               files: ["content/INDEX.html": "<p>x</p>", "content/Feed.xml": "<x/>", "content/Articles/Valid/index.html": "x"],
               status: 1,
               messages: [
                   "content/Articles/Valid/index.html: would be published at Articles/Valid/index.html, which differs only in case from articles/valid/index.html made by Liftoff (a host that ignores case serves one in place of the other); rename or move the file",
                   "content/Feed.xml: would be published at Feed.xml, which differs only in case from feed.xml made by Liftoff (a host that ignores case serves one in place of the other); rename or move the file",
                   "content/INDEX.html: would be published at INDEX.html, which differs only in case from index.html made by Liftoff (a host that ignores case serves one in place of the other); rename or move the file",
               ]),
        Attack(name: "29.13 two names that differ only in how a letter is encoded say which is which",
               // Two keys a Swift dictionary holds as one: written byte for byte.
               prepare: { site in
                   for (name, title) in [("caf\u{E9}.md", "Composed"), ("cafe\u{301}.md", "Decomposed")] {
                       let descriptor = open(site.root.path + "/content/" + name, O_WRONLY | O_CREAT | O_EXCL, 0o644)
                       let bytes = Array(article(title).utf8)
                       #expect(descriptor >= 0 && write(descriptor, bytes, bytes.count) == bytes.count)
                       close(descriptor)
                   }
               },
               status: 1,
               messages: ["content/caf\u{E9}.md:1: slug 'cafe' is already used by content/cafe\u{301}.md: the two file names look the same but their letters are encoded differently (this one composed (NFC), that one decomposed (NFD)); keep one of them"]),
    ]

    static let svgAdvice = "with markdown.unsafe_html off, Liftoff publishes no SVG that can run code in a reader's browser; remove it, or set `unsafe_html: true` under `markdown:` if every author is trusted"
    static let aliasAdvice = "hosts that read _redirects take `*`, `:name` and `!` as patterns, and the redirect would catch other addresses"

    @Test(arguments: cases)
    func attack(_ attack: Attack) throws {
        let site = try TestSite(["content/valid.md": Self.valid].merging(attack.files) { $1 })
        defer { site.remove() }
        try attack.prepare(site)
        let run = try CommandLineTests().liftoff(attack.command(site), environment: attack.environment, timeout: 60)
        #expect(run.status == attack.status, "\(run.errors)")
        // A cache's file names carry a key of 32 hexadecimal digits: `<key>` in the messages.
        let key = /[0-9a-f]{32}(?=-[0-9])/
        let lines = run.errors.split(separator: "\n").map { String($0).replacing(key, with: "<key>") }
            .filter { !$0.hasSuffix("nothing was published.") && !$0.hasPrefix("Usage:") && !$0.hasPrefix("  See ") }
        #expect(lines == attack.messages.map { $0.replacingOccurrences(of: "$ROOT", with: site.root.path) })
        if attack.status != 0, attack.command(site).first == "build" {
            #expect(!FileManager.default.fileExists(atPath: site.output.path))
        }
        try attack.check(site)
        try? FileManager.default.removeItem(atPath: site.root.path + "-outside")
    }

    /// `extra:` holding `levels` nested aliases, each repeating the one before ten times:
    /// 10^levels values from a few hundred bytes.
    static func aliasBomb(levels: Int) -> String {
        var yaml = "extra:\n  l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1..<levels {
            yaml += "  l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        return yaml
    }
}

/// Whether `data` parses as XML 1.0.
func isWellFormedXML(_ data: Data) -> Bool {
    XMLParser(data: data).parse()
}
