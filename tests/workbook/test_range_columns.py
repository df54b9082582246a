"""Range targets in two columns (issue 11, item 1): the target cell holds the lower bound,
its "... Batas Atas" cell the upper one. Figures worked by hand from the Dinas Sosial
sample (inputs/sample/): indicator 1.1 realises 56 / 57 x 100 = 98,2456...%.
"""

from decimal import Decimal

import pytest
from pydantic_core import PydanticCustomError

from generator.pipeline import check
from generator.workbook.fieldtypes import Level, TargetRange, combine_range
from generator.workbook.sheets import SHEET_BY_NAME

D = Decimal


def _problems(path):
    _, report, _ = check(path)
    return [(p.kind, p.location.sheet, p.location.cell) for p in report]


def test_combine_rules():
    # a number and an upper bound: the range [number, upper], from 0 too
    assert combine_range(D(90), D(100)) == TargetRange(low=D(90), high=D(100))
    assert combine_range(D(0), D(5)) == TargetRange(low=D(0), high=D(5))
    # no upper bound: a plain target, a one-cell range or a level stay as they are
    assert combine_range(D(90), None) == D(90)
    assert combine_range(Level(kode="BB"), None) == Level(kode="BB")
    # a one-cell range and the same upper bound: accepted
    assert combine_range(TargetRange(low=D(90), high=D(100)), D(100)) == TargetRange(
        low=D(90), high=D(100))
    for lower, upper in ((TargetRange(low=D(90), high=D(100)), D(95)),   # they disagree
                         (D(90), D(90)), (D(90), D(80)),                 # not above the lower
                         (None, D(5)), (Level(kode="BB"), D(5))):        # nothing to bound
        with pytest.raises(PydanticCustomError):
            combine_range(lower, upper)


@pytest.mark.parametrize("edits,expected", [
    # Kinerja Indikator 1.1 (row 2): PK perubahan "95-100" in one cell, upper 99 beside it
    ({("Kinerja Indikator", "D2"): "95-100", ("Kinerja Indikator", "K2"): 99},
     [("invalid_range", "Kinerja Indikator", "K2")]),
    # PK awal 73,37 with an upper bound 70 below it
    ({("Kinerja Indikator", "J2"): 70}, [("invalid_range", "Kinerja Indikator", "J2")]),
    # an RKT upper bound without the RKT target (1.2, row 3)
    ({("Kinerja Indikator", "B3"): None, ("Kinerja Indikator", "I3"): 90},
     [("required", "Kinerja Indikator", "I3")]),
    # Kinerja Tahun Lalu 1.1 2022: target 67,37, upper 60
    ({("Kinerja Tahun Lalu", "G2"): 60}, [("invalid_range", "Kinerja Tahun Lalu", "G2")]),
    # Target Renstra 1.1 2021: target 61,37, upper bound that is not a number
    ({("Target Renstra", "D2"): "banyak"}, [("not_number", "Target Renstra", "D2")]),
])
def test_located_problems(broken, edits, expected):
    assert sorted(_problems(broken(edits))) == sorted(expected)


def test_two_columns_score_like_one_cell(broken):
    # PK perubahan 97,5 with upper bound 100: the range 97,5-100; 98,2456 lies inside -> 100
    # (as one cell "97,5" alone it would be 98,2456 / 97,5 x 100 = 100,77)
    _, report, result = check(broken({("Kinerja Indikator", "K2"): 100}))
    assert report.ok, [p.message() for p in report]
    i = result.indicator("1.1")
    assert i.target == TargetRange(low=D("97.5"), high=D(100))
    assert i.capaian == 100 and i.skor.posisi == "dalam"
    # the same range written in one cell, with the same upper bound repeated: the same result
    _, report, again = check(broken({("Kinerja Indikator", "D2"): "97,5-100",
                                     ("Kinerja Indikator", "K2"): 100}))
    assert report.ok and again.indicator("1.1").target == i.target


def test_two_columns_in_renstra_and_earlier_years(broken):
    edits = {
        # Renstra 1.1 2024 (row 5) 70-80 and end of period 2026 (row 7) 90-100
        ("Target Renstra", "C5"): 70, ("Target Renstra", "D5"): 80,
        ("Target Renstra", "C7"): 90, ("Target Renstra", "D7"): 100,
        # 1.1 in 2022: target 67,37 up to 100; realisation 99,15 inside -> 100
        ("Kinerja Tahun Lalu", "G2"): 100,
        # PK awal 73,37 up to 80
        ("Kinerja Indikator", "J2"): 80,
    }
    _, report, result = check(broken(edits))
    assert report.ok, [p.message() for p in report]
    i = result.indicator("1.1")
    assert i.target_renstra_tahun == TargetRange(low=D(70), high=D(80))
    assert i.target_akhir == TargetRange(low=D(90), high=D(100))
    assert i.target_pk_awal == TargetRange(low=D("73.37"), high=D(80))
    assert next(y for y in i.riwayat if y.tahun == 2022).capaian == 100
    # kemajuan against the end range 90-100: 98,2456 inside -> 100
    assert i.tingkat_kemajuan == 100


def test_columns_in_blank_workbook_and_docs(tmp_path):
    from pathlib import Path

    import openpyxl

    from generator.workbook.blank import blank_workbook

    path = tmp_path / "kosong.xlsx"
    path.write_bytes(blank_workbook(2025, "Dinas Contoh"))
    wb = openpyxl.load_workbook(path)
    for sheet, headers in (("Target Renstra", ["Target Batas Atas"]),
                           ("Kinerja Tahun Lalu", ["Target Batas Atas"]),
                           ("Kinerja Indikator", ["Target RKT Batas Atas",
                                                  "Target PK Awal Batas Atas",
                                                  "Target PK Perubahan Batas Atas"])):
        found = [c.value for c in next(wb[sheet].iter_rows(max_row=1))]
        for h in headers:
            assert h in found and h in SHEET_BY_NAME[sheet].headers()
    doc = (Path(__file__).resolve().parents[2] / "docs" / "workbook.md").read_text("utf-8")
    assert "| Target PK Awal Batas Atas | tidak |" in doc
    assert "Target PK Awal `90` dan Target PK Awal Batas Atas `100`" in doc
