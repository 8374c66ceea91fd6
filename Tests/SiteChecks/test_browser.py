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


def wait_for_images(driver, selector="main img", timeout=20):
    """Until every image is loaded, decoded and painted: a lazy image has no natural width before it
    arrives, and Chromium paints a newly decoded image a frame or two later (blank until then)."""
    WebDriverWait(driver, timeout, poll_frequency=0.1).until(lambda d: d.execute_script(
        "return [...document.querySelectorAll(arguments[0])].every(i => i.complete && i.naturalWidth > 0)", selector))
    driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        Promise.all([...document.querySelectorAll(arguments[0])].map(i => i.decode().catch(() => null)))
          .then(() => requestAnimationFrame(() => requestAnimationFrame(() => done())));
    """, selector)


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
        ("2026-11-25T20:30:00Z", "5 days left", "5 days, 20 hours, 30 minutes"),
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
    # That page as the build wrote it (scripts off, so only the build's HTML speaks).
    static = make_driver(javascript=False)
    try:
        with serve(after) as origin:
            static.get(origin + COUNTDOWN_ARTICLE)
            built = widget_text(static)
            built_classes = static.find_element(By.CSS_SELECTOR, ".article > .countdown").get_attribute("class")
    finally:
        static.quit()
    assert live == built, (f"after the target the live countdown reads\n{live}\n"
                           f"but a page built after the launch reads\n{built}")
    assert live_classes == built_classes, f"classes {live_classes!r} after the target, {built_classes!r} when built after it"


# MARK: every page

def test_no_console_errors_and_no_request_to_another_host(server, browser, pages):
    problems = []
    origin = urllib.parse.urlsplit(server).netloc
    browser.get_log("browser")  # drop anything logged before
    for url in page_urls(pages):
        browser.get(server + url)
        browser.execute_script("return document.readyState")
        for entry in browser.get_log("browser"):
            if entry["level"] in ("SEVERE", "ERROR"):
                problems.append(f"{url}: console: {entry['message']}")
        requested = browser.execute_script(
            "return performance.getEntriesByType('resource').map(e => e.name)")
        for resource in requested:
            host = urllib.parse.urlsplit(resource).netloc
            if host != origin:
                problems.append(f"{url}: requests {resource} from another host")
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def test_no_page_scrolls_sideways_at_375_px(server, browser, pages):
    problems = []
    wide_tables = 0
    set_viewport(browser, 375, 812, mobile=True)
    try:
        for url in page_urls(pages):
            browser.get(server + url)
            report = browser.execute_script("""
                const width = document.documentElement.clientWidth;
                const overflow = document.documentElement.scrollWidth - width;
                const culprits = [];
                if (overflow > 0) {
                  for (const el of document.body.querySelectorAll('*')) {
                    const box = el.getBoundingClientRect();
                    let clipped = false;  // inside a box that scrolls or clips sideways: not a culprit
                    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
                      if (getComputedStyle(up).overflowX !== 'visible') { clipped = true; break; }
                    }
                    if (box.right > width + 1 && !clipped) {
                      culprits.push(el.tagName.toLowerCase() + (el.className ? '.' + el.className : '') +
                                    ' (right edge ' + Math.round(box.right) + ' px)');
                    }
                  }
                }
                const tables = [...document.querySelectorAll('.table-wrap')].map(wrap => {
                  const wide = wrap.scrollWidth > wrap.clientWidth;
                  wrap.scrollLeft = 40;
                  return {label: wrap.getAttribute('aria-label'), wide: wide, scrolls: wrap.scrollLeft > 0,
                          right: wrap.getBoundingClientRect().right};
                });
                return {width, overflow, culprits: culprits.slice(0, 5), tables};
            """)
            assert report["width"] == 375, f"{url}: the viewport is {report['width']} px wide, not 375"
            if report["overflow"] > 0:
                problems.append(f"{url}: the page scrolls sideways by {report['overflow']} px at 375 px; "
                                f"too wide: {', '.join(report['culprits'])}")
            for table in report["tables"]:
                if table["right"] > 375 + 0.5:
                    problems.append(f"{url}: table {table['label']!r} sticks out of the page ({table['right']} px)")
                if table["wide"]:
                    wide_tables += 1
                    if not table["scrolls"]:
                        problems.append(f"{url}: table {table['label']!r} is wider than its box but does not scroll in it")
    finally:
        reset_viewport(browser)
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)
    assert wide_tables > 0, "no table of the sample site is wider than a phone: the scrolling box is not exercised"


def test_faq_answers_are_reachable_with_the_keyboard(server, browser):
    browser.get(server + COUNTDOWN_ARTICLE)
    body = browser.find_element(By.TAG_NAME, "body")
    body.click()
    first_answer = browser.find_element(By.CSS_SELECTOR, ".faq details .faq-answer")
    assert not first_answer.is_displayed(), "the FAQ answers are not closed at first"
    summary = None
    for _ in range(200):
        browser.switch_to.active_element.send_keys(Keys.TAB)
        active = browser.switch_to.active_element
        if active.tag_name == "summary" and active.find_elements(By.XPATH, "ancestor::section[contains(@class,'faq')]"):
            summary = active
            break
    assert summary is not None, "Tab never reaches a question of the FAQ"
    outline = browser.execute_script("const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]")
    assert outline[0] != "none" and outline[1] != "0px", f"the focused question shows no focus ring: {outline}"
    details = summary.find_element(By.XPATH, "..")
    answer = details.find_element(By.CSS_SELECTOR, ".faq-answer")
    summary.send_keys(Keys.ENTER)
    assert details.get_attribute("open") is not None and answer.is_displayed(), "Enter does not open the question"
    assert len(answer.text) > 20, f"the opened answer reads {answer.text!r}"
    summary.send_keys(Keys.SPACE)
    assert details.get_attribute("open") is None, "Space does not close the question again"
    # The next question is the next Tab stop.
    browser.switch_to.active_element.send_keys(Keys.TAB)
    following = browser.switch_to.active_element
    assert following.tag_name == "summary", f"after a question Tab goes to <{following.tag_name}>, not the next question"


def test_screenshots(server, clock_driver):
    """Home page and an article at desktop and phone widths, light and dark, for people to look at
    (the browser clock at the build's now, so the countdowns read as built; images arrived)."""
    browser = clock_driver
    SCREENSHOTS.mkdir(exist_ok=True)
    written = []
    try:
        for scheme in ("light", "dark"):
            browser.execute_cdp_cmd("Emulation.setEmulatedMedia",
                                    {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
            for name, url in (("home", "/"), ("article", COUNTDOWN_ARTICLE)):
                for device, width, height, mobile in (("desktop", 1280, 900, False), ("phone", 375, 812, True)):
                    set_viewport(browser, width, height, mobile)
                    browser.get(server + url)
                    full = browser.execute_script("return document.documentElement.scrollHeight")
                    set_viewport(browser, width, full, mobile)
                    wait_for_images(browser)
                    path = SCREENSHOTS / f"{name}-{device}-{scheme}.png"
                    assert browser.save_screenshot(str(path)), f"could not write {path}"
                    written.append(path.name)
    finally:
        reset_viewport(browser)
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
    print(f"screenshots in {SCREENSHOTS}: {', '.join(written)}")


def test_cards_are_as_tall_as_what_they_hold(server, browser):
    """A text-only card beside one with an image keeps its own height: no empty area under its text."""
    browser.get(server + "/")
    gaps = browser.execute_script("""
        return [...document.querySelectorAll('.card-grid .card')].map(card => {
          const last = card.lastElementChild.getBoundingClientRect(), box = card.getBoundingClientRect();
          return [card.querySelector('.card-title').textContent.trim(), Math.round(box.bottom - last.bottom)];
        });
    """)
    assert len(gaps) >= 3
    for title, gap in gaps:
        assert gap <= 32, f"{title!r}: {gap} px of empty card under its text"
