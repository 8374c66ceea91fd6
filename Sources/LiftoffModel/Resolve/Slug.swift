import Foundation

/// Slugs: the lower-case `[a-z0-9-]` names used in URLs.
public enum Slug {
    /// The longest slug: a slug names a folder, and file systems stop at 255 bytes a name.
    public static let maxLength = 200

    /// Why `slug` is not a valid slug, or nil when it is.
    public static func problem(_ slug: String) -> String? {
        if slug.isEmpty { return "is empty" }
        if slug.utf8.count > maxLength { return "is \(slug.utf8.count) characters long; keep it to \(maxLength) (it names a folder)" }
        if slug.contains("/") || slug.contains("..") { return "must not contain '/' or '..'" }
        if slug.contains(" ") { return "must not contain spaces; use '-'" }
        if slug.contains(where: \.isUppercase) { return "must be lower case" }
        if !slug.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) {
            return "may hold only a-z, 0-9 and '-'"
        }
        if slug.hasPrefix("-") || slug.hasSuffix("-") { return "must not start or end with '-'" }
        return nil
    }

    /// `make(text)` cut at its last word boundary within `limit` bytes (a whole word past it is cut at `limit`).
    public static func make(_ text: String, limit: Int) -> String {
        let slug = make(text)
        guard slug.utf8.count > limit else { return slug }
        let cut = slug.utf8.prefix(limit)  // ASCII: bytes are characters
        let end = cut.lastIndex(of: UInt8(ascii: "-")) ?? cut.endIndex
        return String(decoding: cut[..<end], as: UTF8.self)
    }

    /// Turns any text into a slug: `GPT Image 2: Day 1!` → `gpt-image-2-day-1`.
    public static func make(_ text: String) -> String {
        // ASCII text (headings and tags nearly always are) needs no lower-casing or decomposition
        // of the whole string first: letters are lowered one by one below.
        let ascii = text.utf8.allSatisfy { $0 < 0x80 }
        let scalars = ascii ? text.unicodeScalars : text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars
        var result = ""
        var pendingDash = false
        for scalar in scalars {
            let lower = ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 0x20)! : scalar
            if ("a"..."z").contains(lower) || ("0"..."9").contains(lower) {
                if pendingDash, !result.isEmpty { result.append("-") }
                pendingDash = false
                result.unicodeScalars.append(lower)
            } else if lower == "'" || lower == "’" || (!ascii && lower.properties.generalCategory == .nonspacingMark) {
                continue
            } else {
                pendingDash = true
            }
        }
        return result
    }
}
