"""Sphinx extension: the files of every figure's toolkit, written into ``_static/figures/``.

A figure glued on a page (:class:`trata.present.figure.Figure`) carries its Vega-Lite
specification and, in its toolkit, the data it plots. When a page is written, this extension
finds each figure in the page's body, draws its wide layout with vl-convert as SVG and PNG, writes
the data as CSV (a first line naming the source and the edition's version, from ``VERSION``), and
points the toolkit's links at these files with paths relative to the page. The files are made
from the page itself, so they always show what the page shows; the same page gives the same bytes.

The toolkit's own styles (``trata-figkit.css``) are added to every page.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from sphinx.application import Sphinx

from ..present import figkit
from ..present.figure import drawn_spec, spec_from_json, static_png, static_svg

#: Where the files go, under the site's root.
FOLDER = "_static/figures"

_BLOCK = re.compile(r'<div class="trata-figure-block" data-figure="([^"]+)">(.*?)<div class="trata-figkit">', re.S)
_SPEC = re.compile(r'<script type="application/json" class="trata-figure-spec" data-layout="wide">(.*?)</script>', re.S)


def edition_version(app: Sphinx) -> str:
    path = Path(app.confdir) / "VERSION"
    return path.read_text(encoding="utf-8").strip() if path.exists() else ""


def _csv_of(block: str, version: str) -> bytes | None:
    m = re.search(r'<div hidden class="trata-figure-csv" data-source="([^"]*)">(.*?)</div>', block, re.S)
    if not m:
        return None
    body = html.unescape(m.group(2))
    return (figkit.source_line(html.unescape(m.group(1)), version) + "\n" + body).encode("utf-8")


def on_html_page_context(app: Sphinx, pagename, templatename, context, doctree):
    body = context.get("body")
    if not body or figkit.FILES_PREFIX not in body or "pathto" not in context:
        return
    out = Path(app.outdir) / FOLDER
    out.mkdir(parents=True, exist_ok=True)
    version = edition_version(app)
    for m in _BLOCK.finditer(body):
        key, block = html.unescape(m.group(1)), m.group(2)
        spec_text = _SPEC.search(block)
        if spec_text is None:
            continue
        spec = spec_from_json(spec_text.group(1))
        files = {f"{key}.svg": static_svg(drawn_spec(spec, "wide")).encode("utf-8"), f"{key}.png": static_png(spec, "wide")}
        csv = _csv_of(body[m.start():], version)
        if csv is not None:
            files[f"{key}.csv"] = csv
        for name, data in files.items():
            target = out / name
            if not target.exists() or target.read_bytes() != data:
                target.write_bytes(data)
    prefix = context["pathto"](FOLDER + "/", 1)
    context["body"] = body.replace(figkit.FILES_PREFIX, prefix if prefix.endswith("/") else prefix + "/")


def setup(app: Sphinx):
    app.connect("html-page-context", on_html_page_context)
    app.add_css_file("trata-figkit.css")
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
