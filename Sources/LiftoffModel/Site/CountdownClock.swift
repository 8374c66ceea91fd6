/// The time left to a launch at a given now: the words pages and cards show, and when they change.
package struct CountdownClock: Sendable {
    package var countdown: Countdown
    package var now: Timestamp

    package init(countdown: Countdown, now: Timestamp) {
        self.countdown = countdown
        self.now = now
    }

    /// Whole days, hours and minutes left (zero once launched).
    package var remaining: (days: Int64, hours: Int64, minutes: Int64) {
        let seconds = max(0, countdown.target.seconds - now.seconds)
        return (seconds / 86_400, seconds % 86_400 / 3600, seconds % 3600 / 60)
    }

    package var launched: Bool { now >= countdown.target }

    /// The first second (since 1970) at which this widget's build-time text would read differently.
    package var validUntil: Int64 {
        guard !launched else { return .max }
        let minutesLeft = (countdown.target.seconds - now.seconds) / 60
        return countdown.target.seconds - minutesLeft * 60 + 1
    }

    /// "7 days left", "5 hours left" on the last day, "launched" after the target.
    package var text: String {
        if launched { return "Launched" }
        let (days, hours, minutes) = remaining
        if days >= 1 { return Self.plural(days, "day") + " left" }
        if hours >= 1 { return Self.plural(hours, "hour") + " left" }
        return minutes <= 1 ? "Less than 2 minutes left" : Self.plural(minutes, "minute") + " left"
    }

    /// The text on share cards, which change less often than pages: days, hours on the last day,
    /// "Less than an hour left", "Launched" (a card drawn each hour would be a new image each hour).
    package var cardText: String {
        if launched { return "Launched" }
        let (days, hours, _) = remaining
        if days >= 1 { return Self.plural(days, "day") + " left" }
        return hours >= 1 ? Self.plural(hours, "hour") + " left" : "Less than an hour left"
    }

    package static func plural(_ count: Int64, _ word: String) -> String {
        count == 1 ? "1 \(word)" : "\(count) \(word)s"
    }
}
