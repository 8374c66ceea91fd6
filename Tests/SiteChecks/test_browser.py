"""The site in a real browser: headless Chromium through chromedriver, served from 127.0.0.1."""
import datetime
import json
import urllib.parse

import pytest
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import NOW, SCREENSHOTS, build_site, make_driver, page_urls, reset_viewport, serve, set_viewport

COUNTDOWN_ARTICLE = "/articles/gpt-image-2-countdown/"
TARGET = "2026-12-01T17:00:00Z"  # the countdown in content/gpt-image-2-countdown.md and site.yml

# Replaces Date before the page's scripts run: `new Date()` and `Date.now()` read window.__clock,
# which only moves when the test moves it.
FAKE_CLOCK = """
(() => {
  const RealDate = Date;
  const clock = { now: RealDate.parse(%s) };
  class FakeDate extends RealDate {
    constructor(...args) { if (args.length === 0) super(clock.now); else super(...args); }
    static now() { return clock.now; }
  }
  FakeDate.parse = RealDate.parse;
  FakeDate.UTC = RealDate.UTC;
  Object.defineProperty(window, "__clock", { value: clock });
  window.Date = FakeDate;
})();
"""


def ms(iso):
    return int(datetime.datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp() * 1000)


def widget_text(driver, selector=".article > .countdown"):
    """What a reader sees of a countdown: its visible text, line by line."""
    return driver.find_element(By.CSS_SELECTOR, selector).text.strip()


# MARK: countdown

def test_countdown_reads_right_without_javascript(server):
    driver = make_driver(javascript=False)
    try:
        driver.get(server + COUNTDOWN_ARTICLE)
        text = widget_text(driver)
        # --now is exactly seven days before the target.
        assert "7 days left" in text, f"the build-time countdown reads {text!r}"
        assert "7 days, 0 hours, 0 minutes" in text, f"the build-time detail reads {text!r}"
        badge = driver.find_element(By.CSS_SELECTOR, ".countdown-badge").text
        assert "7 days left" in badge, f"the header countdown reads {badge!r}"
    finally:
        driver.quit()


@pytest.fixture
def clock_driver(server):
    """A browser whose clock starts at NOW and moves only when the test calls advance(iso)."""
    driver = make_driver()
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": FAKE_CLOCK % json.dumps(NOW)})
    yield driver
    driver.quit()


def wait_for_text(driver, expected, selector=".article > .countdown .countdown-text"):
    try:
        WebDriverWait(driver, 5, poll_frequency=0.1).until(
            lambda d: d.find_element(By.CSS_SELECTOR, selector).text == expected)
        return
    except TimeoutException:
        pass
    actual = driver.find_element(By.CSS_SELECTOR, selector).text
    pytest.fail(f"{selector} reads {actual!r}, expected {expected!r} at "
                f"{driver.execute_script('return new Date().toISOString()')}", pytrace=False)


def set_clock(driver, iso):
    driver.execute_script("window.__clock.now = arguments[0]", ms(iso))


def test_countdown_is_live_with_javascript(server, clock_driver, workdir):
    driver = clock_driver
    driver.get(server + COUNTDOWN_ARTICLE)
    assert driver.execute_script("return Date.now()") == ms(NOW), "the fake clock is not installed"
    wait_for_text(driver, "7 days left")
    assert widget_text(driver, ".article > .countdown .countdown-detail") == "7 days, 0 hours, 0 minutes"

    # Known times before the target: days, then hours on the last day, then minutes in the last hour.
    steps = [
        ("2026-11-28T13:25:30Z", "3 days left", "3 days, 3 hours, 34 minutes"),
        ("2026-11-30T16:00:00Z", "1 day left", "1 day, 1 hour, 0 minutes"),
        ("2026-12-01T15:30:00Z", "1 hour left", "0 days, 1 hour, 30 minutes"),
        ("2026-12-01T16:45:00Z", "15 minutes left", "0 days, 0 hours, 15 minutes"),
        ("2026-12-01T16:58:30Z", "Less than 2 minutes left", "0 days, 0 hours, 1 minute"),
    ]
    for iso, text, detail in steps:
        set_clock(driver, iso)
        wait_for_text(driver, text)
        wait_for_text(driver, detail, ".article > .countdown .countdown-detail")
        wait_for_text(driver, text, ".countdown-badge .countdown-text")

    # At the target the widget switches to the launched state: the same as a page built after it.
    set_clock(driver, TARGET)
    wait_for_text(driver, "Launched")
    wait_for_text(driver, "Launched", ".countdown-badge .countdown-text")
    live = widget_text(driver)
    live_classes = driver.find_element(By.CSS_SELECTOR, ".article > .countdown").get_attribute("class")

    after = build_site(workdir / "after-launch", now="2026-12-02T00:00:00Z")
    # A reader opening that page after the launch, with scripts on.
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument",
                           {"source": f"window.__clock.now = {ms('2026-12-02T00:00:00Z')};"})
    with serve(after) as origin:
        driver.get(origin + COUNTDOWN_ARTICLE)
        built = widget_text(driver)
        built_classes = driver.find_element(By.CSS_SELECTOR, ".article > .countdown").get_attribute("class")
    assert live == built, (f"after the target the live countdown reads\n{live}\n"
                           f"but a page built after the launch reads\n{built}")
    assert live_classes == built_classes, f"classes {live_classes!r} after the target, {built_classes!r} when built after it"
