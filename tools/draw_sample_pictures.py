"""Draw the sample's pictures (inputs/*.png): a logo, an organisation chart and simple
documentation "photos". Drawn, not photographed, so the sample carries no one's picture;
small flat-colour PNGs. Deterministic: the same bytes every run.

    python tools/draw_sample_pictures.py
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "inputs"
SAMPLE = OUT / "sample"


def _font(size):
    for name in ("DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"):
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default()


def _save(img, name):
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=True)
    (OUT / name).write_bytes(buf.getvalue())


def logo():
    img = Image.new("RGB", (400, 460), "white")
    d = ImageDraw.Draw(img)
    d.polygon([(200, 10), (390, 90), (360, 330), (200, 450), (40, 330), (10, 90)],
              fill="#1F4E79", outline="#C9A227")
    d.polygon([(200, 40), (360, 108), (334, 316), (200, 418), (66, 316), (40, 108)],
              fill="#2E75B6")
    d.ellipse((140, 110, 260, 230), fill="#C9A227")
    d.rectangle((120, 250, 280, 330), fill="#70AD47")
    d.text((200, 375), "KOTIM", font=_font(40), fill="white", anchor="mm")
    _save(img, "logo.png")


def bagan(source=SAMPLE, name="bagan_organisasi.png"):
    """The organisation chart of the units in `source`/unit_organisasi.csv."""
    with open(source / "unit_organisasi.csv", encoding="utf-8") as f:
        units = [r["Unit"] for r in csv.DictReader(f)]
    img = Image.new("RGB", (1600, 900), "white")
    d = ImageDraw.Draw(img)
    font = _font(22)

    def box(x, y, w, h, text):
        d.rectangle((x, y, x + w, y + h), outline="#1F4E79", width=3, fill="#DEEAF6")
        words, lines, line = text.split(), [], ""
        for word in words:
            if d.textlength(f"{line} {word}".strip(), font=font) > w - 20:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        lines.append(line)
        for i, ln in enumerate(lines):
            d.text((x + w / 2, y + h / 2 + (i - (len(lines) - 1) / 2) * 26), ln, font=font,
                   fill="black", anchor="mm")

    head, rest = units[0], units[1:]
    box(600, 30, 400, 90, head)
    sekretariat = [u for u in rest if u.lower().startswith(("sekretariat", "sub bagian"))]
    bidang = [u for u in rest if u not in sekretariat]
    d.line((800, 120, 800, 600), fill="#1F4E79", width=3)   # down to the bar of the bidang
    for i, u in enumerate(sekretariat):
        y = 170 + i * 110
        d.line((800, y + 40, 1050, y + 40), fill="#1F4E79", width=3)
        box(1050, y, 420, 80, u)
    n = max(len(bidang), 1)
    w = min((1500 - (n - 1) * 30) / n, 735)                # one bidang: not the full width
    left = 800 - (n * w + (n - 1) * 30) / 2                  # the row centred under the head
    d.line((left + w / 2, 600, left + (n - 1) * (w + 30) + w / 2, 600), fill="#1F4E79", width=3)
    for i, u in enumerate(bidang):
        x = left + i * (w + 30)
        d.line((x + w / 2, 600, x + w / 2, 640), fill="#1F4E79", width=3)
        box(x, 640, w, 130, u)
    _save(img, name)


def photos():
    with open(SAMPLE / "dokumentasi.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    palette = ["#8FAADC", "#A9D18E", "#F4B183", "#FFD966", "#9DC3E6", "#C5E0B4", "#F8CBAD",
               "#BDD7EE"]
    for n, r in enumerate(rows, start=1):
        sky = palette[(n - 1) % len(palette)]
        img = Image.new("RGB", (640, 420), sky)
        d = ImageDraw.Draw(img)
        d.rectangle((0, 290, 640, 420), fill="#7F7F7F")
        d.rectangle((60 + n * 10, 130, 330 + n * 10, 290), fill="#F2F2F2", outline="#404040")
        d.polygon([(40 + n * 10, 130), (195 + n * 10, 50), (350 + n * 10, 130)], fill="#C00000")
        for k in range(3 + n % 3):
            x = 380 + k * 55
            d.ellipse((x, 200, x + 30, 230), fill="#FFE699")
            d.rectangle((x - 2, 230, x + 32, 300), fill=palette[(n + k) % len(palette)])
        d.text((20, 390), f"Dokumentasi {n}", font=_font(20), fill="white")
        _save(img, f"foto_{n}.png")


if __name__ == "__main__":
    logo()
    bagan()
    bagan(OUT / "kecamatan", "bagan_kecamatan.png")     # the kecamatan sample's own chart
    bagan(OUT / "dinkes", "bagan_dinkes.png")           # and the Dinas Kesehatan sample's
    photos()
    print("gambar contoh ditulis di", OUT)
