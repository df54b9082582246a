"""The calculation core: validated input in, every figure of the report out.

Pure: no file I/O and no document libraries. The rules are those of
shared/DOMAIN.md ("The arithmetic"); each lives in the module of its topic
(indicators, budget, efficiency, agreements); this module puts them together.
"""

from __future__ import annotations

from .. import fmt
from ..workbook import models as m
from . import numbering
from .agreements import agreements
from .budget import budget_tree, scale_budget, sub_shares, sum_budgets, support
from .context import Context
from .efficiency import efisiensi
from .indicators import (
    HUNDRED, ZERO, capped, kategori, level_values, mean, pengali, realisasi_indikator,
    score_any,
)
from ..workbook.problems import Location
from .results import (
    IndicatorResult, Ikhtisar, Numbering, Result, ReviewNote, SasaranResult, ScaleBand, StaffTotals,
    TujuanResult,
    YearFigure,
)
from . import analysis, lke
from .agency import istilah
from .review import review_notes
from ..workbook.fieldtypes import NotMeasured
from .sarana import sarana_rows, sarana_totals

# Rekening lines the Word lampiran (Tabel 1.1) lists one by one: about 60 pages. Beyond it
# the Word table stops at the sub kegiatan level (a 100,000-line table would be some 2,500
# pages); the Tabel 1.1 spreadsheet always has every line.
LAMPIRAN_MAX_REKENING = 2_000

# Sub kegiatan the Word draft lists one by one (Tabel 2.6, 3.6, 3.7, 3.9 and the lampiran's
# Tabel 1.1 each have a row per sub kegiatan: some 15 pages each at this bound). Beyond it
# those tables stop at the kegiatan level and say where the rest is: the spreadsheets
# (Tabel 1.1 Realisasi; Efisiensi with Tabel 3.7 and 3.9) always have every sub kegiatan.
# A single agency has tens to a few hundred; 10,000 would be some 1,500 pages of tables.
DRAF_MAX_SUB_KEGIATAN = 500
# The same for the levels above: beyond 500 kegiatan those tables stop at the program
# level, beyond 500 programs (more than a whole kabupaten's government has) they hold the
# urusan totals only. 5,000 programs listed in five tables made some 50,000 rows (122 MB of
# document XML, 2,5 GB of memory while the draft was built).
DRAF_MAX_KEGIATAN = 500
DRAF_MAX_PROGRAM = 500


def draft_depth(wb: m.InputWorkbook) -> str:
    """The deepest budget level the Word draft's budget tables list (see the bounds)."""
    if len(wb.program) > DRAF_MAX_PROGRAM:
        return "urusan"
    if len(wb.kegiatan) > DRAF_MAX_KEGIATAN:
        return "program"
    if len(wb.sub_kegiatan) > DRAF_MAX_SUB_KEGIATAN:
        return "kegiatan"
    return "sub_kegiatan"


