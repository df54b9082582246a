"""The calculation core: validated input in, every figure of the report out.

Pure: no file I/O and no document libraries. The rules are those of
shared/DOMAIN.md ("The arithmetic"); each is a small function below.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Iterable, Optional

from .. import models as m
from ..fieldtypes import JenisBelanja, TargetRange
from ..numbers import round_half_up
from ..problems import Location
from ..sheets import SHEET_BY_NAME
from .results import (
    Budget, BudgetNode, Efficiency, Ikhtisar, IndicatorResult, IndicatorSupport, Output,
    PKBudgetRow, PKIndicatorRow, PKResult, Result, SasaranResult, ScaleBand, StaffTotals,
    TargetValue, YearFigure,
)
from .review import review_notes

HUNDRED = Decimal(100)
ZERO = Decimal(0)

# Display order of the spending groups under a sub kegiatan (Tabel 1.1).
JENIS_ORDER = [JenisBelanja.PEGAWAI, JenisBelanja.BARANG_JASA, JenisBelanja.BUNGA,
               JenisBelanja.SUBSIDI, JenisBelanja.HIBAH, JenisBelanja.BANSOS,
               JenisBelanja.MODAL]


# --- Rules ------------------------------------------------------------------------------

def realisasi_indikator(k: m.KinerjaIndikator) -> Decimal:
    """Numerator / denominator x 100, or the value given directly."""
    if k.realisasi_langsung is not None:
        return k.realisasi_langsung
    return k.pembilang / k.penyebut * HUNDRED


def capaian(realisasi: Decimal, target: TargetValue, lower_is_better: bool = False) -> Decimal:
    """Achievement (%) of a realisation against a target (a number or a range).

    Higher is better: realisasi / target x 100. Lower is better:
    (2 x target - realisasi) / target x 100, never below 0. Against a range, a
    realisation inside it scores 100; outside, it is measured against the nearer bound.
    """
    if isinstance(target, TargetRange):
        if target.low <= realisasi <= target.high:
            return HUNDRED
        bound = target.low if realisasi < target.low else target.high
        return capaian(realisasi, bound, lower_is_better)
    if lower_is_better:
        return max(ZERO, (2 * target - realisasi) / target * HUNDRED)
    return realisasi / target * HUNDRED


def kategori(value: Decimal, scale: list[m.SkalaKategori]) -> str:
    """The category whose half-open interval holds the value (as displayed, 2 decimals)."""
    shown = round_half_up(value, 2)
    for band in sorted(scale, key=lambda s: s.batas_bawah, reverse=True):
        if shown >= band.batas_bawah:
            return band.kategori
    return sorted(scale, key=lambda s: s.batas_bawah)[0].kategori


def efisiensi(capaian_pct: Optional[Decimal], serapan_pct: Optional[Decimal],
              pagu: Decimal) -> Efficiency:
    """Output over input: capaian kinerja (%) / serapan anggaran (%)."""
    if capaian_pct is None:
        return Efficiency(capaian=None, serapan=serapan_pct, nilai=None,
                          alasan="capaian kinerja tidak tersedia")
    if pagu == 0 or serapan_pct is None:
        return Efficiency(capaian=capaian_pct, serapan=None, nilai=None,
                          alasan="tidak ada pagu anggaran")
    if serapan_pct == 0:
        return Efficiency(capaian=capaian_pct, serapan=serapan_pct, nilai=None,
                          alasan="serapan anggaran 0%, rasio tidak terdefinisi")
    return Efficiency(capaian=capaian_pct, serapan=serapan_pct, nilai=capaian_pct / serapan_pct)


def sum_budgets(budgets: list[Budget], pagu_sebelum: Optional[Decimal] = None) -> Budget:
    """The sum of children; fisik weighted by pagu; pagu sebelum only when every child has it."""
    if pagu_sebelum is None and budgets and all(b.pagu_sebelum is not None for b in budgets):
        pagu_sebelum = sum((b.pagu_sebelum for b in budgets), ZERO)
    return Budget(
        pagu_sebelum=pagu_sebelum,
        pagu_operasi=sum((b.pagu_operasi for b in budgets), ZERO),
        pagu_modal=sum((b.pagu_modal for b in budgets), ZERO),
        realisasi_operasi=sum((b.realisasi_operasi for b in budgets), ZERO),
        realisasi_modal=sum((b.realisasi_modal for b in budgets), ZERO),
        fisik=_weighted(budgets, "fisik", "pagu"),
        fisik_operasi=_weighted(budgets, "fisik_operasi", "pagu_operasi"),
        fisik_modal=_weighted(budgets, "fisik_modal", "pagu_modal"),
    )


def _weighted(budgets: list[Budget], value: str, weight: str) -> Optional[Decimal]:
    """Children's values weighted by their pagu; None when the pagu adds up to 0."""
    total = sum((getattr(b, weight) for b in budgets), ZERO)
    if total == 0:
        return None
    part = sum((getattr(b, value) * getattr(b, weight) for b in budgets
                if getattr(b, value) is not None), ZERO)
    return part / total


