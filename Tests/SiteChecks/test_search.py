"""Search on the published sample site, in Chromium: the reader's script makes the same terms as the
build (shared vectors), a query typed in the header box finds the expected article first, what the
first query downloads (compressed) stays small, each keystroke shows results once loaded, the query is in
the page's URL, the keyboard moves through the results, and it works under a subpath. (axe and the
375 px check run on /search/ with the other pages; the open dropdown is checked here.)"""
import gzip
import json
import pathlib
import time
import urllib.parse

import pytest
from axe_selenium_python import Axe
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import ROOT, build_site, make_driver, serve, set_viewport

VECTORS = json.loads((ROOT / "Tests/SearchVectors/tokenizer.json").read_text(encoding="utf-8"))
STEMS = json.loads((ROOT / "Tests/SearchVectors/stemmer.json").read_text(encoding="utf-8"))["stems"]
FIRST_QUERY_BUDGET = 32_000  # bytes, compressed, JavaScript included

RESULTS = """
  return [...document.querySelectorAll('#site-search-results .search-result-title, #search-page-results .search-result-title')]
    .map(a => a.getAttribute('href'));
"""


def wait_for(driver, script, timeout=10):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = driver.execute_script(script)
        if value:
            return value
        time.sleep(0.05)
    return driver.execute_script(script)


def test_the_readers_script_makes_the_same_terms_as_the_build(server, browser):
    browser.get(server + "/")
    module = browser.find_element(By.CSS_SELECTOR, "form[data-search]").get_attribute("data-search-module")
    browser.set_script_timeout(20)
    got = browser.execute_async_script("""
        const [module, vectors, done] = arguments;
        import(module).then(search => done(vectors.map(v => search.terms(v.text))), e => done(String(e)));
    """, module, VECTORS)
    assert isinstance(got, list), got
    problems = [f"{v['text']!r}: {g} (the build makes {v['terms']})" for v, g in zip(VECTORS, got) if g != v["terms"]]
    assert not problems, "\n".join(problems)


def test_a_snippet_keeps_lines_without_a_stop_apart(server, browser):
    # A comparison's label and caption, a heading and its paragraph: lines of the text file.
    browser.get(server + "/")
    module = browser.find_element(By.CSS_SELECTOR, "form[data-search]").get_attribute("data-search-module")
    browser.set_script_timeout(20)
    got = browser.execute_async_script("""
        const [module, done] = arguments;
        import(module).then(search => done(search.snippet(
            "Current model\\nWarm sky, strong orange.\\nWhy swaps hurt\\n  Every launch is a migration.", search.words("warm"), false)),
            e => done(String(e)));
    """, module)
    assert got == "Current model · <mark>Warm</mark> sky, strong orange. Why swaps hurt · Every launch is a migration.", got


def test_the_readers_script_stems_english_as_snowball_does(server, browser):
    browser.get(server + "/")
    module = browser.find_element(By.CSS_SELECTOR, "form[data-search]").get_attribute("data-search-module")
    browser.set_script_timeout(20)
    words = sorted(STEMS)
    got = browser.execute_async_script("""
        const [module, words, done] = arguments;
        import(module).then(search => done(words.map(search.stem)), e => done(String(e)));
    """, module, words)
    assert isinstance(got, list), got
    problems = [f"{w}: {g} (Snowball: {STEMS[w]})" for w, g in zip(words, got) if g != STEMS[w]]
    assert len(words) > 3000 and not problems, "\n".join(problems[:40])


