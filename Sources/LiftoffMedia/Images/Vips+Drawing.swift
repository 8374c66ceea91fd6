import CLiftoffVips
import LiftoffModel

/// libvips' drawing, for share cards: a canvas, text laid out by Pango, logos, a fitted crop.
extension Vips {
    /// An image in memory that the drawing functions change in place; freed with the value.
    final class Canvas {
        fileprivate let image: OpaquePointer

        /// `width` × `height` filled with `colour`.
        init(width: Int, height: Int, colour: Colour) throws(ImageError) {
            try started()
            var error = Vips.errorBuffer()
            guard let image = lv_canvas(Int32(width), Int32(height), colour.channels, &error, error.count) else {
                throw ImageError(message(error))
            }
            self.image = image
        }

        deinit { lv_free(image) }

        /// Paints `colour` through `text`'s coverage at (x, y).
        func draw(_ text: Text, x: Int, y: Int, colour: Colour) throws(ImageError) {
            var error = Vips.errorBuffer()
            guard lv_draw_mask(image, text.mask, Int32(x), Int32(y), colour.channels, &error, error.count) == 0 else {
                throw ImageError(message(error))
            }
        }

        func fill(x: Int, y: Int, width: Int, height: Int, colour: Colour) throws(ImageError) {
            var error = Vips.errorBuffer()
            guard lv_draw_rect(image, Int32(x), Int32(y), Int32(width), Int32(height), colour.channels, &error, error.count) == 0 else {
                throw ImageError(message(error))
            }
        }

        /// Draws `logo` at (x, y) (its right edge at x when `right`).
        func draw(_ logo: Logo, x: Int, y: Int, right: Bool) throws(ImageError) {
            var error = Vips.errorBuffer()
            let left = right ? x - logo.width : x
            guard lv_draw_image(image, logo.image, Int32(left), Int32(y), &error, error.count) == 0 else { throw ImageError(message(error)) }
        }

        /// As PNG, deflated at `compression` (0–9).
        func savePNG(_ path: String, compression: Int) throws(ImageError) {
            var error = Vips.errorBuffer()
            if let failure = ImageError.saving(lv_save_png(image, path, Int32(compression), &error, error.count), error) { throw failure }
        }
    }

    /// An image decoded once and drawn on many canvases: the cards' logo.
    final class Logo: @unchecked Sendable {
        fileprivate let image: OpaquePointer
        let width: Int

        /// The image open at `descriptor` scaled to `height` pixels, its transparency over `background`.
        init(descriptor: Int32, height: Int, background: Colour) throws(ImageError) {
            try started()
            var error = Vips.errorBuffer()
            guard let image = lv_logo(descriptor, Int32(height), background.channels, &error, error.count) else { throw ImageError(message(error)) }
            self.image = image
            width = Int(lv_width(image))
        }

        deinit { lv_free(image) }
    }

    /// Text laid out and rasterised: its coverage, to paint in a colour.
    final class Text {
        fileprivate let mask: OpaquePointer
        let width: Int
        let height: Int

        /// `markup` (Pango markup: escape what comes from authors) in `font` ("Inter Bold 64", size in
        /// pixels), wrapped at `width`; `fontFile` adds a font file for this text.
        init(markup: String, font: String, fontFile: String?, width: Int, spacing: Int = 0) throws(ImageError) {
            try started()
            var error = Vips.errorBuffer()
            guard let mask = lv_text(markup, font, fontFile, Int32(width), Int32(spacing), &error, error.count) else {
                throw ImageError(message(error))
            }
            self.mask = mask
            self.width = Int(lv_width(mask))
            self.height = Int(lv_height(mask))
        }

        deinit { lv_free(mask) }
    }

    /// The image open at `descriptor` scaled and cropped to fill `width` × `height`, saved at `destination`.
    static func fill(_ descriptor: Int32, width: Int, height: Int, destination: String, format: Format, quality: Int) throws(ImageError) {
        try started()
        var error = errorBuffer()
        guard let image = lv_thumbnail_fill(descriptor, Int32(width), Int32(height), &error, error.count) else {
            throw ImageError(message(error))
        }
        defer { lv_free(image) }
        if let failure = ImageError.saving(lv_save(image, destination, format.rawValue, Int32(quality), &error, error.count), error) { throw failure }
    }

    /// The image open at `descriptor` scaled to cover `width` × `height` and cut around `focus` (0…1
    /// across and down; `size` is the image's, upright), saved as `format`.
    static func fill(
        _ descriptor: Int32, width: Int, height: Int, around focus: (x: Double, y: Double), size: (width: Int, height: Int),
        destination: String, format: Format, quality: Int
    ) throws(ImageError) {
        try started()
        var error = errorBuffer()
        // Covered across (a wide image keeps the full height) or down.
        let wide = size.width * height >= size.height * width
        let scaled = wide
            ? (width: Int((Double(size.width) * Double(height) / Double(size.height)).rounded()), height: height)
            : (width: width, height: Int((Double(size.height) * Double(width) / Double(size.width)).rounded()))
        let left = Int((focus.x * Double(scaled.width) - Double(width) / 2).rounded())
        let top = Int((focus.y * Double(scaled.height) - Double(height) / 2).rounded())
        let box = wide ? (Int32(10_000_000), Int32(height)) : (Int32(width), Int32(10_000_000))
        guard let image = lv_thumbnail_area(descriptor, box.0, box.1, Int32(left), Int32(top), Int32(width), Int32(height), &error, error.count) else {
            throw ImageError(message(error))
        }
        defer { lv_free(image) }
        if let failure = ImageError.saving(lv_save(image, destination, format.rawValue, Int32(quality), &error, error.count), error) { throw failure }
    }

    /// The family name a font file declares (for Pango's font description), or nil when it is not a font.
    static func fontFamily(of path: String) throws(ImageError) -> String? {
        try started()
        var name = [CChar](repeating: 0, count: 256)
        guard lv_font_family(path, &name, name.count) == 0 else { return nil }
        return text(name)
    }

    static func errorBuffer() -> [CChar] { [CChar](repeating: 0, count: 512) }
}

extension Colour {
    fileprivate var channels: [Double] { [red, green, blue] }
}
