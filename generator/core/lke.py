"""Readiness for evaluation (kesiapan evaluasi): the draft checked against the LKE AKIP.

Every year the Inspektorat (for an OPD) and KemenPANRB (for a pemda) score SAKIP with the
LKE AKIP worksheet (PermenPANRB 88/2021); the LKjIP is the evidence of its component
Pelaporan Kinerja. Each criterion below is judged from the workbook and the computed
result, never by searching the rendered text: "terpenuhi", "sebagian" or "belum", with
where the draft meets it and which cells would complete it.

Two lists: the quality criteria of Pelaporan Kinerja (shared/EVALUATION.md, transcribed
from the LKE in public e-SAKIP code), and the seven analyses per sasaran strategis that the
report format of PermenPANRB 53/2014 asks for in Bab III A. docs/kesiapan_evaluasi.md
explains each with its source.

Checks grow by addition: a criterion is a small function with @kriteria, in the order the
self-check lists them.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Callable

from .. import fmt
from ..workbook import models as m
from .analysis import ANALISIS, BELUM, LENGKAP
from .context import Context
from .results import LkeVerdict, Result

TERPENUHI, SEBAGIAN_, BELUM_ = "terpenuhi", "sebagian", "belum"

PELAPORAN = "Pelaporan Kinerja (LKE AKIP, PermenPANRB 88/2021)"
FORMAT = "Format Laporan Kinerja (PermenPANRB 53/2014, Bab III A, per sasaran)"

Criterion = Callable[[m.InputWorkbook, Result, Context], LkeVerdict]
KRITERIA: list[Criterion] = []


def kriteria(fn: Criterion) -> Criterion:
    KRITERIA.append(fn)
    return fn


def verdicts(wb: m.InputWorkbook, result: Result, ctx: Context) -> list[LkeVerdict]:
    return [fn(wb, result, ctx) for fn in KRITERIA]


# --- helpers -------------------------------------------------------------------------------

def _share(done: int, total: int) -> str:
    if total and done == total:
        return TERPENUHI
    return SEBAGIAN_ if done else BELUM_


def _label(g) -> str:
    return f"Sasaran {g.kode}" if g.tingkat == "sasaran" else f"Tujuan {g.kode}"


def _unique(items) -> list[str]:
    out: list[str] = []
    for x in items:
        if x not in out:
            out.append(x)
    return out


def _kalimat(text: str) -> str:
    """A sentence: first letter upper case, a full stop ("" stays "")."""
    return f"{text[:1].upper()}{text[1:]}." if text else ""


def _tabel(result: Result, *keys: str) -> str:
    """"Tabel 3.3 dan 3.4": the tables present among these keys ("" when none is)."""
    numbers = [result.nomor.nomor[k] for k in keys if result.nomor.present.get(k)]
    return f"Tabel {fmt.rangkai(numbers)}" if numbers else ""


def _from_analysis(result: Result, nomor: int, kode: str, bagian: str, kriteria_teks: str,
                   bukti: str) -> LkeVerdict:
    """A verdict from one of the seven analyses over every sasaran (and tujuan)."""
    rows = [(g, a) for g in result.kelompok for a in g.analisis if a.nomor == nomor]
    full = [g for g, a in rows if a.status == LENGKAP]
    none = [g for g, a in rows if a.status == BELUM]
    if rows and len(full) == len(rows):
        status, alasan = TERPENUHI, ""
    elif rows and len(none) == len(rows):
        status = BELUM_
        alasan = "Belum untuk " + fmt.rangkai([_label(g) for g in none]) + "."
    else:
        status = SEBAGIAN_
        part = [g for g, a in rows if a.status not in (LENGKAP, BELUM)]
        bits = []
        if full:
            bits.append("lengkap untuk " + fmt.rangkai([_label(g) for g in full]))
        if part:
            bits.append("sebagian untuk " + fmt.rangkai([_label(g) for g in part]))
        if none:
            bits.append("belum untuk " + fmt.rangkai([_label(g) for g in none]))
        alasan = _kalimat("; ".join(bits))
    return LkeVerdict.make(kode=kode, bagian=bagian, kriteria=kriteria_teks, status=status,
                           bukti=bukti, alasan=alasan,
                           lengkapi=_unique(c for _, a in rows for c in a.lengkapi))


# --- Pelaporan Kinerja: the quality criteria -------------------------------------------------

@kriteria
def format_standar(wb, result, ctx) -> LkeVerdict:
    heads = [p for p in wb.perjanjian_kinerja if p.pihak_pertama == wb.instansi.kode_kepala]
    return LkeVerdict.make(
        kode="P.1", bagian=PELAPORAN,
        kriteria="Laporan Kinerja disusun sesuai format standar (PermenPANRB 53/2014)",
        status=TERPENUHI if heads else SEBAGIAN_,
        bukti="Bab I Pendahuluan, Bab II Perencanaan Kinerja (ringkasan Perjanjian Kinerja), "
              "Bab III Akuntabilitas Kinerja dengan analisis per sasaran strategis dan realisasi "
              "anggaran, Bab IV Penutup, Lampiran Perjanjian Kinerja",
        alasan="" if heads else "Perjanjian Kinerja kepala instansi tidak ada, sehingga lampiran "
                                "tidak memuat Perjanjian Kinerja pimpinan.",
        lengkapi=[] if heads else [f"{ctx.loc('Perjanjian Kinerja', None, 'pihak_pertama')}: "
                                   f"PK dengan pihak pertama {wb.instansi.kode_kepala}"])


@kriteria
def seluruh_iku(wb, result, ctx) -> LkeVerdict:
    in_pk = {p.kode_indikator for p in wb.pk_indikator if p.kode_indikator}
    kinerja = {k.kode_indikator: k for k in wb.kinerja_indikator}
    not_pk = [i for i in result.indikator if i.kode not in in_pk]
    not_measured = [i for i in result.indikator if not i.terukur]
    ok = len(result.indikator) - len({i.kode for i in not_pk + not_measured})
    alasan = []
    if not_measured:
        alasan.append("realisasi indikator " + fmt.rangkai([i.kode for i in not_measured])
                      + " tidak dapat diukur")
    if not_pk:
        alasan.append("indikator " + fmt.rangkai([i.kode for i in not_pk])
                      + " tidak tercantum di Perjanjian Kinerja")
    return LkeVerdict.make(
        kode="P.2", bagian=PELAPORAN,
        kriteria="Laporan Kinerja mengungkap seluruh informasi kinerja yang dicapai (setiap "
                 "IKU pada Perjanjian Kinerja)",
        status=_share(ok, len(result.indikator)),
        bukti=f"{_tabel(result, 'tabel_capaian')}; uraian setiap indikator di Bab III A "
              f"({len(result.indikator)} IKU)",
        alasan=_kalimat("; ".join(alasan)),
        lengkapi=[f"{ctx.loc('Kinerja Indikator', kinerja[i.kode].row, 'realisasi_langsung')}: "
                  f"realisasi indikator {i.kode}" for i in not_measured]
        + [f"{ctx.loc('PK Indikator', None, 'kode_indikator')}: baris IKU {i.kode} pada PK "
           f"kepala instansi" for i in not_pk])


@kriteria
def target_tahunan(wb, result, ctx) -> LkeVerdict:
    return _from_analysis(
        result, 1, "P.3", PELAPORAN, "Menyajikan perbandingan realisasi dengan target tahunan",
        f"{_tabel(result, 'tabel_capaian', 'tabel_analisis')}; butir 1 analisis setiap "
        f"sasaran di Bab III A, dengan pernyataan tercapai atau tidaknya setiap target")


@kriteria
def target_jangka_menengah(wb, result, ctx) -> LkeVerdict:
    return _from_analysis(
        result, 3, "P.4", PELAPORAN,
        "Menyajikan perbandingan realisasi dengan target jangka menengah (Renstra)",
        f"{_tabel(result, 'tabel_kemajuan')}; butir 3 analisis setiap sasaran")


@kriteria
def tahun_sebelumnya(wb, result, ctx) -> LkeVerdict:
    return _from_analysis(
        result, 2, "P.5", PELAPORAN,
        "Menyajikan perbandingan realisasi dengan realisasi tahun-tahun sebelumnya",
        (f"{_tabel(result, 'tabel_perbandingan')} (dengan baris capaian sasaran per tahun); "
         if result.nomor.present["tabel_perbandingan"] else "")
        + "butir 2 analisis setiap sasaran (uraian naik atau turunnya capaian)")


@kriteria
def pembanding(wb, result, ctx) -> LkeVerdict:
    return _from_analysis(
        result, 4, "P.6", PELAPORAN,
        f"Menyajikan perbandingan realisasi dengan pembanding ({result.istilah.pembanding}; "
        f"benchmark kinerja)",
        (f"{_tabel(result, 'tabel_pembanding')}; " if result.nomor.present["tabel_pembanding"]
         else "") + "butir 4 analisis setiap sasaran")


@kriteria
def keuangan_per_sasaran(wb, result, ctx) -> LkeVerdict:
    return _from_analysis(
        result, 6, "P.6a", PELAPORAN,
        f"Menyajikan informasi keuangan yang terkait dengan pencapaian setiap sasaran (varian "
        f"LKE tingkat {result.istilah.jenis})",
        f"{_tabel(result, 'tabel_efisiensi')} (jumlah anggaran setiap sasaran); butir 6 "
        f"analisis setiap sasaran")


@kriteria
def upaya_hambatan(wb, result, ctx) -> LkeVerdict:
    return _from_analysis(
        result, 5, "P.7", PELAPORAN,
        "Menginformasikan kualitas capaian kinerja beserta upaya nyata dan hambatannya",
        "butir 5 analisis setiap sasaran: faktor pendukung, faktor penghambat, upaya yang "
        "dilakukan dan rencana tindak lanjut setiap indikator")


@kriteria
def efisiensi_sumber_daya(wb, result, ctx) -> LkeVerdict:
    defined = [i for i in result.indikator if i.efisiensi.nilai is not None]
    todo = [i for i in result.indikator if i.efisiensi.nilai is None]
    unspent = [i for i in defined if i.efisiensi.tidak_terserap]
    alasan = []
    if todo:
        alasan.append("tingkat efisiensi indikator " + fmt.rangkai([i.kode for i in todo])
                      + " tidak dapat dihitung")
    if unspent:
        alasan.append("tingkat efisiensi indikator " + fmt.rangkai([i.kode for i in unspent])
                      + " di atas 1 karena anggaran tidak terserap; draf menyebutnya demikian")
    return LkeVerdict.make(
        kode="P.8", bagian=PELAPORAN,
        kriteria="Menginformasikan efisiensi atas penggunaan sumber daya dalam mencapai kinerja",
        status=_share(len(defined), len(result.indikator)),
        bukti=f"Bab III C: {_tabel(result, 'tabel_efisiensi', 'tabel_efisiensi_program')} "
              f"dengan uraiannya; butir 6 analisis setiap sasaran",
        alasan=_kalimat("; ".join(alasan)),
        lengkapi=[f"{ctx.loc('Sub Kegiatan', None, 'kode_indikator')}: sub kegiatan yang "
                  f"mendukung indikator {i.kode} ({i.efisiensi.alasan})" for i in todo])


@kriteria
def rekomendasi(wb, result, ctx) -> LkeVerdict:
    need = [r for r in result.rekomendasi if r.perlu]
    planned = [r for r in need if r.rencana]
    kriteria_teks = ("Menginformasikan upaya perbaikan dan penyempurnaan kinerja ke depan "
                     "(rekomendasi)")
    lengkapi = [f"{r.location}: indikator {r.kode_indikator}" for r in need if not r.rencana]
    if need:
        status = _share(len(planned), len(need))
        alasan = "" if status == TERPENUHI else (
            "Rencana tindak lanjut belum diisi untuk indikator "
            + fmt.rangkai([r.kode_indikator for r in need if not r.rencana]) + ".")
    else:
        status = TERPENUHI if result.rekomendasi else SEBAGIAN_
        alasan = "" if result.rekomendasi else (
            "Semua target tercapai pada kategori tertinggi; Bab IV belum memuat langkah ke depan "
            "karena kolom Rencana Tindak Lanjut kosong.")
        if not result.rekomendasi:
            lengkapi = [f"{ctx.loc('Analisis Indikator', None, 'rencana')}: langkah tahun "
                        f"berikutnya"]
    return LkeVerdict.make(kode="P.9", bagian=PELAPORAN, kriteria=kriteria_teks, status=status,
                           bukti="Bab IV Penutup: rekomendasi untuk setiap target yang belum "
                                 "tercapai atau lemah, dari Rencana Tindak Lanjut workbook",
                           alasan=alasan, lengkapi=lengkapi)


@kriteria
def tepat_waktu(wb, result, ctx) -> LkeVerdict:
    inst = wb.instansi
    year = inst.tahun + 1
    batas = dt.date(year, 2, calendar.monthrange(year, 2)[1])
    ok = inst.tanggal <= batas
    return LkeVerdict.make(
        kode="P.10", bagian=PELAPORAN,
        kriteria="Laporan Kinerja ditetapkan dan dipublikasikan (diunggah ke e-SAKIP/ESR) "
                 "paling lambat akhir Februari tahun berikutnya",
        status=TERPENUHI if ok else BELUM_,
        bukti=f"tanggal laporan {fmt.tanggal(inst.tanggal)} (Kata Pengantar dan tanda tangan)",
        alasan="" if ok else f"Tanggal laporan melewati batas {fmt.tanggal(batas)}.",
        lengkapi=[] if ok else [f"{ctx.loc('Instansi', wb.key_rows.get('Instansi', {}).get('tanggal'), 'tanggal')}: "
                                f"tanggal sampai {fmt.tanggal(batas)}"])


# --- The seven analyses per sasaran of PermenPANRB 53/2014 ------------------------------------

def _format(result: Result, nomor: int, *keys: str) -> LkeVerdict:
    tables = _tabel(result, *keys)
    bukti = (f"{tables}; " if tables else "") + f"butir {nomor} analisis setiap sasaran di Bab III A"
    teks = ANALISIS[nomor]
    return _from_analysis(result, nomor, f"A.{nomor}", FORMAT, teks[:1].upper() + teks[1:], bukti)


@kriteria
def analisis_target(wb, result, ctx) -> LkeVerdict:
    return _format(result, 1, "tabel_capaian", "tabel_analisis")


@kriteria
def analisis_tahun_lalu(wb, result, ctx) -> LkeVerdict:
    return _format(result, 2, "tabel_perbandingan")


@kriteria
def analisis_renstra(wb, result, ctx) -> LkeVerdict:
    return _format(result, 3, "tabel_kemajuan")


@kriteria
def analisis_pembanding(wb, result, ctx) -> LkeVerdict:
    return _format(result, 4, "tabel_pembanding")


@kriteria
def analisis_sebab(wb, result, ctx) -> LkeVerdict:
    return _format(result, 5)


@kriteria
def analisis_efisiensi(wb, result, ctx) -> LkeVerdict:
    return _format(result, 6, "tabel_efisiensi")


@kriteria
def analisis_program(wb, result, ctx) -> LkeVerdict:
    return _format(result, 7, "tabel_dukungan")
