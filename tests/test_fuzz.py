"""Fuzzing the validator and the escaping path (Hypothesis).

Generated text and numeric cells, and small mutations of the descriptor, are put into copies of
data/. Validation must either accept the package or refuse it with problems (a
:class:`DataPackageError` whose every problem names a file and a rule); it never raises anything
else. Every text the validator accepted is then rendered, once, on one Sphinx page through the
book's escaping path (a table cell and a quotation, with the MyST extensions of _config.yml and
the verbatim transform): the page must show its characters and nothing else (no element, math or
substitution), the quotation exactly, a table cell up to Sphinx's typographic quotes.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import hostile
import htmlpage
import packages
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sphinx.cmd.build import build_main

import trata
from trata import DataPackageError
from trata.present.excerpts import quotation
from trata.present.tables import list_table

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = 20  # per strategy; `make bench` is where speed is measured
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None, phases=[Phase.generate],
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

#: (file, column) of text cells the book shows; (file, column) of numeric cells.
TEXT_CELLS = [("excerpts.csv", "text"), ("typology.csv", "summary"), ("network_types.csv", "label"),
              ("women_positions.csv", "description"), ("roster.csv", "nationality_as_printed")]
NUMBER_CELLS = [("countries.csv", "n"), ("characteristics.csv", "value"), ("time_since_escape.csv", "max_months"),
                ("roster.csv", "age"), ("leaders.csv", "n")]

markup = st.sampled_from(list(hostile.PAYLOADS.values()) + hostile.VERBATIM)
texts = st.one_of(st.text(st.characters(exclude_categories=("Cs",)), max_size=60),
                  st.text(st.sampled_from(list("<>{}[]()`$*_#-+=!&;:|\\\"' \n.1aé")), max_size=40),
                  markup, st.tuples(st.text(max_size=10), markup).map("".join))
numbers = st.one_of(st.integers(-10**25, 10**25).map(str), st.floats().map(str),
                    st.sampled_from(["NaN", "nan", "inf", "-Infinity", "1e308", "1e-308", "0x10", "1_000", " 5", "٣", "",
                                     "5.0", "-0", "+3", "1,5", "9" * 400]))
#: Small mutations of the descriptor: a JSON path, and the value set there (None deletes it).
PATHS = [["resources", 0, "path"], ["resources", 0, "name"], ["resources", 0, "schema"], ["resources", 0, "schema", "fields", 0],
         ["resources", 0, "schema", "fields", 1, "type"], ["resources", 0, "schema", "fields", 0, "constraints"],
         ["resources", 0, "schema", "primaryKey"], ["resources", 1, "schema", "foreignKeys"], ["resources", 0, "dialect"],
         ["study"], ["study", "interviewees"], ["study", "interview_years"], ["resources"], ["resources", 0]]
json_values = st.recursive(st.none() | st.booleans() | st.integers(-10**20, 10**20) | st.floats() | st.text(max_size=20)
                           | st.sampled_from(["../x.csv", "/etc/passwd", "https://example.org/a.csv", "countries.csv",
                                              "data:text/csv,a", "published", "integer", "string"]),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
                           max_leaves=6)


def outcome(pkg: Path) -> bool:
    """Validate; True if accepted. Anything raised other than a DataPackageError fails the test."""
    try:
        trata.load(pkg)
    except DataPackageError as exc:
        assert exc.problems and all(p.file and re.fullmatch(r"[a-z-]+", p.rule) for p in exc.problems)
        assert "Traceback" not in str(exc)
        return False
    return True


def fresh(tmp: Path) -> Path:
    pkg = tmp / "data"
    shutil.rmtree(pkg, ignore_errors=True)
    packages.copy_data(pkg)
    return pkg


def set_cell(pkg: Path, where: tuple[str, str], row: int, value: str) -> None:
    def edit(rows):
        k = rows[0].index(where[1])
        rows[1 + row % (len(rows) - 1)][k] = value
    packages.rewrite(pkg / where[0], edit)


def render(texts: list[str], tmp: Path) -> str:
    """One Sphinx page showing each text in a table cell and in a quotation; its HTML."""
    src = tmp / "page"
    shutil.rmtree(src, ignore_errors=True)
    src.mkdir()
    shutil.copyfile(ROOT / "references.bib", src / "references.bib")
    (src / "conf.py").write_text(
        "extensions = ['myst_parser', 'sphinxcontrib.bibtex', 'trata.book.verbatim']\n"
        "myst_enable_extensions = ['colon_fence', 'dollarmath', 'deflist', 'substitution']\n"
        "myst_substitutions = {'project': 'SUBSTITUTED'}\n"
        "bibtex_bibfiles = ['references.bib']\nbibtex_reference_style = 'author_year'\n", encoding="utf-8")
    lines = ["# Fuzz", ""]
    for i, t in enumerate(texts):
        lines += list_table([[f"t{i}", t]], ["id", "text"], label=f"tbl-t{i}") + ["", quotation(t, "P", 2020), ""]
    lines += ["```{bibliography}", "```"]
    (src / "index.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert build_main(["-b", "html", "-q", "-W", "-E", str(src), str(tmp / "html")]) == 0
    return (tmp / "html" / "index.html").read_text(encoding="utf-8")


def shown(text: str) -> str:
    """What the escaping path promises to show: the characters, white space runs as one space."""
    return re.sub(r"[ \t\r\n\f\v]+", " ", text).strip()


def typographic(text: str) -> str:
    """Text with Sphinx's smart quotes undone on both sides (tables of the chapters keep them)."""
    for a, b in (("‘", "'"), ("’", "'"), ("“", '"'), ("”", '"'), ("…", "..."), ("—", "---"), ("–", "--")):
        text = text.replace(a, b)
    return text


