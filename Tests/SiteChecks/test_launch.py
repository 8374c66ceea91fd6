"""The sample site's launch as readers and their tools read it: its page links its status.json and
its feed from the head; status.json holds what the README documents; the feed parses with
feedparser, one entry per change, newest first. (The Nu checker, axe in light and dark mode and the
375 px check run on the launch page with every other page.)"""
import json
import time

import feedparser
import yaml
from lxml import html as lxml_html

from conftest import ROOT

LAUNCH = "launches/gpt-image-2/"
STATUSES = {"rumored", "expected", "announced", "preview", "available", "delayed", "cancelled"}


def written():
    """The launch file's front matter, as its editor wrote it."""
    text = (ROOT / "content/launches/gpt-image-2.md").read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


def test_the_launch_page_links_its_status_and_feed(site):
    tree = lxml_html.parse(str(site / LAUNCH / "index.html"))
    links = {link.get("type"): link.get("href") for link in tree.iter("link") if link.get("rel") == "alternate"}
    assert links.get("application/json") == "/" + LAUNCH + "status.json"
    assert links.get("application/atom+xml") == "/" + LAUNCH + "feed.xml"
    assert tree.findtext(".//h1") == "GPT Image 2"


def test_status_json_holds_the_launch(site):
    status = json.loads((site / LAUNCH / "status.json").read_text(encoding="utf-8"))
    source = written()
    assert status["key"] == "gpt-image-2" and status["name"] == source["name"]
    assert status["status"] == source["status"] and status["status"] in STATUSES
    assert status["target"] == "2026-12-01T17:00:00Z" and "window" not in status
    assert status["verified"] == "2026-11-24T09:00:00Z"
    assert status["url"] == "https://example.org/" + LAUNCH
    assert [item["status"] for item in status["history"]] == [item["status"] for item in source["history"]]
    assert all(item["date"].endswith("Z") and item["note"] for item in status["history"])
    urls = {article["url"] for article in status["articles"]}
    assert "https://example.org/articles/gpt-image-2-countdown/" in urls
    assert "https://example.org/articles/gpt-image-2-release-date/" in urls


def test_the_launch_feed_has_one_entry_per_change_newest_first(site):
    feed = feedparser.parse((site / LAUNCH / "feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title.startswith("GPT Image 2")
    entries = feed.entries
    assert len(entries) == len(written()["history"])
    dates = [entry.updated_parsed for entry in entries]
    assert dates == sorted(dates, reverse=True)
    assert entries[0].title.startswith("Expected") and "Source" in entries[0].content[0].value
    assert len({entry.id for entry in entries}) == len(entries)


def build_window_site(workdir, now):
    """The sample site with its launch moved to a window (Nov 28 – Dec 5), built as of `now`."""
    import shutil
    import subprocess
    from conftest import LIFTOFF
    root = workdir / "window"
    if not root.exists():
        root.mkdir()
        shutil.copy(ROOT / "site.yml", root / "site.yml")
        shutil.copytree(ROOT / "content", root / "content")
        shutil.copytree(ROOT / "theme", root / "theme")
        launch = root / "content/launches/gpt-image-2.md"
        launch.write_text(launch.read_text().replace("target: 2026-12-01T17:00:00Z", "window: {from: 2026-11-28, to: 2026-12-05}"))
    output = root / ("output-" + now.replace(":", ""))
    result = subprocess.run([str(LIFTOFF), "build", "--source", str(root), "--output", str(output), "--now", now],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return output


def test_a_window_reads_as_the_build_would_as_days_pass(workdir):
    """In the browser, with its clock moved day by day, the window's words are those of a build at
    that moment, in the header and on the article."""
    from test_browser import FAKE_CLOCK, set_clock
    from conftest import NOW, make_driver, serve
    from selenium.webdriver.common.by import By
    page = "/articles/gpt-image-2-countdown/"
    moments = ["2026-11-27T17:00:00Z", "2026-11-30T12:00:00Z", "2026-12-06T00:00:01Z"]
    expected = {}
    for moment in moments:
        tree = lxml_html.parse(str(build_window_site(workdir, moment) / page.strip("/") / "index.html"))
        expected[moment] = tree.xpath("string(//main//p[@class='countdown-text'])")
    assert expected[moments[1]] == "window open until Dec 5" and expected[moments[2]] == "window closed Dec 5"
    site = build_window_site(workdir, NOW)
    driver = make_driver()
    try:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": FAKE_CLOCK % json.dumps(NOW)})
        with serve(site) as origin:
            driver.get(origin + page)
            assert driver.find_element(By.CSS_SELECTOR, "main .countdown-text").text == "in 4–11 days"
            for moment in moments:
                set_clock(driver, moment)
                deadline = time.time() + 5
                while time.time() < deadline and driver.find_element(By.CSS_SELECTOR, "main .countdown-text").text != expected[moment]:
                    time.sleep(0.1)
                assert driver.find_element(By.CSS_SELECTOR, "main .countdown-text").text == expected[moment], moment
                assert driver.find_element(By.CSS_SELECTOR, ".countdown-badge .countdown-text").text == expected[moment], moment
    finally:
        driver.quit()
