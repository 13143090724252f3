"""The Spanish edition: its catalogues (gates that need no build) and the two editions as built.

Catalogue gates: every page of the book has its catalogue; no entry is untranslated or fuzzy; no
message has a digit in its words (numbers come from the data, through the glue roles, never from
a catalogue: digits are allowed only inside roles, inline code and link targets); every role of a
message is in its translation; the glossary's fixed terms are used. Built gates: every English
page has its Spanish counterpart, linked both ways; Spanish pages say lang="es-MX", have a Spanish
search index, and none of the English interface strings; the annex tables and the glued numbers
of every page are the same in both editions.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

import htmlpage
import pytest
from babel.messages.pofile import read_po

from trata.book.locales import INTERFACE, pending

ROOT = Path(__file__).resolve().parents[1]
CATALOGUES = ROOT / "locale" / "es_MX" / "LC_MESSAGES"
PAGES = sorted([*(ROOT / "notebooks").glob("*.md"), *(ROOT / "book").glob("*.md")])
ROLE = re.compile(r"\{[a-z:-]+\}`[^`]*`")
MARKUP = re.compile(r"\{[a-z:-]+\}`[^`]*`|`[^`]*`|\]\([^)]*\)|<https?://[^>]*>")


def catalogue(page: Path):
    rel = page.relative_to(ROOT).with_suffix(".po")
    with (CATALOGUES / rel).open("rb") as fh:
        return [m for m in read_po(fh, locale="es_MX") if m.id]


def entries():
    for page in PAGES:
        for m in catalogue(page):
            yield page.relative_to(ROOT).as_posix(), m


def test_every_page_has_a_catalogue_and_no_other_catalogue_exists():
    pages = {p.relative_to(ROOT).with_suffix(".po").as_posix() for p in PAGES}
    found = {p.relative_to(CATALOGUES).as_posix() for p in CATALOGUES.rglob("*.po")} - set(INTERFACE)
    assert found == pages


def test_no_entry_is_untranslated_or_fuzzy():
    missing = [f"{page}: {m.id[:60]}" for page, m in entries() if not m.string or "fuzzy" in m.flags]
    assert missing == []


def test_no_translation_brings_a_number_of_its_own():
    """Every digit of a translation is in its English: numbers come from the data (glue roles),
    never from a catalogue. (The English prose still names a few non-data numbers in its words,
    such as Tables A1 to A5, years of laws and exit statuses; they pass through unchanged.)"""
    def digits(text):
        return Counter(re.findall(r"\d+", MARKUP.sub("", text or "")))
    added = [f"{page}: {m.id[:70]}" for page, m in entries() if digits(m.string) - digits(m.id)]
    assert added == []


def test_every_role_survives_the_translation():
    def roles(text):  # a reference's own text may be translated: {ref}`texto <label>`
        return Counter(re.sub(r"`[^`<]*<([^>]+)>`", r"`\1`", r) for r in ROLE.findall(text))
    changed = [f"{page}: {m.id[:70]}" for page, m in entries() if roles(m.id) != roles(m.string)]
    assert changed == []


def test_the_glossary_is_used():
    """locale/glossary.csv: an English term, and the Spanish the translation must use wherever the
    term occurs (a regular expression, for the forms Spanish needs: victimari[oa]s)."""
    with (ROOT / "locale" / "glossary.csv").open(encoding="utf-8", newline="") as fh:
        glossary = list(csv.DictReader(fh))
    assert len(glossary) >= 10
    wrong = []
    for page, m in entries():
        for term in glossary:
            if re.search(rf"\b{re.escape(term['english'])}\b", MARKUP.sub("", m.id), re.I):
                if not re.search(term["spanish"], m.string, re.I):
                    wrong.append(f"{page}: {term['english']!r} without {term['spanish']!r}: {m.id[:50]}")
    assert wrong == []


def test_glued_values_are_made_pending_in_the_build_copy():
    text = "A woman led {glue:text}`leadership_women` of {glue:text}`n:.1f` ({glue}`fig`)."
    assert pending(text, "notebooks/leadership.md") == (
        "A woman led {glue:text}`/notebooks/leadership.md::leadership_women:s` of "
        "{glue:text}`/notebooks/leadership.md::n:.1f` ({glue}`/notebooks/leadership.md::fig`).")


# --- the two editions, built ----------------------------------------------------------------------

def html_pages(site: Path):
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if p.relative_to(site).parts[0] not in ("es", "_static", "_sources", "downloads"))


@pytest.mark.build
def test_every_page_has_its_counterpart_linked_both_ways(site):
    for rel in html_pages(site):
        en, es = site / rel, site / "es" / rel
        assert es.is_file(), f"no Spanish page for {rel}"
        if rel == "index.html":  # the redirect to the home page, in each edition
            continue
        for page, other in ((en, es), (es, en)):
            links = {a["hreflang"]: a["href"] for a in htmlpage.soup(page).select("a.trata-language")}
            assert len(links) == 1, f"{page}: {links}"
            assert (page.parent / next(iter(links.values()))).resolve() == other.resolve()
            alternates = {link["hreflang"]: link["href"] for link in htmlpage.soup(page).select('link[rel="alternate"]')}
            assert set(alternates) == {"en", "es-MX"}
            assert (page.parent / alternates["es-MX"]).resolve() == es.resolve()


ENGLISH_INTERFACE = ["Search this book", "Toggle primary sidebar", "Toggle secondary sidebar", "Contents",
                     "Download this page", "Back to top", "Skip to main content", "previous page", "next page",
                     "Downloads", "Color mode", "Print to PDF", "Fullscreen mode", "Content note",
                     "The edition's analysis", "Read this page in"]


@pytest.mark.build
def test_spanish_pages_are_spanish(site):
    assert "SpanishStemmer" in (site / "es" / "_static" / "language_data.js").read_text(encoding="utf-8")
    assert (site / "es" / "searchindex.js").is_file()
    for rel in html_pages(site):
        if rel == "index.html":  # a redirect to the home page, no text
            continue
        raw = (site / "es" / rel).read_text(encoding="utf-8")
        assert '<html lang="es-MX"' in raw, rel
        assert "La trata sexual en México" in htmlpage.soup(site / "es" / rel).title.get_text(), rel
        soup = htmlpage.fragment(raw)
        for kept in soup.select(".trata-untranslated"):  # the record of changes, kept in English
            kept.decompose()
        raw = str(soup)
        left = [s for s in ENGLISH_INTERFACE if s in raw]
        assert left == [], f"es/{rel}: {left}"


def numbers(page: Path) -> Counter:
    """The numbers a page shows in its tables and in its glued text."""
    soup = htmlpage.soup(page)
    found = Counter()
    for node in soup.select("main table td, main span.pasted-text"):
        found.update(re.findall(r"\d+(?:\.\d+)?", node.get_text()))
    return found


@pytest.mark.build
def test_the_numbers_are_the_same_in_both_editions(site):
    for rel in html_pages(site):
        if rel.startswith(("notebooks/", "book/intro")):
            assert numbers(site / "es" / rel) == numbers(site / rel), rel