def compute(wb: m.InputWorkbook) -> Result:
    ctx = Context(wb)
    depth = draft_depth(wb)
    inst = wb.instansi
    kinerja = {k.kode_indikator: k for k in wb.kinerja_indikator}
    cap = inst.batas_capaian
    sasaran_of = {s.kode: s for s in wb.sasaran}

    # Indicators, without their budget first (the tree needs their capaian).
    base: dict[str, dict] = {}
    for ind in wb.indikator:
        k = kinerja[ind.kode]
        real = realisasi_indikator(k, pengali(ind))
        target = k.target_pk_perubahan if k.target_pk_perubahan is not None else k.target_pk_awal
        lower = ind.polaritas.value == "Turun"
        levels = level_values(wb.skala_kualitatif, ind.skala_kualitatif)
        sk = score_any(real, target, lower, levels)
        base[ind.kode] = dict(ind=ind, k=k, realisasi=real, target=target, capaian=sk.nilai,
                              skor=sk, lower=lower, levels=levels,
                              dinilai=capped(sk.nilai, cap))

    tree = budget_tree(ctx, base)
    subs = [n for n in tree.walk() if n.level == "sub_kegiatan"]
    shares = sub_shares(wb)

    indicators = []
    for ind in wb.indikator:
        b = base[ind.kode]
        k = b["k"]
        renstra = {t.tahun: t.target for t in wb.target_renstra if t.kode_indikator == ind.kode}
        akhir = renstra.get(inst.renstra_akhir)
        served = [n for n in subs if ind.kode in shares.get(n.kode, {})]
        budget = sum_budgets([scale_budget(n.budget, shares[n.kode][ind.kode]) for n in served])
        history = [
            YearFigure.make(tahun=t.tahun, target=t.target, realisasi=t.realisasi,
                            capaian=score_any(t.realisasi, t.target, b["lower"], b["levels"]).nilai,
                            capaian_tercatat=t.capaian_tercatat)
            for t in sorted(wb.kinerja_tahun_lalu, key=lambda t: t.tahun)
            if t.kode_indikator == ind.kode
        ]
        history.append(YearFigure.make(tahun=inst.tahun, target=b["target"],
                                       realisasi=b["realisasi"], capaian=b["capaian"]))
        kemajuan = None if akhir is None else score_any(b["realisasi"], akhir, b["lower"],
                                                        b["levels"])
        berubah = k.target_pk_perubahan is not None and k.target_pk_perubahan != k.target_pk_awal
        kode_tujuan = ind.kode_tujuan or (sasaran_of[ind.kode_sasaran].kode_tujuan
                                          if ind.kode_sasaran in sasaran_of else None)
        measured = not isinstance(b["realisasi"], NotMeasured)
        indicators.append(IndicatorResult.make(
            kode=ind.kode, nama=ind.indikator, satuan=ind.satuan, polaritas=ind.polaritas.value,
            kode_sasaran=ind.kode_sasaran, kode_tujuan=kode_tujuan,
            label_pembilang=ind.label_pembilang,
            label_penyebut=ind.label_penyebut, pembilang=k.pembilang, penyebut=k.penyebut,
            pengali=pengali(ind),
            realisasi=b["realisasi"], target=b["target"],
            target_sumber="PK Perubahan" if k.target_pk_perubahan is not None else "PK Awal",
            target_pk_awal=k.target_pk_awal, target_pk_perubahan=k.target_pk_perubahan,
            target_berubah=berubah,
            target_rkt=k.target_rkt, target_renstra=renstra,
            target_renstra_tahun=renstra.get(inst.tahun), target_akhir=akhir,
            kondisi_awal=ind.kondisi_awal, capaian=b["capaian"], capaian_dinilai=b["dinilai"],
            skor=b["skor"],
            kategori=kategori(b["dinilai"], ctx.scale) if b["dinilai"] is not None else None,
            tingkat_kemajuan=kemajuan.nilai if kemajuan else None, kemajuan=kemajuan,
            riwayat=history, anggaran=budget,
            efisiensi=efisiensi(b["capaian"], budget.serapan, budget.pagu, inst.ambang_serapan),
            sub_kegiatan=[n.kode for n in served],
            skala_kualitatif=ind.skala_kualitatif, keterangan=k.keterangan,
            tercapai=analysis.tercapai(b["skor"], measured),
            pembanding=analysis.benchmarks(ctx, ind.kode, inst.tahun, b["lower"], b["levels"],
                                           {y.tahun: y.realisasi for y in history}),
        ))

    tujuan = {t.kode: t.tujuan for t in wb.tujuan}
    from_workbook = (inst.capaian_sasaran is not None
                     and inst.capaian_sasaran.value == "Dari Workbook")
    sasaran = []
    for s in wb.sasaran:
        mine = [i for i in indicators if i.kode_sasaran == s.kode]
        avg = s.capaian if from_workbook else mean(i.capaian_dinilai for i in mine)
        sasaran.append(SasaranResult.make(
            kode=s.kode, nama=s.sasaran, kode_tujuan=s.kode_tujuan, tujuan=tujuan[s.kode_tujuan],
            indikator=[i.kode for i in mine],
            capaian=avg, kategori=kategori(avg, ctx.scale) if avg is not None else None,
            capaian_sumber="Dari Workbook" if from_workbook else "Rata-rata Indikator"))
    tujuan_results = [
        TujuanResult.make(kode=t.kode, nama=t.tujuan,
                          indikator=[i.kode for i in indicators
                                     if i.kode_sasaran is None and i.kode_tujuan == t.kode],
                          sasaran=[s.kode for s in wb.sasaran if s.kode_tujuan == t.kode])
        for t in wb.tujuan]

    bands = []
    ordered = sorted(ctx.scale, key=lambda s: s.urutan)
    for i, band in enumerate(ordered):
        upper = ordered[i - 1].batas_bawah if i > 0 else None
        bands.append(ScaleBand.make(urutan=band.urutan, kategori=band.kategori,
                                    batas_bawah=band.batas_bawah, batas_atas=upper,
                                    batas_atas_tertulis=band.batas_atas,
                                    jumlah_indikator=sum(1 for r in indicators
                                                         if r.kategori == band.kategori)))

    below = [n for n in subs if n.budget.serapan is not None
             and n.budget.serapan < inst.ambang_serapan]

    total = tree.budget
    ind_mean = mean(i.capaian_dinilai for i in indicators)
    sas_mean = mean(s.capaian for s in sasaran if s.capaian is not None)
    ikhtisar = Ikhtisar.make(
        pagu=total.pagu, pagu_operasi=total.pagu_operasi, pagu_modal=total.pagu_modal,
        realisasi=total.realisasi, realisasi_operasi=total.realisasi_operasi,
        realisasi_modal=total.realisasi_modal, serapan=total.serapan,
        efisiensi_anggaran=None if total.serapan is None else HUNDRED - total.serapan,
        jenis_belanja=tuple(k for k, pagu, real in (
            ("operasi", total.pagu_operasi, total.realisasi_operasi),
            ("modal", total.pagu_modal, total.realisasi_modal)) if pagu or real),
        jumlah_sasaran=len(sasaran), jumlah_indikator=len(indicators),
        jumlah_indikator_tujuan=sum(1 for i in indicators if i.kode_sasaran is None),
        rata_capaian_indikator=ind_mean, rata_capaian_sasaran=sas_mean,
        kategori_rata=_kategori_opt(sas_mean if sas_mean is not None else ind_mean, ctx.scale),
    )

    sarana = sarana_rows(wb.sarana_prasarana)
    sarana_jumlah, sarana_nilai = sarana_totals(sarana)
    result = Result.make(
        tahun=inst.tahun, indikator=indicators, sasaran=sasaran, tujuan=tujuan_results,
        skala=bands, anggaran=tree,
        dukungan=support(tree, indicators), sub_di_bawah_ambang=below, ikhtisar=ikhtisar,
        pegawai=_staff(wb), perjanjian=agreements(wb, tree, base),
        sarana_jumlah=sarana_jumlah, sarana_nilai=sarana_nilai, sarana=sarana,
        catatan=[],
        nomor=numbering.decide(
            jabatan=len(wb.pegawai_jabatan), pendidikan=len(wb.pegawai_pendidikan),
            golongan=len(wb.pegawai_golongan),
            pk_perubahan=any(i.target_pk_perubahan is not None for i in indicators)
            or any(p.jenis.value == "Perubahan" and p.pihak_pertama == inst.kode_kepala
                   for p in wb.perjanjian_kinerja),
            tahun=inst.tahun, riwayat_tahun={y.tahun for i in indicators for y in i.riwayat},
            sarana=len(wb.sarana_prasarana),
            pembanding=any(i.pembanding for i in indicators)),
        lampiran_rekening=len(wb.rekening) <= LAMPIRAN_MAX_REKENING,
        draf_sub_kegiatan=depth == "sub_kegiatan",
        draf_tingkat=depth,
    )
    result = result.replace(istilah=istilah(inst))
    result = result.replace(kelompok=analysis.group_results(wb, result, ctx))
    result = result.replace(rekomendasi=analysis.recommendations(wb, result, ctx))
    result = result.replace(lke=lke.verdicts(wb, result, ctx))
    notes = review_notes(wb, result, ctx)
    if not result.draf_sub_kegiatan:
        count = {"kegiatan": len(wb.sub_kegiatan), "program": len(wb.kegiatan),
                 "urusan": len(wb.program)}[depth]
        notes.append(draf_note(count, result.nomor, depth))
    elif not result.lampiran_rekening:
        notes.append(lampiran_note(len(wb.rekening)))
    return result.replace(catatan=notes)


