import ArgumentParser
import LiftoffCore
import LiftoffModel

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check the site for errors without publishing it.")

    @OptionGroup var site: SiteOptions

    @Option(help: "The build's current time (ISO 8601).")
    var now: String?

    @Flag(help: "Fail on warnings too.")
    var strict = false

    func run() throws {
        var options = BuildOptions(now: try buildNow(now), drafts: true, future: true, strict: strict)
        options.keepCaches(besideOutput: site.root.appendingPathComponent("output"))
        let report: BuildReport
        do {
            // The last build's URLs: an article's URL that moved is a warning until it is handled.
            let history = BuildCache.urlHistory(from: BuildCache.location(for: site.root.appendingPathComponent("output")))
            report = try Builder.build(root: site.root, into: MemorySink(), options: options, previous: history)
        } catch {
            Liftoff.report(error.diagnostics, failed: true, publishing: false)
            throw ExitCode(1)
        }
        Liftoff.report(report.warnings)
        for note in report.notes { print("Note: \(note)") }
        print("No errors in \(report.articles) article\(report.articles == 1 ? "" : "s") (drafts and future posts included).")
    }
}
