"""The edition's identity: one version everywhere, valid citation metadata, generated citations,
and the version, commit and build date in the footer of every page."""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
import tomllib
from datetime import datetime, timezone
from pathlib import Path

import pytest
import yaml
from pybtex.database import parse_file

import trata
from trata import edition as E
from trata import release as R

ROOT = Path(__file__).resolve().parents[1]


QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})  # Sphinx's smart quotes


def text_of(fragment: str) -> str:
    """Visible text of an HTML fragment, whitespace collapsed."""
    fragment = re.sub(r"<(script|style)\b.*?</\1>", " ", fragment, flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", "", fragment)).translate(QUOTES)
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def meta():
    return E.read_citation(ROOT)


@pytest.fixture(scope="module")
def ed():
    return E.current(ROOT)


def test_citation_cff_validates_with_cffconvert():
    cffconvert = Path(sys.executable).with_name("cffconvert")
    proc = subprocess.run([str(cffconvert), "--validate"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_version_is_the_same_everywhere(meta):
    version = (ROOT / "VERSION").read_text().strip()
    assert E.VERSION_PATTERN.match(version)
    assert str(meta["version"]) == version
    assert json.loads((ROOT / "data" / "datapackage.json").read_text())["version"] == version
    assert json.loads((ROOT / ".zenodo.json").read_text())["version"] == version
    assert trata.__version__ == version
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"file": "VERSION"}


def test_a_release_version_has_a_release_date_and_a_changelog_entry(meta):
    version = E.read_version(ROOT)
    changelog = (ROOT / "CHANGELOG.md").read_text()
    assert re.search(r"^## \[Unreleased\]", changelog, re.M)
    if E.RELEASE.match(version):
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(meta["date-released"]))
        assert f"## [{version}] - {meta['date-released']}" in changelog
    else:
        assert "date-released" not in meta, "a development version has no release date"


def test_zenodo_json_is_generated_from_citation_cff(meta):
    assert (ROOT / ".zenodo.json").read_text() == R.zenodo_json(ROOT), "run make zenodo"
    z = json.loads((ROOT / ".zenodo.json").read_text())
    assert z["title"] == meta["title"] and z["creators"] == [{"name": "Editors of the executable edition"}]
    assert z["related_identifiers"] == [{"identifier": "10.29101/crcs.v30i0.20701", "relation": "isDerivedFrom",
                                         "resource_type": "publication-article", "scheme": "doi"}]
    assert z["license"] == {"id": "CC-BY-4.0"}


def test_the_article_is_credited_and_agrees_with_the_bibliography(meta):
    ref = E.source_reference(meta)
    bib = parse_file(str(ROOT / "references.bib")).entries[E.article_key(ref)]
    assert E.article_key(ref) == "izcara2023"
    person = bib.persons["author"][0]
    assert (" ".join(person.last_names), " ".join(person.first_names + person.middle_names)) == \
        (ref["authors"][0]["family-names"], ref["authors"][0]["given-names"])
    assert bib.fields["title"].replace("{", "").replace("}", "") == ref["title"]
    for field in ("journal", "volume", "year", "issn", "doi"):
        assert bib.fields[field] == str(ref[field]), field
    assert ref["authors"][0]["orcid"] == "https://orcid.org/0000-0003-0523-305X"


def test_citation_title_is_the_book_title(meta):
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    assert meta["title"] == config["title"]
    assert "trata.edition" in config["sphinx"]["extra_extensions"]


def test_apa_and_bibtex_of_the_article(meta):
    ref = E.source_reference(meta)
    assert E.plain(E.apa_article(ref)) == (
        "Izcara-Palacios, S. P. (2023). Sex Trafficking in Mexico: Perpetrators' Profile "
        "(C. Rodríguez Hernández, Trans.). Convergencia Revista de Ciencias Sociales, 30. "
        "https://doi.org/10.29101/crcs.v30i0.20701")
    assert ("Convergencia Revista de Ciencias Sociales", "em") in E.apa_article(ref)
    bib = E.bibtex_article(ref, "izcara2023")
    assert bib.startswith("@article{izcara2023,\n") and "  doi      = {10.29101/crcs.v30i0.20701}" in bib


def test_apa_and_bibtex_of_a_release(meta):
    ed = E.Edition(version="1.2.3", commit="0123456789abcdef", modified=False,
                   built=datetime(2031, 5, 6, tzinfo=timezone.utc), released="2031-05-07")
    assert E.plain(E.apa_edition(meta, ed)) == (
        "Editors of the executable edition. (2031). Sex Trafficking in Mexico: Perpetrators' Profile — "
        "an executable edition (Version 1.2.3) [Executable book and data package].")
    bib = E.bibtex_edition(meta, ed)
    assert bib.startswith("@misc{trata-edition-1.2.3,\n")
    assert "  version  = {1.2.3}" in bib and "  year     = {2031}" in bib
    assert "Izcara-Palacios (2023), doi:10.29101/crcs.v30i0.20701" in bib
    assert ed.footer_text() == "Version 1.2.3 · commit 0123456 · built 2031-05-06"


def test_build_date_is_the_commit_date_or_source_date_epoch(monkeypatch, tmp_path):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert E.source_date_epoch(ROOT) == 1700000000
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    repo = tmp_path / "repo"
    repo.mkdir()
    env = {"GIT_AUTHOR_DATE": "2024-02-03T04:05:06Z", "GIT_COMMITTER_DATE": "2024-02-03T04:05:06Z"}
    for cmd in (["init", "-q"], ["commit", "-q", "--allow-empty", "-m", "x"]):
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *cmd], cwd=repo,
                       check=True, env={**os.environ, **env})
    assert E.source_date_epoch(repo) == int(datetime(2024, 2, 3, 4, 5, 6, tzinfo=timezone.utc).timestamp())


