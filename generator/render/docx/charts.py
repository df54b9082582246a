"""Charts for the Word report: matplotlib (Agg), fixed size and dpi, no timestamps.

A chart is returned as `Chart` (PNG bytes + width); the render module turns it into a
docxtpl InlineImage, so context builders stay independent of the template object.
"""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from ...core.results import Result  # noqa: E402
from ...workbook.fieldtypes import TargetRange  # noqa: E402

DPI = 150
STYLE = {"font.family": "DejaVu Sans", "font.size": 8, "svg.hashsalt": "lkjip",
         "axes.spines.top": False, "axes.spines.right": False}


@dataclass(frozen=True)
class Chart:
    png: bytes
    width_mm: float
    title: str


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI, metadata={"Software": None})
    plt.close(fig)
    return buf.getvalue()


def _num(value) -> float:
    if value is None:
        return 0.0
    if isinstance(value, TargetRange):
        return float(value.low)
    return float(value)


def capaian_chart(result: Result) -> Chart:
    """Target against realisation per indicator (Gambar 3.1)."""
    codes = [i.kode for i in result.indikator]
    target = [_num(i.target) for i in result.indikator]
    real = [_num(i.realisasi) for i in result.indikator]
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(9.0, 3.4))
        x = range(len(codes))
        w = 0.38
        b1 = ax.bar([p - w / 2 for p in x], target, w, label="Target", color="#9DB4D8")
        b2 = ax.bar([p + w / 2 for p in x], real, w, label="Realisasi", color="#1F4E79")
        for bars in (b1, b2):
            for bar in bars:
                h = bar.get_height()
                ax.annotate(f"{h:.2f}".replace(".", ","), (bar.get_x() + bar.get_width() / 2, h),
                            ha="center", va="bottom", fontsize=6, xytext=(0, 1),
                            textcoords="offset points")
        ax.set_xticks(list(x))
        ax.set_xticklabels([f"IKU {c}" for c in codes])
        ax.set_ylabel("Nilai indikator")
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, 1.14), ncol=2, fontsize=7,
                  frameon=False)
        ax.set_ylim(0, max(target + real + [1]) * 1.15)
        fig.tight_layout()
        png = _png(fig)
    return Chart(png=png, width_mm=200, title="Target dan realisasi IKU")


def serapan_chart(result: Result) -> Chart:
    """Budget absorption (%) per program (Gambar 3.2)."""
    programs = [n for n in result.anggaran.walk() if n.level == "program"]
    names = ["\n".join(textwrap.wrap(p.nama, 45)) for p in programs]
    values = [float(p.budget.serapan) if p.budget.serapan is not None else 0.0 for p in programs]
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(9.0, 0.55 * len(programs) + 1.0))
        y = range(len(programs))
        ax.barh(list(y), values, color="#1F4E79", height=0.6)
        for p, v in zip(y, values):
            ax.annotate(f"{v:.2f}%".replace(".", ","), (v, p), va="center", fontsize=7,
                        xytext=(3, 0), textcoords="offset points")
        ax.set_yticks(list(y))
        ax.set_yticklabels(names, fontsize=7)
        ax.invert_yaxis()
        ax.set_xlim(0, 110)
        ax.set_xlabel("Serapan anggaran (%)")
        fig.tight_layout()
        png = _png(fig)
    return Chart(png=png, width_mm=200, title="Serapan anggaran per program")
