"""The book built from each fixture package of tests/fixtures/ (each once): the build succeeds, every
page says which data it shows, the chosen readings are on the pages and true of the data, and no
page credits a number of the new data to the article."""

from __future__ import annotations

import json
import re
from pathlib import Path

import htmlpage
import pytest
from conftest import FIXTURES

import trata
from trata.analyse import provenance, stats
from trata.chapters import leadership, profile
from trata.derive import tables

NAMES = sorted(p.parent.name for p in FIXTURES.glob("*/case.json"))
#: What the pages may say only of the article's own Table 5.
ARTICLE_ONLY_T5 = ("which the article rounds to", "The women who led were the owner of a cantina",
                   "What stands without any test is what the article reports")

pytestmark = pytest.mark.build


#: Sphinx's smart quotes, read back as the plain quotes the readings are written with.
QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def words(path: Path) -> str:
    return re.sub(r"\s+", " ", " ".join(htmlpage.block_texts(path))).translate(QUOTES)


def pages(html: Path) -> dict[str, str]:
    return {str(p.relative_to(html)): words(p) for p in sorted(html.rglob("*.html"))
            if not p.relative_to(html).parts[0].startswith("_")
            and p.name not in {"search.html", "genindex.html", "index.html"}}


@pytest.fixture(scope="module", params=NAMES)
def built(request, fixture_site):
    pkg, html, proc = fixture_site(request.param)
    assert proc.returncode == 0, f"{request.param}: build failed\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    study = trata.load(pkg)
    expect = json.loads((FIXTURES / request.param / "case.json").read_text(encoding="utf-8"))["expect"]
    return {"name": request.param, "study": study, "pages": pages(html), "expect": expect,
            "profile": words(html / "notebooks" / "profile.html"), "home": words(html / "book" / "intro.html"),
            "leadership": words(html / "notebooks" / "leadership.html")}


def test_every_page_names_the_data_it_shows(built):
    prov = provenance.of(built["study"])
    assert not prov.reproduces
    for page, text in built["pages"].items():
        assert "Which data this page shows" in text and prov.title in text, page
        assert "not from the article's data" in text, page


def test_the_chosen_readings_are_on_their_pages(built):
    for chapter, page in ((profile, "profile"), (leadership, "leadership")):
        chosen = chapter.readings(built["study"])
        for key, case in built["expect"].items():
            if key in chosen:
                assert chosen[key].case == case, key
        for key, reading in chosen.items():
            if key != "leadership_reading_expected_cartel_women":  # one word inside a sentence
                assert reading.text.rstrip(".") in built[page], (key, reading.text)


def test_the_profile_page_is_true_of_the_data(built):
    """Facts read from the package's Table 5 directly, against the built page."""
    text = built["profile"]
    t5 = tables.table5(built["study"]).set_index("network_type")
    cartel_women = int(t5.loc["cartel", "female_n"])
    assert ("%), all led by men." in text) == (cartel_women == 0)  # the cartel section's first sentence
    women = int(t5.loc["total", "female_n"])
    assert ("Men led every network" in text) == (women == 0)
    text = built["leadership"]
    p = stats.leadership_test(built["study"]).pvalue
    assert f"p-value is {p:.3f}" in text
    assert ("at most weak evidence" in text) == (women > 0 and 0.05 <= p < 0.2)
    assert ("the test is evidence that women's leadership differs by type" in text) == (women > 0 and p < 0.05)


def test_no_page_credits_new_numbers_to_the_article(built):
    prov = provenance.of(built["study"])
    if prov.as_printed("table5"):
        return
    for page, text in built["pages"].items():
        for phrase in ARTICLE_ONLY_T5:
            assert phrase not in text, (page, phrase)
    share = stats.women_leader_shares(built["study"]).set_index("network_type").loc["total", "share"]
    assert f"{100 * share:.1f}% in this data; the article's Table 5 prints" in built["profile"]


def test_the_home_page_names_the_countries_of_the_data(built):
    countries = [c for c in tables.table1(built["study"])["country"] if c != "Total"]
    for c in countries:
        if c not in {"Guatemala", "Honduras", "El Salvador", "Nicaragua", "Belize"}:
            assert c in built["home"], c
