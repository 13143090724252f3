"""The consent chapter's figure: the legal milestones in time order, with its text alternative."""

from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd

from ...core import messages
from ...data.coding_rules import YEAR_STATED
from ...data.study import Study
from ...derive.readers import milestones
from ..figkit import Plotted
from ..figure import Figure

#: The words of the figure (titles, tooltips) and its text alternative.
W = messages.labels("fig.consent")

#: How ``legal_milestones.year_status`` says the article gives no year.
YEAR_NOT_GIVEN = "not given in the article"


def year_label(year, short: bool = False) -> str:
    """A milestone's year as shown, or the words for a year the article does not give."""
    if pd.isna(year):
        return messages.text("year_not_given_short") if short else messages.text("year_not_given")
    return str(int(year))


def timeline_data(study: Study, name_width: int = 26, rule_width: int = 30) -> pd.DataFrame:
    """One row per milestone, in time order: the year as shown, the instrument and its consent rule
    (wrapped in lines of ``name_width`` and ``rule_width`` characters, and as plain text)."""
    ms = milestones(study)
    return pd.DataFrame({
        "order": ms["order"].astype(int),
        "year": [year_label(y, short=True) for y in ms["year"]],
        "instrument": ["\n".join(textwrap.wrap(s, name_width)) for s in ms["instrument"]],
        "instrument_text": ms["instrument"],
        "jurisdiction": ms["jurisdiction"],
        "rule": ["\n".join(textwrap.wrap(s, rule_width)) for s in ms["consent_rule"]],
        "rule_text": ms["consent_rule"],
        "year_status": ms["year_status"],
    })


def timeline_chart(study: Study, width: int | str = "container", narrow: bool = False):
    """A timeline of the legal milestones, one mark per instrument in time order (colours, fonts
    and legends come from the book's theme, :mod:`trata.present.theme`); narrow: shorter lines.

    The axis is the order of the instruments, not a scale of years: the article dates the two
    Mexican laws but not the Palermo Protocol, and the figure must not place it at a year the
    source does not give. Each mark is labelled with its year as stated, or says it is not given.
    """
    data = timeline_data(study, *((14, 16) if narrow else (26, 30)))
    n = len(data)
    lines = lambda col: max(len(s.split("\n")) for s in data[col])  # noqa: E731
    # vertical layout in pixels: the line 50 px from the top, names below it, then the rules
    top, line_height = 50, 15
    rule_dy = 22 + line_height * lines("instrument") + 12
    height = top + rule_dy + line_height * lines("rule") + 8
    xs = alt.Scale(domain=[0.5, n + 0.5])
    x = alt.X("order:Q", axis=None, scale=xs)
    y = alt.YDatum(0, scale=alt.Scale(domain=[-(height - top) / top, 1]), axis=None)
    base = alt.Chart(data)
    line = alt.Chart(pd.DataFrame({"start": [0.6], "end": [n + 0.4]})).mark_rule(strokeWidth=2).encode(
        x=alt.X("start:Q", scale=xs, axis=None), x2="end:Q", y=y)
    points = base.mark_point(filled=True, size=220, opacity=1).encode(
        x=x, y=y,
        shape=alt.Shape("year_status:N", title=W["year"],
                        scale=alt.Scale(domain=[YEAR_STATED, YEAR_NOT_GIVEN], range=["circle", "diamond"]),
                        legend=alt.Legend(columns=1) if narrow else alt.Legend()),
        color=alt.Color("jurisdiction:N", title=W["jurisdiction"], scale=alt.Scale(domain=["International", "Mexico"])),
        tooltip=[alt.Tooltip("year:N", title=W["year"]), alt.Tooltip("instrument_text:N", title=W["instrument"]),
                 alt.Tooltip("jurisdiction:N", title=W["jurisdiction"]), alt.Tooltip("rule_text:N", title=W["consent"])],
    )
    years = base.mark_text(dy=-22, fontWeight="bold", fontSize=13, lineBreak="\n").encode(x=x, y=y, text="year:N")
    names = base.mark_text(dy=22, baseline="top", lineBreak="\n").encode(x=x, y=y, text="instrument:N")
    rules = base.mark_text(dy=rule_dy, baseline="top", fontSize=11, fontStyle="italic", lineBreak="\n").encode(x=x, y=y, text="rule:N")
    heading = W["title"]
    return alt.layer(line, points, years, names, rules).properties(
        width=width, height=height, title=textwrap.wrap(heading, 34) if narrow else heading)


def timeline_figure(study: Study) -> Figure:
    return Figure("consent_timeline", timeline_chart(study), timeline_alt_text(study),
                  narrow=timeline_chart(study, narrow=True),
                  plotted=Plotted(timeline_data(study), messages.labels("figure.timeline.columns"),
                                  messages.text("figure.timeline.caption"), messages.text("figure.timeline.source")))


def timeline_alt_text(study: Study) -> str:
    parts = [W["alt_item"].format(instrument=r.instrument, year=year_label(r.year).lower(), jurisdiction=r.jurisdiction,
                                  rule=r.consent_rule)
             for r in milestones(study).itertuples()]
    return W["alt"].format(parts=" ".join(parts))
