"""The book as a reader meets it: findings first, two voices told apart, one telling of each
thing, scholarly citations, faithful labels, and no case-level data on the site.

Most tests read the built site (the session's ``site`` fixture); the citation tests read the
sources, where a citation's key and page locator are written.
"""

from __future__ import annotations

import hashlib
import re
import sys
import zipfile
from pathlib import Path, PurePosixPath

import packages
import pandas as pd
import pytest
from bs4 import BeautifulSoup
from conftest import build_site

from trata.derive import tables

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
import words  # noqa: E402  (bench/words.py: the word counts `make bench` prints)

STUDY_PART = "The study"
#: A citation role: {cite:p}`...` or {cite:t}`...`, and its targets (key with optional {post-text}).
CITE = re.compile(r"\{cite:[a-z]+\}`([^`]+)`")
TARGET = re.compile(r"\s*(?:\{[^{}]*\})?\s*([^{}\s,]+)\s*(?:\{([^{}]*)\})?\s*(?:,|$)")
#: Citations the article gives with a page that the book cites without it, and why.
LOCATORS_NOT_GIVEN = ROOT / "tests" / "citation_locators_not_given.csv"


def study_pages() -> list[str]:
    return dict(words.parts())[STUDY_PART]


def soup(site: Path, doc: str) -> BeautifulSoup:
    return BeautifulSoup((site / f"{doc}.html").read_text(encoding="utf-8"), "html.parser")


def article(site: Path, doc: str):
    return soup(site, doc).find("article")


# ---------------------------------------------------------------------------------------------
# findings first


def test_home_page_opens_with_the_glued_leadership_result(site, study):
    women, cases = tables.women_leaders(study)
    share = f"{100 * women / cases:.1f}"
    first = words.words(words.article_text((site / "book" / "intro.html").read_text(encoding="utf-8")))[:400]
    text = " ".join(first)
    assert f"a woman led {women}" in text, text
    assert " ".join(words.words(share)) in text
    assert f"of the {cases} cases" in text
    # glued, not typed: the numbers are pasted outputs of the page's code cell
    pasted = [s.get_text() for s in article(site, "book/intro").select("span.pasted-text")]
    assert str(women) in pasted and str(cases) in pasted
    assert f"{share}%, which the article rounds to {100 * women / cases:.0f}%" in pasted  # the reading chosen by the data


def test_every_key_finding_links_to_where_the_book_shows_it(site):
    findings = article(site, "book/intro").find(id="key-findings").find("ul")
    items = findings.find_all("li", recursive=False)
    assert len(items) >= 5
    for li in items:
        links = [a["href"] for a in li.find_all("a", href=True) if "bibliography" not in a["href"]]
        assert links, li.get_text()
        for href in links:
            page = href.split("#")[0]
            assert (site / "book" / page).resolve().is_file(), href


def test_the_home_page_explains_the_edition_marker_once(site):
    boxes = article(site, "book/intro").select("div.admonition.edition")
    assert len(boxes) == 1 and "edition" in boxes[0].get_text()
    css = (site / "_static" / "trata-voice.css").read_text(encoding="utf-8")
    assert "div.admonition.edition" in css
    for doc in ["book/intro"] + study_pages():
        assert soup(site, doc).find("link", href=re.compile(r"_static/trata-voice\.css")), doc


# ---------------------------------------------------------------------------------------------
# lengths and one telling


def test_profile_and_the_study_within_their_lengths(site):
    counts = {doc: n for _, doc, n in words.counts(site)}
    assert 0 < counts["notebooks/profile"] <= 5000
    assert sum(counts[d] for d in study_pages()) <= 12000


def test_no_chart_appears_on_two_pages(site):
    seen: dict[str, str] = {}
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        if rel.startswith(("_static/", "_sources/")) or rel in ("index.html", "search.html", "genindex.html"):
            continue
        for spec in soup(site, rel[:-5]).select("script.trata-figure-spec"):
            digest = hashlib.sha256(spec.get_text().encode()).hexdigest()
            assert digest not in seen, f"the same chart is on {seen.get(digest)} and {rel}"
            seen[digest] = rel
    assert len(seen) >= 5


def test_the_profile_closes_with_its_conclusion_and_the_excerpts_have_their_page(site, study):
    prof = article(site, "notebooks/profile")
    sections = prof.select("section > section[id]")
    assert sections[-1]["id"] == "conclusion"
    assert not prof.select("li[data-network]")
    explorer = article(site, "notebooks/excerpts").select("#profile-excerpt-explorer li[data-network]")
    assert len(explorer) == len(study["excerpts"])


