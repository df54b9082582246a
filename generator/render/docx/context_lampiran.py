"""Lampiran: PK statements, RKT, Renstra tables, Tabel 1.1 realisasi, sarana, dokumentasi."""

from __future__ import annotations

from ... import fmt
from ...core.results import PKResult, Result
from ...workbook.models import InputWorkbook
from .common import (budget_levels, nilai_indikator, placeholder, one_line, pejabat, picture, ringkas_sub, sasaran_groups,
                     target_dengan_satuan, uraian_node)
from .context_bab2 import renstra_table


def _pk_groups(pk: PKResult, bagian: str, result: Result) -> list[dict]:
    groups: list[dict] = []
    for row in pk.indikator:
        if row.bagian != bagian:
            continue
        if row.kode_indikator and row.target_value is not None:
            satuan = result.indicator(row.kode_indikator).satuan
            target = fmt.target(row.target_value, satuan)
        else:
            target = fmt.target_teks(row.target)
        line = {"aspek": row.aspek or "", "indikator": row.indikator, "target": target}
        if groups and groups[-1]["sasaran"] == row.sasaran:
            groups[-1]["baris"].append(line)
        else:
            groups.append({"no": str(len(groups) + 1), "sasaran": row.sasaran, "baris": [line]})
    return groups


def _pk(workbook: InputWorkbook, result: Result) -> list[dict]:
    meta = {p.kode: p for p in workbook.perjanjian_kinerja}
    out = []
    for pk in result.perjanjian:
        m = meta.get(pk.kode)
        numbered = any(a.level == "program" for a in pk.anggaran)
        anggaran, n = [], 0
        for a in pk.anggaran:
            top = a.level == "program" or not numbered
            if top:
                n += 1
            prefix = {"kegiatan": "Kegiatan ", "sub_kegiatan": "Sub Kegiatan "}.get(a.level, "")
            anggaran.append({"tingkat": a.level, "no": f"{n}." if top else "",
                             "nama": prefix + a.nama, "jumlah": fmt.rupiah(a.jumlah),
                             "sumber": a.sumber_dana})
        out.append({
            "kode": pk.kode,
            "jenis_judul": " (PERUBAHAN)" if pk.jenis == "Perubahan" else "",
            "pertama": pejabat(workbook, pk.pihak_pertama),
            "kedua": pejabat(workbook, pk.pihak_kedua),
            "tempat": m.tempat if m else workbook.instansi.tempat,
            "tanggal": (placeholder("tanggal PK perubahan belum ada di sheet Perjanjian Kinerja")
                        if pk.turunan else fmt.tanggal(m.tanggal) if m else ""),
            "strategis": _pk_groups(pk, "Sasaran Strategis", result),
            "kegiatan": _pk_groups(pk, "Sasaran Kegiatan", result),
            "anggaran": anggaran,
            "jumlah_anggaran": fmt.rupiah(pk.jumlah_anggaran),
        })
    for p in out:
        p["pertama"]["nip"] = p["pertama"]["nip"] or fmt.DASH
        p["pertama"]["pangkat_gol"] = p["pertama"]["pangkat_gol"] or fmt.DASH
    return out


def _budget_cells(b) -> dict:
    return {"pagu_operasi": fmt.rupiah_kosong(b.pagu_operasi),
            "pagu_modal": fmt.rupiah_kosong(b.pagu_modal),
            "pagu": fmt.rupiah_kosong(b.pagu),
            "realisasi_operasi": fmt.rupiah_kosong(b.realisasi_operasi),
            "serapan_operasi": fmt.persen(b.serapan_operasi),
            "fisik_operasi": fmt.persen(b.fisik_operasi),
            "realisasi_modal": fmt.rupiah_kosong(b.realisasi_modal),
            "serapan_modal": fmt.persen(b.serapan_modal),
            "fisik_modal": fmt.persen(b.fisik_modal),
            "realisasi": fmt.rupiah_kosong(b.realisasi),
            "serapan": fmt.persen(b.serapan), "fisik": fmt.persen(b.fisik),
            "sisa": fmt.rupiah_kosong(b.sisa)}


