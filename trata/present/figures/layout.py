"""Shared pieces of the figures' layouts: wrapped titles and labels, for the narrow layouts."""

from __future__ import annotations

import json
import textwrap


def js(text: str) -> str:
    """A string literal for a Vega expression: JSON's escaping (quotes, backslashes, line breaks and
    every non-ASCII character as an escape), so that no text from the data can end the literal."""
    return json.dumps(str(text), ensure_ascii=True)


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` characters (words are never broken)."""
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [""]


def title(text: str, width: int | None):
    """An axis or legend title: one line, or lines of at most ``width`` characters."""
    if width is None:
        return text
    lines = wrap(text, width)
    return lines if len(lines) > 1 else lines[0]


def label_expr(labels, width: int) -> str:
    """A ``labelExpr`` that shows each of ``labels`` in lines of at most ``width`` characters."""
    table = ", ".join(f"{js(t)}: [{', '.join(js(line) for line in wrap(t, width))}]" for t in labels)
    return f"{{{table}}}[datum.label] || datum.label"
