"""Typed rows of a finance export, as the readers return them.

One `Line` per row of the export that carries a sub kegiatan: its place in the budget
tree (codes and names as the export writes them, spaces removed from codes), the
rekening, and the amounts of the row (pagu, realisasi less setoran). The same rekening of
one sub kegiatan may come on many rows (one per paket, kelompok, standar harga, sumber
dana or payment document); summing them is the merge's work, not the reader's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum

from ..workbook.problems import Location, Problem


class Kind(Enum):
    """What an export holds, found from its columns (never from its file name)."""

    REKAP = "rekap anggaran SIPD-RI"           # pagu per sub kegiatan x rekening x paket
    REALISASI = "realisasi per dokumen"        # nilai realisasi less setoran per document
    TABEL = "tabel anggaran/realisasi"         # a plain table an office made itself

    @property
    def label(self) -> str:
        return self.value


@dataclass(frozen=True)
class Unit:
    kode: str
    nama: str

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}".strip()


@dataclass(frozen=True)
class Line:
    row: int                              # row in the export (1-based, as Excel shows)
    kode_sub_kegiatan: str
    kode_rekening: str | None             # None: a sub kegiatan without budget
    nama_rekening: str | None = None
    pagu: Decimal | None = None
    realisasi: Decimal | None = None      # nilai realisasi less nilai setoran
    skpd: Unit | None = None
    sub_unit: Unit | None = None
    urusan: Unit | None = None            # the bidang urusan (1.06)
    program: Unit | None = None
    kegiatan: Unit | None = None
    nama_sub_kegiatan: str | None = None
    tahun: int | None = None
    file: str = ""                        # the export's file name, for messages


@dataclass
class Export:
    """One export file as read: what it is, its lines, and what was wrong in it."""

    file: str                             # the file's name, for messages
    sheet: str
    kind: Kind
    columns: dict[str, str]               # role -> column letter
    header_row: int
    lines: list[Line] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)   # (row, reason) not spending

    @property
    def has_pagu(self) -> bool:
        return "pagu" in self.columns

    @property
    def has_realisasi(self) -> bool:
        return "realisasi" in self.columns

    def location(self, row: int | None = None, role: str | None = None) -> Location:
        from .headers import ROLE

        return Location(where(self.file, self.sheet), row,
                        self.columns.get(role) if role else None,
                        ROLE[role].label if role else None)

    def skpds(self) -> dict[str, Unit]:
        """SKPD code -> unit, in the order they first appear."""
        out: dict[str, Unit] = {}
        for line in self.lines:
            if line.skpd is not None and line.skpd.kode not in out:
                out[line.skpd.kode] = line.skpd
        return out

    def tahun(self) -> set[int]:
        return {line.tahun for line in self.lines if line.tahun is not None}


def where(file: str, sheet: str) -> str:
    """The 'sheet' part of a location in an export: file and sheet."""
    return f"{file} [{sheet}]"


class ExportError(Exception):
    """An export cannot be used at all (not a spreadsheet, no recognisable header)."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message())
        self.problem = problem