def rekening_budget(r: m.Rekening) -> Budget:
    modal = r.jenis.is_modal
    return Budget(
        pagu_sebelum=r.pagu_sebelum,
        pagu_operasi=ZERO if modal else r.pagu,
        pagu_modal=r.pagu if modal else ZERO,
        realisasi_operasi=ZERO if modal else r.realisasi,
        realisasi_modal=r.realisasi if modal else ZERO,
        fisik=r.fisik if r.pagu > 0 else None,
        fisik_operasi=r.fisik if r.pagu > 0 and not modal else None,
        fisik_modal=r.fisik if r.pagu > 0 and modal else None,
    )


def mean(values: Iterable[Decimal]) -> Optional[Decimal]:
    values = list(values)
    return sum(values, ZERO) / len(values) if values else None


# --- The whole computation ----------------------------------------------------------------

class _Ctx:
    """Lookups shared by the steps of one computation."""

    def __init__(self, wb: m.InputWorkbook):
        self.wb = wb
        self.scale = wb.skala_kategori
        self.top = max(s.batas_bawah for s in self.scale)

    def loc(self, sheet: str, row: int | None, field: str | None) -> Location:
        spec = SHEET_BY_NAME[sheet]
        cols = self.wb.columns.get(sheet, {})
        alias = spec.alias_of(field) if field else None
        col = cols.get("value") if spec.keyvalue else cols.get(field)
        return Location(sheet, row, col, alias)

    def output(self, indikator: Optional[str], satuan: Optional[str],
               target: Optional[TargetValue], realisasi: Optional[Decimal],
               cap: Optional[Decimal] = None) -> Output:
        if cap is None and target is not None and realisasi is not None:
            cap = capaian(realisasi, target)
        kat = kategori(cap, self.scale) if cap is not None else None
        menunjang = None if cap is None else round_half_up(cap, 2) >= self.top
        return Output(indikator=indikator, satuan=satuan, target=target, realisasi=realisasi,
                      capaian=cap, kategori=kat, menunjang=menunjang)


