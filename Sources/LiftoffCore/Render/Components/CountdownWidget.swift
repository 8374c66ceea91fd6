import Yams

/// The time left to a launch, written at build time and kept live by `countdown.js`.
struct CountdownWidget {
    static let template = "components/countdown"

    var countdown: Countdown
    var now: Timestamp

    /// Whole days, hours and minutes left (zero once launched).
    var remaining: (days: Int64, hours: Int64, minutes: Int64) {
        let seconds = max(0, countdown.target.seconds - now.seconds)
        return (seconds / 86_400, seconds % 86_400 / 3600, seconds % 3600 / 60)
    }

    var launched: Bool { now >= countdown.target }

    /// The first second (since 1970) at which this widget's build-time text would read differently.
    var validUntil: Int64 {
        guard !launched else { return .max }
        let minutesLeft = (countdown.target.seconds - now.seconds) / 60
        return countdown.target.seconds - minutesLeft * 60 + 1
    }

    /// "7 days left", "5 hours left" on the last day, "launched" after the target.
    var text: String {
        if launched { return "Launched" }
        let (days, hours, minutes) = remaining
        if days >= 1 { return Self.plural(days, "day") + " left" }
        if hours >= 1 { return Self.plural(hours, "hour") + " left" }
        return minutes <= 1 ? "Less than 2 minutes left" : Self.plural(minutes, "minute") + " left"
    }

    /// The text on share cards, which change less often than pages: days, hours on the last day,
    /// "Less than an hour left", "Launched" (a card drawn each hour would be a new image each hour).
    var cardText: String {
        if launched { return "Launched" }
        let (days, hours, _) = remaining
        if days >= 1 { return Self.plural(days, "day") + " left" }
        return hours >= 1 ? Self.plural(hours, "hour") + " left" : "Less than an hour left"
    }

    static func plural(_ count: Int64, _ word: String) -> String {
        count == 1 ? "1 \(word)" : "\(count) \(word)s"
    }

    var context: [String: Any] {
        let (days, hours, minutes) = remaining
        return [
            "label": countdown.label,
            "target": countdown.target.iso8601,
            "target_display": countdown.target.longDay + ", " + String(countdown.target.iso8601.dropFirst(11).prefix(5)) + " UTC",
            "text": text,
            "detail": "\(Self.plural(days, "day")), \(Self.plural(hours, "hour")), \(Self.plural(minutes, "minute"))",
            "launched": launched,
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