def test_validation_never_raises_and_accepted_text_is_shown_exactly(tmp_path):
    accepted = list(hostile.PAYLOADS.values()) + hostile.VERBATIM

    @FUZZ
    @given(where=st.sampled_from(TEXT_CELLS), row=st.integers(0, 50), text=texts)
    def text_cells(where, row, text):
        pkg = fresh(tmp_path)
        set_cell(pkg, where, row, text)
        if outcome(pkg):
            accepted.append(text)

    @FUZZ
    @given(where=st.sampled_from(NUMBER_CELLS), row=st.integers(0, 50), value=numbers)
    def number_cells(where, row, value):
        pkg = fresh(tmp_path)
        set_cell(pkg, where, row, value)
        if outcome(pkg):  # an accepted number is one the study can hold
            assert value.strip() == "" or abs(float(value)) <= 1e9

    @FUZZ
    @given(path=st.sampled_from(PATHS), value=json_values)
    def descriptor(path, value):
        pkg = fresh(tmp_path)
        d = json.loads((pkg / "datapackage.json").read_text(encoding="utf-8"))
        holder = d
        for key in path[:-1]:
            holder = holder[key]
        if value is None:
            holder.pop(path[-1]) if isinstance(holder, dict) else holder.pop(path[-1])
        else:
            holder[path[-1]] = value
        (pkg / "datapackage.json").write_text(json.dumps(d), encoding="utf-8")
        outcome(pkg)

    text_cells()
    number_cells()
    descriptor()

    wanted = [t for t in dict.fromkeys(accepted) if shown(t)]
    page = htmlpage.fragment(render(wanted, tmp_path))
    assert not page.select(".math, script[src*='mathjax'], img, svg, iframe, object, embed")
    assert "SUBSTITUTED" not in page.get_text()
    for i, t in enumerate(wanted):
        cell = page.find("table", id=f"tbl-t{i}").find_all("td")[1]
        assert typographic(cell.get_text()) == typographic(shown(t)), t  # a table cell may get typographic quotes
        assert {tag.name for tag in cell.find_all(True)} <= {"p"}, t  # no element from the text
        quote = cell.find_next("blockquote")
        assert quote.find("p").get_text() == shown(t), t  # no smart quotes, no math, no list or heading
        assert {tag.name for tag in quote.find("p").find_all(True)} == set(), t
