/// The URLs `site.yml` and the command line give: checked before any page carries them.
public enum SiteURLs {
    /// What a valid base URL looks like, for messages.
    public static let baseURLExample = "an http:// or https:// URL with a host name, such as https://example.org/ or https://example.org/launch/"

    /// `base_url` as every page uses it (path with single slashes, ending in `/`), or nil when it
    /// is not an absolute http(s) URL with a host: no spaces or control characters, no user name,
    /// query or fragment, a path of URL-safe characters.
    public static func baseURL(_ text: String) -> String? {
        let scheme: String
        if text.hasPrefix("https://") { scheme = "https://" } else if text.hasPrefix("http://") { scheme = "http://" } else { return nil }
        let rest = text.dropFirst(scheme.count)
        let hostEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        guard let host = hostAndPort(rest[..<hostEnd]) else { return nil }
        var path = "/"
        for segment in rest[hostEnd...].split(separator: "/") {
            guard segment.unicodeScalars.allSatisfy(isPathCharacter), segment != ".", segment != ".." else { return nil }
            path += segment + "/"
        }
        return scheme + host + path
    }

    /// A newsletter form's `action`, or nil when it is neither an absolute http(s) URL nor a path on
    /// this site (`/subscribe`): `javascript:` and other schemes, `//host` and odd characters are refused.
    public static func formAction(_ text: String) -> String? {
        guard !text.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || "\"'<>\\`".unicodeScalars.contains($0) })
        else { return nil }
        if text.hasPrefix("/") { return text.hasPrefix("//") ? nil : text }
        guard text.hasPrefix("https://") || text.hasPrefix("http://") else { return nil }
        let rest = text.drop { $0 != "/" }.dropFirst(2)
        let hostEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        return hostAndPort(rest[..<hostEnd]) == nil ? nil : text
    }

    /// `example.org`, `example.org:8080`, `127.0.0.1`, `[::1]:8000`, lowered; nil otherwise.
    static func hostAndPort(_ text: Substring) -> String? {
        var host = text[...]
        var port: Substring?
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return nil }
            let inside = host[host.index(after: host.startIndex)..<close]
            guard !inside.isEmpty, inside.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else { return nil }
            let after = host[host.index(after: close)...]
            if !after.isEmpty {
                guard after.first == ":" else { return nil }
                port = after.dropFirst()
            }
            host = host[...close]
        } else if let colon = host.lastIndex(of: ":") {
            port = host[host.index(after: colon)...]
            host = host[..<colon]
            guard !host.isEmpty, host.unicodeScalars.allSatisfy(isHostCharacter),
                  !host.hasPrefix("."), !host.hasPrefix("-"), !host.contains("..")
            else { return nil }
        } else {
            guard !host.isEmpty, host.unicodeScalars.allSatisfy(isHostCharacter),
                  !host.hasPrefix("."), !host.hasPrefix("-"), !host.contains("..")
            else { return nil }
        }
        if let port {
            guard !port.isEmpty, port.count <= 5, port.allSatisfy(\.isASCII), port.allSatisfy(\.isNumber),
                  Int(port).map({ $0 <= 65_535 }) == true
            else { return nil }
            return host.lowercased() + ":" + port
        }
        return host.lowercased()
    }

    private static func isHostCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "."
    }

    /// Unreserved characters and percent escapes: nothing that needs escaping in HTML or XML.
    private static func isPathCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isHostCharacter(scalar) || scalar == "_" || scalar == "~" || scalar == "%"
    }
}
