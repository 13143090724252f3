"""The book's theme for figures: colour-blind safe (the Okabe–Ito palette), light and dark.

The light variant is the chart's own configuration; the dark one travels with the chart in
``usermeta.trata.dark`` and the page script swaps it in when the reader's theme is dark
(:mod:`trata.present.figure`).
"""

from __future__ import annotations

import altair as alt

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
                   "orient": "bottom", "direction": "horizontal", "gradientLength": 220,
                   # symbols of a legend no colour scale fills (a legend of shapes) in the text's colour,
                   # not Vega's default black, which vanishes on the dark page
                   "symbolFillColor": c["text"], "symbolStrokeColor": c["text"]},
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
                  # the map's markers: an outline in the text colour, legible on every shade of the map
                  # (over a halo in the page's colour, so that one of the two reads on every shade)
                  "map-marker": {"color": c["text"], "stroke": c["text"], "strokeWidth": 1.5, "filled": False,
                                 "opacity": 1},
                  "map-marker-halo": {"color": c["stroke"], "stroke": c["stroke"], "strokeWidth": 4, "filled": False,
                                      "opacity": 1},
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
