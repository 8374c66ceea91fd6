import Foundation
import Hummingbird
import LiftoffCore
import LiftoffModel
import Logging
import NIOCore
import ServiceLifecycle

/// `liftoff serve`: builds the site, serves it, rebuilds on every save and reloads the pages.
public struct PreviewServer: Sendable {
    public var root: URL
    public var host: String
    public var port: Int

    public init(root: URL, host: String = "127.0.0.1", port: Int = 8000) {
        self.root = root
        self.host = host
        self.port = port
    }

    /// Thrown when the port is taken.
    public struct PortInUse: Error, CustomStringConvertible {
        public var port: Int
        public var description: String {
            "port \(port) is already in use: stop what uses it, choose another with --port, or use --port 0 for any free port"
        }
    }

    /// Serves until SIGINT or SIGTERM, then removes its temporary folder.
    public func run() async throws {
        let site = makeSite()
        defer { site.removeOutput() }
        var logger = Logger(label: "liftoff-serve")
        logger.logLevel = .warning
        let app = try application(serving: site, logger: logger)
        do {
            try await app.runService()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw PortInUse(port: port)
        }
        await site.events.finish()
    }

    /// The site to preview, in a fresh temporary folder; with port 0, its base URL gets the port
    /// once the server is bound.
    func makeSite() -> PreviewSite {
        PreviewSite(root: root, baseURL: Self.baseURL(host: host, port: port))
    }

    /// `http://host:port/`, an IPv6 address in brackets.
    static func baseURL(host: String, port: Int) -> String {
        let name = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return "http://\(name):\(port)/"
    }

    /// The server: it binds, builds the site with the port it got in its base URL, then serves it
    /// (connections wait in the listen queue for that first build) and rebuilds it on every save.
    /// - Parameter address: where to listen when not at `host` (the tests listen on localhost for a
    ///   server that answers to another name).
    func application(serving site: PreviewSite, logger: Logger, address: BindAddress? = nil) throws -> some ApplicationProtocol {
        let (firstBuild, firstBuilt) = AsyncStream<Void>.makeStream()
        let host = host, port = port
        return Application(
            router: Self.router(for: site),
            configuration: .init(address: address ?? .hostname(host, port: port), serverName: "Liftoff preview"),
            services: [try WatchService(site: site, after: firstBuild)],
            onServerRunning: { channel in
                site.setBaseURL(Self.baseURL(host: host, port: channel.localAddress?.port ?? port))
                Self.print(await site.rebuild())
                firstBuilt.finish()
                Self.say("Serving at \(site.baseURL) (drafts and future posts included). Press Ctrl-C to stop.")
            },
            logger: logger
        )
    }

    /// The routes: the built tree, the reload script and its events, and the themed 404 page; only
    /// for requests to the preview's own host names and port, and paths that can name a page.
    public static func router(for site: PreviewSite) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: HostCheck(site: site))
        router.add(middleware: PathCheck())
        router.add(middleware: NotFoundPage(page: site.output.appendingPathComponent("404.html")))
        router.add(middleware: FileMiddleware(site.output.path, searchForIndexHtml: true))
        let script = ReloadScript.source(eventsURL: "/" + ReloadScript.eventsPath)
        router.get(RouterPath(ReloadScript.path)) { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(string: script)))
        }
        router.get(RouterPath(ReloadScript.eventsPath)) { request, _ in
            Response(
                status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                body: ResponseBody { writer in
                    // A page that closes or reloads closes its connection: that cancels the loop, which
                    // ends the subscription at once (a write would only notice at the next build).
                    try await request.body.consumeWithCancellationOnInboundClose { _ in
                        let states = await site.events.subscribe()
                        // An open page must not hold the server up at shutdown: end the stream then.
                        try await withGracefulShutdownHandler {
                            for await state in states {
                                try await writer.write(ByteBuffer(string: "event: build\ndata: \(Self.json(state))\n\n"))
                            }
                        } onGracefulShutdown: {
                            Task { await site.events.finish() }
                        }
                    }
                    try await writer.finish(nil)
                })
        }
        return router
    }

    static func json(_ state: BuildState) -> String {
        var object: [String: Any] = ["generation": state.generation]
        switch state {
        case .succeeded(_, let stylesheets):
            object["ok"] = true
            if !stylesheets.isEmpty { object["stylesheets"] = stylesheets }
        case .failed(_, let messages):
            object["ok"] = false
            object["messages"] = messages
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    static func print(_ result: PreviewSite.Result) {
        say(report(result))
    }

    /// What the terminal shows after a build: every problem, then one summary line.
    static func report(_ result: PreviewSite.Result) -> String {
        var lines = result.diagnostics.map(\.description)
        if result.succeeded {
            lines.append(
                "Built \(result.articles) article\(result.articles == 1 ? "" : "s") in \(result.milliseconds) ms "
                    + "(\(result.rendered) pages rendered, \(result.carriedOver) carried over).")
        } else {
            let errors = result.diagnostics.filter { $0.severity == .error }.count
            lines.append("Build failed (\(errors) error\(errors == 1 ? "" : "s")); "
                + (result.serving ? "still serving the last good build." : "nothing to serve yet: open pages reload once the site builds."))
        }
        return lines.joined(separator: "\n")
    }

    static func say(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

/// Answers any 404 with the site's own 404 page (status 404); before the site first builds, with a
/// page that loads the reload script (it shows the build's errors, and reloads once it builds).
struct NotFoundPage<Context: RequestContext>: RouterMiddleware {
    let page: URL

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            let response = try await next(request, context)
            return response.status == .notFound ? notFound() : response
        } catch let error as any HTTPResponseError where error.status == .notFound {
            return notFound()
        }
    }

    static var notBuilt: String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Page not found</title></head>
        <body><h1>Page not found</h1><p>The site has not built yet, or this page is not part of it.</p>
        <script src="/\(ReloadScript.path)"></script></body></html>

        """
    }

    func notFound() -> Response {
        let body = (try? Data(contentsOf: page)) ?? Data(Self.notBuilt.utf8)
        return Response(
            status: .notFound, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
