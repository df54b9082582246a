"""Charts for the Word report, drawn directly as PNG with Pillow (no matplotlib).

Why not matplotlib: its import and drawing cost about a second of a sample run, and it
reads "$" in text as TeX (a name "Program $5 juta" lost its signs or crashed). Here every
text is drawn literally.

Readable at printed size whatever the data (issues 10.9 and 13.6):
- the picture is drawn for its printed width (`WIDTH_MM` at `DPI`), and every text is at
  least `MIN_PT` points at that size;
- bars are named by the indicator's short name (its name without a leading "Persentase"
  and the like), wrapped to at most three lines;
- the value axis carries its unit, and every figure uses Indonesian decimal commas (fmt);
- a chart never grows past a page: the serapan chart shows the `TOP_PROGRAMS - 1` programs
  with the largest pagu and one bar "Program lainnya" for the rest (its serapan from their
  summed budget, computed by the core's `sum_budgets`); the capaian chart is split into
  pictures of at most `IKU_PER_PICTURE` indicators, at most `MAX_PICTURES` of them.

A chart is returned as `Chart` (one or more PNG pictures + printed width); the render module
turns it into docxtpl InlineImages, so context builders stay independent of the template.
PNG output has no timestamp: the same data gives the same bytes.
"""

from __future__ import annotations

import importlib.util
import io
import math
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Optional, Sequence

from ... import fmt
from ...core.budget import sum_budgets
from ...core.results import Result
from ...workbook.fieldtypes import Level, NotMeasured, TargetRange

DPI = 200
WIDTH_MM = 200
MIN_PT = 8.0
LABEL_PT = 9.0
VALUE_PT = 8.5
TOP_PROGRAMS = 15
IKU_PER_PICTURE = 10
MAX_PICTURES = 4
MAX_LABEL_LINES = 3

TARGET_COLOR = (157, 180, 216)
REAL_COLOR = (31, 78, 121)
GRID_COLOR = (215, 215, 215)
TEXT_COLOR = (0, 0, 0)

_PREFIXES = ("persentase ", "prosentase ", "jumlah ", "indeks ", "nilai ", "rasio ",
             "tingkat ", "angka ", "rata-rata ", "cakupan ")


@dataclass(frozen=True)
class Chart:
    pictures: tuple[bytes, ...]
    width_mm: float
    title: str

    @property
    def png(self) -> bytes:
        return self.pictures[0]


def px(points: float) -> int:
    """Points at printed size -> pixels of the picture."""
    return round(points / 72 * DPI)


def _font_file() -> Optional[str]:
    """DejaVu Sans: matplotlib's copy if installed (found without importing it), or the system's."""
    candidates = []
    spec = importlib.util.find_spec("matplotlib")
    if spec is not None and spec.submodule_search_locations:
        for loc in spec.submodule_search_locations:
            candidates.append(Path(loc) / "mpl-data" / "fonts" / "ttf" / "DejaVuSans.ttf")
    candidates += [Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
                   Path("/usr/share/fonts/TTF/DejaVuSans.ttf"),
                   Path("C:/Windows/Fonts/arial.ttf")]
    for c in candidates:
        if c.is_file():
            return str(c)
    return None


@lru_cache(maxsize=None)
def font(points: float):
    from PIL import ImageFont

    path = _font_file()
    size = px(max(points, MIN_PT))
    if path:
        return ImageFont.truetype(path, size)
    return ImageFont.load_default(size)


def short_name(name: str) -> str:
    """An indicator's short name: without a leading "Persentase", "Jumlah", ... (capitalised)."""
    text = " ".join(name.split())
    low = text.casefold()
    for p in _PREFIXES:
        if low.startswith(p) and len(text) > len(p) + 3:
            text = text[len(p):]
            break
    return text[:1].upper() + text[1:]


def wrap(text: str, f, width: float, max_lines: int = MAX_LABEL_LINES) -> list[str]:
    """Greedy word wrap to `width` pixels; the last line ends in "…" when text is left."""
    words = text.split()
    lines: list[str] = []
    cur = ""
    for w in words:
        trial = f"{cur} {w}".strip()
        if f.getlength(trial) <= width or not cur:
            cur = trial
        else:
            lines.append(cur)
            cur = w
    if cur:
        lines.append(cur)
    lines = [_fit(line, f, width) for line in lines] or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _fit(lines[-1] + " …", f, width, force=True)
    return lines


