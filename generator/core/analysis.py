"""The analyses PermenPANRB 53/2014 asks for each sasaran strategis, decided from the data.

For every indicator: whether its target was reached (said apart from its kategori) and how
it stands against its benchmarks. For every sasaran (and every tujuan with indicators of its
own): its capaian this year and in earlier years, its progress toward the Renstra end
target, its budget and efficiency, the programs that carried it, which of the seven
analyses the workbook completes and which cells would complete the others. And the targets
that need work next year, with the steps the workbook plans for them (BAB IV).

Pure, like the rest of the core: the renderers only put these into words and tables.
"""

from __future__ import annotations

from typing import Optional

from .. import fmt
from ..numbers import round_half_up
from ..workbook import models as m
from ..workbook.fieldtypes import JenisPembanding
from .budget import sum_budgets
from .context import Context
from .efficiency import efisiensi
from .indicators import HUNDRED, capped, kategori, mean, score_any
from .results import (
    Analysis, Benchmark, GroupResult, IndicatorResult, RealisasiValue, Recommendation, Result,
    Score, YearCapaian,
)

LENGKAP, SEBAGIAN, BELUM = "lengkap", "sebagian", "belum"

# The seven analyses of PermenPANRB 53/2014 (Bab III A), in its order.
ANALISIS = {
    1: "target dan realisasi tahun ini",
    2: "realisasi dan capaian tahun ini dibandingkan tahun-tahun sebelumnya",
    3: "realisasi sampai dengan tahun ini dibandingkan target akhir Renstra",
    4: "realisasi dibandingkan pembanding (standar nasional atau lainnya)",
    5: "penyebab keberhasilan atau kegagalan dan upaya yang dilakukan",
    6: "efisiensi penggunaan sumber daya",
    7: "program dan kegiatan yang menunjang keberhasilan atau kegagalan",
}


def tercapai(skor: Score, measured: bool) -> Optional[bool]:
    """Whether a target was reached: a capaian of 100 or more as displayed (2 decimals, as
    the kategori rule reads it); a zero target (lower is better) is missed as soon as
    anything happened, although its capaian is undefined; None when not measured or when
    target and realisation cannot be compared."""
    if not measured:
        return None
    if skor.nilai is not None:
        return round_half_up(skor.nilai, 2) >= HUNDRED
    if skor.acuan == 0 and skor.alasan and skor.alasan.startswith("target 0 sedangkan"):
        return False
    return None


def posisi_pembanding(skor: Optional[Score]) -> Optional[str]:
    """How a realisation stands against a benchmark, read from its score against it (the
    indicator's own rule: polarity, range, qualitative scale)."""
    if skor is None or skor.nilai is None:
        return None
    if skor.posisi == "dalam":
        return "dalam"
    shown = round_half_up(skor.nilai, 2)
    if shown > HUNDRED:
        return "lebih baik"
    if shown == HUNDRED:
        return "sama"
    return "lebih buruk"


def benchmarks(ctx: Context, kode: str, tahun: int, lower: bool, levels: dict,
               by_year: dict[int, Optional[RealisasiValue]]) -> list[Benchmark]:
    """The indicator's benchmarks (Pembanding sheet), each compared with the indicator's
    realisation of its year; those of the report year first, then the latest years."""
    out = []
    for p in ctx.wb.pembanding:
        if p.kode_indikator != kode:
            continue
        year = p.tahun or tahun
        real = by_year.get(year)
        skor = score_any(real, p.nilai, lower, levels) if year in by_year else Score.make(
            nilai=None, alasan=f"realisasi tahun {year} tidak ada di workbook")
        out.append(Benchmark.make(
            tahun=year, tingkat=p.tingkat.value, jenis=(p.jenis or JenisPembanding.TARGET).value,
            nilai=p.nilai, sumber=p.sumber, keterangan=p.keterangan, realisasi=real, skor=skor,
            posisi=posisi_pembanding(skor), location=ctx.loc("Pembanding", p.row, "nilai")))
    return sorted(out, key=lambda b: (b.tahun != tahun, -b.tahun))


# --- Per sasaran -------------------------------------------------------------------------

