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

    /// "7 days left", "5 hours left" on the last day, "Launched" after the target, in `words`' language.
    package func text(_ words: ThemeStrings) -> String {
        if launched { return words.text(.launched) }
        let (days, hours, minutes) = remaining
        if days >= 1 { return words.count(.daysLeft, days) }
        if hours >= 1 { return words.count(.hoursLeft, hours) }
        return minutes <= 1 ? words.text(.lessThanTwoMinutes) : words.count(.minutesLeft, minutes)
    }

    /// The text on share cards, which change less often than pages: days, hours on the last day,
    /// "Less than an hour left", "Launched" (a card drawn each hour would be a new image each hour).
    package func cardText(_ words: ThemeStrings) -> String {
        if launched { return words.text(.launched) }
        let (days, hours, _) = remaining
        if days >= 1 { return words.count(.daysLeft, days) }
        return hours >= 1 ? words.count(.hoursLeft, hours) : words.text(.lessThanAnHour)
    }
}