def test_each_type_is_told_once_and_its_coding_is_collapsed(site, study):
    prof = article(site, "notebooks/profile")
    coding = prof.select("div.admonition.edition.dropdown")
    assert len(coding) == 1
    ids = {t["id"] for t in coding[0].select("table[id]")}
    assert ids == {f"tbl-profile-{t.replace('_', '-')}" for t in study["network_types"]["network_type"]}
    # outside the collapsed coding, each type's section is prose and excerpts only
    for t in study["network_types"]["network_type"]:
        sec = prof.find(id="profile-" + t.replace("_", "-")).find_parent("section")
        assert sec.find("blockquote") and not sec.find("table"), t


# ---------------------------------------------------------------------------------------------
# two voices


def test_nothing_the_edition_says_is_cited_to_the_article(site):
    for doc in [p for _, docs in words.parts() for p in docs]:
        for box in soup(site, doc).select("div.admonition.edition"):
            assert "Izcara" not in box.get_text(), (doc, box.get_text()[:200])


def test_the_studys_pages_show_no_code_no_module_and_no_file_name(site):
    for doc in study_pages():
        art = article(site, doc)
        assert not art.select("div.highlight, pre"), doc
        text = words.article_text(str(art))
        assert not re.search(r"\btrata\.\w", text), doc
        assert not re.search(r"\b[\w-]+\.(csv|json|py)\b", text), doc
        assert not re.search(r"\bimport\b", text), doc


# ---------------------------------------------------------------------------------------------
# faithful labels and counts


def test_network_types_carry_the_articles_words(site):
    headings = []
    for doc in study_pages():
        headings += [h.get_text(" ", strip=True) for h in article(site, doc).find_all(["h1", "h2", "h3"])]
    joined = " | ".join(headings)
    assert "international pseudo-modelling agencies" in joined
    assert "pseudo-international" not in joined.lower()
    assert "casually dating" in joined
    for page in site.rglob("*.html"):
        if page.name != "changelog.html":  # which records the change
            assert "fake boyfriend" not in page.read_text(encoding="utf-8").lower(), page


def test_quoted_women_are_counted_the_same_way_on_every_page(site, study):
    quoted = study["excerpts"]["pseudonym"].nunique()
    listed = len(study["roster"])
    meth = re.sub(r"\s+", " ", words.article_text(str(article(site, "notebooks/methodology"))))
    exc = re.sub(r"\s+", " ", words.article_text(str(article(site, "notebooks/excerpts"))))
    assert re.search(rf"names {listed} of the women by pseudonym; it quotes {quoted} of them", meth), meth
    assert re.search(rf"names {listed} women\. It quotes {len(study['excerpts'])} passages from {quoted} of them", exc)


def test_annex_tables_keep_the_articles_numbers(site):
    numbers = {}
    for page in sorted((site / "notebooks").glob("*.html")) + sorted((site / "book").glob("*.html")):
        for t in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("table[id]"):
            num = t.select_one("caption .caption-number")
            if num:
                numbers[t["id"]] = num.get_text(strip=True)
    annex = {"tbl-annex-countries": "A1", "tbl-annex-characteristics": "A2", "tbl-annex-states": "A3",
             "tbl-annex-escape": "A4", "tbl-annex-leaders": "A5"}
    for label, n in annex.items():
        assert numbers[label] == f"Table {n}", label
    own = sorted(int(v.split()[1]) for k, v in numbers.items() if k not in annex)
    assert own == list(range(1, len(own) + 1)), "the book's own tables are numbered 1, 2, 3 ... without gaps"
    # every reference to an annex table reads "Table A<n>" (in the Spanish edition, "Cuadro A<n>")
    for page in site.rglob("*.html"):
        word = "Cuadro" if page.relative_to(site).parts[0] == "es" else "Table"
        for a in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("a.reference[href*='#tbl-annex-']"):
            target = a["href"].split("#")[1]
            if target in annex:
                assert a.get_text(strip=True) == f"{word} {annex[target]}", (page.name, a)


# ---------------------------------------------------------------------------------------------
# scholarly citations (read from the sources)


def cited_locators() -> dict[str, set[str]]:
    """Key -> the page numbers it is cited with anywhere in the book."""
    found: dict[str, set[str]] = {}
    for src in sorted((ROOT / "notebooks").glob("*.md")) + sorted((ROOT / "book").glob("*.md")):
        for role in CITE.findall(src.read_text(encoding="utf-8")):
            for key, post in TARGET.findall(role):
                found.setdefault(key, set()).update(re.findall(r"\d+", post or ""))
    return found


def test_the_target_parser_reads_keys_and_locators():
    assert TARGET.findall("levi2012{pp. 510, 121},shih2016") == [("levi2012", "pp. 510, 121"), ("shih2016", "")]


