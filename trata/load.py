"""Load the study's data package and refuse it, with every reason at once, when it is invalid.

Validation has three layers, run in this order on every resource:

1. the files themselves: present, not empty, UTF-8 without a byte-order mark, and a descriptor
   (``datapackage.json``) that is valid JSON with the structure a data package needs;
2. the Frictionless schema of each resource (types, required fields, enumerated categories,
   ranges, patterns, primary and foreign keys, header);
3. the study's own rules (``trata.rules``): counts add up to the stated totals, printed shares
   agree with printed counts, every place is a known Mexican state, and so on. When the package
   holds case-level records (``trata.cases``), the five annex tables are derived from them and
   checked against any aggregate tables the package also holds.

The rules of layer 3 run on every resource that passed layers 1 and 2, so one run reports as
much as can be known. :func:`load_for_book` adds what building this book needs: every resource
the chapters read, with their fields. A failure raises one :class:`DataPackageError` that lists every
:class:`Problem` with the file, the line, the column and the rule that was broken. Nothing
downstream runs on bad data.

Line numbers are physical lines of the file, counting the header as line 1 (a quoted cell that
spans several lines is located at the line where its row starts).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PACKAGE = REPO_ROOT / "data" / "datapackage.json"
ENV_VAR = "TRATA_DATA"
ACCESS_LOG = "TRATA_ACCESS_LOG"
#: The dependency a study records when its location (``Study.path``) is read.
PATH_DEPENDENCY = ":path"
DESCRIPTOR = "datapackage.json"

#: Field types of the Table Schema specification.
FIELD_TYPES = {"string", "number", "integer", "boolean", "object", "array", "date", "time", "datetime",
               "year", "yearmonth", "duration", "geopoint", "geojson", "any", "list"}


#: What each problem of the first two layers means, and how to fix it (printed in the book's page
#: "Updating the data"; the study rules and case records document theirs in their own modules).
EXPLANATIONS = {
    "missing-file": "The descriptor names a file that is not there (or there is no datapackage.json at the path given). "
                    "Restore the file, or correct the resource's `path`.",
    "descriptor": "datapackage.json is not valid JSON (the line of the first syntax error is given), or it lacks what a "
                  "package needs: a `resources` list; for each resource a unique `name`, a relative `path` and, for a "
                  "CSV file, a `schema` whose fields have known types; totals under `study` that are whole numbers.",
    "empty-file": "The file has no content at all. A CSV file needs its header row and at least one data row.",
    "no-rows": "The file has a header but no data rows.",
    "byte-order-mark": "The file starts with an invisible byte-order mark (some spreadsheet programs add one). "
                       "Save it as 'CSV UTF-8' without BOM.",
    "encoding": "The file is not UTF-8; the line and the offending text are shown. It was probably saved as Latin-1 or "
                "Windows-1252: save it again as UTF-8.",
    "unreadable": "The file could not be read at all (permissions, or a folder where a file should be).",
    "missing-label": "The header lacks a column the schema describes. Add it back (in the schema's order).",
    "incorrect-label": "A column in the header has another name than the schema gives at that position: a renamed or "
                       "reordered column. Use the schema's names and order.",
    "extra-label": "The header has a column the schema does not describe. Remove it, or describe it in the schema.",
    "blank-label": "A column in the header has no name.",
    "duplicate-label": "Two columns in the header have the same name.",
    "header": "Problems in the rows that follow from a broken header are counted, not listed: fix the header first.",
    "blank-row": "An empty line (or a line of empty cells) between rows. Delete it.",
    "missing-cell": "A row has fewer cells than the header: a comma is missing, or a value.",
    "extra-cell": "A row has more cells than the header: a stray comma, or a value with a comma that needs quotes.",
    "type-error": "A value is not of the column's type: text where a number is expected, or a fraction in a count.",
    "constraint-error": "A value breaks a constraint of its column: a required cell is empty, a count is negative, a "
                        "year is out of range, or a category is not one the schema enumerates (the allowed values are "
                        "listed; stray spaces are pointed out). A new category is added to the `enum` in datapackage.json.",
    "unique-error": "A value that must be unique in its column (a pseudonym, a name) appears twice.",
    "primary-key": "Two rows have the same key (the columns that identify a row): a duplicated row, or a typo in a key.",
    "foreign-key": "A value refers to a row of another resource that does not exist, for example a network type that "
                   "the typology does not list. Add the row there, or correct the value.",
    "missing-resource": "The package is valid, but the book's chapters read a resource it does not hold. Every resource "
                        "of the book's own data package is needed; the five annex tables can instead come from case records.",
    "missing-field": "A resource lacks a field the chapters and rules read, or gives it another type. Keep the fields "
                     "of the book's own schema (renaming a column in both the file and the schema is not enough); "
                     "extra fields and categories are fine.",
    "rule-not-checked": "A study rule could not run on the package as given (its resources differ from what the rule "
                        "expects). Compare the package's schemas with the book's own.",
}


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
    """A validated data package: one DataFrame per tabular resource, plus the package's metadata.

    ``derived`` names the resources that were computed from case-level records rather than read
    from their own file (see ``trata.cases``); ``totals`` holds the study totals derived from
    those records, which fill in any the descriptor does not state.

    Once loaded, a study records which resources are read from it (``accessed``) and, when the
    environment variable ``TRATA_ACCESS_LOG`` names a file, appends them to it: the book's build
    re-executes a notebook only when a resource it read has changed (``trata.sphinxext``).
    """

    path: Path
    descriptor: dict
    frames: dict[str, pd.DataFrame] = field(default_factory=dict)
    lines: dict[str, list[int]] = field(default_factory=dict)
    derived: dict[str, str] = field(default_factory=dict)
    totals: dict = field(default_factory=dict)
    accessed: set = field(default_factory=set)
    recording: bool = False

    def __post_init__(self):
        self.frames = _Frames(self.frames)
        self.frames.owner = self

    def __getattribute__(self, name):
        if name == "path" and object.__getattribute__(self, "recording"):
            object.__getattribute__(self, "note_access")(PATH_DEPENDENCY)  # a notebook may print where the data are
        return object.__getattribute__(self, name)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.frames[name].copy()

    def __contains__(self, name: str) -> bool:
        return name in self.frames

    @property
    def study(self) -> dict:
        """The study's totals: the ``study`` block of datapackage.json, completed from case records."""
        if self.derived:
            self.note_access(*self.derived)
        return {**self.totals, **dict(self.descriptor.get("study") or {})}

    def note_access(self, *names: str) -> None:
        """Record that resources were read (a derived one depends on the case records and on every
        resource its derivation reads)."""
        if not self.recording:
            return
        names = set(names)
        if names & (set(self.derived) | {"cases"}):
            from .cases import DERIVED, RESOURCE

            names |= set(DERIVED) | {RESOURCE, "network_types"}
        new = names - self.accessed
        if not new:
            return
        self.accessed |= new
        log = os.environ.get(ACCESS_LOG)
        if log:
            with open(log, "a", encoding="utf-8") as fh:
                fh.write("".join(f"{n}\n" for n in sorted(new)))

    def resource(self, name: str) -> dict:
        for r in self.descriptor["resources"]:
            if r.get("name") == name:
                return r
        raise KeyError(name)

    def has_resource(self, name: str) -> bool:
        return any(r.get("name") == name for r in self.descriptor.get("resources", []))

    def file(self, name: str) -> str:
        """The file a resource's rows come from (for a derived resource, the case records)."""
        if name in self.derived:
            return f"{self.derived[name]} (derived '{name}')"
        return self.resource(name)["path"]

    def line(self, name: str, index) -> int | None:
        """The physical line of row ``index`` of resource ``name`` (None for a derived resource)."""
        lines = self.lines.get(name)
        if not lines or name in self.derived:
            return None
        return lines[int(index)]

    def files(self) -> list[Path]:
        """Every file the package consists of (descriptor included)."""
        base = self.path.parent
        return [self.path] + [base / p for r in self.descriptor["resources"] for p in _paths(r)]


