"""Text formats: the one home of how counts, shares, lists of words and numbers in words are written.

Shares are written in percent with the article's precision (one decimal place); a proportion
(0-1) is turned into a percentage by :func:`pct`. ``–`` stands for a value that does not exist.
"""

from __future__ import annotations

import math
import re
import string

import pandas as pd

from ..core import messages
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
    return messages.text("interval", lo=pct(lo, digits), hi=pct(hi, digits))


def plain_number(x):
    """A plain Python number (glue shows numpy scalars by their repr)."""
    f = float(x)
    return int(f) if f.is_integer() else f


def number_word(n: int) -> str:
    """A small count in words, as prose writes it ("six types"); larger counts in digits."""
    n = int(n)
    words = messages.header("number_words")
    return words[n] if 0 <= n < len(words) else f"{n:,}"


def join_words(items) -> str:
    """'', 'a', 'a and b', 'a, b and c' (in the edition's language: 'a, b y c')."""
    items = [str(i) for i in items]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return messages.text("join_words", first=", ".join(items[:-1]), last=items[-1])


def women(n: int) -> str:
    """'1 woman', '3 women'."""
    return messages.text("women_one", n=n) if n == 1 else messages.text("women_many", n=n)


def cite(keys: list[str] | str, kind: str = "p") -> str:
    """A MyST citation role for one or more keys: ``{cite:p}`a,b```. A key that is not a plain
    BibTeX key (letters, digits, '_', ':', '.', '-') is shown as text, never inside the role."""
    if isinstance(keys, str):
        keys = split_keys(keys)
    if not keys or not all(re.fullmatch(r"[\w:.-]+", k) for k in keys):
        return escape_md(", ".join(keys))
    return Markup(f"{{cite:{kind}}}`{','.join(keys)}`")


def cited(text, keys: list[str] | str, kind: str = "p") -> str:
    """Text from the data followed by its citation: the text escaped, the citation a role."""
    return Markup(f"{escape_md(text)} {cite(keys, kind)}")


#: The characters MyST (CommonMark and its extensions) can read as markup; CommonMark lets a
#: backslash escape each of them, and an escaped character is always plain text.
_PUNCTUATION = frozenset(string.punctuation)
#: White space that ends a line or a block in Markdown (a no-break space is text, and kept).
_BREAKS = re.compile(r"[ \t\r\n\f\v]+")


#: The class of what must be shown character for character (a quotation, the pages about the data): Sphinx's
#: smart quotes are off inside it (``trata.book.verbatim``), and MathJax does not read it.
VERBATIM = "trata-verbatim"


class Markup(str):
    """MyST written by this package (a table cell with emphasis, a citation role): passed through
    as markup. Every other string is data and is escaped by :func:`escape_md`."""


def escape_md(text) -> str:
    """Any value as MyST that renders exactly its characters and nothing else.

    This is the one escaping path of text from a data package. Every ASCII punctuation character
    is backslash-escaped, so no HTML, role, directive, link, math (``$``), substitution, entity or
    emphasis can take effect; line breaks become spaces, so no list, heading, quotation or table
    row can start inside the text. A :class:`Markup` string is returned as it is.
    """
    if isinstance(text, Markup):
        return str(text)
    text = _BREAKS.sub(" ", "" if text is None else str(text)).strip()
    return "".join("\\" + ch if ch in _PUNCTUATION else ch for ch in text)


def code(text) -> Markup:
    """A value as a MyST code span (shown in monospace, exactly its characters): the fence is
    longer than any run of backticks in the value, so the value cannot close it."""
    text = _BREAKS.sub(" ", str(text)).strip()
    if not text:
        return Markup(" ")
    fence = "`" * (max((len(m) for m in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text[0] == "`" or text[-1] == "`" else ""
    return Markup(f"{fence}{pad}{text}{pad}{fence}")


def emphasis(text) -> Markup:
    """A value in italics, its characters escaped."""
    body = escape_md(text)
    return Markup(f"*{body}*") if body else Markup(" ")