def lampiran_note(count: int) -> ReviewNote:
    """The review note said when the Word lampiran stops at the sub kegiatan level."""
    return ReviewNote.make(
        kind="lampiran_ringkas", location=Location("Rekening"),
        message=(f"Workbook memuat {fmt.angka(count)} baris rekening, lebih dari "
                 f"{fmt.angka(LAMPIRAN_MAX_REKENING)} yang dimuat lampiran Word"
                 + "; Tabel 1.1 di lampiran Word berhenti pada tingkat sub kegiatan dan "
                   "rincian setiap rekening ada di spreadsheet Tabel 1.1 Realisasi."))



# For each depth the draft can stop at: the sheet and word of the level that is too long,
# its bound, what the tables then hold, and what the spreadsheets have instead.
_DRAF_DEPTH = {
    "kegiatan": ("Sub Kegiatan", "sub kegiatan", "DRAF_MAX_SUB_KEGIATAN",
                 "berhenti pada tingkat kegiatan", "setiap sub kegiatan"),
    "program": ("Kegiatan", "kegiatan", "DRAF_MAX_KEGIATAN",
                "berhenti pada tingkat program", "setiap kegiatan dan sub kegiatan"),
    "urusan": ("Program", "program", "DRAF_MAX_PROGRAM", "hanya memuat jumlah per urusan",
               "setiap program, kegiatan dan sub kegiatan"),
}


