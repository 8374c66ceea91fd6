import LiftoffModel

extension ImageSettings {
    /// Reads the `images:` mapping; problems are recorded in `fields`.
    static func read(_ fields: inout YAMLFields) -> ImageSettings {
        var settings = ImageSettings()
        if let node = fields.node("widths") {
            let values = node.sequence?.compactMap { $0.int } ?? []
            if values.isEmpty || values.count != node.sequence?.count || values.contains(where: { !(16...8192).contains($0) }) {
                fields.fail("widths", "'widths' must be a list of widths in pixels from 16 to 8192, like `widths: [480, 800, 1200, 1600]`")
            } else {
                settings.widths = Array(Set(values)).sorted()
            }
        }
        settings.quality = fields.int("quality", in: 1...100) ?? settings.quality
        if let formats = fields.stringList("formats", example: "webp, avif") {
            if let unknown = formats.first(where: { $0 != "webp" && $0 != "avif" }) {
                fields.fail("formats", "'formats' lists what is published beside the fallback: webp, avif; got '\(unknown)'")
            } else if !formats.contains("webp") {
                fields.fail("formats", "'formats' must include webp (every current browser reads it)")
            } else {
                settings.avif = formats.contains("avif")
            }
        }
        if let sizes = fields.string("sizes") {
            if sizes.isEmpty || sizes.contains("\"") { fields.fail("sizes", "'sizes' must be an HTML sizes value, like `(max-width: 47rem) 100vw, 44rem`") }
            else { settings.sizes = sizes }
        }
        return settings
    }
}