class _Frames(dict):
    """The frames of a study: reading one (or listing them) is recorded by the study."""

    owner = None

    def _note(self, *names) -> None:
        if self.owner is not None:
            self.owner.note_access(*names)

    def __getitem__(self, key):
        self._note(key)
        return dict.__getitem__(self, key)

    def get(self, key, default=None):
        self._note(key)
        return dict.get(self, key, default)

    def __contains__(self, key) -> bool:
        self._note(key)
        return dict.__contains__(self, key)

    def __iter__(self):
        self._note(*dict.keys(self))
        return dict.__iter__(self)

    def keys(self):
        self._note(*dict.keys(self))
        return dict.keys(self)

    def values(self):
        self._note(*dict.keys(self))
        return dict.values(self)

    def items(self):
        self._note(*dict.keys(self))
        return dict.items(self)


def _paths(resource: dict) -> list[str]:
    path = resource.get("path")
    if isinstance(path, str):
        return [path]
    if isinstance(path, list):
        return [p for p in path if isinstance(p, str)]
    return []


def is_tabular(resource: dict) -> bool:
    paths = _paths(resource)
    return "schema" in resource or any(p.lower().endswith((".csv", ".tsv")) for p in paths)


# ---------------------------------------------------------------------------------------------
# layer 1: the descriptor and the files


