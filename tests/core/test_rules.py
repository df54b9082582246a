"""Rules other agencies need (DOMAIN.md "Beyond the sample"), worked by hand.

Each expected figure below is computed in the comment beside it, from the rule as stated,
never from the program's output.
"""

from decimal import Decimal

import pytest

from generator.core.indicators import capped, kategori, level_values, mean, score, score_any
from generator.numbers import round_half_up
from generator.workbook.fieldtypes import Level, NotMeasured, TargetRange, _realisasi, _target
from generator.workbook.models import SkalaKategori, SkalaKualitatif

D = Decimal
SCALE = [SkalaKategori(urutan=1, batas_bawah=91, kategori="Sangat Tinggi"),
         SkalaKategori(urutan=2, batas_bawah=76, kategori="Tinggi"),
         SkalaKategori(urutan=3, batas_bawah=66, kategori="Sedang"),
         SkalaKategori(urutan=4, batas_bawah=51, kategori="Rendah"),
         SkalaKategori(urutan=5, batas_bawah=0, kategori="Sangat Rendah")]
# AA > A > BB > B > CC > C > D, values as a workbook would give them.
GRADES = [SkalaKualitatif(skala="Predikat SAKIP", tingkat=t, nilai=v)
          for t, v in (("AA", 7), ("A", 6), ("BB", 5), ("B", 4), ("CC", 3), ("C", 2), ("D", 1))]


def r2(x):
    return round_half_up(x, 2)


def test_rank_lower_is_better():
    # rank 3 against a target 5, lower is better: (2 x 5 - 3) / 5 x 100 = 140
    s = score(D(3), D(5), lower_is_better=True)
    assert s.nilai == D(140) and s.acuan == D(5)


def test_grade_on_ordinal_scale():
    levels = level_values(GRADES, "predikat sakip")      # names match case-insensitively
    # BB against A: value(BB) / value(A) x 100 = 5 / 6 x 100 = 83,33
    s = score_any(Level(kode="BB"), Level(kode="A"), False, levels)
    assert r2(s.nilai) == D("83.33")
    assert (s.nilai_realisasi, s.nilai_target) == (D(5), D(6))
    # AA against A: 7 / 6 x 100 = 116,67
    assert r2(score_any(Level(kode="AA"), Level(kode="A"), False, levels).nilai) == D("116.67")
    # a level missing from the scale is undefined, never a crash
    assert score_any(Level(kode="Z"), Level(kode="A"), False, levels).nilai is None


@pytest.mark.parametrize("realisasi,lower,expected,posisi,acuan", [
    # range 0-5, realisation 7 above it: higher is better 7 / 5 x 100 = 140
    ("7", False, "140", "atas", "5"),
    # lower is better against the upper bound: (2 x 5 - 7) / 5 x 100 = 60
    ("7", True, "60", "atas", "5"),
    # inside the range (bounds included): 100 for both polarities
    ("0", True, "100", "dalam", None),
    ("5", False, "100", "dalam", None),
])
def test_range_from_zero(realisasi, lower, expected, posisi, acuan):
    s = score(D(realisasi), TargetRange(low=D(0), high=D(5)), lower)
    assert s.nilai == D(expected)
    assert s.posisi == posisi
    assert s.acuan == (D(acuan) if acuan else None)


def test_range_lower_is_better_below():
    # range 90-100 lower is better, realisation 85 below it: the lower-is-better rule against
    # the lower bound, (2 x 90 - 85) / 90 x 100 = 95 / 90 x 100 = 105,56 (above 100)
    s = score(D(85), TargetRange(low=D(90), high=D(100)), True)
    assert r2(s.nilai) == D("105.56") and s.posisi == "bawah" and s.acuan == D(90)
    # higher is better below: 85 / 90 x 100 = 94,44
    assert r2(score(D(85), TargetRange(low=D(90), high=D(100))).nilai) == D("94.44")


def test_zero_target():
    # lower is better, realisation 0 against target 0: met, 100
    assert score(D(0), D(0), True).nilai == D(100)
    # realisation 2 against target 0: undefined, with the reason
    s = score(D(2), D(0), True)
    assert s.nilai is None and "target 0" in s.alasan
    # higher is better against 0: undefined too (nothing to divide by)
    assert score(D(3), D(0), False).nilai is None


def test_lower_is_better_never_below_zero_and_kemajuan():
    # tingkat kemajuan follows polarity: realisasi 12 against end target 5, lower is better:
    # (2 x 5 - 12) / 5 x 100 = -40 -> 0 (never below 0), not 12 / 5 = 240
    assert score(D(12), D(5), True).nilai == D(0)


def test_not_measured_left_out_of_means():
    s = score_any(NotMeasured(), D(80), False, {})
    assert s.nilai is None and s.alasan
    # mean of 90 and 110, the not-measured one left out: 100
    assert mean([D(90), None, D(110)]) == D(100)
    assert mean([None]) is None


