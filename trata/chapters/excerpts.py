"""The page of the interviewees' words: every excerpt the article quotes, in an explorer that
filters them by network type and theme, and the years that disagree between citation and list.

:func:`glues` gives every value the notebook glues, keyed by its glue key; what the page says of
the years that disagree is chosen by the data (:func:`trata.chapters.readings.flagged_years`).
"""

from __future__ import annotations

from ..core import messages as M
from ..data.study import Study
from ..derive.readers import excerpts
from ..present.excerpts import excerpt_explorer, shown, translation_note
from ..present.tables import HTMLBlock
from ..present.text import join_words, number_word
from . import readings as R


def explorer_block(study: Study) -> HTMLBlock:
    ex = excerpts(study)
    note = [translation_note()] if translation_note() else []
    return HTMLBlock(excerpt_explorer(study),
                     "\n\n".join(note + [f"{shown(r.excerpt_id, r.text).plain}\n  ({r.pseudonym}, {r.year_as_cited}; {r.type_label})"
                                           for r in ex.itertuples()]))


def _flagged(study: Study):
    ex = excerpts(study)
    return ex[ex["year_differs"].astype(bool)].drop_duplicates("pseudonym")


def glues(study: Study) -> dict[str, object]:
    """Every value the page glues, by its glue key."""
    ex = excerpts(study)
    roster = study["roster"]
    unquoted = sorted(set(roster["pseudonym"]) - set(ex["pseudonym"]))
    flag = _flagged(study)
    return {
        "excerpts_n": len(ex),
        "excerpts_people": ex["pseudonym"].nunique(),
        "excerpts_roster_n": len(roster),
        "excerpts_unquoted_n": len(unquoted),
        "excerpts_unquoted": join_words(unquoted),
        "excerpts_flag_word": number_word(len(flag)),
        "excerpts_flag_detail": "; ".join(M.text("profile.flag", pseudonym=r.pseudonym, cited=r.year_as_cited, listed=r.roster_year)
                                          for r in flag.itertuples()),
        "excerpts_reading_years": R.flagged_years(flag["pseudonym"].tolist()).text,
        "profile_excerpt_explorer": explorer_block(study),
    }
