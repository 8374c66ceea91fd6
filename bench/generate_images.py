#!/usr/bin/env python3
"""Synthetic images for `make bench`: the same articles and images as a Liftoff site and a Hugo site.

    python3 bench/generate_images.py N OUTDIR [--per-article 10] [--size 3000x2000] [--seed S]
                                              [--theme DIR] [--no-hugo] [--text-twin] [--jobs J]

writes
    OUTDIR/images/        the N source images, half photograph-like JPEGs (q90, about 1-2 MB at
                          3000x2000: smooth sky and ground, hills, soft shapes, texture, sensor
                          noise) and half flat screenshot-like PNGs (a UI of bars, cards, charts
                          and lines of text); even numbers are photos, odd numbers screenshots
    OUTDIR/liftoff/       site.yml (with `images:`), theme/, content/<slug>/index.md + its images
    OUTDIR/hugo/          the text benchmark's Hugo site as page bundles, content/articles/<slug>/,
                          plus an image render hook that publishes what Liftoff publishes
    OUTDIR/liftoff-text/  (--text-twin) the same Liftoff articles without their images
    OUTDIR/edit-target, edit-target-hugo, edit-target-text
                          the article (relative to OUTDIR) that the edited rebuilds change

The articles are those of bench/generate.py (about 8.8 KB of Markdown each); each article shows
--per-article images, placed between its blocks before the FAQ. The images are written once and
hard-linked into both sites. Everything depends only on N, the options and the seed (pixels come
from NumPy's seeded generator and Pillow's encoders, pinned in bench/requirements.txt).

For every image both sites publish WebP and a fallback in the source's family (JPEG q80 for JPEG,
PNG for PNG) at each of the widths 480, 800, 1200, 1600 below the source's width (plus the source's
own width when it is not wider than 1600): 8 files for a 3000x2000 source. Hugo does it through
`.Resize "480x webp q80"`, `"480x jpg q80"` / `"480x png"`, … in a render-image hook, with its
default resampling filter; Liftoff through its image pipeline (libvips).
"""

import argparse
import math
import os
import random
import shutil
import sys
from multiprocessing import Pool

import numpy as np
from PIL import Image, ImageDraw, ImageFont

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate  # noqa: E402  (the text benchmark's articles, site.yml, Hugo config and layouts)

WIDTHS = [480, 800, 1200, 1600]
QUALITY = 80
SIZES = "(max-width: 47rem) calc(100vw - 2.5rem), 44rem"

SITE_IMAGES = f"""images:
  widths: [{', '.join(map(str, WIDTHS))}]
  quality: {QUALITY}
"""

HUGO_IMAGES = f"""
[params.images]
widths = [{', '.join(map(str, WIDTHS))}]
quality = {QUALITY}
sizes = "{SIZES}"
"""