def test_a_word_being_typed_finds_its_stem_at_every_letter(server, browser):
    # For every word of the stemmer's vectors, each start of it typed (from three letters on) finds the
    # word's stem while it is the word being typed: `announcemen` finds `announc` (announcement),
    # `reversibl` finds `revers` — the box shows results at every keystroke, not "No results" until
    # the word is whole. A start that no word of that stem begins with finds nothing.
    browser.get(server + "/")
    module = browser.find_element(By.CSS_SELECTOR, "form[data-search]").get_attribute("data-search-module")
    browser.set_script_timeout(30)
    # Stems of three letters or more (`be`, `do` are words nobody searches by their start), but for
    # the three words Snowball stems by a list of its own (dying, lying, tying).
    words = sorted(w for w, s in STEMS.items() if w != s and len(s) >= 3 and w not in ("dying", "lying", "tying"))
    missed = browser.execute_async_script("""
        const [module, words, stems, done] = arguments;
        import(module).then(search => {
          const missed = [];
          for (const word of words) {
            for (let end = 3; end <= word.length; end++) {
              const typed = word.slice(0, end);
              if (!(search.finds(stems[word], search.words(typed)[0], true) > 0)) { missed.push(typed + " → " + stems[word]); break; }
            }
          }
          done(missed);
        }, e => done(String(e)));
    """, module, words, STEMS)
    assert isinstance(missed, list), missed
    assert len(words) > 2000 and not missed, f"{len(missed)} words: " + ", ".join(missed[:40])
    unrelated = browser.execute_async_script("""
        const [module, done] = arguments;
        import(module).then(search => done([["announc", "announcx"], ["limit", "limbo"], ["rel", "relax"], ["price", "prick"]]
          .filter(([stem, typed]) => search.finds(stem, search.words(typed)[0], true) > 0)), e => done(String(e)));
    """, module)
    assert unrelated == [], unrelated
    # The shards read for a word being typed include the one holding such a stem when it sorts before
    # the typed word (`use` before `usi`, in a shard of its own here).
    chosen = browser.execute_async_script("""
        const [module, done] = arguments;
        import(module).then(search => {
          const index = new search.Index("/search/"), shards = [["a", "0"], ["usf", "1"], ["zz", "2"]];
          done([true, false].map(typing => index.shardsFor(shards, search.words("usi")[0], typing)));
        }, e => done(String(e)));
    """, module)
    assert chosen == [[0, 1], [1]], chosen


def type_in_header(driver, query):
    box = driver.find_element(By.CSS_SELECTOR, "#site-search-input")
    box.click()
    box.send_keys(query)
    return box


@pytest.mark.parametrize("query, expected", [
    ("checklist", "/articles/launch-day-checklist/"),
    ("trigger stack", "/articles/release-signals/"),
    ("provider interf", "/articles/image-api-swap/"),
    ("RÔLLBACK", "/articles/launch-day-checklist/"),
    # Words only in a comparison's prompt (a component's values).
    ("film grain", "/articles/gpt-image-2-release-date/"),
])
def test_a_query_typed_in_the_header_finds_the_article_first(server, query, expected):
    driver = make_driver()
    try:
        driver.get(server + "/articles/gpt-image-2-countdown/")
        type_in_header(driver, query)
        results = wait_for(driver, RESULTS)
        assert results and results[0] == expected, f"{query!r}: {results}"
        snippet = wait_for(driver, "return document.querySelector('#site-search-results mark') && "
                                   "document.querySelector('#site-search-results mark').textContent")
        assert snippet, f"{query!r}: no matched word is marked"
    finally:
        driver.quit()


def test_the_header_says_when_nothing_is_found(server):
    driver = make_driver()
    try:
        driver.get(server + "/articles/gpt-image-2-countdown/")
        type_in_header(driver, "zzqx")
        said = wait_for(driver, "const list = document.querySelector('#site-search-results'); "
                                "return !list.hidden && list.innerText.trim()")
        assert said == "No results for “zzqx”", said
        type_in_header(driver, Keys.BACKSPACE * 4 + "checklist")
        assert wait_for(driver, RESULTS), "results again once the query finds some"
        assert "No results" not in driver.find_element(By.CSS_SELECTOR, "#site-search-results").text
    finally:
        driver.quit()


def compressed_size(site, url):
    path = urllib.parse.urlsplit(url).path
    file = site / path.lstrip("/")
    if path.endswith("/"):
        file = file / "index.html"
    return len(gzip.compress(file.read_bytes(), 9))


