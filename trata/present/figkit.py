"""A figure's toolkit: the data it plots (as CSV and as an HTML table) and links to its files.

Every figure of the book carries, below the chart, links to its drawing as SVG and PNG and to the
data it plots as CSV, and a "show as table" view (a ``<details>`` element holding a real table with
a caption). All of it works without JavaScript. The files are written when the site is built
(:mod:`trata.book.figkit`): the links here point to ``FILES_PREFIX<key>.<ext>``, which the build
turns into the page's relative path to ``_static/figures/``.

:class:`Plotted` names the rows a chart draws (the very frame handed to Altair), the columns a
reader gets and their headers, the table's caption and the source of the data; every word comes
from the message table (:mod:`trata.core.messages`).
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass

import pandas as pd

from ..core import messages

#: The placeholder the links start with, replaced at build time by the path to ``_static/figures/``.
FILES_PREFIX = "trata-figkit:"

#: The files of a figure: extension -> media type.
FILES = {"svg": "image/svg+xml", "png": "image/png", "csv": "text/csv"}


def link_words(lang: str | None = None) -> dict[str, str]:
    """The words of the link to each file (extension -> words), in the edition's language (or ``lang``)."""
    return {"svg": messages.text("figkit.svg", lang), "png": messages.text("figkit.png", lang),
            "csv": messages.text("figkit.csv", lang)}


def _same(a, b) -> bool:
    if _missing(a) or _missing(b):
        return _missing(a) and _missing(b)
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return math.isclose(float(a), float(b), rel_tol=1e-12, abs_tol=1e-12)
    return a == b


def _missing(v) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NA


@dataclass(frozen=True)
class Plotted:
    """The data a figure plots: ``frame`` (the rows the chart draws), ``columns`` (field -> header,
    in the order a reader gets them), the table's ``caption`` and the data's ``source``."""

    frame: pd.DataFrame
    columns: dict[str, str]
    caption: str
    source: str

    def table(self) -> pd.DataFrame:
        """The plotted columns, under their headers, in the chart's row order."""
        return self.frame[list(self.columns)].rename(columns=self.columns).reset_index(drop=True)

    def csv_body(self) -> str:
        """The table as CSV (a header row, then one row per plotted row), without the source line."""
        return self.table().to_csv(index=False, lineterminator="\n")

    def csv(self, version: str) -> str:
        """The CSV file: a first line naming the source and the edition's version, then the table."""
        return source_line(self.source, version) + "\n" + self.csv_body()

    def check_against(self, spec: dict) -> None:
        """Raise ``ValueError`` unless ``spec`` draws these rows: one of its datasets holds every
        plotted column with the same values in the same order."""
        fields = list(self.columns)
        for rows in spec.get("datasets", {}).values():
            if len(rows) != len(self.frame) or not all(f in (rows[0] if rows else {}) for f in fields):
                continue
            if all(_same(row[f], v) for f in fields for row, v in zip(rows, self.frame[f].tolist())):
                return
        raise ValueError(f"the figure does not draw the data its toolkit offers (columns {fields})")


def source_line(source: str, version: str) -> str:
    """The CSV's first line: a comment naming the data's source and the edition's version."""
    return "# " + " ".join(messages.text("figkit.csv_source", source=source, version=version).split())


def cell(value) -> str:
    """A value as the table shows it: whole numbers without decimals, others to one decimal."""
    if _missing(value):
        return messages.text("figkit.missing")
    if isinstance(value, float):
        return f"{value:.0f}" if value.is_integer() else f"{value:.1f}"
    return str(value)


def table_html(plotted: Plotted, html_id: str) -> str:
    """The "show as table" view: a ``<details>`` element holding the table, with its caption."""
    t = plotted.table()
    esc = html.escape
    head = "".join(f'<th scope="col">{esc(str(c))}</th>' for c in t.columns)
    body = "".join("<tr>" + "".join(f"<td>{esc(cell(v))}</td>" for v in row) + "</tr>"
                   for row in t.itertuples(index=False))
    caption_id = f"{html_id}-table-caption"
    return (f'<details class="trata-figkit-table"><summary>{esc(messages.text("figkit.table"))}</summary>'
            f'<div class="trata-figkit-scroll" role="region" tabindex="0" aria-labelledby="{caption_id}">'
            f'<table class="table trata-figkit-data"><caption id="{caption_id}">{esc(plotted.caption)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div></details>")


def toolkit_html(key: str, html_id: str, plotted: Plotted) -> str:
    """The links to the figure's files and the table view, below the chart."""
    esc = html.escape
    words = link_words()
    links = "".join(
        f'<a class="trata-figkit-file" href="{FILES_PREFIX}{esc(key)}.{ext}" download="{esc(key)}.{ext}" '
        f'type="{mime}">{esc(words[ext])}</a>' for ext, mime in FILES.items())
    label = esc(messages.text("figkit.files"))
    # the CSV travels with the page as escaped text (hidden, never markup nor script), so that the
    # file is made from it; text from the data cannot end the element
    csv = esc(plotted.csv_body(), quote=False)
    return (f'<div class="trata-figkit">'
            f'<div hidden class="trata-figure-csv" data-source="{esc(plotted.source, quote=True)}">{csv}</div>'
            f'<div class="trata-figkit-files" role="group" aria-label="{label}">'
            f'<span class="trata-figkit-label" aria-hidden="true">{label}</span>{links}</div>'
            f"{table_html(plotted, html_id)}</div>")
