import Hummingbird
import Logging
import NIOCore
import NIOEmbedded

/// Sends requests straight to a router, in memory: each path exactly as written (no client library
/// normalises it), no socket, no server.
struct RouterClient: Sendable {
    let responder: RouterResponder<BasicRequestContext>

    init(_ router: Router<BasicRequestContext>) {
        responder = router.buildResponder()
    }

    /// What came back: the status, the headers and the whole body.
    struct Reply {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: ByteBuffer
    }

    /// The body as the server writes it, gathered.
    private final class Gathered: @unchecked Sendable {
        var body = ByteBuffer()
    }

    private struct Gatherer: ResponseBodyWriter {
        let gathered: Gathered
        mutating func write(_ buffer: ByteBuffer) async throws {
            var buffer = buffer
            gathered.body.writeBuffer(&buffer)
        }
        consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }

    func execute(uri: String, method: HTTPRequest.Method = .get, _ check: (Reply) async throws -> Void) async throws {
        let request = Request(
            head: HTTPRequest(method: method, scheme: "http", authority: "localhost", path: uri), body: RequestBody(buffer: ByteBuffer()))
        let context = BasicRequestContext(source: ApplicationRequestContextSource(channel: EmbeddedChannel(), logger: Logger(label: "preview-test")))
        let response: Response
        do {
            response = try await responder.respond(to: request, context: context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        let gathered = Gathered()
        try await response.body.write(Gatherer(gathered: gathered))
        try await check(Reply(status: response.status, headers: response.headers, body: gathered.body))
    }
}
