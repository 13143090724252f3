"""The profile chapter: the typology of the networks, women's positions on the victim-victimizer
line, women's share of leadership (with its intervals and exact test), and the quoted excerpts.

:func:`glues` gives every value the notebook glues, keyed by its glue key, including
:func:`readings`, the sentences whose truth depends on the data, chosen by the data.
"""

from __future__ import annotations

import pandas as pd

from ..analyse import provenance, stats
from ..core import messages as M
from ..data.study import Study
from ..derive import tables
from ..derive.readers import excerpts, network_types, position_counts, positions, type_labels, typology, typology_of
from ..present.excerpts import excerpt_explorer, quote
from ..present.figure import Figure
from ..present.figures import annex as annex_fig
from ..present.figures import profile as fig
from ..present.tables import HTMLBlock, myst_table
from ..present.text import fmt_count, fmt_share, interval, join_words, number_word, pct
from . import readings as R

#: The excerpts each section quotes: glue key -> excerpt id.
QUOTED = {
    "profile_q_cartel_raquel": "cartel-raquel",
    "profile_q_cartel_elvia": "cartel-elvia",
    "profile_q_nightclub_fausta": "nightclub-fausta",
    "profile_q_nightclub_jimena_2": "nightclub-jimena-2",
    "profile_q_group_irene_1": "group-irene-1",
    "profile_q_group_narcisa_2": "group-narcisa-2",
    "profile_q_agency_evelia": "agency-evelia",
    "profile_q_freelance_cristina": "freelance-cristina",
    "profile_q_pseudonovio_alejandra": "pseudonovio-alejandra",
    "profile_q_pseudonovio_lucia_2": "pseudonovio-lucia-2",
}

#: The coding table of each network type's section: glue key -> network type.
TYPOLOGY_TABLES = {
    "profile_tbl_cartel": "cartel",
    "profile_tbl_nightclub": "nightclub",
    "profile_tbl_trafficking_group": "trafficking_group",
    "profile_tbl_modelling_agency": "modelling_agency",
    "profile_tbl_freelance": "freelance",
    "profile_tbl_pseudonovio": "pseudonovio",
}


# ---------------------------------------------------------------------------------------------
# tables


def typology_table(study: Study, network_type: str):
    """The coding of one network type on every dimension, as a numbered table."""
    df = typology_of(study, network_type)
    rows = [[r.dimension_label, r.summary if r.described else f"*{r.summary}*"] for r in df.itertuples()]
    return myst_table(rows, M.header("profile.typology.header"), label=f"tbl-profile-{network_type.replace('_', '-')}",
                      caption=M.text("profile.typology.caption", type=type_labels(study)[network_type]), widths=[25, 75])


def positions_table(study: Study):
    rows = [[r.type_label, r.description, r.line_label, r.origin_label, r.ground_label,
             "" if pd.isna(r.n_stated) else fmt_count(r.n_stated)] for r in positions(study).itertuples()]
    return myst_table(rows, M.header("profile.positions.header"), label="tbl-profile-positions",
                      caption=M.text("profile.positions.caption"), widths=[16, 30, 14, 12, 20, 8])


def leaders_table(study: Study):
    rows = [[r.label, fmt_count(r.women), fmt_count(r.networks), pct(r.share), interval(r.low, r.high)]
            for r in stats.women_leader_shares(study).itertuples()]
    return myst_table(rows, M.header("profile.leaders.header"), label="tbl-profile-leaders",
                      caption=M.text("profile.leaders.caption"))


def explorer_block(study: Study) -> HTMLBlock:
    ex = excerpts(study)
    return HTMLBlock(excerpt_explorer(study),
                     "\n\n".join(f"{r.text}\n  ({r.pseudonym}, {r.year_as_cited}; {r.type_label})" for r in ex.itertuples()))


# ---------------------------------------------------------------------------------------------
# what the chapter glues


