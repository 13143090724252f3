"""The consent and methodology chapters: citations resolve, glued values exist, tables equal the
data, the built pages hold what they should, and no statistic is typed into their prose."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import htmlpage
import jupytext
import prose
import pytest
from pybtex.database import parse_file

import trata
from trata import DataPackageError
from trata.chapters import annex as annex_chapter
from trata.chapters import audit as audit_chapter
from trata.chapters import consent, excerpts, home, leadership, methodology
from trata.chapters import profile as profile_chapter
from trata.core import messages, vocabulary
from trata.data import coding_rules
from trata.derive import readers, tables
from trata.present import text as P
from trata.present.figures import consent as consent_fig

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = {p.stem: p for p in sorted((ROOT / "notebooks").glob("*.md"))} | {"home": ROOT / "book" / "intro.md"}
FRAMING = {"consent": CHAPTERS["consent"], "methodology": CHAPTERS["methodology"]}

#: The one code cell every notebook opens with (its first cell: the install step, then the data).
PREAMBLE = """\
# To run this notebook outside the book's repository (a notebook downloaded from the book's site),
# install the analysis package once, from the source archive of the release that ships beside it:
#     pip install ./trata-*-source.tar.gz
# DATA names the data package to read (its datapackage.json or its folder); with None, the notebook
# reads $TRATA_DATA if set, else the book's own data. Nothing else needs setting.
DATA = None

from trata.book.preamble import glue_all, start
from trata.chapters import {chapter} as chapter

study = start(DATA)
glue_all(chapter.glues(study))
"""
PAGES = sorted((ROOT / "notebooks").glob("*.md")) + sorted((ROOT / "book").glob("*.md"))

#: The article's reference list (30 works) and the article itself, keyed as the book keys them.
REFERENCE_LIST = {
    "izcara2023", "acharya2016", "agustin2007", "broad2015", "clemente2023", "cobo2017", "chuang2010",
    "correacabrera2018", "constantinou2020", "doezema2010", "doychak2020", "farley2022", "fraisse2012",
    "galusca2012", "gallagher2010", "hamid2022", "levi2012", "lobasz2009", "madridromero2014",
    "maldonadomacedo2020", "maldonadomacedo2022", "martynowskyj2019", "micciofonseca2017", "mitchell2016",
    "nunezchaim2017", "pederson2022", "rodriguezlopez2022", "shih2016", "tyburczy2020", "whitford2020",
    "zimmerman2003",
}

CITE_ROLE = re.compile(r"\{cite(?::[a-z]+)?\}`([^`]*)`")
GLUE_ROLE = re.compile(r"\{glue(?::[a-z]+)?\}`([^`]+)`")
GLUE_DIRECTIVE = re.compile(r"^(?:`{3,}|:{3,})\{glue(?::[a-z]+)?\}\s+(\S+)", re.M)


# ---------------------------------------------------------------------------------------------
# references.bib


@pytest.fixture(scope="module")
def bib():
    return parse_file(str(coding_rules.BIBFILE))


def test_bibliography_holds_exactly_the_reference_list_and_the_article(bib):
    assert set(bib.entries) == REFERENCE_LIST
    assert len(bib.entries) == 31


def test_key_rule_first_surname_and_year(bib):
    """Key = first author's surname as printed, lowercase ASCII, without spaces, hyphens or accents, + year."""
    import unicodedata

    for key, entry in bib.entries.items():
        if key == "izcara2023":  # the article's key predates the rule (the foundation's)
            continue
        person = entry.persons["author"][0]
        surname = " ".join(person.prelast_names + person.last_names)
        ascii_ = unicodedata.normalize("NFKD", surname).encode("ascii", "ignore").decode().lower()
        assert key == re.sub(r"[^a-z]", "", ascii_) + entry.fields["year"], key


@pytest.mark.parametrize("key, surname, first", [
    ("agustin2007", "Agustín", "Laura"),
    ("tyburczy2020", "Tyburczy", "Jennifer"),
    ("rodriguezlopez2022", "Rodríguez-López", "Silvia"),
    ("micciofonseca2017", "Miccio-Fonseca", "L. C."),
    ("fraisse2012", "Fraisse", "Geneviève"),
    ("chuang2010", "Chuang", "Janie"),
    ("correacabrera2018", "Correa-Cabrera", "Guadalupe"),
    ("izcara2023", "Izcara-Palacios", "Simón Pedro"),
])
def test_author_names_are_corrected(bib, key, surname, first):
    person = bib.entries[key].persons["author"][0]
    assert " ".join(person.last_names) == surname
    assert " ".join(person.first_names + person.middle_names) == first


