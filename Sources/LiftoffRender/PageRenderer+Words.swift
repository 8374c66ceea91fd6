import LiftoffModel

/// The theme's words that the renderer puts together: sentences holding links, and the words the
/// page's scripts (`countdown.js`, `search.js`, `live.js`) say.
extension PageRenderer {
    /// The words the page's scripts say (countdowns as time passes, search results, new live
    /// updates), as JSON (nil in English: the scripts know those).
    static func scriptWords(_ words: ThemeStrings) -> String? {
        guard words.language.tag != "en" || words.messages != ThemeStrings.english.messages else { return nil }
        let keys: [ThemeStrings.Key] = [
            .launched, .daysLeft, .hoursLeft, .minutesLeft, .lessThanTwoMinutes, .days, .hours, .minutes, .inDays, .inDayRange,
            .windowOpenUntil, .windowClosed, .countdownSince, .searchFound, .searchNothing, .searchMore, .searchAll, .searchUnavailable,
            .updatesCount, .newUpdatesCount,
        ]
        var object: [String: Any] = [:]
        for key in keys {
            switch words.messages[key.rawValue] {
            case .text(let text)?: object[key.rawValue] = text
            case .plural(let forms)?: object[key.rawValue] = forms
            case nil: continue
            }
        }
        // The build's digits (ICU's), which a browser's own data may not choose for the language.
        object["numbering_system"] = words.language.numberingSystem
        return JSONLD.script(object)
    }

    /// A sentence of `key` whose `{name}`s are links (`name` → URL and the words linked), as HTML.
    static func sentence(_ words: ThemeStrings, _ key: ThemeStrings.Key, links: [String: (url: String, words: ThemeStrings.Key)]) -> String {
        let marker = "\u{1}"
        let text = HTML.escape(words.text(key, Dictionary(uniqueKeysWithValues: links.keys.map { ($0, marker + $0 + marker) })))
        var html = ""
        for (index, piece) in text.components(separatedBy: marker).enumerated() {
            if index % 2 == 1, let link = links[piece] {
                html += "<a href=\"\(HTML.escape(link.url))\">\(HTML.escape(words.text(link.words)))</a>"
            } else {
                html += piece
            }
        }
        return html
    }
}
