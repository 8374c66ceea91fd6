import Foundation
import LiftoffModel

extension ImagePipeline {
    /// Decodes and encodes, on every core, each image this build shows that the cache lacks
    /// (one article's images in parallel too).
    /// - Returns: why each source that failed failed.
    package func encodeMissing() -> [String: ImageError] {
        let pending: [(source: String, image: Processed)] = condition.withLock {
            results.compactMap { source, result in
                guard case .success(let image) = result, !image.asIs, !image.cached else { return nil }
                return (source, image)
            }.sorted { $0.source < $1.source }
        }
        if !pending.isEmpty { cache.makeFolder() }
        let outcomes = parallelMap(pending.count) { index -> ImageError? in
            do throws(ImageError) {
                try encode(pending[index].source, pending[index].image)
                return nil
            } catch {
                return error
            }
        }
        var failures: [String: ImageError] = [:]
        condition.withLock {
            for ((source, image), failure) in zip(pending, outcomes) {
                if let failure { failures[source] = failure } else {
                    complete.insert(image.key)
                    sourcesEncoded += 1
                }
            }
        }
        return failures
    }

    /// Writes every width and format of `source` into the cache (each under a temporary name,
    /// renamed once all are written: another build sharing the cache sees all of them or none).
    private func encode(_ source: String, _ image: Processed) throws(ImageError) {
        let suffix = ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        var written: [String] = []
        do {
            try opened(source) { descriptor throws(ImageError) in
                try Vips.render(descriptor, widths: image.widths, formats: image.formats, quality: settings.quality) { width, format in
                    let file = cache.path(image.key.description, width: width, format: format)
                    written.append(file)
                    return file + suffix
                }
            }
        } catch {
            for file in written { unlink(file + suffix) }
            throw error.aboutCache ? error : ImageError(Self.decodingMessage(error.message, path: rootPath + "/" + source))
        }
        for file in written { rename(file + suffix, file) }
    }
}
