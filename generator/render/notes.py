"""The review notes (catatan pemeriksaan) as a plain text file for the reviewer: the findings,
then the readiness for evaluation (kesiapan evaluasi) against the LKE AKIP."""

from __future__ import annotations

from ..core import Result
from ..core.results import LkeVerdict
from ..fmt import tanggal
from ..workbook.models import InputWorkbook

KESIAPAN_JUDUL = "Kesiapan evaluasi (LKE AKIP)"
STATUS_TEKS = {"terpenuhi": "Terpenuhi", "sebagian": "Sebagian", "belum": "Belum"}


def kesiapan_ringkas(verdicts: list[LkeVerdict]) -> str:
    """"Terpenuhi 14, sebagian 2, belum 1 dari 17 kriteria." (shared with the web page)"""
    count = {k: sum(1 for v in verdicts if v.status == k) for k in STATUS_TEKS}
    return (f"Terpenuhi {count['terpenuhi']}, sebagian {count['sebagian']}, belum "
            f"{count['belum']} dari {len(verdicts)} kriteria.")


def kesiapan_pengantar() -> str:
    return ("Penilaian sendiri draf ini terhadap kriteria kualitas Pelaporan Kinerja pada "
            "LKE AKIP (PermenPANRB 88/2021) dan tujuh analisis per sasaran yang diminta format "
            "PermenPANRB 53/2014, dinilai dari isi workbook. \"Lengkapi\" menyebut sel yang "
            "perlu diisi agar kriteria terpenuhi.")


def _kesiapan(verdicts: list[LkeVerdict]) -> list[str]:
    lines = [KESIAPAN_JUDUL.upper(), "", kesiapan_pengantar(), kesiapan_ringkas(verdicts)]
    bagian = None
    for v in verdicts:
        if v.bagian != bagian:
            bagian = v.bagian
            lines += ["", bagian]
        lines.append(f"{v.kode} [{STATUS_TEKS[v.status]}] {v.kriteria}.")
        lines.append(f"     Di draf: {v.bukti}.")
        if v.alasan:
            lines.append(f"     Catatan: {v.alasan}")
        for item in v.lengkapi:
            lines.append(f"     Lengkapi: {item}.")
    return lines


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
    lines += ["", f"Jumlah temuan: {len(result.catatan)}", ""]
    if result.lke:
        lines += _kesiapan(result.lke) + [""]
    lines.append(f"Dibuat dari workbook bertanggal laporan {tanggal(inst.tanggal)}.")
    return "\n".join(lines) + "\n"
