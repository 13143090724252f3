"""Shared fixtures: the validated data package, a scratch copy of it, and the built site.

Markers mean what they say: a test that needs the built site (the ``site`` fixture, which builds
the book once per session) or that builds a site of its own (a module using :func:`build_site`)
is marked ``build``, so that ``pytest -m "not build"`` builds nothing.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

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


def build_site(out: Path, data: Path | None = None, builder: str = "html") -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "trata", "build", "--out", str(out), "--builder", builder]
    if data is not None:
        cmd += ["--data", str(data)]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)


@pytest.fixture(scope="session")
def site() -> Path:
    """The book built once per test session (strict), from the repository's data."""
    proc = build_site(SITE_OUT)
    assert proc.returncode == 0, f"build failed:\n{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}"
    return SITE_OUT / "html"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "site" in getattr(item, "fixturenames", ()) or getattr(item.module, "build_site", None) is build_site:
            item.add_marker(pytest.mark.build)
