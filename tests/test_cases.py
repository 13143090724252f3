"""Case-level input: the SYNTHETIC fixture yields the five annex tables, and disagreements are caught."""

from __future__ import annotations

import json
import statistics

import packages
import pandas as pd
import pytest

import trata
from trata import DataPackageError
from trata.core import mapfile, vocabulary
from trata.core.precision import tolerance
from trata.data import cases
from trata.derive import tables

FIXTURE = packages.FIXTURE


@pytest.fixture(scope="module")
def synthetic():
    return trata.load(FIXTURE)


@pytest.fixture
def case_only(tmp_path):
    pkg = tmp_path / "data"
    packages.copy_data(pkg)
    packages.add_cases(pkg, drop_aggregates=True)
    return pkg


def test_fixture_is_labelled_synthetic_and_stays_in_tests():
    d = json.loads((FIXTURE / "datapackage.json").read_text(encoding="utf-8"))
    assert "SYNTHETIC" in d["title"]
    assert "SYNTHETIC" in next(r for r in d["resources"] if r["name"] == "cases")["title"]
    assert "SYNTHETIC" in (FIXTURE / "README.md").read_text(encoding="utf-8")
    records = pd.read_csv(FIXTURE / "cases.csv", dtype=str, keep_default_na=False)
    assert records["case_id"].str.startswith("SYN-").all()
    assert (records["pseudonym"] == "").all()
    shipped = json.loads((packages.DATA / "datapackage.json").read_text(encoding="utf-8"))
    assert "cases" not in {r["name"] for r in shipped["resources"]}
    assert not any("SYN-" in p.read_text(encoding="utf-8", errors="replace") for p in packages.DATA.rglob("*.csv"))


