import Foundation
import Hummingbird
import LiftoffCore
import LiftoffModel
import Logging
import Testing

@testable import LiftoffPreview

/// The sample site copied to a temporary folder, built for preview and served to a test client.
enum PreviewFixture {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A copy of the sample site in a temporary folder.
    static func makeSite() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("liftoff-preview-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for name in ["site.yml", "content", "theme"] {
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent(name), to: root.appendingPathComponent(name))
        }
        return root
    }

    /// Builds the sample site and runs `body` with the preview's router behind an in-memory client.
    static func withPreview(
        now: Timestamp, _ body: @escaping @Sendable (PreviewSite, RouterClient) async throws -> Void
    ) async throws {
        let root = try makeSite()
        let site = PreviewSite(root: root, baseURL: "http://127.0.0.1:8000/", now: now)
        defer {
            site.removeOutput()
            try? FileManager.default.removeItem(at: root)
        }
        let result = await site.rebuild()
        #expect(result.succeeded, "\(result.diagnostics)")
        try await body(site, RouterClient(PreviewServer.router(for: site)))
    }

    /// Runs the preview of the sample site as `liftoff serve --host host --port 0` does, on a free
    /// port of localhost, and `body` with the site and that port.
    static func withServer(
        host: String = "127.0.0.1", _ body: @escaping @Sendable (PreviewSite, Int) async throws -> Void
    ) async throws {
        let root = try makeSite()
        let server = PreviewServer(root: root, host: host, port: 0)
        let site = server.makeSite()
        defer {
            site.removeOutput()
            try? FileManager.default.removeItem(at: root)
        }
        let app = try server.application(serving: site, logger: Logger(label: "preview-test"), address: .hostname("127.0.0.1", port: 0))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService() }
            defer { group.cancelAll() }
            // The server has its port once it has told the site its address (before the first build).
            var port = 0
            for _ in 0..<600 where port == 0 {
                port = URLComponents(string: site.baseURL)?.port ?? 0
                if port == 0 { try await Task.sleep(for: .milliseconds(50)) }
            }
            try await body(site, try #require(port == 0 ? nil : port, "the server did not start"))
        }
    }
}
