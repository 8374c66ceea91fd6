"""A live article (content/gpt-image-2-early-access-live.md): its structured data and live.json as
crawlers and scripts read them, and in headless Chromium, a new entry offered without moving the
page, and the LIVE badges gone at the end of coverage. The sample's NOW is inside its coverage."""
import datetime
import json
import shutil
import time

import extruct
import lxml.html
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import NOW, build_site, make_driver, serve
from test_browser import FAKE_CLOCK, set_clock

LIVE = "articles/gpt-image-2-early-access-live/"
END = "2026-11-25T03:00:00Z"  # 19:00 in Los Angeles, the `end:` of its coverage


def structured(path, url):
    data = extruct.extract(path.read_text(encoding="utf-8"), base_url=url, syntaxes=["json-ld"], uniform=True)["json-ld"]
    return {item["@type"]: item for item in data}


def test_the_json_ld_is_a_live_blog_posting_with_updates_newest_first(site):
    posting = structured(site / LIVE / "index.html", "https://example.org/" + LIVE)["LiveBlogPosting"]
    assert posting["coverageStartTime"] == "2026-11-24T15:00:00Z"
    assert posting["coverageEndTime"] == END
    updates = posting["liveBlogUpdate"]
    assert len(updates) >= 5
    times = [update["datePublished"] for update in updates]
    assert times == sorted(times, reverse=True), "newest first"
    assert posting["dateModified"] == times[0], "the article changed with its newest entry"
    for update in updates:
        assert update["@type"] == "BlogPosting" and update["headline"] and update["articleBody"]
        assert update["url"].startswith("https://example.org/" + LIVE + "#live-")


def test_live_json_gives_the_entries_the_page_shows(site):
    data = json.loads((site / LIVE / "live.json").read_text(encoding="utf-8"))
    assert data["live"] is True and data["coverage_start"] == "2026-11-24T15:00:00Z" and data["coverage_end"] == END
    page = lxml.html.parse(str(site / LIVE / "index.html"))
    shown = [element.get("id") for element in page.xpath("//article[contains(@class, 'live-entry')]")]
    assert [entry["id"] for entry in data["entries"]] == shown
    times = [entry["time"] for entry in data["entries"]]
    assert times == sorted(times, reverse=True) and data["updated"] == times[0]
    for entry in data["entries"]:
        assert entry["headline"] and entry["html"].startswith('<article class="live-entry" id="%s"' % entry["id"])
        # Each <time datetime> is the entry's instant.
        assert page.xpath("string(//article[@id='%s']//time/@datetime)" % entry["id"]) == entry["time"]


def test_the_feed_entry_is_updated_at_the_newest_entry(site):
    import feedparser
    feed = feedparser.parse(str(site / "feed.xml"))
    entry = next(e for e in feed.entries if e.link.endswith("/" + LIVE))
    data = json.loads((site / LIVE / "live.json").read_text(encoding="utf-8"))
    assert entry.updated == data["updated"]


CLS = """
window.__shifts = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) window.__shifts.push({value: entry.value, input: entry.hadRecentInput});
}).observe({type: "layout-shift", buffered: true});
"""


