"""Every malformed data package of tests/malformed/ is refused with exactly its own messages.

Each case is a folder holding ``case.json`` (what is wrong, and the edits that make a copy of
data/ malformed; see tests/packages.py) and ``expected.txt``: the exact problems, one a line, that
``python -m trata validate`` must print, in order. Exit status 2 means "invalid data package".
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import packages
import pytest

from trata.__main__ import main

CORPUS = Path(__file__).resolve().parent / "malformed"
CASES = sorted(p.name for p in CORPUS.iterdir() if (p / "case.json").is_file())
LINE = re.compile(r"^(?P<file>[^,:\[]+)(, line \d+)?(, column '[^']+')?: \[(?P<rule>[a-z-]+)\] .+$")


def make(case: str, tmp_path: Path) -> Path:
    spec = json.loads((CORPUS / case / "case.json").read_text(encoding="utf-8"))
    pkg = tmp_path / "data"
    packages.copy_data(pkg)
    packages.apply(pkg, spec["edits"])
    return pkg / "datapackage.json"


def expected(case: str) -> list[str]:
    return [line for line in (CORPUS / case / "expected.txt").read_text(encoding="utf-8").splitlines() if line.strip()]


def test_corpus_is_large_enough():
    assert len(CASES) >= 20
    for case in CASES:
        assert expected(case), f"{case}: expected.txt is empty"
        assert json.loads((CORPUS / case / "case.json").read_text(encoding="utf-8"))["about"]


@pytest.mark.parametrize("case", CASES)
def test_malformed_package_is_refused_with_its_messages(case, tmp_path, capsys):
    path = make(case, tmp_path)
    rc = main(["validate", str(path)])
    err = capsys.readouterr().err.replace(str(path.parent), "COPY")
    head, *lines = err.splitlines()
    assert rc == 2
    want = expected(case)
    assert head == f"COPY/datapackage.json: {len(want)} problem{'s' if len(want) != 1 else ''} found; nothing was built."
    assert [line.removeprefix("  - ") for line in lines] == want
    for line in want:  # every message names the file and the rule (line and column where there are such)
        assert LINE.match(line), line
    assert "Traceback" not in err


def test_command_line_exit_status(tmp_path):
    """The real command, as `make validate` runs it: non-zero exit, messages on stderr, nothing on stdout."""
    path = make("many-problems-at-once", tmp_path)
    proc = subprocess.run([sys.executable, "-m", "trata", "validate", str(path)], capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert "3 problems found" in proc.stderr
    assert "countries.csv, line 7, column 'n': [constraint-error]" in proc.stderr


def test_valid_copy_passes(tmp_path, capsys):
    path = tmp_path / "data"
    packages.copy_data(path)
    assert main(["validate", str(path)]) == 0
    assert "valid" in capsys.readouterr().out


def test_new_resources_do_not_break_the_rules(tmp_path, capsys):
    """Resources the rules do not know (added on other branches, or by a research team) are
    validated by their schemas and otherwise left alone, tabular or not."""
    pkg = tmp_path / "data"
    packages.copy_data(pkg)
    (pkg / "glossary.csv").write_text("term,label\nneoabolitionist,Neo-abolitionist feminism\npro_rights,Pro-rights feminism\n",
                                       encoding="utf-8")
    (pkg / "notes.json").write_text('{"any": "thing"}', encoding="utf-8")
    d = json.loads((pkg / "datapackage.json").read_text(encoding="utf-8"))
    d["resources"] += [
        {"name": "glossary", "path": "glossary.csv", "schema": {
            "fields": [{"name": "term", "type": "string", "constraints": {"required": True, "enum": ["neoabolitionist", "pro_rights"]}},
                       {"name": "label", "type": "string"}], "primaryKey": ["term"]}},
        {"name": "notes", "path": "notes.json", "format": "json"},
    ]
    (pkg / "datapackage.json").write_text(json.dumps(d), encoding="utf-8")
    assert main(["validate", str(pkg)]) == 0
    # and their categories are checked like any other: by their schema, and for stray spaces
    (pkg / "glossary.csv").write_text("term,label\nneoabolitionist,Neo-abolitionist feminism\n pro_rights,Pro-rights feminism\n",
                                       encoding="utf-8")
    assert main(["validate", str(pkg)]) == 2
    assert "glossary.csv, line 3, column 'term': [constraint-error] value ' pro_rights' is not a known category (it has stray whitespace: write 'pro_rights')" in capsys.readouterr().err