RINGKAS = ("Lampiran ini memuat Tabel 1.1 sampai tingkat sub kegiatan karena workbook memuat "
           "{n} baris rekening; rincian setiap rekening ada pada spreadsheet Tabel 1.1 "
           "Realisasi yang dibuat bersama laporan ini.")


def _realisasi(result: Result) -> list[dict]:
    """Tabel 1.1 rows: down to the rekening lines, or to sub kegiatan or kegiatan when the
    core says so."""
    rows = []
    skip = () if result.lampiran_rekening else ("jenis", "rekening")
    if not result.draf_sub_kegiatan:
        levels = budget_levels(result, "urusan", "program", "kegiatan")
        skip = tuple(lv for lv in ("urusan", "program", "kegiatan", "sub_kegiatan", "jenis",
                                   "rekening") if lv not in levels)
    for n in result.anggaran.walk():
        if n.level == "total" or n.level in skip:
            continue
        uraian = uraian_node(n)
        if n.level == "rekening" and n.keterangan:
            uraian = f"{uraian} ({one_line(n.keterangan)})"
        row = {"tingkat": n.level, "uraian": uraian}
        row.update(_budget_cells(n.budget))
        rows.append(row)
    return rows


def lampiran(workbook: InputWorkbook, result: Result) -> dict:
    inst = workbook.instansi
    years = range(inst.renstra_awal, inst.renstra_akhir + 1)

    def rkt(i):
        # the same figure as Tabel 2.3 (the RKT target); no SATUAN column here, so with its unit
        return {"kode": i.kode, "nama": i.nama,
                "target": target_dengan_satuan(i.target_rkt, i.satuan)}

    indikator_renstra = [
        {"no": str(n), "kode": i.kode, "nama": i.nama,
         "kondisi_awal": nilai_indikator(i.kondisi_awal, i.satuan),
         "target": [nilai_indikator(i.target_renstra.get(y), i.satuan) for y in years],
         "kondisi_akhir": nilai_indikator(i.target_akhir, i.satuan)}
        for n, i in enumerate(result.indikator, start=1)]
    total = result.anggaran.budget
    return {
        "pk": _pk(workbook, result),
        "rkt": sasaran_groups(result, rkt),
        "renstra": renstra_table(workbook, result),
        "indikator_renstra": indikator_renstra,
        "realisasi": _realisasi(result),
        "realisasi_catatan": (
            ringkas_sub(workbook, result, "spreadsheet Tabel 1.1 Realisasi")
            or ("" if result.lampiran_rekening
                else RINGKAS.format(n=fmt.angka(len(workbook.rekening))))),
        "total": _budget_cells(total),
        # a detail is indented under its group (one em space per level of the outline)
        "sarana": [{"no": str(s.no), "uraian": "\u2003" * (s.tingkat - 1) + s.uraian,
                    "jumlah": fmt.angka(s.jumlah), "nilai": fmt.rupiah(s.nilai),
                    "kondisi": s.kondisi or ""}
                   for s in result.sarana],
        "sarana_jumlah": fmt.angka(result.sarana_jumlah),
        "sarana_nilai": fmt.rupiah(result.sarana_nilai),
        "dokumentasi": [{"no": str(n), "keterangan": one_line(d.keterangan)
                         + (f" (IKU {d.kode_indikator})" if d.kode_indikator else ""),
                         "foto": picture(workbook, f"foto:{d.no}", 150, 95,
                                         f"foto {n} belum ada: isi Berkas Foto di sheet "
                                         f"Dokumentasi, baris {d.row}")}
                        for n, d in enumerate(sorted(workbook.dokumentasi, key=lambda d: d.no),
                                              start=1)],
    }
