"""The quoted excerpts as the reader sees them: a block quotation with its attribution, and the
excerpt explorer (every excerpt as a plain HTML list, with filters a small script reveals).

Excerpt text is data: it is escaped for MyST or for HTML, never passed through as markup, and
shown exactly as it is written (no typographic quotes, no math, no list or heading from wrapping).
"""

from __future__ import annotations

import html

from IPython.display import Markdown

from ..core import messages
from ..data.study import Study
from ..derive.readers import excerpts, network_types
from .text import VERBATIM, escape_md

#: The words around the excerpts (attribution, the explorer's labels).
W = messages.labels("excerpts")


def quote(study: Study, excerpt_id: str) -> Markdown:
    """One excerpt as a block quotation with its attribution, for ``{glue:md}``.

    The text is taken verbatim from the data; the attribution gives the pseudonym and the year as
    the article cites them, and says so when the article's list of interviewees gives another year.
    """
    df = excerpts(study).set_index("excerpt_id")
    if excerpt_id not in df.index:
        raise KeyError(f"no excerpt '{excerpt_id}' in excerpts.csv")
    r = df.loc[excerpt_id]
    note = ""
    if bool(r["year_differs"]):
        note = W["quote_listed_under"].format(year=r["roster_year"])
    return Markdown(quotation(r["text"], r["pseudonym"], r["year_as_cited"], note))


def quotation(text: str, pseudonym: str, year, note: str = "") -> str:
    """A block quotation of ``text`` with its attribution, as MyST that shows exactly its characters.

    One line, every special character escaped: nothing in the text can become markup, math, a
    list or a heading; the container's class keeps Sphinx's smart quotes off (``trata.book.verbatim``).
    """
    note = f" {escape_md(note)}" if note else ""
    attribution = W["quote_attribution"].format(pseudonym=escape_md(pseudonym), year=escape_md(year), note=note)
    return "\n".join([f"````{{container}} {VERBATIM}", f"> {escape_md(text)}", ">", f"> {attribution}", "````"])


def excerpt_explorer(study: Study, html_id: str = "profile-excerpt-explorer") -> str:
    """Every excerpt as a plain HTML list, with filter controls that a small script reveals.

    Without JavaScript the reader sees the full list, each excerpt with its pseudonym, year,
    network type and themes; the filter form is ``hidden`` until ``trata-excerpts.js`` shows it.
    """
    df = excerpts(study)
    types = network_types(study)
    e = html.escape
    themes_words = messages.labels("themes")
    used_themes = [t for t in themes_words if any(t in lst for lst in df["theme_list"])]
    out = [f'<div class="trata-excerpts {VERBATIM} tex2jax_ignore mathjax_ignore" id="{e(html_id)}">',
           '<form class="trata-excerpts-filters" hidden>',
           f'<div class="trata-excerpts-filter"><label for="{e(html_id)}-type">{e(W["type"])}</label>'
           f'<select id="{e(html_id)}-type" data-filter="network"><option value="">{e(W["all_types"])}</option>']
    for t in types.itertuples():
        out.append(f'<option value="{e(t.network_type)}">{e(t.label)}</option>')
    out.append("</select></div>")
    out.append(f'<div class="trata-excerpts-filter"><label for="{e(html_id)}-theme">{e(W["theme"])}</label>'
               f'<select id="{e(html_id)}-theme" data-filter="theme"><option value="">{e(W["all_themes"])}</option>')
    for t in used_themes:
        out.append(f'<option value="{e(t)}">{e(themes_words[t])}</option>')
    out.append("</select></div>")
    out.append('<p class="trata-excerpts-count" role="status" aria-live="polite"></p>')
    out.append("</form>")
    out.append('<ol class="trata-excerpts-list">')
    for r in df.itertuples():
        year = f"{r.year_as_cited}"
        if r.year_differs:
            year += "; " + W["listed_under"].format(year=r.roster_year)
        themes = ", ".join(themes_words[t] for t in r.theme_list)
        out.append(f'<li id="excerpt-{e(r.excerpt_id)}" data-network="{e(r.network_type)}" data-themes="{e(" ".join(r.theme_list))}">'
                   f"<blockquote><p>{e(r.text)}</p></blockquote>"
                   f'<p class="trata-excerpt-meta">— {e(r.pseudonym)} ({e(year)}). '
                   f"<strong>{e(W['type'])}:</strong> {e(r.type_label)}. <strong>{e(W['themes'])}:</strong> {e(themes)}."
                   + (f" <em>{e(W['note'])}:</em> {e(r.note)}" if r.note else "") + "</p></li>")
    out.append("</ol></div>")
    return "\n".join(out)
