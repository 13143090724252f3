"""The derived annex tables equal the article's printed values (counts exactly, shares rounded)."""

import pytest

from trata.analyse import reconcile
from trata.core import precision
from trata.derive import tables


def test_table1_counts_and_shares(study):
    t = tables.table1(study).set_index("country")
    assert t["n"].to_dict() == {"Guatemala": 32, "El Salvador": 19, "Honduras": 17, "Nicaragua": 4,
                                "Colombia": 2, "Belize": 1, "Total": 75}
    assert t["share"].round(1).to_dict() == {"Guatemala": 42.7, "El Salvador": 25.3, "Honduras": 22.7,
                                             "Nicaragua": 5.3, "Colombia": 2.7, "Belize": 1.3, "Total": 100.0}


def test_table2_as_printed_and_as_read(study):
    t = tables.table2(study).set_index("variable")
    assert t.loc["age", ["Median", "Mean", "Mode", "Min.", "Max."]].tolist() == [24.7, 24, 21, 19, 36]
    assert t.loc["months_trafficked", "Median"] == 10.5
    read = tables.table2_read(study).set_index("variable")
    # the printed 'Median' column holds the means, the printed 'Mean' column the medians
    assert read.loc["education", "mean"] == 3.8 and read.loc["education", "median"] == 5


def test_table3_shares_are_of_interviewees_not_mentions(study):
    t = tables.table3(study).set_index("state_as_printed")
    assert t.loc["Total", "n"] == 81
    assert t.loc["Mexico City", "share"] == pytest.approx(100 * 29 / 75)
    assert t.loc["Guadalajara", "state_official"] == "Jalisco"
    assert len(t) - 1 == 16


def test_table4_bins_and_shares(study):
    t = tables.table4(study).set_index("bin_as_printed")
    assert t["n"].tolist() == [33, 12, 14, 16, 75]
    assert t["share"].round(1).tolist() == [44.0, 16.0, 18.7, 21.3, 100.0]


def test_table5_rows_and_bases(study):
    t = tables.table5(study).set_index("network_type")
    assert t.loc["total", ["male_n", "female_n", "total_n"]].tolist() == [73, 4, 77]
    assert t.loc["nightclub", "female_share"] == pytest.approx(100 / 13)
    assert t.loc["trafficking_group", "female_n"] == 3
    assert t.loc["cartel", "total_share"] == pytest.approx(100 * 37 / 77)
    assert tables.women_leaders(study) == (4, 77)


def test_reconciliation_lists_every_printed_cell(study):
    rep = reconcile.report(study)
    printed = study["printed_cells"]
    assert (rep["status"] != "not printed").sum() == len(printed) == 116
    mism = rep[rep["status"] == "mismatch"]
    # the one printed value that is off by more than its rounding: 37/77 = 48.05 printed as 48.0
    assert mism[["table", "row", "column"]].values.tolist() == [["table5", "Mexican Cartels", "Total %"]]


@pytest.mark.parametrize("text,tol", [("42.7", 0.05), ("80", 0.5), ("100", 0.5), ("20.0", 0.05)])
def test_tolerance_is_half_a_printed_unit(text, tol):
    assert precision.tolerance(text) == pytest.approx(tol)
