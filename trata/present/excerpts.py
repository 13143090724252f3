"""The quoted excerpts as the reader sees them: a block quotation with its attribution, and the
excerpt explorer (every excerpt as a plain HTML list, with filters a small script reveals).

Excerpt text is data: it is escaped for MyST or for HTML, never passed through as markup, and
shown exactly as it is written (no typographic quotes, no math, no list or heading from wrapping).

The excerpts are the English edition of the article's words. An edition in another language shows
the edition's own translation of each (``locale/<locale>/excerpts.csv``, keyed by excerpt id: the
repository's file, not the data package's), always marked as the edition's translation, with a
note once a page that the women's original words are in the article's Spanish original; an excerpt
the edition has not translated (a new data package's) is shown in English, marked as such.
"""

from __future__ import annotations

import csv
import html
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from IPython.display import Markdown

from ..core import messages
from ..core.paths import REPO_ROOT
from ..data.study import Study
from ..derive.readers import excerpts, network_types
from .text import VERBATIM, escape_md

#: The words around the excerpts (attribution, the explorer's labels).
W = messages.labels("excerpts")

#: The language the excerpts are written in (the English edition of the article).
SOURCE_LANGUAGE = "en"
#: The edition's translations of the excerpts, by language: the file of the edition's locale.
TRANSLATIONS = {"es": REPO_ROOT / "locale" / "es_MX" / "excerpts.csv"}


@cache
def _read_translations(path: Path, mtime_ns: int) -> dict[str, str]:
    with path.open(encoding="utf-8", newline="") as f:
        return {r["excerpt_id"]: r["text_es"].strip() for r in csv.DictReader(f) if (r.get("text_es") or "").strip()}


def translations(lang: str | None = None) -> dict[str, str]:
    """The edition's translations of the excerpts into ``lang`` (the edition's language): excerpt id -> text."""
    lang = lang or messages.current()
    path = TRANSLATIONS.get(lang)
    if path is None or not path.is_file():
        return {}
    return dict(_read_translations(path, path.stat().st_mtime_ns))


@dataclass(frozen=True)
class Shown:
    """An excerpt as the edition shows it: its text, and the mark that follows it ("" in English)."""

    text: str
    mark: str = ""

    @property
    def plain(self) -> str:
        return f"{self.text} {self.mark}" if self.mark else self.text


def translated(lang: str | None = None) -> bool:
    """Whether the edition in ``lang`` shows the excerpts in another language than the article's words."""
    return (lang or messages.current()) != SOURCE_LANGUAGE


def shown(excerpt_id: str, text: str, lang: str | None = None) -> Shown:
    """The text of one excerpt as the edition in ``lang`` shows it.

    In English, the excerpt as the data gives it, unmarked. In another language, the edition's
    translation marked as such; without one, the English text, marked as not translated.
    """
    lang = lang or messages.current()
    if not translated(lang):
        return Shown(text)
    words = messages.labels("excerpts", lang)
    es = translations(lang).get(excerpt_id)
    if es:
        return Shown(es, words["translated_mark"])
    return Shown(text, words["untranslated_mark"])


def translation_note(lang: str | None = None) -> str:
    """The note, once a page, that the excerpts are the edition's translation ("" in English)."""
    lang = lang or messages.current()
    return messages.labels("excerpts", lang)["translation_note"] if translated(lang) else ""


def quote(study: Study, excerpt_id: str, page_note: bool = False) -> Markdown:
    """One excerpt as a block quotation with its attribution, for ``{glue:md}``.

    The text is taken verbatim from the data (in another language, the edition's translation,
    marked: :func:`shown`); the attribution gives the pseudonym and the year as the article cites
    them, and says so when the article's list of interviewees gives another year. With
    ``page_note``, the page's one note on the translation follows the quotation.
    """
    df = excerpts(study).set_index("excerpt_id")
    if excerpt_id not in df.index:
        raise KeyError(f"no excerpt '{excerpt_id}' in excerpts.csv")
    r = df.loc[excerpt_id]
    note = ""
    if bool(r["year_differs"]):
        note = W["quote_listed_under"].format(year=r["roster_year"])
    s = shown(excerpt_id, r["text"])
    md = quotation(s.text, r["pseudonym"], r["year_as_cited"], note, mark=s.mark)
    if page_note and translation_note():
        md += f"\n\n{escape_md(translation_note())}"
    return Markdown(md)


def quotation(text: str, pseudonym: str, year, note: str = "", mark: str = "") -> str:
    """A block quotation of ``text`` with its attribution, as MyST that shows exactly its characters.

    One line, every special character escaped: nothing in the text can become markup, math, a
    list or a heading; the container's class keeps Sphinx's smart quotes off (``trata.book.verbatim``).
    A ``mark`` (the edition's translation, or not translated) follows the text, in italics.
    """
    mark = f" *{escape_md(mark)}*" if mark else ""
    note = f" {escape_md(note)}" if note else ""
    attribution = W["quote_attribution"].format(pseudonym=escape_md(pseudonym), year=escape_md(year), note=note)
    return "\n".join([f"````{{container}} {VERBATIM}", f"> {escape_md(text)}{mark}", ">", f"> {attribution}", "````"])


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
    if translation_note():
        out.append(f'<p class="trata-excerpts-translation-note">{e(translation_note())}</p>')
    out.append('<ol class="trata-excerpts-list">')
    for r in df.itertuples():
        year = f"{r.year_as_cited}"
        if r.year_differs:
            year += "; " + W["listed_under"].format(year=r.roster_year)
        themes = ", ".join(themes_words[t] for t in r.theme_list)
        s = shown(r.excerpt_id, r.text)
        mark = f" <em>{e(s.mark)}</em>" if s.mark else ""
        out.append(f'<li id="excerpt-{e(r.excerpt_id)}" data-network="{e(r.network_type)}" data-themes="{e(" ".join(r.theme_list))}">'
                   f"<blockquote><p>{e(s.text)}{mark}</p></blockquote>"
                   f'<p class="trata-excerpt-meta">— {e(r.pseudonym)} ({e(year)}). '
                   f"<strong>{e(W['type'])}:</strong> {e(r.type_label)}. <strong>{e(W['themes'])}:</strong> {e(themes)}."
                   + (f" <em>{e(W['note'])}:</em> {e(r.note)}" if r.note else "") + "</p></li>")
    out.append("</ol></div>")
    return "\n".join(out)
