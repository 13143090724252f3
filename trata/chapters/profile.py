"""The profile chapter: the typology of the networks, who led them, and women's positions on the
victim-victimizer line. The statistics of leadership have their own page (``leadership``), the
full list of excerpts too (``excerpts``).

:func:`glues` gives every value the notebook glues, keyed by its glue key, including
:func:`readings`, the sentences whose truth depends on the data, chosen by the data
(:mod:`trata.chapters.readings`); :func:`leadership` gives Table 5 as those readings take it, for
this chapter and for the home and leadership pages.
"""

from __future__ import annotations

import pandas as pd

from ..analyse import provenance
from ..core import messages as M
from ..data.study import Study
from ..derive import tables
from ..derive.readers import network_types, position_counts, positions, type_labels, typology, typology_of
from ..present.excerpts import quote
from ..present.figures import profile as fig
from ..present.tables import myst_table
from ..present.text import emphasis, fmt_count, fmt_share, number_word
from . import readings as R

#: The excerpts each section quotes, in the page's order: glue key -> excerpt id.
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
    rows = [[r.dimension_label, r.summary if r.described else emphasis(r.summary)] for r in df.itertuples()]
    return myst_table(rows, M.header("profile.typology.header"), label=f"tbl-profile-{network_type.replace('_', '-')}",
                      caption=M.text("profile.typology.caption", type=type_labels(study)[network_type]), widths=[25, 75])


def positions_table(study: Study):
    rows = [[r.type_label, r.description, r.line_label, r.origin_label, r.ground_label,
             "" if pd.isna(r.n_stated) else fmt_count(r.n_stated)] for r in positions(study).itertuples()]
    return myst_table(rows, M.header("profile.positions.header"), label="tbl-profile-positions",
                      caption=M.text("profile.positions.caption"), widths=[16, 30, 14, 12, 20, 8])






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
        "profile_fig_typology": fig.typology_figure(study),
    }
    out |= {key: typology_table(study, t) for key, t in TYPOLOGY_TABLES.items()}
    # the page's one note on the translation of the excerpts follows its first quotation
    first = next(iter(QUOTED))
    out |= {key: quote(study, eid, page_note=key == first) for key, eid in QUOTED.items()}
    return out


def _network_glues(study: Study) -> dict[str, object]:
    n_women, n_networks = tables.interviewees(study), tables.networks(study)
    t5 = tables.table5(study).set_index("network_type")
    return {
        "profile_interviewees": n_women,
        "profile_networks": n_networks,
        "profile_extra_networks_word": number_word(n_networks - n_women),
        "profile_cartel_networks": int(t5.loc["cartel", "total_n"]),
        "profile_pseudonovio_networks": int(t5.loc["pseudonovio", "total_n"]),
        "profile_cartel_share_all": fmt_share(t5.loc["cartel", "total_share"]),
    }


def _position_glues(study: Study) -> dict[str, object]:
    pos = positions(study)
    pc = position_counts(study)
    return {
        "profile_pos_positions": pc["positions"],
        "profile_pos_acting": pc["acting"],
        "profile_pos_from_conclusion": int(((pos["line"] == "victimizer") & (pos["origin_basis"] == "conclusion")).sum()),
        "profile_tbl_positions": positions_table(study),
        "profile_fig_positions": fig.positions_figure(study),
    }






def _leader_glues(study: Study) -> dict[str, object]:
    t5 = tables.table5(study).set_index("network_type")
    women, cases = tables.women_leaders(study)
    return {
        "profile_women_leaders": women,
        "profile_men_leaders": int(t5.loc["total", "male_n"]),
        "profile_women_pct": fmt_share(100 * women / cases),
    }


def glues(study: Study) -> dict[str, object]:
    """Every value the profile chapter glues, by its glue key."""
    return (_network_glues(study) | _typology_glues(study) | _position_glues(study) | _leader_glues(study)
            | reading_glues(study))


# ---------------------------------------------------------------------------------------------
# the readings the prose states in words, chosen by the data


def leadership(study: Study) -> R.Leadership:
    """Table 5 as the readings take it (:class:`trata.chapters.readings.Leadership`)."""
    t5 = tables.table5(study)
    t5 = t5[t5["network_type"] != "total"]
    short = {r.network_type: str(r.label).lower() for r in network_types(study).itertuples()} | M.labels("type_short")
    return R.Leadership.of([(r.network_type, r.female_n, r.total_n) for r in t5.itertuples()], short,
                           as_printed=provenance.table_as_printed(study, "table5"))


def printed_women_share(study: Study) -> str:
    """The article's printed share of cases led by a woman (Table 5, Women %, Total), as printed."""
    cells = study["printed_cells"]
    hit = cells[(cells["table"] == "table5") & (cells["row"] == "Total") & (cells["column"] == "Women %")]
    return str(hit["printed"].iloc[0]) if len(hit) else ""


def women_pct(study: Study, d: R.Leadership | None = None) -> R.Reading:
    """'X%, which the article rounds to Y%' (the profile and the home page), chosen by the data."""
    d = d or leadership(study)
    women, cases = tables.women_leaders(study)
    return R.women_pct(d, fmt_share(100 * women / cases), f"{100 * women / cases:.0f}", printed_women_share(study))


def readings(study: Study) -> dict[str, R.Reading]:
    """Every sentence of the chapter whose truth depends on the data, chosen by the data, by glue key."""
    d = leadership(study)
    men_led = R.men_led(d)
    return {
        "profile_reading_men_led": R.Reading(men_led.case, men_led.text[:1].upper() + men_led.text[1:]),
        "profile_reading_women_pct": women_pct(study, d),
        "profile_reading_women_leaders": R.women_leaders(d),
        "profile_reading_cartel_leaders": R.cartel_leaders(d),
        "profile_reading_nightclub_leaders": R.nightclub_leaders(d),
        "profile_reading_group_leaders": R.group_leaders(d),
        "profile_reading_agency_leaders": R.agency_leaders(d),
        "profile_reading_freelance_leaders": R.freelance_leaders(d),
        "profile_reading_nightclub_owner": R.nightclub_owner(d),
        "profile_reading_exception": R.exception(d),
    }


def reading_glues(study: Study) -> dict[str, str]:
    """:func:`readings` as the text the notebook glues."""
    return {key: r.text for key, r in readings(study).items()}
