import ArgumentParser
import LiftoffPreview

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site: build it with drafts and future posts, serve it, rebuild and reload on every save.")

    @OptionGroup var site: SiteOptions

    @Option(help: "The address to listen on. The preview answers only to it, 127.0.0.1, localhost and [::1] in Host.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port = 8000

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
    }

    func run() async throws {
        do {
            try await PreviewServer(root: site.root, host: host, port: port).run()
        } catch let error as PreviewServer.PortInUse {
            throw ValidationError(error.description)
        }
    }
}
