"""The review notes (catatan pemeriksaan) as a plain text file for the reviewer."""

from __future__ import annotations

from ..core import Result
from ..fmt import tanggal
from ..workbook.models import InputWorkbook


def render(workbook: InputWorkbook, result: Result, templat: list[str] = ()) -> str:
    """The notes; `templat`: the warnings of `lkjip templates check` on the agency's own
    templates, when they were used."""
    inst = workbook.instansi
    lines = [
        f"CATATAN PEMERIKSAAN LKjIP {inst.tahun}",
        inst.nama_lengkap.upper(),
        "",
        "Temuan berikut perlu diperiksa sebelum draf laporan diedarkan. Setiap temuan",
        "menyebut sel workbook masukan yang perlu dilihat.",
        "",
    ]
    if not result.catatan:
        lines.append("Tidak ada temuan.")
    for i, note in enumerate(result.catatan, start=1):
        lines.append(f"{i}. {note.location}: {note.message}")
    if templat:
        lines += ["", "Templat instansi (lkjip templates check):"]
        lines += [f"- {t}" for t in templat]
    lines += ["", f"Jumlah temuan: {len(result.catatan)}",
              f"Dibuat dari workbook bertanggal laporan {tanggal(inst.tanggal)}."]
    return "\n".join(lines) + "\n"
