"""Sphinx extension: every page says which data it shows when they are not the article's.

When the data package the book is built from does not reproduce the article's printed tables
(:mod:`trata.analyse.provenance`), every HTML page opens with a note naming the package from its
descriptor (title, version, date) and saying that its numbers are that package's, not the
article's. Built from the article's own data, the pages carry no note.

The note's text is a config value set when the configuration is read, so a change of data that
changes the note marks every page for rewriting (a config value of rebuild kind ``env``).
"""

from __future__ import annotations

import html

from sphinx.application import Sphinx

from ..analyse import provenance
from ..core import messages as M
from ..data.validate import load


def note_text(prov: provenance.Provenance) -> str:
    """The note, in plain text ('' for the article's own data)."""
    if prov.reproduces:
        return ""
    return M.text("databanner.note", name=prov.name, cells=prov.cells)


def on_config_inited(app: Sphinx, config) -> None:
    config.trata_data_note = note_text(provenance.of(load()))


def on_html_page_context(app, pagename, templatename, context, doctree):
    note = app.config.trata_data_note
    body = context.get("body")
    if note and body is not None:
        context["body"] = (f'<div class="admonition note trata-data-note" role="note"><p class="admonition-title">'
                           f'{html.escape(M.text("databanner.title"))}</p><p>{html.escape(note)}</p></div>\n' + body)


def setup(app: Sphinx):
    app.add_config_value("trata_data_note", "", "env")
    app.connect("config-inited", on_config_inited)
    app.connect("html-page-context", on_html_page_context)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
