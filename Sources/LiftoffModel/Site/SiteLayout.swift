/// Names in the published tree that more than one stage knows.
package enum SiteLayout {
    /// The file that marks a folder as Liftoff's output (it is never replaced otherwise).
    package static let outputMarker = ".liftoff-output"
    /// The search page and its index.
    package static let searchFolder = "search/"
}
