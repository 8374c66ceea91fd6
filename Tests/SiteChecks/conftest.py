"""Shared fixtures of the site checks: the sample site built once with a fixed "now", a local
HTTP server over it, and a headless Chromium driven through chromedriver.

Run with `make site-check` (or `make test`). LIFTOFF names the binary (default: the release build).
"""
import contextlib
import functools
import http.server
import os
import pathlib
import shutil
import subprocess
import tempfile
import threading

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
LIFTOFF = pathlib.Path(os.environ.get("LIFTOFF", ROOT / ".build/release/liftoff"))
if not LIFTOFF.is_absolute():
    LIFTOFF = ROOT / LIFTOFF
NOW = "2026-11-24T17:00:00Z"
SCREENSHOTS = ROOT / "screenshots"


def build_site(output, base_url=None, now=NOW):
    command = [str(LIFTOFF), "build", "--source", str(ROOT), "--output", str(output), "--now", now]
    if base_url:
        command += ["--base-url", base_url]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, f"liftoff build failed:\n{result.stdout}{result.stderr}"
    return output


@pytest.fixture(scope="session")
def workdir():
    folder = pathlib.Path(tempfile.mkdtemp(prefix="liftoff-site-checks-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def site(workdir):
    """The published tree of the sample site, as of NOW."""
    return build_site(workdir / "site")


def is_redirect(path):
    """An alias page: a stub that sends readers to an article (checked by test_aliases.py)."""
    return 'http-equiv="refresh"' in path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def pages(site):
    """Every HTML page of the tree (alias stubs aside), relative path → Path."""
    return {str(p.relative_to(site)): p for p in sorted(site.rglob("*.html")) if not is_redirect(p)}


@pytest.fixture(scope="session")
def redirects(site):
    """The alias stubs, relative path → Path."""
    return {str(p.relative_to(site)): p for p in sorted(site.rglob("*.html")) if is_redirect(p)}


@pytest.fixture(scope="session")
def article_pages(site):
    return [p for p in sorted((site / "articles").glob("*/index.html")) if not is_redirect(p)]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(tree):
    """The tree served on 127.0.0.1 (a free port); yields the origin, e.g. http://127.0.0.1:41234."""
    handler = functools.partial(QuietHandler, directory=str(tree))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="session")
def server(site):
    with serve(site) as origin:
        yield origin


def page_urls(pages):
    """Each page's URL path as a reader would type it (…/index.html → …/)."""
    urls = []
    for relative in pages:
        urls.append("/" + (relative[: -len("index.html")] if relative.endswith("index.html") else relative))
    return urls


def make_driver(width=1280, height=900, javascript=True, page_load_strategy="normal"):
    """Headless Chromium; page_load_strategy "eager" makes get() return at DOMContentLoaded."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    chromedriver = shutil.which("chromedriver")
    assert chromium and chromedriver, "chromium and chromedriver are needed (make site-check installs them)"
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    options.page_load_strategy = page_load_strategy
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=en-US",
                     f"--window-size={width},{height}"):
        options.add_argument(argument)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=chromedriver))
    driver.set_page_load_timeout(30)
    return driver


@pytest.fixture(scope="session")
def browser():
    driver = make_driver()
    yield driver
    driver.quit()


def set_viewport(driver, width, height, mobile=False):
    """Emulates a viewport of exactly width × height CSS pixels."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})


def reset_viewport(driver):
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
