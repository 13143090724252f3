"""Rerun on updated data, end to end, with the real command.

A copy of data/ is built into a scratch folder; one count is changed consistently (one network
moves from the freelance traffickers to the nightclub owners, in the data and in the printed
table) and the book rebuilt with the same command. The new value must be in the annex table, in
the figure's data and in the prose; nothing else may change; only notebooks that compute are
re-executed. Then a malformed package must fail with its message, and a package whose readings
the book cannot choose by itself must be refused before anything runs, both leaving the site byte
for byte as it was. Finally the SYNTHETIC case-level package, without any aggregate table,
builds the same annex tables.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import htmlpage
import packages
import pytest
from conftest import SITE_OUT, build_site

import trata
from trata.analyse import stats

pytestmark = pytest.mark.build

ROOT = Path(__file__).resolve().parents[1]


# ---------------------------------------------------------------------------------------------
# what a page says


page_text = htmlpage.block_texts


def pages(site: Path) -> dict[str, list[str]]:
    skip = {"search.html", "genindex.html", "index.html"}
    return {str(p.relative_to(site)): page_text(p) for p in sorted(site.rglob("*.html"))
            if not p.relative_to(site).parts[0].startswith("_") and p.name not in skip}


def numbers_blanked(lines: list[str]) -> list[str]:
    return [re.sub(r"\d+(?:[.,]\d+)*", "#", line) for line in lines]


figure_specs = htmlpage.figure_specs
parse_tables = htmlpage.tables


def records(spec) -> list[dict]:
    """Every data record in a specification (inline data and named datasets, at any depth)."""
    out = []
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key in ("values", "datasets") and isinstance(value, list):
                out += [v for v in value if isinstance(v, dict)]
            elif key == "datasets" and isinstance(value, dict):
                for rows in value.values():
                    out += [v for v in rows if isinstance(v, dict)]
            else:
                out += records(value)
    elif isinstance(spec, list):
        for item in spec:
            out += records(item)
    return out


def networks_of_type(specs: dict[str, dict], network_type: str) -> set:
    """The number of networks of a type that the figures' data give (records naming the type)."""
    counts = set()
    for spec in specs.values():
        for r in records(spec):
            if r.get("network_type") == network_type:
                counts |= {r[k] for k in ("total_n", "networks") if isinstance(r.get(k), int)}
    return counts


def tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


# ---------------------------------------------------------------------------------------------
# the change


def move_one_network(pkg: Path) -> None:
    """One network recorded as run by freelance traffickers is recorded as a nightclub's: in Table
    5's data and, consistently, in the printed table (counts and shares), so that every total
    holds. Every statement the chapters make in words stays true."""
    packages.apply(pkg, [
        {"file": "leaders.csv", "replace": ["nightclub,male,12", "nightclub,male,13"]},
        {"file": "leaders.csv", "replace": ["freelance,male,4", "freelance,male,3"]},
        {"file": "published/printed_cells.csv", "replace": ["table5,Nighclub owners,Males n,12", "table5,Nighclub owners,Males n,13"]},
        {"file": "published/printed_cells.csv", "replace": ["table5,Nighclub owners,Males %,92.3", "table5,Nighclub owners,Males %,92.9"]},
        {"file": "published/printed_cells.csv", "replace": ["table5,Nighclub owners,Women %,7.7", "table5,Nighclub owners,Women %,7.1"]},
        {"file": "published/printed_cells.csv", "replace": ["table5,Nighclub owners,Total n,13", "table5,Nighclub owners,Total n,14"]},
        {"file": "published/printed_cells.csv", "replace": ["table5,Nighclub owners,Total %,16.9", "table5,Nighclub owners,Total %,18.2"]},
        {"file": "published/printed_cells.csv", "replace": ["table5,Freelancers traffickers,Males n,4", "table5,Freelancers traffickers,Males n,3"]},
        {"file": "published/printed_cells.csv", "replace": ["table5,Freelancers traffickers,Total n,4", "table5,Freelancers traffickers,Total n,3"]},
        {"file": "published/printed_cells.csv", "replace": ["table5,Freelancers traffickers,Total %,5.2", "table5,Freelancers traffickers,Total %,3.9"]},
    ])


