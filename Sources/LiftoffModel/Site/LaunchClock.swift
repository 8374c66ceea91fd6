/// What a launch's countdown and status line say as of a moment, for every status and timing.
package struct LaunchClock: Sendable {
    package var launch: Launch
    package var now: Timestamp

    package init(launch: Launch, now: Timestamp) {
        self.launch = launch
        self.now = now
    }

    /// "7 days left", "in 4–11 days", "window open until Dec 5", "Available since Dec 1",
    /// "Delayed to Dec 12", "Cancelled", "Date not announced", in `words`' language.
    package func text(_ words: ThemeStrings) -> String {
        let language = words.language
        switch launch.status {
        case .cancelled: return words.text(.cancelled)
        case .available: return words.text(.availableSince, ["date": language.shortDay(availableSince)])
        case .delayed:
            switch launch.timing {
            case .unknown: return words.text(.delayedNoDate)
            case .target(let target): return words.text(.delayedTo, ["date": language.shortDay(target)])
            case .window(let from, let to): return words.text(.delayedTo, ["date": Self.span(from, to, language)])
            }
        default:
            switch launch.timing {
            case .unknown: return words.text(.dateNotAnnounced)
            case .target(let target): return CountdownClock(countdown: Countdown(target: target, label: launch.name), now: now).text(words)
            case .window(let from, let to):
                if now < from {
                    let (soonest, latest) = (days(to: from), days(to: to))
                    return soonest == latest ? words.count(.inDays, soonest) : words.text(.inDayRange, ["from": language.number(soonest), "to": language.number(latest)])
                }
                let date = language.shortDay(to)
                return now.seconds < Self.end(of: to) ? words.text(.windowOpenUntil, ["date": date]) : words.text(.windowClosed, ["date": date])
            }
        }
    }

    /// "Expected · Nov 28 – Dec 5 · checked Nov 24, 09:00 UTC"
    package func statusLine(_ words: ThemeStrings) -> String {
        let language = words.language
        var parts = [launch.status.title(words)]
        switch launch.timing {
        case .unknown: parts.append(words.text(.statusNoDate))
        case .target(let target): parts.append(words.text(.dayAndTime, ["date": language.shortDay(target), "time": language.time(target)]))
        case .window(let from, let to): parts.append(Self.span(from, to, language))
        }
        if let verified = launch.verified {
            parts.append(words.text(.checked, ["date": language.shortDay(verified), "time": language.time(verified)]))
        }
        return parts.joined(separator: " · ")
    }

    /// The first second (since 1970) at which `text` would read differently.
    package var validUntil: Int64 {
        guard launch.isAhead else { return .max }
        switch launch.timing {
        case .unknown: return .max
        case .target(let target): return CountdownClock(countdown: Countdown(target: target, label: launch.name), now: now).validUntil
        case .window(let from, let to):
            if now < from { return min(dayChange(from), dayChange(to), from.seconds) }
            let end = Self.end(of: to)
            return now.seconds < end ? end : .max
        }
    }

    /// When it became available: the newest history item saying so, else its target, else the build's day.
    var availableSince: Timestamp {
        if let change = launch.history.last(where: { $0.status == .available }) { return change.date }
        if case .target(let target) = launch.timing { return target }
        return now
    }

    /// Whole days until `moment`, counting a part of a day as one.
    private func days(to moment: Timestamp) -> Int64 {
        (moment.seconds - now.seconds + 86_399) / 86_400
    }

    /// The first second at which `days(to: moment)` is one less.
    private func dayChange(_ moment: Timestamp) -> Int64 {
        moment.seconds - (days(to: moment) - 1) * 86_400
    }

    /// A window's last moment: a day written without a time lasts to its end.
    package static func end(of to: Timestamp) -> Int64 {
        to.seconds % 86_400 == 0 ? to.seconds + 86_400 : to.seconds
    }

    /// "Nov 28 – Dec 5"
    static func span(_ from: Timestamp, _ to: Timestamp, _ language: Language) -> String {
        language.shortDay(from) + " – " + language.shortDay(to)
    }
}

extension Timestamp {
    /// `Nov 28`
    package var shortDay: String {
        let (_, month, day) = civil
        return "\(Self.monthNames[month - 1].prefix(3)) \(day)"
    }

    /// `09:00`
    package var clock: String {
        String(iso8601.dropFirst(11).prefix(5))
    }
}
