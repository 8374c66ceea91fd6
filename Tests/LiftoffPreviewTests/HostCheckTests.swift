import Foundation
import Testing

@testable import LiftoffPreview

/// DNS rebinding: a page of another site, its name pointed at 127.0.0.1, reaches the preview with
/// that name in Host. The preview answers only to its own names and port.
@Suite struct HostCheckTests {
    /// The status code of a raw answer ("HTTP/1.1 403 Forbidden" → 403).
    static func status(_ answer: String) -> Int? {
        answer.split(separator: " ", maxSplits: 2).dropFirst().first.flatMap { Int($0) }
    }

    static func get(_ path: String = "/", port: Int, headers: String) async throws -> String {
        try await RawHTTP.exchange(port: port, "GET \(path) HTTP/1.1\r\n\(headers)\r\n")
    }

    @Test func otherHostNamesAreRefused() async throws {
        try await PreviewFixture.withServer { _, port in
            let hosts = [
                "evil.example", "evil.example:\(port)", "127.0.0.1.nip.io:\(port)", "localhost.evil.example", "127.0.0.2",
                "[::2]:\(port)", "localhost:\(port + 1)", "localhost:\(port)x", "localhost:\(port):\(port)", "",
            ]
            for host in hosts {
                for path in ["/", "/__liftoff/events"] {
                    let answer = try await Self.get(path, port: port, headers: "Host: \(host)\r\n")
                    #expect(Self.status(answer) == 403, "Host: \(host) \(path) → \(answer.prefix(40))")
                    #expect(answer.contains("Content-Type: text/plain"), "Host: \(host)")
                }
            }
        }
    }

    @Test func itsOwnNamesAreAnswered() async throws {
        try await PreviewFixture.withServer { _, port in
            for host in ["127.0.0.1", "127.0.0.1:\(port)", "localhost", "LocalHost:\(port)", "[::1]", "[::1]:\(port)"] {
                let answer = try await Self.get(port: port, headers: "Host: \(host)\r\n")
                #expect(Self.status(answer) == 200, "Host: \(host) → \(answer.prefix(40))")
            }
        }
    }

    @Test func theHostItWasGivenIsAnsweredToo() async throws {
        try await PreviewFixture.withServer(host: "Preview.Test") { _, port in
            for (host, status) in [("preview.test", 200), ("PREVIEW.TEST:\(port)", 200), ("other.test:\(port)", 403)] {
                let answer = try await Self.get(port: port, headers: "Host: \(host)\r\n")
                #expect(Self.status(answer) == status, "Host: \(host) → \(answer.prefix(40))")
            }
        }
    }

    @Test func aRequestWithoutExactlyOneHostIsBad() async throws {
        try await PreviewFixture.withServer { _, port in
            let missing = try await Self.get(port: port, headers: "")
            #expect(Self.status(missing) == 400, "\(missing.prefix(40))")
            let twice = try await Self.get(port: port, headers: "Host: localhost:\(port)\r\nHost: evil.example\r\n")
            #expect(Self.status(twice) == 400, "\(twice.prefix(40))")
        }
    }
}