def test_the_first_query_downloads_little_and_each_keystroke_answers_once_loaded(server, site):
    driver = make_driver()
    try:
        driver.get(server + "/articles/gpt-image-2-countdown/")
        driver.execute_script("performance.clearResourceTimings(); performance.setResourceTimingBufferSize(1000)")
        type_in_header(driver, "pricing")
        wait_for(driver, "return document.querySelectorAll('#site-search-results .search-result-snippet').length >= 3")
        fetched = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
        search_files = [u for u in fetched if "/search/" in u or "search" in urllib.parse.urlsplit(u).path.split("/")[-1]]
        total = sum(compressed_size(site, u) for u in search_files)
        lines = "\n".join(f"  {compressed_size(site, u):7,} B  {urllib.parse.urlsplit(u).path}" for u in search_files)
        print(f"First one-word query ('pricing') on the sample site: {total:,} B compressed in {len(search_files)} files\n{lines}")
        assert any(u.endswith(".js") and "/assets/search." in u for u in search_files), fetched
        assert total <= FIRST_QUERY_BUDGET, f"{total:,} B > {FIRST_QUERY_BUDGET:,} B:\n{lines}"
        # Once loaded, each keystroke shows results again, a word being typed included (how fast is
        # measured by `make bench`, beside Pagefind, not here).
        shown = driver.execute_async_script("""
            const done = arguments[arguments.length - 1];
            const input = document.querySelector('#site-search-input'), list = document.querySelector('#site-search-results');
            const shown = [];
            const words = ['pricin', 'pricing', 'prici', 'pricing'];
            function next(i) {
              if (i === words.length) return done(shown);
              // The list is made again for every keystroke (with results, or a line saying there are none).
              const observer = new MutationObserver(() => {
                observer.disconnect();
                shown.push([words[i], list.querySelectorAll('.search-result-title').length]);
                next(i + 1);
              });
              observer.observe(list, {childList: true, subtree: true});
              input.value = words[i];
              input.dispatchEvent(new Event('input'));
            }
            next(0);
        """)
        assert [word for word, count in shown if count > 0] == ["pricin", "pricing", "prici", "pricing"], shown
    finally:
        driver.quit()


def test_the_query_is_in_the_url_and_the_keyboard_moves_through_results(server):
    driver = make_driver()
    try:
        driver.get(server + "/search/?q=rate%20limits")
        assert driver.find_element(By.CSS_SELECTOR, "#search-page-input").get_attribute("value") == "rate limits"
        results = wait_for(driver, RESULTS)
        assert len(results) >= 2, results
        status = driver.find_element(By.CSS_SELECTOR, "[data-search-status]").text
        assert "results for “rate limits”" in status, status
        box = driver.find_element(By.CSS_SELECTOR, "#search-page-input")
        box.send_keys(Keys.END, " checklist")
        wait_for(driver, "return location.search === '?q=rate%20limits%20checklist'")
        assert urllib.parse.unquote(driver.execute_script("return location.search")) == "?q=rate limits checklist"
        # Header dropdown: down into the results, up back to the box, Escape closes it.
        driver.get(server + "/")
        header_box = type_in_header(driver, "launch")
        wait_for(driver, RESULTS)
        header_box.send_keys(Keys.ARROW_DOWN)
        first = driver.switch_to.active_element
        assert first.get_attribute("class") == "search-result-title", first.get_attribute("outerHTML")[:200]
        first.send_keys(Keys.ARROW_DOWN)
        assert driver.switch_to.active_element != first
        driver.switch_to.active_element.send_keys(Keys.ARROW_UP, Keys.ARROW_UP)
        assert driver.switch_to.active_element.get_attribute("id") == "site-search-input"
        driver.switch_to.active_element.send_keys(Keys.ESCAPE)
        assert not driver.find_element(By.CSS_SELECTOR, "#site-search-results").is_displayed()
    finally:
        driver.quit()


