"""The edition's page on women's leadership: the share of cases led by a woman with its Wilson
intervals, the exact test of whether it differs between types, and the test's sensitivity.

:func:`glues` gives every value the notebook glues, keyed by its glue key; :func:`readings` the
sentences whose truth depends on the data, chosen by the data (:mod:`trata.chapters.readings`).
"""

from __future__ import annotations

from ..analyse import stats
from ..core import messages as M
from ..data.study import Study
from ..derive import tables
from ..present.tables import myst_table
from ..present.text import fmt_count, interval, number_word, pct
from . import readings as R
from .profile import leadership


def shares_table(study: Study):
    rows = [[r.label, fmt_count(r.women), fmt_count(r.networks), pct(r.share), interval(r.low, r.high)]
            for r in stats.women_leader_shares(study).itertuples()]
    return myst_table(rows, M.header("leadership.shares.header"), label="tbl-leadership-shares",
                      caption=M.text("leadership.shares.caption"))


def glues(study: Study) -> dict[str, object]:
    """Every value the leadership page glues, by its glue key."""
    n_women, n_cases = tables.interviewees(study), tables.networks(study)
    shares = stats.women_leader_shares(study).set_index("network_type")
    t5 = tables.table5(study).set_index("network_type")
    tot = shares.loc["total"]
    per_type = shares.drop(index="total")
    smallest = per_type.loc[per_type["networks"] > 0, "networks"].idxmin()  # a type with no case has no interval
    test = stats.leadership_test(study)
    exp = stats.expected_women_leaders(study).set_index("network_type")
    lo, hi, n_tab = stats.leadership_drop_sensitivity(study)
    return {
        "leadership_interviewees": n_women,
        "leadership_cases": n_cases,
        "leadership_extra_word": number_word(n_cases - n_women),
        "leadership_women": int(tot["women"]),
        "leadership_women_word": number_word(tot["women"]),
        "leadership_pct": pct(tot["share"]),
        "leadership_low": pct(tot["low"]),
        "leadership_high": pct(tot["high"]),
        "leadership_level": f"{100 * stats.LEVEL:.0f}",
        "leadership_smallest_high": pct(per_type.loc[smallest, "high"]),
        "leadership_group_women": int(t5.loc["trafficking_group", "female_n"]),
        "leadership_group_cases": int(t5.loc["trafficking_group", "total_n"]),
        "leadership_cartel_cases": int(t5.loc["cartel", "total_n"]),
        "leadership_tbl_shares": shares_table(study),
        "leadership_test_p": f"{test.pvalue:.3f}",
        "leadership_test_stat": f"{test.statistic:.4f}",
        "leadership_test_tables": test.tables,
        "leadership_expected_group": f"{exp.loc['trafficking_group', 'expected']:.1f}",
        "leadership_expected_cartel": f"{exp.loc['cartel', 'expected']:.1f}",
        "leadership_sens_low": f"{lo:.3f}",
        "leadership_sens_high": f"{hi:.3f}",
        "leadership_sens_tables": n_tab,
    } | {key: r.text for key, r in readings(study).items()}


def readings(study: Study) -> dict[str, R.Reading]:
    """Every sentence of the page whose truth depends on the data, chosen by the data, by glue key."""
    d = leadership(study)
    return {
        "leadership_reading_intervals": R.intervals(d),
        "leadership_reading_expected_cartel_women": R.expected_cartel_women(d),
        "leadership_reading_test": R.test_evidence(d),
        "leadership_reading_in_charge": R.in_charge(d),
    }
