import LiftoffModel
import LiftoffSearch

/// What making one page (an article's or a standalone page's) brings to the build: a value per
/// concern, each merged into the build by its own rule (`BuildRun.absorb`).
struct PageOutcome: Sendable {
    /// What the page said: its errors stop the build; its warnings are printed (and kept for a carried-over page).
    var report = Report()
    /// Files the page brings to the output, and where each image is shown.
    var files = Files()
    /// The page itself: what the next build needs to carry it over, and what the feed takes from it.
    var page = Page()
    /// The page's terms for the search index, when rendered (nil: carried over, search is off, or it failed).
    var search: SearchDocument?

    struct Report: Sendable {
        var errors: [Diagnostic] = []
        var warnings: [Diagnostic] = []
    }

    struct Files: Sendable {
        /// (content file, output path) to copy beside the page.
        var assets: [(String, String)] = []
        /// Image files to publish: (file, output path).
        var images: [(source: String, target: String)] = []
        /// The images the page shows, in order, with their alt text (for templates).
        var pictures: [(picture: Picture, alt: String)] = []
        /// Where each image is shown (for errors found when it is encoded; its original is not published).
        var imageUses: [(source: String, line: Int, url: String)] = []
    }

    struct Page: Sendable {
        /// What the next build needs to carry the page over (nil when it failed).
        var cached: BuildCache.Page?
        var rendered = true
        /// The first second its text would read differently (a countdown in it).
        var validUntil: Int64 = .max
        /// The description and content HTML, kept for the feed's latest articles only.
        var description = ""
        var feedContent: String?
    }
}
