import CLiftoffVips
import Foundation

/// libvips, the only user of the C library: header reads and resize-and-save.
enum Vips {
    /// What a file's header says, its pixels not decoded.
    struct Header: Sendable, Equatable {
        var width: Int
        var height: Int
        var hasAlpha: Bool
        var frames: Int
        /// libvips' loader for the bytes: `jpegload`, `pngload`, `webpload`, `gifload`, …
        var loader: String
    }

    enum Format: Int32, Sendable, CaseIterable {
        case webp = 1, jpeg = 2, png = 3, avif = 4

        var fileExtension: String {
            switch self {
            case .webp: "webp"
            case .jpeg: "jpg"
            case .png: "png"
            case .avif: "avif"
            }
        }

        var mimeType: String { "image/" + (self == .jpeg ? "jpeg" : fileExtension) }
    }

    /// libvips is started once, before any thread uses it; nil when it started, else why not.
    private static let startFailure: String? = {
        var error = [CChar](repeating: 0, count: 512)
        return lv_init(CommandLine.arguments.first ?? "liftoff", &error, error.count) == 0 ? nil : text(error)
    }()

    /// `8.14.1`: part of every cached image's key. Opens libvips.
    static var version: String {
        _ = startFailure
        return String(cString: lv_version())
    }

    /// The file libvips was loaded from (to know it unchanged without loading it). Opens libvips.
    static var libraryPath: String {
        _ = startFailure
        return String(cString: lv_library_path())
    }

    /// The header of the file open at `descriptor` (libvips reads a duplicate of it).
    static func header(of descriptor: Int32) throws(ImageError) -> Header {
        try started()
        var header = lv_header()
        var error = [CChar](repeating: 0, count: 512)
        guard lv_read_header(descriptor, &header, &error, error.count) == 0 else { throw ImageError(message(error)) }
        let loader = withUnsafeBytes(of: header.loader) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        return Header(
            width: Int(header.width), height: Int(header.height), hasAlpha: header.has_alpha != 0,
            frames: Int(header.pages), loader: loader)
    }

    /// Decodes the file open at `descriptor` once at the largest of `widths`, then writes each
    /// width in each format through `destination(width, format)` (a path); metadata never reaches the files.
    static func render(
        _ descriptor: Int32, widths: [Int], formats: [Format], quality: Int, destination: (Int, Format) -> String
    ) throws(ImageError) {
        try started()
        var error = [CChar](repeating: 0, count: 512)
        guard let largest = widths.max(), let base = lv_thumbnail(descriptor, Int32(largest), &error, error.count) else {
            throw ImageError(message(error))
        }
        defer { lv_free(base) }
        for width in widths {
            var image = base
            if width != Int(lv_width(base)) {
                guard let resized = lv_resize(base, Int32(width), &error, error.count) else { throw ImageError(message(error)) }
                image = resized
            }
            defer { if image != base { lv_free(image) } }
            for format in formats {
                if let failure = ImageError.saving(lv_save(image, destination(width, format), format.rawValue, Int32(quality), &error, error.count), error) {
                    throw failure
                }
            }
        }
    }

    static func started() throws(ImageError) {
        if let startFailure { throw ImageError("libvips did not start: \(startFailure)") }
    }

    /// libvips' message, first line, without its operation prefixes (`VipsForeignLoad: `).
    static func message(_ buffer: [CChar]) -> String {
        let line = text(buffer).split(separator: "\n").first.map(String.init) ?? "cannot be read"
        return line.trimmingCharacters(in: .whitespaces)
    }

    /// A C string written into `buffer`.
    static func text(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// Why an image cannot be published, in words for `path:line: image 'x': …`.
package struct ImageError: Error, Sendable, Equatable {
    package var message: String
    /// The image cache could not be written (its fault, not the source's).
    package var aboutCache = false
    init(_ message: String, aboutCache: Bool = false) {
        self.message = message
        self.aboutCache = aboutCache
    }

    /// What `lv_save` / `lv_save_png` returned, as an error (nil: saved).
    static func saving(_ status: Int32, _ buffer: [CChar]) -> ImageError? {
        switch status {
        case 0: nil
        case -2: ImageError("cannot write into the image cache: \(Vips.message(buffer))", aboutCache: true)
        default: ImageError(Vips.message(buffer))
        }
    }
}