def test_footer_of_every_page_has_version_commit_and_date(site, ed):
    pages = [p for p in site.rglob("*.html") if "_static" not in p.parts]
    footer = re.compile(r'<p class="trata-edition" data-version="([^"]+)">(.*?)</p>')
    checked = 0
    for page in pages:
        text = page.read_text(encoding="utf-8")
        if 'http-equiv="Refresh"' in text[:500]:
            continue  # the redirect index.html
        match = footer.search(text)
        assert match, f"{page.relative_to(site)} has no edition footer"
        assert match.group(1) == ed.version
        said = html.unescape(match.group(2))
        if page.relative_to(site).parts[0] == "es":  # the Spanish edition's footer
            assert said.startswith(f"Versión {ed.version} · commit {ed.short_commit}"), said
            assert re.search(r"construida el \d{1,2} de [a-z]+ de \d{4}$", said), said
        else:
            assert said.startswith(f"Version {ed.version} · commit {ed.short_commit}")
            assert re.search(r"built \d{4}-\d{2}-\d{2}$", said)
        checked += 1
    assert checked >= 10


def test_cite_page_shows_the_citations_generated_from_the_metadata(site, meta, ed):
    page = text_of((site / "book" / "cite.html").read_text(encoding="utf-8"))
    ref = E.source_reference(meta)
    for expected in (E.plain(E.apa_edition(meta, ed)), E.plain(E.apa_article(ref)),
                     E.bibtex_edition(meta, ed), E.bibtex_article(ref, "izcara2023")):
        assert re.sub(r"\s+", " ", expected) in page, expected
    assert f"This is version {ed.version} of the edition" in page


def test_changelog_page_shows_the_changelog(site):
    page = text_of((site / "book" / "changelog.html").read_text(encoding="utf-8"))
    changelog = (ROOT / "CHANGELOG.md").read_text()
    for heading in re.findall(r"^## (.+)$", changelog, re.M):
        assert heading in page
    items = re.findall(r"^- (.+?)(?=^- |^#|\Z)", changelog, re.M | re.S)
    assert items
    for item in items:
        assert re.sub(r"\s+", " ", item.replace("`", "")).strip() in page