def compute(wb: m.InputWorkbook) -> Result:
    ctx = _Ctx(wb)
    inst = wb.instansi
    kinerja = {k.kode_indikator: k for k in wb.kinerja_indikator}

    # Indicators, without their budget first (the tree needs their capaian).
    base: dict[str, dict] = {}
    for ind in wb.indikator:
        k = kinerja[ind.kode]
        real = realisasi_indikator(k)
        target = k.target_pk_perubahan if k.target_pk_perubahan is not None else k.target_pk_awal
        lower = ind.polaritas.value == "Turun"
        cap = capaian(real, target, lower)
        base[ind.kode] = dict(ind=ind, k=k, realisasi=real, target=target, capaian=cap,
                              lower=lower)

    tree = _budget_tree(ctx, base)
    subs = [n for n in tree.walk() if n.level == "sub_kegiatan"]

    indicators = []
    for ind in wb.indikator:
        b = base[ind.kode]
        k = b["k"]
        renstra = {t.tahun: t.target for t in wb.target_renstra if t.kode_indikator == ind.kode}
        akhir = renstra.get(inst.renstra_akhir)
        served = [n for n in subs if n.kode_indikator == ind.kode]
        budget = sum_budgets([n.budget for n in served])
        history = [
            YearFigure(tahun=t.tahun, target=t.target, realisasi=t.realisasi,
                       capaian=capaian(t.realisasi, t.target, b["lower"]),
                       capaian_tercatat=t.capaian_tercatat)
            for t in sorted(wb.kinerja_tahun_lalu, key=lambda t: t.tahun)
            if t.kode_indikator == ind.kode
        ]
        history.append(YearFigure(tahun=inst.tahun, target=b["target"], realisasi=b["realisasi"],
                                  capaian=b["capaian"]))
        indicators.append(IndicatorResult(
            kode=ind.kode, nama=ind.indikator, satuan=ind.satuan, polaritas=ind.polaritas.value,
            kode_sasaran=ind.kode_sasaran, label_pembilang=ind.label_pembilang,
            label_penyebut=ind.label_penyebut, pembilang=k.pembilang, penyebut=k.penyebut,
            realisasi=b["realisasi"], target=b["target"],
            target_sumber="PK Perubahan" if k.target_pk_perubahan is not None else "PK Awal",
            target_pk_awal=k.target_pk_awal, target_pk_perubahan=k.target_pk_perubahan,
            target_rkt=k.target_rkt, target_renstra=renstra,
            target_renstra_tahun=renstra.get(inst.tahun), target_akhir=akhir,
            kondisi_awal=ind.kondisi_awal, capaian=b["capaian"],
            kategori=kategori(b["capaian"], ctx.scale),
            tingkat_kemajuan=None if not akhir else b["realisasi"] / akhir * HUNDRED,
            riwayat=history, anggaran=budget,
            efisiensi=efisiensi(b["capaian"], budget.serapan, budget.pagu),
            sub_kegiatan=[n.kode for n in served],
        ))

    tujuan = {t.kode: t.tujuan for t in wb.tujuan}
    sasaran = []
    for s in wb.sasaran:
        caps = [i.capaian for i in indicators if i.kode_sasaran == s.kode]
        avg = mean(caps)
        sasaran.append(SasaranResult(
            kode=s.kode, nama=s.sasaran, kode_tujuan=s.kode_tujuan, tujuan=tujuan[s.kode_tujuan],
            indikator=[i.kode for i in indicators if i.kode_sasaran == s.kode],
            capaian=avg, kategori=kategori(avg, ctx.scale) if avg is not None else None))

    bands = []
    ordered = sorted(ctx.scale, key=lambda s: s.urutan)
    for i, band in enumerate(ordered):
        upper = ordered[i - 1].batas_bawah if i > 0 else None
        bands.append(ScaleBand(urutan=band.urutan, kategori=band.kategori,
                               batas_bawah=band.batas_bawah, batas_atas=upper,
                               jumlah_indikator=sum(1 for r in indicators
                                                    if r.kategori == band.kategori)))

    below = [n for n in subs if n.budget.serapan is not None
             and n.budget.serapan < inst.ambang_serapan]

    total = tree.budget
    ind_mean = mean(i.capaian for i in indicators)
    sas_mean = mean(s.capaian for s in sasaran if s.capaian is not None)
    ikhtisar = Ikhtisar(
        pagu=total.pagu, pagu_operasi=total.pagu_operasi, pagu_modal=total.pagu_modal,
        realisasi=total.realisasi, realisasi_operasi=total.realisasi_operasi,
        realisasi_modal=total.realisasi_modal, serapan=total.serapan,
        efisiensi_anggaran=None if total.serapan is None else HUNDRED - total.serapan,
        jumlah_sasaran=len(sasaran), jumlah_indikator=len(indicators),
        rata_capaian_indikator=ind_mean, rata_capaian_sasaran=sas_mean,
        kategori_rata=kategori(sas_mean if sas_mean is not None else ind_mean, ctx.scale),
    )

    result = Result(
        tahun=inst.tahun, indikator=indicators, sasaran=sasaran, skala=bands, anggaran=tree,
        dukungan=_support(tree, indicators), sub_di_bawah_ambang=below, ikhtisar=ikhtisar,
        pegawai=_staff(wb), perjanjian=_agreements(wb, tree, base),
        sarana_jumlah=sum(s.jumlah for s in wb.sarana_prasarana),
        sarana_nilai=sum((s.nilai for s in wb.sarana_prasarana), ZERO),
        catatan=[],
    )
    return result.model_copy(update={"catatan": review_notes(wb, result, ctx)})