def read_descriptor(path: Path) -> tuple[dict | None, list[Problem]]:
    """The parsed descriptor, or None with the reason it cannot be read."""
    if not path.is_file():
        return None, [Problem(str(path), "missing-file", "no data package descriptor at this path")]
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [Problem(path.name, "byte-order-mark", "the file starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM", line=1)]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(path.name, "encoding", f"the file is not valid UTF-8 (byte {exc.start}: {raw[exc.start:exc.start + 1]!r}); save it as UTF-8",
                              line=raw[: exc.start].count(b"\n") + 1)]
    try:
        descriptor = json.loads(text)
    except json.JSONDecodeError as exc:
        return None, [Problem(path.name, "descriptor", f"not valid JSON: {exc.msg} (column {exc.colno})", line=exc.lineno)]
    if not isinstance(descriptor, dict):
        return None, [Problem(path.name, "descriptor", "the descriptor must be a JSON object with a 'resources' list", line=1)]
    return descriptor, []


def _descriptor_line(text: str, needle: str | tuple[str, ...]) -> int | None:
    """The line of ``needle`` in the descriptor; a tuple of needles is searched for one after another."""
    i = 0
    for part in (needle,) if isinstance(needle, str) else needle:
        i = text.find(part, i)
        if i < 0:
            return None
    return text[:i].count("\n") + 1


def descriptor_problems(descriptor: dict, text: str = "") -> list[Problem]:
    """The structure a data package of this book needs, checked before Frictionless reads it."""
    return _descriptor_check(descriptor, text)[0]


def _descriptor_check(descriptor: dict, text: str = "") -> tuple[list[Problem], set[str], bool]:
    """(problems, names of resources that cannot be validated, whether the ``study`` block is unusable)."""
    out: list[Problem] = []
    unusable: set[str] = set()
    study_broken = False

    def bad(msg, needle=None):
        out.append(Problem(DESCRIPTOR, "descriptor", msg, line=_descriptor_line(text, needle) if needle else None))

    resources = descriptor.get("resources")
    if not isinstance(resources, list) or not resources:
        bad("'resources' must be a non-empty list of resources", '"resources"')
        return out, unusable, True
    seen: set[str] = set()
    for k, res in enumerate(resources):
        if not isinstance(res, dict):
            bad(f"resource #{k + 1} is not a JSON object")
            continue
        name = res.get("name")
        if not isinstance(name, str) or not re.fullmatch(r"[a-z0-9._-]+", name or ""):
            bad(f"resource #{k + 1} needs a 'name' of lowercase letters, digits, '-', '_' or '.' (found {name!r})")
            continue
        needle = f'"name": "{name}"'
        before = len(out)
        _check_resource(res, name, needle, seen, resources, bad)
        if len(out) > before:
            unusable.add(name)
        seen.add(name)
    study = descriptor.get("study")
    if study is not None:
        before = len(out)
        _check_study(study, bad)
        study_broken = len(out) > before
    return out, unusable, study_broken


