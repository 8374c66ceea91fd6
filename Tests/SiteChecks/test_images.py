"""Article images as published: markup that reserves their space, files that exist at the widths
they claim, no metadata from the originals, small downloads on a phone, and no layout shift while
they arrive."""
import contextlib
import functools
import http.server
import json
import re
import shutil
import threading
import time
import urllib.parse

import lxml.html
import pytest
from PIL import ExifTags, Image
from selenium.webdriver.support.ui import WebDriverWait

from conftest import NOW, ROOT, QuietHandler, make_driver
from test_browser import FAKE_CLOCK, wait_for_images

ARTICLE = "/articles/gpt-image-2-countdown/"
ARTICLE_SOURCE = ROOT / "content/gpt-image-2-countdown.md"
RASTER = (".jpg", ".jpeg", ".png", ".webp")
# Image bytes a phone (375 CSS px, 2 device pixels per px) may download, as a share of the originals.
PHONE_BUDGET = 0.15
# EXIF tags an original may carry that must never reach a published file.
SOURCE_TAGS = {ExifTags.Base.ImageDescription, ExifTags.Base.Make, ExifTags.Base.Model, ExifTags.Base.Software,
               ExifTags.Base.DateTime, ExifTags.Base.Artist, ExifTags.Base.Copyright}
XMP_MARKERS = (b"<x:xmpmeta", b"http://ns.adobe.com/xap/1.0/")


def srcset_candidates(value):
    """(URL, width descriptor) of each candidate of a srcset."""
    candidates = []
    for candidate in value.split(","):
        url, _, descriptor = candidate.strip().partition(" ")
        candidates.append((url, descriptor.strip()))
    return candidates


def shown_images(markdown_path):
    """The image files an article's Markdown shows, as paths under content/."""
    text = markdown_path.read_text(encoding="utf-8")
    files = []
    for target in re.findall(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)", text):
        if not urllib.parse.urlsplit(target).scheme:
            files.append((markdown_path.parent / urllib.parse.unquote(target)).resolve())
    return files


def metadata(path):
    """What a published or original image carries: EXIF tags (GPS apart) and XMP, as Pillow and the bytes tell."""
    data = path.read_bytes()
    with Image.open(path) as image:
        exif = image.getexif()
        gps = dict(exif.get_ifd(ExifTags.IFD.GPSInfo))
        xmp = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp")
        raw_exif = image.info.get("exif")
    return {
        "exif": {ExifTags.TAGS.get(tag, hex(tag)): value for tag, value in exif.items()},
        "exif_block": bool(raw_exif) or len(exif) > 0,
        "source_tags": sorted(ExifTags.TAGS.get(tag, hex(tag)) for tag in exif if tag in SOURCE_TAGS),
        "gps": gps,
        "xmp": bool(xmp) or any(marker in data for marker in XMP_MARKERS),
    }


@pytest.fixture(scope="session")
def published_images(site):
    return sorted(p for p in site.rglob("*") if p.suffix.lower() in RASTER and p.is_file())


# MARK: markup and files

def test_every_img_has_its_size_and_every_srcset_file_exists_at_its_width(site, pages):
    problems = []
    pictures = 0
    for relative, path in pages.items():
        here = "/" + relative
        document = lxml.html.fromstring(path.read_bytes())
        for img in document.iter("img"):
            where = f"{relative}: <img src=\"{img.get('src')}\">"
            width, height = img.get("width", ""), img.get("height", "")
            if not (re.fullmatch(r"[1-9][0-9]*", width) and re.fullmatch(r"[1-9][0-9]*", height)):
                problems.append(f"{where}: width={width!r} height={height!r}, not two positive integers")
                continue
            ratio = int(width) / int(height)
            picture = img.getparent() if img.getparent().tag == "picture" else None
            sets = [img] + ([s for s in picture.iter("source")] if picture is not None else [])
            if picture is not None:
                pictures += 1
            for element in sets:
                urls = [(element.get("src"), "")] if element.tag == "img" and element.get("src") else []
                urls += srcset_candidates(element.get("srcset")) if element.get("srcset") else []
                for url, descriptor in urls:
                    target = urllib.parse.urlsplit(urllib.parse.urljoin(here, url)).path
                    file = site / urllib.parse.unquote(target.lstrip("/"))
                    if not file.is_file():
                        problems.append(f"{where}: {url} is not in the published tree")
                        continue
                    if file.suffix.lower() not in RASTER:
                        continue
                    with Image.open(file) as image:
                        actual = image.size
                    if descriptor and descriptor != f"{actual[0]}w":
                        problems.append(f"{where}: {url} is {actual[0]} px wide, its srcset says {descriptor}")
                    if abs(actual[0] / actual[1] - ratio) > 0.01:
                        problems.append(f"{where}: {url} is {actual[0]} × {actual[1]}, "
                                        f"not the shape of width={width} height={height}")
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)
    assert pictures >= 5, f"only {pictures} <picture> elements in the site: are the sample images shown?"


