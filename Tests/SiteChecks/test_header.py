"""The header in Chromium with eight menu entries: at 1280 px the title, search and countdown share
one row and every link the next; on a phone the links fold into a Menu disclosure that opens
without JavaScript, and the header stays short. Screenshots go to screenshots/."""
import shutil

import pytest
from selenium.webdriver.common.by import By

from conftest import LIFTOFF, NOW, ROOT, SCREENSHOTS, make_driver, serve, set_viewport

import subprocess

ENTRIES = ["Pricing", "Access", "API changes", "Timeline", "Sources", "Newsletter"]
LANGUAGES = ["English", "Français", "العربية"]  # the sample site's languages: the switcher's links


@pytest.fixture(scope="module")
def eight_entries(workdir):
    """The sample site with six more menu entries (eight in all), published."""
    root = workdir / "eight-entries"
    shutil.copytree(ROOT / "content", root / "content")
    shutil.copytree(ROOT / "theme", root / "theme")
    config = (ROOT / "site.yml").read_text()
    extra = "".join(f"  - title: {title}\n    url: /{title.lower().replace(' ', '-')}/\n" for title in ENTRIES)
    marker = "    page: privacy\n"
    assert marker in config
    (root / "site.yml").write_text(config.replace(marker, marker + extra, 1))
    output = root / "output"
    result = subprocess.run([str(LIFTOFF), "build", "--source", str(root), "--output", str(output), "--now", NOW],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    with serve(output) as origin:
        yield origin


def box(driver, selector):
    return driver.execute_script("const r = document.querySelector(arguments[0]).getBoundingClientRect();"
                                 "return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height}", selector)


def shoot(driver, name):
    SCREENSHOTS.mkdir(exist_ok=True)
    assert driver.save_screenshot(str(SCREENSHOTS / name))


def test_eight_entries_fit_one_row_at_1280_px(eight_entries):
    driver = make_driver(width=1280, height=900)
    try:
        driver.get(eight_entries + "/articles/gpt-image-2-countdown/")
        links = driver.find_elements(By.CSS_SELECTOR, ".site-nav a")
        assert [link.text for link in links] == ["Home", "All articles", "Tags", "About", "Privacy"] + ENTRIES
        languages = box(driver, ".site-languages")
        assert [link.text for link in driver.find_elements(By.CSS_SELECTOR, ".site-languages a")] == LANGUAGES
        rows = {round(link.rect["y"]) for link in links}
        assert len(rows) == 1, f"the links take {len(rows)} rows at 1280 px"
        title, search, badge = box(driver, ".site-title"), box(driver, ".site-search"), box(driver, ".countdown-badge")
        middles = [(b["top"] + b["bottom"]) / 2 for b in (title, search, badge, languages)]
        assert max(middles) - min(middles) < 6, f"title, search, countdown and languages are not on one row: {middles}"
        assert badge["right"] <= 1280 and links[0].rect["y"] > badge["bottom"] - 1
        assert not driver.find_element(By.CSS_SELECTOR, ".site-menu").is_displayed()
        shoot(driver, "header-1280.png")
    finally:
        driver.quit()


@pytest.mark.parametrize("javascript", [True, False])
def test_on_a_phone_the_links_fold_into_a_menu(eight_entries, javascript):
    driver = make_driver(width=375, height=812, javascript=javascript)
    try:
        set_viewport(driver, 375, 812, mobile=True)
        driver.get(eight_entries + "/articles/gpt-image-2-countdown/")
        if javascript:
            shoot(driver, "header-375.png")
        header = box(driver, ".site-header")
        assert header["height"] <= 130, f"the header takes {header['height']} px on a phone"
        assert not driver.find_element(By.CSS_SELECTOR, ".site-nav").is_displayed()
        menu_links = driver.find_elements(By.CSS_SELECTOR, ".site-menu-links a")
        assert menu_links and not any(link.is_displayed() for link in menu_links)
        driver.find_element(By.CSS_SELECTOR, ".site-menu summary").click()
        assert all(link.is_displayed() for link in menu_links), "the Menu opens with every link"
        assert len(menu_links) == 5 + len(ENTRIES) + len(LANGUAGES)
        overflow = driver.execute_script("return document.documentElement.scrollWidth - innerWidth")
        assert overflow <= 0, f"the page scrolls sideways by {overflow} px"
        if javascript:
            shoot(driver, "header-375-open.png")
    finally:
        driver.quit()
