"""The annex's figures, one per table of the article, each with its text alternative.

The leaders chart is shared with the profile chapter (:mod:`trata.present.figures.profile`).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ...analyse import provenance, stats
from ...core import messages
from ...data.study import Study
from ...derive import tables
from ..figure import MAP_OBJECT, MAP_URL
from ..text import join_words, percent, women
from ..theme import WIDTH

#: Confidence level of every interval in the figures, as the figures write it ("95%").
CL = f"{stats.LEVEL:.0%}"


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


def countries_chart(study: Study) -> alt.LayerChart:
    df = countries_data(study)
    order = df.sort_values(["n", "country"], ascending=[False, True])["country"].tolist()
    tooltip = [alt.Tooltip("country:N", title="Country"), alt.Tooltip("n:Q", title="Women"),
               alt.Tooltip("share:Q", title="% of interviewees", format=".1f"),
               alt.Tooltip("lo:Q", title=f"{CL} CI, low", format=".1f"),
               alt.Tooltip("hi:Q", title=f"{CL} CI, high", format=".1f")]
    y = alt.Y("country:N", sort=order, title=None)
    x_max = float(df["hi"].max())
    bars = alt.Chart().mark_bar().encode(
        y=y, x=alt.X("share:Q", title=f"Share of interviewees (%), with {CL} confidence interval",
                     scale=alt.Scale(domain=[0, x_max])), tooltip=tooltip)
    ci = alt.Chart().mark_rule().encode(y=y, x="lo:Q", x2="hi:Q", tooltip=tooltip)
    ends = alt.Chart().mark_tick(thickness=2, size=10).encode(y=y, x="hi:Q", tooltip=tooltip)
    starts = alt.Chart().mark_tick(thickness=2, size=10).encode(y=y, x="lo:Q", tooltip=tooltip)
    return alt.layer(bars, ci, starts, ends, data=df).properties(width=WIDTH)


def countries_alt(study: Study) -> str:
    df = countries_data(study).sort_values(["n", "country"], ascending=[False, True])
    base = int(df["base"].iloc[0])
    first = df.iloc[0]
    rest = [f"{r.country} {r.n} ({percent(r.share)})" for r in df.iloc[1:].itertuples()]
    return (f"Bar chart of the {base} interviewees by country of origin, with {CL} confidence intervals. "
            f"{first.country} has the largest share, {women(first.n)} ({percent(first.share)}, interval "
            f"{first.lo:.1f} to {first.hi:.1f}%), followed by {join_words(rest)}.")


# ---------------------------------------------------------------------------------------------
# Table 2: characteristics of the interviewees

def characteristics_data(study: Study) -> pd.DataFrame:
    """Table 2 as printed, one row per characteristic: min, max and the three printed centres."""
    t2 = tables.table2(study)
    df = pd.DataFrame({
        "variable": t2["variable"], "label": t2["label_as_printed"],
        "min": t2["Min."].astype(float), "max": t2["Max."].astype(float),
    })
    for printed, shown in messages.labels("table2_shown").items():
        df[shown] = t2[printed].astype(float)
    return df


def characteristics_chart(study: Study) -> alt.FacetChart:
    df = characteristics_data(study)
    shown = list(messages.labels("table2_shown").values())
    range_tip = [alt.Tooltip("label:N", title="Characteristic"), alt.Tooltip("min:Q", title="Min."),
                 *[alt.Tooltip(f"{s}:Q", title=s) for s in shown], alt.Tooltip("max:Q", title="Max.")]
    rng = alt.Chart().mark_rule(strokeWidth=3, opacity=0.55).encode(
        x=alt.X("min:Q", title="Value as printed (scale differs by row)", scale=alt.Scale(zero=False)),
        x2="max:Q", tooltip=range_tip)
    ends = alt.Chart().transform_fold(["min", "max"], as_=["end", "value"]).mark_tick(
        thickness=2, size=14).encode(x="value:Q", tooltip=range_tip)
    dots = alt.Chart().transform_fold(shown, as_=["statistic", "value"]).mark_point(size=90).encode(
        x="value:Q",
        color=alt.Color("statistic:N", sort=shown, title="Statistic", scale=alt.Scale(domain=shown),
                        legend=alt.Legend(columnPadding=24, labelLimit=200)),
        shape=alt.Shape("statistic:N", sort=shown, title="Statistic", scale=alt.Scale(
            domain=shown, range=["circle", "diamond", "square"])),
        tooltip=[alt.Tooltip("label:N", title="Characteristic"), alt.Tooltip("statistic:N", title="Statistic"),
                 alt.Tooltip("value:Q", title="Value")])
    layered = alt.layer(rng, ends, dots).properties(width=WIDTH, height=36)
    return layered.facet(
        data=df,
        row=alt.Row("label:N", sort=df["label"].tolist(), title=None,
                    header=alt.Header(labelAngle=0, labelAlign="left", labelOrient="top", labelAnchor="start")),
    ).resolve_scale(x="independent")


def characteristics_alt(study: Study) -> str:
    df = characteristics_data(study)
    parts = [f"{r['label'].lower()} from {r['min']:g} to {r['max']:g} (printed median {r['Median (as printed)']:g}, "
             f"printed mean {r['Mean (as printed)']:g}, mode {r['Mode']:g})" for r in df.to_dict("records")]
    return (f"Range chart of the interviewees' characteristics {provenance.table_phrase(study, 'table2', 'as printed in')}: "
            f"{'; '.join(parts)}. The values printed as median and mean appear to be swapped.")


# ---------------------------------------------------------------------------------------------
# Table 3: states


def states_data(study: Study) -> pd.DataFrame:
    """Table 3 without its total (one row per place printed, with its name on the map)."""
    t3 = tables.table3(study)
    return t3[t3["state_as_printed"] != "Total"].reset_index(drop=True)


def states_chart(study: Study) -> alt.HConcatChart:
    df = states_data(study)
    order = df.sort_values(["n", "state_as_printed"], ascending=[False, True])["state_as_printed"].tolist()
    tooltip = [alt.Tooltip("state_as_printed:N", title="State (as printed)"),
               alt.Tooltip("state_official:N", title="Official name"),
               alt.Tooltip("n:Q", title="Women"), alt.Tooltip("share:Q", title="% of interviewees", format=".1f")]
    fields = ["state_as_printed", "state_official", "n", "share"]
    states = alt.Chart(alt.topo_feature(MAP_URL, MAP_OBJECT)).transform_lookup(
        lookup="properties.name", from_=alt.LookupData(data=df, key="map_name", fields=fields))
    # States the table does not name: drawn in the theme's neutral fill (config.geoshape.fill).
    others = states.transform_filter("!isValid(datum.n)").mark_geoshape().encode(
        tooltip=[alt.Tooltip("properties.name:N", title="Not named in the table")])
    named = states.transform_filter("isValid(datum.n)").mark_geoshape().encode(
        color=alt.Color("n:Q", title="Women trafficked in the state",
                        scale=alt.Scale(type="log", domainMin=1),
                        legend=alt.Legend(format="d", tickCount=4, orient="none", legendX=0, legendY=230, direction="vertical",
                                          gradientLength=90)),
        tooltip=tooltip)
    geo = alt.layer(others, named).project(type="mercator").properties(width=440, height=300)
    bars = alt.Chart(df).mark_bar().encode(
        y=alt.Y("state_as_printed:N", sort=order, title=None),
        x=alt.X("n:Q", title="Women trafficked in the state", axis=alt.Axis(tickMinStep=1, format="d")),
        tooltip=tooltip).properties(width=180)
    # The table reaches the map through the lookup; Altair stores it once for both panels.
    return alt.hconcat(geo, bars, spacing=24)


def states_alt(study: Study) -> str:
    df = states_data(study).sort_values(["n", "state_as_printed"], ascending=[False, True])
    top = df.iloc[0]
    nxt = [f"{r.state_as_printed} ({r.n})" for r in df.iloc[1:3].itertuples()]
    ones = int((df["n"] == 1).sum())
    return (f"Map of Mexico shading the {len(df)} places named in {provenance.table_phrase(study, 'table3')} by the number of "
            f"interviewees trafficked there, beside a bar chart sorted from most to fewest. "
            f"{top.state_as_printed} has the most, {women(top.n)} ({percent(top.share)} of interviewees), "
            f"followed by {join_words(nxt)}; {ones} of the places have one woman each.")


# ---------------------------------------------------------------------------------------------
# Table 4: months between the events recounted and the escape


def escape_data(study: Study) -> pd.DataFrame:
    t4 = tables.table4(study)
    df = t4[t4["bin_as_printed"] != "Total"].copy()
    lo = df["min_months"].astype("Int64")
    hi = df["max_months"].astype("Int64")
    df["months"] = [f"{a} to {b}" if pd.notna(b) else f"{a} or more" for a, b in zip(lo, hi)]
    df["min_months"] = lo.astype(float)
    df["max_months"] = hi.astype(float)
    return df.reset_index(drop=True)


def escape_chart(study: Study) -> alt.LayerChart:
    df = escape_data(study)
    order = df["bin_as_printed"].tolist()
    x = alt.X("bin_as_printed:N", sort=order, title="Months between the events recounted and the escape (bins as printed)",
              axis=alt.Axis(labelAngle=0))
    tooltip = [alt.Tooltip("bin_as_printed:N", title="Bin (as printed)"), alt.Tooltip("months:N", title="Whole months"),
               alt.Tooltip("n:Q", title="Women"), alt.Tooltip("share:Q", title="% of interviewees", format=".1f")]
    bars = alt.Chart().mark_bar(size=56).encode(x=x, y=alt.Y("n:Q", title="Women"), tooltip=tooltip)
    labels = alt.Chart().mark_text(dy=-8).encode(x=x, y="n:Q", text="n:Q", tooltip=tooltip)
    return alt.layer(bars, labels, data=df).properties(width=WIDTH - 120, height=240)


def escape_alt(study: Study) -> str:
    df = escape_data(study)
    parts = [f"{r.bin_as_printed} months: {r.n} ({percent(r.share)})" for r in df.itertuples()]
    top = df.sort_values("n", ascending=False).iloc[0]
    return (f"Bar chart of the number of interviewees by months between the events recounted and the escape, "
            f"in the article's bins: {'; '.join(parts)}. The largest group is {top.bin_as_printed} months.")


# ---------------------------------------------------------------------------------------------
# Table 5: leaders of the networks


def leaders_data(study: Study) -> pd.DataFrame:
    """Table 5 (the total row labelled "All networks") with a Wilson interval on the share of women."""
    df = tables.table5(study).copy()
    df["label"] = df["label"].where(df["network_type"] != "total", messages.text("all_networks"))
    ci = [stats.wilson_percent(f, t) for f, t in zip(df["female_n"], df["total_n"])]
    df["female_lo"] = [c[0] for c in ci]
    df["female_hi"] = [c[1] for c in ci]
    df["Men"] = df["male_n"]
    df["Women"] = df["female_n"]
    return df


def leaders_chart(study: Study) -> alt.VConcatChart:
    df = leaders_data(study)
    order = df["label"].tolist()
    y = alt.Y("label:N", sort=order, title=None)
    counts = alt.Chart().transform_filter("datum.network_type !== 'total'").transform_fold(
        ["Men", "Women"], as_=["sex", "leaders"],
    ).mark_bar().encode(
        y=y, x=alt.X("leaders:Q", title="Networks, by the sex of the leader", axis=alt.Axis(tickMinStep=1, format="d")),
        color=alt.Color("sex:N", title="Leader", scale=alt.Scale(domain=["Men", "Women"]),
                        legend=alt.Legend(orient="right", direction="vertical")),
        tooltip=[alt.Tooltip("label:N", title="Network type"), alt.Tooltip("sex:N", title="Leader"),
                 alt.Tooltip("leaders:Q", title="Networks"), alt.Tooltip("total_n:Q", title="Networks of the type")],
    ).properties(width=320, height=alt.Step(26), title="Networks by type and sex of the leader")
    tip = [alt.Tooltip("label:N", title="Network type"), alt.Tooltip("female_n:Q", title="Led by a woman"),
           alt.Tooltip("total_n:Q", title="Networks"), alt.Tooltip("female_share:Q", title="% led by women", format=".1f"),
           alt.Tooltip("female_lo:Q", title=f"{CL} CI, low", format=".1f"),
           alt.Tooltip("female_hi:Q", title=f"{CL} CI, high", format=".1f")]
    x = alt.X("female_share:Q", title=f"Led by a woman (%), with {CL} confidence interval",
              scale=alt.Scale(domain=[0, 100]), axis=alt.Axis(values=[0, 25, 50, 75, 100]))
    ci = alt.Chart().mark_rule().encode(y=y, x="female_lo:Q", x2="female_hi:Q", tooltip=tip)
    dot = alt.Chart().mark_point().encode(y=y, x=x, tooltip=tip)
    share = alt.layer(ci, dot).properties(width=320, height=alt.Step(26), title="Share of networks led by a woman")
    return alt.vconcat(counts, share, data=df, spacing=20).resolve_scale(y="independent")


def leaders_alt(study: Study) -> str:
    df = leaders_data(study)
    tot = df[df["network_type"] == "total"].iloc[0]
    with_women = df[(df["network_type"] != "total") & (df["female_n"] > 0)]
    which = [f"{r.label.lower()} ({r.female_n} of {r.total_n})" for r in with_women.itertuples()]
    where = f"women led networks only among {join_words(which)}" if which else "no type had a woman leader"
    return (f"Bar chart of the {tot.total_n} networks by type and sex of the leader, with the share led by women "
            f"and its {CL} confidence interval. Men led {tot.male_n} and women {tot.female_n} "
            f"({percent(tot.female_share)}, interval {tot.female_lo:.1f} to {tot.female_hi:.1f}%); {where}.")
