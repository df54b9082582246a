"""Where the SIPD-RI exports are: the trimmed copies in tests/fixtures/sipd-ri always, the
full files of ../shared/finance-exports/sipd-ri when that folder is there; and expectations
worked out with openpyxl over the export rows, independently of the reader."""

from __future__ import annotations

import os
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "sipd-ri"
DINSOS = "1.06.0.00.0.00.01.0000"


def shared_dir() -> Path | None:
    candidates = [Path(os.environ["LKJIP_SHARED"])] if os.environ.get("LKJIP_SHARED") else []
    candidates += [REPO.parent / "shared", REPO.parent.parent / "shared"]
    for base in candidates:
        folder = base / "finance-exports" / "sipd-ri"
        if (folder / "rekap_2025_murni.xlsx").exists():
            return folder
    return None


def folders():
    """The fixture folder, and the full exports (skipped when ../shared is absent)."""
    full = shared_dir()
    return [pytest.param(FIXTURES, id="trimmed"),
            pytest.param(full, id="full", marks=pytest.mark.skipif(
                full is None, reason="../shared/finance-exports tidak ada"))]


def rows(path: Path) -> list[dict]:
    """The export's rows as dicts by header (openpyxl, not the reader under test)."""
    ws = openpyxl.load_workbook(path, read_only=True).worksheets[0]
    it = ws.iter_rows(values_only=True)
    header = next(it)
    # read-only rows end at their last value: pad them to the header
    return [dict(zip(header, tuple(r) + (None,) * (len(header) - len(r)))) for r in it]


def money(v) -> Decimal:
    return Decimal(0) if v is None else Decimal(repr(v)) if isinstance(v, float) else Decimal(v)


def sums(path: Path, skpd: str = DINSOS) -> dict:
    """Total, per program, and per sub kegiatan x rekening of one SKPD's PAGU."""
    total = Decimal(0)
    program: dict[str, Decimal] = defaultdict(Decimal)
    line: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    count: dict[tuple[str, str], int] = defaultdict(int)
    subs = set()
    for r in rows(path):
        if r["KODE SKPD"] != skpd:
            continue
        subs.add(r["KODE SUB KEGIATAN"])
        if r["KODE REKENING"] is None:
            continue
        pagu = money(r["PAGU"])
        total += pagu
        program[r["KODE PROGRAM"]] += pagu
        key = (r["KODE SUB KEGIATAN"], r["KODE REKENING"])
        line[key] += pagu
        count[key] += 1
    return {"total": total, "program": dict(program), "line": dict(line), "count": dict(count),
            "subs": subs}