def move_one_woman_led_network_to_a_man(pkg: Path) -> None:
    """One trafficking group recorded as led by a woman is recorded as led by a man (a valid
    package, consistently changed, that contradicts what the profile chapter says in words)."""
    packages.apply(pkg, [
        {"file": "leaders.csv", "replace": ["trafficking_group,male,12", "trafficking_group,male,13"]},
        {"file": "leaders.csv", "replace": ["trafficking_group,female,3", "trafficking_group,female,2"]},
        {"file": "published/printed_cells.csv", "replace": ["table5,Trafficking groups,Males n,12", "table5,Trafficking groups,Males n,13"]},
        {"file": "published/printed_cells.csv", "replace": ["table5,Trafficking groups,Males %,80", "table5,Trafficking groups,Males %,86.7"]},
        {"file": "published/printed_cells.csv", "replace": ["table5,Trafficking groups,Women n,3", "table5,Trafficking groups,Women n,2"]},
        {"file": "published/printed_cells.csv", "replace": ["table5,Trafficking groups,Women %,20", "table5,Trafficking groups,Women %,13.3"]},
        {"file": "published/printed_cells.csv", "replace": ["table5,Total,Males n,73", "table5,Total,Males n,74"]},
        {"file": "published/printed_cells.csv", "replace": ["table5,Total,Males %,94.8", "table5,Total,Males %,96.1"]},
        {"file": "published/printed_cells.csv", "replace": ["table5,Total,Women n,4", "table5,Total,Women n,3"]},
        {"file": "published/printed_cells.csv", "replace": ["table5,Total,Women %,5.2", "table5,Total,Women %,3.9"]},
    ])


@pytest.fixture(scope="module")
def rerun(site, tmp_path_factory):
    """Build a copy of data/, change one count, rebuild into the same folder; keep both sites' text."""
    base = tmp_path_factory.mktemp("rerun")
    pkg, out = base / "data", base / "out"
    packages.copy_data(pkg)
    out.mkdir()
    # the execution cache is content-addressed: the session's site, built from the same data,
    # already holds the results of every notebook that does not print where the data are
    shutil.copytree(SITE_OUT / ".jupyter_cache", out / ".jupyter_cache")
    shutil.copytree(SITE_OUT / ".trata-reads", out / ".trata-reads")
    first = build_site(out, pkg)
    assert first.returncode == 0, first.stderr[-3000:]
    before = pages(out / "html")
    before_tables = parse_tables(out / "html" / "notebooks" / "annex.html")
    before_specs = figure_specs(out / "html" / "notebooks" / "annex.html")
    p_before = stats.leadership_test(trata.load(pkg)).pvalue
    move_one_network(pkg)
    p_after = stats.leadership_test(trata.load(pkg)).pvalue
    second = build_site(out, pkg)
    assert second.returncode == 0, second.stderr[-3000:]
    return {"pkg": pkg, "out": out, "first": first, "second": second, "before": before, "after": pages(out / "html"),
            "p": (p_before, p_after),
            "before_tables": before_tables, "after_tables": parse_tables(out / "html" / "notebooks" / "annex.html"),
            "before_specs": before_specs, "after_specs": figure_specs(out / "html" / "notebooks" / "annex.html")}


def reads(out: Path) -> dict[str, set[str]]:
    """What each notebook read when it last ran, as the build recorded it."""
    return {p.stem: set(json.loads(p.read_text(encoding="utf-8"))["resources"]) for p in (out / ".trata-reads").rglob("*.json")}


def executed(proc) -> set[str]:
    return set(re.findall(r"(\w+)\.md: Executing notebook", proc.stdout + proc.stderr))


def test_first_build_reused_the_content_addressed_cache(rerun):
    recorded = reads(SITE_OUT)
    assert recorded, "the build records what each notebook reads"
    assert executed(rerun["first"]) == set()  # no cache key depends on where the data folder is
    assert "Using cached notebook" in rerun["first"].stdout + rerun["first"].stderr


