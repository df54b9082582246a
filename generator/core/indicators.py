"""Indicator rules: realisasi, capaian (both polarities, ranges, zero targets, qualitative
scales), kategori, the capaian cap and means.

The rules of shared/DOMAIN.md ("The arithmetic" and "Beyond the sample"), each a small
pure function.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterable, Optional

from .. import fmt
from ..numbers import round_half_up
from ..workbook import models as m
from ..workbook.fieldtypes import Level, NotMeasured, TargetRange
from .results import RealisasiValue, Score, TargetValue

HUNDRED = Decimal(100)
ZERO = Decimal(0)

ALASAN_TIDAK_DIUKUR = "realisasi tidak dapat diukur"


def pengali(ind: m.Indikator) -> Decimal:
    """The multiplier of the indicator's ratio: the workbook's Pengali, 100 by default."""
    return HUNDRED if ind.pengali is None else ind.pengali


def realisasi_indikator(k: m.KinerjaIndikator, kali: Decimal = HUNDRED) -> RealisasiValue:
    """Numerator / denominator x multiplier (100 by default: a percentage; e.g. 100.000 for
    a rate per 100.000), or the value given directly (a number, a level of a qualitative
    scale, or NotMeasured)."""
    if k.realisasi_langsung is not None:
        return k.realisasi_langsung
    return k.pembilang / k.penyebut * kali


def score(realisasi: Optional[Decimal], target: Optional[TargetValue],
          lower_is_better: bool = False) -> Score:
    """Achievement (%) of a numeric realisation against a target (a number or a range).

    Higher is better: realisasi / target x 100. Lower is better:
    (2 x target - realisasi) / target x 100, never below 0.
    Range [lo, hi]: inside 100; higher is better: below against lo, above against hi;
    lower is better: above against hi, below against lo (both by the lower-is-better rule).
    Target 0: lower is better, realisation 0 scores 100, anything else is undefined;
    higher is better, undefined (nothing to divide by).
    """
    if realisasi is None:
        return Score.make(nilai=None, alasan=ALASAN_TIDAK_DIUKUR)
    if target is None:
        return Score.make(nilai=None, alasan="target tidak tersedia")
    if isinstance(target, TargetRange):
        if target.low <= realisasi <= target.high:
            return Score.make(nilai=HUNDRED, posisi="dalam")
        below = realisasi < target.low
        bound = target.low if below else target.high
        inner = score(realisasi, bound, lower_is_better)
        return inner.replace(posisi="bawah" if below else "atas")
    if target == 0:
        if lower_is_better and realisasi == 0:
            return Score.make(nilai=HUNDRED, acuan=ZERO)
        if lower_is_better:
            return Score.make(nilai=None, acuan=ZERO, alasan=(
                f"target 0 sedangkan realisasi {fmt.nilai(realisasi)}, sehingga capaian "
                "terhadap target 0 tidak terdefinisi"))
        return Score.make(nilai=None, acuan=ZERO, alasan="target 0 pada indikator yang makin "
                          "tinggi makin baik, sehingga capaian tidak terdefinisi")
    if lower_is_better:
        return Score.make(nilai=max(ZERO, (2 * target - realisasi) / target * HUNDRED),
                          acuan=target)
    return Score.make(nilai=realisasi / target * HUNDRED, acuan=target)


def capaian(realisasi: Decimal, target: TargetValue, lower_is_better: bool = False
            ) -> Optional[Decimal]:
    """The capaian figure of `score` (None when undefined)."""
    return score(realisasi, target, lower_is_better).nilai


def level_values(scale: list[m.SkalaKualitatif], name: Optional[str]) -> dict[str, Decimal]:
    """Level (case-folded) -> value, for the qualitative scale of that name."""
    if not name:
        return {}
    key = name.casefold()
    return {r.tingkat.casefold(): r.nilai for r in scale if r.skala.casefold() == key}


def score_any(realisasi: Optional[RealisasiValue], target: Optional[TargetValue],
              lower_is_better: bool, levels: dict[str, Decimal]) -> Score:
    """Capaian of any kind of indicator.

    Not measured: undefined, left out of every mean. Qualitative (a level of an ordinal
    scale): the levels' values take the place of the numbers and the polarity rule applies
    to them: higher is better, value(realisasi) / value(target) x 100; lower is better (a
    scale whose values grow with what is to be avoided, e.g. a risk level), (2 x
    value(target) - value(realisasi)) / value(target) x 100, never below 0; a target level
    of value 0 follows the zero-target rule.
    """
    if realisasi is None or isinstance(realisasi, NotMeasured):
        return Score.make(nilai=None, alasan=ALASAN_TIDAK_DIUKUR)
    if isinstance(realisasi, Level) or isinstance(target, Level):
        if not isinstance(realisasi, Level) or not isinstance(target, Level):
            return Score.make(nilai=None,
                              alasan="target dan realisasi bukan tingkat skala yang sama")
        vr = levels.get(realisasi.kode.casefold())
        vt = levels.get(target.kode.casefold())
        if vr is None or vt is None:
            return Score.make(nilai=None, alasan="tingkat tidak ada pada skala kualitatif")
        if vt == 0 and not lower_is_better:
            return Score.make(nilai=None, alasan="nilai tingkat target 0 pada skala kualitatif",
                              nilai_realisasi=vr, nilai_target=vt)
        inner = score(vr, vt, lower_is_better)
        return inner.replace(nilai_realisasi=vr, nilai_target=vt)
    return score(realisasi, target, lower_is_better)


def capped(value: Optional[Decimal], cap: Optional[Decimal]) -> Optional[Decimal]:
    """The capaian used for kategori and means under the agency's cap (None: no cap)."""
    if value is None or cap is None:
        return value
    return min(value, cap)


def kategori(value: Decimal, scale: list[m.SkalaKategori]) -> str:
    """The category whose half-open interval holds the value (as displayed, 2 decimals)."""
    shown = round_half_up(value, 2)
    for band in sorted(scale, key=lambda s: s.batas_bawah, reverse=True):
        if shown >= band.batas_bawah:
            return band.kategori
    return sorted(scale, key=lambda s: s.batas_bawah)[0].kategori


def mean(values: Iterable[Optional[Decimal]]) -> Optional[Decimal]:
    """The mean of the defined values (undefined ones, e.g. not measured, are left out)."""
    values = [v for v in values if v is not None]
    return sum(values, ZERO) / len(values) if values else None
