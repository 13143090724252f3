"""Shared fixtures: the validated data package, a scratch copy of it, and the built site.

Markers mean what they say: a test that needs the built site (the ``site`` fixture, which builds
the book once per session) or that builds a site of its own (a module using :func:`build_site`)
is marked ``build``, so that ``pytest -m "not build"`` builds nothing.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import packages
import pytest

import trata

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SITE_OUT = ROOT / "_build" / "test"


@pytest.fixture(scope="session")
def study():
    return trata.load(DATA / "datapackage.json")


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A writable copy of the data package; returns the path of its datapackage.json."""
    dst = tmp_path / "data"
    shutil.copytree(DATA, dst)
    return dst / "datapackage.json"


def build_site(out: Path, data: Path | None = None, builder: str = "html",
               langs: tuple[str, ...] = ("en",)) -> subprocess.CompletedProcess:
    """A strict build; the English edition only unless ``langs`` says otherwise (the tests of data
    build one edition; the session site, both)."""
    cmd = [sys.executable, "-m", "trata", "build", "--out", str(out), "--builder", builder]
    cmd += [arg for lang in langs for arg in ("--lang", lang)]
    if data is not None:
        cmd += ["--data", str(data)]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)


@pytest.fixture(scope="session")
def site() -> Path:
    """The book built once per test session (strict), from the repository's data."""
    proc = build_site(SITE_OUT, langs=("en", "es"))
    assert proc.returncode == 0, f"build failed:\n{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}"
    return SITE_OUT / "html"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "site" in getattr(item, "fixturenames", ()) or getattr(item.module, "build_site", None) is build_site:
            item.add_marker(pytest.mark.build)


#: The fixture packages of tests/fixtures/ (a folder with a case.json: edits of a copy of data/).
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(scope="session")
def fixture_site(site, tmp_path_factory):
    """``fixture_site(name)``: the book built from the fixture package NAME, once per session.

    Returns (package folder, html folder, the build's process). Each build starts from a copy of the
    session site's execution cache and read records, so only the notebooks that read what the
    fixture changes are executed again.
    """
    built: dict[str, tuple[Path, Path, subprocess.CompletedProcess]] = {}

    def get(name: str):
        if name not in built:
            base = tmp_path_factory.mktemp(name)
            pkg, out = base / "data", base / "out"
            packages.copy_data(pkg)
            packages.apply(pkg, json.loads((FIXTURES / name / "case.json").read_text(encoding="utf-8"))["edits"])
            out.mkdir()
            shutil.copytree(SITE_OUT / ".jupyter_cache", out / ".jupyter_cache")
            shutil.copytree(SITE_OUT / ".trata-reads", out / ".trata-reads")
            built[name] = (pkg, out / "html", build_site(out, pkg))
        return built[name]

    return get