def _check_resource(res: dict, name: str, needle: str, seen: set[str], resources: list, bad) -> None:
    """What one resource entry needs: a path inside the package and, if tabular, a sound schema."""
    if name in seen:
        bad(f"two resources are named '{name}'", needle)
    if not _paths(res):
        bad(f"resource '{name}' has no 'path' to its file", needle)
    paths = _paths(res)
    if any(Path(p).is_absolute() or ".." in Path(p).parts for p in paths):
        bad(f"resource '{name}': path {res.get('path')!r} must be relative and inside the package folder", needle)
    if not is_tabular(res):
        return
    schema = res.get("schema")
    if not isinstance(schema, dict) or not isinstance(schema.get("fields"), list) or not schema["fields"]:
        bad(f"resource '{name}' has no 'schema' with a non-empty 'fields' list", needle)
        return
    names = []
    for j, f in enumerate(schema["fields"]):
        if not isinstance(f, dict) or not isinstance(f.get("name"), str):
            bad(f"resource '{name}': field #{j + 1} needs a 'name'", needle)
            continue
        names.append(f["name"])
        ftype = f.get("type", "string")
        if ftype not in FIELD_TYPES:
            bad(f"resource '{name}', field '{f['name']}': unknown type {ftype!r} (one of: {', '.join(sorted(FIELD_TYPES))})",
                (needle, f'"name": "{f["name"]}"'))
        enum = (f.get("constraints") or {}).get("enum")
        if enum is not None and (not isinstance(enum, list) or not enum):
            bad(f"resource '{name}', field '{f['name']}': 'enum' must be a non-empty list", (needle, f'"name": "{f["name"]}"'))
    dup = sorted({n for n in names if names.count(n) > 1})
    if dup:
        bad(f"resource '{name}': field {', '.join(repr(d) for d in dup)} is declared twice", needle)
    for key in _as_list(schema.get("primaryKey")):
        if key not in names:
            bad(f"resource '{name}': primary key field '{key}' is not a field of the schema", needle)
    for fk in schema.get("foreignKeys") or []:
        ref = (fk or {}).get("reference") or {}
        if ref.get("resource") and ref["resource"] not in {r.get("name") for r in resources if isinstance(r, dict)}:
            bad(f"resource '{name}': foreign key points to resource '{ref['resource']}', which the package does not hold", needle)


def _check_study(study, bad) -> None:
    """The stated totals are positive whole numbers; the interview period is two ordered years."""
    if not isinstance(study, dict):
        bad("'study' must be an object of stated totals", '"study"')
    else:
        for key in ("interviewees", "networks", "state_mentions"):
            v = study.get(key)
            if v is not None and (not isinstance(v, int) or isinstance(v, bool) or v < 1):
                bad(f"study.{key} must be a positive whole number (found {v!r})", f'"{key}"')
        years = study.get("interview_years")
        if years is not None:
            first, last = (years or {}).get("first"), (years or {}).get("last")
            if not (isinstance(first, int) and isinstance(last, int) and 1900 <= first <= last <= 2100):
                bad(f"study.interview_years needs whole-number years 'first' <= 'last' (found {years!r})", '"interview_years"')


def _as_list(x) -> list:
    if x is None:
        return []
    return [x] if isinstance(x, str) else list(x)


def file_problems(base: Path, res: dict) -> list[Problem]:
    """Is each file of a resource there, non-empty, UTF-8 without BOM, with at least one data row?"""
    out = []
    name = res["name"]
    for rpath in _paths(res):
        target = base / rpath
        if not target.is_file():
            out.append(Problem(rpath, "missing-file", f"resource '{name}' points to a file that does not exist"))
            continue
        if not is_tabular(res):
            continue
        raw = target.read_bytes()
        if not raw.strip():
            out.append(Problem(rpath, "empty-file", f"resource '{name}' is an empty file (a header row and at least one data row are required)"))
            continue
        if raw.startswith(b"\xef\xbb\xbf"):
            out.append(Problem(rpath, "byte-order-mark", "the file starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM", line=1))
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            start = raw.rfind(b"\n", 0, exc.start) + 1
            guess = raw[start:].split(b"\n")[0].decode("latin-1").strip()
            out.append(Problem(rpath, "encoding",
                               f"the file is not valid UTF-8 (byte {raw[exc.start:exc.start + 1]!r} in '{guess}'); it looks like Latin-1 or Windows-1252: save it as UTF-8",
                               line=line))
            continue
        records = [r for r in _records(text)[1:] if any(c.strip() for c in r[1])]
        if not records:
            out.append(Problem(rpath, "no-rows", f"resource '{name}' has a header but no data rows", line=2))
    return out


def _records(text: str) -> list[tuple[int, list[str]]]:
    """(starting line, cells) of every CSV record, header first, blank records included."""
    reader = csv.reader(io.StringIO(text, newline=""))
    out, last = [], 0
    for cells in reader:
        out.append((last + 1, cells))
        last = reader.line_num
    return out


