/// Names in the published tree that more than one stage knows.
package enum SiteLayout {
    /// The file that marks a folder as Liftoff's output (it is never replaced otherwise).
    package static let outputMarker = ".liftoff-output"
    /// Where articles' pages go (and the list of all articles).
    package static let articlesFolder = "articles/"
    /// The search page and its index.
    package static let searchFolder = "search/"
}
