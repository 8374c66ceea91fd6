"""Shared links: every page's share image as a link preview reads it, and the cards read back by OCR.

The OCR (Tesseract, Debian's `tesseract-ocr`) proves the text is drawn, legible and not cut: the
countdown article's card must say its title's words and how many days are left as of the build's
"now"; a 120-character title must end inside the card. The three cards are copied into
screenshots/ to be looked at.
"""
import re
import shutil
import subprocess
import textwrap
from urllib.parse import urlparse

import pytest
from lxml import html as lxml_html
from PIL import Image

from conftest import LIFTOFF, NOW, ROOT, SCREENSHOTS

BASE = "https://example.org/"


def share_meta(page):
    tree = lxml_html.parse(str(page))
    values = {}
    for meta in tree.iter("meta"):
        key = meta.get("property") or meta.get("name")
        if key and (key.startswith("og:image") or key.startswith("twitter:")):
            values[key] = meta.get("content")
    return values


def local_file(site, url):
    assert url.startswith(BASE), url
    return site / urlparse(url).path.lstrip("/")


def ocr(path):
    """The words Tesseract reads on the image, lower-cased."""
    result = subprocess.run(["tesseract", str(path), "stdout", "--psm", "3"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return " ".join(re.findall(r"[a-z0-9]+", result.stdout.lower()))


def test_every_page_has_a_share_image_of_1200_by_630_that_is_published(site, pages):
    assert len(pages) >= 10
    for name, page in pages.items():
        meta = share_meta(page)
        assert meta.get("twitter:card") == "summary_large_image", name
        url = meta.get("og:image")
        assert url, f"{name} has no og:image"
        file = local_file(site, url)
        assert file.is_file(), f"{name}: {url} is not in the output"
        with Image.open(file) as image:
            assert image.size == (1200, 630), f"{name}: {url} is {image.size}"
            assert image.format.lower() == meta["og:image:type"].split("/")[1], name
        assert (int(meta["og:image:width"]), int(meta["og:image:height"])) == (1200, 630)
        assert meta.get("og:image:alt", "").strip(), f"{name} has no og:image:alt"
        assert meta.get("twitter:image") == url
        assert file.stat().st_size < 150_000, f"{url}: {file.stat().st_size} bytes"


def test_the_countdown_card_says_its_title_and_the_days_left(site):
    meta = share_meta(site / "articles/gpt-image-2-countdown/index.html")
    card = local_file(site, meta["og:image"])
    words = ocr(card)
    # NOW is 2026-11-24T17:00Z, the launch 2026-12-01T17:00Z.
    for word in ["gpt", "image", "countdown", "days", "left", "prep"]:
        assert word in words.split(), f"'{word}' not read on the card: {words}"
    assert "7 days left" in words, words
    shutil.copy(card, SCREENSHOTS / "card-countdown.png")


def build_one(tmp_path, title, name):
    """A site of one article titled `title`, built with the sample theme; its card's path."""
    source = tmp_path / name
    (source / "content").mkdir(parents=True)
    shutil.copytree(ROOT / "theme", source / "theme")
    (source / "site.yml").write_text("title: Launch Desk\nbase_url: https://example.org/\n")
    (source / "content" / "post.md").write_text(textwrap.dedent(f"""\
        ---
        title: "{title}"
        date: 2026-11-20
        description: A test of the share card.
        ---

        Body text.
        """))
    output = tmp_path / f"{name}-out"
    result = subprocess.run([str(LIFTOFF), "build", "--source", str(source), "--output", str(output), "--now", NOW],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return local_file(output, share_meta(output / "articles/post/index.html")["og:image"])


def test_a_long_title_stays_inside_its_card(tmp_path):
    title = ("Everything we know about the launch window, pricing tiers, rate limits and API access "
             "ahead of the release of the models")
    assert len(title) == 120
    card = build_one(tmp_path, title, "long")
    words = ocr(card).split()
    assert "models" in words, f"the title's last word is not on the card: {words}"
    assert "release" in words and "everything" in words, words
    shutil.copy(card, SCREENSHOTS / "card-long-title.png")


def test_a_short_title_is_not_blown_up(tmp_path):
    card = build_one(tmp_path, "Launch day", "short")
    words = ocr(card).split()
    assert "launch" in words and "day" in words, words
    # The title is drawn at the largest size, not stretched to fill the card: its ink stays in
    # the upper part of the title's box (a blown-up title would reach across the card).
    with Image.open(card) as image:
        gray = image.convert("L")
        background = gray.getpixel((600, 600))
        columns = [x for x in range(88, 1112) if any(abs(gray.getpixel((x, y)) - background) > 80 for y in range(200, 420, 4))]
        assert columns and max(columns) - min(columns) < 600, "the short title spans too wide a box"
    shutil.copy(card, SCREENSHOTS / "card-short-title.png")


@pytest.fixture(scope="module")
def focus_site(workdir):
    """A hero with its headline at the top (a red band over blue), shared three ways, and a page."""
    root = workdir / "focus"
    shutil.copytree(ROOT / "theme", root / "theme")
    (root / "site.yml").write_text("title: Focus\nbase_url: https://example.org/\ndescription: Release window, access and pricing signals for GPT Image 2, and how to be ready on day one.\n")
    content = root / "content"
    (content / "pages").mkdir(parents=True)
    hero = Image.new("RGB", (1200, 1800), (20, 40, 200))
    hero.paste((220, 30, 30), (0, 0, 1200, 360))
    hero.save(content / "headline.jpg", quality=90)
    front = 'title: "{}"\ndate: 2026-11-20\ndescription: D.\nimage: headline.jpg\nimage_alt: A headline over a blue sky\n'
    (content / "top.md").write_text("---\n" + front.format("Kept at the top") + "image_focus: top\n---\n\nText.\n")
    (content / "centre.md").write_text("---\n" + front.format("Cut around the centre") + "---\n\nText.\n")
    (content / "card.md").write_text("---\n" + front.format("Shared as its card") + "share: card\n---\n\nText.\n")
    (content / "pages" / "about.md").write_text("---\ntitle: About this desk\n---\n\nWho we are.\n")
    output = root / "output"
    result = subprocess.run([str(LIFTOFF), "build", "--source", str(root), "--output", str(output), "--now", NOW],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return output


def top_band(path):
    """The average colour of the top tenth of an image."""
    with Image.open(path) as image:
        band = image.convert("RGB").crop((0, 0, image.width, image.height // 10)).resize((1, 1), Image.BOX)
        return band.getpixel((0, 0))


def test_a_focus_keeps_the_headline_in_the_shared_crop(focus_site):
    top = local_file(focus_site, share_meta(focus_site / "articles/top/index.html")["og:image"])
    centre = local_file(focus_site, share_meta(focus_site / "articles/centre/index.html")["og:image"])
    red, _, blue = top_band(top)
    assert red > 150 and blue < 100, f"image_focus: top shares {top_band(top)} at the top, not the headline"
    red, _, blue = top_band(centre)
    assert blue > 150 and red < 100, f"the centre crop shares {top_band(centre)} at the top"
    SCREENSHOTS.mkdir(exist_ok=True)
    shutil.copy(top, SCREENSHOTS / "share-focus-top.jpg")
    shutil.copy(centre, SCREENSHOTS / "share-focus-centre.jpg")


def test_share_card_and_pages_have_their_own_card(focus_site):
    card = share_meta(focus_site / "articles/card/index.html")
    assert card["og:image"].startswith(BASE + "articles/card/card.") and card["og:image:type"] == "image/png"
    assert "shared as its card" in ocr(local_file(focus_site, card["og:image"]))
    page = share_meta(focus_site / "about/index.html")["og:image"]
    assert page.startswith(BASE + "about/card.") and page != share_meta(focus_site / "index.html")["og:image"]
    assert "about this desk" in ocr(local_file(focus_site, page))
    # The site card keeps a number with the word before it: "GPT Image 2," never starts a line.
    site_card = local_file(focus_site, share_meta(focus_site / "index.html")["og:image"])
    shutil.copy(site_card, SCREENSHOTS / "card-site.png")
    lines = subprocess.run(["tesseract", str(site_card), "stdout", "--psm", "3"], capture_output=True, text=True).stdout.splitlines()
    assert not any(re.match(r"\s*2\b", line) for line in lines), lines
