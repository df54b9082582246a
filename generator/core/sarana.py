"""Sarana dan prasarana: the asset list as an outline, and its totals counting each value once.

An agency's list often mixes groups and their details ("Gedung dan Bangunan 27" above
"Bangunan Gedung 23" and "Monumen 4"). The Tingkat column says which is which: level 1 is a
top row, a row of level n+1 details the nearest row of level n above it (rows in the order
of No). The JUMLAH of the table adds the level-1 rows only, so a group's value is counted
once, whatever its details say; the review notes compare a group with its details.
"""

from __future__ import annotations

from decimal import Decimal

from ..workbook import models as m
from .results import SaranaRow

ZERO = Decimal(0)


def sarana_rows(rows: list[m.SaranaPrasarana]) -> list[SaranaRow]:
    """The list in display order (No, then sheet row), each row with its parent and, for a
    group, the sums of its direct details."""
    ordered = sorted(rows, key=lambda s: (s.no, s.row))
    parents: list[int | None] = []
    stack: list[tuple[int, int]] = []          # (level, index) of the open groups
    for i, s in enumerate(ordered):
        level = s.tingkat or 1
        while stack and stack[-1][0] >= level:
            stack.pop()
        parents.append(stack[-1][1] if stack else None)
        stack.append((level, i))
    details: dict[int, list[int]] = {}
    for i, parent in enumerate(parents):
        if parent is not None:
            details.setdefault(parent, []).append(i)
    out = []
    for i, s in enumerate(ordered):
        mine = details.get(i, [])
        parent = parents[i]
        out.append(SaranaRow.make(
            row=s.row, no=s.no, uraian=s.uraian, jumlah=s.jumlah, nilai=s.nilai,
            kondisi=s.kondisi, tingkat=s.tingkat or 1,
            induk=ordered[parent].row if parent is not None else None,
            rincian=[ordered[j].row for j in mine],
            rincian_jumlah=sum(ordered[j].jumlah for j in mine) if mine else None,
            rincian_nilai=sum((ordered[j].nilai for j in mine), ZERO) if mine else None))
    return out


def sarana_totals(rows: list[SaranaRow]) -> tuple[int, Decimal]:
    """The JUMLAH of the list: the top rows only, so each value counts once."""
    top = [r for r in rows if r.induk is None]
    return sum(r.jumlah for r in top), sum((r.nilai for r in top), ZERO)
