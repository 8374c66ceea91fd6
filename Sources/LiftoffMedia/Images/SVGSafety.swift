import LiftoffModel

/// Whether an SVG file can run code when a reader opens it (a published SVG is a document of the
/// site's origin, not only an image): `<script>`, `<foreignObject>` (HTML inside), event
/// attributes (`onload=`), `javascript:` URLs, entity declarations that could hide any of them.
///
/// The check reads the bytes, not an XML tree, and is stricter than a browser: character
/// references are decoded first, any namespace prefix is looked through, a scheme is found with
/// spaces and line breaks removed (as browsers read URLs), and anything it cannot read is refused.
package enum SVGSafety {
    /// What makes the SVG unsafe, and its line; nil when it is safe to publish.
    static func problem(in bytes: [UInt8]) -> (line: Int, what: String)? {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let text = String(validating: body, as: UTF8.self) else {
            return (1, "the SVG is not UTF-8 text, so Liftoff cannot check it")
        }
        let scalars = decoded(text)
        return declaration(in: scalars) ?? markup(in: scalars) ?? scheme(in: scalars)
    }

    /// Every SVG among `files` (paths from the site root) that can run code, as errors at its line.
    package static func problems(in files: some Sequence<String>, folder: SiteFolder) -> [Diagnostic] {
        files.filter { $0.lowercased().hasSuffix(".svg") }.sorted().compactMap { path in
            let bytes: [UInt8]
            do throws(SiteFolder.Refusal) { bytes = try folder.read(path) } catch { return .error(path, 0, error.description) }
            guard let (line, what) = problem(in: bytes) else { return nil }
            return .error(path, line, "\(what): with markdown.unsafe_html off, Liftoff publishes no SVG that can run code in a reader's browser; remove it, or set `unsafe_html: true` under `markdown:` if every author is trusted")
        }
    }

    /// Elements that run code or hold a document of their own, by local name.
    static let elements: Set<String> = ["script", "foreignobject", "handler", "listener", "iframe", "frame", "embed", "object", "base"]

    /// The text lower-cased, character references (`&#106;`, `&#x6A;`, `&lt;`) decoded, each scalar with its line.
    private static func decoded(_ text: String) -> [(value: UInt32, line: Int)] {
        let named: [String: UInt32] = ["amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27]
        let source = Array(text.lowercased().unicodeScalars)
        var result: [(value: UInt32, line: Int)] = []
        result.reserveCapacity(source.count)
        var line = 1, index = 0
        while index < source.count {
            let scalar = source[index]
            if scalar == "&", let end = source[index...].prefix(12).firstIndex(of: ";") {
                let name = String(String.UnicodeScalarView(source[(index + 1)..<end]))
                let value: UInt32? = name.hasPrefix("#x") ? UInt32(name.dropFirst(2), radix: 16)
                    : name.hasPrefix("#") ? UInt32(name.dropFirst(), radix: 10) : named[name]
                if let value, let character = Unicode.Scalar(value) {
                    result.append((String(character).lowercased().unicodeScalars.first!.value, line))
                    index = end + 1
                    continue
                }
            }
            result.append((scalar.value, line))
            if scalar == "\n" { line += 1 }
            index += 1
        }
        return result
    }

    private static func declaration(in text: [(value: UInt32, line: Int)]) -> (line: Int, what: String)? {
        find("<!entity", in: text).map { ($0, "the SVG declares entities (<!ENTITY>), which could hide markup") }
    }

    /// Elements by local name, and event attributes (`on…=`) inside tags.
    private static func markup(in text: [(value: UInt32, line: Int)]) -> (line: Int, what: String)? {
        var index = 0
        while index < text.count {
            guard text[index].value == 0x3C else { index += 1; continue }  // <
            let (name, afterName) = self.name(in: text, from: index + 1)
            let local = name.split(separator: ":").last.map(String.init) ?? ""
            if elements.contains(local) { return (text[index].line, "the SVG holds a <\(local == "foreignobject" ? "foreignObject" : local)> element") }
            guard !name.isEmpty else { index += 1; continue }
            // Inside the tag: attribute names outside quoted values.
            var position = afterName, quote: UInt32?
            while position < text.count {
                let value = text[position].value
                if let open = quote {
                    if value == open { quote = nil }
                    position += 1
                } else if value == 0x22 || value == 0x27 {
                    quote = value
                    position += 1
                } else if value == 0x3E || value == 0x3C {
                    break
                } else if isNameCharacter(value) {
                    let (attribute, end) = self.name(in: text, from: position)
                    let localAttribute = attribute.split(separator: ":").last.map(String.init) ?? ""
                    if localAttribute.hasPrefix("on"), localAttribute.count > 2 {
                        return (text[position].line, "the SVG has an event attribute (\(localAttribute)=) that runs code")
                    }
                    position = end
                } else {
                    position += 1
                }
            }
            index = position
        }
        return nil
    }

    /// `javascript:` or `vbscript:` anywhere, spaces and control characters ignored.
    private static func scheme(in text: [(value: UInt32, line: Int)]) -> (line: Int, what: String)? {
        let compact = text.filter { $0.value > 0x20 && $0.value != 0x7F }
        for scheme in ["javascript:", "vbscript:"] {
            if let line = find(scheme, in: compact) { return (line, "the SVG holds a \(scheme) URL") }
        }
        return nil
    }

    /// The line where `needle` (lower-case ASCII) first occurs.
    private static func find(_ needle: String, in text: [(value: UInt32, line: Int)]) -> Int? {
        let pattern = needle.unicodeScalars.map(\.value)
        guard text.count >= pattern.count else { return nil }
        for start in 0...(text.count - pattern.count) where text[start].value == pattern[0] {
            if pattern.indices.allSatisfy({ text[start + $0].value == pattern[$0] }) { return text[start].line }
        }
        return nil
    }

    private static func isNameCharacter(_ value: UInt32) -> Bool {
        (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) || value == 0x3A || value == 0x2D || value == 0x5F
            || value == 0x2E || value >= 0x80
    }

    /// The name (letters, digits, `:`, `-`, `_`, `.`) starting at `start`, and where it ends.
    private static func name(in text: [(value: UInt32, line: Int)], from start: Int) -> (String, Int) {
        var end = start
        var name = String.UnicodeScalarView()
        while end < text.count, isNameCharacter(text[end].value), let scalar = Unicode.Scalar(text[end].value) {
            name.append(scalar)
            end += 1
        }
        return (String(name), end)
    }
}