def test_cap_before_kategori_and_mean():
    # cap 100: 130 counts as 100 in the mean with 80: (100 + 80) / 2 = 90 -> Tinggi;
    # uncapped (130 + 80) / 2 = 105 would be Sangat Tinggi
    values = [D(130), D(80)]
    assert mean(capped(v, D(100)) for v in values) == D(90)
    assert kategori(mean(capped(v, D(100)) for v in values), SCALE) == "Tinggi"
    assert kategori(mean(values), SCALE) == "Sangat Tinggi"
    assert capped(D(130), None) == D(130)        # default: no cap


@pytest.mark.parametrize("text,expected", [
    ("80-90", TargetRange(low=D(80), high=D(90))),
    ("80–90", TargetRange(low=D(80), high=D(90))),     # en dash
    ("0 - 5", TargetRange(low=D(0), high=D(5))),       # may start at 0
    ("0", D(0)),                                       # zero target
    ("BB", Level(kode="BB")),
    ("WTP", Level(kode="WTP")),
])
def test_target_cells(text, expected):
    assert _target(text) == expected


def test_realisasi_cells():
    assert isinstance(_realisasi("Tidak dapat diukur"), NotMeasured)
    assert isinstance(_realisasi("n/a"), NotMeasured)
    assert _realisasi("A") == Level(kode="A")
    assert _realisasi(88.95) == D("88.95")


# A risk scale whose values grow with the risk: lower is better (issue 11, item 3).
RISK = [SkalaKualitatif(skala="Tingkat Risiko", tingkat=t, nilai=v)
        for t, v in (("Rendah", 1), ("Sedang", 2), ("Tinggi", 3))]


def test_qualitative_lower_is_better_follows_polarity():
    levels = level_values(RISK, "Tingkat Risiko")
    # target Sedang (2), realisation Rendah (1), lower is better:
    # (2 x 2 - 1) / 2 x 100 = 3 / 2 x 100 = 150 (better than the target)
    s = score_any(Level(kode="Rendah"), Level(kode="Sedang"), True, levels)
    assert s.nilai == D(150) and (s.nilai_realisasi, s.nilai_target) == (D(1), D(2))
    # target Sedang, realisation Tinggi (3): (4 - 3) / 2 x 100 = 50
    assert score_any(Level(kode="Tinggi"), Level(kode="Sedang"), True, levels).nilai == D(50)
    # target Rendah (1), realisation Tinggi (3): (2 - 3) / 1 x 100 = -100, never below 0
    assert score_any(Level(kode="Tinggi"), Level(kode="Rendah"), True, levels).nilai == D(0)
    # on target: (2 x 1 - 1) / 1 x 100 = 100
    assert score_any(Level(kode="Rendah"), Level(kode="Rendah"), True, levels).nilai == D(100)
    # the same scale read as higher is better would say 1 / 2 x 100 = 50: the polarity decides
    assert score_any(Level(kode="Rendah"), Level(kode="Sedang"), False, levels).nilai == D(50)


def test_qualitative_lower_is_better_zero_valued_target():
    levels = level_values([SkalaKualitatif(skala="Temuan", tingkat="Nihil", nilai=0),
                           SkalaKualitatif(skala="Temuan", tingkat="Ada", nilai=1)], "Temuan")
    # target level of value 0, lower is better: the zero-target rule, Nihil (0) meets it
    assert score_any(Level(kode="Nihil"), Level(kode="Nihil"), True, levels).nilai == D(100)
    # Ada (1) against a target of value 0: undefined, with the reason
    s = score_any(Level(kode="Ada"), Level(kode="Nihil"), True, levels)
    assert s.nilai is None and "target 0" in s.alasan


def test_multiplier_per_100000():
    from generator.core.indicators import realisasi_indikator
    from generator.workbook.models import KinerjaIndikator

    k = KinerjaIndikator(kode_indikator="1.1", target_pk_awal=D(90), pembilang=D(7),
                         penyebut=D(8350))
    # 7 maternal deaths in 8.350 live births x 100.000 = 700.000 / 8.350 = 83,8323...
    assert r2(realisasi_indikator(k, D(100000))) == D("83.83")
    assert realisasi_indikator(k, D(100000)) == D(700000) / D(8350)
    # by default (a percentage) x 100: 700 / 8.350 = 0,0838...
    assert r2(realisasi_indikator(k)) == D("0.08")
    # x 1: a plain ratio 7 / 8.350
    assert realisasi_indikator(k, D(1)) == D(7) / D(8350)
    # capaian lower is better against 90: (180 - 83,8323) / 90 x 100 = 106,8530 -> 106,85
    assert r2(score(realisasi_indikator(k, D(100000)), D(90), True).nilai) == D("106.85")


@pytest.mark.parametrize("cell,expected", [
    (100000, 100000), ("100.000", 100000), ("1.000", 1000), (1, 1), (100, 100),
])
def test_multiplier_cells(cell, expected):
    from generator.workbook.fieldtypes import _pengali

    assert _pengali(cell) == D(expected)


@pytest.mark.parametrize("cell", [0, 50, "2,5", -100])
def test_multiplier_refused(cell):
    from generator.workbook.fieldtypes import _pengali

    with pytest.raises(Exception):
        _pengali(cell)