# ---------------------------------------------------------------------------------------------
# layer 2: Frictionless


def _plain(note: str | None) -> str:
    return (note or "").strip()


def _constraint_message(cell, note: str, field: dict) -> str:
    m = re.match(r'constraint "(\w+)" is "(.*)"\s*$', note or "", re.S)
    if not m:
        return f"value {cell!r}: {note}"
    kind, arg = m.groups()
    if kind == "required":
        return "a value is required here, the cell is empty"
    if kind == "minimum":
        return f"value {cell!r} is below the minimum {arg}" + (" (counts cannot be negative)" if arg == "0" else "")
    if kind == "maximum":
        return f"value {cell!r} is above the maximum {arg}"
    if kind == "enum":
        allowed = (field.get("constraints") or {}).get("enum") or []
        text = str(cell)
        hint = ""
        stripped = [a for a in allowed if str(a) == text.strip()]
        if stripped:
            hint = f" (it has stray whitespace: write {stripped[0]!r})"
        else:
            near = [a for a in allowed if str(a).casefold() == text.strip().casefold()]
            if near:
                hint = f" (did you mean {near[0]!r}?)"
        return f"value {cell!r} is not a known category{hint}; allowed: {', '.join(map(str, allowed))}"
    if kind == "pattern":
        return f"value {cell!r} does not match the pattern {arg}"
    if kind in {"minLength", "maxLength"}:
        return f"value {cell!r} breaks the constraint {kind} = {arg}"
    if kind == "unique":
        return f"value {cell!r} must be unique in this column but appears more than once"
    return f"value {cell!r} breaks the constraint {kind} = {arg}"


_TYPE_WORDS = {"integer": "a whole number", "number": "a number", "year": "a year (four digits)", "boolean": "true or false",
               "date": "a date (YYYY-MM-DD)", "datetime": "a date and time", "string": "text"}


def _frictionless_problem(error, fname: str, fields: dict[str, dict], line_of, fields_pk=()) -> Problem:
    etype = error.type
    row = getattr(error, "row_number", None)
    line = line_of(row) if row is not None else None
    column = getattr(error, "field_name", None)
    cell = getattr(error, "cell", None)
    note = _plain(getattr(error, "note", None))
    label = getattr(error, "label", None)
    number = getattr(error, "field_number", None)
    labels = getattr(error, "labels", None) or []
    if not label and number and 0 < number <= len(labels):
        label = labels[number - 1]
    note = re.sub(r"the row at position (\d+)", lambda m: f"line {line_of(int(m.group(1)))}", note)
    field = fields.get(column or "", {})
    if etype == "type-error":
        kind = field.get("type", "string")
        extra = " (counts are whole numbers)" if kind == "integer" and re.fullmatch(r"-?\d+\.\d*", str(cell).strip()) else ""
        msg = f"value {cell!r} is not {_TYPE_WORDS.get(kind, kind)}{extra}; the schema gives this column type '{kind}'"
    elif etype == "constraint-error":
        msg = _constraint_message(cell, note, field)
    elif etype == "unique-error":
        earlier = re.search(r"line \d+", note)
        msg = f"value {cell!r} must be unique in this column but already appears {'at ' + earlier.group(0) if earlier else 'in an earlier row'}"
    elif etype == "primary-key":
        names, cells = list(fields), list(getattr(error, "cells", None) or [])
        values = [cells[names.index(k)] if k in names and names.index(k) < len(cells) else "?" for k in fields_pk]
        earlier = re.search(r"line \d+", note)
        msg = (f"duplicate key: ({', '.join(fields_pk)}) = ({', '.join(repr(v) for v in values)}) "
               f"already appears {'at ' + earlier.group(0) if earlier else 'in an earlier row'}")
        column = ", ".join(fields_pk) or None
    elif etype == "foreign-key":
        names = list(getattr(error, "field_names", None) or [])
        values = list(getattr(error, "field_cells", None) or [])
        ref = getattr(error, "reference_name", None) or "this resource"
        ref_fields = list(getattr(error, "reference_field_names", None) or [])
        column = ", ".join(names) or None
        shown = ", ".join(repr(v) for v in values)
        msg = (f"value {shown} is not a known {', '.join(ref_fields) or 'key'}: resource '{ref}' has no such row "
               f"(a foreign key links this column to {ref}.{', '.join(ref_fields)})")
    elif etype in {"missing-label", "incorrect-label", "extra-label", "blank-label", "duplicate-label", "blank-header"}:
        line = 1
        if etype == "missing-label":
            msg = f"the header lacks column '{column}' (expected at position {number})"
        elif etype == "incorrect-label":
            msg = f"the header has '{label}' at position {number} where the schema expects '{column}' (a renamed or misplaced column)"
            column = label or column
        elif etype == "extra-label":
            msg = f"the header has a column '{label}' at position {number} that the schema does not describe"
            column = label
        else:
            msg = error.message
    elif etype == "blank-row":
        msg = "the row is blank; remove it"
    elif etype == "missing-cell":
        msg = "the row has fewer cells than the header"
    elif etype == "extra-cell":
        msg = f"the row has more cells than the header (extra value {cell!r})"
        column = None
    else:
        msg = note or error.message
    return Problem(fname, etype, msg, line=line, column=column)


