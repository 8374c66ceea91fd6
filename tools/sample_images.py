#!/usr/bin/env python3
"""Draws the sample site's raster images, from nothing but seeded random numbers:

- content/countdown-sample-*.jpg: four "sample outputs" (a lake at dusk, glossy spheres, a city at
  night, an aurora) for the countdown article, 2048 × 1536, JPEG quality 85;
- content/compare-dusk-lake-*.jpg: the lake at dusk as two models might draw it (same seed, two
  skies), for the release-date article's comparison;
- content/checklist-screenshot.png: a flat app window for the launch-day checklist, 1600 px wide.

Every file carries camera-style metadata on purpose (EXIF with a GPS position, XMP; one JPEG is
stored sideways with an EXIF orientation), so that the site checks can see that Liftoff strips it
and turns the picture upright.

    python3 tools/sample_images.py [--out DIR]

The same Pillow release draws the same bytes: without Pillow PILLOW_VERSION, the script installs it
into a temporary virtual environment and runs itself there.
"""
import argparse
import math
import os
import pathlib
import random
import shutil
import subprocess
import sys
import tempfile

PILLOW_VERSION = "12.3.0"
ROOT = pathlib.Path(__file__).resolve().parents[1]
WIDTH, HEIGHT = 2048, 1536


def ensure_pillow():
    """Re-runs this script under a temporary venv holding the pinned Pillow, unless it is here."""
    try:
        import PIL
        if PIL.__version__ == PILLOW_VERSION:
            return
    except ImportError:
        pass
    if os.environ.get("SAMPLE_IMAGES_VENV"):
        sys.exit(f"Pillow {PILLOW_VERSION} is not importable in the temporary environment")
    folder = tempfile.mkdtemp(prefix="sample-images-venv-")
    try:
        subprocess.run([sys.executable, "-m", "venv", folder], check=True)
        python = os.path.join(folder, "bin", "python")
        subprocess.run([python, "-m", "pip", "install", "-q", "--disable-pip-version-check",
                        f"Pillow=={PILLOW_VERSION}"], check=True)
        result = subprocess.run([python, __file__, *sys.argv[1:]], env={**os.environ, "SAMPLE_IMAGES_VENV": folder})
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    sys.exit(result.returncode)


ensure_pillow()

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont  # noqa: E402
from PIL.PngImagePlugin import PngInfo  # noqa: E402


# MARK: building blocks

def lerp(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b))


def ramp(stops, t):
    """The colour at t (0…1) of a gradient through (position, colour) stops."""
    for (p0, c0), (p1, c1) in zip(stops, stops[1:]):
        if t <= p1:
            return lerp(c0, c1, 0 if p1 == p0 else max(0.0, (t - p0) / (p1 - p0)))
    return stops[-1][1]


def vertical_gradient(size, stops):
    width, height = size
    column = Image.new("RGB", (1, height))
    column.putdata([ramp(stops, y / (height - 1)) for y in range(height)])
    return column.resize(size, Image.Resampling.BILINEAR)


def field(size, rng, cells, blur=0):
    """Smooth value noise (L): random cells blown up with bicubic interpolation."""
    small = Image.frombytes("L", cells, rng.randbytes(cells[0] * cells[1]))
    if blur:
        small = small.filter(ImageFilter.GaussianBlur(blur))
    return small.resize(size, Image.Resampling.BICUBIC)


def add_grain(image, rng, amount=3):
    """Film grain: soft noise of ±amount levels on every channel."""
    noise = Image.frombytes("L", image.size, rng.randbytes(image.width * image.height))
    noise = noise.filter(ImageFilter.GaussianBlur(0.7)).point(lambda v: 128 + (v - 128) * 4)
    grain = noise.point(lambda v: max(0, min(255, 64 + round((v - 128) * amount / 128))))
    return ImageChops.add(image, Image.merge("RGB", (grain,) * 3), scale=1, offset=-64)


def smooth_line(rng, width, octaves):
    """y offsets along x: a sum of sines with seeded phases; octaves are (period px, amplitude px)."""
    phases = [rng.uniform(0, 2 * math.pi) for _ in octaves]
    return [sum(a * math.sin(2 * math.pi * x / p + f) for (p, a), f in zip(octaves, phases)) for x in range(width)]