# Liftoff's rules in Hugo: the widths below the source's (and the source's own up to the largest),
# WebP plus a JPEG or PNG fallback at each, `src` the fallback at the first width of 800 or more,
# width and height of the largest, the first image of a page eager, the others lazy.
RENDER_IMAGE = """{{- $img := .Page.Resources.Get .Destination -}}
{{- if not $img }}{{ errorf "image %q not found next to %s" .Destination .Page.File.Path }}{{ end -}}
{{- $cfg := site.Params.images -}}
{{- $largest := index (last 1 $cfg.widths) 0 -}}
{{- $widths := slice -}}
{{- range $cfg.widths }}{{ if lt . $img.Width }}{{ $widths = $widths | append . }}{{ end }}{{ end -}}
{{- if or (le $img.Width $largest) (eq (len $widths) 0) }}{{ $widths = $widths | append (cond (lt $img.Width $largest) $img.Width $largest) }}{{ end -}}
{{- $png := eq $img.MediaType.SubType "png" -}}
{{- $webp := slice }}{{ $fallback := slice }}{{ $src := "" }}{{ $last := $img -}}
{{- range $widths -}}
  {{- $w := $img.Resize (printf "%dx webp q%d" . $cfg.quality) -}}
  {{- $webp = $webp | append (printf "%s %dw" $w.RelPermalink .) -}}
  {{- $f := $img.Resize (cond $png (printf "%dx png" .) (printf "%dx jpg q%d" . $cfg.quality)) -}}
  {{- $fallback = $fallback | append (printf "%s %dw" $f.RelPermalink .) -}}
  {{- if and (eq $src "") (ge . 800) }}{{ $src = $f.RelPermalink }}{{ end -}}
  {{- $last = $f -}}
{{- end -}}
{{- if eq $src "" }}{{ $src = $last.RelPermalink }}{{ end -}}
{{- $eager := eq .Ordinal 0 -}}
<picture><source type="image/webp" srcset="{{ delimit $webp ", " }}" sizes="{{ $cfg.sizes }}" /><img src="{{ $src }}" srcset="{{ delimit $fallback ", " }}" sizes="{{ $cfg.sizes }}" width="{{ $last.Width }}" height="{{ $last.Height }}" alt="{{ .PlainText }}"{{ with .Title }} title="{{ . }}"{{ end }}{{ if $eager }} fetchpriority="high"{{ else }} loading="lazy"{{ end }} decoding="async" /></picture>
{{- /* no trailing newline */ -}}
"""


# --- Images -----------------------------------------------------------------------------------

def muted(rng, lo=40, hi=220):
    """A colour pulled towards grey, as most of a photograph is."""
    c = rng.integers(lo, hi, 3).astype(np.float32)
    return c * 0.6 + c.mean() * 0.4