def _budget_tree(ctx: _Ctx, base: dict[str, dict]) -> BudgetNode:
    wb = ctx.wb
    rek_by_sub: dict[str, list[m.Rekening]] = defaultdict(list)
    for r in wb.rekening:
        rek_by_sub[r.kode_sub_kegiatan].append(r)

    def sub_node(s: m.SubKegiatan) -> BudgetNode:
        groups = []
        lines = rek_by_sub.get(s.kode, [])
        for jenis in JENIS_ORDER:
            in_group = [r for r in lines if r.jenis is jenis]
            if not in_group:
                continue
            children = [BudgetNode(level="rekening", kode=r.kode_rekening or "", nama=r.uraian,
                                   budget=rekening_budget(r), jenis=jenis.value,
                                   keterangan=r.keterangan,
                                   location=ctx.loc("Rekening", r.row, "uraian"))
                        for r in in_group]
            groups.append(BudgetNode(level="jenis", kode="", nama=jenis.value, jenis=jenis.value,
                                     budget=sum_budgets([c.budget for c in children]),
                                     children=children))
        budget = sum_budgets([g.budget for g in groups], s.pagu_sebelum)
        out = ctx.output(s.indikator, s.satuan, s.target, s.realisasi)
        return BudgetNode(level="sub_kegiatan", kode=s.kode, nama=s.sub_kegiatan, budget=budget,
                          output=out, efisiensi=efisiensi(out.capaian, budget.serapan, budget.pagu),
                          kode_indikator=s.kode_indikator, penjelasan=s.penjelasan_serapan,
                          location=ctx.loc("Sub Kegiatan", s.row, "kode"), children=groups)

    def keg_node(k: m.Kegiatan) -> BudgetNode:
        children = [sub_node(s) for s in wb.sub_kegiatan if s.kode_kegiatan == k.kode]
        budget = sum_budgets([c.budget for c in children])
        out = ctx.output(k.indikator, k.satuan, k.target, k.realisasi)
        return BudgetNode(level="kegiatan", kode=k.kode, nama=k.kegiatan, budget=budget,
                          output=out, efisiensi=efisiensi(out.capaian, budget.serapan, budget.pagu),
                          location=ctx.loc("Kegiatan", k.row, "kode"), children=children)

    def prog_node(p: m.Program) -> BudgetNode:
        children = [keg_node(k) for k in wb.kegiatan if k.kode_program == p.kode]
        budget = sum_budgets([c.budget for c in children])
        b = base[p.kode_indikator]
        out = ctx.output(b["ind"].indikator, b["ind"].satuan, b["target"], b["realisasi"],
                         b["capaian"])
        return BudgetNode(level="program", kode=p.kode, nama=p.program, budget=budget,
                          output=out, efisiensi=efisiensi(out.capaian, budget.serapan, budget.pagu),
                          kode_indikator=p.kode_indikator,
                          location=ctx.loc("Program", p.row, "kode"), children=children)

    urusan = []
    for u in wb.urusan:
        children = [prog_node(p) for p in wb.program if p.kode_urusan == u.kode]
        urusan.append(BudgetNode(level="urusan", kode=u.kode, nama=u.urusan,
                                 budget=sum_budgets([c.budget for c in children]),
                                 location=ctx.loc("Urusan", u.row, "kode"), children=children))
    return BudgetNode(level="total", kode="", nama="Jumlah Belanja",
                      budget=sum_budgets([u.budget for u in urusan]), children=urusan)