def test_new_count_in_the_annex_table(rerun):
    before = {r[0]: r for r in rerun["before_tables"]["tbl-annex-leaders"]}
    after = {r[0]: r for r in rerun["after_tables"]["tbl-annex-leaders"]}
    assert before["Nighclub owners"] == ["Nighclub owners", "12", "92.3", "1", "7.7", "13", "16.9"]
    assert after["Nighclub owners"] == ["Nighclub owners", "13", "92.9", "1", "7.1", "14", "18.2"]
    assert before["Freelancers traffickers"] == ["Freelancers traffickers", "4", "100.0", "0", "0.0", "4", "5.2"]
    assert after["Freelancers traffickers"] == ["Freelancers traffickers", "3", "100.0", "0", "0.0", "3", "3.9"]
    changed = ("Nighclub owners", "Freelancers traffickers")
    assert {k: v for k, v in after.items() if k not in changed} == {k: v for k, v in before.items() if k not in changed}


def test_new_count_in_the_prose(rerun):
    """The text alternative of the leaders figure says it in words, and the profile chapter's
    glued test result follows the new counts."""
    annex_before = " ".join(rerun["before"]["notebooks/annex.html"])
    annex_after = " ".join(rerun["after"]["notebooks/annex.html"])
    assert "nightclub owners (1 of 13)" in annex_before and "nightclub owners (1 of 14)" in annex_after
    p_before, p_after = rerun["p"]
    assert f"{p_before:.3f}" != f"{p_after:.3f}"
    profile_before = " ".join(rerun["before"]["notebooks/leadership.html"])
    profile_after = " ".join(rerun["after"]["notebooks/leadership.html"])
    assert f"{p_before:.3f}" in profile_before and f"{p_before:.3f}" not in profile_after
    assert f"{p_after:.3f}" in profile_after


def test_new_count_in_the_figure_data(rerun):
    assert rerun["before_specs"], "the annex has no figure"
    alt_before = [line for line in rerun["before"]["notebooks/annex.html"] if line.startswith("[figure]")]
    alt_after = [line for line in rerun["after"]["notebooks/annex.html"] if line.startswith("[figure]")]
    assert len(alt_before) == len(rerun["before_specs"]) and alt_before != alt_after
    assert networks_of_type(rerun["before_specs"], "nightclub") == {13}
    assert networks_of_type(rerun["after_specs"], "nightclub") == {14}
    assert networks_of_type(rerun["before_specs"], "freelance") == {4}
    assert networks_of_type(rerun["after_specs"], "freelance") == {3}


def test_other_tables_unchanged(rerun):
    for label in ("tbl-annex-countries", "tbl-annex-characteristics", "tbl-annex-states", "tbl-annex-escape"):
        assert rerun["after_tables"][label] == rerun["before_tables"][label], label
    rec_before, rec_after = rerun["before_tables"]["tbl-annex-reconciliation"], rerun["after_tables"]["tbl-annex-reconciliation"]
    changed = [(a, b) for a, b in zip(rec_before, rec_after) if a != b]
    assert len(rec_before) == len(rec_after)
    assert {(b[0], b[1]) for _, b in changed} <= {("Table A5", "Nighclub owners"), ("Table A5", "Freelancers traffickers")}
    assert [a[-1] for a, _ in changed] == [b[-1] for _, b in changed]  # every verdict stays what it was


def test_nothing_else_changed(rerun):
    """Same pages, same text everywhere except numbers; and no page changed that computes nothing."""
    before, after = rerun["before"], rerun["after"]
    assert sorted(before) == sorted(after)
    for page in before:
        assert numbers_blanked(after[page]) == numbers_blanked(before[page]), page
    computing = {f"{p.parent.name}/{p.stem}.html" for p in (ROOT / "notebooks").glob("*.md") if "{code-cell}" in p.read_text(encoding="utf-8")}
    changed = {page for page in before if before[page] != after[page]}
    assert "notebooks/annex.html" in changed
    assert changed <= computing


def test_only_notebooks_that_read_the_changed_table_were_re_executed(rerun):
    log = rerun["second"].stdout + rerun["second"].stderr
    assert "re-executing" in log
    # the change is to Table 5 and to its printed cells
    assert executed(rerun["second"]) == {doc for doc, r in reads(rerun["out"]).items() if r & {"leaders", "printed_cells"}}
    assert "annex" in executed(rerun["second"])


