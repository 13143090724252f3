"""Atomic publishing and the data fingerprint, tested without a full build."""

from __future__ import annotations

import hashlib

import packages
import pytest

from trata.book import build, fingerprint
from trata.book.cache import depends_on_data
from trata.data.descriptor import data_files


def digest(folder):
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def last_good(tmp_path):
    out = tmp_path / "out"
    (out / "html" / "notebooks").mkdir(parents=True)
    (out / "html" / "index.html").write_text("last good site", encoding="utf-8")
    (out / "html" / "notebooks" / "annex.html").write_text("<p>75</p>", encoding="utf-8")
    return out


def test_failed_build_leaves_the_last_good_site(last_good, monkeypatch):
    before = digest(last_good / "html")

    def failing_sphinx(root, data, builder, outdir, doctrees, log, jobs="1", lang="en"):
        (outdir / "notebooks").mkdir(parents=True)
        (outdir / "notebooks" / "annex.html").write_text("<p>half written</p>", encoding="utf-8")
        (outdir / "new.html").write_text("new", encoding="utf-8")
        doctrees.mkdir(parents=True, exist_ok=True)
        log.write_text("notebooks/annex.md: WARNING: something went wrong\n", encoding="utf-8")
        return 1

    monkeypatch.setattr(build, "sphinx", failing_sphinx)
    monkeypatch.setattr(build, "write_conf", lambda root: None)
    rc = build.build(packages.DATA / "datapackage.json", last_good)
    assert rc == build.EXIT_BUILD_FAILED == 1
    assert digest(last_good / "html") == before
    assert not (last_good / ".staging-html").exists()
    assert not (last_good / ".doctrees-html").exists()  # the next build reports the same warnings


def test_build_with_a_warning_is_not_published(last_good, monkeypatch):
    before = digest(last_good / "html")

    def warning_sphinx(root, data, builder, outdir, doctrees, log, jobs="1", lang="en"):
        outdir.mkdir(parents=True)
        (outdir / "index.html").write_text("changed", encoding="utf-8")
        log.write_text("WARNING: undefined label\n", encoding="utf-8")
        return 0

    monkeypatch.setattr(build, "sphinx", warning_sphinx)
    monkeypatch.setattr(build, "write_conf", lambda root: None)
    assert build.build(packages.DATA / "datapackage.json", last_good) == 1
    assert digest(last_good / "html") == before


def test_successful_build_replaces_the_site(last_good, monkeypatch):
    seen = []

    def good_sphinx(root, data, builder, outdir, doctrees, log, jobs="1", lang="en"):
        seen.append(outdir.exists() and any(outdir.iterdir()))
        (outdir / "notebooks").mkdir(parents=True)
        (outdir / "notebooks" / "annex.html").write_text("<p>76</p>", encoding="utf-8")
        log.write_text("", encoding="utf-8")
        return 0

    monkeypatch.setattr(build, "sphinx", good_sphinx)
    monkeypatch.setattr(build, "write_conf", lambda root: None)
    assert build.build(packages.DATA / "datapackage.json", last_good) == 0
    assert (last_good / "html" / "notebooks" / "annex.html").read_text() == "<p>76</p>"
    assert seen == [False, False]  # each edition is written into an empty folder: nothing is copied
    assert (last_good / "html" / "es" / "notebooks" / "annex.html").is_file()  # the Spanish edition, in es/
    # a file of the last site that this build did not produce is gone (no stale page, image or download)
    assert not (last_good / "html" / "index.html").exists()
    assert sorted(p.name for p in last_good.iterdir() if p.name.startswith(".")) == [".build.lock"]


def test_invalid_data_touches_nothing(tmp_path, monkeypatch):
    pkg = tmp_path / "data"
    packages.copy_data(pkg)
    packages.apply(pkg, [{"file": "countries.csv", "replace": ["Belize,1", "Belize,x"]}])
    called = []
    monkeypatch.setattr(build, "sphinx", lambda *a, **k: called.append(a) or 0)
    monkeypatch.setattr(build, "write_conf", lambda root: called.append(root))
    out = tmp_path / "never"
    assert build.build(pkg / "datapackage.json", out) == build.EXIT_INVALID_DATA == 2
    assert not out.exists() and not called