def photo(seed, index, width, height):
    rng = np.random.default_rng([seed, index])
    # The scene is painted at a quarter of the size and scaled up, so that its edges come out soft.
    q = 4
    w4, h4 = max(1, width // q), max(1, height // q)
    horizon = int(h4 * rng.uniform(0.3, 0.6))
    # Sky: a vertical gradient down to the horizon; ground: a smooth field of muted colours.
    top, low = muted(rng, 60, 255), muted(rng, 150, 255)
    t = np.linspace(0, 1, h4, dtype=np.float32)[:, None, None]
    sky = np.broadcast_to(top * (1 - t) + low * t, (h4, w4, 3))
    field = np.stack([muted(rng) for _ in range(5 * 7)]).reshape(5, 7, 3).astype(np.uint8)
    ground = np.asarray(Image.fromarray(field).resize((w4, h4), Image.BICUBIC), dtype=np.float32)
    rows = np.arange(h4)[:, None, None]
    scene = Image.fromarray(np.where(rows < horizon, sky, ground).astype(np.uint8))
    # Hills on the horizon, objects on the ground.
    draw = ImageDraw.Draw(scene)
    for _ in range(int(rng.integers(2, 4))):
        xs = np.linspace(0, w4, 12)
        ys = horizon - rng.integers(0, h4 // 4 + 1, 12)
        draw.polygon([(0, horizon + 2)] + list(zip(xs.tolist(), ys.tolist())) + [(w4, horizon + 2)],
                     fill=tuple(int(v) for v in muted(rng, 20, 160)))
    for _ in range(int(rng.integers(6, 16))):
        x, y = int(rng.integers(0, w4)), int(rng.integers(horizon, h4))
        w, h = int(rng.integers(4, w4 // 10 + 5)), int(rng.integers(4, h4 // 6 + 5))
        fill = tuple(int(v) for v in muted(rng))
        if rng.random() < 0.5:
            draw.ellipse((x - w, y - h, x + w, y + h), fill=fill)
        else:
            draw.rectangle((x - w, y - h, x + w, y), fill=fill)
    scene = scene.resize((width, height), Image.BICUBIC)

    # Texture at two scales (weaker in the sky) and sensor noise on every pixel, the same in each channel.
    def texture(scale, amount):
        n = rng.standard_normal((max(1, height // scale), max(1, width // scale)), dtype=np.float32) * 40 + 128
        img = Image.fromarray(n.clip(0, 255).astype(np.uint8)).resize((width, height), Image.BILINEAR)
        return (np.asarray(img, dtype=np.float32) - 128) * (amount / 40)

    detail = texture(8, rng.uniform(6, 14)) + texture(2, rng.uniform(3, 9))
    detail[: horizon * q] *= 0.25
    detail += rng.standard_normal((height, width), dtype=np.float32) * rng.uniform(1.5, 8)
    pixels = np.asarray(scene, dtype=np.int16) + detail.round().astype(np.int16)[..., None]
    return Image.fromarray(pixels.clip(0, 255).astype(np.uint8))


def screenshot(seed, index, width, height):
    rng = random.Random(seed * 1_000_003 + index)
    dark = rng.random() < 0.3
    bg = (30, 32, 38) if dark else (246, 247, 249)
    panel = (44, 47, 56) if dark else (255, 255, 255)
    ink = (200, 204, 212) if dark else (60, 64, 72)
    faint = (110, 115, 125) if dark else (170, 174, 182)
    line = (70, 74, 84) if dark else (222, 225, 230)
    accent = rng.choice([(37, 99, 235), (22, 163, 74), (234, 88, 12), (147, 51, 234), (219, 39, 119)])
    img = Image.new("RGB", (width, height), bg)
    draw = ImageDraw.Draw(img)
    s = width / 1500  # the UI is laid out for a window 1500 px wide, then scaled

    def px(v):
        return max(1, int(v * s))

    def words(x, y, right, size, colour):
        """A line of text (a sentence of the articles' vocabulary) that ends somewhere before `right`."""
        text = generate.sentence(rng)
        fits = int((right - x) / (px(size) * 0.47) * rng.uniform(0.5, 1.0))
        if len(text) > fits:
            text = text[:fits].rsplit(" ", 1)[0]
        draw.text((x, y), text, font=font(px(size)), fill=colour)

    # Top bar with navigation, sidebar with a menu.
    top = px(56)
    draw.rectangle((0, 0, width, top), fill=accent if rng.random() < 0.5 else panel)
    for i in range(rng.randint(3, 6)):
        x = px(200 + i * 110)
        words(x, px(20), x + px(100), 13, faint)
    side = px(rng.randint(200, 280))
    draw.rectangle((0, top, side, height), fill=panel)
    draw.line((side, top, side, height), fill=line, width=px(1))
    y = top + px(24)
    while y < height - px(40):
        words(px(24), y, side - px(24), 13, ink if rng.random() < 0.15 else faint)
        y += px(rng.choice([30, 30, 30, 54]))
    # Columns of cards: a title, lines of text, sometimes a bar chart and a button.
    cols = rng.randint(1, 3)
    gap = px(32)
    x0 = side + gap
    cw = (width - x0 - gap * cols) // cols
    for c in range(cols):
        x, y = x0 + c * (cw + gap), top + gap
        while y < height - px(160):
            ch = min(px(rng.randint(160, 420)), height - px(30) - y)
            draw.rounded_rectangle((x, y, x + cw, y + ch), radius=px(10), fill=panel, outline=line, width=px(1))
            words(x + px(20), y + px(16), x + cw - px(20), 18, ink)
            ly = y + px(56)
            if rng.random() < 0.3 and ch > px(260):
                bars, base = rng.randint(6, 14), y + px(200)
                bw = (cw - px(40)) // bars
                for b in range(bars):
                    bx = x + px(20) + b * bw
                    draw.rectangle((bx + px(4), base - px(rng.randint(20, 130)), bx + bw - px(4), base), fill=accent)
                ly = base + px(20)
            while ly < y + ch - px(30):
                words(x + px(20), ly, x + cw - px(20), 12, faint)
                ly += px(20)
            if rng.random() < 0.4:
                draw.rounded_rectangle((x + cw - px(140), y + ch - px(52), x + cw - px(20), y + ch - px(18)),
                                       radius=px(6), fill=accent)
            y += ch + px(28)
    return img


_fonts = {}


def font(size):
    """Pillow's own font (the same in every installation of the pinned version), at `size` pixels."""
    if size not in _fonts:
        _fonts[size] = ImageFont.load_default(size=size)
    return _fonts[size]


def image_name(index):
    return f"photo-{index + 1:04d}.jpg" if index % 2 == 0 else f"screen-{index + 1:04d}.png"


def make_image(job):
    """One source image (a process of the pool); returns its name and size in bytes."""
    seed, index, width, height, folder = job
    name = image_name(index)
    path = os.path.join(folder, name)
    if index % 2 == 0:
        photo(seed, index, width, height).save(path, "JPEG", quality=90)
    else:
        screenshot(seed, index, width, height).save(path, "PNG")
    return name, os.path.getsize(path)


# --- Sites ------------------------------------------------------------------------------------

def with_images(text, names, rng):
    """The article's blocks with one image paragraph per name, spread over the part before the FAQ."""
    blocks = text.rstrip("\n").split("\n\n")
    end = blocks.index("## FAQ") if "## FAQ" in blocks else len(blocks)
    # Places after block i (1 <= i < end), spread evenly; several images may share a place.
    places = sorted(1 + (k * (end - 1)) // max(1, len(names)) for k in range(len(names)))
    out, k = [], 0
    for i, block in enumerate(blocks):
        out.append(block)
        while k < len(names) and places[k] == i + 1:
            kind = "Photo" if names[k].startswith("photo") else "Screenshot"
            out.append(f"![{kind} {k + 1}: {generate.sentence(rng).rstrip('.')}]({names[k]})")
            k += 1
    out += [f"![Image {j + 1}]({n})" for j, n in enumerate(names[k:], k)]
    return "\n\n".join(out) + "\n"


def bundle_links(text, slugs):
    """Liftoff reads links relative to the article's folder: `other.md` becomes `../other/index.md`."""
    for slug in slugs:
        text = text.replace(f"]({slug}.md)", f"](../{slug}/index.md)")
    return text


def link_images(names, source, target):
    os.makedirs(target, exist_ok=True)
    for name in names:
        os.link(os.path.join(source, name), os.path.join(target, name))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", type=int, help="number of images")
    parser.add_argument("outdir", help="folder to create (replaced if it exists)")
    parser.add_argument("--per-article", type=int, default=10, help="images each article shows (default 10)")
    parser.add_argument("--size", default="3000x2000", help="source size, WIDTHxHEIGHT (default 3000x2000)")
    parser.add_argument("--seed", type=int, default=20261201)
    parser.add_argument("--theme", default=os.path.join(here, "..", "theme"),
                        help="Liftoff theme to copy (default: the repository's theme/)")
    parser.add_argument("--no-hugo", action="store_true", help="make only the Liftoff site(s)")
    parser.add_argument("--text-twin", action="store_true",
                        help="also make liftoff-text/: the same articles without images")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes making images")
    args = parser.parse_args()
    if args.n < 1 or args.per_article < 1:
        parser.error("N and --per-article must be at least 1")
    try:
        width, height = (int(v) for v in args.size.lower().split("x"))
    except ValueError:
        parser.error(f"--size must look like 3000x2000, not '{args.size}'")
    theme = generate.theme_folder(parser, args.theme)
    out = generate.fresh_folder(args.outdir)
    images = os.path.join(out, "images")
    os.makedirs(images)

    # The images, in parallel; each one's pixels depend only on the seed and its number.
    jobs = [(args.seed, i, width, height, images) for i in range(args.n)]
    with Pool(max(1, args.jobs)) as pool:
        sizes = dict(pool.imap_unordered(make_image, jobs, chunksize=1))
    names = [image_name(i) for i in range(args.n)]

    # The articles: those of the text benchmark, each showing its share of the images.
    count = math.ceil(args.n / args.per_article)
    rng = random.Random(args.seed)
    articles = generate.make_articles(count, rng)
    slugs = [a["slug"] for a in articles]
    liftoff, hugo, twin = (os.path.join(out, d) for d in ("liftoff", "hugo", "liftoff-text"))

    generate.write(os.path.join(liftoff, "site.yml"), generate.SITE_YML + SITE_IMAGES)
    shutil.copytree(theme, os.path.join(liftoff, "theme"))
    if args.text_twin:
        generate.write(os.path.join(twin, "site.yml"), generate.SITE_YML + SITE_IMAGES)
        shutil.copytree(theme, os.path.join(twin, "theme"))
    if not args.no_hugo:
        generate.write(os.path.join(hugo, "config.toml"), generate.HUGO_CONFIG + HUGO_IMAGES)
        generate.write(os.path.join(hugo, "content", "articles", "_index.md"), '---\ntitle: "All articles"\n---\n')
        generate.write(os.path.join(hugo, "content", "tags", "_index.md"), '---\ntitle: "Tags"\n---\n')
        for name, text in generate.LAYOUTS.items():
            generate.write(os.path.join(hugo, "layouts", name), text)
        generate.write(os.path.join(hugo, "layouts", "_default", "_markup", "render-image.html"), RENDER_IMAGE)
        os.makedirs(os.path.join(hugo, "assets"), exist_ok=True)
        for name in generate.CSS_JS:
            shutil.copy(os.path.join(theme, "assets", name), os.path.join(hugo, "assets", name))

    for k, a in enumerate(articles):
        own = names[k * args.per_article:(k + 1) * args.per_article]
        text = generate.body(a, rng)
        shown = with_images(text, own, rng)
        folder = os.path.join(liftoff, "content", a["slug"])
        generate.write(os.path.join(folder, "index.md"), generate.liftoff_front_matter(a) + bundle_links(shown, slugs))
        link_images(own, images, folder)
        if args.text_twin:
            generate.write(os.path.join(twin, "content", a["slug"], "index.md"),
                           generate.liftoff_front_matter(a) + bundle_links(text, slugs))
        if not args.no_hugo:
            folder = os.path.join(hugo, "content", "articles", a["slug"])
            # Like Liftoff, Hugo publishes the resized images only, not the originals.
            front = generate.hugo_front_matter(a).replace("\n---\n\n", "\nbuild:\n  publishResources: false\n---\n\n")
            generate.write(os.path.join(folder, "index.md"), front + shown)
            link_images(own, images, folder)

    middle = slugs[len(slugs) // 2]
    generate.write(os.path.join(out, "edit-target"), os.path.join("liftoff", "content", middle, "index.md") + "\n")
    generate.write(os.path.join(out, "edit-target-text"), os.path.join("liftoff-text", "content", middle, "index.md") + "\n")
    generate.write(os.path.join(out, "edit-target-hugo"), os.path.join("hugo", "content", "articles", middle, "index.md") + "\n")

    jpegs = [sizes[n] for n in names if n.endswith(".jpg")]
    pngs = [sizes[n] for n in names if n.endswith(".png")]

    def summary(kind, values):
        if not values:
            return f"0 {kind}"
        return f"{len(values)} {kind}, {min(values) / 1e6:.2f}–{max(values) / 1e6:.2f} MB (mean {sum(values) / len(values) / 1e6:.2f} MB)"

    print(f"{args.n} images of {width}x{height}: {summary('JPEGs', jpegs)}; {summary('PNGs', pngs)}. "
          f"{count} articles of up to {args.per_article} images, in {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