def _typology_glues(study: Study) -> dict[str, object]:
    typ = typology(study)
    gaps = typ[~typ["described"].astype(bool)]
    out: dict[str, object] = {
        "profile_types_word": number_word(len(network_types(study))),
        "profile_dims_word": number_word(len(M.labels("dimensions"))),
        "profile_cells": len(typ),
        "profile_not_described": len(gaps),
        "profile_gaps_small": int(gaps["network_type"].isin(["freelance", "pseudonovio"]).sum()),
        "profile_fig_typology": Figure("profile_fig_typology", fig.typology_chart(study), fig.typology_alt(study)),
    }
    out |= {key: typology_table(study, t) for key, t in TYPOLOGY_TABLES.items()}
    out |= {key: quote(study, eid) for key, eid in QUOTED.items()}
    return out


def _network_glues(study: Study) -> dict[str, object]:
    n_women, n_networks = tables.interviewees(study), tables.networks(study)
    t5 = tables.table5(study).set_index("network_type")
    return {
        "profile_interviewees": n_women,
        "profile_networks": n_networks,
        "profile_extra_networks_word": number_word(n_networks - n_women),
        "profile_cartel_networks": int(t5.loc["cartel", "total_n"]),
        "profile_cartel_men": int(t5.loc["cartel", "male_n"]),
        "profile_trafficking_group_networks": int(t5.loc["trafficking_group", "total_n"]),
        "profile_trafficking_group_women": int(t5.loc["trafficking_group", "female_n"]),
        "profile_modelling_agency_networks": int(t5.loc["modelling_agency", "total_n"]),
        "profile_pseudonovio_networks": int(t5.loc["pseudonovio", "total_n"]),
        "profile_cartel_share_all": fmt_share(t5.loc["cartel", "total_share"]),
    }


def _position_glues(study: Study) -> dict[str, object]:
    pos = positions(study)
    pc = position_counts(study)
    short = M.labels("type_short")
    acting_types = pos.loc[pos["line"] == "victimizer", "network_type"].drop_duplicates().map(short).tolist()
    return {
        "profile_pos_positions": pc["positions"],
        "profile_pos_acting": pc["acting"],
        "profile_pos_both": pc["both"],
        "profile_pos_victimizer_only": pc["victimizer_only"],
        "profile_pos_victimizer_types": join_words(acting_types),
        "profile_pos_from_conclusion": int(((pos["line"] == "victimizer") & (pos["origin_basis"] == "conclusion")).sum()),
        "profile_tbl_positions": positions_table(study),
        "profile_fig_positions": Figure("profile_fig_positions", fig.positions_chart(study), fig.positions_alt(study)),
    }


def _leadership_glues(study: Study) -> dict[str, object]:
    shares = stats.women_leader_shares(study).set_index("network_type")
    t5 = tables.table5(study).set_index("network_type")
    tot = shares.loc["total"]
    per_type = shares.drop(index="total")
    smallest = per_type.loc[per_type["networks"] > 0, "networks"].idxmin()  # a type with no network has no interval
    test = stats.leadership_test(study)
    exp = stats.expected_women_leaders(study).set_index("network_type")
    lo, hi, n_tab = stats.leadership_drop_sensitivity(study)
    return {
        "profile_women_leaders": int(tot["women"]),
        "profile_women_leaders_word": number_word(tot["women"]),
        "profile_men_leaders": int(t5.loc["total", "male_n"]),
        "profile_women_pct": pct(tot["share"]),
        "profile_women_low": pct(tot["low"]),
        "profile_women_high": pct(tot["high"]),
        "profile_level": f"{100 * stats.LEVEL:.0f}",
        "profile_smallest_high": pct(per_type.loc[smallest, "high"]),
        "profile_tbl_leaders": leaders_table(study),
        "profile_fig_leaders": Figure("profile_fig_leaders", annex_fig.leaders_chart(study), annex_fig.leaders_alt(study)),
        "profile_test_p": f"{test.pvalue:.3f}",
        "profile_test_stat": f"{test.statistic:.4f}",
        "profile_test_tables": test.tables,
        "profile_expected_group": f"{exp.loc['trafficking_group', 'expected']:.1f}",
        "profile_expected_cartel": f"{exp.loc['cartel', 'expected']:.1f}",
        "profile_sens_low": f"{lo:.3f}",
        "profile_sens_high": f"{hi:.3f}",
        "profile_sens_tables": n_tab,
    }


