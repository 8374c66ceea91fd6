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
}
