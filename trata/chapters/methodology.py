"""The methodology chapter: the five inclusion criteria (``inclusion_criteria``), the places of the
interviews (``interview_places``) and the sample, described with numbers from the annex tables.

:func:`glues` gives every value the notebook glues, keyed by its glue key. Means and medians
follow :func:`trata.derive.tables.table2_read` (the printed 'Median' column read as the mean);
shares are of the interviewees, with the article's one decimal place.
"""

from __future__ import annotations

from ..core import messages as M
from ..data.study import Study
from ..derive import tables
from ..derive.readers import criteria, interview_places
from ..present.tables import myst_table
from ..present.text import fmt_number, fmt_share, join_words, plain_number

#: The statistics of the sample table, in its column order.
SAMPLE_STATISTICS = ("min", "median", "mean", "mode", "max")


def criteria_rows(study: Study) -> list[list[str]]:
    return [[str(int(r.number)), r.aspect, r.criterion,
             M.text("criterion_required") if r.required else M.text("criterion_not_required")]
            for r in criteria(study).itertuples()]


def criteria_table(study: Study):
    return myst_table(criteria_rows(study), M.header("methodology.criteria.header"), label="tbl-methodology-criteria",
                      widths=[6, 18, 52, 24], caption=M.text("methodology.criteria.caption"))


def sample_rows(study: Study) -> list[list[str]]:
    """Table 2 as the book reads it (:func:`trata.derive.tables.table2_read`): statistics under their own names."""
    labels = M.labels("sample_labels")
    return [[labels.get(r["variable"], r["label_as_printed"])] + [fmt_number(r[s]) for s in SAMPLE_STATISTICS]
            for r in tables.table2_read(study).to_dict("records")]


def sample_table(study: Study):
    return myst_table(sample_rows(study), M.header("methodology.sample.header"), label="tbl-methodology-sample",
                      widths=[32, 13, 13, 13, 13, 16], caption=M.text("methodology.sample.caption"))


def glues(study: Study) -> dict[str, object]:
    """Every value the methodology chapter glues, by its glue key."""
    n, networks = tables.interviewees(study), tables.networks(study)
    t1 = tables.table1(study)
    countries = t1[t1["country"] != "Total"]
    top = countries.sort_values("n", ascending=False).iloc[0]
    read = tables.table2_read(study).set_index("variable")

    def stat(variable: str, statistic: str):
        return plain_number(read.loc[variable, statistic])

    t3 = tables.table3(study)
    states = t3[t3["state_as_printed"] != "Total"].sort_values("n", ascending=False, kind="stable")
    mentions = int(states["n"].sum())
    t4 = tables.table4(study)
    bins = t4[t4["bin_as_printed"] != "Total"].sort_values("min_months")
    first, last = bins.iloc[0], bins.iloc[-1]
    years = study.study.get("interview_years") or {}
    places = interview_places(study)
    return {
        "methodology_interviewees": n,
        "methodology_networks": networks,
        "methodology_two_networks": networks - n,
        "methodology_countries_k": len(countries),
        "methodology_countries_list": join_words(M.text("methodology.country_item", country=r.country, n=int(r.n))
                                                 for r in countries.itertuples()),
        "methodology_top_country": str(top["country"]),
        "methodology_top_country_share": fmt_share(top["share"]),
        "methodology_age_min": stat("age", "min"),
        "methodology_age_median": stat("age", "median"),
        "methodology_age_mean": stat("age", "mean"),
        "methodology_age_max": stat("age", "max"),
        "methodology_education_min": stat("education", "min"),
        "methodology_education_mean": stat("education", "mean"),
        "methodology_education_max": stat("education", "max"),
        "methodology_trafficked_age_min": stat("age_trafficked", "min"),
        "methodology_trafficked_age_mean": stat("age_trafficked", "mean"),
        "methodology_trafficked_age_max": stat("age_trafficked", "max"),
        "methodology_months_min": stat("months_trafficked", "min"),
        "methodology_months_median": stat("months_trafficked", "median"),
        "methodology_months_mean": stat("months_trafficked", "mean"),
        "methodology_months_max": stat("months_trafficked", "max"),
        "methodology_states_k": len(states),
        "methodology_state_mentions": mentions,
        "methodology_two_states": mentions - n,
        "methodology_states_top": join_words(M.text("methodology.state_item", state=r.state_as_printed, n=int(r.n),
                                                    share=fmt_share(r.share)) for r in states.head(3).itertuples()),
        "methodology_states_single_k": int((states["n"] == 1).sum()),
        "methodology_escape_first_max": int(first["max_months"]) + 1,  # "< 3": fewer than three months
        "methodology_escape_first_n": int(first["n"]),
        "methodology_escape_first_share": fmt_share(first["share"]),
        "methodology_escape_last_min": int(last["min_months"]),
        "methodology_escape_last_n": int(last["n"]),
        "methodology_escape_last_share": fmt_share(last["share"]),
        "methodology_year_first": int(years["first"]),
        "methodology_year_last": int(years["last"]),
        "methodology_places_mexico": join_words(places.get("Mexico", [])),
        "methodology_places_mexico_k": len(places.get("Mexico", [])),
        "methodology_places_us": join_words(places.get("United States", [])),
        "methodology_places_us_k": len(places.get("United States", [])),
        "methodology_criteria_k": len(criteria(study)),
        "methodology_quoted_k": len(study["roster"]) if "roster" in study else 0,
        "methodology_quoted_verbatim_k": study["excerpts"]["pseudonym"].nunique() if "excerpts" in study else 0,
        "methodology_criteria_table": criteria_table(study),
        "methodology_sample_table": sample_table(study),
    }
