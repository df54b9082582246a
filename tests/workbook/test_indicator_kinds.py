"""Validation of the format extensions for other agencies (issue 11): each rule's cells."""

import pytest

from generator.pipeline import check


def _problems(path):
    _, report, _ = check(path)
    return [(p.kind, p.location.sheet, p.location.cell) for p in report]


@pytest.mark.parametrize("edits,expected", [
    # a grade where a number is expected (no qualitative scale on the indicator)
    ({("Kinerja Indikator", "C2"): "BB"}, [("not_number", "Kinerja Indikator", "C2")]),
    # a zero target on a higher-is-better indicator
    ({("Target Renstra", "C2"): 0}, [("too_small", "Target Renstra", "C2")]),
    # not measured without a reason
    ({("Kinerja Indikator", "E8"): None, ("Kinerja Indikator", "F8"): None,
      ("Kinerja Indikator", "G8"): "Tidak dapat diukur", ("Kinerja Indikator", "H8"): None},
     [("required", "Kinerja Indikator", "H8")]),
    # both a sasaran and a tujuan
    ({("Indikator", "L2"): "T1"}, [("invalid_value", "Indikator", "B2")]),
    # an unknown qualitative scale
    ({("Indikator", "M2"): "Opini BPK"}, [("unknown_reference", "Indikator", "M2")]),
    # shares that do not add up to 100, for a sub kegiatan without Kode Indikator
    ({("Sub Kegiatan", "H2"): None, ("Porsi Anggaran", "A2"): "1.06.01.2.01.0001",
      ("Porsi Anggaran", "B2"): "1.1", ("Porsi Anggaran", "C2"): 60},
     [("invalid_value", "Porsi Anggaran", "C2")]),
    # the option "Dari Workbook" needs every sasaran's capaian
    ({("Instansi", "A20"): "Capaian Sasaran", ("Instansi", "B20"): "Dari Workbook"}, [("required", "Sasaran", "D2"),
                                              ("required", "Sasaran", "D3")]),
])
def test_rule_cells(broken, edits, expected):
    assert sorted(_problems(broken(edits))) == sorted(expected)


def test_zero_target_lower_is_better_accepted(broken):
    # 1.2 lower is better with target 0 is valid (capaian undefined, a review note)
    path = broken({("Indikator", "E3"): "Turun", ("Kinerja Indikator", "C3"): 0,
                   ("Kinerja Indikator", "D3"): None, ("Target Renstra", "C10"): 0})
    assert _problems(path) == []


def test_shares_split_budget(broken):
    path = broken({("Sub Kegiatan", "H2"): None,
                   ("Porsi Anggaran", "A2"): "1.06.01.2.01.0001", ("Porsi Anggaran", "B2"): "2.1",
                   ("Porsi Anggaran", "C2"): 60,
                   ("Porsi Anggaran", "A3"): "1.06.01.2.01.0001", ("Porsi Anggaran", "B3"): "1.1",
                   ("Porsi Anggaran", "C3"): 40})
    workbook, report, result = check(path)
    assert report.ok, [p.message() for p in report]
    sub = result.node("1.06.01.2.01.0001").budget
    # the total is unchanged; 1.1 now holds 40% of this sub kegiatan's pagu
    assert sum(i.anggaran.pagu for i in result.indikator) == result.anggaran.budget.pagu
    assert "1.06.01.2.01.0001" in result.indicator("1.1").sub_kegiatan
    assert result.indicator("1.1").anggaran.pagu - sub.pagu * 40 / 100 == sum(
        result.node(k).budget.pagu for k in result.indicator("1.1").sub_kegiatan
        if k != "1.06.01.2.01.0001")


def test_sub_kegiatan_without_indikator_names_both_ways(broken):
    """No Kode Indikator and no shares: the message says the two ways to fill it."""
    _, report, _ = check(broken({("Sub Kegiatan", "H2"): None}))
    (problem,) = list(report)
    assert (problem.kind, problem.location.sheet, problem.location.cell) == \
        ("required", "Sub Kegiatan", "H2")
    assert ("Diharapkan: kode IKU yang didukung, atau porsi anggaran sub kegiatan "
            "1.06.01.2.01.0001 per IKU di sheet Porsi Anggaran.") in problem.message()
