"""The profile chapter's figures: the typology matrix and women's positions on the
victim-victimizer line, each with its text alternative (the leaders chart is the annex's,
:func:`trata.present.figures.annex.leaders_chart`)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ...core import messages
from ...data.study import Study
from ...derive.readers import network_types, positions, typology
from ..figkit import Plotted
from ..figure import Figure
from ..theme import MODES
from .layout import label_expr, title, wrap

#: The words of the chapter's figures (column names double as tooltip titles) and their text alternatives.
W = messages.labels("fig.profile")
#: The columns as Vega-Lite fields (nominal), in the language of the edition.
F = {k: W[k] + ":N" for k in ("type", "dimension", "coding", "summary", "in_article",
                                                   "on_line", "position", "ground", "origin")}


def typology_data(study: Study) -> pd.DataFrame:
    """One row per cell of the matrix: network type, dimension, the coding (text, and in lines of
    13 characters), whether the article describes it, and the summary."""
    df = typology(study)
    return pd.DataFrame({
        W["type"]: df["type_label"],
        W["dimension"]: df["dimension_label"],
        "Coding": df["label"].map(lambda s: wrap(s, 13)),
        W["coding"]: df["label"],
        W["in_article"]: df["described"].map({True: W["described"], False: W["not_described"]}),
        W["summary"]: df["summary"],
    })


def typology_chart(study: Study, narrow: bool = False) -> alt.Chart:
    """The typology as a matrix: network types across, dimensions down, a few words in each cell;
    cells the article leaves undescribed are shaded apart. Narrow: split by type, one column of
    cells per type, one type under the other."""
    data = typology_data(study)
    dimensions = list(messages.labels("dimensions").values())
    types = network_types(study)["label"].tolist()
    if narrow:
        return _typology_by_type(data, dimensions, types)
    base = alt.Chart(data).encode(
        x=alt.X(F["type"], sort=types, axis=alt.Axis(
            orient="bottom", labelAngle=0, labelLimit=0, title=None, labelLineHeight=13,
            labelExpr=label_expr(types, 14))),
        # the longest English dimension fits on one line; a longer one (Spanish) wraps onto two
        y=alt.Y(F["dimension"], sort=dimensions, axis=alt.Axis(title=None, labelLimit=0, labelLineHeight=13,
                                                               labelExpr=label_expr(dimensions, 29))),
    )
    step = 54
    lines = data[[W["type"], W["dimension"], "Coding"]].explode("Coding").rename(columns={"Coding": "Line"})
    text = alt.Chart(_centred(lines, step)).mark_text(fontSize=10, baseline="middle").encode(
        x=alt.X(F["type"], sort=types), y=alt.Y(F["dimension"], sort=dimensions),
        yOffset=alt.YOffset("offset:Q", scale=None), text="Line:N")
    return (_tiles(base) + text).properties(width=alt.Step(76), height=alt.Step(step))


def _tiles(base: alt.Chart) -> alt.LayerChart:
    # Tiles and their text take their colours from the theme's styles, so that both modes keep
    # the text legible (dark on light tiles, light on dark tiles).
    tip = [alt.Tooltip(F[k], title=W[k]) for k in ("type", "dimension", "coding", "summary", "in_article")]
    return (base.mark_rect(style="tile-described").encode(tooltip=tip)
            .transform_filter(alt.datum[W["in_article"]] == W["described"])
            + base.mark_rect(style="tile-undescribed").encode(tooltip=tip)
            .transform_filter(alt.datum[W["in_article"]] == W["not_described"]))


def _centred(lines: pd.DataFrame, step: float) -> pd.DataFrame:
    """One text mark per line, centred as a block on the cell (multi-line text marks grow downwards)."""
    keys = [W["type"], W["dimension"]]
    lines = lines.copy()
    lines["n"] = lines.groupby(keys)["Line"].transform("size")
    lines["offset"] = step / 2 + (lines.groupby(keys).cumcount() - (lines["n"] - 1) / 2) * 12
    return lines


def _typology_by_type(data: pd.DataFrame, dimensions: list[str], types: list[str]) -> alt.VConcatChart:
    """The matrix split by type: for each type, its dimensions down and their coding beside them."""
    step = 40
    panels = []
    for t in types:
        rows = data[data[W["type"]] == t]
        base = alt.Chart(rows).encode(
            x=alt.X(F["type"], axis=None),
            y=alt.Y(F["dimension"], sort=dimensions, axis=alt.Axis(title=None, labelLimit=110, labelExpr=label_expr(dimensions, 14))))
        lines = rows.assign(Coding=rows[W["coding"]].map(lambda s: wrap(s, 22)))[[W["type"], W["dimension"], "Coding"]]
        lines = lines.explode("Coding").rename(columns={"Coding": "Line"})
        text = alt.Chart(_centred(lines, step)).mark_text(fontSize=11, baseline="middle").encode(
            x=alt.X(F["type"], axis=None), y=alt.Y(F["dimension"], sort=dimensions),
            yOffset=alt.YOffset("offset:Q", scale=None), text="Line:N")
        panels.append((_tiles(base) + text).properties(width=160, height=alt.Step(step), title=alt.Title(wrap(t, 30), fontSize=13)))
    return alt.vconcat(*panels, spacing=18)


def positions_data(study: Study) -> pd.DataFrame:
    """One row per position a woman holds: network type, position, place on the line, ground, origin."""
    df = positions(study)
    return pd.DataFrame({
        W["type"]: df["type_label"],
        W["position"]: df["description"],
        W["on_line"]: df["line_label"],
        W["ground"]: df["ground_label"],
        W["origin"]: df["origin_label"],
    })


def positions_chart(study: Study, narrow: bool = False) -> alt.FacetChart | alt.VConcatChart:
    """Women's positions on the victim-victimizer line, by network type: colour for the ground on
    which she would not be charged (or its absence, for profit), shape for migrant or native.
    Narrow: one panel per type, under its name, with the labels in wrapped lines."""
    data = positions_data(study)
    line = list(messages.labels("line").values())
    ground_words = messages.labels("grounds")
    grounds = [ground_words[k] for k in ("causation_and_coercion", "none", "not_applicable")]
    grounds += [g for g in data[W["ground"]].unique() if g not in grounds]
    types = network_types(study)["label"].tolist()
    # narrow: the line's places in lines of 10 characters (raised above the axis line: multi-line
    # labels grow downwards), the positions in lines of 22, each row as tall as its longest label
    line_lines = max(len(wrap(t, 10)) for t in line) if narrow else 1
    pos_lines = max(len(wrap(t, 22)) for t in data[W["position"]]) if narrow else 1
    x_axis = {"labelExpr": label_expr(line, 10), "labelPadding": 4 + 13 * (line_lines - 1)} if narrow else {}
    y_axis = {"labelExpr": label_expr(data[W["position"]].unique(), 22), "labelLineHeight": 13} if narrow else {}
    ground_title = W["ground_title"]
    chart = alt.Chart(data).mark_point(filled=True, size=110).encode(
        x=alt.X(F["on_line"], sort=line, scale=alt.Scale(domain=line),
                axis=alt.Axis(orient="top", labelAngle=0, title=None, labelLineHeight=13, **x_axis)),
        y=alt.Y(F["position"], sort=data[W["position"]].drop_duplicates().tolist(), title=None,
                axis=alt.Axis(labelLimit=0, **y_axis)),
        color=alt.Color(F["ground"], scale=alt.Scale(domain=grounds),
                        legend=alt.Legend(orient="bottom", direction="vertical", title=title(ground_title, 34 if narrow else None),
                                          labelLimit=0, titleLimit=0,
                                          **({"labelExpr": label_expr(grounds, 24)} if narrow else {}))),
        # the shape legend's symbols take a mid grey that reads on the light and the dark page alike
        shape=alt.Shape(F["origin"], scale=alt.Scale(domain=list(messages.labels("origins").values()), range=["circle", "triangle-up"]),
                        legend=alt.Legend(orient="top", direction="vertical", title=W["origin"],
                                          symbolFillColor=MODES["light"]["domain"],
                                          symbolStrokeColor=MODES["light"]["domain"])),
        tooltip=[alt.Tooltip(F[k], title=W[k]) for k in ("type", "position", "on_line", "ground", "origin")],
    )
    if narrow:
        panels = [chart.transform_filter(alt.datum[W["type"]] == t).properties(
            width=alt.Step(55), height=alt.Step(13 * pos_lines + 10), title=alt.Title(wrap(t, 34), fontSize=13))
            for t in types]
        return alt.vconcat(*panels, spacing=18).resolve_scale(y="independent")
    return chart.properties(width=alt.Step(92), height=alt.Step(24)).facet(
        row=alt.Row(F["type"], sort=types, header=alt.Header(labelAngle=0, labelAlign="left", labelAnchor="start",
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


def _columns(columns: dict[str, str]) -> dict[str, str]:
    """The plotted columns under their headers: the table's keys name the columns in English, the
    frame names them in the edition's language."""
    english = messages.labels("fig.profile", "en")
    rename = {english[k]: W[k] for k in F}
    return {rename.get(k, k): v for k, v in columns.items()}


def typology_figure(study: Study) -> Figure:
    return Figure("profile_fig_typology", typology_chart(study), typology_alt(study),
                  narrow=typology_chart(study, narrow=True),
                  plotted=Plotted(typology_data(study), _columns(messages.labels("figure.typology.columns")),
                                  messages.text("figure.typology.caption"), messages.text("figure.typology.source")))


def positions_figure(study: Study) -> Figure:
    return Figure("profile_fig_positions", positions_chart(study), positions_alt(study),
                  narrow=positions_chart(study, narrow=True),
                  plotted=Plotted(positions_data(study), _columns(messages.labels("figure.positions.columns")),
                                  messages.text("figure.positions.caption"), messages.text("figure.positions.source")))
