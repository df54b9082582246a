"""Decimal rounding, in one place: half-up, as Indonesian reports and Excel display round."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext


def round_half_up(value: Decimal, places: int = 2) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = 60   # enough digits for any bounded amount with its decimals
        return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
