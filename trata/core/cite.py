"""References in the language of the edition: APA 7 runs and BibTeX entries of ``CITATION.cff``
entries, names and dates, with every word from the message table.

An APA reference is a list of (text, style) runs, style None or "em", so that the same reference
becomes docutils nodes on the page and plain text elsewhere. The English edition follows APA 7;
the Spanish one the APA 7 Spanish conventions ("y" for "&", "Trad." for "Trans.", "Versión"). The
BibTeX entries are the same in both editions.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from babel.dates import format_date

from . import messages as M

#: The Babel locale of each language of the message table.
LOCALES = {"en": "en", "es": "es_MX"}

Runs = list[tuple[str, str | None]]


def long_date(value: str | date, lang: str = "en") -> str:
    """A date (``YYYY-MM-DD`` or a ``date``) as the edition writes it: ISO in English,
    "6 de mayo de 2031" in Spanish."""
    day = date.fromisoformat(value) if isinstance(value, str) else value
    return format_date(day, format=M.text("cite.date_format", lang), locale=LOCALES[lang])


def initials(given: str) -> str:
    return " ".join(f"{part[0]}." for part in re.split(r"[\s]+", given.strip()) if part)


def apa_person(p: dict, inverted: bool = True) -> str:
    if "name" in p:
        return p["name"]
    family, given = p.get("family-names", ""), p.get("given-names", "")
    return f"{family}, {initials(given)}" if inverted else f"{initials(given)} {family}"


def apa_names(people: list[dict], inverted: bool = True, lang: str = "en") -> str:
    names = [apa_person(p, inverted) for p in people]
    if len(names) == 1:
        return names[0]
    # APA: "A, B., & C, D."; "(B. A & D. C, Trans.)"; in Spanish "A, B. y C, D."
    last = M.text("cite.and_serial", lang) if inverted or len(names) > 2 else M.text("cite.and_pair", lang)
    return ", ".join(names[:-1]) + last + names[-1]


def doi_url(doi: str) -> str:
    return f"https://doi.org/{doi}"


def end(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else text + "."


def apa_work(authors: list[dict], year: str, title: str, version: str, url: str | None,
             lang: str = "en") -> Runs:
    """APA 7 reference of a version of software/data: authors, year, title, version, kind, URL."""
    runs: Runs = [(f"{end(apa_names(authors, lang=lang))} ({year}). ", None), (title, "em"),
                  (M.text("cite.version_kind", lang, version=version), None)]
    if url:
        runs.append((" " + url, None))
    return runs


def apa_article(ref: dict, lang: str = "en") -> Runs:
    """APA 7 reference of a journal article given as a CITATION.cff reference."""
    runs: Runs = [(f"{apa_names(ref['authors'], lang=lang)} ({ref['year']}). ", None)]
    title = ref["title"]
    if ref.get("translators"):
        names = apa_names(ref["translators"], False, lang)
        role = (M.text("cite.translator", lang, names=names) if len(ref["translators"]) == 1
                else M.text("cite.translators", lang, names=names))
        title = f"{title} ({role})"
    runs.append((end(title) + " ", None))
    runs.append((ref["journal"], "em"))
    if ref.get("volume") is not None:
        runs += [(", ", None), (str(ref["volume"]), "em")]
    if ref.get("issue") is not None:
        runs.append((f"({ref['issue']})", None))
    runs.append((".", None))
    if ref.get("doi"):
        runs.append((" " + doi_url(ref["doi"]), None))
    return runs


def plain(runs: Runs) -> str:
    return "".join(text for text, _ in runs)


def bib_person(p: dict) -> str:
    if "name" in p:
        return "{" + p["name"] + "}"
    return f"{p['family-names']}, {p['given-names']}"


def bibtex(kind: str, key: str, fields: list[tuple[str, object]]) -> str:
    body = ",\n".join(f"  {name:<9}= {{{value}}}" for name, value in fields if value not in (None, ""))
    return f"@{kind}{{{key},\n{body}\n}}"


def bibtex_article(ref: dict, key: str) -> str:
    """BibTeX entry of a journal article given as a CITATION.cff reference."""
    names = " and ".join(bib_person(p) for p in ref["authors"])
    note = ref.get("notes", "")
    if ref.get("translators"):
        translators = " and ".join(f"{p['given-names']} {p['family-names']}" for p in ref["translators"])
        note = (end(note) + " " if note else "") + f"English translation by {translators}"
    fields = [("author", names), ("title", "{" + ref["title"] + "}"), ("journal", ref["journal"]),
              ("volume", ref.get("volume")), ("number", ref.get("issue")), ("year", ref["year"]),
              ("issn", ref.get("issn")), ("doi", ref.get("doi")), ("note", note)]
    return bibtex("article", key, fields)


def article_key(ref: dict) -> str:
    """The bibliography key rule of the book: first author's surname, ASCII lowercase, + year."""
    family = ref["authors"][0]["family-names"].split("-")[0]
    ascii_ = unicodedata.normalize("NFKD", family).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z]", "", ascii_) + str(ref["year"])
