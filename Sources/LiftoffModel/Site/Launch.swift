/// A launch the site follows (`content/launches/<key>.md`, published at `/launches/<key>/`): its
/// status, its date or window, when that was last checked, and each change with its evidence.
public struct Launch: Sendable, Hashable {
    /// Where a launch stands.
    public enum Status: String, CaseIterable, Sendable, Hashable {
        case rumored, expected, announced, preview, available, delayed, cancelled

        /// "Expected", as status lines say it, in `words`' language.
        public func title(_ words: ThemeStrings) -> String {
            switch self {
            case .rumored: words.text(.statusRumored)
            case .expected: words.text(.statusExpected)
            case .announced: words.text(.statusAnnounced)
            case .preview: words.text(.statusPreview)
            case .available: words.text(.statusAvailable)
            case .delayed: words.text(.statusDelayed)
            case .cancelled: words.text(.statusCancelled)
            }
        }
    }

    /// When the launch comes: an instant, a window it falls somewhere inside, or not known.
    public enum Timing: Sendable, Hashable {
        case unknown
        case target(Timestamp)
        /// `to` is the window's last day (inclusive) or instant.
        case window(from: Timestamp, to: Timestamp)
    }

    /// One change of status or date, with its evidence.
    public struct Change: Sendable, Hashable {
        public var date: Timestamp
        public var status: Status
        /// One line of Markdown.
        public var note: String
        public var source: String?
        /// The file and line its note is written at (a translation's note, or the original's it keeps).
        public var path = ""
        public var line: Int

        package init(date: Timestamp, status: Status, note: String, source: String?, line: Int) {
            (self.date, self.status, self.note, self.source, self.line) = (date, status, note, source, line)
        }
    }

    /// The file name without its extension: `gpt-image-2`.
    public var key: String
    public var path: String
    public var name: String
    public var status: Status
    public var timing: Timing
    /// When the status was last checked.
    public var verified: Timestamp?
    /// Oldest first, as written.
    public var history: [Change]
    public var body: String
    public var bodyLine: Int
    /// The folder of the language it is written in (`""`, `fr/`): where its page goes.
    public var home = ""

    package init(
        key: String, path: String, name: String, status: Status, timing: Timing, verified: Timestamp?, history: [Change], body: String, bodyLine: Int
    ) {
        (self.key, self.path, self.name, self.status, self.timing) = (key, path, name, status, timing)
        (self.verified, self.history, self.body, self.bodyLine) = (verified, history, body, bodyLine)
    }

    /// Folder of launches under the site root.
    package static let folder = "content/launches/"

    /// `launches/<key>/` (a language's `fr/launches/<key>/`): the launch's page and its files.
    public var folder: String { home + "launches/\(key)/" }

    /// Whether the launch is still ahead, so its date or window is counted down to (not available,
    /// delayed or cancelled: those say their status instead).
    public var isAhead: Bool { ![.available, .delayed, .cancelled].contains(status) }

    /// The countdown an exact target gives a launch still ahead (articles and the header show it); nil otherwise.
    public var countdown: Countdown? {
        guard isAhead, case .target(let target) = timing else { return nil }
        return Countdown(target: target, label: name)
    }
}
