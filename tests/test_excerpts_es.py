"""The interviewees' words in the Spanish edition: every excerpt has the edition's translation,
shown marked as the edition's translation (never as the women's own words), with a note on where
their original words are; an excerpt without a translation is shown in English, marked as such."""

from __future__ import annotations

import csv
import html
import re

import pytest

from trata.core import messages
from trata.core.messages_es import ES
from trata.core.paths import REPO_ROOT
from trata.present import excerpts as X

DATA = REPO_ROOT / "data" / "excerpts.csv"
TRANSLATIONS = REPO_ROOT / "locale" / "es_MX" / "excerpts.csv"
MARK = ES["excerpts"]["translated_mark"]
UNTRANSLATED = ES["excerpts"]["untranslated_mark"]


def _read(path):
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


ENGLISH = {r["excerpt_id"]: r["text"] for r in _read(DATA)}
SPANISH = {r["excerpt_id"]: r["text_es"] for r in _read(TRANSLATIONS)}


def _unescape(md: str) -> str:
    return re.sub(r"\\(.)", r"\1", md)


@pytest.fixture
def es(monkeypatch):
    monkeypatch.setenv(messages.ENV_VAR, "es")


def test_the_file_has_its_columns_and_one_row_per_id():
    rows = _read(TRANSLATIONS)
    assert list(rows[0]) == ["excerpt_id", "text_es"]
    assert len({r["excerpt_id"] for r in rows}) == len(rows)
    assert set(SPANISH) <= set(ENGLISH)


@pytest.mark.parametrize("excerpt_id", sorted(ENGLISH))
def test_every_excerpt_has_a_translation(excerpt_id):
    assert SPANISH.get(excerpt_id, "").strip()
    assert SPANISH[excerpt_id].strip() != ENGLISH[excerpt_id].strip()


@pytest.mark.parametrize("excerpt_id", sorted(ENGLISH))
def test_no_digit_or_mark_the_english_lacks(excerpt_id):
    en, es = ENGLISH[excerpt_id], SPANISH[excerpt_id]
    assert sorted(re.findall(r"\d+", es)) == sorted(re.findall(r"\d+", en))
    assert es.count("(...)") == en.count("(...)")
    assert es.count("[") == en.count("[") and es.count("]") == en.count("]")


def test_english_edition_is_unchanged(monkeypatch, study):
    monkeypatch.delenv(messages.ENV_VAR, raising=False)
    md = X.quote(study, "cartel-raquel", page_note=True).data
    assert ENGLISH["cartel-raquel"] in _unescape(md)
    assert "(the edition" not in _unescape(md) and "Izcara-Palacios (2023)" not in _unescape(md)
    assert X.shown("no-such-excerpt", "Some words").plain == "Some words"


def test_spanish_quote_is_the_marked_translation(es, study):
    for excerpt_id in ("cartel-raquel", "cartel-remedios", "pseudonovio-lucia-2"):
        md = _unescape(X.quote(study, excerpt_id).data)
        assert f"{SPANISH[excerpt_id]} *{MARK}*" in md
        assert ENGLISH[excerpt_id] not in md
        assert ES["excerpts"]["translation_note"] not in md
    md = X.quote(study, "cartel-remedios").data
    assert "— Remedios, 2021" in _unescape(md)  # pseudonym and year as they are
    body = [line for line in md.splitlines() if line.startswith("> ") and not line.startswith("> —")]
    assert len(body) == 1


def test_spanish_page_note_once(es, study):
    from trata.chapters import profile
    glued = profile.glues(study)
    mds = [_unescape(glued[key].data) for key in profile.QUOTED]
    note = ES["excerpts"]["translation_note"]
    assert "Izcara-Palacios (2023), versión original en español" in note
    assert sum(md.count(note) for md in mds) == 1 and note in mds[0]
    assert all(MARK in md for md in mds)


def test_spanish_explorer_is_marked_with_one_note(es, study):
    markup = X.excerpt_explorer(study)
    note = html.escape(ES["excerpts"]["translation_note"])
    assert markup.count(note) == 1
    for excerpt_id, text in ENGLISH.items():
        assert f"{html.escape(SPANISH[excerpt_id])} <em>{html.escape(MARK)}</em>" in markup
        assert f"<p>{html.escape(text)}</p>" not in markup and f"<p>{html.escape(text)} " not in markup
    from trata.chapters.excerpts import explorer_block
    plain = explorer_block(study).text
    assert plain.count(ES["excerpts"]["translation_note"]) == 1 and plain.count(MARK) == len(ENGLISH)


def test_unknown_id_is_shown_in_english_and_marked(es, study):
    s = X.shown("a-new-excerpt", "Words from a new data package")
    assert s.text == "Words from a new data package" and s.mark == UNTRANSLATED
    md = _unescape(X.quotation(s.text, "Nueva", 2024, mark=s.mark))
    assert f"Words from a new data package *{UNTRANSLATED}*" in md and MARK not in md


def test_untranslated_excerpt_in_a_study_is_marked(es, study, monkeypatch):
    monkeypatch.setattr(X, "translations", lambda lang=None: {})
    md = _unescape(X.quote(study, "cartel-raquel").data)
    assert f"{ENGLISH['cartel-raquel']} *{UNTRANSLATED}*" in md
    assert f"<em>{html.escape(UNTRANSLATED)}</em>" in X.excerpt_explorer(study)
