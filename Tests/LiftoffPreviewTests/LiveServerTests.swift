import Foundation
import Testing

@testable import LiftoffPreview

/// The preview behind a real socket: connections a browser opens and closes.
@Suite struct LiveServerTests {
    /// A tab that closes (or reloads) ends its event stream: nothing of it stays open until the next build.
    @Test func closedEventStreamsAreReleasedAtOnce() async throws {
        try await PreviewFixture.withServer { site, port in
            let socketsBefore = RawHTTP.openSockets()
            for _ in 0..<100 {
                let answer = try await RawHTTP.exchange(
                    port: port, "GET /__liftoff/events HTTP/1.1\r\nHost: localhost:\(port)\r\n\r\n", until: "event: build")
                #expect(answer.contains("text/event-stream") && answer.contains("event: build"))
            }
            let deadline = ContinuousClock.now + .seconds(2)
            while await site.events.subscriberCount > 0 || RawHTTP.openSockets() > socketsBefore + 10, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            let openStreams = await site.events.subscriberCount
            #expect(openStreams == 0)
            #expect(RawHTTP.openSockets() <= socketsBefore + 10, "sockets: \(socketsBefore) before, \(RawHTTP.openSockets()) after")
        }
    }

    /// A page that stays open hears every build.
    @Test func anOpenEventStreamHearsTheNextBuild() async throws {
        try await PreviewFixture.withServer { site, port in
            let connection = try RawHTTP(port: port)
            connection.send("GET /__liftoff/events HTTP/1.1\r\nHost: localhost:\(port)\r\n\r\n")
            let first = try await RawHTTP.offThePool { connection.read(until: "\"generation\":1") }
            #expect(first.contains("event: build\ndata: {\"generation\":1,\"ok\":true}"))
            await site.rebuild()
            let second = try await RawHTTP.offThePool { connection.read(until: "\"generation\":2") }
            #expect(second.contains("data: {\"generation\":2,\"ok\":true}"))
            #expect(await site.events.subscriberCount == 1)
        }
    }

    /// With `--port 0` the pages and the feed link to the port the server got.
    @Test func portZeroLinksToTheBoundPort() async throws {
        try await PreviewFixture.withServer { _, port in
            let home = try await RawHTTP.exchange(port: port, "GET / HTTP/1.1\r\nHost: localhost:\(port)\r\n\r\n", until: "</html>")
            #expect(home.contains("<link rel=\"canonical\" href=\"http://127.0.0.1:\(port)/\">"), "\(home.prefix(2000))")
            let feed = try await RawHTTP.exchange(port: port, "GET /feed.xml HTTP/1.1\r\nHost: localhost:\(port)\r\n\r\n", until: "</feed>")
            #expect(feed.contains("http://127.0.0.1:\(port)/articles/"))
            #expect(!feed.contains(":8000/") && !home.contains(":8000/"))
        }
    }

    /// An IPv6 address is bracketed in the pages' links, as URLs need.
    @Test func anIPv6HostIsBracketedInTheBaseURL() {
        let site = PreviewServer(root: URL(fileURLWithPath: "/nonexistent"), host: "::1", port: 8000).makeSite()
        #expect(site.baseURL == "http://[::1]:8000/")
    }
}