def test_only_fields_the_article_gives(bib):
    """No DOI, pages or ISSN was added to the works of the reference list (the article's own
    entry keeps its verified DOI and ISSN)."""
    allowed = {"title", "journal", "volume", "number", "year", "publisher", "address", "note",
               "booktitle", "school", "url", "urldate"}
    for key, entry in bib.entries.items():
        if key == "izcara2023":
            continue
        assert set(f.lower() for f in entry.fields) <= allowed, (key, set(entry.fields) - allowed)


def test_known_errors_of_the_reference_list_are_fixed_and_noted(bib):
    farley = bib.entries["farley2022"].fields
    assert (farley["volume"], farley["number"]) == ("26", "9")  # printed "núm. 26, vol. 9"
    assert "swapped" in farley["note"]
    assert bib.entries["levi2012"].fields["title"] == "Trilogía de {Auschwitz}"
    assert "Triología" in bib.entries["levi2012"].fields["note"]
    assert "publisher" not in bib.entries["hamid2022"].fields  # printed "Traffickers"
    assert "Jennife''" in bib.entries["tyburczy2020"].fields["note"]
    for key in ("acharya2016", "madridromero2014"):  # "et al." in the reference list
        assert str(bib.entries[key].persons["author"][-1]) == "others"


def cited(text: str) -> set[str]:
    """The keys cited in ``text``, without pre- and post-text (``{p. 15}``, ``{pp. 510, 121}``)."""
    return {k.strip() for m in CITE_ROLE.finditer(text) for k in re.sub(r"\{[^{}]*\}", "", m.group(1)).split(",")
            if k.strip()}


def test_every_citation_key_used_resolves(bib, study):
    used = set()
    for page in PAGES:
        used |= cited(page.read_text(encoding="utf-8"))
    for keys in coding_rules.cited_keys(study).values():
        used |= keys
    assert used, "no citations found"
    assert used <= set(bib.entries), sorted(used - set(bib.entries))


def test_chapters_cite_every_work_of_the_literature_framing():
    text = CHAPTERS["consent"].read_text(encoding="utf-8") + CHAPTERS["methodology"].read_text(encoding="utf-8")
    framing_works = REFERENCE_LIST - {"levi2012", "gallagher2010", "broad2015", "constantinou2020",
                                      "micciofonseca2017", "rodriguezlopez2022"}  # cited in the profile
    assert framing_works <= cited(text), sorted(framing_works - cited(text))


# ---------------------------------------------------------------------------------------------
# the data behind the chapters


def test_framing_resources_pass_their_checks(study):
    assert coding_rules.framing_problems(study) == []


def test_unknown_citation_key_in_data_is_refused(data_copy):
    path = data_copy.parent / "paradigms.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("doezema2010", "doezema2011"), encoding="utf-8")
    problems = coding_rules.framing_problems(trata.load(data_copy, validate=False))
    assert [p.rule for p in problems] == ["citation-key"]
    assert "doezema2011" in problems[0].message
    with pytest.raises(DataPackageError) as exc:  # validation runs the same check, before any notebook
        trata.load(data_copy)
    assert [p.rule for p in exc.value.problems] == ["citation-key"]


def test_malformed_citation_list_is_refused_by_the_schema(data_copy):
    path = data_copy.parent / "paradigms.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("fraisse2012;doychak2020", "fraisse2012;doychak2020 farley"), encoding="utf-8")
    with pytest.raises(DataPackageError) as exc:
        trata.load(data_copy)
    assert any(p.column == "neo_abolitionist_sources" for p in exc.value.problems)


def test_milestone_year_must_agree_with_its_status(data_copy):
    """A year the article does not give may not be filled in (e.g. the Protocol's)."""
    path = data_copy.parent / "legal_milestones.csv"
    rows = list(csv.reader(path.open(encoding="utf-8")))
    header = rows[0]
    rows[1][header.index("year")] = "2000"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    problems = coding_rules.framing_problems(trata.load(data_copy, validate=False))
    assert [p.rule for p in problems] == ["year-status"]
    assert problems[0].line == 2


def test_palermo_protocol_has_no_year(study):
    ms = readers.milestones(study).set_index("milestone")
    assert ms.loc["palermo_protocol", "year_status"] == consent_fig.YEAR_NOT_GIVEN
    assert ms["year"].isna().sum() == 1
    assert ms.dropna(subset=["year"])["year"].astype(int).tolist() == [2007, 2012]


