/// What `Resolver` decides of one language's articles: which are published and in what order,
/// their related reads, tags and authors. It depends only on the articles' front matter, the
/// settings and which articles the build's now publishes, so a build whose inputs to it are those
/// of the last build takes the last build's (`Resolver.site(…resolution:)`).
package struct Resolution: Sendable, Equatable {
    /// The published articles, newest first: positions in the articles given to the resolver.
    package var order: [Int]
    /// For each published article, the positions (among the published) of its related reads.
    package var related: [[Int]]
    /// Tags, sorted by slug, each with its articles' positions among the published.
    package var tags: [Site.Tag]
    /// Author key → positions of their published articles.
    package var byAuthor: [String: [Int]]

    package init(order: [Int], related: [[Int]], tags: [Site.Tag], byAuthor: [String: [Int]]) {
        self.order = order
        self.related = related
        self.tags = tags
        self.byAuthor = byAuthor
    }
}
