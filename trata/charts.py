"""The book's figures: one theme, the annex charts, and how a chart is placed on a page.

Every figure of the book is an Altair chart built with the theme registered here and placed with
:func:`glue_figure`, which glues an object carrying three renderings of the same chart:

* ``text/html`` for the web: a container with the Vega-Lite specification as JSON (drawn live by
  ``book/_static/trata-figures.js`` with the Vega libraries the site serves itself), a static SVG
  rendered at build time with vl-convert (shown while JavaScript is off and used for printing),
  and the text alternative as the container's accessible name;
* ``image/svg+xml``: the same static SVG, for builders that cannot run JavaScript (EPUB);
* ``text/plain``: the text alternative.

A page places it with::

    :::{glue:figure} key
    :name: fig-<chapter>-<what>
    Caption.
    :::

The theme is colour-blind safe (the Okabe–Ito palette) and has a light and a dark variant. The
light one is the chart's own configuration; the dark one travels with the chart in
``usermeta.trata.dark`` and the page script swaps it in when the reader's theme is dark.
"""

from __future__ import annotations

import base64
import html
import json
import re
from pathlib import Path

import altair as alt
import pandas as pd

from . import rules, stats, tables
from .load import REPO_ROOT, Study

# ---------------------------------------------------------------------------------------------
# theme

#: Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour-vision
#: deficiency.
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}

#: The page's own font stack (the book theme uses the system font), so live figures match the text
#: and no web font is ever fetched.
FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'

#: The static SVG is laid out at build time, when text is measured with the fonts vl-convert has;
#: it names Arial-metric fonts only, so any reader's Arial, Helvetica or Liberation Sans fits.
STATIC_FONT = '"Liberation Sans", Arial, Helvetica, sans-serif'

#: Colour roles per mode. Mark colours keep a contrast of at least 3:1 against the background
#: (WCAG 2.1, 1.4.11 non-text contrast); text colours are the book theme's own.
MODES: dict[str, dict] = {
    "light": {
        "background": "#ffffff",
        "text": "#222832",
        "muted": "#48566b",
        "grid": "#d9dde3",
        "domain": "#8a94a3",
        "primary": OKABE_ITO["blue"],
        "interval": "#222832",
        "category": [OKABE_ITO[k] for k in ("blue", "vermillion", "bluish_green", "reddish_purple",
                                             "sky_blue", "orange", "yellow", "black")],
        "ramp": ["#8fbde0", "#08306b"],
        "nodata": "#e6e9ed",
        "stroke": "#ffffff",
    },
    "dark": {
        "background": "transparent",
        "text": "#ced6dd",
        "muted": "#9ca4af",
        "grid": "#3a4350",
        "domain": "#7a8594",
        "primary": OKABE_ITO["sky_blue"],
        "interval": "#ced6dd",
        "category": [OKABE_ITO[k] for k in ("sky_blue", "orange", "bluish_green", "reddish_purple",
                                             "yellow", "vermillion", "blue", "black")],
        "ramp": ["#2f6f9f", "#c4e8ff"],
        "nodata": "#3a414b",
        "stroke": "#14181e",
    },
}

WIDTH = 480      # plot width of a single chart, in CSS pixels
STEP = 24        # band height of one bar
FONT_SIZE = 12
TITLE_SIZE = 14


