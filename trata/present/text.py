"""Text formats: the one home of how counts, shares, lists of words and numbers in words are written.

Shares are written in percent with the article's precision (one decimal place); a proportion
(0-1) is turned into a percentage by :func:`pct`. ``–`` stands for a value that does not exist.
"""

from __future__ import annotations

import math

import pandas as pd

from ..core.vocabulary import split_keys

#: What is written for a value that does not exist (a share of nothing).
MISSING = "–"


def _missing(x) -> bool:
    return x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x))


def fmt_count(x) -> str:
    """A count with thousands separators ('' when there is none)."""
    return "" if _missing(x) else f"{int(x):,}"


def fmt_share(x, digits: int = 1) -> str:
    """A share given in percent, with the article's precision: one decimal place."""
    return MISSING if _missing(x) else f"{x:.{digits}f}"


def fmt_number(x, digits: int = 1) -> str:
    """A statistic: whole numbers without decimals, others with ``digits`` decimal places."""
    if _missing(x):
        return MISSING
    return f"{x:g}" if float(x).is_integer() else f"{x:.{digits}f}"


def percent(x: float, digits: int = 1) -> str:
    """A share given in percent, with its sign: ``42.7%``."""
    return f"{fmt_share(x, digits)}%"


def pct(x: float, digits: int = 1) -> str:
    """A proportion (0-1) as a percentage with the article's precision (no sign)."""
    return fmt_share(100 * x, digits)


def interval(lo: float, hi: float, digits: int = 1) -> str:
    """An interval of proportions, as percentages: ``0.4 to 11.5``."""
    return f"{pct(lo, digits)} to {pct(hi, digits)}"


def plain_number(x):
    """A plain Python number (glue shows numpy scalars by their repr)."""
    f = float(x)
    return int(f) if f.is_integer() else f


_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]


def number_word(n: int) -> str:
    """A small count in words, as prose writes it ("six types"); larger counts in digits."""
    n = int(n)
    return _WORDS[n] if 0 <= n < len(_WORDS) else f"{n:,}"


def join_words(items) -> str:
    """'', 'a', 'a and b', 'a, b and c'."""
    items = [str(i) for i in items]
    if not items:
        return ""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def women(n: int) -> str:
    """'1 woman', '3 women'."""
    return f"{n} {'woman' if n == 1 else 'women'}"


def cite(keys: list[str] | str, kind: str = "p") -> str:
    """A MyST citation role for one or more keys: ``{cite:p}`a,b```."""
    if isinstance(keys, str):
        keys = split_keys(keys)
    return f"{{cite:{kind}}}`{','.join(keys)}`"


def escape_md(text: str) -> str:
    """Text with MyST's inline markup characters escaped, so that it stays text."""
    for ch in "\\`*_[]<>{}|":
        text = text.replace(ch, "\\" + ch)
    return text
