"""Rounding and display at the bounds (issue 13.3): never decimal.InvalidOperation."""

from decimal import Decimal

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
    assert any(m.startswith("Capaian indikator 1.1 ") and "berada di luar 50-150%" in m
               for m in notes), notes
