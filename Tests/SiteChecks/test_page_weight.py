"""Page weight of the article page as a browser loads it (scrolled to its end, so lazy images come
too): bytes of HTML, CSS, JS and images, within budgets, and no request to another host."""
import time
import urllib.parse

import pytest

from test_browser import wait_for_images

ARTICLE = "/articles/gpt-image-2-countdown/"
# Budgets (bytes, uncompressed): about twice today's weight, so that a regression shows. The one
# stylesheet (cached by every page) also styles the components and search: 20 KB, 5 KB compressed.
BUDGET = {"html": 40_000, "css": 28_000, "js": 6_000, "image": 250_000}
IMAGE_TYPES = (".webp", ".avif", ".jpg", ".jpeg", ".png", ".gif", ".svg")


def test_article_page_weight(server, browser, site):
    browser.get(server + ARTICLE)
    # Down the page a screen at a time, as a reader scrolls: each lazy image loads on its way in.
    height = browser.execute_script("return document.body.scrollHeight")
    for y in range(0, height + 600, 600):
        browser.execute_script("window.scrollTo(0, arguments[0])", y)
        time.sleep(0.05)
    wait_for_images(browser)
    entries = browser.execute_script("""
        const nav = performance.getEntriesByType('navigation')[0];
        return [{name: nav.name, type: 'navigation'}].concat(
          performance.getEntriesByType('resource').map(e => ({name: e.name, type: e.initiatorType})));
    """)
    origin = urllib.parse.urlsplit(server).netloc
    weight = {"html": 0, "css": 0, "js": 0, "image": 0, "other": 0}
    lines = []
    for entry in entries:
        assert urllib.parse.urlsplit(entry["name"]).netloc == origin, f"{ARTICLE} requests {entry['name']} from another host"
        path = urllib.parse.urlsplit(entry["name"]).path
        # The bytes the server sends: the file in the tree (the browser's cache may have served it).
        file = site / path.lstrip("/")
        entry["size"] = (file / "index.html" if file.is_dir() else file).stat().st_size
        kind = ("html" if entry["type"] == "navigation" else "css" if path.endswith(".css")
                else "js" if path.endswith(".js") else "image" if path.lower().endswith(IMAGE_TYPES) else "other")
        weight[kind] += entry["size"]
        lines.append(f"  {kind:5} {entry['size']:7,} B  {path}")
    total = sum(weight.values())
    print(f"Page weight of {ARTICLE} (uncompressed): HTML {weight['html']:,} B, CSS {weight['css']:,} B, "
          f"JS {weight['js']:,} B, images {weight['image']:,} B, other {weight['other']:,} B; total {total:,} B in {len(entries)} requests")
    print("\n".join(lines))
    over = [f"{kind.upper()} {weight[kind]:,} B > budget {BUDGET[kind]:,} B" for kind in BUDGET if weight[kind] > BUDGET[kind]]
    if over:
        pytest.fail(f"{ARTICLE} is too heavy: " + "; ".join(over), pytrace=False)
    assert weight["html"] > 0 and weight["css"] > 0 and weight["js"] > 0 and weight["image"] > 0, \
        f"a part of the page did not load: {weight}"
