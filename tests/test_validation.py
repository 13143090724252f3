"""A malformed data package raises one error naming file, line, column and rule."""

from packages import refused, rewrite

import trata


def test_valid_package_loads(data_copy):
    assert trata.load(data_copy)["countries"]["n"].sum() == 75


def test_negative_count(data_copy):
    rewrite(data_copy.parent / "countries.csv", lambda r: r[2].__setitem__(1, "-19"))
    probs, msg = problems(data_copy)
    assert any(p.file == "countries.csv" and p.line == 3 and p.column == "n" and p.rule == "constraint-error" for p in probs)
    assert "countries.csv, line 3, column 'n'" in msg


def test_unknown_country(data_copy):
    rewrite(data_copy.parent / "countries.csv", lambda r: r[1].__setitem__(0, "Guatemla"))
    probs, _ = problems(data_copy)
    assert any(p.column == "country" and p.line == 2 for p in probs)


def test_counts_must_sum_to_total(data_copy):
    rewrite(data_copy.parent / "time_since_escape.csv", lambda r: r[1].__setitem__(3, "34"))
    probs, msg = problems(data_copy)
    assert [p.rule for p in probs] == ["sum-to-total"]
    assert "sum to 76" in msg and "75 interviewees" in msg


def test_all_problems_reported_at_once(data_copy):
    rewrite(data_copy.parent / "countries.csv", lambda r: r[2].__setitem__(1, "x"))
    rewrite(data_copy.parent / "leaders.csv", lambda r: r[1].__setitem__(1, "man"))
    probs, _ = problems(data_copy)
    files = {p.file for p in probs}
    assert {"countries.csv", "leaders.csv"} <= files


def test_missing_file(data_copy):
    (data_copy.parent / "roster.csv").unlink()
    probs, _ = problems(data_copy)
    assert probs[0].rule == "missing-file" and probs[0].file == "roster.csv"


def test_descriptor_not_json(data_copy):
    data_copy.write_text("{not json", encoding="utf-8")
    probs, _ = problems(data_copy)
    assert probs[0].rule == "descriptor"


def problems(pkg):
    err = refused(pkg)
    return err.problems, str(err)
