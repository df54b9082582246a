"""BAB II Perencanaan Kinerja: namespace "bab2"."""

from __future__ import annotations

from ... import fmt
from ...core.results import Result
from ...workbook.models import InputWorkbook
from .common import (
    budget_levels, kali, kata, nilai_indikator, one_line, ringkas_sub, rumus_kualitatif,
    sasaran_groups,
    target_dengan_satuan, uraian_node,
)


def renstra_table(workbook: InputWorkbook, result: Result) -> dict:
    """Tujuan / sasaran / indikator with the Renstra target of every year of the period."""
    inst = workbook.instansi
    years = list(range(inst.renstra_awal, inst.renstra_akhir + 1))

    def row(i):
        return {"kode": i.kode, "nama": i.nama,
                "target": [fmt.target(i.target_renstra.get(y), i.satuan, tanda=False)
                           for y in years]}

    return {"tahun": [str(y) for y in years], "kelompok": sasaran_groups(result, row)}


def formula(ind) -> str:
    """Tabel 2.2: how the realisation is measured and, where it differs from realisasi /
    target, the capaian rule actually used (lower is better, qualitative scale)."""
    if ind.label_pembilang and ind.label_penyebut:
        text = f"{ind.label_pembilang} / {ind.label_penyebut}{kali(ind.pengali)}"
    else:
        text = "Realisasi dicatat langsung"
    if ind.skala_kualitatif:
        return f"{text}; {rumus_kualitatif(ind.skala_kualitatif, ind.polaritas.value == 'Turun')}"
    if ind.polaritas.value == "Turun":
        return (f"{text}; makin rendah makin baik: capaian = (2 × target − realisasi) / target "
                "× 100%")
    return text


def program_rows(result: Result, workbook: InputWorkbook) -> list[dict]:
    """Tabel 2.6: urusan > program > kegiatan > sub kegiatan with indicator, target, pagu."""
    programs = {p.kode: p for p in workbook.program}
    rows = []
    levels = budget_levels(result, "urusan", "program", "kegiatan", "sub_kegiatan")
    for node in result.anggaran.walk():
        if node.level not in levels:
            continue
        out = node.output
        indikator = out.indikator if out and out.indikator else ""
        if node.level == "program" and programs.get(node.kode) and programs[node.kode].indikator \
                and len(node.outputs) <= 1:
            indikator = programs[node.kode].indikator
        rows.append({
            "tingkat": node.level,
            "uraian": uraian_node(node),
            "indikator": indikator,
            "target": target_dengan_satuan(out.target, out.satuan) if out else "",
            "pagu": fmt.rupiah(node.budget.pagu),
        })
        for extra in node.outputs[1:]:
            # a program or kegiatan with several indicators: one row each, under its own
            rows.append({"tingkat": node.level, "uraian": "", "indikator": extra.indikator or "",
                         "target": target_dengan_satuan(extra.target, extra.satuan),
                         "pagu": ""})
    return rows


def bab2(workbook: InputWorkbook, result: Result) -> dict:
    inst = workbook.instansi
    models = {i.kode: i for i in workbook.indikator}

    def iku(i):
        m = models[i.kode]
        return {"kode": i.kode, "nama": i.nama, "satuan": i.satuan,
                "definisi": one_line(m.definisi) or "-", "formula": formula(m),
                "sumber": m.sumber_data}

    # A table with a SATUAN column shows bare figures (as Tabel 2.1 and BAB III do); a table
    # without one shows each target with its unit ("97,50%", "88,95 Indeks").
    def rkt(i):
        return {"kode": i.kode, "nama": i.nama, "satuan": i.satuan,
                "target": nilai_indikator(i.target_rkt, i.satuan)}

    def pk(i):
        berubah = i.target_berubah   # decided in the core
        return {"kode": i.kode, "nama": i.nama,
                "target_awal": target_dengan_satuan(i.target_pk_awal, i.satuan),
                "target_perubahan": target_dengan_satuan(i.target, i.satuan),
                "keterangan": "Berubah" if berubah else "Tetap"}

    pk_kepala = next((p for p in workbook.perjanjian_kinerja
                      if p.pihak_pertama == inst.kode_kepala and p.jenis.value == "Awal"), None)
    misi = sorted(workbook.misi, key=lambda m: m.no)
    supported = [m for m in misi if m.didukung.value == "Ya"]
    return {
        "dasar_renstra": one_line(inst.dasar_renstra),
        "visi": one_line(inst.visi),
        "misi": [{"no": f"Misi {m.no}:", "misi": one_line(m.misi),
                  "didukung": m.didukung.value == "Ya"} for m in misi],
        "misi_didukung": [{"nomor": str(m.no), "misi": one_line(m.misi)} for m in supported],
        # all of them in one phrase: "misi ke-2 dan ke-4, yaitu “…” dan “…”"
        "misi_didukung_teks": (
            "misi " + fmt.rangkai(f"ke-{m.no}" for m in supported) + ", yaitu "
            + fmt.rangkai(f"“{one_line(m.misi)}”" for m in supported)) if supported else "",
        "sasaran_daerah": one_line(inst.sasaran_daerah),
        "jumlah_tujuan": kata(workbook, len(workbook.tujuan)),
        "jumlah_sasaran": kata(workbook, result.ikhtisar.jumlah_sasaran),
        "renstra": renstra_table(workbook, result),
        "iku": sasaran_groups(result, iku),
        "rkt": sasaran_groups(result, rkt),
        "pk": sasaran_groups(result, pk),
        "pk_tanggal": fmt.tanggal(pk_kepala.tanggal) if pk_kepala else "",
        "program": program_rows(result, workbook),
        "program_catatan": ringkas_sub(workbook, result, "spreadsheet Tabel 1.1 Realisasi"),
        "jumlah_pagu": fmt.rupiah(result.anggaran.budget.pagu),
    }
