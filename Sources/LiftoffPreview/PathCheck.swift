import Foundation
import Hummingbird

/// Refuses request paths that name no page, and keeps every redirect on this host.
///
/// FileMiddleware percent-decodes the whole path before it looks at the disk and redirects a
/// folder to its decoded path plus `/`: `//articles` became `Location: //articles/` (another
/// host, to a browser), and `%00` cut the file name short at the system call. So a path whose
/// decoded form has an empty segment (`//`), a `.` or `..` segment, a backslash, a control
/// character (NUL among them) or bad percent-encoding is answered 400 before it gets there.
struct PathCheck<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard Self.namesAPage(request.uri.path) else {
            return .plainText(.badRequest, "This path names no page.\n")
        }
        let response = try await next(request, context)
        if let location = response.headers[.location], !Self.isOnThisHost(location) {
            return .plainText(.notFound, "Not found.\n")
        }
        return response
    }

    /// Whether a (percent-encoded) request path could name a page of the served folder.
    static func namesAPage(_ path: String) -> Bool {
        guard let decoded = path.removingPercentEncoding, decoded.hasPrefix("/"), !hasForbiddenBytes(decoded) else {
            return false
        }
        let segments = decoded.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        // Only the last segment may be empty: "/" and "/articles/" end with a slash; "//" is no page.
        return segments.dropLast().allSatisfy { !$0.isEmpty } && !segments.contains { $0 == "." || $0 == ".." }
    }

    /// Whether a redirect's target is a path on this host: one slash, then no slash or backslash,
    /// and no control characters (browsers drop tabs and newlines, so `/\t/host` is `//host`).
    static func isOnThisHost(_ location: String) -> Bool {
        let bytes = Array(location.utf8)
        guard bytes.first == UInt8(ascii: "/"), !hasForbiddenBytes(location) else { return false }
        return bytes.count == 1 || bytes[1] != UInt8(ascii: "/")
    }

    /// Control characters and backslashes.
    static func hasForbiddenBytes(_ text: String) -> Bool {
        text.utf8.contains { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") }
    }
}

extension Response {
    /// A short message for a refused request.
    static func plainText(_ status: HTTPResponse.Status, _ message: String) -> Response {
        Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: message)))
    }
}
