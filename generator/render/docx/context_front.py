"""Cover, Kata Pengantar and Ikhtisar Eksekutif: namespaces "sampul" and "depan"."""

from __future__ import annotations

from ... import fmt
from ...core.results import Result
from ...workbook.models import InputWorkbook
from .common import jenis_belanja, jumlah_iku, kata, picture, skala


def sampul(workbook: InputWorkbook, result: Result) -> dict:
    inst = workbook.instansi
    kontak = []
    if inst.alamat:
        kontak.append(f"Alamat: {inst.alamat}")
    if inst.telepon:
        kontak.append(f"Telepon: {inst.telepon}")
    if inst.website:
        kontak.append(f"Website: {inst.website}")
    if inst.email:
        kontak.append(f"Email: {inst.email}")
    return {
        # a unit of a ministry: its own name, its ministry on the next line (not twice)
        "nama_instansi": (inst.nama_instansi if inst.pusat else inst.nama_lengkap).upper(),
        "nama_pemda": inst.induk.upper(),
        # the line under the agency's name: its pemda ("PEMERINTAH KABUPATEN ..."), or its
        # ministry or agency for a unit of one
        "induk": inst.induk.upper() if inst.pusat else f"PEMERINTAH {inst.induk.upper()}",
        "kontak": kontak,
        "logo": picture(workbook, "logo", 50, 50, "logo belum ada: isi Berkas Logo di sheet Instansi"),
    }


def depan(workbook: InputWorkbook, result: Result) -> dict:
    ik = result.ikhtisar
    rata_sasaran = ik.rata_capaian_sasaran if ik.rata_capaian_sasaran is not None \
        else ik.rata_capaian_indikator
    sebaran = [{"no": "–", "kategori": b["kategori"], "rentang": b["rentang"],
                "jumlah": b["jumlah"]} for b in skala(result)]
    return {
        "jumlah_sasaran": kata(workbook, ik.jumlah_sasaran),
        "jumlah_indikator": kata(workbook, ik.jumlah_indikator),
        **jumlah_iku(ik, workbook),
        "rata_indikator": fmt.pct(ik.rata_capaian_indikator),
        "rata_capaian": fmt.pct(rata_sasaran),
        "kategori": ik.kategori_rata,
        "sebaran": sebaran,
        "pagu": fmt.rp(ik.pagu),
        "pagu_operasi": fmt.rp(ik.pagu_operasi),
        "pagu_modal": fmt.rp(ik.pagu_modal),
        "realisasi": fmt.rp(ik.realisasi),
        "realisasi_operasi": fmt.rp(ik.realisasi_operasi),
        "realisasi_modal": fmt.rp(ik.realisasi_modal),
        "serapan": fmt.pct(ik.serapan),
        "efisiensi_anggaran": fmt.pct(ik.efisiensi_anggaran),
        **jenis_belanja(ik.jenis_belanja),
        "kalimat_target": _kalimat_target(result),
    }


def _kalimat_target(result: Result) -> str:
    """How many targets were reached, said apart from the categories: "Dari 7 indikator
    yang dapat dinilai, 6 mencapai targetnya; target indikator 1.2 belum tercapai." ("" when
    none can be judged)."""
    met = [i.kode for i in result.indikator if i.tercapai is True]
    missed = [i.kode for i in result.indikator if i.tercapai is False]
    n = len(met) + len(missed)
    if not n:
        return ""
    if not missed:
        return (f"Seluruh target indikator yang dapat dinilai ({n} indikator) tercapai."
                if n > 1 else "Target indikator yang dapat dinilai tercapai.")
    kats = {result.indicator(k).kategori for k in missed}
    kat = next(iter(kats)) if len(kats) == 1 and None not in kats else ""
    walau = (f", walaupun capaian{'nya' if len(missed) == 1 else ' semuanya'} masuk "
             f"kategori {kat}") if kat else ""
    return (f"Dari {n} indikator yang dapat dinilai, {len(met)} mencapai targetnya; target "
            f"indikator {fmt.rangkai(missed)} belum tercapai{walau} (uraiannya pada Bab III).")
