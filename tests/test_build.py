"""Build the site strictly and check the annex's cells against the article's tables as printed."""

import csv
import re
from pathlib import Path

import htmlpage
import pytest

from trata.analyse import reconcile
from trata.core import messages, precision
from trata.derive import tables

ROOT = Path(__file__).resolve().parents[1]

parse_tables = htmlpage.tables


@pytest.fixture(scope="module")
def annex(site):
    return parse_tables(site / "notebooks" / "annex.html")


def test_build_log_has_zero_warnings(site):
    log = site.parent / "html-warnings.log"
    assert log.exists() and log.read_text().strip() == ""


#: The article's tables as printed (data/published/): the expected values of the built annex.
PUBLISHED = ROOT / "data" / "published" / "printed_cells.csv"

#: Where each printed cell stands in the built table: (label of the table, the cell's column in the
#: built row, the printed cell's key as a function of the built row's first cell and the printed
#: column); the row of a built table is found by its first cell.
LAYOUT = {
    "table1": ("tbl-annex-countries", {"n": 1, "%": 2}, "row"),
    "table2": ("tbl-annex-characteristics", {s: k + 1 for k, s in enumerate(tables.STATISTICS_AS_PRINTED)}, "column"),
    "table3": ("tbl-annex-states", {"n": 2, "%": 3}, "column"),
    "table4": ("tbl-annex-escape", {"n": 2, "%": 3}, "row"),
    "table5": ("tbl-annex-leaders", {"Males n": 1, "Males %": 2, "Women n": 3, "Women %": 4, "Total n": 5, "Total %": 6},
               "column"),
}


def published_cells() -> list[dict]:
    with PUBLISHED.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def built_cell(annex, cell: dict) -> str:
    """The built annex's text for a printed cell of the article."""
    label, columns, along = LAYOUT[cell["table"]]
    # tables 1 and 4 are printed transposed: their printed 'row' is the statistic, the column the category
    category, statistic = (cell["column"], cell["row"]) if along == "row" else (cell["row"], cell["column"])
    rows = {r[0]: r for r in annex[label][1:]}
    assert category in rows, (cell, sorted(rows))
    return rows[category][columns[statistic]]


def test_every_cell_the_article_prints_is_in_the_annex_as_printed(annex, study):
    """The built annex agrees with data/published/ on every printed cell, to the printed precision,
    except the cells the reconciliation finds wrong in the article, which are recomputed."""
    mismatched = {(r.table, r.row, r.column) for r in reconcile.report(study).itertuples() if r.status == "mismatch"}
    cells = published_cells()
    assert len(cells) == len(study["printed_cells"]) > 100
    for cell in cells:
        built = float(built_cell(annex, cell))
        agrees = abs(built - float(cell["printed"])) <= precision.tolerance(cell["printed"]) + 1e-9
        assert agrees != ((cell["table"], cell["row"], cell["column"]) in mismatched), (cell, built)


def test_annex_tables_have_the_printed_rows_in_the_printed_order(annex):
    by_table: dict[str, list[str]] = {}
    for cell in published_cells():
        _, _, along = LAYOUT[cell["table"]]
        category = cell["column"] if along == "row" else cell["row"]
        by_table.setdefault(cell["table"], [])
        if category not in by_table[cell["table"]]:
            by_table[cell["table"]].append(category)
    for table, categories in by_table.items():
        built = [r[0] for r in annex[LAYOUT[table][0]][1:]]
        if built[-1] == "Total" and "Total" not in categories:  # Table 3 prints no total row; the book adds one
            built.pop()
        assert built == categories, table


def test_annex_headers(annex):
    assert annex["tbl-annex-characteristics"][0] == ["Characteristic (as printed)", *tables.STATISTICS_AS_PRINTED]
    assert annex["tbl-annex-countries"][0] == messages.header("annex.countries.header")
    assert annex["tbl-annex-leaders"][0] == messages.header("annex.leaders.header")


def test_reconciliation_table_lists_every_printed_cell(annex, study):
    rows = annex["tbl-annex-reconciliation"][1:]
    printed = [r for r in rows if r[-1] in ("match", "mismatch")]
    assert len(printed) == len(study["printed_cells"])
    assert sum(r[-1] == "mismatch" for r in printed) == 1


def test_tables_are_numbered_and_referable(site):
    html = (site / "notebooks" / "annex.html").read_text()
    for label in ["tbl-annex-countries", "tbl-annex-characteristics", "tbl-annex-states", "tbl-annex-escape", "tbl-annex-leaders"]:
        assert f'id="{label}"' in html
    assert re.search(r"<caption>.*?Table 1", html, re.S)


def test_table_cells_are_plain_text_never_empty_headers_or_quotes(site):
    """A cell such as '% of interviewees' or '> 15' is text, not a MyST comment or a quotation."""
    for page in sorted((site / "notebooks").glob("*.html")):
        html = page.read_text(encoding="utf-8")
        for table in re.findall(r'<table[^>]*id="tbl-[^"]+".*?</table>', html, re.S):
            assert "<blockquote>" not in table, page.name
            assert not re.search(r'<th class="head"></th>', table), page.name
    rows = parse_tables(site / "notebooks" / "annex.html")["tbl-annex-escape"]
    assert rows[0][3] == "% of interviewees"
    assert [r[0] for r in rows[1:]] == ["< 3", "3 - 5", "6 - 14", "> 15", "Total"]
