import LiftoffMedia

/// What every page's template reads as `page` (THEME.md, `base.mustache`): its title, meta data,
/// share image, structured data and scripts.
struct PageHead {
    /// The Open Graph type.
    enum Kind: String { case article, website }

    var title: String
    /// The title link previews show, when it differs from `title` (an article's own title).
    var shareTitle: String?
    var description: String
    var canonical: String
    var kind: Kind = .website
    /// ISO 8601 instants (articles).
    var published: String?
    var modified: String?
    /// Search engines should not index the page (404, search).
    var noindex = false
    /// The page is a draft or dated in the future (shown by the preview only).
    var preview = false
    var image: ShareImages.Image?
    /// `<script type="application/ld+json">` bodies, already escaped.
    var jsonLD: [String] = []
    /// The addresses of the scripts the page's components need.
    var scripts: [String] = []
    /// On a site in several languages: the page in each language it exists in, itself included
    /// (`<link rel="alternate" hreflang>`), and `x-default`'s address.
    var alternates: [(tag: String, url: String)] = []
    var defaultAlternate: String?
    /// The language switcher: every language, linking to this page's translation or that language's home.
    var languages: [[String: Any]] = []

    /// The mustache context: absent fields are absent keys.
    var context: [String: Any] {
        var context: [String: Any] = ["title": title, "description": description, "canonical": canonical, "type": kind.rawValue]
        if let shareTitle { context["share_title"] = shareTitle }
        if let published { context["published"] = published }
        if let modified { context["modified"] = modified }
        if noindex { context["noindex"] = true }
        if preview { context["preview"] = true }
        if let image { context["image"] = image.context }
        if !jsonLD.isEmpty { context["jsonld"] = jsonLD }
        if !scripts.isEmpty { context["scripts"] = scripts }
        if !alternates.isEmpty {
            context["alternates"] = alternates.map { ["hreflang": $0.tag, "url": $0.url] }
            if let defaultAlternate { context["x_default"] = defaultAlternate }
        }
        if !languages.isEmpty { (context["languages"], context["has_languages"]) = (languages, true) }
        return context
    }
}
