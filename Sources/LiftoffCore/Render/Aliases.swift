/// Old URLs that keep working: each `aliases:` path of an article gets a small page sending readers
/// to the article (meta refresh, a visible link, `rel=canonical`, `noindex`), and `_redirects`
/// lists the same moves for hosts that read it (Netlify, Cloudflare Pages) as permanent redirects.
enum Aliases {
    /// Why `alias` cannot be an old path of an article, or nil.
    static func problem(_ alias: String) -> String? {
        guard alias.hasPrefix("/"), alias != "/" else { return "must be a path on this site, like /articles/old-slug/" }
        if alias.contains(where: { $0 == "?" || $0 == "#" || $0 == "\\" || $0 == "\"" || $0 == "<" || $0 == ">" || $0.isWhitespace })
            || alias.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "must be a plain path (no spaces, tabs, quotes, query or fragment)"
        }
        // Netlify and Cloudflare read `_redirects`: `*` is a splat, `:name` a placeholder, `!` forces a rule.
        if let special = alias.first(where: { $0 == "*" || $0 == ":" || $0 == "!" }) {
            return "must not contain '\(special)': hosts that read _redirects take `*`, `:name` and `!` as patterns, and the redirect would catch other addresses"
        }
        // A host decodes %xx before it looks for the file: `/caf%C3%A9/` is served from `café/`.
        if alias.contains("%") { return "must be written as readers see it, without %-escapes (`/café/`, not `/caf%C3%A9/`)" }
        let segments = alias.split(separator: "/")
        if segments.contains(where: { $0 == ".." || $0 == "." }) || alias.contains("//") {
            return "must not contain '.', '..' or '//' segments"
        }
        if segments.contains(where: { $0 == OutputWriter.marker }) { return "must not name \(OutputWriter.marker), the output's own marker" }
        return nil
    }

    /// The file an alias is published as: `/articles/old/` → `articles/old/index.html`,
    /// `/old.html` → `old.html`, `/old` → `old/index.html`.
    static func file(_ alias: String) -> String {
        let path = alias.dropFirst()
        if path.hasSuffix("/") { return path + "index.html" }
        if path.hasSuffix(".html") { return String(path) }
        return path + "/index.html"
    }

    /// The page at an old path.
    static func page(to url: String, title: String, language: String) -> String {
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
    static func redirects(_ moves: [(from: String, to: String)]) -> String {
        moves.map { "\($0.from) \($0.to) 301\n" }.joined()
    }
}
