import LiftoffModel

/// A live article: its coverage as the page says it, its entries, `live.json` and `LiveBlogPosting`.
extension PageRenderer {
    /// `article.coverage`: when coverage runs and whether it runs at the build's clock.
    func coverageContext(_ article: Article, _ live: LiveCoverage) -> [String: Any] {
        let count = live.entries.count
        let start = LiveCoverage.written(live.startLocal, in: site.strings.language)
        var context: [String: Any] = [
            "start": live.start.iso8601, "start_display": start, "zone": live.zoneLabel,
            "count": count, "count_text": site.strings.count(.updatesCount, Int64(count)),
        ]
        context["since_text"] = site.strings.text(.liveSince, ["time": start + " " + live.zoneLabel])
        context["starts_text"] = site.strings.text(.liveStarts, ["time": start + " " + live.zoneLabel])
        if let end = live.end, let display = live.endLocal.map({ LiveCoverage.written($0, in: site.strings.language) }) {
            context["end"] = end.iso8601
            context["end_display"] = display
            context["ended_text"] = site.strings.text(.liveEnded, ["time": display + " " + live.zoneLabel])
        }
        if live.isLive(at: site.now) {
            context["live"] = true
            context["json_url"] = site.config.basePath + article.folder + LiveCoverage.dataFile
        } else if live.hasEnded(at: site.now) {
            context["ended"] = true
        } else {
            context["upcoming"] = true
        }
        return context
    }

    /// The `.live` part: the entries, newest first, in `components/live`; and each entry's HTML.
    func liveSection(_ feed: LiveFeed, coverage: [String: Any]) -> (html: String, entries: [String]) {
        let entries = feed.entries.map { entry in
            component(LiveFeed.entryTemplate, [
                "id": entry.id, "time": entry.entry.time.iso8601, "display": entry.entry.display(site.strings.language),
                "headline_html": entry.headlineHTML, "body": render(entry.parts),
            ])
        }
        var context = coverage
        context["entries"] = entries.map { ["html": $0] }
        return (component(LiveFeed.template, context), entries)
    }

    /// `live.json`: the coverage and its entries as data, newest first, for the page to poll.
    func liveData(_ article: Article, _ live: LiveCoverage, feed: LiveFeed, entryHTML: [String]) -> [UInt8] {
        var object: [String: Any] = [
            "version": 1, "title": article.title, "url": site.absolute(site.url(of: article)),
            "coverage_start": live.start.iso8601, "live": live.isLive(at: site.now),
            "updated": (live.newest ?? live.start).iso8601,
            "entries": zip(feed.entries, entryHTML).map { entry, html -> [String: Any] in
                ["id": entry.id, "time": entry.entry.time.iso8601, "display": entry.entry.display(site.strings.language),
                 "headline": entry.headline, "text": entry.text, "html": html]
            },
        ]
        if let end = live.end { object["coverage_end"] = end.iso8601 }
        return JSONLD.bytes(object)
    }

    /// The article's schema.org object as a `LiveBlogPosting`: coverage and updates, newest first.
    func liveJSONLD(_ object: inout [String: Any], _ live: LiveCoverage, feed: LiveFeed?, canonical: String) {
        object["@type"] = "LiveBlogPosting"
        object["coverageStartTime"] = live.start.iso8601
        if let end = live.end { object["coverageEndTime"] = end.iso8601 }
        object["liveBlogUpdate"] = (feed?.entries ?? []).map { entry -> [String: Any] in
            ["@type": "BlogPosting", "headline": entry.headline, "datePublished": entry.entry.time.iso8601,
             "articleBody": entry.text.isEmpty ? entry.headline : entry.text, "url": canonical + "#" + entry.id]
        }
    }
}

extension ArticleBody {
    /// The live entries, when the body has them.
    var liveFeed: LiveFeed? {
        for part in parts { if case .live(let feed) = part { return feed } }
        return nil
    }
}
