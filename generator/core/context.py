"""The context shared by the steps of one computation, passed to each explicitly."""

from __future__ import annotations

from decimal import Decimal
from typing import Optional

from ..numbers import round_half_up
from ..workbook import models as m
from ..workbook.problems import Location
from ..workbook.sheets import SHEET_BY_NAME
from .indicators import kategori, level_values, score_any
from .results import Output, RealisasiValue, Score, TargetValue


class Context:
    """Lookups shared by the steps of one computation."""

    def __init__(self, wb: m.InputWorkbook):
        self.wb = wb
        self.scale = wb.skala_kategori
        self.top = max(s.batas_bawah for s in self.scale)
        self._listed: dict[str, list[m.IndikatorProgram]] | None = None
        # (sheet, field) -> (column letter, field's name on the sheet): looked up once, not
        # for each of 100,000 rekening lines
        self._columns: dict[tuple[str, str | None], tuple[str | None, str | None]] = {}

    def loc(self, sheet: str, row: int | None, field: str | None) -> Location:
        where = self._columns.get((sheet, field))
        if where is None:
            spec = SHEET_BY_NAME[sheet]
            cols = self.wb.columns.get(sheet, {})
            alias = spec.alias_of(field) if field else None
            col = cols.get("value") if spec.keyvalue else cols.get(field)
            where = self._columns[(sheet, field)] = (col, alias)
        return Location(sheet, row, *where)

    def output(self, indikator: Optional[str], satuan: Optional[str],
               target: Optional[TargetValue], realisasi: Optional[RealisasiValue],
               cap: Optional[Decimal] = None, lower: bool = False,
               undefined: bool = False, skala: Optional[str] = None,
               keterangan: Optional[str] = None, skor: Optional[Score] = None) -> Output:
        """An indicator of a budget node, scored by the rules of the IKU (score_any:
        polarity, ranges, zero targets, qualitative scales, not measured), unless its
        capaian is given (`cap`, or `undefined`: borrowed from an IKU)."""
        if cap is None and not undefined and target is not None and realisasi is not None:
            skor = score_any(realisasi, target, lower, level_values(self.wb.skala_kualitatif,
                                                                    skala))
            cap = skor.nilai
        kat = kategori(cap, self.scale) if cap is not None else None
        menunjang = None if cap is None else round_half_up(cap, 2) >= self.top
        return Output.make(indikator=indikator, satuan=satuan, target=target, realisasi=realisasi,
                           capaian=cap, kategori=kat, menunjang=menunjang,
                           polaritas="Turun" if lower else "Naik", skor=skor, keterangan=keterangan)

    def listed_outputs(self, kode: str) -> list[Output]:
        """The indicators of a program or kegiatan on the Indikator Program sheet."""
        if self._listed is None:        # grouped once (a scan per program was quadratic)
            self._listed = {}
            for r in self.wb.indikator_program:
                self._listed.setdefault(r.kode, []).append(r)
        return [self.output(r.indikator, r.satuan, r.target, r.realisasi,
                            lower=r.polaritas is not None and r.polaritas.value == "Turun",
                            skala=r.skala_kualitatif, keterangan=r.keterangan)
                for r in self._listed.get(kode, [])]
