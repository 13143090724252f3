"""Which data a build shows: the article's, or a package that differs from the article's printed tables.

The article's printed values (``data/published/``) belong to the article; the package's values to
the data the book is built from. :func:`of` says whether the package reproduces the printed
tables, table by table, and names the package from its descriptor (title, version, date), so that
every page can say which data it shows and no number of other data is called the article's.

A table is reproduced when every printed count equals the count derived from the package, every
printed statistic agrees to its printed precision, every printed share agrees to within one unit
of its last printed digit (the article's own rounding slips, such as 48.0 for 48.05, do not make
its data someone else's), and the package has no category the printed table lacks.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..core import messages
from ..data.study import Study
from . import reconcile

TABLES = ("table1", "table2", "table3", "table4", "table5")


def _is_count(table: str, row: str, column: str) -> bool:
    return table != "table2" and ("n" in (row, column) or column.endswith(" n"))


def _is_share(table: str, row: str, column: str) -> bool:
    return table != "table2" and ("%" in (row, column) or column.endswith(" %"))


def _agrees(r) -> bool:
    if r.status == "match":
        return True
    if r.status == "not printed":
        return r.row == "Total" or r.column == "Total"   # the article prints some totals only in words
    if r.status != "mismatch" or _is_count(r.table, r.row, r.column):
        return False
    return _is_share(r.table, r.row, r.column) and abs(r.difference) <= 2 * r.tolerance + 1e-9


def differing(rep: pd.DataFrame) -> pd.DataFrame:
    """The cells of a reconciliation report (:func:`reconcile.report`) in which the package is not the article's."""
    return rep[[not _agrees(r) for r in rep.itertuples()]]


@dataclass(frozen=True)
class Provenance:
    """Which data a build shows."""

    title: str
    version: str
    date: str
    #: tables (``table1`` ... ``table5``) whose printed cells the package does not reproduce
    changed: tuple[str, ...]
    #: printed cells the package does not reproduce
    cells: int

    @property
    def reproduces(self) -> bool:
        """The package reproduces every printed table of the article."""
        return not self.changed

    def as_printed(self, table: str) -> bool:
        return table not in self.changed

    @property
    def name(self) -> str:
        """The package as a reader identifies it: its title, version and date, as far as given."""
        extra = ", ".join(x for x in (f"version {self.version}" if self.version else "", self.date) if x)
        return f"{self.title} ({extra})" if extra else self.title


def of(study: Study) -> Provenance:
    """Which data ``study`` is: the article's, or other data, named from its descriptor."""
    d = study.descriptor
    diff = differing(reconcile.report(study))
    changed = tuple(t for t in TABLES if t in set(diff["table"]))
    date = str(d.get("created") or d.get("date") or "")[:10]
    return Provenance(str(d.get("title") or d.get("name") or study.path.parent.name), str(d.get("version") or ""),
                      date, changed, len(diff))


def table_as_printed(study: Study, table: str) -> bool:
    """Whether the package reproduces one printed table (``table2``, ``table3`` or ``table5``),
    reading only that table's resources (so that a chapter that asks is not re-run when another
    table changes)."""
    return differing(reconcile.report(study, only=table)).empty


def table_phrase(study: Study, table: str, printed: str = "") -> str:
    """How a sentence names the source of one annex table: '[as printed in] the article's Table 2'
    while the package reproduces it, 'Table 2 of the data this book was built from' when it does not."""
    n = table.replace("table", "")
    if table_as_printed(study, table):
        return messages.text("provenance.printed_in", n=n) if printed else messages.text("provenance.article_table", n=n)
    return messages.text("provenance.in_other_table", n=n) if printed else messages.text("provenance.other_table", n=n)
