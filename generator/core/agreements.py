"""Perjanjian Kinerja: each statement's indicators, targets and budget lines."""

from __future__ import annotations

from decimal import Decimal

from ..workbook import models as m
from .results import BudgetNode, PKBudgetRow, PKIndicatorRow, PKResult

ZERO = Decimal(0)


def agreements(wb: m.InputWorkbook, tree: BudgetNode, base: dict[str, dict]) -> list[PKResult]:
    nodes = {n.kode: n for n in tree.walk() if n.level in ("program", "kegiatan", "sub_kegiatan")}
    parent: dict[str, str] = {}
    for n in tree.walk():
        for c in n.children:
            if n.kode in nodes and c.kode in nodes:
                parent[c.kode] = n.kode
    sasaran = {s.kode: s.sasaran for s in wb.sasaran}
    tujuan = {t.kode: t.tujuan for t in wb.tujuan}
    out = []
    revised = {pk.pihak_pertama for pk in wb.perjanjian_kinerja if pk.jenis.value != "Awal"}
    statements = [(pk, pk.jenis.value == "Awal", False) for pk in wb.perjanjian_kinerja]
    for pk in wb.perjanjian_kinerja:
        # a PK awal with a revised IKU target and no PK perubahan of the same official:
        # the revised statement is shown too (after the one signed)
        if pk.jenis.value == "Awal" and pk.pihak_pertama not in revised \
                and any(_revised(base, r) for r in wb.pk_indikator if r.kode_pk == pk.kode):
            at = next(i for i, s in enumerate(statements) if s[0] is pk)
            statements.insert(at + 1, (pk, False, True))
    for pk, awal, turunan in statements:
        rows = []
        for r in (r for r in wb.pk_indikator if r.kode_pk == pk.kode):
            if r.kode_indikator:
                b = base[r.kode_indikator]
                k = b["k"]
                target = k.target_pk_awal if awal or k.target_pk_perubahan is None \
                    else k.target_pk_perubahan
                rows.append(PKIndicatorRow.make(
                    bagian=r.bagian.value,
                    sasaran=sasaran.get(b["ind"].kode_sasaran) or tujuan.get(b["ind"].kode_tujuan, ""),
                    aspek=r.aspek, indikator=b["ind"].indikator, target="",
                    target_value=target, kode_indikator=r.kode_indikator))
            else:
                rows.append(PKIndicatorRow.make(bagian=r.bagian.value, sasaran=r.sasaran or "",
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
            budget_rows.append(PKBudgetRow.make(kode=node.kode, level=node.level, nama=node.nama,
                                                jumlah=amount_, sumber_dana=r.sumber_dana))
            ancestor, nested = parent.get(node.kode), False
            while ancestor:
                nested = nested or ancestor in codes
                ancestor = parent.get(ancestor)
            if not nested:
                total += amount_
        out.append(PKResult.make(kode=f"{pk.kode}-PERUBAHAN" if turunan else pk.kode,
                                 jenis="Perubahan" if turunan else pk.jenis.value,
                                 turunan=turunan, pihak_pertama=pk.pihak_pertama,
                                 pihak_kedua=pk.pihak_kedua, indikator=rows, anggaran=budget_rows,
                                 jumlah_anggaran=total))
    return out


def _revised(base: dict[str, dict], row) -> bool:
    """An IKU row whose PK perubahan target differs from the PK awal one."""
    if not row.kode_indikator or row.kode_indikator not in base:
        return False
    k = base[row.kode_indikator]["k"]
    return k.target_pk_perubahan is not None and k.target_pk_perubahan != k.target_pk_awal


def _listed_within(node: BudgetNode, codes: set[str]) -> bool:
    return any(n.kode in codes for n in node.walk())
