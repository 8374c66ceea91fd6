"""The sample site's launch as readers and their tools read it: its page links its status.json and
its feed from the head; status.json holds what the README documents; the feed parses with
feedparser, one entry per change, newest first. (The Nu checker, axe in light and dark mode and the
375 px check run on the launch page with every other page.)"""
import json

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
