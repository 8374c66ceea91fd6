"""`liftoff serve` in a real browser: a saved article shows up by itself, a stylesheet change is
swapped in without reloading the page, a bad edit shows the error overlay on the last good page,
and fixing it clears the overlay."""
import os
import re
import shutil
import subprocess
import time

import pytest

from conftest import LIFTOFF, ROOT

ARTICLE = "content/image-api-swap.md"


def wait_for(condition, what, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    pytest.fail(f"after {timeout} s: {what}")


def save(path, text):
    """Saves as editors do: a temporary file renamed over the article."""
    temporary = str(path) + ".tmp~"
    with open(temporary, "w") as handle:
        handle.write(text)
    os.replace(temporary, path)


@pytest.fixture
def preview(workdir):
    source = workdir / "preview-site"
    shutil.rmtree(source, ignore_errors=True)
    source.mkdir(parents=True)
    for name in ("site.yml", "content", "theme"):
        copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copy
        copy(ROOT / name, source / name)
    server = subprocess.Popen([str(LIFTOFF), "serve", "--source", str(source), "--port", "0"],
                              stderr=subprocess.PIPE, text=True)
    try:
        origin = None
        while origin is None:
            line = server.stderr.readline()
            assert line, "liftoff serve stopped before serving"
            match = re.search(r"Serving at (http://127\.0\.0\.1:\d+)/", line)
            origin = match and match.group(1)
        yield source, origin
    finally:
        server.terminate()
        server.wait(timeout=5)  # an open page must not hold the server up


def test_preview_reloads_swaps_stylesheets_and_shows_errors(preview, browser):
    source, origin = preview
    article = source / ARTICLE
    original = article.read_text()
    browser.get(origin + "/articles/image-api-swap/")
    wait_for(lambda: browser.execute_script("return document.readyState") == "complete", "the page loads")
    time.sleep(0.3)  # the reload script connects to the events

    # A stylesheet change: the page keeps its state (no reload) and takes the new style.
    browser.execute_script("window.notReloaded = true;")
    stylesheet = source / "theme/assets/style.css"
    save(stylesheet, stylesheet.read_text() + "\nbody { outline: 7px solid rgb(1, 2, 3); }\n")
    wait_for(lambda: browser.execute_script(
        "return getComputedStyle(document.body).outlineColor") == "rgb(1, 2, 3)", "the new stylesheet applies")
    assert browser.execute_script("return window.notReloaded === true"), "the page reloaded for a stylesheet change"

    # An article edit: the page reloads and shows it.
    save(article, original.replace("## Fallbacks", "## Fallbacks, edited in the preview"))
    wait_for(lambda: "Fallbacks, edited in the preview" in browser.find_element("tag name", "body").text,
             "the edit shows without touching the browser")
    assert not browser.execute_script("return window.notReloaded === true"), "an article edit must reload the page"

    # A bad edit: the overlay names the file and line; the last good page stays.
    save(article, original.replace("date: 2026-11-05", "date: someday"))
    overlay = wait_for(lambda: browser.find_elements("id", "liftoff-errors"), "the error overlay appears")[0]
    assert "content/image-api-swap.md:4:" in overlay.text
    assert "Fallbacks, edited in the preview" in browser.find_element("tag name", "body").text

    # Fixed: the overlay goes away.
    save(article, original)
    wait_for(lambda: not browser.find_elements("id", "liftoff-errors")
             and "Fallbacks, edited" not in browser.find_element("tag name", "body").text,
             "the overlay clears and the fixed page shows")
