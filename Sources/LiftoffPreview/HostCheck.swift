import Hummingbird

/// Answers only requests addressed to the preview itself: its host names and port in `Host`.
///
/// Against DNS rebinding: a page of another site whose name is made to point at 127.0.0.1 can
/// reach the preview from the browser, but its requests carry that name in `Host`. Accepted:
/// 127.0.0.1, localhost, [::1] and the host of the site's base URL (`--host`), compared without
/// case, each alone or with the port of the base URL (the bound one). Anything else: 403.
/// No `Host`, or more than one: 400.
struct HostCheck<Context: RequestContext>: RouterMiddleware {
    let site: PreviewSite

    static var loopbackNames: Set<String> { ["127.0.0.1", "localhost", "[::1]"] }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // The first Host is the request's authority; a second one stays among the fields.
        guard let host = request.head.authority, !request.headers.contains(where: { $0.name.canonicalName == "host" }) else {
            return .plainText(.badRequest, "A request needs one Host header.\n")
        }
        let own = Self.split(Self.authority(of: site.baseURL))
        guard let asked = Self.split(host), let name = own?.name, let port = own?.port,
            Self.loopbackNames.contains(asked.name) || asked.name == name, asked.port == nil || asked.port == port
        else {
            let names = Self.loopbackNames.union(own.map { [$0.name] } ?? []).sorted().joined(separator: ", ")
            return .plainText(.forbidden, "This preview answers only to \(names) on port \(own?.port ?? 0).\n")
        }
        return try await next(request, context)
    }

    /// `host:port` of `http://host:port/path`.
    static func authority(of url: String) -> String {
        let rest = url.split(separator: "://", maxSplits: 1).last ?? ""
        return String(rest.prefix { $0 != "/" })
    }

    /// A host name (lowercased; an IPv6 address with its brackets) and its port, if any; nil when
    /// the text is no `host[:port]`.
    static func split(_ authority: String) -> (name: String, port: Int?)? {
        let text = authority.lowercased()
        let name: Substring
        if text.hasPrefix("[") {
            guard let end = text.firstIndex(of: "]") else { return nil }
            name = text[...end]
        } else {
            name = text.prefix { $0 != ":" }
        }
        let rest = text[name.endIndex...]
        guard !name.isEmpty else { return nil }
        if rest.isEmpty { return (String(name), nil) }
        let digits = rest.dropFirst()
        guard rest.first == ":", (1...5).contains(digits.count), digits.allSatisfy({ ("0"..."9").contains($0) }),
            let port = Int(digits)
        else { return nil }
        return (String(name), port)
    }
}