def ridge_mask(size, base, rng, octaves, scale=4):
    """Everything below a wavy line at height base, antialiased by drawing larger."""
    width, height = size
    offsets = smooth_line(rng, width, octaves)
    mask = Image.new("L", (width * scale, height * scale), 0)
    points = [(x * scale, (base + offsets[x]) * scale) for x in range(width)]
    ImageDraw.Draw(mask).polygon(points + [(width * scale, height * scale), (0, height * scale)], fill=255)
    return mask.resize(size, Image.Resampling.LANCZOS)


def disc_mask(size, box, scale=4):
    mask = Image.new("L", (size[0] * scale, size[1] * scale), 0)
    ImageDraw.Draw(mask).ellipse([v * scale for v in box], fill=255)
    return mask.resize(size, Image.Resampling.LANCZOS)


def glow(size, centre, radius, strength=255):
    """A soft round light (L), brightest at centre."""
    r = Image.radial_gradient("L").resize((radius * 2, radius * 2), Image.Resampling.BICUBIC)
    r = r.point(lambda v: round(strength * max(0.0, 1 - v / 128) ** 2))
    layer = Image.new("L", size, 0)
    layer.paste(r, (centre[0] - radius, centre[1] - radius))
    return layer


def tint(image, colour, mask):
    return Image.composite(Image.new("RGB", image.size, colour), image, mask)


def screen(image, colour, mask):
    light = Image.composite(Image.new("RGB", image.size, colour), Image.new("RGB", image.size, 0), mask)
    return ImageChops.screen(image, light)


# MARK: the four sample outputs

DUSK_SKY = [(0, (38, 40, 92)), (0.35, (120, 72, 128)), (0.55, (236, 128, 86)), (0.61, (255, 196, 120)), (1, (255, 210, 140))]
# The same prompt as another model might answer it: a cooler, paler sky.
COOL_SKY = [(0, (24, 44, 96)), (0.35, (82, 96, 150)), (0.55, (206, 150, 128)), (0.61, (236, 196, 150)), (1, (240, 214, 170))]


