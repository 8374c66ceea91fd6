import Foundation

/// Addresses, names and words about images.
extension ImagePipeline {
    /// `/articles/x/nb3.png` under the base path, each segment percent-encoded.
    func address(_ path: String) -> String {
        // Byte-wise first: nearly every path is letters, digits, `-`, `_`, `.` and `/` (carried-over
        // pages address every image of the site on every build).
        let plain = path.utf8.allSatisfy { byte in
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
                || byte == 0x2D || byte == 0x5F || byte == 0x2E || byte == 0x2F
        }
        if plain { return basePath + path }
        return basePath + path.split(separator: "/").map {
            $0.addingPercentEncoding(withAllowedCharacters: Self.segmentCharacters) ?? String($0)
        }.joined(separator: "/")
    }

    private static let segmentCharacters = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))

    /// `articles/x/nb3.png` → `articles/x/nb3.<key's first 8 digits>-`: how every file made from
    /// the image starts (then a width and an extension, or `share.jpg`).
    static func variantPrefix(_ target: String, key: String) -> String {
        let slash = target.utf8.lastIndex(of: UInt8(ascii: "/"))
        return (slash.map { String(target[...$0]) } ?? "") + stem(of: target) + "." + key.prefix(8) + "-"
    }

    static func fileExtension(_ path: String) -> String {
        guard let name = path.split(separator: "/").last, let dot = name.lastIndex(of: ".") else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    static func stem(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    static func formatName(_ ext: String) -> String {
        switch ext {
        case "jpg", "jpeg": "JPEG"
        case "tif", "tiff": "TIFF"
        default: ext.uppercased()
        }
    }

    /// libvips' words for a decoding failure, without the file's absolute path.
    static func decodingMessage(_ message: String, path: String) -> String {
        var text = message.replacingOccurrences(of: path, with: "the file")
        if let colon = text.range(of: ": "), !text[..<colon.lowerBound].contains(" ") { text = String(text[colon.upperBound...]) }
        return "cannot be decoded (is it truncated or damaged?): \(text)"
    }

    func megabytes(_ bytes: Int64) -> String {
        String(format: "%.1f", Double(bytes) / 1_000_000)
    }
}