def test_all_five_criteria_required(data_copy):
    path = data_copy.parent / "inclusion_criteria.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("rest,true", "rest,false"), encoding="utf-8")
    assert [p.rule for p in coding_rules.framing_problems(trata.load(data_copy, validate=False))] == ["all-required"]


def test_new_resources_are_appended_after_the_foundation(study):
    names = [r["name"] for r in study.descriptor["resources"]]
    mine = ["paradigms", "legal_milestones", "inclusion_criteria", "interview_places"]
    assert all(n in names for n in mine)
    assert names.index("printed_cells") < min(names.index(n) for n in mine)
    for name in mine:
        res = study.resource(name)
        assert res["sources"] and res["schema"]["primaryKey"] and all(f.get("description") for f in res["schema"]["fields"])


def sample_facts(study) -> dict[str, object]:
    return {k.removeprefix("methodology_"): v for k, v in methodology.glues(study).items()}


def test_sample_facts_use_the_books_reading_of_table2(study):
    facts = sample_facts(study)
    read = tables.table2_read(study).set_index("variable")
    assert facts["age_mean"] == read.loc["age", "mean"] == 24.7  # printed under "Median"
    assert facts["age_median"] == read.loc["age", "median"] == 24  # printed under "Mean"
    assert facts["education_mean"] == 3.8  # the text's "average of 3.8 years of education"
    assert (facts["trafficked_age_min"], facts["trafficked_age_max"]) == (12, 35)
    assert (facts["months_min"], facts["months_max"]) == (1, 39)
    assert facts["interviewees"] == 75 and facts["countries_k"] == 6 and facts["states_k"] == 16
    assert facts["two_states"] == 6 and facts["two_networks"] == 2
    assert (facts["escape_first_n"], facts["escape_first_share"]) == (33, "44.0")
    assert (facts["year_first"], facts["year_last"]) == (2013, 2022)
    assert facts["places_mexico_k"] == 5 and facts["places_us"] == "Nevada"
    for key, value in facts.items():  # glue shows numpy scalars by their repr
        if key.endswith("_table"):
            continue
        assert type(value) in (int, float, str), (value, type(value))


def test_sample_facts_follow_the_data(data_copy):
    """Change the data, and the prose's numbers change with it."""
    path = data_copy.parent / "countries.csv"
    text = path.read_text(encoding="utf-8").replace("Guatemala,32", "Guatemala,31").replace("Belize,1", "Belize,2")
    path.write_text(text, encoding="utf-8")
    facts = sample_facts(trata.load(data_copy))
    assert "Guatemala (31)" in facts["countries_list"] and facts["top_country_share"] == P.fmt_share(100 * 31 / 75)
    assert facts["countries_list"].endswith("and Belize (2)")


# ---------------------------------------------------------------------------------------------
# running the chapters' code: every glued key exists


def referenced_glue_keys(text: str) -> set[str]:
    return ({k.split(":")[0] for k in GLUE_ROLE.findall(text) if "::" not in k}
            | {k for k in GLUE_DIRECTIVE.findall(text) if "::" not in k})


def pasted_glue_keys(chapter: str) -> set[str]:
    """The keys other pages paste from the chapter's page (``{glue:text}`/notebooks/CHAPTER.md::key```)."""
    prefix = f"/notebooks/{chapter}.md::"
    return {k[len(prefix):].split(":")[0] for p in PAGES for k in GLUE_ROLE.findall(p.read_text(encoding="utf-8"))
            if k.startswith(prefix)}


MODULES = {"annex": annex_chapter, "audit": audit_chapter, "consent": consent, "excerpts": excerpts, "home": home,
           "leadership": leadership, "methodology": methodology, "profile": profile_chapter}


@pytest.fixture(scope="module")
def glued(study):
    return {name: module.glues(study) for name, module in MODULES.items()}


@pytest.mark.parametrize("chapter", sorted(CHAPTERS))
def test_a_chapter_glues_exactly_what_its_page_uses(chapter, glued):
    """Every key the page uses is glued by its chapter module, and nothing else is (no dead glues)."""
    used = referenced_glue_keys(CHAPTERS[chapter].read_text(encoding="utf-8")) | pasted_glue_keys(chapter)
    assert used, "the chapter glues nothing"
    assert used == set(glued[chapter]), (sorted(used - set(glued[chapter])), sorted(set(glued[chapter]) - used))