def schema_problems(path: Path, descriptor: dict, skip: set[str] = frozenset()) -> list[Problem]:
    """Frictionless validation of every tabular resource not in ``skip``, as Problems."""
    import frictionless
    from frictionless import system

    base = path.parent
    resources = [r for r in descriptor["resources"] if r["name"] not in skip and is_tabular(r)]
    keep = {r["name"] for r in resources}
    trimmed = []
    for r in resources:
        r = json.loads(json.dumps(r))
        # a foreign key into a resource that cannot be read is not checked (that resource's own problem is reported)
        fks = [fk for fk in r["schema"].get("foreignKeys") or [] if ((fk.get("reference") or {}).get("resource") or r["name"]) in keep]
        if fks:
            r["schema"]["foreignKeys"] = fks
        else:
            r["schema"].pop("foreignKeys", None)
        trimmed.append(r)
    if not trimmed:
        return []
    meta = {k: v for k, v in descriptor.items() if k in {"name", "title", "description", "version", "licenses", "sources"}}
    problems: list[Problem] = []
    with system.use_context(trusted=True), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            report = frictionless.Package({**meta, "resources": trimmed}, basepath=str(base)).validate()
        except Exception as exc:  # a descriptor frictionless cannot read
            return [Problem(DESCRIPTOR, "descriptor", _plain(str(exc)) or type(exc).__name__)]
    for error in report.errors:
        problems.append(Problem(DESCRIPTOR, error.type, _plain(error.note) or error.message))
    by_name = {r["name"]: r for r in trimmed}
    for task in report.tasks:
        res = by_name.get(task.name) or next((r for r in trimmed if _paths(r) and _paths(r)[0] == task.place), None)
        fname = _paths(res)[0] if res else (task.place or task.name)
        fields = {f["name"]: f for f in (res or {}).get("schema", {}).get("fields", [])}
        starts = _line_starts(base / fname)

        def line_of(row, starts=starts):
            return starts[row - 1] if starts and 0 < row <= len(starts) else row

        pk = _as_list((res or {}).get("schema", {}).get("primaryKey"))
        errs = [_frictionless_problem(e, fname, fields, line_of, pk) for e in task.errors]
        problems.extend(_collapse(errs))
    return _without_cascades(problems, trimmed)


def _without_cascades(problems: list[Problem], resources: list[dict]) -> list[Problem]:
    """Drop foreign-key problems that are consequences of another problem already listed: the
    referenced resource has problems of its own, or the same cell broke its enumeration."""
    files = {r["name"]: _paths(r)[0] for r in resources}
    broken = {p.file for p in problems if p.rule != "foreign-key"}
    cells = {(p.file, p.line, p.column) for p in problems if p.rule == "constraint-error"}
    targets = {}
    for r in resources:
        for fk in r["schema"].get("foreignKeys") or []:
            targets.setdefault(files[r["name"]], set()).add(files.get((fk.get("reference") or {}).get("resource") or r["name"]))
    blank = {(p.file, p.line) for p in problems if p.rule == "blank-row"}
    unique = {(p.file, p.line) for p in problems if p.rule == "unique-error"}
    out = []
    for p in problems:
        if p.rule != "blank-row" and (p.file, p.line) in blank:
            continue  # a blank row breaks its keys and required cells too
        if p.rule == "primary-key" and (p.file, p.line) in unique:
            continue  # the same duplicate, already reported on its column
        if p.rule == "foreign-key" and ((p.file, p.line, p.column) in cells or targets.get(p.file, set()) & (broken - {p.file})):
            continue
        out.append(p)
    return out


