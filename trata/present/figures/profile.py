"""The profile chapter's figures: the typology matrix and women's positions on the
victim-victimizer line, each with its text alternative (the leaders chart is the annex's,
:func:`trata.present.figures.annex.leaders_chart`)."""

from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd

from ...core import messages
from ...data.study import Study
from ...derive.readers import network_types, positions, typology
from ..theme import MODES

#: The words of the chapter's figures (column names double as tooltip titles) and their text alternatives.
W = messages.labels("fig.profile")
TYPE, DIMENSION, CODING_TEXT, IN_ARTICLE, SUMMARY = W["type"], W["dimension"], W["coding"], W["in_article"], W["summary"]
POSITION, ON_LINE, GROUND, ORIGIN = W["position"], W["on_line"], W["ground"], W["origin"]


def _js(text: str) -> str:
    """A string literal for a Vega expression."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_long_words=False) or [""]


def typology_chart(study: Study) -> alt.Chart:
    """The typology as a matrix: network types across, dimensions down, a few words in each cell;
    cells the article leaves undescribed are shaded apart."""
    df = typology(study)
    dimensions = list(messages.labels("dimensions").values())
    types = network_types(study)["label"].tolist()
    data = pd.DataFrame({
        TYPE: df["type_label"],
        DIMENSION: df["dimension_label"],
        "Coding": df["label"].map(lambda s: _wrap(s, 15)),
        CODING_TEXT: df["label"],
        IN_ARTICLE: df["described"].map({True: W["described"], False: W["not_described"]}),
        SUMMARY: df["summary"],
    })
    wrapped = ", ".join(f"{_js(t)}: [{', '.join(_js(line) for line in _wrap(t, 14))}]" for t in types)
    base = alt.Chart(data).encode(
        x=alt.X(f"{TYPE}:N", sort=types, axis=alt.Axis(
            orient="bottom", labelAngle=0, labelLimit=0, title=None, labelLineHeight=13,
            labelExpr=f"{{{wrapped}}}[datum.label] || datum.label")),
        y=alt.Y(f"{DIMENSION}:N", sort=dimensions, axis=alt.Axis(title=None, labelLimit=0)),
    )
    # Tiles and their text take their colours from the theme's styles, so that both modes keep
    # the text legible (dark on light tiles, light on dark tiles).
    tile = {}
    tip = [f"{TYPE}:N", f"{DIMENSION}:N", f"{CODING_TEXT}:N", f"{SUMMARY}:N", f"{IN_ARTICLE}:N"]
    cells = (base.mark_rect(style="tile-described", **tile).encode(tooltip=tip)
             .transform_filter(alt.datum[IN_ARTICLE] == W["described"])
             + base.mark_rect(style="tile-undescribed", **tile).encode(tooltip=tip)
             .transform_filter(alt.datum[IN_ARTICLE] == W["not_described"]))
    step = 54
    # one text mark per line, centred as a block on the cell (multi-line text marks grow downwards)
    lines = data[[TYPE, DIMENSION, "Coding"]].explode("Coding").rename(columns={"Coding": "Line"})
    lines["n"] = lines.groupby([TYPE, DIMENSION])["Line"].transform("size")
    lines["offset"] = step / 2 + (lines.groupby([TYPE, DIMENSION]).cumcount() - (lines["n"] - 1) / 2) * 12
    text = alt.Chart(lines).mark_text(fontSize=10, baseline="middle").encode(
        x=alt.X(f"{TYPE}:N", sort=types), y=alt.Y(f"{DIMENSION}:N", sort=dimensions),
        yOffset=alt.YOffset("offset:Q", scale=None), text="Line:N")
    return (cells + text).properties(width=alt.Step(90), height=alt.Step(step))


def positions_chart(study: Study) -> alt.Chart:
    """Women's positions on the victim-victimizer line, by network type: colour for the ground on
    which she would not be charged (or its absence, for profit), shape for migrant or native."""
    df = positions(study)
    data = pd.DataFrame({
        TYPE: df["type_label"],
        POSITION: df["description"],
        ON_LINE: df["line_label"],
        GROUND: df["ground_label"],
        ORIGIN: df["origin_label"],
    })
    line = list(messages.labels("line").values())
    ground_words = messages.labels("grounds")
    grounds = [ground_words[k] for k in ("causation_and_coercion", "none", "not_applicable")]
    grounds += [g for g in data[GROUND].unique() if g not in grounds]
    types = network_types(study)["label"].tolist()
    return alt.Chart(data).mark_point(filled=True, size=110).encode(
        x=alt.X(f"{ON_LINE}:N", sort=line, scale=alt.Scale(domain=line),
                axis=alt.Axis(orient="top", labelAngle=0, title=None)),
        y=alt.Y(f"{POSITION}:N", sort=data[POSITION].drop_duplicates().tolist(), title=None, axis=alt.Axis(labelLimit=0)),
        color=alt.Color(f"{GROUND}:N", scale=alt.Scale(domain=grounds),
                        legend=alt.Legend(orient="bottom", direction="vertical", title=W["ground_title"],
                                          labelLimit=0, titleLimit=0)),
        # the shape legend's symbols take a mid grey that reads on the light and the dark page alike
        shape=alt.Shape(f"{ORIGIN}:N", scale=alt.Scale(domain=list(messages.labels("origins").values()), range=["circle", "triangle-up"]),
                        legend=alt.Legend(orient="bottom", direction="vertical", title=W["origin_title"],
                                          symbolFillColor=MODES["light"]["domain"],
                                          symbolStrokeColor=MODES["light"]["domain"])),
        tooltip=[f"{TYPE}:N", f"{POSITION}:N", f"{ON_LINE}:N", f"{GROUND}:N", f"{ORIGIN}:N"],
    ).properties(width=alt.Step(130), height=alt.Step(24)).facet(
        row=alt.Row(f"{TYPE}:N", sort=types, header=alt.Header(labelAngle=0, labelAlign="left", labelAnchor="start",
                                                                      labelOrient="top", labelFontWeight="bold", title=None)),
        spacing=14,
    ).resolve_scale(y="independent")


def typology_alt(study: Study) -> str:
    typ = typology(study)
    types = network_types(study)
    labels = dict(zip(types["network_type"], types["label"]))
    return W["typology_alt"].format(parts=" ".join(
        W["typology_alt_type"].format(type=labels[t], codings="; ".join(
            W["typology_alt_cell"].format(dimension=r.dimension_label.lower(), coding=r.label.lower())
            for r in typ[typ["network_type"] == t].itertuples()))
        for t in types["network_type"]))


def positions_alt(study: Study) -> str:
    return W["positions_alt"].format(parts=" ".join(
        W["positions_alt_item"].format(type=r.type_label, position=r.description.lower(), line=r.line_label.lower(),
                                       origin=r.origin_label.lower(), ground=r.ground_label.lower())
        for r in positions(study).itertuples()))
