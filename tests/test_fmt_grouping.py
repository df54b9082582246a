"""fmt's own digit grouping equals Babel's "id" pattern on many values."""

from __future__ import annotations

from decimal import Decimal, localcontext

from babel.numbers import format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import fmt
from generator.numbers import round_half_up


def _babel(value: Decimal, places: int) -> str:
    pattern = "#,##0" + ("." + "0" * places if places else "")
    rounded = round_half_up(value, places)
    with localcontext() as ctx:
        ctx.prec = max(60, rounded.adjusted() + places + 5)
        return format_decimal(rounded, format=pattern, locale="id")


def _ours(value: Decimal, places: int) -> str:
    return fmt.grouped(round_half_up(value, places), places)


FIXED = ["0", "-0", "-0.001", "0.005", "-0.005", "0.995", "1234567.895", "-1234567.894",
         "1e-25", "1e14", "999999999999999.999", "123", "0.1", "-5", "1000", "999.999"]


def test_fixed_values():
    for v in FIXED:
        for places in range(5):
            assert _ours(Decimal(v), places) == _babel(Decimal(v), places), (v, places)
    assert fmt.angka(Decimal("1234567.895"), 2) == "1.234.567,90"
    assert fmt.rupiah(Decimal("8825083700")) == "8.825.083.700"
    assert fmt.pct(Decimal("-0.004")) == "-0,00%"  # as Babel writes a negative zero


@settings(max_examples=3000, deadline=None)
@given(st.integers(min_value=-10**18, max_value=10**18), st.integers(min_value=0, max_value=9),
       st.integers(min_value=0, max_value=4))
def test_equal_to_babel(mantissa, scale, places):
    value = Decimal(mantissa).scaleb(-scale)
    assert _ours(value, places) == _babel(value, places)