def test_addresses_come_from_the_configuration(tmp_path):
    (tmp_path / "_config.yml").write_text('repository:\n  url: "https://example.org/src"\nhtml:\n  baseurl: "https://example.org/ed"\n')
    a = E.read_addresses(tmp_path)
    assert (a.site, a.repository, a.site_path) == ("https://example.org/ed/", "https://example.org/src", "/ed/")
    assert a.version_url("1.2.3") == "https://example.org/ed/v1.2.3/"
    assert a.version_url("1.2.4.dev0") == "https://example.org/ed/dev/"
    (tmp_path / "_config.yml").write_text('html:\n  baseurl: "example.org"\n')
    with pytest.raises(ValueError, match="html.baseurl"):
        E.read_addresses(tmp_path)
    assert E.read_addresses(ROOT) == E.Addresses(site=None, repository=None), "no address is known yet"


def test_a_doi_shows_in_every_citation_footer_and_title_page(meta):
    """A fixture DOI (10.5555 is a test prefix): once CITATION.cff has one, every citation gives it."""
    meta = {**meta, "doi": "10.5555/trata.fixture"}
    ed = E.Edition(version="1.2.3", commit="0123456789abcdef", modified=False,
                   built=datetime(2031, 5, 6, tzinfo=timezone.utc), released="2031-05-07")
    site = E.Addresses(site="https://example.org/ed/", repository=None)
    assert E.plain(E.apa_edition(meta, ed, site)).endswith(" https://doi.org/10.5555/trata.fixture")
    bib = E.bibtex_edition(meta, ed, site)
    assert "  doi      = {10.5555/trata.fixture}" in bib and "  url      = {https://example.org/ed/v1.2.3/}" in bib
    assert 'href="https://doi.org/10.5555/trata.fixture">10.5555/trata.fixture</a>' in E.footer_html(ed, meta, site)
    assert "DOI 10.5555/trata.fixture" in E.titlepage_html(meta, ed, site)
    assert "https://example.org/ed/v1.2.3/" in E.titlepage_html(meta, ed, site)


def test_without_an_address_citations_say_so(site, meta, ed):
    page = text_of((site / "book" / "cite.html").read_text(encoding="utf-8"))
    assert E.NO_ADDRESS.translate(QUOTES) in page
    assert E.edition_url(meta, ed, E.read_addresses(ROOT)) is None
    annex = (site / "notebooks" / "annex.html").read_text(encoding="utf-8")
    assert 'rel="canonical"' not in annex
    assert (f"Cite this table: version {ed.version}, anchor notebooks/annex.html#tbl-annex-countries, "
            "no address known yet") in text_of(annex)


def test_footer_names_the_authors_as_citation_cff_does(site, meta):
    page = (site / "book" / "intro.html").read_text(encoding="utf-8")
    assert '<p class="trata-authors">Editors of the executable edition, after Izcara-Palacios (2023).</p>' in page
    assert "By The editors" not in page and "component-author" not in page


def test_every_page_has_the_switcher_and_the_banner_and_a_build_alone_lists_no_other_version(site, ed):
    assert json.loads((site / "_static" / "switcher.json").read_text()) == []
    for page in ("book/intro.html", "notebooks/annex.html", "book/cite.html"):
        text = (site / page).read_text(encoding="utf-8")
        assert 'class="version-switcher__container' in text
        assert f"theme_switcher_version_match = '{ed.version}'" in text
        assert 'id="trata-version-banner"' in text and f'data-version="{ed.version}"' in text


def test_every_stable_anchor_says_how_to_cite_it(site, ed):
    anchors = [a for a in (ROOT / "tests" / "anchors.txt").read_text().splitlines() if a and not a.startswith("#")]
    for anchor in anchors:
        page = text_of((site / anchor.partition("#")[0]).read_text(encoding="utf-8"))
        if anchor.startswith("es/"):
            kind = "este cuadro" if "#tbl-" in anchor else "esta figura"
            said = f"Cite {kind}: versión {ed.version}, ancla {anchor}, todavía sin dirección conocida"
        else:
            kind = "table" if "#tbl-" in anchor else "figure"
            said = f"Cite this {kind}: version {ed.version}, anchor {anchor}, no address known yet"
        assert said in page, anchor
