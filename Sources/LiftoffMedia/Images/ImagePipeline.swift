import Foundation
import LiftoffModel

/// One build's images: each source under `content/` that an article shows is read once, checked,
/// and published as WebP (and AVIF when asked) plus a fallback at several widths, through the
/// cache kept between builds. Safe to call from every article's thread.
package final class ImagePipeline: @unchecked Sendable {
    /// One image as an article shows it: its markup, the files to publish, and warnings about it.
    package struct Published: Sendable {
        package var picture: Picture
        /// Cached files to publish: (file's path, path in the output); their names carry their content's hash.
        package var files: [(source: String, target: String)]
        /// Published as it is (an SVG, an animation): copied like any other file.
        package var original: (source: String, target: String)?
        package var warnings: [String]
    }

    /// What a source becomes, the same for every article that shows it (known from its header).
    struct Processed: Sendable {
        var header: Vips.Header
        var key: Digest
        var widths: [Int]
        /// The largest width's height, in the source's proportions.
        var height: Int
        var formats: [Vips.Format]
        /// Animated: published as it is.
        var asIs: Bool
        var warnings: [String]
        /// Whether the cache holds its files already.
        var cached: Bool
    }

    /// Changes whenever this code would write different files for the same source and settings.
    static let codeVersion = 1
    static let rasterExtensions: [String: String] = [
        "jpg": "jpegload", "jpeg": "jpegload", "png": "pngload", "webp": "webpload", "gif": "gifload",
        "avif": "heifload", "tif": "tiffload", "tiff": "tiffload",
    ]
    /// The extension a file read by each loader should have.
    static let loaderExtensions = ["jpegload": "jpg", "pngload": "png", "webpload": "webp", "gifload": "gif", "heifload": "avif", "tiffload": "tif"]

    let root: URL
    /// `root.path`, made once (a URL appended to asks the file system what the path is).
    let rootPath: String
    /// The site's folder held open: sources are read through it, never through a link out of the site.
    let folder: SiteFolder
    let settings: ImageSettings
    let basePath: String
    package let cache: ImageCache
    private let stamps: [String: FileStamp]
    let condition = NSCondition()
    private(set) var results: [String: Result<Processed, ImageError>] = [:]
    private var busy: Set<String> = []
    private var known: [String: ImageCache.Known] = [:]
    /// The keys this build uses whose files are all in the cache.
    var complete: Set<Digest> = []
    /// The libvips version, once known this build.
    private var knownVersion: String?
    /// Whether the version came from libvips itself (the index then records it anew).
    private var libraryLoaded = false
    /// Sources whose bytes were read (digest, header) and sources decoded and encoded, this build.
    private var sourcesRead = 0
    var sourcesEncoded = 0
    /// Other files written into the cache this build (share images).
    private var filesWritten = 0

    package init(root: URL, folder: SiteFolder, settings: ImageSettings, basePath: String, cacheFolder: URL, stamps: [String: FileStamp]) {
        self.root = root
        self.folder = folder
        rootPath = root.path
        self.settings = settings
        self.basePath = basePath
        self.stamps = stamps
        cache = ImageCache(folder: cacheFolder)
    }

    /// Whether Liftoff publishes `path` (a file under content/) as an image of its own.
    package static func handles(_ path: String) -> Bool {
        let ext = fileExtension(path)
        return ext == "svg" || rasterExtensions[ext] != nil
    }

    /// `source` (a path under content/) shown as an image, its original published at `target`.
    /// Only its header is read (once per build, and not at all when the cache knows the file):
    /// what it needs encoded is encoded by `encodeMissing()`, for all articles at once.
    package func publish(_ source: String, at target: String, eager: Bool) -> Result<Published, ImageError> {
        if Self.fileExtension(source) == "svg" {
            let data: [UInt8]
            do { data = try folder.read(source) } catch { return .failure(ImageError(error.description)) }
            // Without a size, browsers show an SVG at the default object size, 300 × 150.
            let size = SVGSize.of(data)
            let picture = Picture(src: address(target), width: size?.width ?? 300, height: size?.height ?? 150, eager: eager)
            let warnings = size == nil ? ["the SVG has no size: browsers show it at 300 × 150; give its <svg> element a viewBox"] : []
            return .success(Published(picture: picture, files: [], original: (source, target), warnings: warnings))
        }
        return processed(source).map { image in
            if image.asIs {
                let picture = Picture(src: address(target), width: image.header.width, height: image.header.height, eager: eager)
                return Published(picture: picture, files: [], original: (source, target), warnings: image.warnings)
            }
            let keyText = image.key.description
            let prefix = Self.variantPrefix(target, key: keyText)
            func path(_ width: Int, _ format: Vips.Format) -> String { prefix + String(width) + "." + format.fileExtension }
            func srcset(_ format: Vips.Format) -> String {
                image.widths.map { "\(address(path($0, format))) \($0)w" }.joined(separator: ", ")
            }
            let fallback = image.formats[1]
            var files: [(String, String)] = []
            files.reserveCapacity(image.widths.count * image.formats.count)
            for width in image.widths {
                for format in image.formats { files.append((cache.path(keyText, width: width, format: format), path(width, format))) }
            }
            // The fallback's src: the smallest width that fills the column on a large screen.
            let srcWidth = image.widths.first { $0 >= 800 } ?? image.widths.last!
            var picture = Picture(
                src: address(path(srcWidth, fallback)), srcset: srcset(fallback), sizes: settings.sizes,
                width: image.widths.last!, height: image.height, eager: eager)
            picture.sources = image.formats.filter { $0 != fallback }.reversed().map { Picture.Source(type: $0.mimeType, srcset: srcset($0)) }
            return Published(picture: picture, files: files, original: nil, warnings: image.warnings)
        }
    }

    /// The libvips version, from the cache when its library file is unchanged (so that a build
    /// whose images are all cached does not load libvips at all).
    var libvipsVersion: String {
        condition.withLock {
            if let knownVersion { return knownVersion }
            var version: String
            if let library = cache.library, FileStamp.of(library.path) == library.stamp {
                version = library.version
            } else {
                let path = Vips.libraryPath
                version = Vips.version
                libraryLoaded = true
                if let stamp = FileStamp.of(path) { cache.library = (version, path, stamp) }
            }
            knownVersion = version
            return version
        }
    }

    /// `source`'s header and key, as `publish` knows them.
    func processedSource(_ source: String) -> Result<Processed, ImageError> { processed(source) }

    /// Whether the cache holds `key`'s `file` (then kept by this build's collection).
    func useCached(_ key: Digest, file: String) -> Bool {
        guard cache.complete.contains(key), access(file, F_OK) == 0 else { return false }
        condition.withLock { _ = complete.insert(key) }
        return true
    }

    /// Records that `key`'s files were written into the cache by another part of the build (share images).
    func written(_ key: Digest) {
        condition.withLock {
            complete.insert(key)
            filesWritten += 1
        }
    }

    /// (sources read, sources decoded and encoded, other files written) so far.
    package var statistics: (read: Int, encoded: Int, shared: Int) { condition.withLock { (sourcesRead, sourcesEncoded, filesWritten) } }

    /// Saves what this build learnt; with `collect`, removes cached files this build did not use.
    package func finish(collect: Bool) {
        condition.lock()
        defer { condition.unlock() }
        // A site without images or cards, then and now: no cache folder to write.
        guard !known.isEmpty || !cache.known.isEmpty || !complete.isEmpty || !cache.complete.isEmpty else { return }
        // Nothing read, encoded or looked up: this build's sources and keys are the index's own
        // (a subset, and all of it when the counts agree), so the index and the folder stay.
        if sourcesRead == 0, sourcesEncoded == 0, filesWritten == 0, !libraryLoaded,
           !collect || (known.count == cache.known.count && complete.count == cache.complete.count) { return }
        var known = known
        var complete = complete
        if !collect {
            // Keep what another build of the same cache (the preview, `make`) may still use.
            known.merge(cache.known) { mine, _ in mine }
            complete.formUnion(cache.complete)
        }
        cache.save(known: known, complete: complete)
        if collect { cache.removeAll(except: complete) }
    }

    /// Processes `source` once; other threads asking meanwhile wait for the result.
    private func processed(_ source: String) -> Result<Processed, ImageError> {
        condition.lock()
        while busy.contains(source) { condition.wait() }
        if let result = results[source] {
            condition.unlock()
            return result
        }
        busy.insert(source)
        condition.unlock()
        let result = Result { () throws(ImageError) -> Processed in try process(source) }
        condition.lock()
        results[source] = result
        busy.remove(source)
        condition.broadcast()
        condition.unlock()
        return result
    }

    private func process(_ source: String) throws(ImageError) -> Processed {
        let path = rootPath + "/" + source
        guard let stamp = stamps[source] ?? FileStamp.of(path) else { throw ImageError("cannot be read") }
        guard stamp.size > 0 else { throw ImageError("the file is empty") }
        let entry = try knownEntry(source, path: path, stamp: stamp)
        let header = entry.header
        try check(header, source: source)
        var warnings: [String] = []
        if stamp.size > ImageSettings.warningBytes {
            warnings.append("the file is \(megabytes(stamp.size)) MB; above \(ImageSettings.warningBytes / 1_000_000) MB every clean build spends long on it (export it smaller)")
        }
        let pixels = header.width * header.height
        if pixels > ImageSettings.warningPixels {
            warnings.append("the image is \(header.width) × \(header.height) pixels; above \(ImageSettings.warningPixels / 1_000_000) megapixels every clean build spends long on it (export it smaller)")
        }
        if header.frames > 1 {
            return Processed(
                header: header, key: entry.digest, widths: [], height: header.height, formats: [], asIs: true, warnings: warnings,
                cached: false)
        }
        let widths = settings.widths(forSource: header.width, height: header.height)
        guard !widths.isEmpty else {
            throw ImageError("the image is \(header.width) × \(header.height) pixels: too tall to publish at any width (WebP holds at most \(ImageSettings.maximumSide) pixels a side); crop it or split it")
        }
        let height = max(1, Int((Double(header.height) * Double(widths.last!) / Double(header.width)).rounded()))
        let fallback: Vips.Format = header.hasAlpha || header.loader == "pngload" || header.loader == "gifload" ? .png : .jpeg
        let formats: [Vips.Format] = [.webp, fallback] + (settings.avif ? [.avif] : [])
        var hasher = StableHasher()
        hasher.combine(entry.digest)
        for width in widths { hasher.combine(width) }
        for format in formats { hasher.combine(Int(format.rawValue)) }
        hasher.combine(settings.quality)
        hasher.combine(libvipsVersion)
        hasher.combine(Self.codeVersion)
        let key = hasher.finalize()
        let cached = useCached(key, file: cache.path(key.description, width: widths.last!, format: .webp))
        return Processed(
            header: header, key: key, widths: widths, height: height, formats: formats, asIs: false, warnings: warnings, cached: cached)
    }

    /// What the cache knows of the source when its stamp is unchanged; else its bytes' digest and header, read now.
    private func knownEntry(_ source: String, path: String, stamp: FileStamp) throws(ImageError) -> ImageCache.Known {
        if let entry = cache.known[source], entry.stamp == stamp {
            condition.withLock { known[source] = entry }
            return entry
        }
        let (digest, header) = try opened(source) { descriptor throws(ImageError) in
            let data: [UInt8]
            do throws(SiteFolder.Refusal) { data = try SiteFolder.contents(of: descriptor) } catch { throw ImageError(error.description) }
            var hasher = StableHasher()
            data.withUnsafeBytes { hasher.combine($0) }
            lseek(descriptor, 0, SEEK_SET)
            do {
                return (hasher.finalize(), try Vips.header(of: descriptor))
            } catch {
                throw ImageError("is not an image Liftoff can read (JPEG, PNG, WebP, GIF, AVIF or TIFF), or it is damaged")
            }
        }
        let entry = ImageCache.Known(stamp: stamp, digest: digest, header: header)
        condition.withLock {
            known[source] = entry
            sourcesRead += 1
        }
        return entry
    }

    /// Runs `body` with `source` (a path below the site root) open read-only through the site's folder.
    func opened<T>(_ source: String, _ body: (Int32) throws(ImageError) -> T) throws(ImageError) -> T {
        let descriptor: Int32
        switch folder.open(source) {
        case .success(let value): descriptor = value
        case .failure(let refusal): throw ImageError(refusal.description)
        }
        defer { close(descriptor) }
        return try body(descriptor)
    }

    /// The bytes must be what the name says, and not a decompression bomb.
    private func check(_ header: Vips.Header, source: String) throws(ImageError) {
        let ext = Self.fileExtension(source)
        if let expected = Self.rasterExtensions[ext], expected != header.loader {
            let actual = Self.loaderExtensions[header.loader]
            throw ImageError(actual.map { "the file holds \(Self.formatName($0)) data, not \(Self.formatName(ext)); rename it to end in .\($0)" }
                ?? "the file is not a \(Self.formatName(ext)) image")
        }
        let pixels = header.width * header.height * max(1, header.frames)
        if header.width <= 0 || header.height <= 0 || pixels > ImageSettings.maximumPixels {
            throw ImageError("the image declares \(header.width) × \(header.height) pixels\(header.frames > 1 ? " in \(header.frames) frames" : ""); Liftoff refuses images over \(ImageSettings.maximumPixels / 1_000_000) megapixels")
        }
    }
}