def _excerpt_glues(study: Study) -> dict[str, object]:
    ex = excerpts(study)
    roster = study["roster"]
    flag = ex[ex["year_differs"].astype(bool)].drop_duplicates("pseudonym")
    return {
        "profile_excerpts_n": len(ex),
        "profile_excerpt_people": ex["pseudonym"].nunique(),
        "profile_roster_n": len(roster),
        "profile_unquoted_n": len(set(roster["pseudonym"]) - set(ex["pseudonym"])),
        "profile_flag_word": number_word(len(flag)),
        "profile_flag_detail": "; ".join(f"{r.pseudonym}, cited as {r.year_as_cited} and listed under {r.roster_year}"
                                         for r in flag.itertuples()),
        "profile_excerpt_explorer": explorer_block(study),
    }


def glues(study: Study) -> dict[str, object]:
    """Every value the profile chapter glues, by its glue key."""
    return (_network_glues(study) | _typology_glues(study) | _position_glues(study) | _leadership_glues(study)
            | _excerpt_glues(study) | reading_glues(study))


# ---------------------------------------------------------------------------------------------
# the readings the prose states in words, chosen by the data


def leadership(study: Study) -> R.Leadership:
    """Table 5 as the chapter's readings take it (:class:`trata.chapters.readings.Leadership`)."""
    t5 = tables.table5(study)
    t5 = t5[t5["network_type"] != "total"]
    short = {r.network_type: str(r.label).lower() for r in network_types(study).itertuples()} | M.labels("type_short")
    return R.Leadership.of([(r.network_type, r.female_n, r.total_n) for r in t5.itertuples()], short,
                           as_printed=provenance.table_as_printed(study, "table5"))


def printed_women_share(study: Study) -> str:
    """The article's printed share of networks led by a woman (Table 5, Women %, Total), as printed."""
    cells = study["printed_cells"]
    hit = cells[(cells["table"] == "table5") & (cells["row"] == "Total") & (cells["column"] == "Women %")]
    return str(hit["printed"].iloc[0]) if len(hit) else ""


def readings(study: Study) -> dict[str, R.Reading]:
    """Every sentence of the chapter whose truth depends on the data, chosen by the data, by glue key."""
    d = leadership(study)
    tot = stats.women_leader_shares(study).set_index("network_type").loc["total"]
    return {
        "profile_reading_cartel_rank": R.cartel_rank(d),
        "profile_reading_cartel_largest_aside": R.cartel_largest_aside(d),
        "profile_reading_cartel_leaders": R.cartel_leaders(d),
        "profile_reading_nightclub_leaders": R.nightclub_leaders(d),
        "profile_reading_nightclub_owner": R.nightclub_owner(d),
        "profile_reading_group_leaders": R.group_leaders(d),
        "profile_reading_group_roles": R.group_roles(d),
        "profile_reading_agency_leaders": R.agency_leaders(d),
        "profile_reading_freelance_leaders": R.freelance_leaders(d),
        "profile_reading_men_led": R.men_led(d),
        "profile_reading_women_pct": R.women_pct(d, pct(tot["share"]), f"{100 * tot['share']:.0f}",
                                                 printed_women_share(study)),
        "profile_reading_women_leaders": R.women_leaders(d),
        "profile_reading_intervals": R.intervals(d),
        "profile_reading_expected_cartel_women": R.expected_cartel_women(d),
        "profile_reading_test": R.test_evidence(d),
        "profile_reading_test_conclusion": R.test_conclusion(d),
    }


def reading_glues(study: Study) -> dict[str, str]:
    """:func:`readings` as the text the notebook glues."""
    return {key: r.text for key, r in readings(study).items()}