def config(mode: str = "light") -> dict:
    """The Vega-Lite ``config`` of the book's theme in ``mode`` ("light" or "dark")."""
    c = MODES[mode]
    axis = {
        "labelColor": c["text"], "titleColor": c["text"], "tickColor": c["domain"],
        "domainColor": c["domain"], "gridColor": c["grid"], "labelFont": FONT, "titleFont": FONT,
        "labelFontSize": FONT_SIZE, "titleFontSize": FONT_SIZE, "titleFontWeight": "normal",
        "labelLimit": 320,
    }
    return {
        "background": c["background"],
        "font": FONT,
        "padding": 8,
        "view": {"continuousWidth": WIDTH, "continuousHeight": 260, "step": STEP, "stroke": None},
        "axis": axis,
        "legend": {"labelColor": c["text"], "titleColor": c["text"], "labelFont": FONT, "titleFont": FONT,
                   "labelFontSize": FONT_SIZE, "titleFontSize": FONT_SIZE, "titleFontWeight": "normal",
                   "orient": "bottom", "direction": "horizontal", "gradientLength": 220},
        "header": {"labelColor": c["text"], "titleColor": c["text"], "labelFont": FONT, "titleFont": FONT,
                   "labelFontSize": FONT_SIZE, "titleFontSize": FONT_SIZE, "labelFontWeight": "bold"},
        "title": {"color": c["text"], "subtitleColor": c["muted"], "font": FONT, "fontSize": TITLE_SIZE,
                  "anchor": "start", "fontWeight": "bold"},
        "text": {"color": c["text"], "font": FONT, "fontSize": FONT_SIZE},
        "mark": {"color": c["primary"]},
        "bar": {"color": c["primary"]},
        "point": {"color": c["primary"], "filled": True, "size": 70, "opacity": 1},
        "rule": {"color": c["interval"], "strokeWidth": 2},
        "tick": {"color": c["interval"]},
        "geoshape": {"fill": c["nodata"], "stroke": c["stroke"], "strokeWidth": 0.6},
        "range": {"category": c["category"], "ramp": c["ramp"], "heatmap": c["ramp"]},
        "style": {"guide-label": {"fill": c["text"]},
                  # tiles of matrix charts that carry text: light tiles under dark text in the light
                  # theme, dark tiles under light text in the dark theme
                  "tile-described": {"color": "#b3d3ec" if mode == "light" else "#1f4e70",
                                     "fill": "#b3d3ec" if mode == "light" else "#1f4e70",
                                     "stroke": c["stroke"], "strokeWidth": 2},
                  "tile-undescribed": {"color": c["nodata"], "fill": c["nodata"], "stroke": c["stroke"],
                                       "strokeWidth": 2},
                  "guide-title": {"fill": c["text"]}, "group-title": {"fill": c["text"]}},
    }


@alt.theme.register("trata", enable=True)
def theme() -> alt.theme.ThemeConfig:
    return {"config": config("light")}


def luminance(hex_colour: str) -> float:
    """Relative luminance of an sRGB colour ``#rrggbb`` (WCAG 2.1)."""
    h = hex_colour.lstrip("#")
    rgb = [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def color(role: str, mode: str = "light") -> str:
    """A colour role of the theme, e.g. ``color("primary")``."""
    return MODES[mode][role]


# ---------------------------------------------------------------------------------------------
# placing a chart on a page

#: The Vega-Lite version Altair's schema targets, as vl-convert names it ("6.4").
VL_VERSION = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])

#: Where the map's boundaries are served from, relative to the site's root; the page script
#: resolves data URLs against the site root and refuses any other host.
MAP_PATH = rules.map_path()
MAP_URL = "_static/mex.topo.json"
MAP_OBJECT = "mex"


_map_topology = rules.map_topology


def map_names() -> list[str]:
    """The ``name`` property of every geometry of the map (Natural Earth admin-1 names)."""
    geoms = _map_topology()["objects"][MAP_OBJECT]["geometries"]
    return [g["properties"]["name"] for g in geoms if g.get("properties", {}).get("name")]


def _inline_local_data(spec):
    """A copy of ``spec`` with the served map replaced by its content, for rendering offline."""
    if isinstance(spec, dict):
        if spec.get("url") == MAP_URL:
            out = {k: v for k, v in spec.items() if k != "url"}
            out["values"] = _map_topology()
            return out
        return {k: _inline_local_data(v) for k, v in spec.items()}
    if isinstance(spec, list):
        return [_inline_local_data(v) for v in spec]
    return spec


def _unique_ids(svg: str, prefix: str) -> str:
    """Prefix every id of an SVG (and references to it), so several can share a page."""
    ids = set(re.findall(r'\bid="([^"]+)"', svg))
    for i in sorted(ids, key=len, reverse=True):
        svg = (svg.replace(f'id="{i}"', f'id="{prefix}{i}"').replace(f"url(#{i})", f"url(#{prefix}{i})")
               .replace(f'href="#{i}"', f'href="#{prefix}{i}"'))
    return svg


def spec_of(chart: alt.TopLevelMixin, alt_text: str = "") -> dict:
    """The chart's Vega-Lite specification with the book's light theme and the dark overrides."""
    with alt.theme.enable("trata"):
        spec = chart.to_dict()
    spec.pop("$schema", None)  # names another host; the page script knows the mode and version
    if alt_text and "description" not in spec:
        spec["description"] = alt_text
    spec.setdefault("usermeta", {})["trata"] = {"dark": config("dark"), "vegalite": VL_VERSION}
    return spec