def dusk_lake(rng, sky_stops=DUSK_SKY):
    size = (WIDTH, HEIGHT)
    horizon = 930
    sky = vertical_gradient(size, sky_stops)
    clouds = field(size, rng, (10, 8)).point(lambda v: max(0, v - 140) * 2)
    clouds = Image.composite(clouds, Image.new("L", size, 0), vertical_gradient(size, [(0, (0,)), (0.15, (200,)), (0.5, (120,)), (0.6, (0,)), (1, (0,))]).convert("L"))
    image = screen(sky, (255, 170, 150), clouds.point(lambda v: v // 2))
    sun = (1290, 500)
    image = screen(image, (255, 170, 100), glow(size, sun, 760, 200))
    image = screen(image, (255, 220, 160), glow(size, sun, 180, 255))
    image = tint(image, (255, 244, 214), disc_mask(size, (sun[0] - 52, sun[1] - 52, sun[0] + 52, sun[1] + 52)))
    ridges = [(690, (178, 112, 146), [(900, 70), (360, 30), (130, 8)]),
              (770, (128, 78, 128), [(1100, 90), (420, 40), (150, 12)]),
              (850, (78, 48, 92), [(700, 60), (300, 30), (90, 7)]),
              (910, (40, 26, 54), [(1300, 45), (500, 22), (110, 8)])]
    for base, colour, octaves in ridges:
        mask = ridge_mask(size, base, rng, octaves)
        haze = field(size, rng, (16, 12)).point(lambda v: 200 + v // 5)
        image = tint(image, colour, ImageChops.multiply(mask, haze))
    # Water: the scene above the horizon, mirrored, softened and darkened, with ripples.
    above = image.crop((0, 2 * horizon - HEIGHT, WIDTH, horizon)).transpose(Image.Transpose.FLIP_TOP_BOTTOM)
    ripples = Image.new("L", (WIDTH, HEIGHT - horizon), 0)
    draw = ImageDraw.Draw(ripples)
    for _ in range(260):
        y = rng.uniform(0, HEIGHT - horizon)
        x = rng.uniform(-200, WIDTH)
        length = rng.uniform(60, 420) * (0.4 + y / (HEIGHT - horizon))
        draw.line([(x, y), (x + length, y)], fill=rng.randint(30, 80), width=max(1, round(y / 160)))
    water = above.filter(ImageFilter.GaussianBlur(3))
    water = Image.blend(water, Image.new("RGB", water.size, (24, 20, 44)), 0.35)
    water = screen(water, (255, 200, 150), ripples.filter(ImageFilter.GaussianBlur(1.2)))
    image.paste(water, (0, horizon), ridge_mask(water.size, 0, rng, [(2000, 2)]))
    shore = ridge_mask(size, 1340, rng, [(800, 40), (260, 18)])
    image = tint(image, (16, 14, 22), shore)
    return add_grain(image, rng)


def spheres(rng):
    size = (WIDTH, HEIGHT)
    table = 1000
    image = vertical_gradient(size, [(0, (232, 222, 212)), (0.64, (214, 200, 190)), (0.651, (196, 170, 158)), (1, (226, 204, 190))])
    image = screen(image, (255, 240, 225), glow(size, (700, 380), 900, 110))
    balls = [((520, 760), 300, (232, 96, 72)), ((1180, 820), 220, (64, 120, 200)), ((1620, 700), 390, (246, 198, 92))]
    # Depth of field: the wall out of focus.
    back = image.filter(ImageFilter.GaussianBlur(6))
    image = Image.composite(back, image, vertical_gradient(size, [(0, (255,)), (0.55, (255,)), (0.66, (0,)), (1, (0,))]).convert("L"))
    for (cx, cy), r, colour in balls:
        bottom = cy + r
        soft = (cx - r * 0.9 + r * 0.5, bottom - r * 0.16, cx + r * 0.9 + r * 0.9, bottom + r * 0.2)
        shadow = disc_mask(size, soft).filter(ImageFilter.GaussianBlur(r / 7)).point(lambda v: v // 2)
        image = tint(image, (110, 84, 76), shadow)
        contact = (cx - r * 0.55, bottom - r * 0.07, cx + r * 0.65, bottom + r * 0.06)
        shadow = disc_mask(size, contact).filter(ImageFilter.GaussianBlur(r / 18)).point(lambda v: v * 4 // 5)
        image = tint(image, (70, 52, 48), shadow)
    for (cx, cy), r, colour in balls:
        dark = tuple(c // 4 for c in colour)
        light = tuple(min(255, c + 90) for c in colour)
        ball = Image.new("RGB", (2 * r, 2 * r), dark)
        shade = Image.radial_gradient("L").resize((4 * r, 4 * r), Image.Resampling.BICUBIC)
        shade = shade.crop((round(1.35 * r), round(1.35 * r), round(3.35 * r), round(3.35 * r))).point(lambda v: 255 - min(255, v * 2))
        ball = Image.composite(Image.new("RGB", ball.size, colour), ball, shade.point(lambda v: min(255, v * 3 // 2)))
        ball = Image.composite(Image.new("RGB", ball.size, light), ball, shade.point(lambda v: max(0, v - 150) * 2))
        # Light bounced from the table on the lower rim, and a sharp window highlight.
        rim = Image.new("L", ball.size, 0)
        ImageDraw.Draw(rim).ellipse((r * 0.3, r * 1.45, r * 1.7, r * 2.3), fill=90)
        ball = screen(ball, (255, 220, 200), rim.filter(ImageFilter.GaussianBlur(r / 5)))
        spot = Image.new("L", ball.size, 0)
        ImageDraw.Draw(spot).ellipse((r * 0.55, r * 0.45, r * 0.85, r * 0.7), fill=230)
        ball = screen(ball, (255, 255, 255), spot.filter(ImageFilter.GaussianBlur(r / 30)))
        image.paste(ball, (cx - r, cy - r), disc_mask(ball.size, (0, 0, 2 * r - 1, 2 * r - 1)))
    return add_grain(image, rng, 3)


def city_night(rng):
    size = (WIDTH, HEIGHT)
    image = vertical_gradient(size, [(0, (8, 12, 34)), (0.55, (30, 36, 82)), (0.75, (92, 60, 96)), (1, (20, 16, 30))])
    haze = field(size, rng, (16, 12), blur=1).point(lambda v: max(0, v - 130) // 2)
    image = screen(image, (70, 60, 120), haze)
    # Two rows of towers: hazy ones far away, dark ones in front, each with lit windows.
    for colour, light, tops, spacing, chance in (((34, 34, 70), (150, 130, 110), (300, 700), 18, 0.12),
                                                  ((10, 10, 20), (255, 200, 120), (420, 940), 22, 0.26)):
        skyline = Image.new("L", size, 0)
        windows = Image.new("L", size, 0)
        draw, lit = ImageDraw.Draw(skyline), ImageDraw.Draw(windows)
        x = rng.randint(-120, -20)
        while x < WIDTH:
            w = rng.randint(90, 230)
            top = rng.randint(*tops)
            draw.rectangle((x, top, x + w, HEIGHT), fill=255)
            if rng.random() < 0.3:
                draw.rectangle((x + w // 2 - 4, top - rng.randint(60, 160), x + w // 2 + 4, top), fill=255)
            for wy in range(top + 24, 1300, spacing + 8):
                for wx in range(x + 12, x + w - 16, spacing):
                    if rng.random() < chance:
                        lit.rectangle((wx, wy, wx + spacing // 2, wy + 14), fill=rng.randint(110, 255))
            x += w - rng.randint(0, 30)
        image = tint(image, colour, skyline)
        image = screen(image, light, ImageChops.multiply(windows, skyline).filter(ImageFilter.GaussianBlur(0.8)))
    # Out-of-focus street lights in front: soft discs of light, blurred.
    bokeh = Image.new("RGB", size, 0)
    for _ in range(38):
        r = rng.randint(30, 110)
        cx, cy = rng.randint(0, WIDTH), rng.randint(1050, HEIGHT + 60)
        colour = rng.choice([(255, 170, 80), (255, 120, 60), (120, 180, 255), (255, 220, 150), (220, 80, 120)])
        level = rng.uniform(0.25, 0.7)
        disc = disc_mask(size, (cx - r, cy - r, cx + r, cy + r), 2).point(lambda v: round(v * level))
        bokeh = ImageChops.screen(bokeh, Image.composite(Image.new("RGB", size, colour), Image.new("RGB", size, 0), disc))
    image = ImageChops.screen(image, bokeh.filter(ImageFilter.GaussianBlur(9)))
    return add_grain(image, rng, 3)


def aurora(rng):
    size = (WIDTH, HEIGHT)
    image = vertical_gradient(size, [(0, (4, 8, 22)), (0.6, (10, 30, 52)), (0.72, (24, 56, 70)), (1, (20, 40, 60))])
    stars = Image.new("L", size, 0)
    draw = ImageDraw.Draw(stars)
    for _ in range(1400):
        x, y, r = rng.uniform(0, WIDTH), rng.uniform(0, 1100), rng.choice([0.6, 0.8, 1, 1.4, 2])
        draw.ellipse((x - r, y - r, x + r, y + r), fill=rng.randint(90, 255))
    image = screen(image, (230, 236, 255), stars.filter(ImageFilter.GaussianBlur(0.5)))
    # Curtains: a wavy band, streaked along x, drawn small and stretched (soft vertically).
    cells = (512, 96)
    centre = smooth_line(rng, cells[0], [(400, 14), (140, 6), (60, 2)])
    streaks = smooth_line(rng, cells[0], [(9, 0.5), (23, 0.6), (57, 0.7), (150, 0.8)])
    green = Image.new("L", cells, 0)
    violet = Image.new("L", cells, 0)
    pixels_g, pixels_v = green.load(), violet.load()
    for x in range(cells[0]):
        base = 46 + centre[x]
        strength = max(0.0, 0.55 + 0.25 * streaks[x])
        for y in range(cells[1]):
            d = y - base
            below = math.exp(-(d / 4.5) ** 2) if d > 0 else math.exp(-(d / 20) ** 2)
            pixels_g[x, y] = min(255, round(255 * strength * below))
            above = math.exp(-((d + 26) / 12) ** 2)
            pixels_v[x, y] = min(255, round(150 * strength * above))
    image = screen(image, (60, 255, 150), green.resize(size, Image.Resampling.BICUBIC))
    image = screen(image, (170, 80, 220), violet.resize(size, Image.Resampling.BICUBIC))
    # Snowy hills catching the green light, a dark tree line between.
    trees = ridge_mask(size, 1120, rng, [(700, 30), (40, 14), (17, 9)])
    image = tint(image, (6, 14, 18), trees)
    snow = ridge_mask(size, 1210, rng, [(1500, 70), (500, 25)])
    snow_colour = vertical_gradient(size, [(0, (150, 190, 190)), (0.78, (150, 200, 190)), (1, (70, 96, 120))])
    image = Image.composite(snow_colour, image, snow)
    drift = field(size, rng, (40, 30)).point(lambda v: max(0, v - 150))
    image = screen(image, (40, 70, 60), ImageChops.multiply(drift, snow))
    return add_grain(image, rng, 3)


# MARK: the checklist screenshot

def screenshot():
    width, height = 1600, 1000
    image = Image.new("RGB", (width, height), (226, 230, 236))
    draw = ImageDraw.Draw(image)

    def font(size):
        return ImageFont.load_default(size)

    def text(xy, value, size, fill, bold=False):
        draw.text(xy, value, font=font(size), fill=fill, stroke_width=1 if bold else 0, stroke_fill=fill)

    # The window, its title bar and toolbar.
    draw.rounded_rectangle((40, 30, width - 40, height - 30), 18, fill=(255, 255, 255), outline=(196, 202, 210), width=2)
    draw.rounded_rectangle((40, 30, width - 40, 92), 18, fill=(241, 243, 246))
    draw.rectangle((42, 70, width - 42, 92), fill=(241, 243, 246))
    draw.line((42, 92, width - 42, 92), fill=(214, 218, 224), width=2)
    for i, colour in enumerate([(237, 106, 94), (245, 191, 79), (98, 197, 84)]):
        draw.ellipse((70 + i * 30, 52, 88 + i * 30, 70), fill=colour)
    title = "Launch day - GPT Image 2"
    text(((width - draw.textlength(title, font=font(24))) / 2, 47), title, 24, (60, 64, 72), bold=True)
    # Sidebar.
    draw.rectangle((42, 93, 360, height - 32), fill=(246, 247, 249))
    draw.line((360, 93, 360, height - 32), fill=(222, 226, 231), width=2)
    sections = [("Before you touch anything", 5, 5), ("First evaluation run", 5, 3), ("Decision", 4, 0),
                ("Rollout and rollback", 4, 0), ("Who does what", 5, 0)]
    y = 130
    text((70, y), "CHECKLIST", 18, (110, 116, 128), bold=True)
    y += 44
    for index, (name, total, done) in enumerate(sections):
        if index == 1:
            draw.rounded_rectangle((56, y - 10, 346, y + 62), 10, fill=(228, 237, 252))
        text((74, y), name, 21, (28, 30, 33))
        draw.rounded_rectangle((74, y + 38, 290, y + 46), 4, fill=(220, 224, 230))
        if done:
            draw.rounded_rectangle((74, y + 38, 74 + 216 * done // total, y + 46), 4, fill=(11, 87, 208) if done < total else (46, 160, 90))
        text((302, y + 28), f"{done}/{total}", 17, (110, 116, 128))
        y += 92
    # Main pane: the section being worked on.
    left = 400
    text((left, 124), "First evaluation run", 36, (28, 30, 33), bold=True)
    text((left, 176), "Owner: evaluation lead  ·  started 17:42 UTC  ·  3 of 5 done", 20, (96, 102, 112))
    chips = [("Current model", (232, 240, 254), (11, 87, 208)), ("GPT Image 2 (preview)", (254, 243, 220), (150, 96, 0)),
             ("Same settings", (230, 244, 234), (30, 120, 64))]
    x = left
    for label, bg, fg in chips:
        w = round(draw.textlength(label, font=font(18))) + 32
        draw.rounded_rectangle((x, 218, x + w, 254), 18, fill=bg)
        text((x + 16, 226), label, 18, fg)
        x += w + 12
    items = [("Add or enable the adapter for the new model", True),
             ("Run the frozen prompt pack against both models", True),
             ("Store every result with provider ID, latency and cost", True),
             ("Log content policy rejections apart from errors", False),
             ("Two reviewers score a blind sample of outputs", False)]
    y = 290
    for label, done in items:
        draw.rounded_rectangle((left, y, width - 80, y + 70), 12, fill=(250, 251, 252), outline=(226, 230, 235), width=2)
        box = (left + 24, y + 22, left + 50, y + 48)
        if done:
            draw.rounded_rectangle(box, 6, fill=(11, 87, 208))
            draw.line([(box[0] + 6, box[1] + 13), (box[0] + 11, box[1] + 19), (box[0] + 20, box[1] + 7)], fill=(255, 255, 255), width=4)
        else:
            draw.rounded_rectangle(box, 6, outline=(150, 156, 166), width=3)
        text((left + 72, y + 22), label, 22, (110, 116, 128) if done else (28, 30, 33))
        y += 84
    # Results so far: a small bar chart of scores.
    text((left, y + 16), "Blind review score, first 40 prompts", 22, (28, 30, 33), bold=True)
    bars = [("Current", 0.62, (150, 160, 176)), ("New", 0.78, (11, 87, 208))]
    by = y + 62
    for label, value, colour in bars:
        text((left, by + 4), label, 19, (96, 102, 112))
        draw.rounded_rectangle((left + 110, by, left + 110 + 620, by + 30), 8, fill=(236, 239, 243))
        draw.rounded_rectangle((left + 110, by, left + 110 + round(620 * value), by + 30), 8, fill=colour)
        text((left + 750, by + 4), f"{value * 10:.1f} / 10", 19, (60, 64, 72))
        by += 46
    draw.rounded_rectangle((width - 330, height - 110, width - 80, height - 56), 12, fill=(11, 87, 208))
    text((width - 296, height - 96), "Record decision", 22, (255, 255, 255), bold=True)
    return image


# MARK: metadata, as a phone or an image tool would leave it

XMP = (b'<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>'
       b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
       b'<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreatorTool="tools/sample_images.py"/>'
       b'</rdf:RDF></x:xmpmeta><?xpacket end="w"?>')


def exif(description, orientation=1):
    data = Image.Exif()
    data[0x010E] = description          # ImageDescription
    data[0x0131] = "tools/sample_images.py"  # Software
    data[0x0132] = "2026:11:24 09:30:00"     # DateTime
    data[0x0112] = orientation
    gps = data.get_ifd(0x8825)
    gps[1], gps[2] = "N", (59.0, 54.0, 36.0)   # GPSLatitudeRef, GPSLatitude
    gps[3], gps[4] = "E", (10.0, 45.0, 12.0)   # GPSLongitudeRef, GPSLongitude
    return data


# (file, drawing, seed, EXIF orientation). Orientation 6 (turn 90° clockwise to view) is stored with
# the pixels turned the other way, as a phone held upright stores a photo.
SAMPLES = [("countdown-sample-dusk-lake.jpg", dusk_lake, 11, 1),
           ("countdown-sample-spheres.jpg", spheres, 22, 1),
           ("countdown-sample-city-night.jpg", city_night, 33, 1),
           ("countdown-sample-aurora.jpg", aurora, 44, 6),
           # One prompt, two "models", for the compare component of the release-date article.
           ("compare-dusk-lake-current.jpg", dusk_lake, 55, 1),
           ("compare-dusk-lake-preview.jpg", lambda rng: dusk_lake(rng, COOL_SKY), 55, 1)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=pathlib.Path, default=ROOT / "content", help="folder to write into (default: content/)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for name, draw, seed, orientation in SAMPLES:
        image = draw(random.Random(seed))
        if orientation == 6:
            image = image.transpose(Image.Transpose.ROTATE_90)
        path = args.out / name
        image.save(path, "JPEG", quality=85, optimize=True, progressive=False, subsampling="4:2:0",
                   exif=exif(f"Sample output: {name}", orientation), xmp=XMP)
        print(f"{path}: {image.width} × {image.height}, {path.stat().st_size:,} bytes")
    path = args.out / "checklist-screenshot.png"
    image = screenshot()
    info = PngInfo()
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())
    image.save(path, "PNG", optimize=True, pnginfo=info, exif=exif("Checklist screenshot"))
    print(f"{path}: {image.width} × {image.height}, {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
