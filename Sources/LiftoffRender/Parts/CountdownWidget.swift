import Yams
import LiftoffModel
import LiftoffSource
import LiftoffMarkdown

/// The time left to a launch, written at build time and kept live by `countdown.js`.
struct CountdownWidget {
    static let template = "components/countdown"

    var clock: CountdownClock

    init(countdown: Countdown, now: Timestamp) {
        clock = CountdownClock(countdown: countdown, now: now)
    }

    var countdown: Countdown { clock.countdown }
    var validUntil: Int64 { clock.validUntil }

    func context(_ words: ThemeStrings) -> [String: Any] {
        let (days, hours, minutes) = clock.remaining
        let target = countdown.target
        var context: [String: Any] = [
            "label": countdown.label,
            "target": target.iso8601,
            "target_label": words.text(clock.launched ? .countdownSince : .countdownTarget),
            "target_display": words.text(.dayAndTime, ["date": words.longDay(target), "time": words.time(target)]),
            "text": clock.text(words),
            "launched": clock.launched,
            "days": days, "hours": hours, "minutes": minutes,
        ]
        if !clock.launched { context["detail"] = "\(words.count(.days, days)), \(words.count(.hours, hours)), \(words.count(.minutes, minutes))" }
        return context
    }

    /// The widget of a launch whose state is not a countdown to an exact moment (a window, a date not
    /// announced, available, delayed, cancelled): its words as of the build, the status line below.
    static func context(of launch: Launch, now: Timestamp, _ words: ThemeStrings) -> [String: Any] {
        let clock = LaunchClock(launch: launch, now: now)
        // No `target`: nothing to count down to the second. A window's bounds let the live script
        // say the same words as the build as the days pass; other states' words do not change.
        var context: [String: Any] = [
            "label": launch.name, "text": clock.text(words), "launched": launch.status == .available,
            "target_label": words.text(.countdownStatus), "target_display": clock.statusLine(words),
        ]
        if case .window(let from, let to) = launch.timing, launch.isAhead {
            context["window"] = ["from": from.iso8601, "to": to.iso8601, "end": Timestamp(seconds: LaunchClock.end(of: to)).iso8601]
        }
        return context
    }

    /// Reads a ```` ```countdown ```` block holding `target:` and `label:`.
    static func parse(block: MarkdownBlock, path: String, now: Timestamp) -> Result<CountdownWidget, BuildFailure> {
        let node: Node
        switch composeYAML(block.literal, path: path, lineOffset: block.line, what: "countdown block") {
        case .failure(let diagnostic): return .failure(BuildFailure(diagnostic))
        case .success(nil): return .failure(BuildFailure(.error(path, block.line, "countdown block is empty: add `target: 2026-12-01T17:00:00Z` and `label:`")))
        case .success(let value?): node = value
        }
        var fields = YAMLFields(node, known: CountdownParser.keys, path: path, lineOffset: block.line, what: "countdown block")
        guard let countdown = CountdownParser.read(&fields, defaultLabel: "Launch"), fields.diagnostics.isEmpty else {
            return .failure(BuildFailure(fields.diagnostics))
        }
        return .success(CountdownWidget(countdown: countdown, now: now))
    }
}
