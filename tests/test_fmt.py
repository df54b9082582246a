"""Rounding and display at the bounds (issue 13.3): never decimal.InvalidOperation."""

from decimal import Decimal

import pytest

from generator import fmt
from generator.numbers import round_half_up
from generator.pipeline import check


def test_round_half_up_at_any_magnitude():
    assert round_half_up(Decimal("1e30"), 2) == Decimal("1000000000000000000000000000000.00")
    assert round_half_up(Decimal("12345678901234567890123456789.005"), 2) == \
        Decimal("12345678901234567890123456789.01")
    assert round_half_up(Decimal("1e-300"), 2) == Decimal("0.00")
    assert round_half_up(Decimal("2.675"), 2) == Decimal("2.68")      # half-up, exact


def test_display_of_huge_and_tiny_figures():
    assert fmt.angka(Decimal("1e26"), 2) == "100.000.000.000.000.000.000.000.000,00"
    assert fmt.pct(Decimal("1e23")) == "100.000.000.000.000.000.000.000,00%"
    assert fmt.nilai(Decimal("1e-300")) == "0,00"
    assert fmt.rupiah(Decimal("999999999999999.5")) == "999.999.999.999.999,50"


def test_the_largest_ratio_the_bounds_allow_is_computed_and_shown(broken):
    """Pembilang 10^15 over penyebut 0,000001: capaian 10^23 %, shown, not a crash."""
    path = broken({("Kinerja Indikator", "E2"): 10**15, ("Kinerja Indikator", "F2"): 0.000001})
    workbook, report, result = check(path)
    assert report.ok, [p.message() for p in report]
    ind = result.indicator("1.1")
    # realisasi = 10^15 / 10^-6 x 100 = 10^23 %; capaian = realisasi / target 97,5 x 100
    assert ind.realisasi == Decimal("1e23")
    notes = [n.message for n in result.catatan]
    assert any(m.startswith("Capaian indikator 1.1 ") and "berada di luar 50–150%" in m
               for m in notes), notes


def test_a_percentage_always_carries_two_decimals_other_units_as_typed():
    """Issue 10.5: one reading per figure. "%" figures typed whole read 100,00 beside a
    computed 100,76; counts and indices stay as typed."""
    assert fmt.nilai(Decimal("100"), "%") == "100,00"
    assert fmt.nilai(Decimal("97.5"), "%") == "97,50"
    assert fmt.nilai(Decimal("97.505"), "persen") == "97,51"        # half-up
    assert fmt.nilai(Decimal("100"), "Orang") == "100"
    assert fmt.nilai(Decimal("88.95"), "Indeks") == "88,95"
    assert fmt.nilai(Decimal("100")) == "100"                       # no unit: as typed
    assert fmt.target(Decimal("90"), "%") == "90,00%"
    assert fmt.target(Decimal("90"), "%", tanda=False) == "90,00"
    assert fmt.target(Decimal("90"), "Orang") == "90"


def test_range_targets_follow_the_same_convention():
    from generator.workbook.fieldtypes import TargetRange
    r = TargetRange(low=Decimal("90"), high=Decimal("100"))
    assert fmt.target(r, "%") == "90,00–100,00%"
    assert fmt.target(r, "%", tanda=False) == "90,00–100,00"
    assert fmt.target(r, "Unit") == "90–100"


def test_typed_pk_targets_read_like_the_computed_ones():
    assert fmt.target_teks("90-100%") == "90,00–100,00%"
    assert fmt.target_teks("80 s.d. 90 %") == "80,00–90,00%"
    assert fmt.target_teks("97,5%") == "97,50%"
    assert fmt.target_teks("100%") == "100,00%"
    assert fmt.target_teks("5 Laporan") == "5 Laporan"
    assert fmt.target_teks("  12   Bulan ") == "12 Bulan"
    assert fmt.target_teks("") == "-"


def test_figures_read_together_share_their_decimals():
    """AKI 83,83 against a target of 90 (per 100.000 KH): one formula, one precision."""
    assert fmt.desimal("per 100.000 KH", Decimal("83.83"), Decimal("90")) == 2
    assert fmt.desimal("Orang", Decimal("845"), Decimal("850")) == 0
    assert fmt.desimal("%", Decimal("100")) == 2
    assert fmt.nilai(Decimal("90"), "per 100.000 KH", 2) == "90,00"
    assert fmt.nilai(Decimal("83.83"), "per 100.000 KH", 0) == "83,83"   # never loses digits


def test_number_words_equal_num2words():
    """fmt.kata_bilangan replaces num2words (slow to import): the same words for every
    count up to 120,000, round and round-plus-one figures to 10^17, spot values."""
    import random

    from num2words import num2words

    rng = random.Random(14)
    values = list(range(0, 120_000)) + [10 ** k for k in range(18)] + \
        [10 ** k + 1 for k in range(18)] + [rng.randrange(10 ** 18) for _ in range(5_000)] + \
        [1_001_000, 2_001_000, 1_001_001_000, -1, -1000]
    for v in values:
        assert fmt.kata_bilangan(v) == num2words(v, lang="id"), v
    # worked by hand
    assert fmt.kata_bilangan(1000) == "seribu"
    assert fmt.kata_bilangan(1_001_000) == "satu juta satu ribu"
    assert fmt.terbilang(24) == "Dua Puluh Empat"
    assert fmt.terbilang(111) == "Seratus Sebelas"


@pytest.mark.parametrize("items,expected", [
    ([], ""), (["PNS"], "PNS"), (["PNS", "PPPK"], "PNS dan PPPK"),
    (["PNS", "PPPK", "Tenaga Kontrak"], "PNS, PPPK dan Tenaga Kontrak"),
])
def test_rangkai(items, expected):
    assert fmt.rangkai(items) == expected
    assert fmt.rangkai(iter(items)) == expected


def test_dates_equal_babel_day_by_day():
    """`tanggal` and `bulan_tahun` give what Babel's Indonesian locale gives (what the draft
    showed before it stopped importing Babel), for every day of two years (one a leap year)
    and for years the validation never lets through."""
    import datetime as dt

    from babel.dates import format_date

    days = [dt.date(2024, 1, 1) + dt.timedelta(days=i) for i in range(731)]
    days += [dt.date(1, 1, 1), dt.date(999, 12, 31), dt.date(1900, 2, 28), dt.date(9999, 12, 31)]
    for d in days:
        assert fmt.tanggal(d) == format_date(d, "d MMMM yyyy", locale="id"), d
        assert fmt.bulan_tahun(d) == format_date(d, "MMMM yyyy", locale="id"), d
    assert fmt.tanggal(dt.date(2025, 1, 20)) == "20 Januari 2025"
    assert fmt.tanggal(None) == fmt.bulan_tahun(None) == "-"
