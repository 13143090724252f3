"""How a chart is placed on a page (the theme is :mod:`trata.present.theme`; the charts of each
chapter are in :mod:`trata.present.figures`).

Every figure of the book is an Altair chart built with the theme registered here and placed with
a :class:`Figure`, glued by a chapter under its key: an object carrying three renderings of the same chart:

* ``text/html`` for the web: a container with the Vega-Lite specification of each layout as JSON
  (drawn live by ``book/_static/trata-figures.js`` with the Vega libraries the site serves itself,
  in the narrow layout when the container is narrower than :data:`NARROW_BELOW`), the static SVG of
  each layout rendered at build time with vl-convert (shown while JavaScript is off, chosen by a
  container query, and used for printing), the text alternative as the container's accessible
  name, and below the chart the toolkit (:mod:`trata.present.figkit`): links to the figure's SVG,
  PNG and CSV and a table of the data it plots;
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

import html
import json
import re

import altair as alt
import vl_convert as vlc

from ..core import mapfile
from . import figkit
from .theme import FONT, STATIC_FONT, config

# ---------------------------------------------------------------------------------------------
# placing a chart on a page

#: The Vega-Lite version Altair's schema targets, as vl-convert names it ("6.4").
VL_VERSION = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])

#: Where the map's boundaries are served from, relative to the site's root; the page script
#: resolves data URLs against the site root and refuses any other host.
MAP_URL = "_static/mex.topo.json"
MAP_OBJECT = mapfile.OBJECT


def _inline_local_data(spec):
    """A copy of ``spec`` with the served map replaced by its content, for rendering offline."""
    if isinstance(spec, dict):
        if spec.get("url") == MAP_URL:
            out = {k: v for k, v in spec.items() if k != "url"}
            out["values"] = mapfile.topology()
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


def static_svg(spec: dict) -> str:
    """The chart drawn at build time (light theme, white background), as an SVG document; ``spec``
    as :func:`drawn_spec` gives it."""
    svg = vlc.vegalite_to_svg(spec, vl_version=VL_VERSION)
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


# ---------------------------------------------------------------------------------------------
# layouts chosen by width

#: Below this width of its container (CSS px) a figure takes its narrow layout, when it has one;
#: the page script and the static drawing's container query use the same threshold.
NARROW_BELOW = 600

#: The width a chart sized to its container (``width: "container"``) is drawn at, at build time.
STATIC_WIDTH = {"wide": 640, "narrow": 340}


def _fixed_width(spec, width: int):
    """A copy of ``spec`` with every ``width: "container"`` replaced by ``width`` pixels."""
    if isinstance(spec, dict):
        return {k: (width if k == "width" and v == "container" else _fixed_width(v, width)) for k, v in spec.items()}
    if isinstance(spec, list):
        return [_fixed_width(v, width) for v in spec]
    return spec


def drawn_spec(spec: dict, layout: str = "wide") -> dict:
    """The specification as drawn at build time: local data inlined, Arial-metric fonts, and a chart
    sized to its container drawn :data:`STATIC_WIDTH` pixels wide in all (axes and legends included)."""
    if spec.get("width") == "container":
        spec = {**_fixed_width(spec, STATIC_WIDTH[layout]), "autosize": {"type": "fit-x", "contains": "padding"}}
    return _static_spec(spec)


def static_png(spec: dict, layout: str = "wide", scale: float = 2) -> bytes:
    """The chart drawn at build time as a PNG (light theme, white background), ``scale`` times its size."""
    return vlc.vegalite_to_png(drawn_spec(spec, layout), vl_version=VL_VERSION, scale=scale)


def spec_json(spec: dict) -> str:
    """A specification as JSON that is safe inside a ``<script>`` element."""
    data = json.dumps(spec, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return data.replace("</", "<\\/").replace("<!--", "<\\u0021--")


def spec_from_json(text: str) -> dict:
    return json.loads(text)


# ---------------------------------------------------------------------------------------------
# the figure


class Figure:
    """A chart ready for the page: its specification (one per layout), static SVG, text alternative
    and, when ``plotted`` is given, the toolkit (downloads and a table of the data it plots).

    ``narrow`` is the same chart laid out for a container narrower than :data:`NARROW_BELOW`.
    """

    def __init__(self, key: str, chart: alt.TopLevelMixin, alt_text: str, *, narrow: alt.TopLevelMixin | None = None,
                 plotted: figkit.Plotted | None = None):
        if not alt_text or not alt_text.strip():
            raise ValueError(f"figure {key!r} needs a text alternative")
        self.key = key
        self.alt_text = " ".join(alt_text.split())
        self.spec = spec_of(chart, self.alt_text)
        self.narrow_spec = spec_of(narrow, self.alt_text) if narrow is not None else None
        self.svg = static_svg(drawn_spec(self.spec, "wide"))
        self.narrow_svg = static_svg(drawn_spec(self.narrow_spec, "narrow")) if self.narrow_spec else None
        self.plotted = plotted
        if plotted is not None:
            plotted.check_against(self.spec)

    @property
    def html_id(self) -> str:
        return "trata-fig-" + re.sub(r"[^A-Za-z0-9_-]+", "-", self.key)

    def layouts(self) -> list[tuple[str, dict, str]]:
        out = [("wide", self.spec, self.svg)]
        if self.narrow_spec is not None:
            out.append(("narrow", self.narrow_spec, self.narrow_svg))
        return out

    def _static(self, layout: str, svg: str) -> str:
        svg = re.sub(r"^<\?xml[^>]*>\s*", "", svg)
        svg = _unique_ids(svg, f"{self.html_id}-{layout}-")
        svg = svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)
        return f'<div class="trata-figure-static trata-figure-static--{layout}">{svg}</div>'

    def html(self) -> str:
        layouts = self.layouts()
        scripts = "".join(
            f'<script type="application/json" class="trata-figure-spec" data-layout="{name}"'
            + (f' data-max-width="{NARROW_BELOW - 1}"' if name == "narrow" else "")
            + f">{spec_json(spec)}</script>" for name, spec, _ in layouts)
        statics = "".join(self._static(name, svg) for name, _, svg in layouts)
        alt_attr = html.escape(self.alt_text, quote=True)
        fig = (f'<div class="trata-figure" id="{self.html_id}" role="img" aria-label="{alt_attr}">'
               f"{scripts}{statics}"
               f'<div class="trata-figure-live" aria-hidden="true"></div>'
               f"</div>")
        if self.plotted is None:
            return fig
        return (f'<div class="trata-figure-block" data-figure="{html.escape(self.key)}">{fig}'
                f"{figkit.toolkit_html(self.key, self.html_id, self.plotted)}</div>")

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/html": self.html(), "image/svg+xml": self.svg,
                "text/plain": self.alt_text}

    def __repr__(self) -> str:
        return f"Figure({self.key!r}: {self.alt_text})"
