"""The built-in components on the sample site, in Chromium: the comparison's slider moves with the
keyboard, a mouse drag and a touch drag, and without JavaScript both images show side by side;
each gallery image opens its full-size file; the timeline's dates are machine-readable and newest
first. (axe in light and dark mode and the 375 px check run on these pages with every other page.)"""
import re
import struct
import urllib.request

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import make_driver, set_viewport

RELEASE = "/articles/gpt-image-2-release-date/"
SIGNALS = "/articles/release-signals/"


def slider_state(driver):
    return driver.execute_script("""
        const figure = document.querySelector('.compare[data-compare-slider]');
        const range = figure.querySelector('input.compare-range');
        const top = figure.querySelectorAll('.compare-item')[1].querySelector('img');
        return {sliding: figure.classList.contains('is-sliding'), value: range && Number(range.value),
                text: range && range.getAttribute('aria-valuetext'), label: range && range.getAttribute('aria-label'),
                clip: getComputedStyle(top).clipPath};
    """)


def scroll_to_compare(driver):
    driver.execute_script("document.querySelector('.compare').scrollIntoView({block: 'center'})")
    return driver.find_element(By.CSS_SELECTOR, ".compare .compare-grid")


def test_the_slider_moves_with_the_arrow_keys_and_by_drag(server):
    driver = make_driver()
    try:
        driver.get(server + RELEASE)
        state = slider_state(driver)
        assert state["sliding"] and state["value"] == 50, state
        assert state["label"] == "Split between Current model (left) and Preview build (right)", state
        assert "50%" in state["clip"], f"the second image is not clipped at the split: {state}"
        grid = scroll_to_compare(driver)
        range_input = driver.find_element(By.CSS_SELECTOR, ".compare input.compare-range")
        # Keyboard: Tab reaches it (a native range input); arrows move it one step, Home/End to the ends.
        range_input.send_keys(Keys.ARROW_RIGHT * 5)
        state = slider_state(driver)
        assert state["value"] == 55 and "55%" in state["clip"], state
        assert state["text"] == "55% Current model, 45% Preview build", state
        range_input.send_keys(Keys.HOME)
        assert slider_state(driver)["value"] == 0
        range_input.send_keys(Keys.END)
        assert slider_state(driver)["value"] == 100
        # Mouse: press a quarter of the way across, drag to four fifths.
        width = grid.size["width"]
        actions = ActionChains(driver)
        actions.move_to_element_with_offset(grid, int(-width / 4), 0).click_and_hold()
        actions.move_by_offset(int(width * 0.55), 10).release().perform()
        state = slider_state(driver)
        assert abs(state["value"] - 80) <= 2, f"after a drag to 80 %: {state}"
        assert f"{state['value']}%" in state["clip"], state
    finally:
        driver.quit()


def test_the_slider_follows_a_finger_on_a_phone(server):
    driver = make_driver(width=600, height=900)
    try:
        set_viewport(driver, 375, 812, mobile=True)
        driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 1})
        driver.get(server + RELEASE)
        scroll_to_compare(driver)
        box = driver.execute_script("""
            const r = document.querySelector('.compare .compare-grid').getBoundingClientRect();
            return {left: r.left, top: r.top, width: r.width, height: r.height};
        """)
        y = box["top"] + box["height"] / 2
        points = [box["left"] + box["width"] * f for f in (0.5, 0.4, 0.3, 0.2)]
        driver.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": points[0], "y": y}]})
        for x in points[1:]:
            driver.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y}]})
        driver.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
        state = slider_state(driver)
        assert abs(state["value"] - 20) <= 2, f"after a touch drag to 20 %: {state}"
        overflow = driver.execute_script("return document.documentElement.scrollWidth - innerWidth")
        assert overflow <= 0, f"the page scrolls sideways by {overflow} px on a phone"
    finally:
        driver.quit()


