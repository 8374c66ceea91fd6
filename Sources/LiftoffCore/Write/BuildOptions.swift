import Foundation
import LiftoffModel
import LiftoffRender

/// Options that decide which articles a build publishes.
public struct BuildOptions: Sendable {
    public var now: Timestamp
    public var drafts = false
    public var future = false
    public var baseURL: String?
    /// Warnings fail the build too.
    public var strict = false
    /// Render through swift-mustache itself instead of `CompiledTemplates` (the tests compare both).
    var libraryRendering = false
    /// Records every template's context (the theme reference's test reads them).
    var contextLog: TemplateContextLog?
    /// Where processed images are kept between builds (beside the output); nil: a scratch folder.
    public var imageCache: URL?
    /// Remove cached images this build did not use (`liftoff build` does; the preview does not).
    public var pruneImageCache = false

    /// Where highlighted code is kept between builds (beside the output); nil: this build only.
    public var codeCache: URL?

    /// Where what the build knows of each article file is kept (`SourceState`); nil: every file is read.
    public var sourceState: URL?

    /// Bytes of article bodies kept in memory from parse to render; past them an article's body is
    /// read again when its page is made, so a large site's text is not held all at once (100,000
    /// articles are 0.9 GB). The tests set 0 to build every page that way.
    var bodyBudget = 128 << 20

    /// The process ends after this build: what the build held is left for the system to take back
    /// rather than freed object by object (at 100,000 articles that took 0.4 s). The preview frees.
    public var endsWithProcess = false

    /// Keeps processed images and highlighted code between builds beside `output`: shared by
    /// `build`, `check` and the preview of one site.
    public mutating func keepCaches(besideOutput output: URL) {
        imageCache = Self.imageCache(besideOutput: output)
        codeCache = OutputWriter.beside(output, "code")
        sourceState = SourceState.location(for: output)
    }

    /// The image cache of builds into `output`: beside it, shared by `build`, `check` and the preview.
    public static func imageCache(besideOutput output: URL) -> URL {
        OutputWriter.beside(output, "images")
    }

    public init(now: Timestamp, drafts: Bool = false, future: Bool = false, baseURL: String? = nil, strict: Bool = false) {
        self.now = now
        self.drafts = drafts
        self.future = future
        self.baseURL = baseURL
        self.strict = strict
    }
}