def _fit(line: str, f, width: float, force: bool = False) -> str:
    if f.getlength(line) <= width and not (force and not line.endswith("…")):
        return line
    while line and f.getlength(line.rstrip(" …") + "…") > width:
        line = line[:-1]
    return line.rstrip(" …") + "…"


def _nice_max(value: float) -> tuple[float, float]:
    """An axis end at or above `value` and its tick step (1, 2 or 5 times a power of ten)."""
    value = max(value, 1e-9)
    raw = value / 5
    mag = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        step = m * mag
        if step >= raw:
            break
    return math.ceil(value / step - 1e-9) * step, step


def _tick_text(v: float, step: float) -> str:
    places = 0 if step >= 1 else min(4, -math.floor(math.log10(step)) + 1)
    return fmt.angka(Decimal(repr(v)), places)


@dataclass
class Series:
    label: str
    color: tuple[int, int, int]
    values: list[Optional[float]]
    texts: list[str]


def hbar_png(categories: Sequence[str], series: Sequence[Series], axis_label: str,
             axis_min_max: float = 0.0) -> bytes:
    """Horizontal (grouped) bars, one group per category, labels left, values at bar ends."""
    from PIL import Image, ImageDraw

    width = round(WIDTH_MM / 25.4 * DPI)
    f_label, f_value, f_axis = font(LABEL_PT), font(VALUE_PT), font(LABEL_PT)
    line_h = round(px(LABEL_PT) * 1.25)
    pad = px(6)
    label_w = int(width * 0.36)
    value_room = max(f_value.getlength(t) for s in series for t in s.texts + ["0"]) + pad
    x0, x1 = label_w + pad, width - value_room - pad
    bar_h = px(9)
    wrapped = [wrap(c, f_label, label_w - pad) for c in categories]
    group_h = [max(len(w) * line_h, len(series) * bar_h) + px(7) for w in wrapped]
    legend_h = line_h + pad if len(series) > 1 else 0
    axis_h = line_h * 2 + pad * 2
    height = pad + legend_h + sum(group_h) + axis_h
    finite = [v for s in series for v in s.values if v is not None]
    top, step = _nice_max(max(finite + [axis_min_max, 1e-9]))

    img = Image.new("RGB", (width, height), "white")
    d = ImageDraw.Draw(img)
    y = pad
    if legend_h:
        x = x0
        for s in series:
            d.rectangle([x, y + line_h * 0.15, x + bar_h, y + line_h * 0.15 + bar_h], fill=s.color)
            d.text((x + bar_h + pad // 2, y), s.label, font=f_label, fill=TEXT_COLOR)
            x += bar_h + pad + f_label.getlength(s.label) + pad * 3
        y += legend_h
    plot_top, plot_bottom = y, y + sum(group_h)

    def xpos(v: float) -> float:
        return x0 + (x1 - x0) * (v / top if top else 0)

    t = 0.0
    while t <= top + step / 1000:
        xx = xpos(t)
        d.line([xx, plot_top, xx, plot_bottom], fill=GRID_COLOR, width=1)
        text = _tick_text(t, step)
        d.text((xx - f_axis.getlength(text) / 2, plot_bottom + pad // 2), text, font=f_axis,
               fill=TEXT_COLOR)
        t += step
    d.line([x0, plot_top, x0, plot_bottom], fill=TEXT_COLOR, width=2)
    d.line([x0, plot_bottom, x1, plot_bottom], fill=TEXT_COLOR, width=2)
    d.text(((x0 + x1) / 2 - f_axis.getlength(axis_label) / 2, plot_bottom + line_h + pad),
           axis_label, font=f_axis, fill=TEXT_COLOR)

    for i, lines in enumerate(wrapped):
        gh = group_h[i]
        ty = y + (gh - len(lines) * line_h) / 2
        for line in lines:
            d.text((label_w - f_label.getlength(line), ty), line, font=f_label, fill=TEXT_COLOR)
            ty += line_h
        by = y + (gh - len(series) * bar_h) / 2
        for s in series:
            v = s.values[i]
            if v is not None and v > 0:
                d.rectangle([x0, by + 1, xpos(min(v, top)), by + bar_h - 2], fill=s.color)
            end = xpos(min(v or 0, top))
            d.text((end + pad // 2, by + (bar_h - px(VALUE_PT)) / 2 - 2), s.texts[i],
                   font=f_value, fill=TEXT_COLOR)
            by += bar_h
        y += gh

    buf = io.BytesIO()
    img.save(buf, format="PNG", compress_level=1)
    return buf.getvalue()


def _num(value) -> Optional[float]:
    if value is None or isinstance(value, (Level, NotMeasured)):
        return None     # a qualitative level or not measured: no bar, the text says it
    if isinstance(value, TargetRange):
        return float(value.low)
    return float(value)


def _unit(satuan: str) -> str:
    return "%" if satuan.strip() in ("%", "persen", "Persen", "(%)") else satuan.strip()


def _value_text(value, satuan: str) -> str:
    if value is None:
        return fmt.DASH
    text = (fmt.target(value, satuan, tanda=False) if isinstance(value, TargetRange)
            else fmt.nilai(value, satuan))
    if isinstance(value, (Level, NotMeasured)):
        return text
    unit = _unit(satuan)
    return f"{text}%" if unit == "%" else f"{text} {unit}".strip()


def capaian_chart(result: Result) -> Chart:
    """Target against realisation per indicator (Gambar 3.1), by short name."""
    inds = list(result.indikator)
    units = {_unit(i.satuan) for i in inds}
    same = len(units) == 1
    unit = next(iter(units)) if same else ""
    axis = (f"Nilai indikator ({unit})" if same and unit
            else "Nilai indikator (dalam satuan masing-masing indikator)")
    shown = inds[:IKU_PER_PICTURE * MAX_PICTURES]
    pictures = []
    for start in range(0, max(1, len(shown)), IKU_PER_PICTURE):
        part = shown[start:start + IKU_PER_PICTURE]
        names = []
        for i in part:
            name = short_name(i.nama)
            if not same:
                name = f"{name} ({_unit(i.satuan)})"
            names.append(name)
        if start + IKU_PER_PICTURE >= len(shown) and len(inds) > len(shown):
            names[-1] += f" (dan {len(inds) - len(shown)} IKU lain, lihat tabel)"
        series = [
            Series("Target", TARGET_COLOR, [_num(i.target) for i in part],
                   [_value_text(i.target, i.satuan) for i in part]),
            Series("Realisasi", REAL_COLOR, [_num(i.realisasi) for i in part],
                   [_value_text(i.realisasi, i.satuan) for i in part]),
        ]
        pictures.append(hbar_png(names, series, axis))
    return Chart(pictures=tuple(pictures), width_mm=WIDTH_MM, title="Target dan realisasi IKU")


def serapan_rows(result: Result) -> list[tuple[str, object]]:
    """(name, Budget) per bar: every program, or the largest by pagu plus "Program lainnya"."""
    programs = [n for n in result.anggaran.walk() if n.level == "program"]
    rows = [(p.nama, p.budget) for p in programs]
    if len(rows) > TOP_PROGRAMS:
        keep = TOP_PROGRAMS - 1
        order = sorted(range(len(rows)), key=lambda i: (-rows[i][1].pagu, i))
        top = sorted(order[:keep])
        rest = [rows[i][1] for i in order[keep:]]
        rows = [rows[i] for i in top] + [
            (f"Program lainnya ({fmt.angka(len(rest))} program)", sum_budgets(rest))]
    return rows


def serapan_chart(result: Result) -> Chart:
    """Budget absorption (%) per program (Gambar 3.2): the largest programs plus "lainnya"."""
    rows = serapan_rows(result)
    values = [float(b.serapan) if b.serapan is not None else None for _, b in rows]
    texts = [fmt.pct(b.serapan) for _, b in rows]
    series = [Series("Serapan", REAL_COLOR, values, texts)]
    png = hbar_png([n for n, _ in rows], series, "Serapan anggaran (%)", axis_min_max=100.0)
    return Chart(pictures=(png,), width_mm=WIDTH_MM, title="Serapan anggaran per program")