def test_the_slider_shows_each_caption_below_it(server, browser):
    browser.get(server + RELEASE)
    grid = scroll_to_compare(browser)
    figure = browser.find_element(By.CSS_SELECTOR, ".compare")
    range_input = figure.find_element(By.CSS_SELECTOR, "input.compare-range")
    lines = figure.find_elements(By.CSS_SELECTOR, ".compare-captions p")
    assert [line.text for line in lines] == [
        "Current model Warm sky, strong orange band at the horizon.",
        "Preview build Cooler sky; the same composition.",
    ]
    for line in lines:
        assert line.is_displayed() and line.rect["y"] >= range_input.rect["y"] + range_input.rect["height"] - 1, "below the slider"
    covered = [c for c in figure.find_elements(By.CSS_SELECTOR, ".compare-item .compare-caption") if c.is_displayed()]
    assert not covered, "a caption drawn over the images"
    assert grid.rect["height"] > 100


def test_without_javascript_both_images_show_side_by_side(server):
    driver = make_driver(javascript=False)
    try:
        driver.get(server + RELEASE)
        figure = driver.find_element(By.CSS_SELECTOR, ".compare")
        assert not figure.find_elements(By.CSS_SELECTOR, "input"), "a control that does nothing without JavaScript"
        images = figure.find_elements(By.CSS_SELECTOR, ".compare-item img")
        assert len(images) == 2
        first, second = (image.rect for image in images)
        assert first["width"] > 200 and second["width"] > 200, (first, second)
        assert first["y"] == second["y"] and second["x"] >= first["x"] + first["width"], f"not side by side: {first} {second}"
        labels = [label.text for label in figure.find_elements(By.CSS_SELECTOR, ".compare-label")]
        assert labels == ["Current model", "Preview build"]
        captions = [c.text for c in figure.find_elements(By.CSS_SELECTOR, ".compare-caption") if c.is_displayed()]
        assert captions == ["Warm sky, strong orange band at the horizon.", "Cooler sky; the same composition."]
        assert figure.find_element(By.CSS_SELECTOR, ".compare-prompt").text.startswith("PROMPT")
    finally:
        driver.quit()


def image_size(data):
    """Width and height of a JPEG, PNG or WebP file's bytes."""
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return struct.unpack(">II", data[16:24])
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        if data[12:16] == b"VP8 ":
            w, h = struct.unpack("<HH", data[26:30])
            return w & 0x3FFF, h & 0x3FFF
    if data[:2] == b"\xff\xd8":
        i = 2
        while i < len(data):
            marker, length = data[i + 1], struct.unpack(">H", data[i + 2:i + 4])[0]
            if marker in (0xC0, 0xC1, 0xC2):
                h, w = struct.unpack(">HH", data[i + 5:i + 9])
                return w, h
            i += 2 + length
    raise AssertionError(f"not an image: {data[:12]!r}")


def test_each_gallery_image_opens_its_full_size_file(server, browser):
    browser.get(server + RELEASE)
    items = browser.execute_script("""
        return [...document.querySelectorAll('.gallery-item')].map(item => ({
          href: item.querySelector('a').getAttribute('href'),
          srcset: item.querySelector('img').getAttribute('srcset'),
          width: Number(item.querySelector('img').getAttribute('width')),
          alt: item.querySelector('img').alt, loading: item.querySelector('img').loading}));
    """)
    assert len(items) == 4, items
    for item in items:
        widest = max(int(w) for w in re.findall(r" (\d+)w", item["srcset"]))
        with urllib.request.urlopen(server + item["href"]) as response:
            assert response.status == 200
            size = image_size(response.read())
        assert size[0] == widest == item["width"], f"{item['href']} is {size}, the widest copy is {widest} px"
        assert item["alt"] and item["loading"] == "lazy", item


def test_timeline_dates_are_machine_readable_and_newest_first(server, browser):
    browser.get(server + SIGNALS)
    entries = browser.execute_script("""
        return [...document.querySelectorAll('.timeline-entry')].map(e => ({
          datetime: e.querySelector('time').getAttribute('datetime'), text: e.querySelector('time').textContent,
          status: (e.querySelector('.timeline-status') || {}).textContent}));
    """)
    assert len(entries) == 5, entries
    days = [e["datetime"] for e in entries]
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) for d in days), days
    assert days == sorted(days, reverse=True), f"not newest first: {days}"
    assert entries[0]["text"] == "November 21, 2026", entries[0]
    assert {e["status"] for e in entries} <= {"confirmed", "reported", "rumor"}, entries