@pytest.mark.parametrize("chapter", sorted(CHAPTERS))
def test_every_notebook_opens_the_same_way(chapter):
    """One code cell, the preamble: the chapter's values glued from its module, and no reading asserted."""
    notebook = jupytext.read(CHAPTERS[chapter])
    cells = [c for c in notebook.cells if c.cell_type == "code"]
    assert len(cells) == 1 and notebook.cells[0] is cells[0]
    expected = PREAMBLE.format(chapter=chapter)
    assert cells[0].source.strip() == expected.strip()


@pytest.mark.parametrize("chapter", sorted(CHAPTERS))
def test_glue_keys_are_literal_in_the_chapter_module(chapter, glued):
    """A glued value can be traced by searching for its key: each key is written out in its module."""
    source = Path(MODULES[chapter].__file__).read_text(encoding="utf-8")
    assert all(f'"{key}"' in source for key in glued[chapter]), [k for k in glued[chapter] if f'"{k}"' not in source]


# ---------------------------------------------------------------------------------------------
# no statistic typed into the prose

typed_numbers = prose.typed_numbers


@pytest.mark.parametrize("markdown, found", [
    ("Of the 75 women, 42.7% came from Guatemala.", ["75", "42.7%"]),
    ("The mean age was 24.7 years.", ["24.7"]),
    ("Interviews ran from 2013 to 2022.", ["2013", "2022"]),
    ("The 2007 Law and the 2012 General Law; the 2012 law.", []),
    ("See the article's Table 2 and Tables 1 to 4.", []),
    ("{glue:text}`methodology_interviewees` women {cite:p}`izcara2023` ({numref}`tbl-annex-states`)", []),
    ("As cited, \"Tybuczy (2020)\" and “Augustine (2007: 161)”.", []),
    ("> They were 20 women (Jimena, 2015)", []),
    ("```{code-cell} ipython3\nx = 75\n```\nNo number here.", []),
    (":::{glue:figure} k\n:name: fig-x\nCaption with 3 items.\n:::", ["3"]),
    ("1. first\n2. second", []),
])
def test_typed_number_scanner(markdown, found):
    assert typed_numbers(markdown) == found


@pytest.mark.parametrize("chapter", sorted(FRAMING))
def test_no_statistic_typed_into_the_prose(chapter):
    assert typed_numbers(FRAMING[chapter].read_text(encoding="utf-8")) == []


# ---------------------------------------------------------------------------------------------
# the built pages


def page(site, name):
    return htmlpage.soup(site / "notebooks" / f"{name}.html")


text_of = htmlpage.text_of


def smart(text: str) -> str:
    """Sphinx turns straight apostrophes into typographic ones."""
    return text.replace("'", "’")


def html_table(soup, label) -> list[list[str]]:
    return htmlpage.table(soup, label)


def headings(soup) -> list[str]:
    return htmlpage.headings(soup)


def author_year(bib, key) -> str:
    """The in-text label the book's citation style gives a key (``trata.citestyle``)."""
    persons = bib.entries[key].persons["author"]
    names = [" ".join(p.prelast_names + p.last_names) for p in persons if str(p) != "others"]
    who = f"{names[0]} et al." if str(persons[-1]) == "others" or len(names) > 2 else " and ".join(names)
    return f"{who}, {bib.entries[key].fields['year']}"


@pytest.mark.parametrize("name, expected", [
    ("consent", ["Consent and the crime of sex trafficking", "What the Palermo Protocol requires",
                 "Mexico’s trafficking laws", "When consent stops counting", "Two feminist readings of consent",
                 "The neo-abolitionist reading", "The pro-rights reading", "Where the two readings come from",
                 "The two readings side by side", "The position the study takes"]),
    ("methodology", ["Methodology and the sample", "A qualitative design", "Who could take part", "Ethics",
                     "When and where the interviews took place", "The sample", "Countries of origin",
                     "Age, schooling and time in trafficking", "Where the women were trafficked",
                     "How recent the events were", "The cases behind the accounts"]),
])
def test_built_pages_have_their_headings_and_open_with_a_content_note(site, name, expected):
    soup = page(site, name)
    assert headings(soup) == expected
    first_section = soup.find("article").find("section")
    opening = [child for child in first_section.children if child.name]
    assert opening[0].name == "h1"
    assert "admonition" in opening[1]["class"] and "Content note" in opening[1].get_text()


