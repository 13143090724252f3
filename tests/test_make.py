"""The Makefile's DATA handling, the environment in the cache key, and the escaping path's units."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import packages
import pytest

from trata.book import fingerprint
from trata.present.text import Markup, code, escape_md

ROOT = Path(__file__).resolve().parents[1]
#: The environment without the settings of a make that runs these tests (`make test`).
ENV = {k: v for k, v in os.environ.items() if k not in {"MAKEFLAGS", "MAKELEVEL", "MFLAGS", "MAKEOVERRIDES", "DATA", "OUT"}}


def dry_run(*args: str) -> str:
    """The command `make -n book ...` would run to build (its last line)."""
    proc = subprocess.run(["make", "--no-print-directory", "-n", "book", *args], cwd=ROOT, capture_output=True, text=True,
                          check=True, env=ENV)
    return proc.stdout.strip().splitlines()[-1]


def test_make_quotes_a_data_path_with_spaces_and_quotes(tmp_path):
    pkg = tmp_path / "My team's data"
    packages.copy_data(pkg)
    line = dry_run(f"DATA={pkg}/datapackage.json")
    assert f"--data '{str(pkg).replace(chr(39), chr(39) + chr(92) + chr(39) + chr(39))}/datapackage.json'" in line
    assert "--out '_build/data-" in line  # a folder of its own, not the repository's _build
    # the same folder given with or without datapackage.json builds into the same place
    assert dry_run(f"DATA={pkg}").split("--out ")[1] == line.split("--out ")[1]
    # and the shell gets the path as one argument: run the validation itself
    proc = subprocess.run(["make", "--no-print-directory", "validate", f"DATA={pkg}/datapackage.json"], cwd=ROOT,
                          capture_output=True, text=True, env=ENV)
    assert proc.returncode == 0, proc.stderr


def test_an_empty_data_is_the_default():
    assert dry_run("DATA=") == dry_run()
    assert "--data 'data/datapackage.json' --out '_build'" in dry_run("DATA=")


def test_the_environment_is_in_the_cache_key(tmp_path, monkeypatch):
    pkg = packages.copy_data(tmp_path / "data")
    before = fingerprint.fingerprint(pkg)
    lock = tmp_path / "requirements.txt"
    shutil.copyfile(fingerprint.LOCK_FILE, lock)
    monkeypatch.setattr(fingerprint, "LOCK_FILE", lock)
    assert fingerprint.fingerprint(pkg) == before
    lock.write_text(lock.read_text(encoding="utf-8").replace("pandas==", "pandas==0.0.0+", 1), encoding="utf-8")
    changed_lock = fingerprint.fingerprint(pkg)
    assert changed_lock != before  # a changed library re-executes every notebook
    monkeypatch.setattr(fingerprint, "environment", lambda: b"CPython 3.99.0")
    assert fingerprint.fingerprint(pkg) not in {before, changed_lock}


@pytest.mark.parametrize("text", ["<img src=x onerror=alert(1)>", "{download}`x <../x>`", "$3,000 ... $2,000", "# 1",
                                  "- a\n- b", "1. first", "[a](javascript:x)", "&amp;", "a\\", "{{ project }}", "**b**"])
def test_escaped_text_has_no_unescaped_punctuation(text):
    out = escape_md(text)
    assert "\n" not in out
    i = 0
    while i < len(out):  # every ASCII punctuation character is preceded by a backslash
        if out[i] == "\\":
            i += 2
            continue
        assert out[i].isalnum() or out[i] == " ", (text, out)
        i += 1
    assert escape_md(Markup("*kept*")) == "*kept*"


def test_code_spans_cannot_be_closed_by_the_value():
    assert code("a`b") == "``a`b``"
    assert code("`x`") == "`` `x` ``"
    assert code("a\nb") == "`a b`"
