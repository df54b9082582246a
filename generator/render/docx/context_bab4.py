"""BAB IV Penutup: namespace "bab4"."""

from __future__ import annotations

from ... import fmt
from ...core.results import Result
from ...workbook.models import InputWorkbook
from .common import daftar, dengan_satuan, lines


def bab4(workbook: InputWorkbook, result: Result) -> dict:
    ik = result.ikhtisar
    sasaran = []
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
                        "kategori": s.kategori or fmt.DASH, "indikator": daftar(entries, "huruf")})
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
