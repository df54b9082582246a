"""BAB IV Penutup: namespace "bab4"."""

from __future__ import annotations

from ... import fmt
from ...core.results import Result
from ...workbook.models import InputWorkbook
from .common import daftar, dengan_satuan, jumlah_iku, kata, lines, placeholder


def _entry(i, kategori: bool = True) -> str:
    """One indicator in the summary; its category left out when the heading says it for all;
    a target missed said so, apart from the category."""
    if not i.terukur:
        return f"Indikator {i.kode} {i.nama}: realisasi tidak dapat diukur."
    kat = f" (kategori {i.kategori or fmt.DASH})" if kategori else ""
    places = fmt.desimal(i.satuan, i.realisasi)
    missed = "; target belum tercapai" if i.tercapai is False else ""
    return (f"Indikator {i.kode} {i.nama}: realisasi {dengan_satuan(i.realisasi, i.satuan, places)}, "
            f"capaian {fmt.pct(i.capaian)}{kat}{missed}.")


def _rekomendasi(result: Result) -> tuple[list[dict], list[dict]]:
    """Recommendations for the years ahead, from the workbook's planned steps (Rencana Tindak
    Lanjut): first every target that needs work (core analysis.recommendations: missed,
    below the top category, not measured, worse than its benchmark), each with why; a
    placeholder where no step is planned (the review notes name the cell). Then the steps
    planned for the other indicators."""
    perlu, lain = [], []
    for r in result.rekomendasi:
        i = result.indicator(r.kode_indikator)
        butir = daftar(r.rencana) if r.rencana else daftar([placeholder(
            "rencana tindak lanjut belum diisi")])
        entry = {"judul": f"Indikator {i.kode} {i.nama}",
                 "alasan": ("; ".join(r.alasan)) if r.alasan else "", "butir": butir}
        (perlu if r.perlu else lain).append(entry)
    return perlu, lain


def _shared_kategori(indicators) -> str:
    """The category every indicator of a group shares, or "" (said once then, not per line)."""
    kats = {i.kategori if i.terukur else None for i in indicators}
    if len(indicators) > 1 and len(kats) == 1 and None not in kats:
        return next(iter(kats)) or ""
    return ""


def _cara(s) -> str:
    return "rata-rata capaian" if s.capaian_sumber == "Rata-rata Indikator" else "capaian"


def bab4(workbook: InputWorkbook, result: Result) -> dict:
    ik = result.ikhtisar
    perlu, lain = _rekomendasi(result)
    sasaran = []
    for t in result.tujuan:
        if not t.indikator:
            continue
        inds = [result.indicator(k) for k in t.indikator]
        shared = _shared_kategori(inds)
        entries = [_entry(i, not shared) for i in inds]
        ringkas = ", diukur dengan indikator tujuan"
        ringkas += f", seluruhnya pada kategori {shared}:" if shared else ":"
        sasaran.append({"kode": t.kode, "nama": t.nama, "capaian": "", "kategori": "",
                        "judul": f"Tujuan {t.kode} “{t.nama}”",
                        "ringkas": ringkas,
                        "indikator": daftar(entries, "huruf"), "tingkat": "tujuan"})
    for s in result.sasaran:
        inds = [result.indicator(k) for k in s.indikator]
        shared = _shared_kategori(inds)
        entries = [_entry(i, not shared) for i in inds]
        kat = s.kategori or fmt.DASH
        if shared and shared == s.kategori:
            ringkas = (f" dengan {_cara(s)} {fmt.pct(s.capaian)}; sasaran dan seluruh "
                       f"indikatornya berada pada kategori {kat}:")
        elif shared:
            ringkas = (f" dengan {_cara(s)} {fmt.pct(s.capaian)} (kategori {kat}); seluruh "
                       f"indikatornya berada pada kategori {shared}:")
        else:
            ringkas = f" dengan {_cara(s)} {fmt.pct(s.capaian)} (kategori {kat}):"
        sasaran.append({"kode": s.kode, "nama": s.nama, "capaian": fmt.pct(s.capaian),
                        "kategori": kat, "indikator": daftar(entries, "huruf"),
                        "judul": f"Sasaran {s.kode} “{s.nama}”",
                        "ringkas": ringkas,
                        "tingkat": "sasaran"})
    return {
        "jumlah_sasaran": kata(workbook, ik.jumlah_sasaran),
        "jumlah_indikator": kata(workbook, ik.jumlah_indikator),
        **jumlah_iku(ik, workbook),
        "rekomendasi": perlu,
        "rekomendasi_lain": lain,
        "sasaran": sasaran,
        "rp_pagu": fmt.rp(ik.pagu),
        "rp_realisasi": fmt.rp(ik.realisasi),
        "serapan": fmt.pct(ik.serapan),
        "efisiensi_anggaran": fmt.pct(ik.efisiensi_anggaran),
        "penutup": lines(workbook.narasi.penutup),
    }
