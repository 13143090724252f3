"""Derive the article's five annex tables from the data package.

Every function returns a tidy DataFrame of counts and unrounded shares (in percent) together with
the base the share is taken of. Rounding belongs to presentation, not to derivation.

Bases, as the article states them:

* Tables 1, 3 and 4: shares of the interviewees (Table 3's counts sum to more, because some women
  were trafficked in two states, but its shares are still of interviewees);
* Table 5: row shares of each network type's networks by the leader's sex, and the type's share
  of all networks (there are more networks than interviewees).
"""

from __future__ import annotations

import pandas as pd

from ..core.vocabulary import STATISTICS_AS_PRINTED, TABLE2_READING
from ..data.study import Study

__all__ = ["STATISTICS_AS_PRINTED", "TABLE2_READING", "interviewees", "networks", "table1", "table2", "table2_read",
           "table3", "table4", "table5", "women_leaders"]


def interviewees(study: Study) -> int:
    return int(study.study["interviewees"])


def networks(study: Study) -> int:
    return int(study.study["networks"])


def table1(study: Study) -> pd.DataFrame:
    """Country of origin: n and share of interviewees, in the data's order, with a Total row."""
    df = study["countries"][["country", "n"]].copy()
    base = interviewees(study)
    df["n"] = df["n"].astype(int)
    df["share"] = 100 * df["n"] / base
    df["base"] = base
    total = pd.DataFrame([{"country": "Total", "n": int(df["n"].sum()), "share": 100 * df["n"].sum() / base, "base": base}])
    return pd.concat([df, total], ignore_index=True)


def table2(study: Study) -> pd.DataFrame:
    """Characteristics as printed: one row per characteristic, one column per printed statistic."""
    df = study["characteristics"]
    wide = df.pivot(index="variable", columns="statistic_as_printed", values="value")
    order = list(dict.fromkeys(df["variable"]))
    labels = df.drop_duplicates("variable").set_index("variable")["label_as_printed"]
    wide = wide.reindex(order)[STATISTICS_AS_PRINTED]
    wide.insert(0, "label_as_printed", labels.reindex(order))
    wide.columns.name = None
    return wide.reset_index()


def table2_read(study: Study) -> pd.DataFrame:
    """Table 2 as the book reads it: columns named for the statistic each holds (see TABLE2_READING)."""
    wide = table2(study)
    out = wide[["variable", "label_as_printed"]].copy()
    for printed, meaning in TABLE2_READING.items():
        out[meaning] = wide[printed]
    return out[["variable", "label_as_printed", "min", "median", "mean", "mode", "max"]]


def table3(study: Study) -> pd.DataFrame:
    """States: n and share of interviewees, sorted as printed (descending n), with a Total row."""
    df = study["states"][["state_as_printed", "state_official", "map_name", "n"]].copy()
    base = interviewees(study)
    df["n"] = df["n"].astype(int)
    df["share"] = 100 * df["n"] / base
    df["base"] = base
    total = pd.DataFrame([{"state_as_printed": "Total", "state_official": "", "map_name": "",
                           "n": int(df["n"].sum()), "share": 100 * df["n"].sum() / base, "base": base}])
    return pd.concat([df, total], ignore_index=True)


def table4(study: Study) -> pd.DataFrame:
    """Months between the escape and the interview (Table A4): n and share of interviewees per bin, with a Total row."""
    df = study["time_since_escape"][["bin_as_printed", "min_months", "max_months", "n"]].copy()
    base = interviewees(study)
    df["n"] = df["n"].astype(int)
    df["share"] = 100 * df["n"] / base
    df["base"] = base
    total = pd.DataFrame([{"bin_as_printed": "Total", "min_months": pd.NA, "max_months": pd.NA,
                           "n": int(df["n"].sum()), "share": 100 * df["n"].sum() / base, "base": base}])
    return pd.concat([df, total], ignore_index=True)


def table5(study: Study) -> pd.DataFrame:
    """Leaders by network type and sex: row shares by sex and each type's share of all networks."""
    types = study["network_types"].sort_values("order_in_table")
    leaders = study["leaders"]
    wide = leaders.pivot_table(index="network_type", columns="leader_sex", values="n", aggfunc="sum", fill_value=0)
    wide = wide.reindex(columns=["male", "female"], fill_value=0).reindex(types["network_type"], fill_value=0)
    df = pd.DataFrame({
        "network_type": types["network_type"].to_numpy(),
        "label": types["label"].to_numpy(),
        "label_as_printed": types["label_as_printed"].to_numpy(),
        "male_n": wide["male"].astype(int).to_numpy(),
        "female_n": wide["female"].astype(int).to_numpy(),
    })
    total_networks = networks(study)
    df.loc[len(df)] = {"network_type": "total", "label": "Total", "label_as_printed": "Total",
                       "male_n": int(df["male_n"].sum()), "female_n": int(df["female_n"].sum())}
    df["total_n"] = df["male_n"] + df["female_n"]
    df["male_share"] = 100 * df["male_n"] / df["total_n"].where(df["total_n"] > 0)
    df["female_share"] = 100 * df["female_n"] / df["total_n"].where(df["total_n"] > 0)
    df["total_share"] = 100 * df["total_n"] / total_networks
    df["base"] = total_networks
    return df


def women_leaders(study: Study) -> tuple[int, int]:
    """(networks led by a woman, all networks): the article's headline '5%'."""
    t = table5(study)
    row = t[t["network_type"] == "total"].iloc[0]
    return int(row["female_n"]), int(row["total_n"])
