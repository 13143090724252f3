"""Make test data packages: copies of data/, edited copies, and copies with case records.

The edits a malformed package is made with (``tests/malformed/*/case.json``) are a short list of
operations on files of a copy of ``data/``:

``{"file": F, "replace": [OLD, NEW]}``   replace text OLD (which must occur exactly once) by NEW
``{"file": F, "replace_all": [OLD, NEW]}`` replace every occurrence (at least one)
``{"file": F, "delete": true}``          delete the file
``{"file": F, "write": TEXT}``           overwrite the file with TEXT
``{"file": F, "encoding": NAME}``        re-encode the file (e.g. ``latin-1``)
``{"file": F, "bom": true}``             prepend a UTF-8 byte-order mark
``{"file": F, "drop_column": NAME}``     remove a column (header and cells) from a CSV file
``{"file": F, "replace": [OLD, NEW], "times": N}``  replace OLD by NEW repeated N times
``{"file": F, "append": TEXT, "times": N}``  append TEXT, N times (default once)
``{"file": F, "gzip": true}``            compress the file with gzip (keeping its name)
``{"file": F, "write_bytes": HEX}``      overwrite the file with the bytes HEX
``{"file": F, "symlink": TARGET}``       replace the file by a symbolic link to TARGET (relative to it)
``{"file": F, "mkdir": true}``           make a folder F
``{"outside": NAME, "write": TEXT}``     write a file NAME beside the package folder (outside it)
``{"file": F, "delete_line_starting": P}`` remove the one line that starts with P
``{"json": PATH, "set": VALUE}``         in datapackage.json, set the value at PATH
``{"json": PATH, "delete": true}``       in datapackage.json, delete the entry at PATH
``{"add_cases": true}``                  add the SYNTHETIC case records of tests/fixtures
``{"drop_aggregates": true}``            remove the five aggregate annex resources

A PATH is a list of keys: strings, list indices, or ``{"name": ...}`` to select the list item
with that name (a resource, a field).
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import shutil
from pathlib import Path

import pytest

import trata
from trata import DataPackageError

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
FIXTURE = ROOT / "tests" / "fixtures" / "synthetic_cases"
AGGREGATES = ["countries", "characteristics", "states", "time_since_escape", "leaders"]


def copy_data(dst: Path) -> Path:
    """A fresh copy of data/ at ``dst``; returns its datapackage.json."""
    shutil.copytree(DATA, dst)
    return dst / "datapackage.json"


def _resolve(doc, path):
    for key in path:
        if isinstance(key, dict):
            doc = next(item for item in doc if all(item.get(k) == v for k, v in key.items()))
        else:
            doc = doc[key]
    return doc


def _descriptor(pkg: Path) -> dict:
    return json.loads((pkg / "datapackage.json").read_text(encoding="utf-8"))


def _write_descriptor(pkg: Path, d: dict) -> None:
    (pkg / "datapackage.json").write_text(json.dumps(d, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def add_cases(pkg: Path, drop_aggregates: bool = False) -> None:
    """Add the synthetic case records (and their resource) to the package at ``pkg``."""
    shutil.copyfile(FIXTURE / "cases.csv", pkg / "cases.csv")
    d = _descriptor(pkg)
    fixture = _descriptor(FIXTURE)
    d["resources"].append(next(r for r in fixture["resources"] if r["name"] == "cases"))
    _write_descriptor(pkg, d)
    if drop_aggregates:
        drop_aggregate_tables(pkg)


def drop_aggregate_tables(pkg: Path) -> None:
    """Remove the five aggregate tables and the stated totals: the case records must then supply them."""
    d = _descriptor(pkg)
    for r in d["resources"]:
        if r["name"] in AGGREGATES:
            (pkg / r["path"]).unlink()
    d["resources"] = [r for r in d["resources"] if r["name"] not in AGGREGATES]
    for r in d["resources"]:
        fks = [fk for fk in r.get("schema", {}).get("foreignKeys", []) if fk["reference"].get("resource") not in AGGREGATES]
        if "schema" in r and "foreignKeys" in r["schema"]:
            r["schema"]["foreignKeys"] = fks
            if not fks:
                del r["schema"]["foreignKeys"]
    for key in ("interviewees", "networks", "state_mentions"):
        d.get("study", {}).pop(key, None)
    _write_descriptor(pkg, d)


def apply(pkg: Path, edits: list[dict]) -> None:
    """Apply edit operations (see the module docstring) to the package folder ``pkg``."""
    for e in edits:
        if e.get("add_cases"):
            add_cases(pkg)
            continue
        if e.get("drop_aggregates"):
            drop_aggregate_tables(pkg)
            continue
        if "json" in e:
            d = _descriptor(pkg)
            *parent, last = e["json"]
            holder = _resolve(d, parent)
            if isinstance(last, dict):
                last = holder.index(_resolve(holder, [last]))
            if e.get("delete"):
                del holder[last]
            else:
                holder[last] = e["set"]
            _write_descriptor(pkg, d)
            continue
        if "outside" in e:
            (pkg.parent / e["outside"]).write_text(e["write"], encoding="utf-8")
            continue
        target = pkg / e["file"]
        if e.get("mkdir"):
            target.mkdir(parents=True)
        elif "symlink" in e:
            target.unlink(missing_ok=True)
            target.symlink_to(e["symlink"])
        elif e.get("gzip"):
            target.write_bytes(gzip.compress(target.read_bytes(), mtime=0))
        elif "write_bytes" in e:
            target.write_bytes(bytes.fromhex(e["write_bytes"]))
        elif "append" in e:
            with target.open("a", encoding="utf-8", newline="") as f:
                f.write(e["append"] * e.get("times", 1))
        elif e.get("delete"):
            target.unlink()
        elif "write" in e:
            target.write_text(e["write"], encoding="utf-8")
        elif "replace" in e or "replace_all" in e:
            old, new = e.get("replace") or e["replace_all"]
            new *= e.get("times", 1)
            text = target.read_text(encoding="utf-8")
            n = text.count(old)
            assert (n == 1) if "replace" in e else (n >= 1), f"{e['file']}: {old!r} occurs {n} times"
            target.write_text(text.replace(old, new), encoding="utf-8")
        elif "encoding" in e:
            target.write_bytes(target.read_text(encoding="utf-8").encode(e["encoding"]))
        elif e.get("bom"):
            target.write_bytes(b"\xef\xbb\xbf" + target.read_bytes())
        elif "delete_line_starting" in e:
            lines = target.read_text(encoding="utf-8").splitlines(keepends=True)
            hits = [ln for ln in lines if ln.startswith(e["delete_line_starting"])]
            assert len(hits) == 1, f"{e['file']}: {len(hits)} lines start with {e['delete_line_starting']!r}"
            target.write_text("".join(ln for ln in lines if ln is not hits[0]), encoding="utf-8")
        elif "drop_column" in e:
            rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8"), newline="")))
            k = rows[0].index(e["drop_column"])
            buf = io.StringIO()
            csv.writer(buf, lineterminator="\n").writerows([r[:k] + r[k + 1:] for r in rows])
            target.write_text(buf.getvalue(), encoding="utf-8")
        else:
            raise ValueError(f"unknown edit {e}")


def rewrite(path: Path, fn) -> None:
    """Apply ``fn`` to the rows (lists of strings, header first) of a CSV file, in place."""
    rows = list(csv.reader(path.open(encoding="utf-8")))
    fn(rows)
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def refused(pkg) -> DataPackageError:
    """Load ``pkg``, expecting it to be refused; return the error."""
    with pytest.raises(DataPackageError) as exc:
        trata.load(pkg)
    return exc.value
