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
        "Network type": df["type_label"],
        "Dimension": df["dimension_label"],
        "Coding": df["label"].map(lambda s: _wrap(s, 15)),
        "Coding (text)": df["label"],
        "In the article": df["described"].map({True: "Described", False: "Not described"}),
        "Summary": df["summary"],
    })
    wrapped = ", ".join(f"{_js(t)}: [{', '.join(_js(line) for line in _wrap(t, 14))}]" for t in types)
    base = alt.Chart(data).encode(
        x=alt.X("Network type:N", sort=types, axis=alt.Axis(
            orient="bottom", labelAngle=0, labelLimit=0, title=None, labelLineHeight=13,
            labelExpr=f"{{{wrapped}}}[datum.label] || datum.label")),
        y=alt.Y("Dimension:N", sort=dimensions, axis=alt.Axis(title=None, labelLimit=0)),
    )
    # Tiles and their text take their colours from the theme's styles, so that both modes keep
    # the text legible (dark on light tiles, light on dark tiles).
    tile = {}
    tip = ["Network type:N", "Dimension:N", "Coding (text):N", "Summary:N", "In the article:N"]
    cells = (base.mark_rect(style="tile-described", **tile).encode(tooltip=tip)
             .transform_filter(alt.datum["In the article"] == "Described")
             + base.mark_rect(style="tile-undescribed", **tile).encode(tooltip=tip)
             .transform_filter(alt.datum["In the article"] == "Not described"))
    step = 54
    # one text mark per line, centred as a block on the cell (multi-line text marks grow downwards)
    lines = data[["Network type", "Dimension", "Coding"]].explode("Coding").rename(columns={"Coding": "Line"})
    lines["n"] = lines.groupby(["Network type", "Dimension"])["Line"].transform("size")
    lines["offset"] = step / 2 + (lines.groupby(["Network type", "Dimension"]).cumcount() - (lines["n"] - 1) / 2) * 12
    text = alt.Chart(lines).mark_text(fontSize=10, baseline="middle").encode(
        x=alt.X("Network type:N", sort=types), y=alt.Y("Dimension:N", sort=dimensions),
        yOffset=alt.YOffset("offset:Q", scale=None), text="Line:N")
    return (cells + text).properties(width=alt.Step(90), height=alt.Step(step))


def positions_chart(study: Study) -> alt.Chart:
    """Women's positions on the victim-victimizer line, by network type: colour for the ground on
    which she would not be charged (or its absence, for profit), shape for migrant or native."""
    df = positions(study)
    data = pd.DataFrame({
        "Network type": df["type_label"],
        "Position": df["description"],
        "On the line": df["line_label"],
        "Ground": df["ground_label"],
        "Origin": df["origin_label"],
    })
    line = list(messages.labels("line").values())
    ground_words = messages.labels("grounds")
    grounds = [ground_words[k] for k in ("causation_and_coercion", "none", "not_applicable")]
    grounds += [g for g in data["Ground"].unique() if g not in grounds]
    types = network_types(study)["label"].tolist()
    return alt.Chart(data).mark_point(filled=True, size=110).encode(
        x=alt.X("On the line:N", sort=line, scale=alt.Scale(domain=line),
                axis=alt.Axis(orient="top", labelAngle=0, title=None)),
        y=alt.Y("Position:N", sort=data["Position"].drop_duplicates().tolist(), title=None, axis=alt.Axis(labelLimit=0)),
        color=alt.Color("Ground:N", scale=alt.Scale(domain=grounds),
                        legend=alt.Legend(orient="bottom", direction="vertical", title="Ground for not charging her (Gallagher 2010)",
                                          labelLimit=0, titleLimit=0)),
        # the shape legend's symbols take a mid grey that reads on the light and the dark page alike
        shape=alt.Shape("Origin:N", scale=alt.Scale(domain=list(messages.labels("origins").values()), range=["circle", "triangle-up"]),
                        legend=alt.Legend(orient="bottom", direction="vertical", title="Origin",
                                          symbolFillColor=MODES["light"]["domain"],
                                          symbolStrokeColor=MODES["light"]["domain"])),
        tooltip=["Network type:N", "Position:N", "On the line:N", "Ground:N", "Origin:N"],
    ).properties(width=alt.Step(130), height=alt.Step(24)).facet(
        row=alt.Row("Network type:N", sort=types, header=alt.Header(labelAngle=0, labelAlign="left", labelAnchor="start",
                                                                      labelOrient="top", labelFontWeight="bold", title=None)),
        spacing=14,
    ).resolve_scale(y="independent")


def typology_alt(study: Study) -> str:
    typ = typology(study)
    types = network_types(study)
    labels = dict(zip(types["network_type"], types["label"]))
    return ("Matrix of the network types (columns) against the dimensions of the typology (rows). "
            + " ".join(f"{labels[t]}: " + "; ".join(f"{r.dimension_label.lower()}, {r.label.lower()}"
                                                     for r in typ[typ["network_type"] == t].itertuples()) + "."
                       for t in types["network_type"]))


def positions_alt(study: Study) -> str:
    return ("Dot chart of the positions women hold, grouped by network type, placed on a line from victim only, "
            "through victim and victimizer, to victimizer only. "
            + " ".join(f"{r.type_label}: {r.description.lower()}, {r.line_label.lower()}, {r.origin_label.lower()}, "
                       f"{r.ground_label.lower()}." for r in positions(study).itertuples()))
