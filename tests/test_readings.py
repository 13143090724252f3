"""The readings the chapters state in words are chosen by the data (no book build).

A property-based test draws valid Table 5 counts and checks that every chosen reading is true of
them; the article's own data keep the article's wording; the fixture packages of tests/fixtures/
are valid, differ from the article where they say, and get the readings they were made for; the
validator names the choices the book cannot make by itself.
"""

from __future__ import annotations

import json
from pathlib import Path

import packages
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import trata
from trata.analyse import provenance, reconcile, stats
from trata.chapters import excerpts, home, leadership, profile
from trata.chapters import readings as R
from trata.core import messages as M

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = sorted(p.parent for p in (ROOT / "tests" / "fixtures").glob("*/case.json"))
TYPES = ("cartel", "nightclub", "trafficking_group", "modelling_agency", "freelance", "pseudonovio")
SHORT = M.labels("type_short")


def fixture_package(tmp: Path, name: str) -> Path:
    """A copy of data/ with the edits of tests/fixtures/NAME/case.json."""
    pkg = tmp / name
    packages.copy_data(pkg)
    packages.apply(pkg, json.loads((ROOT / "tests" / "fixtures" / name / "case.json").read_text(encoding="utf-8"))["edits"])
    return pkg


# ---------------------------------------------------------------------------------------------
# property: any valid Table 5


@st.composite
def table5(draw):
    networks = draw(st.lists(st.integers(0, 40), min_size=6, max_size=6).filter(lambda xs: sum(xs) > 0))
    # at most six women leaders: the exact test enumerates every table, and Table 5 has four
    women = [draw(st.integers(0, min(n, 3))) for n in networks]
    while sum(women) > 6:
        women[women.index(max(women))] -= 1
    return R.Leadership(TYPES, tuple(women), tuple(networks), SHORT)


@settings(max_examples=120, deadline=None)
@given(table5())
def test_chosen_readings_are_true_of_any_valid_table5(d):
    n = dict(zip(TYPES, d.networks))
    w = dict(zip(TYPES, d.women))
    share = sum(w.values()) / sum(n.values())
    present = [t for t in TYPES if n[t]]
    top = max(n.values())

    rank = R.cartel_rank(d)
    if n["cartel"] == 0:
        assert rank.case == "no cartels"
    elif all(n["cartel"] > n[t] for t in TYPES if t != "cartel"):
        assert rank.case == "largest" and rank.text == "Cartel networks are the largest group in the study"
    elif n["cartel"] == top:
        assert rank.case == "tied" and "with the" in rank.text
    else:
        assert rank.case == "not largest" and " not " in rank.text

    cartel = R.cartel_leaders(d).text
    assert (cartel == "all led by men") == (w["cartel"] == 0)

    largest = R.largest_type(d)
    assert (largest.text == "Mexican cartels") == (d.largest == ["cartel"])
    assert all(SHORT[t] in largest.text.lower() for t in d.largest if t != "cartel")

    exception = R.exception(d)
    assert exception.case == ("no leader" if sum(w.values()) == 0 else "exception" if share < 0.1 else "no exception")
    assert ("own nightclubs" in exception.text) == (w["nightclub"] > 0)
    assert R.in_charge(d).case == R.men_led(d).case

    men = R.men_led(d)
    assert men.case == ("every" if share == 0 else "almost every" if share < 0.1 else "most" if share < 0.5 else "not most")

    who = R.women_leaders(d).text
    for t in TYPES:
        named = f"of the {SHORT[t]}" in who
        assert named == (w[t] > 0), (t, who)
    if sum(w.values()) == 0:
        assert who == "No network in the study was led by a woman"

    tight = [t for t in present if stats.wilson(w[t], n[t])[1] < R.SIZEABLE]
    intervals = R.intervals(d)
    assert intervals.case == ("none" if not tight else "several" if len(tight) > 1
                              else "largest only" if d.largest == tight else "one")
    if len(tight) > 1:
        head = intervals.text.split(", whose")[0].split("a sizeable share for the ")[1]
        assert {t for t in TYPES if SHORT[t] in head} == set(tight)
    assert intervals.text.startswith("Although") == any(w[t] == 0 for t in present)

    evidence = R.test_evidence(d)
    if sum(w.values()) == 0 or len([t for t in present if w[t]]) == len(present) == 1:
        assert evidence.case == "nothing to test"
    else:
        p = stats.freeman_halton([w[t] for t in present], [n[t] for t in present]).pvalue
        assert evidence.case == ("evidence" if p < 0.05 else "weak" if p < 0.2 else "no evidence")
        assert ("weak evidence" in evidence.text) == (0.05 <= p < 0.2)
    assert R.test_conclusion(d).case == evidence.case

    for fn in (R.agency_leaders, R.freelance_leaders):
        r = fn(d)
        t = "modelling_agency" if fn is R.agency_leaders else "freelance"
        assert r.case == ("empty" if n[t] == 0 else "men" if w[t] == 0 else "women")
    for r in (rank, men, intervals, evidence, R.overlap(d), R.nightclub_leaders(d), R.group_leaders(d), R.group_roles(d)):
        assert "nan" not in r.text and "{" not in r.text, r


