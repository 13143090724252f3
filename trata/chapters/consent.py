"""The consent chapter: the two feminist readings of consent (``paradigms``) and the legal
instruments the article discusses, in time order (``legal_milestones``).

:func:`glues` gives every value the notebook glues, keyed by its glue key.
"""

from __future__ import annotations

from ..core import messages as M
from ..data.study import Study
from ..derive.readers import milestones, paradigms
from ..present.figures.consent import timeline_figure, year_label
from ..present.tables import myst_table
from ..present.text import cited, join_words


def paradigm_rows(study: Study) -> list[list[str]]:
    """One row per dimension: label, then each paradigm's position followed by its citations."""
    return [[r.dimension_label,
             cited(r.neo_abolitionist, r.neo_abolitionist_sources),
             cited(r.pro_rights, r.pro_rights_sources)] for r in paradigms(study).itertuples()]


def paradigm_table(study: Study):
    return myst_table(paradigm_rows(study), M.header("consent.paradigms.header"), label="tbl-consent-paradigms",
                      widths=[16, 42, 42], caption=M.text("consent.paradigms.caption"))


def milestone_rows(study: Study) -> list[list[str]]:
    return [[year_label(r.year), r.instrument, r.jurisdiction, cited(r.consent_rule, r.sources)]
            for r in milestones(study).itertuples()]


def milestone_table(study: Study):
    return myst_table(milestone_rows(study), M.header("consent.milestones.header"), label="tbl-consent-milestones",
                      widths=[14, 30, 14, 42], caption=M.text("consent.milestones.caption"))


def glues(study: Study) -> dict[str, object]:
    """Every value the consent chapter glues, by its glue key."""
    ms = milestones(study)
    return {
        "consent_paradigms_table": paradigm_table(study),
        "consent_milestones_table": milestone_table(study),
        "consent_dimensions_k": len(paradigms(study)),
        "consent_milestones_k": len(ms),
        "consent_undated": join_words(ms.loc[ms["year"].isna(), "instrument"]),
        "consent_timeline": timeline_figure(study),
    }
