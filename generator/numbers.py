"""Decimal rounding, in one place: half-up, as Indonesian reports and Excel display round."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext


def round_half_up(value: Decimal, places: int = 2) -> Decimal:
    """`value` rounded half-up to `places` decimals, for any finite value: the working
    precision grows with the number's magnitude, so quantize never raises
    InvalidOperation (1e30 with 2 decimals needs 33 digits)."""
    value = Decimal(value)
    with localcontext() as ctx:
        digits = value.adjusted() + places + 3 if value.is_finite() and value else 0
        ctx.prec = max(60, digits)
        ctx.Emax = max(ctx.Emax, digits + 10)
        return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
