"""The rows of the two finance workbooks: the core's result as named values.

Tabel 1.1 (source "anggaran": the budget tree to the chosen levels) and the efficiency
tables (sources "anggaran" and "indikator"), plus the texts of titles, footers and the
signature. Values are figures of the result, never computed here.
"""

from __future__ import annotations

from decimal import Decimal
from functools import partial

from typing import Any, Optional

from ... import fmt
from ...core.numbering import number
from ...core.results import BudgetNode, Result
from ...workbook.fieldtypes import Level, TargetRange
from ...workbook.models import InputWorkbook
from .engine import UNAVAILABLE, LayoutError, Row


# --- Context (texts of titles, footers, signature) -----------------------------------------

def report_context(workbook: InputWorkbook, result: Optional[Result] = None) -> dict[str, str]:
    """Texts of titles, footers and the signature; {no_<key>} is the number of a table of the
    Word report (core/numbering.py: "3.7", or "3.6" when Tabel 3.3 drops out), so the
    spreadsheet tables carry the same numbers as the draft."""
    inst = workbook.instansi
    kepala = next((p for p in workbook.pejabat if p.kode == inst.kode_kepala), None)
    pangkat = " / ".join(x for x in (kepala and kepala.pangkat, kepala and kepala.golongan) if x)
    return {
        "tahun": str(inst.tahun),
        "instansi": inst.nama_lengkap,
        "instansi_upper": inst.nama_lengkap.upper(),
        "nama_instansi": inst.nama_instansi,
        "nama_pemda": inst.induk,
        # APBD for a perangkat daerah, APBN for a unit of a ministry (core/agency.py)
        "apb": "APBN" if inst.pusat else "APBD",
        "tempat": inst.tempat,
        "tanggal": fmt.tanggal(inst.tanggal),
        "telepon": inst.telepon or "",
        "kepala_nama": kepala.nama if kepala else "",
        "kepala_nip": (kepala.nip or "") if kepala else "",
        "kepala_pangkat_golongan": pangkat,
        "kepala_jabatan": kepala.jabatan if kepala else "",
        "jabatan_kepala_instansi": inst.jabatan_kepala_instansi,
        **{f"no_{key}": value for key, value in
           (result.nomor if result is not None else number({})).nomor.items()},
    }



def collect_rows(source: str, spec: dict, result: Result) -> list[Row]:
    if source == "anggaran":
        return budget_rows(result, spec.get("levels", []), spec.get("total_row", False))
    if source == "indikator":
        return indicator_rows(result)
    raise LayoutError(f"sheet {spec.get('name')!r}: unknown source {source!r}")


def budget_rows(result: Result, levels: list[str], total_row: bool) -> list[Row]:
    """The budget tree, depth first, restricted to `levels`; each row knows its children.
    A row's values are made when the engine writes it (`Row.make`), not all at once."""
    rows: list[Row] = []
    programs = 0

    def collect(node: BudgetNode) -> list[int]:
        nonlocal programs
        if node.level not in levels:
            return [i for child in node.children for i in collect(child)]
        index = len(rows)
        no = None
        if node.level == "program":
            programs += 1
            no = str(programs)
        rows.append(Row(level=node.level, make=partial(budget_values, node, result, no)))
        rows[index].children = [i for child in node.children for i in collect(child)]
        return [index]

    tops = [i for child in result.anggaran.children for i in collect(child)]
    if total_row:
        rows.append(Row(level="total", make=partial(budget_values, result.anggaran, result),
                        children=tops))
    return rows


def budget_values(node: BudgetNode, result: Result, no: Optional[str] = None
                  ) -> dict[str, Any]:
    """The named values of a budget row; `no`, its number (programs are numbered)."""
    b = node.budget
    values: dict[str, Any] = {
        "no": no or "",
        "kode": node.kode,
        "uraian": node.nama,
        "pagu_sebelum": b.pagu_sebelum if b.pagu_sebelum is not None else UNAVAILABLE,
        "pagu_operasi": b.pagu_operasi,
        "pagu_modal": b.pagu_modal,
        "pagu": b.pagu,
        "realisasi_operasi": b.realisasi_operasi,
        "realisasi_modal": b.realisasi_modal,
        "realisasi": b.realisasi,
        "serapan_operasi": b.serapan_operasi,
        "serapan_modal": b.serapan_modal,
        "serapan": b.serapan,
        "fisik": b.fisik,
        "fisik_operasi": b.fisik_operasi,
        "fisik_modal": b.fisik_modal,
        "sisa": b.sisa,
        "keterangan": node.keterangan or "",
        "penjelasan": node.penjelasan or "",
    }
    out = node.output
    # the polarity of the indicator shown (its own, or that of the IKU it borrows)
    polaritas = "turun" if out is not None and out.polaritas == "Turun" else "naik"
    if len(node.outputs) > 1:
        # several indicators: each named with its figures in one cell; the capaian is the
        # mean the core uses for the efficiency (budget.node_capaian), written as computed
        outs = node.outputs
        values.update({
            "indikator": "; ".join(o.indikator or "" for o in outs),
            "satuan": "; ".join(o.satuan or "" for o in outs),
            "target": "; ".join(fmt.target(o.target) for o in outs),
            "realisasi_kinerja": "; ".join(fmt.nilai(o.realisasi) for o in outs),
            "capaian": node.efisiensi.capaian if node.efisiensi else None,
            "rumus_capaian": "nilai"})
    else:
        values.update(output_values(
            indikator=out.indikator if out else None, satuan=out.satuan if out else None,
            target=out.target if out else None, realisasi=out.realisasi if out else None,
            capaian=out.capaian if out else None, polaritas=polaritas))
    eff = node.efisiensi
    values.update(efficiency_values(eff))
    return values


