"""Budget: rekening lines rolled up to sub kegiatan, kegiatan, program, urusan and total.

Sums of children for pagu (before and after perubahan, operasi and modal) and realisasi;
fisik weighted by pagu; serapan and sisa follow from the sums (results.Budget).
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Optional

from ..workbook import models as m
from ..workbook.fieldtypes import JenisBelanja
from .context import Context
from .efficiency import efisiensi
from .indicators import mean
from .results import Budget, BudgetNode, IndicatorResult, IndicatorSupport, Output, lean

ZERO = Decimal(0)

# Display order of the spending groups under a sub kegiatan (Tabel 1.1).
JENIS_ORDER = [JenisBelanja.PEGAWAI, JenisBelanja.BARANG_JASA, JenisBelanja.BUNGA,
               JenisBelanja.SUBSIDI, JenisBelanja.HIBAH, JenisBelanja.BANSOS,
               JenisBelanja.MODAL, JenisBelanja.TIDAK_TERDUGA, JenisBelanja.TRANSFER]



def sum_budgets(budgets: list[Budget], pagu_sebelum: Optional[Decimal] = None) -> Budget:
    """The sum of children; fisik weighted by pagu; pagu sebelum only when every child has it."""
    if pagu_sebelum is None and budgets and all(b.pagu_sebelum is not None for b in budgets):
        pagu_sebelum = sum((b.pagu_sebelum for b in budgets), ZERO)
    return Budget.make(
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


HUNDRED = Decimal(100)


def sub_shares(wb: m.InputWorkbook) -> dict[str, dict[str, Decimal]]:
    """Sub kegiatan code -> IKU code -> share (%) of its budget for that IKU.

    A sub kegiatan serves exactly one IKU (100%) unless the Porsi Anggaran sheet splits it
    (validation checks that the shares add up to 100).
    """
    out: dict[str, dict[str, Decimal]] = {}
    for s in wb.sub_kegiatan:
        if s.kode_indikator:
            out[s.kode] = {s.kode_indikator: HUNDRED}
    for p in wb.porsi_anggaran:
        shares = out.setdefault(p.kode_sub_kegiatan, {})
        shares[p.kode_indikator] = shares.get(p.kode_indikator, ZERO) + p.porsi
    return out


def scale_budget(b: Budget, share: Decimal) -> Budget:
    """The part of a budget that a share (%) of it represents; fisik is unchanged."""
    if share == HUNDRED:
        return b
    f = share / HUNDRED
    return b.replace(
        pagu_sebelum=None if b.pagu_sebelum is None else b.pagu_sebelum * f,
        pagu_operasi=b.pagu_operasi * f, pagu_modal=b.pagu_modal * f,
        realisasi_operasi=b.realisasi_operasi * f, realisasi_modal=b.realisasi_modal * f,
    )


def rekening_budget(r: m.Rekening) -> Budget:
    modal = r.jenis.is_modal
    return lean(Budget.make(
        pagu_sebelum=r.pagu_sebelum,
        pagu_operasi=ZERO if modal else r.pagu,
        pagu_modal=r.pagu if modal else ZERO,
        realisasi_operasi=ZERO if modal else r.realisasi,
        realisasi_modal=r.realisasi if modal else ZERO,
        fisik=r.fisik if r.pagu > 0 else None,
        fisik_operasi=r.fisik if r.pagu > 0 and not modal else None,
        fisik_modal=r.fisik if r.pagu > 0 and modal else None,
    ))



def node_capaian(outputs: list[Output]) -> Optional[Decimal]:
    """The capaian kinerja of a program or kegiatan for its efficiency: its one indicator's
    capaian, or with several indicators the mean of those that are defined (not measured
    and undefined ones left out, as in every mean); None without any."""
    if len(outputs) == 1:
        return outputs[0].capaian
    return mean(o.capaian for o in outputs)


def _by_parent(rows: list, parent: str) -> dict[str, list]:
    """The rows grouped by the code of their parent (the field `parent`), in sheet order."""
    out: dict[str, list] = defaultdict(list)
    for row in rows:
        out[getattr(row, parent)].append(row)
    return out


def budget_tree(ctx: Context, base: dict[str, dict]) -> BudgetNode:
    wb = ctx.wb
    ambang = wb.instansi.ambang_serapan
    # Each level's children by their parent's code, in sheet order (one pass each, not a
    # scan of the whole sheet per parent: 5,000 programs made that 25 million comparisons).
    rek_by_sub = _by_parent(wb.rekening, "kode_sub_kegiatan")
    sub_by_keg = _by_parent(wb.sub_kegiatan, "kode_kegiatan")
    keg_by_prog = _by_parent(wb.kegiatan, "kode_program")
    prog_by_urusan = _by_parent(wb.program, "kode_urusan")

    def sub_node(s: m.SubKegiatan) -> BudgetNode:
        groups = []
        lines = rek_by_sub.get(s.kode, [])
        for jenis in JENIS_ORDER:
            in_group = [r for r in lines if r.jenis is jenis]
            if not in_group:
                continue
            children = [lean(BudgetNode.make(level="rekening", kode=r.kode_rekening or "",
                                             nama=r.uraian, budget=rekening_budget(r),
                                             jenis=jenis.value, keterangan=r.keterangan,
                                             location=ctx.loc("Rekening", r.row, "uraian")))
                        for r in in_group]
            groups.append(BudgetNode.make(level="jenis", kode="", nama=jenis.value,
                                          jenis=jenis.value,
                                          budget=sum_budgets([c.budget for c in children]),
                                          children=children))
        budget = sum_budgets([g.budget for g in groups], s.pagu_sebelum)
        out = ctx.output(s.indikator, s.satuan, s.target, s.realisasi)
        return BudgetNode.make(level="sub_kegiatan", kode=s.kode, nama=s.sub_kegiatan,
                               budget=budget, output=out, outputs=[out],
                               efisiensi=efisiensi(out.capaian, budget.serapan, budget.pagu,
                                                   ambang),
                               kode_indikator=s.kode_indikator, penjelasan=s.penjelasan_serapan,
                               location=ctx.loc("Sub Kegiatan", s.row, "kode"), children=groups)

    def keg_node(k: m.Kegiatan) -> BudgetNode:
        children = [sub_node(s) for s in sub_by_keg.get(k.kode, [])]
        budget = sum_budgets([c.budget for c in children])
        own = ctx.output(k.indikator, k.satuan, k.target, k.realisasi)
        listed = ctx.listed_outputs(k.kode)
        outs = ([own] if k.indikator or not listed else []) + listed
        return BudgetNode.make(level="kegiatan", kode=k.kode, nama=k.kegiatan, budget=budget,
                               output=outs[0], outputs=outs,
                               efisiensi=efisiensi(node_capaian(outs), budget.serapan,
                                                   budget.pagu, ambang),
                               location=ctx.loc("Kegiatan", k.row, "kode"), children=children)

    def prog_node(p: m.Program) -> BudgetNode:
        children = [keg_node(k) for k in keg_by_prog.get(p.kode, [])]
        budget = sum_budgets([c.budget for c in children])
        outs = []
        if p.target is not None and p.realisasi is not None:
            # The program's own outcome indicator, independent of the IKU.
            lower = p.polaritas is not None and p.polaritas.value == "Turun"
            outs.append(ctx.output(p.indikator, p.satuan, p.target, p.realisasi, lower=lower))
        outs += ctx.listed_outputs(p.kode)
        if not outs and p.kode_indikator in base:
            # No indicator of its own: the IKU it names measures its outcome.
            b = base[p.kode_indikator]
            outs.append(ctx.output(b["ind"].indikator, b["ind"].satuan, b["target"],
                                   b["realisasi"], b["capaian"], undefined=b["capaian"] is None,
                                   lower=b["lower"], skor=b["skor"]))
        out = outs[0] if outs else ctx.output(p.indikator, p.satuan, None, None)
        return BudgetNode.make(level="program", kode=p.kode, nama=p.program, budget=budget,
                               output=out, outputs=outs,
                               efisiensi=efisiensi(node_capaian(outs), budget.serapan,
                                                   budget.pagu, ambang),
                               kode_indikator=p.kode_indikator,
                               location=ctx.loc("Program", p.row, "kode"), children=children)

    urusan = []
    for u in wb.urusan:
        children = [prog_node(p) for p in prog_by_urusan.get(u.kode, [])]
        urusan.append(BudgetNode.make(level="urusan", kode=u.kode, nama=u.urusan,
                                      budget=sum_budgets([c.budget for c in children]),
                                      location=ctx.loc("Urusan", u.row, "kode"), children=children))
    return BudgetNode.make(level="total", kode="", nama="Jumlah Belanja",
                           budget=sum_budgets([u.budget for u in urusan]), children=urusan)


def support(tree: BudgetNode, indicators: list[IndicatorResult]) -> list[IndicatorSupport]:
    """For each indicator, its serving sub kegiatan under their program and kegiatan."""
    out = []
    for ind in indicators:
        served = set(ind.sub_kegiatan)
        nodes = []
        for urusan in tree.children:
            for prog in urusan.children:
                kegs = []
                for keg in prog.children:
                    subs = [s.replace(children=[]) for s in keg.children
                            if s.kode in served]
                    if subs:
                        kegs.append(keg.replace(children=subs))
                if kegs:
                    nodes.append(prog.replace(children=kegs))
        out.append(IndicatorSupport.make(kode_indikator=ind.kode, nodes=nodes))
    return out
