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
    var text: String { clock.text }
    var validUntil: Int64 { clock.validUntil }

    var context: [String: Any] {
        let (days, hours, minutes) = clock.remaining
        let plural = CountdownClock.plural
        return [
            "label": countdown.label,
            "target": countdown.target.iso8601,
            "target_display": countdown.target.longDay + ", " + String(countdown.target.iso8601.dropFirst(11).prefix(5)) + " UTC",
            "text": clock.text,
            "detail": "\(plural(days, "day")), \(plural(hours, "hour")), \(plural(minutes, "minute"))",
            "launched": clock.launched,
            "days": days, "hours": hours, "minutes": minutes,
        ]
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