def test_built_paradigm_table_equals_the_data(site, study, bib):
    rows = html_table(page(site, "consent"), "tbl-consent-paradigms")
    assert rows[0] == messages.header("consent.paradigms.header")
    data = readers.paradigms(study)
    assert len(rows) - 1 == len(data)
    for row, r in zip(rows[1:], data.itertuples()):
        assert row[0] == smart(r.dimension_label)
        for cell, position, keys in ((row[1], r.neo_abolitionist, r.neo_abolitionist_sources),
                                     (row[2], r.pro_rights, r.pro_rights_sources)):
            assert cell.startswith(smart(position)), (cell, position)
            for key in vocabulary.split_keys(keys):
                assert author_year(bib, key) in cell, (key, cell)


def test_built_milestone_table_and_figure(site, study):
    soup = page(site, "consent")
    rows = html_table(soup, "tbl-consent-milestones")
    assert rows[0] == messages.header("consent.milestones.header")
    assert [r[:3] for r in rows[1:]] == [[consent_fig.year_label(r.year), r.instrument, r.jurisdiction] for r in readers.milestones(study).itertuples()]
    assert rows[1][0] == "Not given in the article"
    figure = soup.find(id="fig-consent-milestones")
    assert figure is not None
    chart = figure.find("div", class_="trata-figure")
    assert chart is not None and chart["role"] == "img"
    assert chart["aria-label"] == consent_fig.timeline_alt_text(study).replace("  ", " ")
    assert chart.find("svg") is not None  # static drawing, shown without JavaScript
    spec = json.loads(chart.find("script", class_="trata-figure-spec").string)
    assert [m["year"] for m in milestone_marks(spec)] == [consent_fig.year_label(y, short=True) for y in readers.milestones(study)["year"]]


def milestone_marks(spec: dict) -> list[dict]:
    """The rows of the chart's data that hold the milestones (the other dataset is the line)."""
    return next(rows for rows in spec["datasets"].values() if rows and "instrument" in rows[0])


def test_timeline_places_no_undated_instrument_on_a_year(study):
    """The axis is the order of the instruments; the Protocol carries no year the article lacks."""
    spec = consent_fig.timeline_chart(study).to_dict()
    marks = milestone_marks(spec)
    assert [m["year"] for m in marks] == ["Year not given", "2007", "2012"]
    assert [m["order"] for m in marks] == [1, 2, 3]
    encodings = [layer["encoding"]["x"]["field"] for layer in spec["layer"] if "x" in layer.get("encoding", {})]
    assert "year" not in encodings
    assert "Palermo Protocol (not given in the article, International)" in consent_fig.timeline_alt_text(study)


def test_built_methodology_tables_equal_the_data(site, study):
    soup = page(site, "methodology")
    crit = html_table(soup, "tbl-methodology-criteria")
    assert crit == [messages.header("methodology.criteria.header")] + methodology.criteria_rows(study)
    assert len(crit) - 1 == 5
    sample = html_table(soup, "tbl-methodology-sample")
    assert sample[0] == messages.header("methodology.sample.header")
    assert sample[1:] == methodology.sample_rows(study)
    assert sample[1] == ["Age at interview (years)", "19", "24", "24.7", "21", "36"]


def test_built_prose_carries_the_glued_numbers(site, study):
    text = text_of(page(site, "methodology").find("article"))
    facts = sample_facts(study)
    assert f"between {facts['age_min']} and {facts['age_max']} years old, with a mean age of {facts['age_mean']}" in text
    assert f"{facts['escape_first_n']} women ({facts['escape_first_share']}%)" in text
    assert facts["countries_list"] in text
    consent = text_of(page(site, "consent").find("article"))
    assert "(Acharya et al., 2016, p. 15)" in consent
    assert "(Clemente, 2023, p. 422; Shih, 2016, p. 68)" in consent


def test_cross_references_resolve_to_the_annex(site):
    soup = page(site, "methodology")
    hrefs = {a["href"] for a in soup.find_all("a", href=True)}
    for label in ("tbl-annex-countries", "tbl-annex-characteristics", "tbl-annex-states", "tbl-annex-escape", "tbl-annex-leaders",
                  "fig-annex-countries", "fig-annex-characteristics", "fig-annex-states", "fig-annex-escape", "fig-annex-leaders"):
        assert f"annex.html#{label}" in hrefs, label


def test_bibliography_page_lists_every_work_with_author_year_labels(site, bib):
    soup = htmlpage.soup(site / "book" / "bibliography.html")
    labels = [re.sub(r"\s+", " ", s.get_text("")).strip("[] ") for s in soup.select("div.citation span.label")]
    assert len(labels) == len(REFERENCE_LIST)
    assert set(labels) == {author_year(bib, k) for k in REFERENCE_LIST}
