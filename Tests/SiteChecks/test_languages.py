"""A site in several languages as crawlers and readers see it: every page's hreflang set is
reciprocal and names itself and x-default, the sitemap says the same, each language's feeds parse,
the switcher leads to translations, right-to-left pages say so, and each language's search and
live updates speak its words."""
import json
import re
import shutil
import subprocess
import urllib.parse
import xml.etree.ElementTree as ET

import feedparser
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from articles import other_languages
from conftest import LIFTOFF, NOW, ROOT, make_driver, serve

BASE_URL = "https://example.org/"
ALTERNATE = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">')


def alternates(path):
    """hreflang → absolute URL, as the page's head lists them."""
    return dict(ALTERNATE.findall(path.read_text(encoding="utf-8")))


def page_of(site, url):
    assert url.startswith(BASE_URL), f"{url} is not on the site"
    return site / urllib.parse.unquote(url[len(BASE_URL):]) / "index.html"


def decoded(versions):
    """hreflang → address with %-escapes decoded (the sitemap escapes what pages may write as it is)."""
    return {tag: urllib.parse.unquote(url) for tag, url in versions.items()}


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
        assert page.is_file(), f"{loc} is in the sitemap but is no page"
        if listed or alternates(page):
            checked += 1
            if decoded(listed) != decoded(alternates(page)):
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


def test_each_language_searches_its_own_index_and_speaks_its_words(server):
    from test_search import RESULTS, type_in_header, wait_for
    driver = make_driver()
    try:
        driver.get(server + "/fr/articles/gpt-image-2-countdown/")
        box = type_in_header(driver, "fournisseur ")
        results = wait_for(driver, RESULTS)
        assert results and all(url.startswith("/fr/") for url in results), results
        box.send_keys(Keys.BACKSPACE * len("fournisseur "), "zzqx")
        said = wait_for(driver, "const list = document.querySelector('#site-search-results'); "
                                "return !list.hidden && list.innerText.trim()")
        assert said == "Aucun résultat pour « zzqx »", said
    finally:
        driver.quit()


def test_new_live_updates_are_counted_in_the_pages_language(workdir):
    """The sample site with French as its only language: live.js counts in French."""
    from test_browser import FAKE_CLOCK, set_clock
    from test_live import LIVE
    source = workdir / "french-site"
    for folder in ["content", "theme"]:
        shutil.copytree(ROOT / folder, source / folder, ignore=shutil.ignore_patterns("fr", "ar"))
    config = (ROOT / "site.yml").read_text(encoding="utf-8")
    config = config[:config.index("\nlanguages:")].replace("language: en", "language: fr")
    (source / "site.yml").write_text(config + "\n", encoding="utf-8")
    tree = workdir / "french-site-output"
    result = subprocess.run([str(LIFTOFF), "build", "--source", str(source), "--output", str(tree), "--now", NOW],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    driver = make_driver()
    try:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": FAKE_CLOCK % json.dumps(NOW)})
        with serve(tree) as origin:
            driver.get(origin + "/" + LIVE)
            before = driver.execute_script("return document.querySelectorAll('.live-entry').length")
            path = tree / LIVE / "live.json"
            data = json.loads(path.read_text(encoding="utf-8"))
            data["entries"].insert(0, {"id": "live-20261124-1655", "html": '<article class="live-entry" id="live-20261124-1655" '
                                       'tabindex="-1"><p>Accès élargi.</p></article>'})
            path.write_text(json.dumps(data), encoding="utf-8")
            set_clock(driver, "2026-11-24T17:01:01Z")
            button = driver.find_element(By.CSS_SELECTOR, ".live-new")
            WebDriverWait(driver, 10, poll_frequency=0.2).until(lambda d: button.is_displayed())
            assert button.text == "1 nouvelle mise à jour"
            button.click()
            assert driver.find_element(By.CSS_SELECTOR, ".live-count").text == f"{before + 1} mises à jour"
    finally:
        driver.quit()


def test_scripts_write_numbers_with_the_digits_the_build_writes(server):
    """The countdown, rewritten by countdown.js as time passes, keeps the Arabic page's digits."""
    from test_browser import FAKE_CLOCK
    driver = make_driver()
    try:
        # An hour after the build: the script's words differ from the build's (a day less).
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": FAKE_CLOCK % json.dumps("2026-11-24T18:00:00Z")})
        driver.get(server + "/ar/articles/gpt-image-2-countdown/")
        shown = "return [...document.querySelectorAll('[data-countdown] .countdown-text, [data-countdown] .countdown-detail')].map(e => e.textContent).join(' | ')"
        # Six days left (the build said seven), in Arabic-Indic digits, and no Latin digit anywhere.
        try:
            WebDriverWait(driver, 5, poll_frequency=0.2).until(lambda d: "\u0666" in d.execute_script(shown).split("|")[0])
        except Exception:
            pass
        text = driver.execute_script(shown)
        assert "\u0666" in text.split("|")[0] and not re.search("[0-9]", text), text
    finally:
        driver.quit()