def group_results(wb: m.InputWorkbook, result: Result, ctx: Context) -> list[GroupResult]:
    """A GroupResult for every group of the indicator tables (Result.groups()): each sasaran
    with indicators, and each tujuan with indicators of its own."""
    sasaran = {s.kode: s for s in result.sasaran}
    cap = wb.instansi.batas_capaian
    analisis = {a.kode_indikator: a for a in wb.analisis_indikator}
    out = []
    for g in result.groups():
        inds = [result.indicator(k) for k in g.indikator]
        if g.tingkat == "sasaran":
            s = sasaran[g.kode]
            capaian, kat, sumber = s.capaian, s.kategori, s.capaian_sumber
        else:
            capaian = mean(i.capaian_dinilai for i in inds)
            kat = kategori(capaian, ctx.scale) if capaian is not None else None
            sumber = "Rata-rata Indikator"
        met = [i.kode for i in inds if i.tercapai is True]
        missed = [i.kode for i in inds if i.tercapai is False]
        other = [i.kode for i in inds if i.tercapai is None]
        years = sorted({y.tahun for i in inds for y in i.riwayat})
        riwayat = []
        for year in years:
            values = [capped(y.capaian, cap) for i in inds for y in i.riwayat
                      if y.tahun == year and y.capaian is not None]
            value = capaian if year == result.tahun else mean(values)
            riwayat.append(YearCapaian.make(tahun=year, capaian=value, jumlah=len(values),
                                            dari=len(inds)))
        kemajuan = [i.tingkat_kemajuan for i in inds if i.tingkat_kemajuan is not None]
        budget = sum_budgets([i.anggaran for i in inds])
        programs: list[str] = []
        for d in result.dukungan:
            if d.kode_indikator in g.indikator:
                for p in d.nodes:
                    if p.kode not in programs:
                        programs.append(p.kode)
        out.append(GroupResult.make(
            tingkat=g.tingkat, kode=g.kode, nama=g.nama, tujuan=g.tujuan, indikator=g.indikator,
            capaian=capaian, kategori=kat, capaian_sumber=sumber,
            tercapai=None if not met and not missed else not missed,
            indikator_tercapai=met, indikator_belum=missed, indikator_lain=other,
            riwayat=riwayat, kemajuan=mean(kemajuan), kemajuan_jumlah=len(kemajuan),
            anggaran=budget,
            efisiensi=efisiensi(capaian, budget.serapan, budget.pagu,
                                wb.instansi.ambang_serapan),
            program=programs,
            analisis=_analyses(wb, result, ctx, inds, analisis, capaian, budget, programs)))
    return out


def _status(done: int, total: int) -> str:
    if total and done == total:
        return LENGKAP
    return SEBAGIAN if done else BELUM


def _analyses(wb, result: Result, ctx: Context, inds: list[IndicatorResult], analisis: dict,
              capaian, budget, programs) -> list[Analysis]:
    """How complete the workbook makes each of the seven analyses for one group."""
    kinerja = {k.kode_indikator: k for k in wb.kinerja_indikator}
    out = []

    # 1. this year against target: a capaian for every indicator
    todo = [i for i in inds if i.capaian is None]
    out.append(Analysis.make(nomor=1, status=_status(len(inds) - len(todo), len(inds)), lengkapi=[
        f"{ctx.loc('Kinerja Indikator', kinerja[i.kode].row, 'target_pk_awal')}: target atau "
        f"realisasi indikator {i.kode} ({i.skor.alasan})" for i in todo]))

    # 2. against earlier years: at least one earlier year with a capaian for every indicator
    todo = [i for i in inds if not any(y.tahun < result.tahun and y.capaian is not None
                                       for y in i.riwayat)]
    out.append(Analysis.make(nomor=2, status=_status(len(inds) - len(todo), len(inds)), lengkapi=[
        f"{_sheet_col(ctx, 'Kinerja Tahun Lalu', 'kode_indikator')}: target dan realisasi "
        f"indikator {i.kode} tahun {result.tahun - 1}" for i in todo]))

    # 3. against the Renstra end target: a tingkat kemajuan for every indicator
    todo = [i for i in inds if i.tingkat_kemajuan is None]
    out.append(Analysis.make(nomor=3, status=_status(len(inds) - len(todo), len(inds)), lengkapi=[
        f"{_sheet_col(ctx, 'Target Renstra', 'target')}: target indikator {i.kode} tahun "
        f"{wb.instansi.renstra_akhir} (akhir Renstra)" for i in todo if i.terukur]))

    # 4. against a benchmark: one comparable benchmark of the report year, for any indicator
    # (not every indicator has a national standard; where one is given it is compared)
    given = [i for i in inds if any(b.posisi is not None for b in i.pembanding)]
    out.append(Analysis.make(nomor=4, status=LENGKAP if given else BELUM,
                             lengkapi=[] if given else [
        f"{_sheet_col(ctx, 'Pembanding', 'kode_indikator')}: angka pembanding "
        f"({result.istilah.pembanding if result.istilah else 'nasional'}) dan sumbernya untuk "
        f"indikator "
        f"{fmt.rangkai([i.kode for i in inds])}, bila ada"]))

    # 5. causes and remedies: supporting factors of a target reached; obstacles, what was
    # done and what is planned for a target missed; what was done or planned otherwise
    todo_cells, done = [], 0
    for i in inds:
        a = analisis.get(i.kode)
        missing = _missing_analysis(i, a)
        if missing:
            row = a.row if a else None
            for field_name in missing:
                where = ctx.loc("Analisis Indikator", row, field_name) if row else \
                    _sheet_col(ctx, "Analisis Indikator", field_name)
                todo_cells.append(f"{where}: indikator {i.kode}")
        else:
            done += 1
    out.append(Analysis.make(nomor=5, status=_status(done, len(inds)), lengkapi=todo_cells))

    # 6. efficiency: a budget for the group and a ratio that can be computed
    e = efisiensi(capaian, budget.serapan, budget.pagu)
    out.append(Analysis.make(nomor=6, status=LENGKAP if e.nilai is not None else BELUM,
                             lengkapi=[] if e.nilai is not None else [
        f"{_sheet_col(ctx, 'Sub Kegiatan', 'kode_indikator')}: sub kegiatan yang mendukung "
        f"indikator {fmt.rangkai([i.kode for i in inds])} ({e.alasan})"]))

    # 7. programs and kegiatan: every indicator served by a sub kegiatan
    todo = [i for i in inds if not i.sub_kegiatan]
    out.append(Analysis.make(nomor=7, status=_status(len(inds) - len(todo), len(inds)), lengkapi=[
        f"{_sheet_col(ctx, 'Sub Kegiatan', 'kode_indikator')}: sub kegiatan yang mendukung "
        f"indikator {i.kode}" for i in todo]))
    return out