def test_fixture_is_what_its_script_writes(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_cases", FIXTURE / "make_cases.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    mod.write(tmp_path)
    for name in ("cases.csv", "datapackage.json", "network_types.csv"):
        assert (tmp_path / name).read_bytes() == (FIXTURE / name).read_bytes(), name


def test_fixture_schema_is_the_documented_schema():
    d = json.loads((FIXTURE / "datapackage.json").read_text(encoding="utf-8"))
    assert next(r for r in d["resources"] if r["name"] == "cases")["schema"] == cases.SCHEMA


def test_synthetic_records_yield_the_five_tables(synthetic, study):
    assert set(synthetic.derived) == set(vocabulary.DERIVED)
    assert synthetic.study["interviewees"] == study.study["interviewees"]
    assert synthetic.study["networks"] == study.study["networks"]
    assert synthetic.study["state_mentions"] == study.study["state_mentions"]
    pd.testing.assert_frame_equal(tables.table1(synthetic), tables.table1(study))
    pd.testing.assert_frame_equal(tables.table4(synthetic), tables.table4(study))
    pd.testing.assert_frame_equal(tables.table5(synthetic), tables.table5(study))
    key = ["state_official", "n"]
    got = tables.table3(synthetic)[key].sort_values(key).reset_index(drop=True)
    want = tables.table3(study)[key].sort_values(key).reset_index(drop=True)
    pd.testing.assert_frame_equal(got, want)
    # Table 2, within the precision printed
    got2 = tables.table2(synthetic).set_index("variable")
    for r in study["characteristics"].itertuples():
        printed = f"{r.value:g}"
        assert abs(got2.loc[r.variable, r.statistic_as_printed] - r.value) <= tolerance(printed) + 1e-9, (r.variable, r.statistic_as_printed)


def test_table2_from_records_follows_the_books_reading(synthetic):
    records = pd.read_csv(FIXTURE / "cases.csv")
    read = tables.table2_read(synthetic).set_index("variable")
    assert read.loc["age", "mean"] == pytest.approx(records["age"].mean())
    assert read.loc["age", "median"] == statistics.median(records["age"])
    assert read.loc["education", "mean"] == pytest.approx(records["schooling_years"].mean())
    assert read.loc["months_trafficked", "mode"] == statistics.mode(records["months_trafficked"])
    assert read.loc["age_trafficked", "max"] == records["age_trafficked"].max()


def test_records_beside_aggregates_agree(tmp_path):
    pkg = tmp_path / "data"
    packages.copy_data(pkg)
    packages.add_cases(pkg)
    s = trata.load(pkg)
    assert set(s.derived) == set(vocabulary.DERIVED)
    # printed labels of the aggregate are kept, so the book reads the same
    assert list(tables.table3(s)["state_as_printed"]) == list(tables.table3(trata.load())["state_as_printed"])


def test_case_only_package_has_no_aggregate_and_no_stated_total(case_only):
    d = json.loads((case_only / "datapackage.json").read_text(encoding="utf-8"))
    names = {r["name"] for r in d["resources"]}
    assert not names & set(vocabulary.DERIVED)
    assert "interviewees" not in d["study"]
    s = trata.load(case_only)
    assert tables.interviewees(s) == 75 and tables.networks(s) == 77


def test_characteristic_beyond_its_precision_is_reported(tmp_path):
    pkg = tmp_path / "data"
    packages.copy_data(pkg)
    packages.add_cases(pkg)
    packages.apply(pkg, [{"file": "characteristics.csv", "replace": ["age,Age,Median,24.7", "age,Age,Median,24.8"]}])
    with pytest.raises(DataPackageError) as exc:
        trata.load(pkg)
    assert [str(p) for p in exc.value.problems] == [
        "characteristics.csv, line 2, column 'value': [cases-vs-aggregate] age Median (read as the mean) is 24.8 here, "
        "but the case records in cases.csv give 24.69"]


def test_record_must_match_the_roster(tmp_path):
    pkg = tmp_path / "data"
    packages.copy_data(pkg)
    packages.add_cases(pkg, drop_aggregates=True)
    packages.apply(pkg, [
        {"file": "roster.csv", "replace": ["Yolanda,26,Honduran,Honduras,2022\n", "Yolanda,26,Honduran,Honduras,2022\nSynthetica,30,Guatemalan,Guatemala,2015\n"]},
        {"file": "cases.csv", "replace": ["SYN-004,,Guatemala,23,", "SYN-004,Synthetica,Guatemala,23,"]},
    ])
    with pytest.raises(DataPackageError) as exc:
        trata.load(pkg)
    assert [str(p) for p in exc.value.problems] == [
        "cases.csv, line 5, column 'age': [case-roster] case SYN-004: age is 23, but the roster gives 30 for Synthetica"]


def test_cases_resource_must_have_the_schema(tmp_path):
    pkg = tmp_path / "data"
    packages.copy_data(pkg)
    packages.add_cases(pkg)
    packages.apply(pkg, [
        {"file": "cases.csv", "drop_column": "months_since_escape"},
        {"json": ["resources", {"name": "cases"}, "schema", "fields", {"name": "months_since_escape"}], "delete": True},
    ])
    with pytest.raises(DataPackageError) as exc:
        trata.load(pkg)
    assert [p.rule for p in exc.value.problems] == ["case-schema"]
    assert exc.value.problems[0].column == "months_since_escape"


def test_entities_match_the_map_and_the_states_table(study):
    known = mapfile.known_names()
    assert len(vocabulary.ENTITIES) == 32
    assert {m for _, _, m in vocabulary.ENTITIES} <= known
    for r in study["states"].itertuples():
        assert vocabulary.MAP_NAME[r.state_official] == r.map_name
    assert set(vocabulary.OFFICIAL) == set(next(f for f in cases.SCHEMA["fields"] if f["name"] == "state_1")["constraints"]["enum"])


def test_resource_descriptor_validates_records(tmp_path):
    """A package made with the documented resource entry and the fixture's records is valid."""
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "cases.csv").write_bytes((FIXTURE / "cases.csv").read_bytes())
    (pkg / "network_types.csv").write_bytes((packages.DATA / "network_types.csv").read_bytes())
    d = json.loads((FIXTURE / "datapackage.json").read_text(encoding="utf-8"))
    d["resources"] = [d["resources"][0], cases.resource_descriptor()]
    (pkg / "datapackage.json").write_text(json.dumps(d), encoding="utf-8")
    assert trata.load(pkg).derived
