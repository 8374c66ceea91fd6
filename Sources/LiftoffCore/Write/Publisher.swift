import Foundation
import LiftoffModel

/// Publishes a site into an output folder as `liftoff build` does: nothing at all when the
/// manifest says the output is current; otherwise a build that carries unchanged pages over
/// from the previous output (`BuildCache`), swapped in atomically.
public enum Publisher {
    public enum Outcome: Sendable {
        /// The output was already what this build would make; the warnings of the build that made it
        /// (they stay until fixed).
        case upToDate(warnings: [String])
        case built(BuildReport, written: Int, unchanged: Int)
    }

    /// Builds of one output folder take turns (`OutputLock`); `waiting` is called when this one
    /// has to wait for another. `output` should come from `OutputLocation.resolve`.
    /// - Throws: `BuildFailure` with every problem; the previous output is then left as it was.
    public static func publish(
        root: URL, output: URL, options: BuildOptions, waiting: () -> Void = {}
    ) throws(BuildFailure) -> Outcome {
        let lock = try OutputLock(output: output, waiting: waiting)
        let manifestURL = BuildManifest.location(for: output)
        let key = BuildManifest.key(for: options)
        var listed: FileTree.Listing?
        if let manifest = BuildManifest.read(from: manifestURL),
           manifest.isCurrent(root: root, output: output, key: key, now: options.now, listed: &listed) {
            return .upToDate(warnings: manifest.warnings)
        }
        BuildManifest.remove(at: manifestURL)
        var reading = StageClock()
        let cacheURL = BuildCache.location(for: output)
        let previous = BuildCache.read(from: cacheURL).flatMap { $0.describes(output: output) ? $0 : nil }
        reading.lap("read cache")
        let writer = try OutputWriter(output: output, lock: lock)
        var options = options
        options.keepCaches(besideOutput: output)
        options.pruneImageCache = true
        var report: BuildReport
        var swapping = StageClock()
        do {
            report = try Builder.build(root: root, into: writer, options: options, previous: previous, listed: listed)
            swapping = StageClock()
            try writer.commit()
        } catch {
            writer.discard()
            throw error
        }
        swapping.lap("swap in")
        var writing = StageClock()
        // Killed before these lines, the old cache names the old tree's inode and is ignored.
        if let inode = FileStamp.of(output.path)?.inode {
            var cache = report.cache
            cache.outputInode = inode
            cache.write(to: cacheURL)
            BuildManifest(
                key: key, builtAt: options.now.seconds, validUntil: report.validUntil, outputInode: inode, files: report.inputs,
                warnings: report.warnings.map(\.description)
            ).write(to: manifestURL)
        }
        writing.lap("write cache")
        report.stages = reading.stages + report.stages + swapping.stages + writing.stages
        let (written, unchanged) = writer.statistics
        if options.endsWithProcess { ProcessEnd.keep((previous, report, writer)) }
        return .built(report, written: written, unchanged: unchanged)
    }
}
