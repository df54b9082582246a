"""Indicator rules: realisasi, capaian (both polarities, ranges), kategori, means.

The rules of shared/DOMAIN.md ("The arithmetic"), each a small pure function.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterable, Optional

from ..numbers import round_half_up
from ..workbook import models as m
from ..workbook.fieldtypes import TargetRange
from .results import TargetValue

HUNDRED = Decimal(100)
ZERO = Decimal(0)


def realisasi_indikator(k: m.KinerjaIndikator) -> Decimal:
    """Numerator / denominator x 100, or the value given directly."""
    if k.realisasi_langsung is not None:
        return k.realisasi_langsung
    return k.pembilang / k.penyebut * HUNDRED


def capaian(realisasi: Decimal, target: TargetValue, lower_is_better: bool = False) -> Decimal:
    """Achievement (%) of a realisation against a target (a number or a range).

    Higher is better: realisasi / target x 100. Lower is better:
    (2 x target - realisasi) / target x 100, never below 0. Against a range, a
    realisation inside it scores 100; outside, it is measured against the nearer bound.
    """
    if isinstance(target, TargetRange):
        if target.low <= realisasi <= target.high:
            return HUNDRED
        bound = target.low if realisasi < target.low else target.high
        return capaian(realisasi, bound, lower_is_better)
    if lower_is_better:
        return max(ZERO, (2 * target - realisasi) / target * HUNDRED)
    return realisasi / target * HUNDRED


def kategori(value: Decimal, scale: list[m.SkalaKategori]) -> str:
    """The category whose half-open interval holds the value (as displayed, 2 decimals)."""
    shown = round_half_up(value, 2)
    for band in sorted(scale, key=lambda s: s.batas_bawah, reverse=True):
        if shown >= band.batas_bawah:
            return band.kategori
    return sorted(scale, key=lambda s: s.batas_bawah)[0].kategori


def mean(values: Iterable[Decimal]) -> Optional[Decimal]:
    values = list(values)
    return sum(values, ZERO) / len(values) if values else None