def _static_spec(spec: dict) -> dict:
    """The specification as drawn at build time: local data inlined, Arial-metric fonts."""
    text = json.dumps(_inline_local_data(spec))
    return json.loads(text.replace(json.dumps(FONT)[1:-1], json.dumps(STATIC_FONT)[1:-1]))


def static_pdf(spec: dict) -> bytes:
    """The chart drawn at build time as a vector PDF (for the LaTeX builder, which takes no SVG)."""
    import vl_convert as vlc

    return vlc.vegalite_to_pdf(_static_spec(spec), vl_version=VL_VERSION)


def static_svg(spec: dict) -> str:
    """The chart drawn at build time (light theme, white background), as an SVG document."""
    import vl_convert as vlc

    svg = vlc.vegalite_to_svg(_static_spec(spec), vl_version=VL_VERSION)
    svg = re.sub(r' d="([^"]*)"', lambda m: f' d="{_thin_path(m.group(1))}"', svg)
    # The drawing is an image with the figure's text alternative: per-mark roles and labels, and
    # pointer events, serve only the live chart, so they are dropped (a third of the bytes).
    return re.sub(r' (?:role|aria-[a-z]+|pointer-events)="[^"]*"', "", svg)


_NUM = r"-?\d+(?:\.\d+)?"
_POLYGONS = re.compile(rf"(?:M{_NUM},{_NUM}(?:L{_NUM},{_NUM})*Z)+")
_POINT = re.compile(rf"({_NUM}),({_NUM})")


def _thin_path(d: str, tol: float = 1.0) -> str:
    """A polygon path (map outlines) without the points closer than ``tol`` px to the last one kept.

    Natural Earth's outlines hold far more points than a few hundred pixels can show; at 1 px the
    drawing looks the same and the page is much lighter. Rings thinner than three points vanish (they
    were specks below a pixel). Other paths are returned as they are.
    """
    if len(d) < 500 or not _POLYGONS.fullmatch(d):
        return d

    def fmt(v: float) -> str:
        return f"{v:.1f}".rstrip("0").rstrip(".")

    rings = []
    for ring in d.split("M")[1:]:
        pts = [(float(x), float(y)) for x, y in _POINT.findall(ring)]
        kept = [pts[0]]
        for x, y in pts[1:]:
            if abs(x - kept[-1][0]) >= tol or abs(y - kept[-1][1]) >= tol:
                kept.append((x, y))
        if len(kept) >= 3:
            rings.append("M" + "L".join(f"{fmt(x)},{fmt(y)}" for x, y in kept) + "Z")
    return "".join(rings) or d


class Figure:
    """A chart ready for the page: its specification, static SVG and text alternative."""

    def __init__(self, key: str, chart: alt.TopLevelMixin, alt_text: str):
        if not alt_text or not alt_text.strip():
            raise ValueError(f"figure {key!r} needs a text alternative")
        self.key = key
        self.alt_text = " ".join(alt_text.split())
        self.spec = spec_of(chart, self.alt_text)
        self.svg = static_svg(self.spec)

    @property
    def html_id(self) -> str:
        return "trata-fig-" + re.sub(r"[^A-Za-z0-9_-]+", "-", self.key)

    def html(self) -> str:
        data = json.dumps(self.spec, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
        data = data.replace("</", "<\\/").replace("<!--", "<\\!--")
        svg = re.sub(r"^<\?xml[^>]*>\s*", "", self.svg)
        svg = _unique_ids(svg, self.html_id + "-")
        svg = svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)
        alt_attr = html.escape(self.alt_text, quote=True)
        return (
            f'<div class="trata-figure" id="{self.html_id}" role="img" aria-label="{alt_attr}">'
            f'<script type="application/json" class="trata-figure-spec">{data}</script>'
            f'<div class="trata-figure-static">{svg}</div>'
            f'<div class="trata-figure-live" aria-hidden="true"></div>'
            f"</div>"
        )

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/html": self.html(), "image/svg+xml": self.svg,
                "text/plain": self.alt_text}

    def __repr__(self) -> str:
        return f"Figure({self.key!r}: {self.alt_text})"


def glue_figure(key: str, chart: alt.TopLevelMixin, alt_text: str) -> None:
    """Glue ``chart`` under ``key`` (without displaying it) for a ``{glue:figure}`` directive."""
    from myst_nb import glue

    glue(key, Figure(key, chart, alt_text), display=False)


# ---------------------------------------------------------------------------------------------
# statistics shown in the figures


#: Confidence level of every interval in the figures.
CONFIDENCE = stats.LEVEL
CL = f"{CONFIDENCE:.0%}"


