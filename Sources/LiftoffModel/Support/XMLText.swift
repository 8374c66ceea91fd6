/// Characters XML 1.0 does not allow (feeds, sitemaps, and every value that may reach them).
extension String {
    /// The first character XML 1.0 forbids, if any (bytes first: nearly every value has none).
    public var forbiddenInXML: Unicode.Scalar? {
        guard utf8.contains(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0xEF }) else { return nil }
        return unicodeScalars.first(where: \.isForbiddenInXML)
    }
}

extension Unicode.Scalar {
    /// Characters XML 1.0 does not allow in a document (C0 controls but tab, line feed and carriage
    /// return; U+FFFE and U+FFFF).
    var isForbiddenInXML: Bool {
        (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || value == 0xFFFE || value == 0xFFFF
    }
}
