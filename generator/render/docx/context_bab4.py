"""BAB IV Penutup: namespace "bab4"."""

from __future__ import annotations

from ... import fmt
from ...core.results import Result
from ...workbook.models import InputWorkbook
from .common import daftar, dengan_satuan, lines


def _entry(i) -> str:
    if not i.terukur:
        return f"Indikator {i.kode} {i.nama}: realisasi tidak dapat diukur."
    return (f"Indikator {i.kode} {i.nama}: realisasi {dengan_satuan(i.realisasi, i.satuan)}, "
            f"capaian {fmt.pct(i.capaian)} (kategori {i.kategori or fmt.DASH}).")


def _cara(s) -> str:
    return "rata-rata capaian" if s.capaian_sumber == "Rata-rata Indikator" else "capaian"


def bab4(workbook: InputWorkbook, result: Result) -> dict:
    ik = result.ikhtisar
    sasaran = []
    for t in result.tujuan:
        if not t.indikator:
            continue
        entries = [_entry(result.indicator(k)) for k in t.indikator]
        sasaran.append({"kode": t.kode, "nama": t.nama, "capaian": "", "kategori": "",
                        "judul": f"Tujuan {t.kode} “{t.nama}”",
                        "ringkas": ", diukur dengan indikator tujuan:",
                        "indikator": daftar(entries, "huruf"), "tingkat": "tujuan"})
    for s in result.sasaran:
        entries = []
        for kode in s.indikator:
            i = result.indicator(kode)
            entries.append(f"Indikator {i.kode} {i.nama}: realisasi "
                           f"{dengan_satuan(i.realisasi, i.satuan)}, capaian {fmt.pct(i.capaian)} "
                           f"(kategori {i.kategori or fmt.DASH})."
                           if i.terukur else
                           f"Indikator {i.kode} {i.nama}: realisasi tidak dapat diukur.")
        sasaran.append({"kode": s.kode, "nama": s.nama, "capaian": fmt.pct(s.capaian),
                        "kategori": s.kategori or fmt.DASH, "indikator": daftar(entries, "huruf"),
                        "judul": f"Sasaran {s.kode} “{s.nama}”",
                        "ringkas": f" dengan {_cara(s)} {fmt.pct(s.capaian)} (kategori "
                                   f"{s.kategori or fmt.DASH}):",
                        "tingkat": "sasaran"})
    return {
        "jumlah_sasaran": fmt.jumlah_kata(ik.jumlah_sasaran),
        "jumlah_indikator": fmt.jumlah_kata(ik.jumlah_indikator),
        "sasaran": sasaran,
        "rp_pagu": fmt.rp(ik.pagu),
        "rp_realisasi": fmt.rp(ik.realisasi),
        "serapan": fmt.pct(ik.serapan),
        "efisiensi_anggaran": fmt.pct(ik.efisiensi_anggaran),
        "penutup": lines(workbook.narasi.penutup),
    }