def test_originals_of_shown_images_are_not_published(site):
    shown = [p for p in shown_images(ARTICLE_SOURCE) + shown_images(ROOT / "content/launch-day-checklist.md")
             if p.suffix.lower() in RASTER]
    assert len(shown) >= 5, f"the sample articles show {len(shown)} raster images"
    published = {p.name for p in site.rglob("*")}
    leaked = [p.name for p in shown if p.name in published]
    assert not leaked, f"originals published as they are: {leaked}"


# MARK: metadata

def test_the_sample_originals_carry_metadata_to_strip(published_images):
    """Keeps the next two checks honest: the sources do hold GPS positions and XMP."""
    originals = [p for p in (ROOT / "content").rglob("*") if p.suffix.lower() in RASTER]
    with_gps = [p.name for p in originals if metadata(p)["gps"]]
    with_xmp = [p.name for p in originals if metadata(p)["xmp"]]
    assert with_gps and with_xmp, f"no sample original carries GPS ({with_gps}) and XMP ({with_xmp})"
    assert len(published_images) >= 20, f"only {len(published_images)} published raster images"


def test_no_metadata_of_the_originals_is_published(published_images, site):
    """No GPS position, camera or software field, date or XMP packet of a source survives."""
    problems = []
    for path in published_images:
        found = metadata(path)
        leaks = ([f"GPS {found['gps']}"] if found["gps"] else []) + found["source_tags"] + (["XMP"] if found["xmp"] else [])
        if leaks:
            problems.append(f"{path.relative_to(site)}: {', '.join(map(str, leaks))}")
    if problems:
        pytest.fail(f"{len(problems)} of {len(published_images)} published images carry the original's metadata:\n"
                    + "\n".join(problems), pytrace=False)


def test_published_images_have_no_exif_or_xmp_at_all(published_images, site):
    """Not even the block an encoder writes by itself (orientation, resolution, pixel dimensions)."""
    problems = []
    for path in published_images:
        found = metadata(path)
        if found["exif_block"] or found["xmp"] or found["gps"]:
            problems.append(f"{path.relative_to(site)}: EXIF {found['exif'] or '(empty block)'}"
                            + (" and XMP" if found["xmp"] else ""))
    if problems:
        kinds = sorted({p.suffix for p in published_images if any(str(p.relative_to(site)) in line for line in problems)})
        pytest.fail(f"{len(problems)} of {len(published_images)} published images ({', '.join(kinds)}) carry metadata:\n"
                    + "\n".join(problems[:8]) + ("\n…" if len(problems) > 8 else ""), pytrace=False)


# MARK: in the browser

def phone_driver(page_load_strategy="normal"):
    """Chromium as a phone: 375 × 812 CSS px, 2 device pixels per CSS px, a fresh (empty) cache."""
    driver = make_driver(width=375, height=812, page_load_strategy=page_load_strategy)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 375, "height": 812, "deviceScaleFactor": 2, "mobile": True})
    return driver


def scroll_through(driver, pause=0.15):
    """Scrolls down a screen at a time to the bottom, so that every lazy image comes near the viewport."""
    height = driver.execute_script("return innerHeight")
    position = 0
    while position < driver.execute_script("return document.documentElement.scrollHeight"):
        position += height // 2
        driver.execute_script("window.scrollTo(0, arguments[0])", position)
        time.sleep(pause)


def test_phone_downloads_a_small_webp_of_each_image(server):
    originals = shown_images(ARTICLE_SOURCE)
    assert len(originals) >= 4, f"{ARTICLE_SOURCE.name} shows {len(originals)} images"
    original_bytes = sum(p.stat().st_size for p in originals)
    driver = phone_driver()
    try:
        driver.set_script_timeout(30)
        driver.get(server + ARTICLE)
        scroll_through(driver)
        wait_for_images(driver, ".prose img", timeout=30)
        shown = driver.execute_script("""
            return [...document.querySelectorAll('.prose img')].map(i => ({src: i.currentSrc}));
        """)
        entries = driver.execute_script("""
            return performance.getEntriesByType('resource').filter(e => e.initiatorType === 'img')
              .map(e => ({name: e.name, encoded: e.encodedBodySize}));
        """)
    finally:
        driver.quit()
    lines = [f"  {e['encoded']:8,} B  {urllib.parse.urlsplit(e['name']).path}" for e in entries]
    downloaded = sum(e["encoded"] for e in entries)
    share = downloaded / original_bytes
    print(f"Images of {ARTICLE} at 375 px, 2x: {downloaded:,} B in {len(entries)} requests = {share:.1%} "
          f"of the {len(originals)} originals' {original_bytes:,} B")
    print("\n".join(lines))
    assert len(shown) == len(originals), f"{len(shown)} <img> on the page, the Markdown shows {len(originals)}"
    not_webp = [s["src"] for s in shown if not urllib.parse.urlsplit(s["src"]).path.endswith(".webp")]
    assert not not_webp, f"the browser chose another format than WebP: {not_webp}"
    # Each image once; the rest are the thumbnails of the related reads' cards (counted in the total).
    requested = [urllib.parse.urlsplit(e["name"]).path for e in entries]
    for image in shown:
        assert requested.count(urllib.parse.urlsplit(image["src"]).path) == 1, f"{image['src']}:\n" + "\n".join(lines)
    others = [path for path in requested if not path.startswith(ARTICLE)]
    assert len(entries) == len(shown) + len(others), f"{len(entries)} image requests for {len(shown)} images:\n" + "\n".join(lines)
    assert all(e["encoded"] > 0 for e in entries), f"a response has no size (served from where?):\n" + "\n".join(lines)
    assert share <= PHONE_BUDGET, (f"a phone downloads {downloaded:,} B of images, {share:.1%} of the originals' "
                                   f"{original_bytes:,} B (budget {PHONE_BUDGET:.0%}):\n" + "\n".join(lines))


