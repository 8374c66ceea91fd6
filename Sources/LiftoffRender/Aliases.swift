
/// Old URLs that keep working: each `aliases:` path of an article gets a small page sending readers
/// to the article (meta refresh, a visible link, `rel=canonical`, `noindex`), and `_redirects`
/// lists the same moves for hosts that read it (Netlify, Cloudflare Pages) as permanent redirects.
package enum Aliases {
    /// The file an alias is published as: `/articles/old/` → `articles/old/index.html`,
    /// `/old.html` → `old.html`, `/old` → `old/index.html`.
    package static func file(_ alias: String) -> String {
        let path = alias.dropFirst()
        if path.hasSuffix("/") { return path + "index.html" }
        if path.hasSuffix(".html") { return String(path) }
        return path + "/index.html"
    }

    /// The page at an old path.
    package static func page(to url: String, title: String, language: String) -> String {
        let url = HTMLEscaping.escape(url), title = HTMLEscaping.escape(title)
        return """
            <!DOCTYPE html>
            <html lang="\(HTMLEscaping.escape(language))">
            <head>
            <meta charset="utf-8">
            <title>\(title)</title>
            <link rel="canonical" href="\(url)">
            <meta name="robots" content="noindex">
            <meta http-equiv="refresh" content="0; url=\(url)">
            </head>
            <body>
            <p>This page has moved: <a href="\(url)">\(title)</a>.</p>
            </body>
            </html>

            """
    }

    /// `_redirects`: `/old/path/ /new/path/ 301`, a line a move.
    package static func redirects(_ moves: [(from: String, to: String)]) -> String {
        moves.map { "\($0.from) \($0.to) 301\n" }.joined()
    }
}