def test_a_new_entry_is_offered_behind_a_button_without_moving_the_page(workdir):
    # A copy of the tree: the test adds an entry to its live.json after the page has loaded.
    tree = workdir / "live-poll"
    shutil.copytree(build_site(workdir / "live-poll-build"), tree)
    driver = make_driver()
    try:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": FAKE_CLOCK % json.dumps(NOW)})
        with serve(tree) as origin:
            driver.get(origin + "/" + LIVE)
            driver.execute_script(CLS)
            before = driver.execute_script("return [...document.querySelectorAll('.live-entry')].map(e => e.id)")
            button = driver.find_element(By.CSS_SELECTOR, ".live-new")
            assert not button.is_displayed()
            # Scrolled into the entries, as a reader who keeps the page open would be.
            driver.execute_script("document.getElementById(arguments[0]).scrollIntoView()", before[1])
            top = driver.execute_script("return document.getElementById(arguments[0]).getBoundingClientRect().top", before[1])

            path = tree / LIVE / "live.json"
            data = json.loads(path.read_text(encoding="utf-8"))
            new = {"id": "live-20261124-1655", "time": "2026-11-24T16:55:00Z", "display": "08:55", "headline": "Access widens",
                   "text": "More organisations.", "html": '<article class="live-entry" id="live-20261124-1655" tabindex="-1">'
                   '<h3 class="live-entry-title"><time datetime="2026-11-24T16:55:00Z">08:55</time> Access widens</h3>'
                   '<p>More organisations.</p></article>'}
            data["entries"].insert(0, new)
            path.write_text(json.dumps(data), encoding="utf-8")

            # A minute later on the page's clock, it fetches live.json again.
            set_clock(driver, "2026-11-24T17:01:01Z")
            WebDriverWait(driver, 10, poll_frequency=0.2).until(lambda d: button.is_displayed())
            assert button.text == "1 new update"
            time.sleep(0.5)
            shifts = driver.execute_script("return window.__shifts")
            assert sum(s["value"] for s in shifts if not s["input"]) == 0, f"layout shifts while offering: {shifts}"
            moved = driver.execute_script("return document.getElementById(arguments[0]).getBoundingClientRect().top", before[1])
            assert moved == top, "the entries stay where the reader left them until they ask"
            assert driver.execute_script("return document.querySelectorAll('.live-entry').length") == len(before)

            button.click()
            after = driver.execute_script("return [...document.querySelectorAll('.live-entry')].map(e => e.id)")
            assert after == ["live-20261124-1655"] + before
            assert not button.is_displayed()
            assert driver.execute_script("return document.activeElement.id") == "live-20261124-1655"
            assert driver.find_element(By.CSS_SELECTOR, ".live-count").text == f"{len(after)} updates"
    finally:
        driver.quit()


@pytest.mark.parametrize("page", ["/", "/" + LIVE, "/tags/live/"])
def test_the_badge_goes_at_the_end_of_coverage(server, page):
    driver = make_driver()
    try:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": FAKE_CLOCK % json.dumps(NOW)})
        driver.get(server + page)
        badges = driver.find_elements(By.CSS_SELECTOR, ".live-badge")
        assert badges and all(b.is_displayed() for b in badges), "live at the build"
        set_clock(driver, "2026-11-25T02:59:00Z")
        time.sleep(1.5)
        assert all(b.is_displayed() for b in badges), "a minute before the end it is still live"
        set_clock(driver, END)
        visible = "return [...document.querySelectorAll('.live-badge')].filter(b => b.offsetParent !== null).length"
        WebDriverWait(driver, 5, poll_frequency=0.2).until(lambda d: d.execute_script(visible) == 0)
        if page == "/" + LIVE:
            assert driver.find_element(By.CSS_SELECTOR, ".live-status").text == "Live coverage ended Nov 24, 19:00 PST"
    finally:
        driver.quit()


def test_a_build_after_the_end_has_no_badge_and_stops_polling(workdir):
    site = build_site(workdir / "after-end", now="2026-11-25T03:00:00Z")
    for path in ["index.html", "articles/index.html", "tags/live/index.html", LIVE + "index.html"]:
        assert "live-badge" not in (site / path).read_text(encoding="utf-8"), path
    page = (site / LIVE / "index.html").read_text(encoding="utf-8")
    assert "data-live-json" not in page and "Live coverage ended Nov 24, 19:00 PST" in page
    posting = structured(site / LIVE / "index.html", "https://example.org/" + LIVE)["LiveBlogPosting"]
    assert posting["coverageEndTime"] == END and len(posting["liveBlogUpdate"]) >= 5
    assert json.loads((site / LIVE / "live.json").read_text(encoding="utf-8"))["live"] is False
