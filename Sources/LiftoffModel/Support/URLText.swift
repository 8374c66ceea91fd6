/// URLs as authors write them and as pages hold them.
package enum URLText {
    /// `url` as an `href`, as cmark-gfm writes a Markdown link's: every byte outside the characters
    /// a URL may hold (a space, a quote, `<`, non-ASCII…) %-escaped; `%` itself is kept.
    package static func href(_ url: String) -> String {
        let safe: (UInt8) -> Bool = { byte in
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
            default: "!#$%&'()*+,-./:;=?@[]_~".utf8.contains(byte)
            }
        }
        guard !url.utf8.allSatisfy(safe) else { return url }
        var result = ""
        for byte in url.utf8 {
            if safe(byte) { result.unicodeScalars.append(Unicode.Scalar(byte)) } else { result += String(format: "%%%02X", byte) }
        }
        return result
    }

    /// Whether `url` starts with a scheme (`https:`, `mailto:`): it leads off the site.
    package static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }
}
