import Foundation

/// Slugs: the lower-case names used in URLs — `a-z`, `0-9` and `-`, and the letters and digits of
/// scripts other than Latin (`تحضير`, `発表`), as Hugo keeps them: Latin accents are dropped
/// (`café` → `cafe`), other scripts are kept as written, so that a language's own tags have pages.
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
        // Compared scalar by scalar: Swift's `==` holds canonically equivalent strings equal, file names do not.
        if !slug.utf8.allSatisfy({ $0 < 0x80 }), !slug.unicodeScalars.elementsEqual(slug.precomposedStringWithCanonicalMapping.unicodeScalars) {
            return "must be in Unicode's composed form (NFC)"
        }
        let allowed = { (scalar: Unicode.Scalar) in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || isBeyondLatin(scalar) || (scalar.value >= 0x370 && isMark(scalar))
        }
        if !slug.unicodeScalars.allSatisfy(allowed) { return "may hold only a-z, 0-9 and '-' (and letters of scripts other than Latin)" }
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
        var beyondLatin = false  // the last character kept is of another script: its marks are kept too
        for scalar in scalars {
            let lower = ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 0x20)! : scalar
            if ("a"..."z").contains(lower) || ("0"..."9").contains(lower) || (!ascii && isBeyondLatin(lower)) {
                if pendingDash, !result.isEmpty { result.append("-") }
                pendingDash = false
                result.unicodeScalars.append(lower)
                beyondLatin = lower.value >= 0x80
            } else if !ascii, beyondLatin, !pendingDash, isMark(lower) {
                result.unicodeScalars.append(lower)
            } else if lower == "'" || lower == "’" || (!ascii && isMark(lower)) {
                continue
            } else {
                pendingDash = true
            }
        }
        return ascii ? result : result.precomposedStringWithCanonicalMapping
    }

    /// A letter or digit of a script other than Latin (from Greek on, U+0370), as a slug keeps it.
    static func isBeyondLatin(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value >= 0x370, !(0x1E00...0x1EFF).contains(scalar.value) else { return false }
        switch scalar.properties.generalCategory {
        case .lowercaseLetter, .otherLetter, .modifierLetter, .titlecaseLetter, .decimalNumber, .letterNumber: return true
        default: return false
        }
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        let category = scalar.properties.generalCategory
        return category == .nonspacingMark || category == .spacingMark || category == .enclosingMark
    }
}
