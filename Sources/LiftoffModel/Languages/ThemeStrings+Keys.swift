extension ThemeStrings {
    /// Every word the build itself writes into pages, with its English text (the built-in words,
    /// and what `theme/i18n/en.yml` says). Templates read any key as `{{i18n.<key>}}`.
    public enum Key: String, CaseIterable, Sendable {
        // Words templates print as they are.
        case skipToContent = "skip_to_content", previewBanner = "preview_banner", searchLabel = "search_label"
        case searchPlaceholder = "search_placeholder", searchResults = "search_results", menu, siteNavigation = "site_navigation"
        case footerNavigation = "footer_navigation", emailAddress = "email_address", home, allArticles = "all_articles", tags
        case contents, updated, draft, live, liveCoverage = "live_coverage", earlierUpdates = "earlier_updates"
        case relatedReads = "related_reads", latestArticles = "latest_articles", noArticles = "no_articles"
        case moreArticles = "more_articles", history, source, newer, older, pagesNavigation = "pages_navigation", noTags = "no_tags"
        case search, searchTheArticles = "search_the_articles", searchButton = "search_button", pageNotFound = "page_not_found"
        case pageMoved = "page_moved", liveUpdates = "live_updates", newUpdates = "new_updates", tldr, timeline, prompt
        case languages, byline, listAnd = "list_and", fullSize = "full_size", linkToUpdate = "link_to_update", linkToSection = "link_to_section", toDo = "to_do", done
        // Words with values, filled in by the build.
        case minRead = "min_read", tagArticles = "tag_articles", pageOf = "page_of", articlesAbout = "articles_about"
        case notFoundNext = "not_found_next", goHome = "go_home", allArticlesLink = "all_articles_link"
        case searchNoScript = "search_noscript", theTags = "the_tags"
        case tagged, articlesBy = "articles_by", tagsTitle = "tags_title", tagsDescription = "tags_description"
        case notFoundTitle = "not_found_title", searchTitle = "search_title", pageOfTitle = "page_of_title", updatesCount = "updates_count", liveSince = "live_since", liveStarts = "live_starts", liveEnded = "live_ended"
        // Countdowns and launches.
        case launched, daysLeft = "days_left", hoursLeft = "hours_left", minutesLeft = "minutes_left"
        case lessThanTwoMinutes = "less_than_two_minutes", lessThanAnHour = "less_than_an_hour"
        case days, hours, minutes, countdownTarget = "countdown_target", countdownSince = "countdown_since", countdownStatus = "countdown_status"
        case dayAndTime = "day_and_time", cancelled, availableSince = "available_since", delayedNoDate = "delayed_no_date"
        case delayedTo = "delayed_to", dateNotAnnounced = "date_not_announced", inDays = "in_days", inDayRange = "in_day_range"
        case windowOpenUntil = "window_open_until", windowClosed = "window_closed", statusNoDate = "status_no_date", checked
        case statusRumored = "status_rumored", statusExpected = "status_expected", statusAnnounced = "status_announced"
        case statusPreview = "status_preview", statusAvailable = "status_available", statusDelayed = "status_delayed"
        case statusCancelled = "status_cancelled"
        // Words the page's scripts say (search.js, live.js), from the page's `data-words`.
        case searchFound = "search_found", searchNothing = "search_nothing", searchMore = "search_more", searchAll = "search_all"
        case searchUnavailable = "search_unavailable", newUpdatesCount = "new_updates_count"
        // Punctuation and feed titles around names.
        case colon, statusChanges = "status_changes", statusData = "status_data"

        /// The built-in English message.
        public var english: Message {
            switch self {
            case .skipToContent: .text("Skip to content")
            case .previewBanner: .text("Preview: this article is a draft or dated in the future, and is not published.")
            case .searchLabel: .text("Search articles")
            case .searchPlaceholder: .text("Search")
            case .searchResults: .text("Search results")
            case .menu: .text("Menu")
            case .siteNavigation: .text("Site")
            case .footerNavigation: .text("Footer")
            case .emailAddress: .text("Email address")
            case .home: .text("Home")
            case .allArticles: .text("All articles")
            case .tags: .text("Tags")
            case .contents: .text("Contents")
            case .updated: .text("Updated")
            case .draft: .text("Draft")
            case .live: .text("Live")
            case .liveCoverage: .text("Live coverage")
            case .earlierUpdates: .text("Earlier updates")
            case .relatedReads: .text("Related reads")
            case .latestArticles: .text("Latest articles")
            case .noArticles: .text("No articles yet.")
            case .moreArticles: .text("All articles →")
            case .history: .text("History")
            case .source: .text("Source")
            case .newer: .text("← Newer")
            case .older: .text("Older →")
            case .pagesNavigation: .text("Pages")
            case .noTags: .text("No tags yet.")
            case .search: .text("Search")
            case .searchTheArticles: .text("Search the articles")
            case .searchButton: .text("Search")
            case .pageNotFound: .text("Page not found")
            case .pageMoved: .text("This page does not exist, or it has moved.")
            case .liveUpdates: .text("Updates")
            case .newUpdates: .text("New updates")
            case .tldr: .text("TL;DR")
            case .timeline: .text("Timeline")
            case .prompt: .text("Prompt")
            case .languages: .text("Languages")
            case .byline: .text("By {authors}")
            case .listAnd: .text("{list} and {last}")
            case .fullSize: .text("(full size)")
            case .linkToUpdate: .text("Link to this update")
            case .linkToSection: .text("Link to this section")
            case .toDo: .text("To do")
            case .done: .text("Done")
            case .minRead: .plural(["one": "{count} min read", "other": "{count} min read"])
            case .tagArticles: .plural(["one": "{count} article", "other": "{count} articles"])
            case .pageOf: .text("Page {page} of {pages}")
            case .articlesAbout: .text("Articles about {name}")
            case .notFoundNext: .text("{home} or browse {articles}.")
            case .goHome: .text("Go to the home page")
            case .allArticlesLink: .text("all articles")
            case .searchNoScript: .text("Search runs in your browser and needs JavaScript. Without it, browse {articles} or {tags}.")
            case .theTags: .text("the tags")
            case .tagged: .text("Tagged “{name}”")
            case .articlesBy: .text("Articles by {name}")
            case .tagsTitle: .text("Tags · {site}")
            case .tagsDescription: .text("Every tag on {site}.")
            case .notFoundTitle: .text("Page not found · {site}")
            case .searchTitle: .text("Search · {site}")
            case .pageOfTitle: .text("page {page} of {pages}")
            case .updatesCount: .plural(["one": "{count} update", "other": "{count} updates"])
            case .liveSince: .text("Live coverage since {time}")
            case .liveStarts: .text("Live coverage starts {time}")
            case .liveEnded: .text("Live coverage ended {time}")
            case .launched: .text("Launched")
            case .daysLeft: .plural(["one": "{count} day left", "other": "{count} days left"])
            case .hoursLeft: .plural(["one": "{count} hour left", "other": "{count} hours left"])
            case .minutesLeft: .plural(["one": "{count} minute left", "other": "{count} minutes left"])
            case .lessThanTwoMinutes: .text("Less than 2 minutes left")
            case .lessThanAnHour: .text("Less than an hour left")
            case .days: .plural(["one": "{count} day", "other": "{count} days"])
            case .hours: .plural(["one": "{count} hour", "other": "{count} hours"])
            case .minutes: .plural(["one": "{count} minute", "other": "{count} minutes"])
            case .countdownTarget: .text("Target:")
            case .countdownSince: .text("Since")
            case .countdownStatus: .text("Status:")
            case .dayAndTime: .text("{date}, {time} UTC")
            case .cancelled: .text("Cancelled")
            case .availableSince: .text("Available since {date}")
            case .delayedNoDate: .text("Delayed; new date not announced")
            case .delayedTo: .text("Delayed to {date}")
            case .dateNotAnnounced: .text("Date not announced")
            case .inDays: .plural(["one": "in {count} day", "other": "in {count} days"])
            case .inDayRange: .text("in {from}–{to} days")
            case .windowOpenUntil: .text("window open until {date}")
            case .windowClosed: .text("window closed {date}")
            case .statusNoDate: .text("date not announced")
            case .checked: .text("checked {date}, {time} UTC")
            case .statusRumored: .text("Rumored")
            case .statusExpected: .text("Expected")
            case .statusAnnounced: .text("Announced")
            case .statusPreview: .text("Preview")
            case .statusAvailable: .text("Available")
            case .statusDelayed: .text("Delayed")
            case .statusCancelled: .text("Cancelled")
            case .searchFound: .plural(["one": "{count} result for “{query}”", "other": "{count} results for “{query}”"])
            case .searchNothing: .text("No results for “{query}”")
            case .searchMore: .text("More results")
            case .searchAll: .plural(["one": "All {count} results", "other": "All {count} results"])
            case .searchUnavailable: .text("Search is not available right now.")
            case .newUpdatesCount: .plural(["one": "{count} new update", "other": "{count} new updates"])
            case .colon: .text(":")
            case .statusChanges: .text("status changes")
            case .statusData: .text("status")
            }
        }
    }
}
