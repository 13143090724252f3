"""The Spanish edition cites, dates and signs itself in Spanish (APA 7 en español), from the same
metadata as the English one; the English words stay as they were."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from trata import edition as E
from trata.core import cite as C

ROOT = Path(__file__).resolve().parents[1]

META = {
    "title": "Una obra de prueba",
    "authors": [{"family-names": "Pérez López", "given-names": "Ana María"},
                {"family-names": "Ruiz", "given-names": "Luis"}],
    "references": [{
        "type": "article", "title": "An Article", "journal": "Revista de Prueba", "volume": 7, "year": 2020,
        "authors": [{"family-names": "Gómez", "given-names": "Juan"}],
        "translators": [{"family-names": "Rodríguez Hernández", "given-names": "Caridad"}],
        "doi": "10.5555/prueba",
    }],
}
RELEASE = E.Edition(version="1.2.3", commit="0123456789abcdef", modified=False,
                    built=datetime(2031, 5, 6, tzinfo=timezone.utc), released="2031-05-07")
BUILD = E.Edition(version="1.2.4.dev0", commit="fedcba9876543210", modified=True,
                  built=datetime(2031, 1, 2, tzinfo=timezone.utc), released=None)
SITE = E.Addresses(site="https://example.org/ed/", repository="https://example.org/src")


def test_dates_are_iso_in_english_and_spelled_out_in_spanish():
    assert C.long_date("2031-05-06", "en") == "2031-05-06"
    assert C.long_date("2031-05-06", "es") == "6 de mayo de 2031"


def test_apa_reference_of_the_edition_in_spanish():
    assert E.plain(E.apa_edition(META, RELEASE, SITE, "es")) == (
        "Pérez López, A. M. y Ruiz, L. (2031). Una obra de prueba (Versión 1.2.3) "
        "[Libro ejecutable y paquete de datos]. https://example.org/ed/v1.2.3/")
    assert ("Una obra de prueba", "em") in E.apa_edition(META, RELEASE, SITE, "es")
    assert E.plain(E.apa_edition(META, RELEASE, SITE)) == (
        "Pérez López, A. M., & Ruiz, L. (2031). Una obra de prueba (Version 1.2.3) "
        "[Executable book and data package]. https://example.org/ed/v1.2.3/")


def test_apa_reference_of_the_article_names_the_translator_in_spanish():
    ref = E.source_reference(META)
    assert E.plain(E.apa_article(ref, "es")) == (
        "Gómez, J. (2020). An Article (C. Rodríguez Hernández, Trad.). Revista de Prueba, 7. "
        "https://doi.org/10.5555/prueba")
    two = {**ref, "translators": [*ref["translators"], {"family-names": "Ruiz", "given-names": "Luis"}]}
    assert "(C. Rodríguez Hernández y L. Ruiz, Trads.)" in E.plain(E.apa_article(two, "es"))
    real = E.source_reference(E.read_citation(ROOT))
    assert "(C. Rodríguez Hernández, Trad.)" in E.plain(E.apa_article(real, "es"))


def test_status_sentence_in_spanish_and_english():
    assert RELEASE.status("es") == ("Esta es la versión 1.2.3 de la edición, publicada el 7 de mayo de 2031; "
                                    "la página se construyó a partir del commit 0123456 el 6 de mayo de 2031.")
    assert BUILD.status("es") == ("Esta es la versión 1.2.4.dev0 de la edición, que no es una versión publicada; "
                                  "la página se construyó a partir del commit fedcba9 con cambios sin confirmar "
                                  "el 2 de enero de 2031.")
    assert BUILD.status() == ("This is version 1.2.4.dev0 of the edition, not a release; the page was built from "
                              "commit fedcba9 with uncommitted changes on 2031-01-02.")


def test_footer_in_spanish():
    assert RELEASE.footer_text("es") == "Versión 1.2.3 · commit 0123456 · construida el 6 de mayo de 2031"
    footer = E.footer_html(RELEASE, META, SITE, "es")
    assert '<p class="trata-authors">Ana María Pérez López y Luis Ruiz, a partir de Gómez (2020).</p>' in footer
    assert "esta versión: <a" in footer and "código fuente: <a" in footer
    for english in ("Version", "built", "after", "this version", "source:"):
        assert english not in footer, english


@pytest.mark.parametrize("lang", ["en", "es"])
def test_title_page_is_in_the_language_of_the_edition(lang):
    page = E.titlepage_html(META, RELEASE, SITE, lang)
    assert ("Una edición ejecutable de:" in page) == (lang == "es")
    assert ("7 de mayo de 2031" in page) == (lang == "es")
    assert ("Version 1.2.3 · 2031-05-07" in page) == (lang == "en")
