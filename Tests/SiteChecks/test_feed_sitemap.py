"""Feed and sitemap as feed readers and crawlers read them."""
import re
import urllib.parse
import time
import xml.etree.ElementTree as ET

import feedparser
import pytest

from articles import other_languages, translated_articles, public_articles

BASE_URL = "https://example.org/"


def local_path(url):
    """The path of an address on the site, %-escapes decoded (a slug in another script is escaped in the sitemap)."""
    assert url.startswith(BASE_URL), f"{url} is not on the site's base URL {BASE_URL}"
    return urllib.parse.unquote(url[len(BASE_URL):])


def test_feed_parses_and_lists_every_public_article(site):
    feed = feedparser.parse((site / "feed.xml").read_bytes())
    if feed.bozo:
        pytest.fail(f"feed.xml does not parse cleanly: {feed.bozo_exception!r}", pytrace=False)
    assert feed.version == "atom10", f"feed.xml is {feed.version!r}, not Atom 1.0"
    assert feed.feed.get("title"), "the feed has no title"

    expected = public_articles()
    entries = {}
    problems = []
    for entry in feed.entries:
        link = entry.get("link", "")
        slug = local_path(link).removeprefix("articles/").rstrip("/")
        entries[slug] = entry
        page = site / local_path(link) / "index.html"
        if not page.is_file():
            problems.append(f"entry {entry.get('title')!r}: its link {link} is not a page of the site")
    for slug, article in expected.items():
        entry = entries.get(slug)
        if entry is None:
            problems.append(f"article {slug!r} ({article['title']!r}) is missing from the feed")
            continue
        if entry.get("title") != article["title"]:
            problems.append(f"entry {slug!r}: title {entry.get('title')!r}, expected {article['title']!r}")
        published = entry.get("published_parsed")
        if not published or time.strftime("%Y-%m-%d", published) != article["date"].isoformat():
            problems.append(f"entry {slug!r}: published {entry.get('published')!r}, expected {article['date']}")
    for slug in entries.keys() - expected.keys():
        problems.append(f"entry {slug!r} is in the feed but is not a public article")
    if problems:
        pytest.fail("feed.xml:\n" + "\n".join(problems), pytrace=False)


def test_sitemap_is_well_formed_and_lists_every_public_page(site, pages):
    try:
        root = ET.parse(site / "sitemap.xml").getroot()
    except ET.ParseError as error:
        pytest.fail(f"sitemap.xml is not well-formed XML: {error}", pytrace=False)
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    assert root.tag == namespace + "urlset", f"sitemap.xml's root is {root.tag}, not a sitemaps.org urlset"
    listed = [url.findtext(namespace + "loc") for url in root.findall(namespace + "url")]
    problems = [f"{url} is listed twice" for url in set(listed) if listed.count(url) > 1]
    listed_paths = {local_path(url) for url in listed}

    public = set()
    for relative, path in pages.items():
        if relative == "404.html" or re.search(r'<meta name="robots" content="[^"]*noindex', path.read_text()):
            continue
        public.add(relative.removesuffix("index.html"))
    for missing in sorted(public - listed_paths):
        problems.append(f"page /{missing} is not in the sitemap")
    for extra in sorted(listed_paths - public):
        problems.append(f"{BASE_URL}{extra} is in the sitemap but is not a public page of the tree")
    for slug in public_articles():
        if f"articles/{slug}/" not in listed_paths:
            problems.append(f"article {slug!r} is not in the sitemap")
    if problems:
        pytest.fail("sitemap.xml:\n" + "\n".join(problems), pytrace=False)


def test_json_feed_holds_every_field_the_specification_requires(site):
    """JSON Feed 1.1, field by field: the feed's version, title and items; each item's id, a
    content, its URL on the site, dates in RFC 3339, tags, and an image that is published."""
    import datetime
    import json
    feed = json.loads((site / "feed.json").read_text(encoding="utf-8"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] and feed["home_page_url"] == BASE_URL and feed["feed_url"] == BASE_URL + "feed.json"
    expected = public_articles()
    assert [local_path(item["url"]) for item in feed["items"]] == [f"articles/{slug}/" for slug in sorted(
        expected, key=lambda s: (expected[s]["date"], s), reverse=True)][:len(feed["items"])]
    for item in feed["items"]:
        assert isinstance(item["id"], str) and item["id"] == item["url"]
        assert item.get("content_html", "").strip(), f"{item['id']} has no content"
        for key in ("date_published", "date_modified"):
            datetime.datetime.fromisoformat(item[key].replace("Z", "+00:00"))
        assert item["date_modified"] >= item["date_published"]
        assert isinstance(item["tags"], list) and all(isinstance(tag, str) for tag in item["tags"])
        assert (site / local_path(item["image"])).is_file(), item["image"]
        assert all(author["name"] for author in item.get("authors", []))


def test_each_tag_feed_parses_and_lists_its_articles(site):
    tags = [path.parent.name for path in (site / "tags").glob("*/feed.xml")]
    assert len(tags) >= 5
    for tag in tags:
        feed = feedparser.parse((site / "tags" / tag / "feed.xml").read_bytes())
        assert not feed.bozo, f"{tag}: {feed.bozo_exception!r}"
        assert feed.entries, f"tags/{tag}/feed.xml has no entry"
        for entry in feed.entries:
            page = (site / local_path(entry.link) / "index.html").read_text(encoding="utf-8")
            assert f'href="/tags/{tag}/"' in page, f"{entry.link} is in tags/{tag}/feed.xml but not tagged {tag}"


def test_the_news_sitemap_lists_the_last_two_days(site):
    news = "{http://www.google.com/schemas/sitemap-news/0.9}"
    root = ET.parse(site / "news-sitemap.xml").getroot()
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
    listed = {}
    for url in root:
        loc = url.findtext("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
        listed[local_path(loc)] = url.find(news + "news")
    # Every language's articles of the last two days, each with its language.
    recent = {f"articles/{slug}/": "en" for slug, article in public_articles().items() if str(article["date"]) >= "2026-11-23"}
    for tag in other_languages():
        recent.update({f"{tag}/articles/{slug}/": tag for slug, article in translated_articles(tag).items()
                       if str(article["date"]) >= "2026-11-23"})
    assert set(listed) == set(recent) and recent, (listed, recent)
    for path, entry in listed.items():
        assert entry.findtext(f"{news}publication/{news}name") and entry.findtext(f"{news}publication/{news}language") == recent[path]
        assert entry.findtext(news + "title") and entry.findtext(news + "publication_date")
    assert "Sitemap: https://example.org/news-sitemap.xml" in (site / "robots.txt").read_text()