# ---------------------------------------------------------------------------------------------
# the article's own data keep the article's wording


def test_the_articles_data_keep_the_articles_wording(study):
    r = profile.readings(study) | leadership.readings(study)
    assert r["profile_reading_cartel_leaders"].text == "all led by men"
    assert r["profile_reading_nightclub_leaders"].text == "13 cases, one of them led by a woman"
    assert r["profile_reading_group_leaders"].text == "15 cases, three of them led by women"
    assert r["profile_reading_agency_leaders"].text == "6 cases, all led by men whom the women described as"
    assert r["profile_reading_women_pct"].text == "5.2%, which the article rounds to 5%"
    assert r["profile_reading_women_leaders"].text == (
        "The women who led were the owner of a cantina and the heads of three prostitution networks, two of them run "
        "from transient hotels and one through the Internet")
    assert r["profile_reading_exception"].text == "women who own nightclubs or lead trafficking groups exist, but they are the exception"
    assert r["profile_reading_nightclub_owner"].text == ("the owner of a nightclub and the three women who led "
                                                         "trafficking groups")
    assert r["leadership_reading_intervals"].text.startswith(
        "Although four of the six types had no woman leader, only for the largest, the cartels, does the interval")
    assert r["leadership_reading_test"].case == "weak"
    assert r["leadership_reading_in_charge"].text == ("What stands without any test is what the article reports: in the "
                                                      "cases these women described, men were in charge almost everywhere.")
    assert r["profile_reading_men_led"].text == "Men led almost every network"
    g = home.glues(study)
    assert g["home_reading_origins"] == "Central America and Colombia"
    assert g["home_reading_largest"] == "Mexican cartels"
    assert g["home_reading_women_pct"] == "5.2%, which the article rounds to 5%"
    assert excerpts.glues(study)["excerpts_reading_years"].startswith("For Remedios the cited year is the more plausible")
    assert provenance.of(study).reproduces


def test_origins_name_a_new_country():
    assert R.origins(["Guatemala", "Honduras", "Colombia", "Venezuela"]).text == "Central America, Colombia and Venezuela"
    assert R.origins(["Guatemala", "Nicaragua"]).text == "Central America"


def test_a_rounding_slip_of_the_article_is_still_the_articles_data(study):
    """Table 5 prints 48.0 for 37 of 77 (48.05): the reconciliation calls it a mismatch, and the
    package is still the article's."""
    rep = reconcile.report(study)
    assert (rep["status"] == "mismatch").sum() >= 1
    assert provenance.differing(rep).empty


# ---------------------------------------------------------------------------------------------
# the fixture packages


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_fixture_is_valid_differs_and_gets_its_readings(fixture, tmp_path):
    case = json.loads((fixture / "case.json").read_text(encoding="utf-8"))
    study = trata.load(fixture_package(tmp_path, fixture.name))
    prov = provenance.of(study)
    assert not prov.reproduces and prov.cells > 0
    got = profile.readings(study) | leadership.readings(study) | {"home_reading_origins": R.origins(
        [c for c in study["countries"]["country"]])}
    assert {k: got[k].case for k in case["expect"]} == case["expect"]


def test_a_woman_cartel_leader_needs_a_coded_position(tmp_path):
    pkg = tmp_path / "data"
    packages.copy_data(pkg)
    packages.apply(pkg, [{"file": "leaders.csv", "replace": ["cartel,male,37", "cartel,male,36"]},
                         {"file": "leaders.csv", "replace": ["cartel,female,0", "cartel,female,1"]}])
    err = packages.refused(pkg)
    msgs = [str(p) for p in err.problems]
    assert any(m.startswith("women_positions.csv: [woman-leader-position]") and "'cartel'" in m
               and "choose its line" in m for m in msgs), msgs


def test_a_leader_row_for_a_type_no_woman_led_is_refused(tmp_path):
    pkg = tmp_path / "data"
    packages.copy_data(pkg)
    packages.apply(pkg, [{"file": "leaders.csv", "replace": ["nightclub,male,12", "nightclub,male,13"]},
                         {"file": "leaders.csv", "replace": ["nightclub,female,1", "nightclub,female,0"]}])
    msgs = [str(p) for p in packages.refused(pkg).problems]
    assert any("women_positions.csv, line 12, column 'position': [woman-leader-position] nightclub-leader" in m
               for m in msgs), msgs


def test_a_position_off_the_articles_divide_names_the_choice(tmp_path):
    pkg = tmp_path / "data"
    packages.copy_data(pkg)
    packages.apply(pkg, [{"file": "women_positions.csv", "replace": [
        "cartel-spy,cartel,spy,Made to spy on members of rival cartels,migrant,",
        "cartel-spy,cartel,spy,Made to spy on members of rival cartels,native,"]}])
    msgs = [str(p) for p in packages.refused(pkg).problems]
    assert any("[positions-divide] cartel-spy" in m and "notebooks/profile.md" in m and "Choose" in m for m in msgs), msgs
