/// A point in time as whole seconds since 1970-01-01T00:00:00Z.
///
/// Liftoff formats dates itself (civil-calendar arithmetic, always UTC) so that output
/// never depends on the build machine's time zone or locale.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var seconds: Int64

    public init(seconds: Int64) {
        self.seconds = seconds
    }

    /// The times Liftoff can format: years 1 to 9999 (four-digit years, as ISO 8601 writes them).
    public static let representable = Timestamp(seconds: daysFromCivil(year: 1, month: 1, day: 1) * 86_400)
        ... Timestamp(seconds: daysFromCivil(year: 10_000, month: 1, day: 1) * 86_400 - 1)

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.seconds < rhs.seconds }

    /// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS[.fff]]` with `Z` or `±HH:MM` (no zone means UTC).
    /// Returns nil for anything else, including impossible dates such as `2026-02-30`.
    public init?(iso8601 text: String) {
        let chars = Array(text.trimmingSpaces.utf8)
        var index = 0

        func number(_ digits: Int) -> Int? {
            guard index + digits <= chars.count else { return nil }
            var value = 0
            for offset in 0..<digits {
                let char = chars[index + offset]
                guard char >= 48, char <= 57 else { return nil }
                value = value * 10 + Int(char - 48)
            }
            index += digits
            return value
        }
        func expect(_ char: UInt8) -> Bool {
            guard index < chars.count, chars[index] == char else { return false }
            index += 1
            return true
        }

        guard let year = number(4), expect(45), let month = number(2), expect(45), let day = number(2),
              (1...12).contains(month), day >= 1, day <= Self.daysInMonth(year: year, month: month)
        else { return nil }
        var seconds = Self.daysFromCivil(year: year, month: month, day: day) * 86_400
        if index < chars.count {
            guard expect(84) || expect(116) || expect(32) else { return nil }  // T, t or space
            guard let hour = number(2), expect(58), let minute = number(2), hour < 24, minute < 60 else { return nil }
            var second = 0
            if expect(58) {
                guard let value = number(2), value < 61 else { return nil }
                second = value
                if expect(46) {  // fraction: ignored
                    let start = index
                    while index < chars.count, chars[index] >= 48, chars[index] <= 57 { index += 1 }
                    guard index > start else { return nil }
                }
            }
            seconds += Int64(hour * 3600 + minute * 60 + second)
            if expect(90) || expect(122) {  // Z
            } else if index < chars.count, chars[index] == 43 || chars[index] == 45 {  // + or -
                let sign: Int64 = chars[index] == 43 ? 1 : -1
                index += 1
                guard let offsetHour = number(2) else { return nil }
                _ = expect(58)
                guard let offsetMinute = number(2), offsetHour < 24, offsetMinute < 60 else { return nil }
                seconds -= sign * Int64(offsetHour * 3600 + offsetMinute * 60)
            }
            guard index == chars.count else { return nil }
        }
        // Year 0 (or an offset past year 1 or 9999) has no date an HTML page or a feed can write.
        guard Self.representable.contains(Timestamp(seconds: seconds)) else { return nil }
        self.seconds = seconds
    }

    /// `2026-11-24T17:00:00Z`
    public var iso8601: String {
        let (year, month, day) = civil
        let secondOfDay = Int(seconds - Self.daysFromCivil(year: year, month: month, day: day) * 86_400)
        return "\(Self.pad(year, 4))-\(Self.pad(month))-\(Self.pad(day))T\(Self.pad(secondOfDay / 3600)):\(Self.pad(secondOfDay / 60 % 60)):\(Self.pad(secondOfDay % 60))Z"
    }

    /// `2026-11-24`
    public var day: String {
        let (year, month, day) = civil
        return "\(Self.pad(year, 4))-\(Self.pad(month))-\(Self.pad(day))"
    }

    /// `November 24, 2026`
    public var longDay: String {
        let (year, month, day) = civil
        return "\(Self.monthNames[month - 1]) \(day), \(year)"
    }

    public var description: String { iso8601 }

    /// Days since 1970-01-01 (UTC): two instants of one day have the same number.
    public var dayNumber: Int64 { seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400 }

    package var civil: (year: Int, month: Int, day: Int) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return Self.civilFromDays(days)
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ days: Int64) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }

    static func pad(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}

extension StringProtocol {
    package var trimmingSpaces: SubSequence {
        var slice = self[...]
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return slice
    }
}
