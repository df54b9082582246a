"""Decimal rounding, in one place: half-up, as Indonesian reports and Excel display round."""

from __future__ import annotations

from decimal import (ROUND_HALF_UP, Context, Decimal, DivisionByZero, InvalidOperation,
                     Overflow, localcontext)

# The context of the usual case (a finite value of up to 60 digits after rounding): made
# once, not entered and left for each of the tens of thousands of figures a report rounds.
_PRECISION = 60
_CONTEXT = Context(prec=_PRECISION, rounding=ROUND_HALF_UP, Emax=999999, Emin=-999999,
                   traps=[InvalidOperation, DivisionByZero, Overflow])
_QUANTA: dict[int, Decimal] = {}


def round_half_up(value: Decimal, places: int = 2) -> Decimal:
    """`value` rounded half-up to `places` decimals, for any finite value: the working
    precision grows with the number's magnitude, so quantize never raises
    InvalidOperation (1e30 with 2 decimals needs 33 digits)."""
    if value.__class__ is not Decimal:
        value = Decimal(value)
    quantum = _QUANTA.get(places)
    if quantum is None:
        quantum = _QUANTA.setdefault(places, Decimal(1).scaleb(-places))
    digits = value.adjusted() + places + 3 if value.is_finite() and value else 0
    if digits <= _PRECISION:
        return value.quantize(quantum, rounding=ROUND_HALF_UP, context=_CONTEXT)
    with localcontext() as ctx:
        ctx.prec = digits
        ctx.Emax = max(ctx.Emax, digits + 10)
        return value.quantize(quantum, rounding=ROUND_HALF_UP)