def _missing_analysis(i: IndicatorResult, a: Optional[m.AnalisisIndikator]) -> list[str]:
    """The Analisis Indikator columns an indicator still needs for analysis 5."""
    def empty(name):
        return a is None or not getattr(a, name)

    if i.tercapai is True:
        return ["pendukung"] if empty("pendukung") and empty("uraian") else []
    if i.tercapai is False:
        return [n for n in ("penghambat", "upaya", "rencana") if empty(n)]
    return ["upaya"] if empty("upaya") and empty("rencana") else []


def _sheet_col(ctx: Context, sheet: str, field_name: str) -> str:
    """A sheet and column for a row still to be added: "Kinerja Tahun Lalu (Kode Indikator)"."""
    return str(ctx.loc(sheet, None, field_name))


# --- What needs work next year -------------------------------------------------------------

def recommendations(wb: m.InputWorkbook, result: Result, ctx: Context) -> list[Recommendation]:
    """Every indicator whose target was missed, whose capaian is below the top category,
    which could not be measured or which is worse than its benchmark, with the steps the
    workbook plans for it; then the planned steps of the other indicators."""
    analisis = {a.kode_indikator: a for a in wb.analisis_indikator}
    top = max(ctx.scale, key=lambda s: s.batas_bawah).kategori
    need, other = [], []
    for i in result.indikator:
        alasan = []
        if not i.terukur:
            alasan.append("realisasinya tidak dapat diukur")
        elif i.tercapai is False:
            alasan.append(f"target belum tercapai: capaian {fmt.pct(i.capaian)}"
                          if i.capaian is not None else "target belum tercapai")
        elif i.capaian is None:
            alasan.append("capaiannya tidak dapat dihitung")
        if i.kategori is not None and i.kategori != top:
            alasan.append(f"capaiannya pada kategori {i.kategori}, di bawah kategori {top}")
        for b in i.pembanding:
            if b.tahun == result.tahun and b.posisi == "lebih buruk":
                alasan.append(f"realisasinya belum mencapai {nama_pembanding(b)}"
                              if b.jenis == "Target" else
                              f"realisasinya lebih buruk dari {nama_pembanding(b)}")
        a = analisis.get(i.kode)
        rencana = list(a.rencana) if a and a.rencana else []
        where = ctx.loc("Analisis Indikator", a.row, "rencana") if a else \
            ctx.loc("Analisis Indikator", None, "rencana")
        if alasan:
            need.append(Recommendation.make(kode_indikator=i.kode, alasan=alasan, rencana=rencana,
                                            location=where))
        elif rencana:
            other.append(Recommendation.make(kode_indikator=i.kode, alasan=[], rencana=rencana,
                                             perlu=False, location=where))
    return need + other


TINGKAT_KATA = {"Nasional": "nasional", "Provinsi": "provinsi", "Kabupaten/Kota":
                "kabupaten/kota", "Lainnya": ""}


def nama_pembanding(b: Benchmark) -> str:
    """The benchmark in words: "target nasional", "realisasi provinsi", "standar pelayanan
    minimal", "target pembanding" / "angka pembanding" (level Lainnya)."""
    if b.tingkat == "Standar Pelayanan Minimal":
        return "standar pelayanan minimal"
    tingkat = TINGKAT_KATA.get(b.tingkat, "")
    if not tingkat:
        return "target pembanding" if b.jenis == "Target" else "angka pembanding"
    return f"{b.jenis.lower()} {tingkat}"
