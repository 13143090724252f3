"""Build the site strictly and check that each annex cell in the HTML equals the derived value."""

import re

import htmlpage
import pytest

from trata.derive import tables
from trata.present import text as P

parse_tables = htmlpage.tables


@pytest.fixture(scope="module")
def annex(site):
    return parse_tables(site / "notebooks" / "annex.html")


def test_build_log_has_zero_warnings(site):
    log = site.parent / "html-warnings.log"
    assert log.exists() and log.read_text().strip() == ""


def test_annex_table1_cells(annex, study):
    rows = annex["tbl-annex-countries"][1:]
    expected = [[r.country, P.fmt_count(r.n), P.fmt_share(r.share)] for r in tables.table1(study).itertuples()]
    assert rows == expected
    assert rows[0] == ["Guatemala", "32", "42.7"]


def test_annex_table2_cells(annex, study):
    rows = annex["tbl-annex-characteristics"]
    assert rows[0] == ["Characteristic (as printed)", "Median", "Mean", "Mode", "Min.", "Max."]
    assert rows[1] == ["Age", "24.7", "24", "21", "19", "36"]
    assert rows[4] == ["Months in trafficking situation", "10.5", "6", "5", "1", "39"]


def test_annex_table3_cells(annex, study):
    rows = annex["tbl-annex-states"][1:]
    t3 = tables.table3(study)
    assert [[r[0], r[2], r[3]] for r in rows] == [[r.state_as_printed, P.fmt_count(r.n), P.fmt_share(r.share)] for r in t3.itertuples()]
    assert rows[0] == ["Mexico City", "Ciudad de México", "29", "38.7"]


def test_annex_table4_cells(annex):
    rows = annex["tbl-annex-escape"][1:]
    assert [r[2:] for r in rows] == [["33", "44.0"], ["12", "16.0"], ["14", "18.7"], ["16", "21.3"], ["75", "100.0"]]


def test_annex_table5_cells(annex, study):
    rows = annex["tbl-annex-leaders"][1:]
    assert rows[0] == ["Mexican Cartels", "37", "100.0", "0", "0.0", "37", "48.1"]
    assert rows[-1] == ["Total", "73", "94.8", "4", "5.2", "77", "100.0"]
    assert len(rows) == 7


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
