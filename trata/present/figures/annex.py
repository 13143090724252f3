"""The annex's figures, one per table of the article, each with its text alternative.

The leaders chart is shared with the profile chapter (:mod:`trata.present.figures.profile`).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ...analyse import provenance, stats
from ...core import mapfile, messages
from ...data.study import Study
from ...derive import tables
from ..figkit import Plotted
from ..figure import MAP_OBJECT, MAP_URL, Figure
from ..text import join_words, percent, women
from ..theme import WIDTH
from .layout import label_expr, title

#: Characters per line of titles in the narrow layouts.
NARROW_TITLE = 40


#: Confidence level of every interval in the figures, as the figures write it ("95%").
CL = f"{stats.LEVEL:.0%}"
#: The words of the annex's figures (axis and legend titles, tooltips) and their text alternatives.
W = messages.labels("fig.annex")
ALT = messages.labels("fig.annex.alt")


# ---------------------------------------------------------------------------------------------
# Table 1: country of origin


def countries_data(study: Study) -> pd.DataFrame:
    """Table 1 without its total, with the Wilson interval of each share (level: CONFIDENCE)."""
    df = tables.table1(study)
    df = df[df["country"] != "Total"].copy()
    ci = [stats.wilson_percent(n, b) for n, b in zip(df["n"], df["base"])]
    df["lo"] = [c[0] for c in ci]
    df["hi"] = [c[1] for c in ci]
    return df.reset_index(drop=True)


def countries_chart(study: Study, narrow: bool = False) -> alt.LayerChart:
    """Bars with intervals, as wide as their container."""
    df = countries_data(study)
    wrap = NARROW_TITLE if narrow else None
    order = df.sort_values(["n", "country"], ascending=[False, True])["country"].tolist()
    tooltip = [alt.Tooltip("country:N", title=W["country"]), alt.Tooltip("n:Q", title=W["women"]),
               alt.Tooltip("share:Q", title=W["pct_of_interviewees"], format=".1f"),
               alt.Tooltip("lo:Q", title=W["ci_low"].format(cl=CL), format=".1f"),
               alt.Tooltip("hi:Q", title=W["ci_high"].format(cl=CL), format=".1f")]
    y = alt.Y("country:N", sort=order, title=None)
    x_max = float(df["hi"].max())
    bars = alt.Chart().mark_bar().encode(
        y=y, x=alt.X("share:Q", title=title(W["share_with_ci"].format(cl=CL), wrap),
                     scale=alt.Scale(domain=[0, x_max])), tooltip=tooltip)
    ci = alt.Chart().mark_rule().encode(y=y, x="lo:Q", x2="hi:Q", tooltip=tooltip)
    ends = alt.Chart().mark_tick(thickness=2, size=10).encode(y=y, x="hi:Q", tooltip=tooltip)
    starts = alt.Chart().mark_tick(thickness=2, size=10).encode(y=y, x="lo:Q", tooltip=tooltip)
    return alt.layer(bars, ci, starts, ends, data=df).properties(width="container")


def countries_figure(study: Study) -> Figure:
    return Figure("annex_fig_countries", countries_chart(study), countries_alt(study),
                  narrow=countries_chart(study, narrow=True),
                  plotted=Plotted(countries_data(study), messages.labels("figure.countries.columns"),
                                  messages.text("figure.countries.caption"), messages.text("figure.countries.source")))


def countries_alt(study: Study) -> str:
    df = countries_data(study).sort_values(["n", "country"], ascending=[False, True])
    base = int(df["base"].iloc[0])
    first = df.iloc[0]
    rest = [ALT["countries_item"].format(country=r.country, n=r.n, share=percent(r.share)) for r in df.iloc[1:].itertuples()]
    return ALT["countries"].format(base=base, cl=CL, country=first.country, women=women(first.n), share=percent(first.share),
                                   lo=first.lo, hi=first.hi, rest=join_words(rest))


# ---------------------------------------------------------------------------------------------
# Table 2: characteristics of the interviewees

def characteristics_data(study: Study) -> pd.DataFrame:
    """Table 2 as printed, one row per characteristic: min, max and the three printed centres."""
    t2 = tables.table2(study)
    df = pd.DataFrame({
        "variable": t2["variable"], "label": t2["label_as_printed"],
        "min": t2["Min."].astype(float), "max": t2["Max."].astype(float),  # the printed columns
    })
    for printed, shown in messages.labels("table2_shown").items():
        df[shown] = t2[printed].astype(float)
    return df


def characteristics_chart(study: Study, narrow: bool = False) -> alt.FacetChart:
    """One range per characteristic (rows), each on its own scale; narrow: a narrower plot, the legend in a column."""
    df = characteristics_data(study)
    wrap = NARROW_TITLE if narrow else None
    shown = list(messages.labels("table2_shown").values())
    range_tip = [alt.Tooltip("label:N", title=W["characteristic"]), alt.Tooltip("min:Q", title=W["min"]),
                 *[alt.Tooltip(f"{s}:Q", title=s) for s in shown], alt.Tooltip("max:Q", title=W["max"])]
    rng = alt.Chart().mark_rule(strokeWidth=3, opacity=0.55).encode(
        x=alt.X("min:Q", title=title(W["value_as_printed"], wrap), scale=alt.Scale(zero=False)),
        x2="max:Q", tooltip=range_tip)
    ends = alt.Chart().transform_fold(["min", "max"], as_=["end", "value"]).mark_tick(
        thickness=2, size=14).encode(x="value:Q", tooltip=range_tip)
    dots = alt.Chart().transform_fold(shown, as_=["statistic", "value"]).mark_point(size=90).encode(
        x="value:Q",
        color=alt.Color("statistic:N", sort=shown, title=W["statistic"], scale=alt.Scale(domain=shown),
                        legend=alt.Legend(columnPadding=24, labelLimit=200, columns=1 if narrow else 3)),
        shape=alt.Shape("statistic:N", sort=shown, title=W["statistic"], scale=alt.Scale(
            domain=shown, range=["circle", "diamond", "square"])),
        tooltip=[alt.Tooltip("label:N", title=W["characteristic"]), alt.Tooltip("statistic:N", title=W["statistic"]),
                 alt.Tooltip("value:Q", title=W["value"])])
    layered = alt.layer(rng, ends, dots).properties(width=280 if narrow else WIDTH, height=36)
    return layered.facet(
        data=df,
        row=alt.Row("label:N", sort=df["label"].tolist(), title=None,
                    header=alt.Header(labelAngle=0, labelAlign="left", labelOrient="top", labelAnchor="start")),
    ).resolve_scale(x="independent")


def characteristics_figure(study: Study) -> Figure:
    return Figure("annex_fig_characteristics", characteristics_chart(study), characteristics_alt(study),
                  narrow=characteristics_chart(study, narrow=True),
                  plotted=Plotted(characteristics_data(study), _characteristics_columns(),
                                  messages.text("figure.characteristics.caption"), messages.text("figure.characteristics.source")))


def _characteristics_columns() -> dict[str, str]:
    """The plotted columns under their headers: the printed centres' columns are named in the edition's
    language (the table's keys name them in English)."""
    english, here = messages.labels("table2_shown", "en"), messages.labels("table2_shown")
    rename = {english[k]: here[k] for k in english}
    return {rename.get(k, k): v for k, v in messages.labels("figure.characteristics.columns").items()}


def characteristics_alt(study: Study) -> str:
    df = characteristics_data(study)
    shown = messages.labels("table2_shown")
    parts = [ALT["characteristics_item"].format(label=r["label"].lower(), min=r["min"], max=r["max"], median=r[shown["Median"]],
                                                mean=r[shown["Mean"]], mode=r[shown["Mode"]]) for r in df.to_dict("records")]
    return ALT["characteristics"].format(parts="; ".join(parts),
                                       source=provenance.table_phrase(study, "table2", "as printed in"))


# ---------------------------------------------------------------------------------------------
# Table 3: states


def _centre(geometry: dict, arcs: list[list[tuple[float, float]]]) -> tuple[float, float]:
    """The centre of the bounding box of a geometry's largest polygon (longitude, latitude)."""
    polys = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    rings = [[p for i in poly[0] for p in arcs[i if i >= 0 else ~i]] for poly in polys]
    ring = max(rings, key=len)
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    return (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2


def map_centres() -> dict[str, tuple[float, float]]:
    """Map name -> a point inside the state's outline, where its marker is drawn."""
    topo = mapfile.topology()
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return {g["properties"]["name"]: _centre(g, arcs) for g in topo["objects"][mapfile.OBJECT]["geometries"]
            if g.get("properties", {}).get("name")}


def states_data(study: Study) -> pd.DataFrame:
    """Table 3 without its total (one row per place printed, with its name on the map and the point
    of the map where its marker is drawn)."""
    t3 = tables.table3(study)
    df = t3[t3["state_as_printed"] != "Total"].reset_index(drop=True)
    centres = map_centres()
    df["lon"] = [centres[m][0] for m in df["map_name"]]
    df["lat"] = [centres[m][1] for m in df["map_name"]]
    return df


def legend_values(top: int) -> list[int]:
    """Ticks of a logarithmic legend from 1 to ``top``: 1, 3, 10, 30, ... below it, and ``top`` itself."""
    ticks, v = [], 1
    while v < top * 0.75:
        ticks.append(v)
        v = v * 3 if str(v).startswith("1") else v * 10 // 3
    return ticks + [top]


def states_chart(study: Study, narrow: bool = False) -> alt.HConcatChart | alt.VConcatChart:
    """The map with a marker on every state the table names (area for the count, so that Mexico City,
    a speck on the map, shows) and the bar chart of the same counts: beside it, or below it when narrow."""
    df = states_data(study)
    top = int(df["n"].max())
    wrap = NARROW_TITLE if narrow else None
    order = df.sort_values(["n", "state_as_printed"], ascending=[False, True])["state_as_printed"].tolist()
    tooltip = [alt.Tooltip("state_as_printed:N", title=W["state_as_printed"]),
               alt.Tooltip("state_official:N", title=W["official_name"]),
               alt.Tooltip("n:Q", title=W["women"]), alt.Tooltip("share:Q", title=W["pct_of_interviewees"], format=".1f")]
    fields = ["state_as_printed", "state_official", "n", "share"]
    states = alt.Chart(alt.topo_feature(MAP_URL, MAP_OBJECT)).transform_lookup(
        lookup="properties.name", from_=alt.LookupData(data=df, key="map_name", fields=fields))
    # States the table does not name: drawn in the theme's neutral fill (config.geoshape.fill).
    others = states.transform_filter("!isValid(datum.n)").mark_geoshape().encode(
        tooltip=[alt.Tooltip("properties.name:N", title=W["not_named_in_the_table"])])
    legend_title = W["women_trafficked_in_the_state"]
    named = states.transform_filter("isValid(datum.n)").mark_geoshape().encode(
        color=alt.Color("n:Q", title=title(legend_title, None if narrow else 22),
                        scale=alt.Scale(type="log", domain=[1, top]),
                        legend=alt.Legend(format="d", values=legend_values(top), orient="bottom", direction="horizontal",
                                          gradientLength=200) if narrow else
                        alt.Legend(format="d", values=legend_values(top), orient="none", legendX=0, legendY=170,
                                   direction="vertical", gradientLength=80)),
        tooltip=tooltip)
    marker = alt.Chart(df).encode(
        longitude="lon:Q", latitude="lat:Q",
        size=alt.Size("n:Q", scale=alt.Scale(domain=[0, top], range=[0, 700 if narrow else 900]), legend=None),
        tooltip=tooltip)
    map_w, map_h = (270, 205) if narrow else (360, 250)
    geo = alt.layer(others, named, marker.mark_point(style="map-marker-halo"), marker.mark_point(style="map-marker")).project(type="mercator").properties(width=map_w, height=map_h)
    bars = alt.Chart(df).mark_bar().encode(
        y=alt.Y("state_as_printed:N", sort=order, title=None),
        x=alt.X("n:Q", title=title(legend_title, wrap), axis=alt.Axis(tickMinStep=1, format="d")),
        tooltip=tooltip).properties(width=190 if narrow else 170)
    # The table reaches the map through the lookup; Altair stores it once for both panels.
    if narrow:
        return alt.vconcat(geo, bars, spacing=24, center=True).resolve_legend(color="independent")
    return alt.hconcat(geo, bars, spacing=24)


def states_figure(study: Study) -> Figure:
    return Figure("annex_fig_states", states_chart(study), states_alt(study), narrow=states_chart(study, narrow=True),
                  plotted=Plotted(states_data(study), messages.labels("figure.states.columns"),
                                  messages.text("figure.states.caption"), messages.text("figure.states.source")))


def states_alt(study: Study) -> str:
    df = states_data(study).sort_values(["n", "state_as_printed"], ascending=[False, True])
    top = df.iloc[0]
    nxt = [ALT["states_item"].format(state=r.state_as_printed, n=r.n) for r in df.iloc[1:3].itertuples()]
    ones = int((df["n"] == 1).sum())
    return ALT["states"].format(k=len(df), state=top.state_as_printed, women=women(top.n), share=percent(top.share),
                                rest=join_words(nxt), ones=ones,
                                source=provenance.table_phrase(study, "table3"))


# ---------------------------------------------------------------------------------------------
# Table A4: months between the escape and the interview


def escape_data(study: Study) -> pd.DataFrame:
    t4 = tables.table4(study)
    df = t4[t4["bin_as_printed"] != "Total"].copy()
    lo = df["min_months"].astype("Int64")
    hi = df["max_months"].astype("Int64")
    df["months"] = [f"{a} to {b}" if pd.notna(b) else f"{a} or more" for a, b in zip(lo, hi)]
    df["min_months"] = lo.astype(float)
    df["max_months"] = hi.astype(float)
    return df.reset_index(drop=True)


def escape_chart(study: Study, narrow: bool = False) -> alt.LayerChart:
    """Bars of the bins as printed, as wide as their container."""
    df = escape_data(study)
    order = df["bin_as_printed"].tolist()
    wrap = NARROW_TITLE if narrow else None
    x = alt.X("bin_as_printed:N", sort=order, axis=alt.Axis(labelAngle=0),
              title=title(W["months_since_events"], wrap))
    tooltip = [alt.Tooltip("bin_as_printed:N", title=W["bin_as_printed"]), alt.Tooltip("months:N", title=W["whole_months"]),
               alt.Tooltip("n:Q", title=W["women"]), alt.Tooltip("share:Q", title=W["pct_of_interviewees"], format=".1f")]
    bars = alt.Chart().mark_bar(width=alt.RelativeBandSize(0.6)).encode(x=x, y=alt.Y("n:Q", title=W["women"]), tooltip=tooltip)
    labels = alt.Chart().mark_text(dy=-8).encode(x=x, y="n:Q", text="n:Q", tooltip=tooltip)
    return alt.layer(bars, labels, data=df).properties(width="container", height=240)


def escape_figure(study: Study) -> Figure:
    return Figure("annex_fig_escape", escape_chart(study), escape_alt(study), narrow=escape_chart(study, narrow=True),
                  plotted=Plotted(escape_data(study), messages.labels("figure.escape.columns"),
                                  messages.text("figure.escape.caption"), messages.text("figure.escape.source")))


def escape_alt(study: Study) -> str:
    df = escape_data(study)
    parts = [ALT["escape_item"].format(bin=r.bin_as_printed, n=r.n, share=percent(r.share)) for r in df.itertuples()]
    top = df.sort_values("n", ascending=False).iloc[0]
    return ALT["escape"].format(parts="; ".join(parts), top=top.bin_as_printed)


# ---------------------------------------------------------------------------------------------
# Table 5: leaders of the networks


def leaders_data(study: Study) -> pd.DataFrame:
    """Table 5 (the total row labelled "All networks") with a Wilson interval on the share of women."""
    df = tables.table5(study).copy()
    df["label"] = df["label"].where(df["network_type"] != "total", W["all_networks"])
    ci = [stats.wilson_percent(f, t) for f, t in zip(df["female_n"], df["total_n"])]
    df["female_lo"] = [c[0] for c in ci]
    df["female_hi"] = [c[1] for c in ci]
    df[W["men"]] = df["male_n"]
    df[W["women"]] = df["female_n"]
    return df


def leaders_chart(study: Study, narrow: bool = False) -> alt.VConcatChart:
    """Counts by sex of the leader above the share led by women; narrow: wrapped labels, the legend below."""
    df = leaders_data(study)
    order = df["label"].tolist()
    wrap = NARROW_TITLE if narrow else None
    axis = alt.Axis(labelExpr=label_expr(order, 20)) if narrow else alt.Axis()
    y = alt.Y("label:N", sort=order, title=None, axis=axis)
    width = 170 if narrow else 250
    counts = alt.Chart().transform_filter("datum.network_type !== 'total'").transform_fold(
        [W["men"], W["women"]], as_=["sex", "leaders"],
    ).mark_bar().encode(
        y=y, x=alt.X("leaders:Q", title=title(W["networks_by_sex"], wrap), axis=alt.Axis(tickMinStep=1, format="d")),
        color=alt.Color("sex:N", title=W["leader"], scale=alt.Scale(domain=[W["men"], W["women"]]),
                        legend=alt.Legend(orient="bottom" if narrow else "right", direction="vertical")),
        tooltip=[alt.Tooltip("label:N", title=W["network_type"]), alt.Tooltip("sex:N", title=W["leader"]),
                 alt.Tooltip("leaders:Q", title=W["networks"]), alt.Tooltip("total_n:Q", title=W["networks_of_the_type"])],
    ).properties(width=width, height=alt.Step(40 if narrow else 26),
                 title=title(W["networks_by_type_and_sex"], 28 if narrow else None))
    tip = [alt.Tooltip("label:N", title=W["network_type"]), alt.Tooltip("female_n:Q", title=W["led_by_a_woman"]),
           alt.Tooltip("total_n:Q", title=W["networks"]), alt.Tooltip("female_share:Q", title=W["pct_led_by_women"], format=".1f"),
           alt.Tooltip("female_lo:Q", title=W["ci_low"].format(cl=CL), format=".1f"),
           alt.Tooltip("female_hi:Q", title=W["ci_high"].format(cl=CL), format=".1f")]
    x = alt.X("female_share:Q", title=title(W["led_by_a_woman_with_ci"].format(cl=CL), 28 if narrow else None),
              scale=alt.Scale(domain=[0, 100]), axis=alt.Axis(values=[0, 25, 50, 75, 100]))
    ci = alt.Chart().mark_rule().encode(y=y, x="female_lo:Q", x2="female_hi:Q", tooltip=tip)
    dot = alt.Chart().mark_point().encode(y=y, x=x, tooltip=tip)
    share = alt.layer(ci, dot).properties(width=width, height=alt.Step(40 if narrow else 26),
                                          title=title(W["share_led_by_a_woman"], 28 if narrow else None))
    return alt.vconcat(counts, share, data=df, spacing=20).resolve_scale(y="independent")


def leaders_figure(study: Study, key: str = "annex_fig_leaders") -> Figure:
    return Figure(key, leaders_chart(study), leaders_alt(study), narrow=leaders_chart(study, narrow=True),
                  plotted=Plotted(leaders_data(study), messages.labels("figure.leaders.columns"),
                                  messages.text("figure.leaders.caption"), messages.text("figure.leaders.source")))


def leaders_alt(study: Study) -> str:
    df = leaders_data(study)
    tot = df[df["network_type"] == "total"].iloc[0]
    with_women = df[(df["network_type"] != "total") & (df["female_n"] > 0)]
    which = [ALT["leaders_item"].format(label=r.label.lower(), women=r.female_n, n=r.total_n) for r in with_women.itertuples()]
    where = ALT["leaders_where"].format(which=join_words(which)) if which else ALT["leaders_none"]
    return ALT["leaders"].format(n=tot.total_n, cl=CL, men=tot.male_n, women=tot.female_n, share=percent(tot.female_share),
                                 lo=tot.female_lo, hi=tot.female_hi, where=where)
