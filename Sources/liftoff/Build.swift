import ArgumentParser
import Foundation
import LiftoffCore
import LiftoffModel

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Publish the site into the output folder.")

    @OptionGroup var site: SiteOptions

    @Option(help: "Where to publish (default: <source>/output). Replaced as a whole when the build succeeds.")
    var output: String?

    @Option(name: .customLong("base-url"), help: "Override site.yml's base_url, e.g. for a preview deploy.")
    var baseURL: String?

    @Option(help: "The build's current time (ISO 8601); default SOURCE_DATE_EPOCH, else the clock.")
    var now: String?

    @Flag(help: "Include articles marked `draft: true`.")
    var drafts = false

    @Flag(help: "Include articles dated after the build's current time.")
    var future = false

    @Flag(help: "Fail on warnings too.")
    var strict = false

    @Flag(help: "Print how long each stage of the build took.")
    var timings = false

    func validate() throws {
        if let baseURL, SiteURLs.baseURL(baseURL) == nil {
            throw ValidationError("--base-url must be \(SiteURLs.baseURLExample); got '\(baseURL.escapingControlCharacters)'")
        }
    }

    func run() throws {
        let start = DispatchTime.now().uptimeNanoseconds
        var options = BuildOptions(now: try buildNow(now), drafts: drafts, future: future, baseURL: baseURL, strict: strict)
        options.endsWithProcess = true
        let givenOutput = output.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? site.root.appendingPathComponent("output")
        let outputURL = try OutputLocation.resolve(givenOutput, root: site.root)
        let (report, written, unchanged): (BuildReport, Int, Int)
        let waiting = {
            FileHandle.standardError.write(Data("Waiting for another build of \(displayPath(givenOutput)) to finish…\n".utf8))
        }
        switch try Publisher.publish(root: site.root, output: outputURL, options: options, waiting: waiting) {
        case .upToDate(let warnings):
            if !warnings.isEmpty { FileHandle.standardError.write(Data((warnings.joined(separator: "\n") + "\n").utf8)) }
            let milliseconds = (DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
            print("Nothing changed since the last build: \(displayPath(givenOutput)) is up to date (\(milliseconds) ms).")
            return
        case .built(let built, let filesWritten, let filesUnchanged):
            (report, written, unchanged) = (built, filesWritten, filesUnchanged)
        }
        Liftoff.report(report.warnings)
        if timings {
            for stage in report.stages { print(String(format: "%8.1f ms  %@", stage.seconds * 1000, stage.name)) }
        }
        let milliseconds = (DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
        print(
            "Published \(report.articles) article\(report.articles == 1 ? "" : "s"), \(report.pages) pages and \(report.files) files "
                + "to \(displayPath(givenOutput)) in \(milliseconds) ms (\(report.renderedPages.count) pages rendered, "
                + "\(report.carriedOver) carried over; \(written) files written, \(unchanged) unchanged"
                + (report.images.encoded > 0 ? "; \(report.images.encoded) image\(report.images.encoded == 1 ? "" : "s") processed" : "")
                + (report.images.shared > 0 ? "; \(report.images.shared) share image\(report.images.shared == 1 ? "" : "s") drawn" : "")
                + Self.heldBack(report.heldBack) + ").")
    }

    /// `; 1 draft, 1 scheduled: next due 2026-12-05 16:00 UTC`, or nothing.
    static func heldBack(_ held: Site.HeldBack) -> String {
        var parts: [String] = []
        if held.drafts > 0 { parts.append("\(held.drafts) draft\(held.drafts == 1 ? "" : "s")") }
        if held.scheduled > 0, let due = held.nextDue {
            parts.append("\(held.scheduled) scheduled: next due \(due.iso8601.prefix(10)) \(due.iso8601.dropFirst(11).prefix(5)) UTC")
        }
        return parts.isEmpty ? "" : "; " + parts.joined(separator: ", ")
    }
}

/// A path relative to the working folder when it lies below it.
func displayPath(_ url: URL) -> String {
    let cwd = FileManager.default.currentDirectoryPath
    let path = url.path
    return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
}
