"""The study's rules for the readings the book cannot choose from the data by itself.

Most sentences that depend on the data are chosen by the data (:mod:`trata.chapters.readings`).
Two things the profile chapter says come from the article's text, not from its tables, so no
count can decide them for other data; when a package makes them undecidable, these rules say so
before anything runs, naming the file, the rule and the choice the researcher must make.

How a rule is written and run: :mod:`trata.data.rulebook`.
"""

from __future__ import annotations

import pandas as pd

from ..core.problems import Problem
from .rulebook import registry
from .study import Study

RULES: list = []
rule = registry(RULES)

#: Where the chapter's account of women's positions is written, for the messages.
ACCOUNT = "notebooks/profile.md, section 'Women on the line between victim and victimizer'"


def _women_leaders(study: Study) -> dict[str, int]:
    df = study["leaders"]
    df = df[df["leader_sex"] == "female"]
    return {str(t): int(n) for t, n in zip(df["network_type"], df["n"])}


@rule("woman-leader-position")
def women_leaders_have_positions(study: Study) -> list[Problem]:
    """Every network type that Table 5 (leaders) says a woman led has a 'leader' row in
    women_positions whose n_stated, if given, is Table 5's count, and no type that no woman led has
    one: whether a woman leader was herself coerced (line, motive, ground) is a coding choice that
    the counts cannot make."""
    if "leaders" not in study or "women_positions" not in study:
        return []
    led = _women_leaders(study)
    pos = study["women_positions"]
    out = []
    leader_rows = pos[pos["position"] == "leader"]
    coded = set(leader_rows["network_type"])
    for t, n in sorted(led.items()):
        if n > 0 and t not in coded:
            out.append(Problem(study.file("women_positions"), "woman-leader-position",
                               f"{study.file('leaders')} counts {n} network(s) of type '{t}' led by a woman, but there "
                               f"is no 'leader' position for '{t}'. Add one and choose its line ('victimizer', or "
                               "'victim_and_victimizer' if she was herself coerced), origin, motive and ground; the book "
                               "cannot choose them from the counts."))
    for i, r in leader_rows.iterrows():
        n = led.get(str(r["network_type"]), 0)
        stated = r["n_stated"]
        if n == 0:
            out.append(Problem(study.file("women_positions"), "woman-leader-position",
                               f"{r['position_id']}: a woman leader of type '{r['network_type']}', but "
                               f"{study.file('leaders')} counts no network of that type led by a woman. Remove the row, "
                               "or correct the count.", line=study.line("women_positions", i), column="position"))
        elif not pd.isna(stated) and int(stated) != n:
            out.append(Problem(study.file("women_positions"), "woman-leader-position",
                               f"{r['position_id']}: n_stated is {int(stated)} but {study.file('leaders')} counts {n} "
                               f"network(s) of type '{r['network_type']}' led by a woman. Make them agree.",
                               line=study.line("women_positions", i), column="n_stated"))
    return out


@rule("positions-divide")
def positions_follow_the_divide(study: Study) -> list[Problem]:
    """The profile chapter's account of women's positions is the article's: the women who were both
    victims and victimizers were coerced migrants in the cartels, on both of Gallagher's grounds,
    and those who were victimizers only were native leaders or recruiters acting for profit. A
    position coded otherwise needs that account rewritten, which the book cannot do by itself."""
    if "women_positions" not in study:
        return []
    pos = study["women_positions"]
    out = []
    for i, r in pos.iterrows():
        if r["line"] == "victim_and_victimizer":
            fits = (r["network_type"] == "cartel" and r["origin"] == "migrant" and r["motive"] == "coerced"
                    and r["gallagher_basis"] == "causation_and_coercion")
        elif r["line"] == "victimizer":
            fits = r["position"] in ("leader", "recruiter") and r["origin"] == "native" and r["motive"] == "profit"
        else:
            continue
        if not fits:
            out.append(Problem(study.file("women_positions"), "positions-divide",
                               f"{r['position_id']}: line '{r['line']}' in '{r['network_type']}' with origin "
                               f"'{r['origin']}' and motive '{r['motive']}' does not fit the account of women's "
                               f"positions in {ACCOUNT} (coerced migrants in the cartels; native leaders and "
                               "recruiters acting for profit). Choose: recode the position, or rewrite that account "
                               "for your data.", line=study.line("women_positions", i), column="line"))
    return out
