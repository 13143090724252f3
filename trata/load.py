"""Load the study's data package and refuse it, with every reason at once, when it is invalid.

Validation has two layers:

1. the Frictionless schema of each resource (types, required fields, enumerated categories,
   ranges, primary and foreign keys, encoding, header);
2. the study's own rules (``trata.rules``): counts add up to the stated totals, printed shares
   agree with printed counts, every place is a known Mexican state, and so on.

A failure raises one :class:`DataPackageError` that lists every :class:`Problem` with the file,
the line, the column and the rule that was broken. Nothing downstream runs on bad data.
"""

from __future__ import annotations

import json
import os
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PACKAGE = REPO_ROOT / "data" / "datapackage.json"
ENV_VAR = "TRATA_DATA"


def default_path() -> Path:
    """The data package the book is built from: ``$TRATA_DATA`` if set, else ``data/``."""
    return Path(os.environ.get(ENV_VAR) or DEFAULT_PACKAGE).resolve()


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, located as precisely as the input allows."""

    file: str
    rule: str
    message: str
    line: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", line {self.line}"
        if self.column:
            where += f", column '{self.column}'"
        return f"{where}: [{self.rule}] {self.message}"


class DataPackageError(Exception):
    """The data package is invalid; ``problems`` lists every reason."""

    def __init__(self, package: Path | str, problems: list[Problem]):
        self.package = str(package)
        self.problems = list(problems)
        n = len(self.problems)
        lines = [f"{self.package}: {n} problem{'s' if n != 1 else ''} found; nothing was built."]
        lines += [f"  - {p}" for p in self.problems]
        super().__init__("\n".join(lines))


@dataclass
class Study:
    """A validated data package: one DataFrame per resource, plus the package's metadata."""

    path: Path
    descriptor: dict
    frames: dict[str, pd.DataFrame] = field(default_factory=dict)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.frames[name].copy()

    def __contains__(self, name: str) -> bool:
        return name in self.frames

    @property
    def study(self) -> dict:
        """The study's stated totals (``study`` block of datapackage.json)."""
        return dict(self.descriptor.get("study", {}))

    def resource(self, name: str) -> dict:
        for r in self.descriptor["resources"]:
            if r["name"] == name:
                return r
        raise KeyError(name)

    def files(self) -> list[Path]:
        """Every file the package consists of (descriptor included)."""
        base = self.path.parent
        return [self.path] + [base / r["path"] for r in self.descriptor["resources"]]


# ---------------------------------------------------------------------------------------------
# schema layer


def _schema_problems(path: Path, descriptor: dict) -> list[Problem]:
    """Frictionless validation of every resource, as Problems."""
    import frictionless
    from frictionless import system

    problems: list[Problem] = []
    base = path.parent
    resources = descriptor.get("resources") or []
    for res in resources:
        name = res.get("name", "?")
        rpath = res.get("path")
        fname = rpath or f"resource '{name}'"
        if not rpath or not (base / rpath).is_file():
            problems.append(Problem(fname, "missing-file", f"resource '{name}' points to a file that does not exist"))
            continue
        if (base / rpath).stat().st_size == 0:
            problems.append(Problem(fname, "empty-file", f"resource '{name}' is an empty file (a header row is required)"))
            continue
        raw = (base / rpath).read_bytes()
        if raw.startswith(b"\xef\xbb\xbf"):
            problems.append(Problem(fname, "byte-order-mark", "the file starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM", line=1))
            continue
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            problems.append(Problem(fname, "encoding", f"the file is not valid UTF-8 (byte {exc.start}: {raw[exc.start:exc.start+1]!r}); save it as UTF-8", line=line))
            continue
    if problems:
        return problems

    with system.use_context(trusted=True), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            report = frictionless.validate(str(path))
        except Exception as exc:  # a descriptor frictionless cannot even read
            return [Problem("datapackage.json", "descriptor", str(exc))]
    for error in report.errors:  # package-level errors
        problems.append(Problem("datapackage.json", error.type, error.note or error.message))
    for task in report.tasks:
        fname = task.place if task.place else task.name
        try:
            fname = str(Path(task.place).resolve().relative_to(base.resolve())) if task.place else task.name
        except ValueError:
            fname = task.place
        for error in task.errors:
            line = getattr(error, "row_number", None)
            column = getattr(error, "field_name", None)
            if column is None and getattr(error, "label", None) is not None:
                column = error.label
            msg = error.note or error.message
            cell = getattr(error, "cell", None)
            if error.type in {"constraint-error", "type-error"} and cell is not None:
                msg = f"value {cell!r}: {msg}"
            if error.type in {"incorrect-label", "missing-label", "extra-label", "blank-label", "duplicate-label"}:
                line = 1
                msg = error.message
            problems.append(Problem(fname, error.type, msg, line=line, column=column))
    return problems


# ---------------------------------------------------------------------------------------------
# reading


def _read_frames(path: Path, descriptor: dict) -> dict[str, pd.DataFrame]:
    frames = {}
    base = path.parent
    for res in descriptor["resources"]:
        fields = res["schema"]["fields"]
        df = pd.read_csv(base / res["path"], dtype=str, keep_default_na=False, encoding="utf-8")
        for f in fields:
            col = f["name"]
            if col not in df:
                continue
            kind = f.get("type", "string")
            blank = df[col].str.strip() == ""
            if kind == "integer":
                df[col] = pd.to_numeric(df[col].where(~blank), errors="raise").astype("Int64")
            elif kind == "number":
                df[col] = pd.to_numeric(df[col].where(~blank), errors="raise").astype(float)
            elif kind == "boolean":
                df[col] = df[col].map({"true": True, "false": False, "True": True, "False": False})
        frames[res["name"]] = df
    return frames


def read_descriptor(path: Path) -> tuple[dict | None, list[Problem]]:
    if not path.is_file():
        return None, [Problem(str(path), "missing-file", "no data package descriptor at this path")]
    try:
        return json.loads(path.read_text(encoding="utf-8")), []
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return None, [Problem(path.name, "descriptor", f"datapackage.json is not valid JSON: {exc}")]


def load(path: str | Path | None = None, *, validate: bool = True) -> Study:
    """Load and validate the data package at ``path`` (default: :func:`default_path`)."""
    from . import rules

    path = Path(path).resolve() if path else default_path()
    if path.is_dir():
        path = path / "datapackage.json"
    descriptor, problems = read_descriptor(path)
    if descriptor is None:
        raise DataPackageError(path, problems)
    if validate:
        problems = _schema_problems(path, descriptor)
        if problems:
            raise DataPackageError(path, problems)
    study = Study(path=path, descriptor=descriptor, frames=_read_frames(path, descriptor))
    if validate:
        problems = rules.check(study)
        if problems:
            raise DataPackageError(path, problems)
    return study
