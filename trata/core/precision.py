"""What the digits of a printed number say about its precision."""

from __future__ import annotations

from decimal import Decimal


def decimals(text) -> int:
    """Digits printed after the decimal point (``'42.7'`` -> 1, ``'80'`` -> 0)."""
    return max(0, -Decimal(str(text)).as_tuple().exponent)


def tolerance(text) -> float:
    """Half a unit of the last printed digit (``'42.7'`` -> 0.05, ``'80'`` -> 0.5)."""
    return 0.5 * 10.0 ** -decimals(text)


def value_tolerance(value: float) -> float:
    """Half a unit of the last digit a stored number gives (0.5 for a whole number)."""
    if float(value).is_integer():
        return 0.5
    exponent = Decimal(repr(float(value))).normalize().as_tuple().exponent
    return 0.5 * 10.0 ** min(0, exponent)