def test_a_change_to_table_1_re_executes_only_its_readers(rerun):
    packages.apply(rerun["pkg"], [{"file": "countries.csv", "replace": ["Guatemala,32", "Guatemala,31"]},
                                  {"file": "countries.csv", "replace": ["Honduras,17", "Honduras,18"]}])
    profile_before = (rerun["out"] / "html" / "notebooks" / "profile.html").read_bytes()
    proc = build_site(rerun["out"], rerun["pkg"])
    assert proc.returncode == 0, proc.stderr[-3000:]
    readers = {doc for doc, r in reads(rerun["out"]).items() if "countries" in r}
    assert "annex" in readers and "profile" not in readers
    assert executed(proc) == readers
    table = {r[0]: r for r in parse_tables(rerun["out"] / "html" / "notebooks" / "annex.html")["tbl-annex-countries"]}
    assert table["Guatemala"][1:] == ["31", "41.3"] and table["Honduras"][1:] == ["18", "24.0"]
    # Table 1 no longer as printed: every page now names the data it shows, and that note is all that
    # changes on the profile page, which does not read Table 1
    profile_after = (rerun["out"] / "html" / "notebooks" / "profile.html").read_bytes()
    note = re.compile(rb'<div class="admonition note trata-data-note".*?</div>\n', re.S)
    assert note.search(profile_after) and not note.search(profile_before)
    assert note.sub(b"", profile_after) == profile_before


def test_malformed_package_fails_and_the_site_survives(rerun):
    site = rerun["out"] / "html"
    digest = tree_digest(site)
    broken = rerun["pkg"].parent / "broken"
    shutil.copytree(rerun["pkg"], broken)
    packages.apply(broken, [{"file": "leaders.csv", "replace": ["nightclub,female,1", "nightclub,woman,1"]}])
    proc = build_site(rerun["out"], broken)
    assert proc.returncode == 2
    assert "leaders.csv, line 5, column 'leader_sex': [constraint-error] value 'woman' is not a known category" in proc.stderr
    assert "nothing was built" in proc.stderr
    assert "Running Sphinx" not in proc.stdout + proc.stderr
    assert tree_digest(site) == digest


def test_a_reading_the_data_cannot_choose_stops_the_build_before_anything_runs(rerun):
    """A valid-looking correction of Table 5 (one woman-led trafficking group fewer) that leaves the
    coding of the women leaders as it was: the validator names the file, the rule and the choice,
    nothing runs, and the published site is not touched. (Valid corrections build: test_fixture_builds.)"""
    site = rerun["out"] / "html"
    digest = tree_digest(site)
    contrary = rerun["pkg"].parent / "contrary"
    shutil.copytree(rerun["pkg"], contrary)
    move_one_woman_led_network_to_a_man(contrary)
    proc = build_site(rerun["out"], contrary)
    assert proc.returncode == 2
    assert ("women_positions.csv, line 14, column 'n_stated': [woman-leader-position] group-leader: n_stated is 3 but "
            "leaders.csv counts 2") in proc.stderr
    assert "Running Sphinx" not in proc.stdout + proc.stderr
    assert tree_digest(site) == digest


def test_case_level_package_builds_the_same_tables(site, fixture_site):
    """The SYNTHETIC case records, with no aggregate table beside them (tests/fixtures/case-level),
    yield the annex tables."""
    _, html, proc = fixture_site("case-level")
    assert proc.returncode == 0, proc.stderr[-3000:]
    got = parse_tables(html / "notebooks" / "annex.html")
    want = parse_tables(site / "notebooks" / "annex.html")
    for label in ("tbl-annex-countries", "tbl-annex-characteristics", "tbl-annex-escape", "tbl-annex-leaders"):
        assert got[label] == want[label], label
    # Table 3: the same states and counts; case records name states officially, so labels and
    # the order of ties may differ from the printed table's
    by_official = lambda rows: sorted((r[1], r[2], r[3]) for r in rows[1:])
    assert by_official(got["tbl-annex-states"]) == by_official(want["tbl-annex-states"])
