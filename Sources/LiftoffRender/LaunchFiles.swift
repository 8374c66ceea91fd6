import LiftoffModel

/// A launch as data: `status.json` and an Atom feed of its history, beside its page.
package enum LaunchFiles {
    /// `launches/<key>/status.json`: key, name, status, target or window, verified, history (oldest
    /// first), url and the articles that follow it (title, url). Instants in ISO 8601.
    package static func status(_ launch: Launch, site: Site) -> String {
        var object: [String: Any] = [
            "key": launch.key, "name": launch.name, "status": launch.status.rawValue,
            "url": site.absolute(site.url(of: launch)),
            "history": launch.history.map { change -> [String: Any] in
                var item: [String: Any] = ["date": change.date.iso8601, "status": change.status.rawValue, "note": change.note]
                if let source = change.source { item["source"] = source }
                return item
            },
            "articles": site.articles.filter { $0.launch == launch.key }.map { ["title": $0.title, "url": site.absolute(site.url(of: $0))] },
        ]
        switch launch.timing {
        case .unknown: break
        case .target(let target): object["target"] = target.iso8601
        case .window(let from, let to): object["window"] = ["from": from.iso8601, "to": to.iso8601]
        }
        if let verified = launch.verified { object["verified"] = verified.iso8601 }
        return JSONLD.script(object) + "\n"
    }

    /// `launches/<key>/feed.xml`: one entry per change of status or date, newest first, so readers
    /// can follow the launch alone. `notes` are the changes' notes as HTML, in history order.
    package static func feed(_ launch: Launch, site: Site, notes: [String]) -> String {
        let page = site.absolute(site.url(of: launch))
        let feedURL = page + "feed.xml"
        let updated = launch.history.map(\.date).max() ?? launch.verified ?? Timestamp(seconds: 0)
        var xml = AtomFeed.head(title: "\(launch.name) · \(site.config.title)", feedURL: feedURL, page: page, updated: updated, site: site)
        for (index, (change, note)) in zip(launch.history, notes).enumerated().reversed() {
            var html = note
            if let source = change.source { html += " <a href=\"\(HTML.escape(source))\">\(HTML.escape(site.strings.text(.source)))</a>" }
            xml += """
                <entry>
                <title>\(escape(change.status.title(site.strings))) · \(escape(site.strings.longDay(change.date)))</title>
                <link href="\(escape(page))" rel="alternate" type="text/html"/>
                <id>\(escape(page))#change-\(index + 1)</id>
                <updated>\(change.date.iso8601)</updated>
                <content type="html" xml:base="\(escape(page))">\(escape(html))</content>
                </entry>

                """
        }
        return xml + "</feed>\n"
    }
}