def test_interrupted_publish_is_recovered(last_good):
    (last_good / "html").rename(last_good / ".old-html")
    build.recover(last_good, "html")
    assert (last_good / "html" / "index.html").read_text() == "last good site"
    assert not (last_good / ".old-html").exists()


def test_fingerprint_follows_content(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    packages.copy_data(a)
    packages.copy_data(b)
    reads = {"countries", "leaders"}
    fa = fingerprint.fingerprint(a / "datapackage.json", reads)
    assert fingerprint.fingerprint(b / "datapackage.json", reads) == fa  # the same data elsewhere reuses the same executions
    # nor does a notebook whose reads are not known yet depend on the place: only on content
    assert fingerprint.fingerprint(b / "datapackage.json") == fingerprint.fingerprint(a / "datapackage.json")
    packages.apply(b, [{"file": "countries.csv", "replace": ["Belize,1", "Belize,01"]}])
    assert fingerprint.fingerprint(b / "datapackage.json", reads) != fa  # any byte of a file it reads counts
    assert fingerprint.fingerprint(b / "datapackage.json", {"leaders"}) == fingerprint.fingerprint(a / "datapackage.json", {"leaders"})
    packages.apply(b, [{"file": "countries.csv", "replace": ["Belize,01", "Belize,1"]}])
    assert fingerprint.fingerprint(b / "datapackage.json", reads) == fa  # going back finds the earlier results
    packages.apply(b, [{"json": ["study", "interview_years", "first"], "set": 2012}])
    assert fingerprint.fingerprint(b / "datapackage.json", {"leaders"}) != fingerprint.fingerprint(a / "datapackage.json", {"leaders"})


def test_the_preamble_records_what_is_read(tmp_path, monkeypatch):
    from trata.book.preamble import start
    from trata.data.study import Study
    from trata.derive import tables

    log = tmp_path / "reads.log"
    monkeypatch.setenv("TRATA_ACCESS_LOG", str(log))
    study = start()
    assert study.accessed == set() and not log.exists()  # validation reads everything, and does not count
    tables.table1(study)
    tables.table5(study)
    assert study.accessed == {"countries", "leaders", "network_types"}
    assert sorted(log.read_text().split()) == ["countries", "leaders", "network_types"]
    _ = study.path  # where the data are is not a dependency
    assert study.accessed == {"countries", "leaders", "network_types"}
    assert not hasattr(trata_load(), "accessed") and isinstance(trata_load(), Study)  # the study itself is a plain object


def trata_load():
    import trata

    return trata.load()


def test_a_derived_table_depends_on_the_case_records(tmp_path):
    import trata
    from trata.core import vocabulary
    from trata.derive import tables

    pkg = tmp_path / "data"
    packages.copy_data(pkg)
    packages.add_cases(pkg, drop_aggregates=True)
    from trata.book.recording import recording

    study = recording(trata.load(pkg), log="")
    tables.table1(study)
    assert {"cases", "network_types"} | set(vocabulary.DERIVED) <= study.accessed


def test_fingerprint_covers_every_file_of_the_package(tmp_path):
    pkg = tmp_path / "data"
    packages.copy_data(pkg)
    files = {p.name for p in data_files(pkg / "datapackage.json")}
    import json
    d = json.loads((pkg / "datapackage.json").read_text(encoding="utf-8"))
    assert {r["path"].split("/")[-1] for r in d["resources"]} | {"datapackage.json"} <= files
    assert {"validate.py", "fingerprint.py"} <= {p.name for p in fingerprint.code_files()}


@pytest.mark.parametrize("text,depends", [
    ("---\nkernelspec:\n  name: python3\n---\n# T\n\n```{code-cell} ipython3\nx = 1\n```\n", True),
    ("---\nkernelspec:\n  name: python3\n---\n# T\n\nNo code here.\n", False),
    ("# A plain page\n\n```{code-cell} ipython3\nx = 1\n```\n", False),
])
def test_only_notebooks_with_code_depend_on_data(text, depends):
    assert depends_on_data(text) is depends