LAYOUT_SHIFTS = """
window.__shifts = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    window.__shifts.push({value: entry.value, input: entry.hadRecentInput,
      sources: (entry.sources || []).map(s => s.node ? s.node.nodeName.toLowerCase() +
        (s.node.className ? '.' + s.node.className : '') : '?')});
  }
}).observe({type: 'layout-shift', buffered: true});
"""
IMAGE_DELAY = 2.0  # seconds the server waits before it answers for an image


class SlowImages(QuietHandler):
    """Answers for images only after IMAGE_DELAY: they arrive once the page is laid out and on screen."""

    def do_GET(self):
        if urllib.parse.urlsplit(self.path).path.lower().endswith(RASTER):
            time.sleep(IMAGE_DELAY)
        super().do_GET()


@contextlib.contextmanager
def serve_slowly(tree):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(SlowImages, directory=str(tree)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def layout_shifts(tree, device):
    """The layout shifts of the article while its images arrive late, with the images on screen (the
    clock at the build's now, so that the countdowns keep the text they were built with)."""
    if device == "phone":
        driver = phone_driver(page_load_strategy="eager")
    else:
        driver = make_driver(width=1280, height=900, page_load_strategy="eager")
    try:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": FAKE_CLOCK % json.dumps(NOW)})
        driver.set_script_timeout(60)
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": LAYOUT_SHIFTS})
        with serve_slowly(tree) as origin:
            # Back at DOMContentLoaded, before the load event (which waits for the first image).
            driver.get(origin + ARTICLE)
            # The first image a third of the way down the screen, before any image has arrived (one
            # that has not arrived has no natural width; `complete` is true for a lazy one not asked for).
            pending = driver.execute_script("""
                const first = document.querySelector('.prose picture, .prose img');
                window.scrollTo(0, first.getBoundingClientRect().top + scrollY - innerHeight / 3);
                return [...document.querySelectorAll('.prose img')].filter(i => i.naturalWidth === 0).length;
            """)
            wait_for_images(driver, ".prose img", timeout=60)
            time.sleep(0.5)
            shifts = driver.execute_script("return window.__shifts")
            images = driver.execute_script("return document.querySelectorAll('.prose img').length")
    finally:
        driver.quit()
    total = sum(s["value"] for s in shifts if not s["input"])
    from_images = sum(s["value"] for s in shifts if not s["input"]
                      and any(src.split(".")[0] in ("img", "picture") for src in s["sources"]))
    return {"total": total, "from_images": from_images, "shifts": shifts, "images": images, "pending": pending}


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_images_arriving_late_shift_nothing(site, device):
    result = layout_shifts(site, device)
    print(f"Layout shift on {ARTICLE} ({device}), images answered after {IMAGE_DELAY} s and on screen when they "
          f"arrive ({result['pending']} of {result['images']} still loading after the scroll): "
          f"total {result['total']:.4f}, with an image among the sources {result['from_images']:.4f}; "
          f"entries: {result['shifts']}")
    assert result["images"] >= 4 and result["pending"] == result["images"], \
        f"{result['images'] - result['pending']} images had arrived before the scroll: the check sees nothing"
    assert result["total"] < 0.01, f"layout shift {result['total']:.4f} while the images arrive ({device}): {result['shifts']}"


def test_the_layout_shift_check_sees_images_without_size(site, workdir):
    """The same page with width and height removed from its <img>s does shift: the check above can fail."""
    tree = workdir / "images-without-size"
    if not tree.exists():
        shutil.copytree(site, tree)
    page = tree / ARTICLE.strip("/") / "index.html"
    page.write_text(re.sub(r' width="\d+" height="\d+"', "", page.read_text(encoding="utf-8")), encoding="utf-8")
    result = layout_shifts(tree, "phone")
    print(f"Without width and height: layout shift {result['total']:.4f} ({result['from_images']:.4f} with an image)")
    assert result["total"] > 0.05, f"images without a size shift the page by only {result['total']:.4f}: {result['shifts']}"
