import Foundation

/// Slugs: the lower-case `[a-z0-9-]` names used in URLs.
public enum Slug {
    /// Why `slug` is not a valid slug, or nil when it is.
    public static func problem(_ slug: String) -> String? {
        if slug.isEmpty { return "is empty" }
        if slug.contains("/") || slug.contains("..") { return "must not contain '/' or '..'" }
        if slug.contains(" ") { return "must not contain spaces; use '-'" }
        if slug.contains(where: \.isUppercase) { return "must be lower case" }
        if !slug.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) {
            return "may hold only a-z, 0-9 and '-'"
        }
        if slug.hasPrefix("-") || slug.hasSuffix("-") { return "must not start or end with '-'" }
        return nil
    }

    /// Turns any text into a slug: `GPT Image 2: Day 1!` → `gpt-image-2-day-1`.
    public static func make(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return makeASCII(text) }
        var result = ""
        var pendingDash = false
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingDash, !result.isEmpty { result.append("-") }
                pendingDash = false
                result.unicodeScalars.append(scalar)
            } else if scalar.properties.generalCategory == .nonspacingMark || scalar == "'" || scalar == "’" {
                continue
            } else {
                pendingDash = true
            }
        }
        return result
    }

    /// `make` for ASCII text, byte by byte (headings and tags nearly always are).
    static func makeASCII(_ text: String) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var pendingDash = false
        for byte in text.utf8 {
            let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                if pendingDash, !result.isEmpty { result.append(0x2D) }
                pendingDash = false
                result.append(lower)
            } else if lower != 0x27 {
                pendingDash = true
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
