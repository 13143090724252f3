"""Sphinx extension: the page head and body fixes of the site (list semantics for the reference
list, early fetching of the Vega libraries on pages with figures), and the site's own assets."""

from __future__ import annotations

from sphinx.application import Sphinx


def on_html_page_context(app, pagename, templatename, context, doctree):
    """Reference-list entries as list items for assistive technology.

    Docutils gives each entry ``role="doc-biblioentry"`` inside a ``role="list"``; ARIA 1.3
    deprecates that role, so the list would have no items (axe-core: aria-required-children).
    """
    body = context.get("body")
    if body and 'role="doc-biblioentry"' in body:
        context["body"] = body.replace('role="doc-biblioentry"', 'role="listitem"')
    # Pages with figures ask for the Vega libraries while the page is still being parsed, so that
    # trata-figures.js finds them fetched (or nearly) when it runs; other pages fetch nothing.
    if body and 'class="trata-figure' in body and "pathto" in context:
        links = "".join(f'<link rel="preload" as="script" href="{context["pathto"]("_static/vendor/" + name, 1)}" />\n'
                        for name in ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js"))
        context["metatags"] = context.get("metatags", "") + links


def setup(app: Sphinx):
    app.connect("html-page-context", on_html_page_context)
    app.add_js_file("trata-figures.js", loading_method="defer")
    app.add_css_file("trata.css")
    return {"version": "0.3", "parallel_read_safe": True, "parallel_write_safe": True}