def test_without_javascript_the_search_page_points_to_the_lists(server):
    driver = make_driver(javascript=False)
    try:
        driver.get(server + "/search/?q=pricing")
        links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ".search-page a")]
        assert any(urllib.parse.urlsplit(h).path == "/articles/" for h in links), links
    finally:
        driver.quit()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_open_results_pass_axe_and_fit_a_phone(server, scheme):
    driver = make_driver(width=600)
    try:
        set_viewport(driver, 375, 812, mobile=True)
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
        driver.get(server + "/")
        type_in_header(driver, "pricing")
        wait_for(driver, "return document.querySelectorAll('#site-search-results .search-result-snippet').length >= 2")
        overflow = driver.execute_script("return document.documentElement.scrollWidth - innerWidth")
        assert overflow <= 0, f"the page scrolls sideways by {overflow} px with the results open"
        axe = Axe(driver)
        axe.inject()
        results = axe.run()
        serious = [f"{v['id']} ({v['impact']}): {v['help']}: {[n['target'] for n in v['nodes'][:3]]}"
                   for v in results["violations"] if v["impact"] in ("serious", "critical") or v["id"] == "color-contrast"]
        assert not serious, "\n".join(serious)
    finally:
        driver.quit()


def test_search_works_under_a_subpath(workdir):
    root = workdir / "subpath-search"
    with serve(root) as origin:
        build_site(root / "news", base_url=origin + "/news/")
        driver = make_driver()
        try:
            driver.get(origin + "/news/")
            type_in_header(driver, "checklist")
            results = wait_for(driver, RESULTS)
            assert results and results[0] == "/news/articles/launch-day-checklist/", results
            fetched = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
            search = [urllib.parse.urlsplit(u).path for u in fetched if "/search/" in u]
            assert search and all(p.startswith("/news/search/") for p in search), search
        finally:
            driver.quit()


RANKING = {
    "live.md": ("GPT Image 2 Is Live: What Changed", "2026-11-23",
                "Access opened this afternoon for Plus users. Pricing stays the same for now."),
    "swap.md": ("How to Design Your SaaS for an Image API Swap", "2026-11-20",
                " ".join(["GPT Image 2 will change how an image API swap goes: plan the fallback, keep the old "
                          "provider on, test GPT Image 2 against your prompts. Customers' livelihoods depend on "
                          "uptime; a lively rollout lives or dies by its fallback, and liveness checks help."] * 12)),
    "pricing.md": ("Image API pricing, compared", "2026-11-10",
                   "GPT Image 2 pricing is not announced. Image pricing of the current models, compared; "
                   "a swap of providers changes the bill."),
}


@pytest.fixture(scope="module")
def ranking_site(workdir):
    """Three articles whose words overlap: titles, whole words and longer words starting alike."""
    import shutil
    import subprocess
    from conftest import LIFTOFF, NOW
    root = workdir / "ranking"
    shutil.copytree(ROOT / "theme", root / "theme")
    (root / "site.yml").write_text("title: Ranking\nbase_url: https://example.org/\n")
    for name, (title, date, body) in RANKING.items():
        (root / "content").mkdir(parents=True, exist_ok=True)
        (root / "content" / name).write_text(f'---\ntitle: "{title}"\ndate: {date}\ndescription: "{title}."\n---\n\n{body}\n')
    result = subprocess.run([str(LIFTOFF), "build", "--source", str(root), "--output", str(root / "output"), "--now", NOW],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    with serve(root / "output") as origin:
        yield origin


def settled_results(driver):
    """The results once they stop changing (each keystroke renders its own)."""
    last, results = None, wait_for(driver, RESULTS)
    while results != last:
        time.sleep(0.4)
        last, results = results, driver.execute_script(RESULTS)
    return results


@pytest.mark.parametrize("query, expected", [
    # A title holding every query word ranks first; a whole word before a longer one it starts.
    ("GPT Image 2 live", "/articles/live/"),
    ("live", "/articles/live/"),
    ("image api swap", "/articles/swap/"),
    ("image pricing", "/articles/pricing/"),
])
def test_relevance(ranking_site, query, expected):
    driver = make_driver()
    try:
        driver.get(ranking_site + "/")
        type_in_header(driver, query)
        results = settled_results(driver)
        assert results and results[0] == expected, f"{query!r}: {results}"
    finally:
        driver.quit()
