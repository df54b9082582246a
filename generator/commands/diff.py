"""What an updated workbook changes in the report (`lkjip diff`, issue 12.7).

Two core `Result`s are compared figure by figure, as the report displays them (so a
change below the displayed precision is not a change): every indicator's realisasi,
capaian and kategori; every program's pagu, realisasi and serapan; the totals; and the
review notes added or resolved.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable, Iterable

from .. import fmt
from ..core import Result


@dataclass(frozen=True)
class Change:
    bagian: str          # Indikator, Program, Jumlah, Catatan
    kode: str
    nama: str
    ukuran: str          # realisasi, capaian, kategori, pagu, serapan, ... ; catatan: baru/selesai
    lama: str
    baru: str

    def line(self) -> str:
        if self.bagian == "Catatan":
            return f"Catatan pemeriksaan {self.ukuran}: {self.lama or self.baru}"
        who = f"{self.bagian} {self.kode}".strip()
        if self.nama:
            who += f" ({self.nama})"
        return f"{who}: {self.ukuran} {self.lama} → {self.baru}"


def _compare(out: list[Change], bagian: str, kode: str, nama: str,
             figures: Iterable[tuple[str, Callable, Callable]], old, new) -> None:
    for ukuran, get, show in figures:
        a = show(get(old)) if old is not None else "-"
        b = show(get(new)) if new is not None else "-"
        if a != b:
            out.append(Change(bagian, kode, nama, ukuran, a, b))


def _compare_by_code(out: list[Change], bagian: str, old: dict, new: dict, figures) -> None:
    """Compare the items of two results matched by code: old order first, then new codes."""
    for kode in list(old) + [k for k in new if k not in old]:
        a, b = old.get(kode), new.get(kode)
        _compare(out, bagian, kode, (b or a).nama, figures, a, b)


def _value(v) -> str:
    """A realisation: a number as displayed, or a level / "Tidak dapat diukur"."""
    return fmt.nilai(v) if isinstance(v, Decimal) else str(v)


def _programs(result: Result) -> dict[str, object]:
    return {n.kode: n for n in result.anggaran.walk() if n.level == "program"}


def diff_results(old: Result, new: Result) -> list[Change]:
    """Every displayed figure that differs, in report order; then the review notes."""
    out: list[Change] = []
    indicator_figures = [
        ("realisasi", lambda i: i.realisasi, _value),
        ("capaian", lambda i: i.capaian, fmt.pct),
        ("kategori", lambda i: i.kategori, str),
    ]
    _compare_by_code(out, "Indikator", {i.kode: i for i in old.indikator},
                     {i.kode: i for i in new.indikator}, indicator_figures)

    program_figures = [
        ("pagu", lambda n: n.budget.pagu, fmt.rp),
        ("realisasi", lambda n: n.budget.realisasi, fmt.rp),
        ("serapan", lambda n: n.budget.serapan, fmt.pct),
    ]
    _compare_by_code(out, "Program", _programs(old), _programs(new), program_figures)

    total_figures = [
        ("pagu", lambda r: r.ikhtisar.pagu, fmt.rp),
        ("realisasi", lambda r: r.ikhtisar.realisasi, fmt.rp),
        ("serapan", lambda r: r.ikhtisar.serapan, fmt.pct),
        ("rata-rata capaian indikator", lambda r: r.ikhtisar.rata_capaian_indikator, fmt.pct),
        ("kategori rata-rata", lambda r: r.ikhtisar.kategori_rata, str),
    ]
    _compare(out, "Jumlah", "", "seluruh anggaran dan indikator", total_figures, old, new)

    def note(n) -> str:
        return f"{n.location}: {n.message}"

    old_notes = [note(n) for n in old.catatan]
    new_notes = [note(n) for n in new.catatan]
    out += [Change("Catatan", "", "", "baru", "", n) for n in new_notes if n not in old_notes]
    out += [Change("Catatan", "", "", "selesai", n, "") for n in old_notes if n not in new_notes]
    return out


def diff_xlsx(changes: list[Change], old_name: str, new_name: str) -> bytes:
    """The changes as a spreadsheet (one row per changed figure)."""
    import xlsxwriter
    import datetime as dt

    buffer = io.BytesIO()
    wb = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False,
                                      "strings_to_formulas": False, "strings_to_urls": False})
    wb.set_properties({"title": "Perubahan laporan LKjIP",
                       "created": dt.datetime(2025, 1, 1)})
    ws = wb.add_worksheet("Perubahan")
    head = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True})
    wrap = wb.add_format({"text_wrap": True, "valign": "top"})
    ws.write_string(0, 0, f"Perubahan laporan dari {old_name} ke {new_name}",
                    wb.add_format({"bold": True, "font_size": 13}))
    headers = ["Bagian", "Kode", "Nama", "Ukuran", "Lama", "Baru"]
    widths = [12, 18, 50, 26, 40, 40]
    for c, (h, w) in enumerate(zip(headers, widths)):
        ws.write_string(2, c, h, head)
        ws.set_column(c, c, w, wrap)
    for r, ch in enumerate(changes, start=3):
        for c, value in enumerate([ch.bagian, ch.kode, ch.nama, ch.ukuran, ch.lama, ch.baru]):
            ws.write_string(r, c, value, wrap)
    if not changes:
        ws.write_string(3, 0, "Tidak ada perubahan pada angka laporan.")
    ws.freeze_panes(3, 0)
    if changes:
        ws.autofilter(2, 0, 2 + len(changes), len(headers) - 1)
    wb.close()
    return buffer.getvalue()