def _line_starts(path: Path) -> list[int] | None:
    """Starting physical line of each record (as frictionless numbers rows: header = row 1)."""
    try:
        return [line for line, _ in _records(path.read_text(encoding="utf-8"))]
    except (OSError, UnicodeDecodeError):
        return None


def _collapse(problems: list[Problem], keep: int = 5) -> list[Problem]:
    """A broken header makes every row of its column fail: keep the header problem, count the rest."""
    header_cols = {p.column for p in problems if p.line == 1}
    header_broken = any(p.line == 1 for p in problems)
    out, dropped = [], {}
    for p in problems:
        consequence = header_broken and p.line != 1 and (p.column in header_cols or p.rule in {"missing-cell", "extra-cell"})
        if consequence:
            dropped[p.file] = dropped.get(p.file, 0) + 1
            continue
        same = [q for q in out if q.rule == p.rule and q.column == p.column and q.file == p.file]
        if len(same) >= keep:
            dropped[(p.file, p.rule, p.column)] = dropped.get((p.file, p.rule, p.column), 0) + 1
            continue
        out.append(p)
    for key, n in dropped.items():
        if isinstance(key, tuple):
            f, rule, col = key
            out.append(Problem(f, rule, f"... and {n} more row{'s' if n != 1 else ''} with the same problem", column=col))
        else:
            out.append(Problem(key, "header", f"{n} row-level problem{'s' if n != 1 else ''} caused by the header are not listed; fix the header first", line=1))
    return out


# ---------------------------------------------------------------------------------------------
# reading


def _convert(series: pd.Series, kind: str) -> pd.Series:
    blank = series.str.strip() == ""
    if kind in {"integer", "year"}:
        return pd.to_numeric(series.where(~blank), errors="coerce").astype("Int64")
    if kind == "number":
        return pd.to_numeric(series.where(~blank), errors="coerce").astype(float)
    if kind == "boolean":
        return series.str.strip().str.lower().map({"true": True, "false": False, "1": True, "0": False, "yes": True, "no": False})
    return series


def read_resource(base: Path, res: dict) -> tuple[pd.DataFrame, list[int]]:
    """A resource as a DataFrame typed by its schema, and the physical line of each row."""
    text = (base / _paths(res)[0]).read_text(encoding="utf-8")
    records = _records(text)
    header = records[0][1] if records else []
    rows = [(line, cells) for line, cells in records[1:] if any(c.strip() for c in cells)]
    df = pd.DataFrame([cells + [""] * (len(header) - len(cells)) for _, cells in rows], columns=header, dtype=str)
    if not rows:
        df = pd.DataFrame(columns=header, dtype=str)
    for f in res["schema"]["fields"]:
        if f["name"] in df:
            df[f["name"]] = _convert(df[f["name"]], f.get("type", "string"))
    return df, [line for line, _ in rows]


