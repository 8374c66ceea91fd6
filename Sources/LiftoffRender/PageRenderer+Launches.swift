import LiftoffModel

/// The page of each launch the site follows.
extension PageRenderer {
    /// `launches/<key>/index.html`: the launch's status, countdown, text, history (newest first,
    /// each note already HTML) and every article that follows it.
    package func launchPage(_ launch: Launch, body: ArticleBody, notes: [String]) -> String {
        let clock = LaunchClock(launch: launch, now: site.now)
        let widget = launch.countdown.map { CountdownWidget(countdown: $0, now: site.now).context }
            ?? CountdownWidget.context(of: launch, now: site.now)
        let history = zip(launch.history, notes).reversed().map { change, note -> [String: Any] in
            var item: [String: Any] = ["date": change.date.iso8601, "date_display": change.date.longDay, "status": change.status.title, "note_html": note]
            if let source = change.source { item["source"] = source }
            return item
        }
        let articles = site.articles.indices.filter { site.articles[$0].launch == launch.key }.map(listItem)
        let content: [String: Any] = [
            "name": launch.name, "url": site.url(of: launch), "status": launch.status.rawValue, "status_line": clock.statusLine, "text": clock.text,
            "countdown": component(CountdownWidget.template, widget), "body": render(body.parts), "history": history, "articles": articles,
        ]
        let head = sitePage(PageHead(
            title: "\(launch.name) · \(site.config.title)", shareTitle: launch.name,
            description: "\(launch.name): \(clock.statusLine).", canonical: site.absolute(site.url(of: launch))))
        return render("launch", ["page": head.context, "launch": content])
    }
}