def wilson(count: int, nobs: int, alpha: float = 1 - CONFIDENCE) -> tuple[float, float]:
    """Wilson score interval of a proportion, in percent (:func:`trata.stats.wilson`); NaN
    when there is nothing to estimate from."""
    if nobs <= 0:
        return float("nan"), float("nan")
    lo, hi = stats.wilson(int(count), int(nobs), level=1 - alpha)
    return 100 * lo, 100 * hi


def _pct(x: float) -> str:
    return f"{x:.1f}%"


def _women(n: int) -> str:
    return f"{n} {'woman' if n == 1 else 'women'}"


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


# ---------------------------------------------------------------------------------------------
# Table 1: country of origin


def countries_data(study: Study) -> pd.DataFrame:
    """Table 1 without its total, with the Wilson interval of each share (level: CONFIDENCE)."""
    df = tables.table1(study)
    df = df[df["country"] != "Total"].copy()
    ci = [wilson(n, b) for n, b in zip(df["n"], df["base"])]
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
    rest = [f"{r.country} {r.n} ({_pct(r.share)})" for r in df.iloc[1:].itertuples()]
    return (f"Bar chart of the {base} interviewees by country of origin, with {CL} confidence intervals. "
            f"{first.country} has the largest share, {_women(first.n)} ({_pct(first.share)}, interval "
            f"{first.lo:.1f} to {first.hi:.1f}%), followed by {_join(rest)}.")


# ---------------------------------------------------------------------------------------------
# Table 2: characteristics of the interviewees

#: Printed column label -> label shown in the figure (the printed labels, flagged as such).
TABLE2_SHOWN = {"Median": "Median (as printed)", "Mean": "Mean (as printed)", "Mode": "Mode"}


def characteristics_data(study: Study) -> pd.DataFrame:
    """Table 2 as printed, one row per characteristic: min, max and the three printed centres."""
    t2 = tables.table2(study)
    df = pd.DataFrame({
        "variable": t2["variable"], "label": t2["label_as_printed"],
        "min": t2["Min."].astype(float), "max": t2["Max."].astype(float),
    })
    for printed, shown in TABLE2_SHOWN.items():
        df[shown] = t2[printed].astype(float)
    return df


def characteristics_chart(study: Study) -> alt.FacetChart:
    df = characteristics_data(study)
    shown = list(TABLE2_SHOWN.values())
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
    return (f"Range chart of the interviewees' characteristics as printed in the article's Table 2: "
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
    return (f"Map of Mexico shading the {len(df)} places named in the article's Table 3 by the number of "
            f"interviewees trafficked there, beside a bar chart sorted from most to fewest. "
            f"{top.state_as_printed} has the most, {_women(top.n)} ({_pct(top.share)} of interviewees), "
            f"followed by {_join(nxt)}; {ones} of the places have one woman each.")


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
    parts = [f"{r.bin_as_printed} months: {r.n} ({_pct(r.share)})" for r in df.itertuples()]
    top = df.sort_values("n", ascending=False).iloc[0]
    return (f"Bar chart of the number of interviewees by months between the events recounted and the escape, "
            f"in the article's bins: {'; '.join(parts)}. The largest group is {top.bin_as_printed} months.")


# ---------------------------------------------------------------------------------------------
# Table 5: leaders of the networks


def leaders_data(study: Study) -> pd.DataFrame:
    """Table 5 (the total row labelled "All networks") with a Wilson interval on the share of women."""
    df = tables.table5(study).copy()
    df["label"] = df["label"].where(df["network_type"] != "total", "All networks")
    ci = [wilson(f, t) for f, t in zip(df["female_n"], df["total_n"])]
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
    where = f"women led networks only among {_join(which)}" if which else "no type had a woman leader"
    return (f"Bar chart of the {tot.total_n} networks by type and sex of the leader, with the share led by women "
            f"and its {CL} confidence interval. Men led {tot.male_n} and women {tot.female_n} "
            f"({_pct(tot.female_share)}, interval {tot.female_lo:.1f} to {tot.female_hi:.1f}%); {where}.")


#: The annex figures: glue key -> (chart builder, alt-text builder).
ANNEX = {
    "fig_countries": (countries_chart, countries_alt),
    "fig_characteristics": (characteristics_chart, characteristics_alt),
    "fig_states": (states_chart, states_alt),
    "fig_escape": (escape_chart, escape_alt),
    "fig_leaders": (leaders_chart, leaders_alt),
}
