"""The study's key findings, as the home page states them: numbers and the sentences they choose.

Every value is computed from the data package; a sentence whose truth depends on the data is
chosen by the data (:func:`contrast_sentence`), never asserted. The home page glues the values of
:func:`facts` under the keys it returns, prefixed ``home_``.

A *case* is one woman victimized by one actor, as the article's Table 5 counts them: a woman
victimized by two actors is two cases. Whether two cases involve the same network the article
does not say.
"""

from __future__ import annotations

from . import profile as PR
from . import tables
from .load import Study
from .present import fmt_share


def contrast_sentence(study: Study) -> str:
    """The contrast between the women who were victims and victimizers and those who were
    victimizers only, worded as far as the positions recorded in the data support it."""
    pos = PR.positions(study)
    both = pos[pos["line"] == "victim_and_victimizer"]
    only = pos[pos["line"] == "victimizer"]
    if both.empty or only.empty:
        return ("The accounts do not place women on both sides of the line between victim and "
                "victimizer in the way the article's conclusion describes.")
    both_types = PR.join_words(both["network_type"].drop_duplicates().map(PR.SHORT).tolist())
    only_types = PR.join_words(only["network_type"].drop_duplicates().map(PR.SHORT).tolist())
    migrant_coerced = (both["origin"] == "migrant").all() and (both["motive"] == "coerced").all()
    native_profit = (only["origin"] == "native").all() and (only["motive"] == "profit").all()
    roles = PR.join_words([PR.POSITIONS[p] + "s" for p in only["position"].drop_duplicates()])
    if migrant_coerced and native_profit:
        return (f"The women who harmed other women fall into two groups: in the {both_types}, migrant "
                f"women who were victims themselves and acted under coercion; as {roles} in the "
                f"{only_types}, native women who acted for profit.")
    return (f"Women who harmed other women appear in the {both_types} as victims made to act, and among "
            f"the {only_types} as perpetrators only; origin and motive do not separate the two groups "
            f"cleanly in these data.")


def facts(study: Study) -> dict[str, object]:
    """The home page's numbers and sentences, keyed by a short name."""
    t1 = tables.table1(study)
    t5 = tables.table5(study).set_index("network_type")
    types = PR.network_types(study)
    n_women = tables.interviewees(study)
    n_cases = tables.networks(study)
    women, cases = tables.women_leaders(study)
    largest = t5.drop(index="total")["total_n"].idxmax()
    return {
        "women": n_women,
        "countries": len(t1[t1["country"] != "Total"]),
        "countries_word": PR.number_word(len(t1[t1["country"] != "Total"])),
        "types": len(types),
        "types_word": PR.number_word(len(types)),
        "cases": n_cases,
        "two_actors": PR.number_word(n_cases - n_women),
        "largest_label": PR.SHORT[largest],
        "largest_n": int(t5.loc[largest, "total_n"]),
        "largest_share": fmt_share(t5.loc[largest, "total_share"]),
        "women_leaders": women,
        "women_leaders_word": PR.number_word(women),
        "women_share": fmt_share(100 * women / cases),
        "women_share_rounded": f"{100 * women / cases:.0f}",
        "men_leaders": int(t5.loc["total", "male_n"]),
        "contrast": contrast_sentence(study),
    }
