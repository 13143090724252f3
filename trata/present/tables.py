"""Tables in the book: MyST tables with a numbered caption and a stable label, and raw HTML blocks.

Notebooks glue the result of :func:`myst_table` and place it with ``{glue:md}``; the table becomes a
real docutils table, numbered by Sphinx and referable with ``{numref}``. Every cell, header and
caption is text (escaped), unless it is :class:`~trata.present.text.Markup` written by this package.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from IPython.display import Markdown

from .text import Markup, escape_md

#: What makes a line start a block in MyST: a comment ('%'), a quotation ('>'), a heading ('#'), a
#: list item ('-', '+', '*' or '1.' followed by a space).
_BLOCK_START = re.compile(r"\s*(?:([%>#])|([-+*])(?=\s|$)|(\d+)([.)])(?=\s|$))")


def _cell(text) -> str:
    """One cell of a list-table: on one line, and never starting a block (a cell printed '> 15'
    would otherwise become a quotation, '% of ...' a comment). A cell is data, escaped by
    :func:`~trata.present.text.escape_md`, unless it is :class:`~trata.present.text.Markup`."""
    if not isinstance(text, Markup):
        return escape_md(text) or " "
    text = " ".join(str(text).split())
    m = _BLOCK_START.match(text)
    if m:
        text = text.lstrip()
        text = f"{m.group(3)}\\{text[len(m.group(3)):]}" if m.group(3) else "\\" + text
    return text if text.strip() else " "


def list_table(rows: Sequence[Sequence], header: Sequence[str], *, caption: str = "", label: str | None = None,
               widths: Sequence[int] | None = None, align: str | None = None,
               css_class: str = "trata-table") -> list[str]:
    """The lines of a MyST ``{list-table}`` directive (a numbered, referable table when it has a
    caption and a label)."""
    lines = [f"```{{list-table}} {escape_md(caption)}".rstrip()]
    if label:
        lines.append(f":name: {re.sub(r'[^A-Za-z0-9_-]+', '-', label)}")
    lines += [":header-rows: 1", f":class: {css_class}"]
    if widths:
        lines.append(":widths: " + " ".join(str(w) for w in widths))
    if align:
        lines.append(f":align: {align}")
    lines.append("")
    for row in [list(header)] + [list(r) for r in rows]:
        lines.append(f"* - {_cell(row[0])}")
        lines += [f"  - {_cell(c)}" for c in row[1:]]
    lines.append("```")
    return lines


def myst_table(rows: Sequence[Sequence], header: Sequence[str], *, label: str, caption: str,
               widths: Sequence[int] | None = None, align: str | None = None, css_class: str = "trata-table"):
    """A ``{list-table}`` directive with ``:name: label``, as Markdown to glue."""
    return Markdown("\n".join(list_table(rows, header, caption=caption, label=label, widths=widths,
                                          align=align, css_class=css_class)))


class HTMLBlock:
    """Raw HTML for ``glue``: shown as is in HTML output, as plain text elsewhere."""

    def __init__(self, markup: str, text: str):
        self.markup, self.text = markup, text

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/html": self.markup, "text/plain": self.text}
