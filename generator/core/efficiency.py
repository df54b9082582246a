"""Efficiency: capaian kinerja (%) over serapan anggaran (%), undefined with a reason."""

from __future__ import annotations

from decimal import Decimal
from typing import Optional

from .results import Efficiency


def efisiensi(capaian_pct: Optional[Decimal], serapan_pct: Optional[Decimal],
              pagu: Decimal, ambang: Optional[Decimal] = None) -> Efficiency:
    """Output over input: capaian kinerja (%) / serapan anggaran (%). `ambang` is the
    agency's absorption threshold: a ratio of 1 or more with serapan below it comes from
    money not spent (Efficiency.tidak_terserap), not from efficiency."""
    if capaian_pct is None:
        return Efficiency.make(capaian=None, serapan=serapan_pct, nilai=None,
                               alasan="capaian kinerja tidak tersedia", ambang=ambang)
    if pagu == 0 or serapan_pct is None:
        return Efficiency.make(capaian=capaian_pct, serapan=None, nilai=None,
                               alasan="tidak ada pagu anggaran", ambang=ambang)
    if serapan_pct == 0:
        return Efficiency.make(capaian=capaian_pct, serapan=serapan_pct, nilai=None,
                               alasan="serapan anggaran 0%, rasio tidak terdefinisi", ambang=ambang)
    return Efficiency.make(capaian=capaian_pct, serapan=serapan_pct,
                           nilai=capaian_pct / serapan_pct, ambang=ambang)