def test_every_page_the_article_gives_is_cited_with_it(study):
    cites = study["in_text_citations"]
    cites = cites[(cites["kind"] == "work") & cites["pages_as_printed"].notna()
                  & (cites["pages_as_printed"].astype(str).str.strip() != "")]
    assert len(cites) > 30
    exempt = pd.read_csv(LOCATORS_NOT_GIVEN, dtype=str) if LOCATORS_NOT_GIVEN.exists() else pd.DataFrame(columns=["key", "page", "reason"])
    assert exempt["reason"].fillna("").str.strip().astype(bool).all(), "every exemption gives its reason"
    exempt_pairs = set(zip(exempt["key"], exempt["page"]))
    found = cited_locators()
    missing = []
    for r in cites.itertuples():
        for page in re.findall(r"\d+", str(r.pages_as_printed)):
            if page not in found.get(r.key, set()) and (r.key, page) not in exempt_pairs:
                missing.append(f"{r.key} p. {page} ({r.section})")
    assert not missing, "cite these with their page, or list them with a reason in " + LOCATORS_NOT_GIVEN.name + ":\n" + "\n".join(missing)


def test_every_work_the_article_cites_is_cited_in_the_chapters(study):
    cites = study["in_text_citations"]
    keys = set(cites.loc[cites["kind"] == "work", "key"])
    in_chapters: set[str] = set()
    for src in sorted((ROOT / "notebooks").glob("*.md")):
        for role in CITE.findall(src.read_text(encoding="utf-8")):
            in_chapters |= {k for k, _ in TARGET.findall(role)}
    assert keys - in_chapters == set()
    for key in ("micciofonseca2017", "constantinou2020", "broad2015", "rodriguezlopez2022"):
        assert key in in_chapters


def test_page_locators_render_in_the_chapters(site):
    text = " ".join(re.sub(r"\s+", " ", words.article_text(str(article(site, d)))) for d in study_pages())
    for author, page in [("Gallagher", "284"), ("Fraisse", "87"), ("Acharya", "15"), ("Levi", "501"),
                         ("Miccio-Fonseca", "28"), ("Constantinou", "334"), ("Broad", "1061")]:
        assert re.search(rf"{author}[^()]{{0,40}}\d{{4}}\s*,\s*pp?\. [^)]*\b{page}\b", text), (author, page)
    assert "Rodríguez" in text


# ---------------------------------------------------------------------------------------------
# no case-level data on the site


@pytest.fixture(scope="module")
def cases_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("cases-site")
    pkg = tmp / "data"
    packages.copy_data(pkg)
    packages.add_cases(pkg, drop_aggregates=True)
    out = tmp / "out"
    proc = build_site(out, pkg / "datapackage.json")
    assert proc.returncode == 0, f"build failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    return out / "html", pkg / "cases.csv"


def test_a_build_from_case_records_publishes_no_record(cases_site):
    html, records_file = cases_site
    records = pd.read_csv(records_file, dtype=str, keep_default_na=False)
    lines = [ln for ln in records_file.read_text(encoding="utf-8").splitlines()[1:] if ln.strip()]
    assert len(records) == len(lines) > 0
    names = [p.name for p in html.rglob("*") if p.is_file()]
    assert not [n for n in names if n.startswith("cases")]
    for archive in html.rglob("*.zip"):  # the data package on offer leaves the records out
        with zipfile.ZipFile(archive) as zf:
            assert not [m for m in zf.namelist() if PurePosixPath(m).name.startswith("cases")], archive
    ids = set(records["case_id"])
    for page in html.rglob("*"):
        if not page.is_file() or page.suffix not in (".html", ".js", ".json", ".txt", ".md", ".ipynb", ".svg", ".csv"):
            continue
        text = page.read_text(encoding="utf-8", errors="replace")
        leaked = [i for i in ids if i in text]
        assert not leaked, f"{page.relative_to(html)} holds case ids {leaked[:3]}"
        rows = [ln for ln in lines if ln.split(",", 1)[1] in text]
        assert not rows, f"{page.relative_to(html)} holds a case record: {rows[0]}"
    # the site was built from the records: the annex shows their aggregates
    assert "Table A1" in (html / "notebooks" / "annex.html").read_text(encoding="utf-8")


def test_the_case_records_section_warns_before_it_invites(site):
    art = article(site, "book/updating-data")
    section = art.find(id="case-records")
    warning = section.select_one("div.admonition.danger")
    assert warning is not None
    text = warning.get_text(" ", strip=True)
    for needle in ("identify", "never be published", "release", "ethics committee"):
        assert needle in text, needle
    first_paragraph = section.find("p", recursive=False)
    assert warning.sourceline < first_paragraph.sourceline


# ---------------------------------------------------------------------------------------------
# presentation in a browser


@pytest.mark.browser
def test_glued_numbers_are_set_like_the_text_around_them(site):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        try:
            page = browser.new_page()
            page.goto((site / "book" / "intro.html").as_uri())
            pairs = page.eval_on_selector_all(
                "article span.pasted-text",
                "els => els.map(e => [getComputedStyle(e).fontWeight, getComputedStyle(e.parentElement).fontWeight,"
                " e.parentElement.tagName])")
        finally:
            browser.close()
    assert pairs
    for own, parent, tag in pairs:
        assert own == parent, (own, parent, tag)
