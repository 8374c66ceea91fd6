"""Writes the image fixtures of ImageTests (run with Pillow installed: python3 make_fixtures.py).

rotated-gps.jpg  120×60 pixels stored, EXIF orientation 6 (shown 60×120), a GPS position and a camera make
wide.jpg         1000×500, a smooth gradient (several published widths)
alpha.png        64×64 with transparency (a PNG fallback)
animated.gif     two frames of 40×30 (published as it is)
bomb.png         a valid header declaring 50,000 × 50,000 pixels, almost no data
tall.png         600×17,000 grey, a long screenshot (WebP holds at most 16,383 pixels a side)
sliver.png       1×20,000 grey, too tall to publish at any width
"""
import struct
import zlib

from PIL import Image

# Left half red, right half blue: after rotation the red half is on top.
image = Image.new("RGB", (120, 60), (220, 30, 30))
image.paste((30, 30, 220), (60, 0, 120, 60))
exif = Image.Exif()
exif[0x0112] = 6  # Orientation: rotate 90° clockwise to display
exif[0x010F] = "LiftoffTestCamera"  # Make
exif[0x8825] = {1: "N", 2: (48.0, 51.0, 30.0), 3: "E", 4: (2.0, 17.0, 40.0)}  # GPS position
image.save("rotated-gps.jpg", quality=90, exif=exif)

wide = Image.linear_gradient("L").resize((1000, 500)).convert("RGB")
wide.save("wide.jpg", quality=80)

alpha = Image.new("RGBA", (64, 64), (0, 0, 0, 0))
alpha.paste((40, 160, 90, 255), (16, 16, 48, 48))
alpha.save("alpha.png")

frames = [Image.new("RGB", (40, 30), color) for color in ((200, 0, 0), (0, 0, 200))]
frames[0].save("animated.gif", save_all=True, append_images=frames[1:], duration=200, loop=0)


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


header = struct.pack(">IIBBBBB", 50_000, 50_000, 8, 0, 0, 0, 0)  # 8-bit greyscale
with open("bomb.png", "wb") as bomb:
    bomb.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 50_001)) + chunk(b"IEND", b""))


def grey(name: str, width: int, height: int) -> None:
    """A valid 8-bit greyscale PNG of one mid-grey, written without Pillow's size limits."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    rows = (b"\0" + b"\x80" * width) * height
    with open(name, "wb") as file:
        file.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


grey("tall.png", 600, 17_000)
grey("sliver.png", 1, 20_000)