def load(path: str | Path | None = None, *, validate: bool = True) -> Study:
    """Load and validate the data package at ``path`` (default: :func:`default_path`)."""
    from . import cases, rules

    path = Path(path).resolve() if path else default_path()
    if path.is_dir():
        path = path / DESCRIPTOR
    descriptor, problems = read_descriptor(path)
    if descriptor is None:
        raise DataPackageError(path, problems)
    text = path.read_text(encoding="utf-8")
    problems, unusable, study_broken = _descriptor_check(descriptor, text)
    if not isinstance(descriptor.get("resources"), list) or not descriptor["resources"]:
        raise DataPackageError(path, problems)
    if problems:
        if not validate:
            raise DataPackageError(path, problems)
        # validate what can be validated; the resources the descriptor describes badly are left out
        descriptor = {**descriptor, "resources": [r for r in descriptor["resources"] if isinstance(r, dict)
                                                  and isinstance(r.get("name"), str) and r["name"] not in unusable
                                                  and re.fullmatch(r"[a-z0-9._-]+", r["name"])]}
    base = path.parent
    bad: set[str] = set()
    if validate:
        for res in descriptor["resources"]:
            found = file_problems(base, res)
            if found:
                bad.add(res["name"])
                problems += found
        schema = schema_problems(path, descriptor, skip=bad)
        problems += schema
        names = {_paths(r)[0]: r["name"] for r in descriptor["resources"] if _paths(r)}
        bad |= {names.get(p.file) for p in schema} - {None}
        if any(p.file == DESCRIPTOR for p in schema):
            raise DataPackageError(path, problems)
    study = Study(path=path, descriptor=descriptor)
    for res in descriptor["resources"]:
        if res["name"] in bad or not is_tabular(res):
            continue
        try:
            study.frames[res["name"]], study.lines[res["name"]] = read_resource(base, res)
        except (OSError, UnicodeDecodeError) as exc:
            if validate:
                problems.append(Problem(_paths(res)[0], "unreadable", str(exc)))
    if validate:
        # a resource the chapters and rules know must keep the fields they read
        mismatched = field_problems(study)
        problems += mismatched
        for name in {n for n, _ in mismatched_names(study)}:
            study.frames.pop(name, None)
            bad.add(name)
        if not study_broken:  # the rules need the stated totals
            problems += cases.apply(study, bad=bad)
            problems += rules.check(study)
        if problems:
            raise DataPackageError(path, _unique(problems))
    else:
        cases.apply(study, bad=bad)
    study.recording = True
    return study


def _unique(problems: list[Problem]) -> list[Problem]:
    seen, out = set(), []
    for p in problems:
        if p not in seen:
            seen.add(p)
            out.append(p)
    return out


# ---------------------------------------------------------------------------------------------
# what the book needs


def _reference(reference: Path = DEFAULT_PACKAGE) -> dict:
    return json.loads(reference.read_text(encoding="utf-8"))


def mismatched_names(study: Study, reference: Path = DEFAULT_PACKAGE) -> list[tuple[str, Problem]]:
    """(resource, problem) for each field of the book's own schema that a resource of the same name lacks."""
    if study.path.resolve() == reference.resolve():
        return []
    ref = {r["name"]: r for r in _reference(reference)["resources"]}
    out = []
    for res in study.descriptor["resources"]:
        name = res.get("name")
        if name not in ref or not is_tabular(res):
            continue
        fname = _paths(res)[0] if _paths(res) else DESCRIPTOR
        fields = {f["name"]: f.get("type", "string") for f in (res.get("schema") or {}).get("fields", [])}
        for f in (ref[name].get("schema") or {}).get("fields", []):
            want = f.get("type", "string")
            if f["name"] not in fields:
                out.append((name, Problem(fname, "missing-field",
                                          f"the book reads field '{f['name']}' ({want}) of resource '{name}', which this package's schema does not have",
                                          column=f["name"])))
            elif fields[f["name"]] != want:
                out.append((name, Problem(fname, "missing-field",
                                          f"field '{f['name']}' of resource '{name}' has type '{fields[f['name']]}'; the book reads it as '{want}'",
                                          column=f["name"])))
    return out


def field_problems(study: Study, reference: Path = DEFAULT_PACKAGE) -> list[Problem]:
    return [p for _, p in mismatched_names(study, reference)]


def book_problems(study: Study, reference: Path = DEFAULT_PACKAGE) -> list[Problem]:
    """What a valid package still lacks for this book to be built from it.

    The chapters read every resource of the repository's own data package, with the fields they
    have there. Another package must hold each of them (the five annex tables may instead be
    derived from case records) and give each of those fields, with the same type; it may add
    categories, resources and fields of its own.
    """
    if study.path.resolve() == reference.resolve():
        return []
    from .cases import DERIVED

    ref = _reference(reference)
    have = {r.get("name") for r in study.descriptor["resources"]}
    out = []
    for res in ref["resources"]:
        name = res["name"]
        if name not in have and name not in study.derived:
            hint = " (or give case records, from which it is derived)" if name in DERIVED else ""
            out.append(Problem(DESCRIPTOR, "missing-resource",
                               f"the book reads resource '{name}' ({res.get('title', name)}), which this package does not hold{hint}"))
    return out + field_problems(study, reference)


def load_for_book(path: str | Path | None = None) -> Study:
    """Load and validate a package, and check that the book can be built from it."""
    study = load(path)
    problems = book_problems(study)
    if problems:
        raise DataPackageError(study.path, problems)
    return study
