import Foundation
import ServiceLifecycle

/// Rebuilds the site when its files change (debounced), until shutdown.
struct WatchService: Service {
    let site: PreviewSite
    let watcher: SiteWatcher
    /// Ends when the server's first build is done: rebuilds start after it, never beside it.
    let firstBuild: AsyncStream<Void>
    /// Saves that come this close together make one rebuild.
    static let debounce = 0.05

    /// Starts watching at once: what changes during the first build is rebuilt after it.
    init(site: PreviewSite, after firstBuild: AsyncStream<Void>) throws {
        self.site = site
        self.firstBuild = firstBuild
        watcher = try SiteWatcher(root: site.root)
    }

    func run() async throws {
        let watcher = self.watcher
        let (changes, continuation) = AsyncStream<[String]>.makeStream()
        let thread = Thread {
            while !watcher.isStopped {
                var batch = watcher.waitForChanges(timeout: 0.25)
                guard !batch.isEmpty else { continue }
                // Debounce: gather what follows within the window.
                while case let more = watcher.waitForChanges(timeout: Self.debounce), !more.isEmpty { batch += more }
                continuation.yield(batch)
            }
            continuation.finish()
        }
        thread.start()
        // Also when cancelled (the server could not bind): the thread ends with the watch.
        defer { watcher.stop() }
        await withGracefulShutdownHandler {
            for await _ in firstBuild {}
            for await batch in changes {
                PreviewServer.say("Changed: \(Set(batch).sorted().joined(separator: ", "))")
                PreviewServer.print(await site.rebuild(changed: batch))
            }
        } onGracefulShutdown: {
            watcher.stop()
            Task { await site.events.finish() }
        }
    }
}
