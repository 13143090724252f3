"""The home page: the study's key findings, as numbers and the sentences they choose.

A *case* is one woman victimized by one actor, as the article's Table 5 counts them: a woman
victimized by two actors is two cases. Whether two cases involve the same network the article
does not say. :func:`glues` gives every value the page glues, keyed by its glue key, the
sentences whose truth depends on the data chosen by the data (:mod:`trata.chapters.readings`).
"""

from __future__ import annotations

from ..core import messages as M
from ..data.study import Study
from ..derive import tables
from ..derive.readers import network_types, positions
from ..present.text import fmt_share, join_words, number_word
from . import readings as R
from .profile import leadership, women_pct


def contrast_sentence(study: Study) -> str:
    """The contrast between the women who were victims and victimizers and those who were
    victimizers only, worded as far as the positions recorded in the data support it."""
    pos = positions(study)
    both = pos[pos["line"] == "victim_and_victimizer"]
    only = pos[pos["line"] == "victimizer"]
    if both.empty or only.empty:
        return M.text("home.contrast.none")
    short = M.labels("type_short")
    both_types = join_words(both["network_type"].drop_duplicates().map(short).tolist())
    only_types = join_words(only["network_type"].drop_duplicates().map(short).tolist())
    roles = join_words([M.labels("positions_plural")[p] for p in only["position"].drop_duplicates()])
    migrant_coerced = bool((both["origin"] == "migrant").all() and (both["motive"] == "coerced").all())
    native_profit = bool((only["origin"] == "native").all() and (only["motive"] == "profit").all())
    if migrant_coerced and native_profit:
        return M.text("home.contrast.clean", both=both_types, only=only_types, roles=roles)
    return M.text("home.contrast.mixed", both=both_types, only=only_types, roles=roles)


def glues(study: Study) -> dict[str, object]:
    """Every value the home page glues, by its glue key."""
    t1 = tables.table1(study)
    t5 = tables.table5(study).set_index("network_type")
    n_types = len(network_types(study))
    n_women, n_cases = tables.interviewees(study), tables.networks(study)
    women, cases = tables.women_leaders(study)
    largest = t5.drop(index="total")["total_n"].idxmax()
    n_countries = len(t1[t1["country"] != "Total"])
    d = leadership(study)
    return {
        "home_women": n_women,
        "home_countries_word": number_word(n_countries),
        "home_types_word": number_word(n_types),
        "home_cases": n_cases,
        "home_two_actors": number_word(n_cases - n_women),
        "home_largest_n": int(t5.loc[largest, "total_n"]),
        "home_largest_share": fmt_share(t5.loc[largest, "total_share"]),
        "home_women_leaders": women,
        "home_reading_women_pct": women_pct(study, d).text,
        "home_reading_largest": R.largest_type(d).text,
        "home_reading_origins": R.origins(t1.loc[t1["country"] != "Total", "country"].tolist()).text,
        "home_men_leaders": int(t5.loc["total", "male_n"]),
        "home_contrast": contrast_sentence(study),
    }