def draf_note(count: int, nomor: Numbering, depth: str = "kegiatan") -> ReviewNote:
    """The review note said when the Word draft's tables stop above the sub kegiatan level
    (`depth`, see `draft_depth`; the tables named by their numbers in this report)."""
    sheet, word, bound, held, rest = _DRAF_DEPTH[depth]
    tables = [nomor.nomor[k] for k in ("tabel_program", "tabel_dukungan", "tabel_anggaran",
                                       "tabel_efisiensi_program") if nomor.nomor[k]]
    return ReviewNote.make(
        kind="draf_ringkas", location=Location(sheet),
        message=(f"Workbook memuat {fmt.angka(count)} {word}, lebih dari "
                 f"{fmt.angka(globals()[bound])} yang dimuat draf Word"
                 + f"; Tabel {', '.join(tables)} dan Tabel 1.1 di lampiran draf Word {held}, "
                   f"dan rincian {rest} ada di spreadsheet Tabel 1.1 Realisasi dan "
                   f"Efisiensi."))


def _kategori_opt(value, scale) -> str:
    return "-" if value is None else kategori(value, scale)


def _staff(wb: m.InputWorkbook) -> StaffTotals:
    rows = wb.pegawai_jabatan
    totals = {"pns": sum(r.pns for r in rows), "pppk": sum(r.pppk for r in rows),
              "kontrak": sum(r.kontrak for r in rows)}
    return StaffTotals.make(
        **totals, status=tuple(k for k, n in totals.items() if n > 0),
        per_jabatan={r.row: r.pns + r.pppk + r.kontrak for r in rows},
        jumlah=sum(r.pns + r.pppk + r.kontrak for r in rows),
        pendidikan=sum(r.jumlah for r in wb.pegawai_pendidikan),
        golongan=sum(r.jumlah for r in wb.pegawai_golongan),
    )

