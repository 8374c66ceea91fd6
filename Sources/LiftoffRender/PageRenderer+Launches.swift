import LiftoffModel

/// The page of each launch the site follows.
extension PageRenderer {
    /// `launches/<key>/index.html`: the launch's status, countdown, text, history (newest first,
    /// each note already HTML) and every article that follows it.
    package func launchPage(_ launch: Launch, body: ArticleBody, notes: [String]) -> String {
        let clock = LaunchClock(launch: launch, now: site.now)
        let widget = launch.countdown.map { CountdownWidget(countdown: $0, now: site.now).context(site.strings) }
            ?? CountdownWidget.context(of: launch, now: site.now, site.strings)
        let history = zip(launch.history, notes).reversed().map { change, note -> [String: Any] in
            var item: [String: Any] = ["date": change.date.iso8601, "date_display": site.strings.longDay(change.date), "status": change.status.title(site.strings), "note_html": note]
            if let source = change.source { item["source"] = source }
            return item
        }
        let articles = site.articles.indices.filter { site.articles[$0].launch == launch.key }.map(listItem)
        let content: [String: Any] = [
            "name": launch.name, "url": site.url(of: launch), "status": launch.status.rawValue, "status_line": clock.statusLine(site.strings), "text": clock.text(site.strings), "articles_heading": site.strings.text(.articlesAbout, ["name": launch.name]),
            "countdown": component(CountdownWidget.template, widget), "body": render(body.parts), "history": history, "articles": articles,
        ]
        let head = inLanguages(sitePage(PageHead(
            title: "\(launch.name) · \(site.config.title)", shareTitle: launch.name,
            description: "\(launch.name)\(site.strings.text(.colon)) \(clock.statusLine(site.strings)).", canonical: site.absolute(site.url(of: launch)))),
            versions: site.translations[launch.path])
        return render("launch", ["page": head.context, "launch": content])
    }
}
