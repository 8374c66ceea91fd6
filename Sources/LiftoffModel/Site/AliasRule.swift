/// What an alias (an old address of an article) may be.
package enum AliasRule {
    /// Why `alias` cannot be an old path of an article, or nil.
    package static func problem(_ alias: String) -> String? {
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
        if segments.contains(where: { $0 == SiteLayout.outputMarker }) { return "must not name \(SiteLayout.outputMarker), the output's own marker" }
        return nil
    }
}
