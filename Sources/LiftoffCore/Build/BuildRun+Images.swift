import LiftoffModel

/// The images the pages show and the share cards, made once the pages say which they need.
extension BuildRun {
    /// Encodes every image the cache lacks; their errors go to each line that shows them.
    func encodeImages() {
        let failures = images.encodeMissing().sorted { $0.key < $1.key }
        for (source, failure) in failures where !failure.aboutCache {
            for use in published.imageUses[source] ?? [] { problems.append(.error(use.path, use.line, "image '\(use.url)': \(failure.message)")) }
        }
        if let problem = images.cache.problem(among: failures.map(\.value)) { problems.append(problem) }
    }

    /// Draws every share card and hero crop the cache lacks.
    func drawCards() {
        for share in parts.map(\.share!) {
            if let image = share.siteImage { published.imageFiles[image.file.target] = image.file.source }
            problems += share.drawMissing()
        }
    }
}
