import Foundation

/// The size an SVG file declares on its root element: `width`/`height`, else its `viewBox`.
enum SVGSize {
    /// nil when the file has no `<svg` element with a usable size.
    static func of(_ data: [UInt8]) -> (width: Int, height: Int)? {
        // The root element's start tag is near the top (after an XML declaration, comments, a doctype).
        let head = String(decoding: data.prefix(16_384), as: UTF8.self)
        guard let open = head.range(of: "<svg", options: .caseInsensitive),
              let close = head[open.upperBound...].firstIndex(of: ">")
        else { return nil }
        let tag = head[open.upperBound..<close]
        let width = attribute("width", in: tag).flatMap(length)
        let height = attribute("height", in: tag).flatMap(length)
        if let width, let height { return (width, height) }
        let box = attribute("viewBox", in: tag)?
            .split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" || $0 == "\t" })
            .compactMap { Double($0) }
        guard let box, box.count == 4, box[2] > 0, box[3] > 0 else { return nil }
        // One side given: keep the viewBox's proportions.
        if let width { return (width, Int((Double(width) * box[3] / box[2]).rounded())) }
        if let height { return (Int((Double(height) * box[2] / box[3]).rounded()), height) }
        return (Int(box[2].rounded()), Int(box[3].rounded()))
    }

    /// The value of `name="…"` or `name='…'` in a start tag.
    private static func attribute(_ name: String, in tag: Substring) -> String? {
        var rest = tag[...]
        while let found = rest.range(of: name) {
            let before = found.lowerBound == tag.startIndex ? " " : tag[tag.index(before: found.lowerBound)]
            var after = found.upperBound
            while after < tag.endIndex, tag[after] == " " { after = tag.index(after: after) }
            rest = tag[found.upperBound...]
            guard before.isWhitespace, after < tag.endIndex, tag[after] == "=" else { continue }
            var quote = tag.index(after: after)
            while quote < tag.endIndex, tag[quote] == " " { quote = tag.index(after: quote) }
            guard quote < tag.endIndex, tag[quote] == "\"" || tag[quote] == "'" else { return nil }
            let valueStart = tag.index(after: quote)
            guard let end = tag[valueStart...].firstIndex(of: tag[quote]) else { return nil }
            return String(tag[valueStart..<end])
        }
        return nil
    }

    /// `120`, `120px`, `120.5` → pixels; percentages and other units → nil (no fixed size).
    private static func length(_ text: String) -> Int? {
        var value = text.trimmingCharacters(in: .whitespaces)
        if value.hasSuffix("px") { value.removeLast(2) }
        guard let number = Double(value), number > 0, number < 100_000 else { return nil }
        return Int(number.rounded())
    }
}