def output_values(indikator, satuan, target, realisasi, capaian, polaritas) -> dict[str, Any]:
    values: dict[str, Any] = {
        "indikator": indikator or "",
        "satuan": satuan or "",
        "realisasi_kinerja": realisasi,
        "capaian": capaian,
        "rumus_capaian": polaritas,
        "target": target,
        # a percentage shows 2 decimals even when typed whole (fmt's convention)
        "pecahan": fmt.is_persen(satuan),
    }
    if isinstance(target, TargetRange):
        values.update(target=fmt.target(target, satuan, tanda=False), target_low=target.low,
                      target_high=target.high, rumus_capaian=f"rentang_{polaritas}")
    numeric = isinstance(realisasi, Decimal) or realisasi is None
    if not numeric or isinstance(target, Level) or (isinstance(target, Decimal) and target == 0) \
            or (capaian is None and realisasi is not None):
        # No spreadsheet formula states these rules: the computed figure is written as is.
        values.update(rumus_capaian="nilai",
                      target=(fmt.target(target, satuan, tanda=False)
                              if not isinstance(target, Decimal) else target),
                      realisasi_kinerja=realisasi if numeric else fmt.nilai(realisasi))
    return values


def efficiency_values(eff) -> dict[str, Any]:
    """The ratio, and its verdict as the core says it: efficient, not efficient, or a ratio
    of 1 or more from a budget not absorbed (`tidak_terserap`, which the draft marks **));
    `ambang` is the threshold the KETERANGAN formula compares serapan with."""
    if eff is None:
        return {"efisiensi": None, "efisien": None, "alasan": "", "ambang": 0}
    verdict = "tidak_terserap" if eff.tidak_terserap else eff.efisien
    return {"efisiensi": eff.nilai, "efisien": verdict, "alasan": eff.alasan or "",
            "ambang": eff.ambang if eff.ambang is not None else 0}


def indicator_rows(result: Result) -> list[Row]:
    """Tabel 3.8: one row per indicator, grouped by sasaran (in the order of the sasaran)."""
    rows = []
    for s in result.groups():
        for kode in s.indikator:
            ind = result.indicator(kode)
            values: dict[str, Any] = {
                "no": s.kode,
                "sasaran": s.nama if s.tingkat == "sasaran" else f"Indikator Tujuan: {s.nama}",
                "kode": ind.kode,
                "pagu": ind.anggaran.pagu,
                "realisasi": ind.anggaran.realisasi,
                "serapan": ind.anggaran.serapan,
            }
            values.update(output_values(
                indikator=ind.nama, satuan=ind.satuan, target=ind.target,
                realisasi=ind.realisasi, capaian=ind.capaian,
                polaritas="turun" if ind.polaritas == "Turun" else "naik"))
            values.update(efficiency_values(ind.efisiensi))
            rows.append(Row(level="indikator", values=values, group=f"{s.tingkat}:{s.kode}"))
        # the group's own row, as in the draft's table: its budget (the sum of its
        # indicators', a SUM of the rows above), its capaian (the core's mean) and efficiency
        g = result.group(s.tingkat, s.kode)
        label = f"Sasaran {g.kode}" if g.tingkat == "sasaran" else f"Tujuan {g.kode}"
        values = {"no": s.kode,
                  "sasaran": s.nama if s.tingkat == "sasaran" else f"Indikator Tujuan: {s.nama}",
                  "kode": "", "indikator": f"Jumlah {label}", "satuan": "", "target": "",
                  "realisasi_kinerja": "", "capaian": g.capaian, "rumus_capaian": "nilai",
                  "pagu": g.anggaran.pagu, "realisasi": g.anggaran.realisasi,
                  "serapan": g.anggaran.serapan, **efficiency_values(g.efisiensi)}
        first = len(rows) - len(s.indikator)
        rows.append(Row(level="sasaran", values=values, group=f"{s.tingkat}:{s.kode}",
                        children=list(range(first, len(rows)))))
    return rows

