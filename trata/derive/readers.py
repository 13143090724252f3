"""Ordered, labelled readers of the coded resources the chapters read.

The profile chapter's typology, women's positions and excerpts in the order of the article's
Table 5 (with the words for each category from :mod:`trata.core.messages`), and the framing
chapters' paradigms, legal milestones, inclusion criteria and interview places in their stated order.
"""

from __future__ import annotations

import pandas as pd

from ..core import messages
from ..data.study import Study

# ---------------------------------------------------------------------------------------------
# the profile chapter's coding


def network_types(study: Study) -> pd.DataFrame:
    """The six types in the order of the article's Table 5 (and of the chapter's sections)."""
    return study["network_types"].sort_values("order_in_table").reset_index(drop=True)


def type_labels(study: Study) -> dict[str, str]:
    t = network_types(study)
    return dict(zip(t["network_type"], t["label"]))


def _type_order(study: Study, df: pd.DataFrame) -> pd.Series:
    types = network_types(study)["network_type"].tolist()
    return df["network_type"].map({t: i for i, t in enumerate(types)})


def typology(study: Study) -> pd.DataFrame:
    """The typology with the type's and the dimension's labels, ordered by type then dimension."""
    dimensions = messages.labels("dimensions")
    df = study["typology"]
    df["type_label"] = df["network_type"].map(type_labels(study))
    df["dimension_label"] = df["dimension"].map(dimensions)
    df["_t"] = _type_order(study, df)
    df["_d"] = df["dimension"].map({d: i for i, d in enumerate(dimensions)})
    return df.sort_values(["_t", "_d"]).drop(columns=["_t", "_d"]).reset_index(drop=True)


def typology_of(study: Study, network_type: str) -> pd.DataFrame:
    df = typology(study)
    return df[df["network_type"] == network_type].reset_index(drop=True)


def positions(study: Study) -> pd.DataFrame:
    """Women's positions with readable labels, in Table 5's type order and along the line."""
    line = messages.labels("line")
    df = study["women_positions"]
    df["type_label"] = df["network_type"].map(type_labels(study))
    df["position_label"] = df["position"].map(messages.labels("positions"))
    df["line_label"] = df["line"].map(line)
    df["ground_label"] = df["gallagher_basis"].map(messages.labels("grounds"))
    df["origin_label"] = df["origin"].map(messages.labels("origins"))
    df["_t"] = _type_order(study, df)
    df["_l"] = df["line"].map({k: i for i, k in enumerate(line)})
    return df.sort_values(["_t", "_l"], kind="stable").drop(columns=["_t", "_l"]).reset_index(drop=True)


def position_counts(study: Study) -> dict[str, int]:
    """Positions coded, by line, by motive and by origin."""
    df = positions(study)
    acting = df[df["line"] != "victim"]
    return {
        "positions": int(len(df)),
        "acting": int(len(acting)),
        "both": int((df["line"] == "victim_and_victimizer").sum()),
        "victimizer_only": int((df["line"] == "victimizer").sum()),
        "coerced": int((acting["motive"] == "coerced").sum()),
        "profit": int((acting["motive"] == "profit").sum()),
    }


def excerpts(study: Study) -> pd.DataFrame:
    """The quoted excerpts with type labels, in Table 5's type order and the article's order."""
    df = study["excerpts"]
    df["type_label"] = df["network_type"].map(type_labels(study))
    df["theme_list"] = df["themes"].str.split(";")
    df["_t"] = _type_order(study, df)
    return df.sort_values("_t", kind="stable").drop(columns=["_t"]).reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# the framing chapters' resources


def paradigms(study: Study) -> pd.DataFrame:
    return study["paradigms"].sort_values("order").reset_index(drop=True)


def milestones(study: Study) -> pd.DataFrame:
    return study["legal_milestones"].sort_values("order").reset_index(drop=True)


def criteria(study: Study) -> pd.DataFrame:
    return study["inclusion_criteria"].sort_values("number").reset_index(drop=True)


def interview_places(study: Study) -> dict[str, list[str]]:
    df = study["interview_places"].sort_values("order_in_text")
    return {country: list(g["place"]) for country, g in df.groupby("country", sort=False)}
