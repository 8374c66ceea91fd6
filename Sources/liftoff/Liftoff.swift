import ArgumentParser
import Foundation
import LiftoffCore
import LiftoffModel

@main
struct Liftoff: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "liftoff",
        abstract: "A static site generator for launch-tracking editorial sites.",
        version: Liftoff.version,
        subcommands: [Build.self, Serve.self, Check.self, New.self],
        defaultSubcommand: Build.self
    )

    /// This release of Liftoff.
    static let version = "0.4.0"

    /// Exit codes: 0 success, 1 content errors, 2 usage errors.
    static func main() async {
        Allocator.keepFreedMemory()
        // `liftoff deploy`: a word that is no command would otherwise reach `build` as an argument.
        let arguments = CommandLine.arguments.dropFirst()
        if let first = arguments.first, !first.hasPrefix("-") {
            let names = configuration.subcommands.compactMap { $0.configuration.commandName ?? $0._commandName } + ["help"]
            if !names.contains(first) {
                let list = configuration.subcommands.map { "  \($0._commandName.padding(toLength: 8, withPad: " ", startingAt: 0))\($0.configuration.abstract)" }
                FileHandle.standardError.write(Data(("Error: no command '\(first.escapingControlCharacters)'. The commands are:\n"
                    + list.joined(separator: "\n") + "\n(`liftoff` alone builds the site; `liftoff help <command>` explains one.)\n").utf8))
                Foundation.exit(2)
            }
        }
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
            end(0)
        } catch let failure as BuildFailure {
            report(failure.diagnostics, failed: true)
            end(1)
        } catch let code as ExitCode {
            end(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            end(code == .failure ? 1 : 2)
        }
    }

    /// Ends the process once its work is done and its files are closed: output flushed, then
    /// `_exit`, without the exit handlers of the libraries it loaded. libvips' worker threads are
    /// still waiting for work then, and a run of those handlers beside them once crashed a build
    /// that had published (signal 11 in a libvips worker, seen once under heavy load).
    static func end(_ code: Int32) -> Never {
        fflush(nil)  // every output stream
        _exit(code)
    }

    /// Prints every diagnostic, one a line; a failed build ends with the count and "nothing was
    /// published" (`publishing: false` for `check`, which never publishes).
    static func report(_ diagnostics: [Diagnostic], failed: Bool = false, publishing: Bool = true) {
        guard !diagnostics.isEmpty else { return }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        var text = diagnostics.map(\.description).joined(separator: "\n") + "\n"
        if failed {
            var counts: [String] = []
            if errors > 0 { counts.append("\(errors) error\(errors == 1 ? "" : "s")") }
            if warnings > 0 { counts.append("\(warnings) warning\(warnings == 1 ? "" : "s")\(errors == 0 ? " (--strict)" : "")") }
            text += counts.joined(separator: ", ") + (publishing ? "; nothing was published.\n" : ".\n")
        }
        FileHandle.standardError.write(Data(text.utf8))
    }
}

struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The site root, holding site.yml, content/ and theme/.")
    var source: String = "."

    var root: URL { URL(fileURLWithPath: source).standardizedFileURL }
}

/// `--now`, else `SOURCE_DATE_EPOCH`, else the clock; a usage error outside years 1 to 9999.
func buildNow(_ now: String?) throws -> Timestamp {
    let range = "from \(Timestamp.representable.lowerBound.iso8601) to \(Timestamp.representable.upperBound.iso8601)"
    if let now {
        guard let time = Timestamp(iso8601: now), Timestamp.representable.contains(time) else {
            throw ValidationError("--now must be an ISO 8601 date \(range), such as 2026-11-24T17:00:00Z, got '\(now.escapingControlCharacters)'")
        }
        return time
    }
    if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] {
        guard let seconds = Int64(epoch), Timestamp.representable.contains(Timestamp(seconds: seconds)) else {
            throw ValidationError(
                "SOURCE_DATE_EPOCH must be whole seconds since 1970 for a time \(range) "
                    + "(\(Timestamp.representable.lowerBound.seconds) to \(Timestamp.representable.upperBound.seconds)), got '\(epoch.escapingControlCharacters)'")
        }
        return Timestamp(seconds: seconds)
    }
    return Timestamp(seconds: Int64(Date().timeIntervalSince1970))
}
