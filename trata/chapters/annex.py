"""The annex chapter: the article's five tables rebuilt from the data, their figures, and every
printed cell reconciled with the value derived from the data package.

:func:`glues` gives every value the notebook glues, keyed by its glue key.
"""

from __future__ import annotations

import pandas as pd

from ..analyse import provenance, reconcile
from ..core import messages as M
from ..data.study import Study
from ..derive import tables
from ..present import findings
from ..present.figures import annex as fig
from ..present.tables import myst_table
from ..present.text import fmt_count, fmt_number, fmt_share
from . import readings as R


def bin_bounds(r) -> str:
    """The whole months a bin of Table 4 holds, in words (blank for the Total row)."""
    if r.bin_as_printed == "Total":
        return " "
    if pd.isna(r.max_months):
        return M.text("annex.months_or_more", lo=int(r.min_months))
    return M.text("annex.months_to", lo=int(r.min_months), hi=int(r.max_months))


def bin_gaps(t4: pd.DataFrame) -> str:
    """The whole months no bin of Table 4 holds, in words ('3', '16 to 17'), or 'no month'."""
    bins = t4[t4["bin_as_printed"] != "Total"]
    gaps = [f"{int(a) + 1}" if int(b) - int(a) == 2 else f"{int(a) + 1} to {int(b) - 1}"
            for a, b in zip(bins["max_months"].iloc[:-1], bins["min_months"].iloc[1:]) if int(b) > int(a) + 1]
    return M.text("annex.months", gaps=" and ".join(gaps)) if gaps else M.text("annex.no_month")


def _show(v) -> str:
    return " " if v is None or v != v else fmt_number(v, 3)


def _table(n: str) -> str:
    return M.text("annex.table", n=n.replace("table", ""))


def reconciliation_table(rep: pd.DataFrame):
    return myst_table(
        [[_table(r.table), r.row, r.column, r.printed or "–", _show(r.derived), _show(r.tolerance), r.status]
         for r in rep.itertuples()],
        M.header("annex.reconciliation.header"), label="tbl-annex-reconciliation",
        caption=M.text("annex.reconciliation.caption"))


def mismatch_list(rep: pd.DataFrame) -> str:
    mism = rep[rep["status"] == "mismatch"]
    return "; ".join(M.text("annex.mismatch", table=_table(r.table), row=r.row, column=r.column, printed=r.printed,
                            derived=f"{r.derived:.3f}") for r in mism.itertuples()) or M.text("none")


def glues(study: Study) -> dict[str, object]:
    """Every value the annex glues, by its glue key."""
    n_women, n_networks = tables.interviewees(study), tables.networks(study)
    printed = study["printed_tables"].set_index("table")
    t1, t2, t3, t4, t5 = (tables.table1(study), tables.table2(study), tables.table3(study), tables.table4(study),
                          tables.table5(study))
    states_only = t3[t3["state_as_printed"] != "Total"]
    women, nets = tables.women_leaders(study)
    rep = reconcile.report(study)
    summary = reconcile.summary(rep)
    return {
        "annex_interviewees": n_women,
        "annex_networks": n_networks,
        "annex_ci_level": fig.CL,
        "tbl_countries": myst_table(
            [[r.country, fmt_count(r.n), fmt_share(r.share)] for r in t1.itertuples()],
            M.header("annex.countries.header"), label="tbl-annex-countries", caption=M.text("annex.countries.caption")),
        "annex_countries_k": len(t1) - 1,
        "annex_t1_source": printed.loc["table1", "source_as_printed"],
        "tbl_characteristics": myst_table(
            [[r["label_as_printed"]] + [fmt_number(r[s]) for s in tables.STATISTICS_AS_PRINTED] for r in t2.to_dict("records")],
            M.header("annex.characteristics.header") + tables.STATISTICS_AS_PRINTED,
            label="tbl-annex-characteristics", caption=M.text("annex.characteristics.caption")),
        "tbl_states": myst_table(
            [[r.state_as_printed, r.state_official or " ", fmt_count(r.n), fmt_share(r.share)] for r in t3.itertuples()],
            M.header("annex.states.header"), label="tbl-annex-states", caption=M.text("annex.states.caption")),
        "annex_states_k": len(states_only),
        "annex_state_mentions": int(states_only["n"].sum()),
        "annex_two_states": int(states_only["n"].sum()) - n_women,
        "annex_t3_note": printed.loc["table3", "note_as_printed"],
        "annex_bin_gaps": bin_gaps(t4),
        "annex_t4_title": printed.loc["table4", "title_as_printed"],
        "tbl_escape": myst_table(
            [[r.bin_as_printed, bin_bounds(r), fmt_count(r.n), fmt_share(r.share)] for r in t4.itertuples()],
            M.header("annex.escape.header"), label="tbl-annex-escape", caption=M.text("annex.escape.caption")),
        "tbl_leaders": myst_table(
            [[r.label_as_printed, fmt_count(r.male_n), fmt_share(r.male_share), fmt_count(r.female_n),
              fmt_share(r.female_share), fmt_count(r.total_n), fmt_share(r.total_share)] for r in t5.itertuples()],
            M.header("annex.leaders.header"), label="tbl-annex-leaders", caption=M.text("annex.leaders.caption")),
        "annex_women_leaders": women,
        "annex_women_leaders_share": fmt_share(100 * women / nets),
        "annex_extra_networks": n_networks - n_women,
        "annex_audit_table4": findings.note_markdown_block("Table 4, ", study),
        "annex_audit_table5": findings.note_markdown_block("Table 5, ", study),
        "annex_rec_match": summary["match"],
        "annex_rec_mismatch": summary["mismatch"],
        "annex_rec_printed": int((rep["status"] != "not printed").sum()),
        "tbl_reconciliation": reconciliation_table(rep),
        "annex_mismatch_list": mismatch_list(rep),
        "annex_reading_reconciliation": R.reconciliation(provenance.of(study).reproduces).text,
        "annex_fig_countries": fig.countries_figure(study),
        "annex_fig_characteristics": fig.characteristics_figure(study),
        "annex_fig_states": fig.states_figure(study),
        "annex_fig_escape": fig.escape_figure(study),
        "annex_fig_leaders": fig.leaders_figure(study),
    }
