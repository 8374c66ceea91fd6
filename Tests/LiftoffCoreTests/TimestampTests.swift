import Testing

@testable import LiftoffCore
@testable import LiftoffModel

@Suite struct TimestampTests {
    @Test(arguments: [
        ("2026-11-24", "2026-11-24T00:00:00Z"),
        ("2026-12-01T17:00:00Z", "2026-12-01T17:00:00Z"),
        ("2026-12-01T17:00Z", "2026-12-01T17:00:00Z"),
        ("2026-12-01T19:30:00+02:30", "2026-12-01T17:00:00Z"),
        ("2026-12-01T12:00:00-05:00", "2026-12-01T17:00:00Z"),
        ("2026-12-01T17:00:00.250Z", "2026-12-01T17:00:00Z"),
        ("2024-02-29", "2024-02-29T00:00:00Z"),
        ("1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z"),
    ])
    func parsesISO8601(text: String, expected: String) {
        #expect(Timestamp(iso8601: text)?.iso8601 == expected)
    }

    @Test(arguments: ["2026-02-30", "2025-02-29", "2026-13-01", "next week", "2026-11-24T25:00:00Z", "26-11-24", "2026-11-24T17:00:00Zjunk", "",
                       "0000-01-01", "0001-01-01T00:30:00+01:00", "9999-12-31T23:30:00-01:00"])
    func rejectsImpossibleDates(text: String) {
        #expect(Timestamp(iso8601: text) == nil)
    }

    @Test func formatsForReaders() {
        let time = Timestamp(iso8601: "2026-11-05T08:00:00Z")!
        #expect(time.day == "2026-11-05")
        #expect(time.longDay == "November 5, 2026")
        #expect(Timestamp(seconds: 0).iso8601 == "1970-01-01T00:00:00Z")
    }
}