def _support(tree: BudgetNode, indicators: list[IndicatorResult]) -> list[IndicatorSupport]:
    """For each indicator, its serving sub kegiatan under their program and kegiatan."""
    out = []
    for ind in indicators:
        served = set(ind.sub_kegiatan)
        nodes = []
        for urusan in tree.children:
            for prog in urusan.children:
                kegs = []
                for keg in prog.children:
                    subs = [s.model_copy(update={"children": []}) for s in keg.children
                            if s.kode in served]
                    if subs:
                        kegs.append(keg.model_copy(update={"children": subs}))
                if kegs:
                    nodes.append(prog.model_copy(update={"children": kegs}))
        out.append(IndicatorSupport(kode_indikator=ind.kode, nodes=nodes))
    return out


def _staff(wb: m.InputWorkbook) -> StaffTotals:
    rows = wb.pegawai_jabatan
    return StaffTotals(
        pns=sum(r.pns for r in rows), pppk=sum(r.pppk for r in rows),
        kontrak=sum(r.kontrak for r in rows),
        per_jabatan={r.row: r.pns + r.pppk + r.kontrak for r in rows},
        jumlah=sum(r.pns + r.pppk + r.kontrak for r in rows),
        pendidikan=sum(r.jumlah for r in wb.pegawai_pendidikan),
        golongan=sum(r.jumlah for r in wb.pegawai_golongan),
    )


def _agreements(wb: m.InputWorkbook, tree: BudgetNode, base: dict[str, dict]) -> list[PKResult]:
    nodes = {n.kode: n for n in tree.walk() if n.level in ("program", "kegiatan", "sub_kegiatan")}
    parent: dict[str, str] = {}
    for n in tree.walk():
        for c in n.children:
            if n.kode in nodes and c.kode in nodes:
                parent[c.kode] = n.kode
    sasaran = {s.kode: s.sasaran for s in wb.sasaran}
    out = []
    for pk in wb.perjanjian_kinerja:
        awal = pk.jenis.value == "Awal"
        rows = []
        for r in (r for r in wb.pk_indikator if r.kode_pk == pk.kode):
            if r.kode_indikator:
                b = base[r.kode_indikator]
                k = b["k"]
                target = k.target_pk_awal if awal or k.target_pk_perubahan is None \
                    else k.target_pk_perubahan
                rows.append(PKIndicatorRow(
                    bagian=r.bagian.value, sasaran=sasaran[b["ind"].kode_sasaran],
                    aspek=r.aspek, indikator=b["ind"].indikator, target="",
                    target_value=target, kode_indikator=r.kode_indikator))
            else:
                rows.append(PKIndicatorRow(bagian=r.bagian.value, sasaran=r.sasaran or "",
                                           aspek=r.aspek, indikator=r.indikator or "",
                                           target=r.target or ""))
        lines = [r for r in wb.pk_anggaran if r.kode_pk == pk.kode]
        codes = {r.kode_anggaran for r in lines}

        def amount(node: BudgetNode) -> Decimal:
            # A listed node with listed descendants counts only those (the official's
            # share of a program); otherwise its whole pagu.
            shares = [amount(c) for c in node.children
                      if c.kode in nodes and _listed_within(c, codes)]
            if shares:
                return sum(shares, ZERO)
            b = node.budget
            return b.pagu_sebelum if awal and b.pagu_sebelum is not None else b.pagu

        budget_rows, total = [], ZERO
        for r in lines:
            node = nodes[r.kode_anggaran]
            amount_ = amount(node)
            budget_rows.append(PKBudgetRow(kode=node.kode, level=node.level, nama=node.nama,
                                           jumlah=amount_, sumber_dana=r.sumber_dana))
            ancestor, nested = parent.get(node.kode), False
            while ancestor:
                nested = nested or ancestor in codes
                ancestor = parent.get(ancestor)
            if not nested:
                total += amount_
        out.append(PKResult(kode=pk.kode, jenis=pk.jenis.value, pihak_pertama=pk.pihak_pertama,
                            pihak_kedua=pk.pihak_kedua, indikator=rows, anggaran=budget_rows,
                            jumlah_anggaran=total))
    return out


def _listed_within(node: BudgetNode, codes: set[str]) -> bool:
    return any(n.kode in codes for n in node.walk())
