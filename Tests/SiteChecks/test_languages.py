"""A site in several languages as crawlers and readers see it: every page's hreflang set is
reciprocal and names itself and x-default, the sitemap says the same, each language's feeds parse,
the switcher leads to translations, and right-to-left pages say so."""
import json
import re
import xml.etree.ElementTree as ET

import feedparser
import pytest

from articles import other_languages

BASE_URL = "https://example.org/"
ALTERNATE = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">')


def alternates(path):
    """hreflang → absolute URL, as the page's head lists them."""
    return dict(ALTERNATE.findall(path.read_text(encoding="utf-8")))


def page_of(site, url):
    assert url.startswith(BASE_URL), f"{url} is not on the site"
    return site / url[len(BASE_URL):] / "index.html"


def canonical(path):
    match = re.search(r'<link rel="canonical" href="([^"]+)">', path.read_text(encoding="utf-8"))
    return match.group(1) if match else None


def test_the_sample_site_is_in_several_languages():
    assert other_languages(), "site.yml lists no other language: these checks check nothing"


def test_every_hreflang_set_is_reciprocal_and_names_itself_and_x_default(site, pages):
    problems, checked = [], 0
    for relative, path in pages.items():
        versions = alternates(path)
        if not versions:
            continue
        checked += 1
        own = canonical(path)
        if own not in [url for tag, url in versions.items() if tag != "x-default"]:
            problems.append(f"{relative}: its hreflang links do not name the page itself ({own})")
        if "en" in versions and versions.get("x-default") != versions["en"]:
            problems.append(f"{relative}: x-default is {versions.get('x-default')}, not the default language's {versions['en']}")
        for tag, url in versions.items():
            if tag == "x-default":
                continue
            other = page_of(site, url)
            if not other.is_file():
                problems.append(f"{relative}: hreflang {tag} leads to {url}, which is not a page")
            elif alternates(other) != versions:
                problems.append(f"{relative}: its {tag} version {url} lists {alternates(other)}, not {versions}")
    assert checked >= 10, f"only {checked} pages carry hreflang links"
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def test_the_sitemap_lists_the_same_translations_as_the_pages(site):
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(site / "sitemap.xml").getroot()
    problems, checked = [], 0
    for entry in root.findall("s:url", namespace):
        loc = entry.findtext("s:loc", namespaces=namespace)
        listed = {link.get("hreflang"): link.get("href") for link in entry.findall("x:link", namespace)}
        page = page_of(site, loc)
        if not page.is_file():
            continue
        if listed or alternates(page):
            checked += 1
            if listed != alternates(page):
                problems.append(f"{loc}: the sitemap lists {listed}, the page {alternates(page)}")
    assert checked >= 10, f"only {checked} sitemap entries carry translations"
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_each_languages_feeds_parse_and_list_its_own_articles(site, language):
    feed = feedparser.parse((site / language / "feed.xml").read_bytes())
    assert not feed.bozo, f"{language}/feed.xml does not parse: {feed.bozo_exception!r}"
    assert feed.feed.get("language") == language, f"{language}/feed.xml says language {feed.feed.get('language')!r}"
    assert feed.entries, f"{language}/feed.xml has no entry"
    for entry in feed.entries:
        assert entry.link.startswith(f"{BASE_URL}{language}/articles/"), f"{language}/feed.xml lists {entry.link}"
        assert page_of(site, entry.link).is_file(), f"{entry.link} is not a page"
    data = json.loads((site / language / "feed.json").read_text(encoding="utf-8"))
    assert data["language"] == language and data["items"], f"{language}/feed.json"
    assert data["feed_url"] == f"{BASE_URL}{language}/feed.json"


def test_the_switcher_leads_to_the_translation_or_the_languages_home(site):
    french = (site / "fr/articles/gpt-image-2-countdown/index.html").read_text(encoding="utf-8")
    assert '<a href="/articles/gpt-image-2-countdown/" hreflang="en" lang="en">English</a>' in french
    assert 'hreflang="fr" lang="fr" aria-current="page">Français</a>' in french
    # An article in English only: French readers go to the French home page.
    english_only = (site / "articles/image-api-swap/index.html").read_text(encoding="utf-8")
    assert '<a href="/fr/" hreflang="fr" lang="fr">Français</a>' in english_only


def test_pages_say_their_language_and_right_to_left_ones_their_direction(site):
    french = (site / "fr/index.html").read_text(encoding="utf-8")
    assert re.search(r'<html lang="fr"[ >]', french) and 'dir="rtl"' not in french.split(">", 2)[1]
    arabic = (site / "ar/articles/gpt-image-2-countdown/index.html").read_text(encoding="utf-8")
    assert re.search(r'<html lang="ar" dir="rtl"', arabic), "the Arabic page does not say dir=\"rtl\""
