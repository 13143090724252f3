"""The data package's descriptor (``datapackage.json``): read it, and check the structure this book needs.

This is the one reader of descriptors: validation, the data pages and the build's fingerprint all
read a descriptor through :func:`read_descriptor` (or :func:`resource_files`).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..core.paths import DESCRIPTOR
from ..core.problems import Problem
from .cells import path_problem

#: Field types of the Table Schema specification.
FIELD_TYPES = {"string", "number", "integer", "boolean", "object", "array", "date", "time", "datetime",
               "year", "yearmonth", "duration", "geopoint", "geojson", "any", "list"}


#: What each problem of the first two layers means, and how to fix it (printed in the book's page

def paths_of(resource: dict) -> list[str]:
    path = resource.get("path")
    if isinstance(path, str):
        return [path]
    if isinstance(path, list):
        return [p for p in path if isinstance(p, str)]
    return []


def is_tabular(resource: dict) -> bool:
    paths = paths_of(resource)
    return "schema" in resource or any(p.lower().endswith((".csv", ".tsv")) for p in paths)



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


def check(descriptor: dict, text: str = "") -> tuple[list[Problem], set[str], bool]:
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
    if not paths_of(res):
        bad(f"resource '{name}' has no 'path' to its file", needle)
    why = path_problem(res.get("path"))
    if why:
        bad(f"resource '{name}': {why}", needle)
    dialect = res.get("dialect")
    if dialect is not None and (not isinstance(dialect, dict) or dialect.get("delimiter", ",") != ","
                                or dialect.get("header", True) is not True):
        bad(f"resource '{name}': only comma-separated CSV with a header row is supported (found dialect {dialect!r})", needle)
    if not is_tabular(res):
        return
    schema = res.get("schema")
    if isinstance(schema, str):
        bad(f"resource '{name}': 'schema' is a path or a URL ({schema!r}); the book reads only a schema written out in "
            "datapackage.json", needle)
        return
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
        where = (needle, f'"name": "{f["name"]}"')
        if not isinstance(ftype, str) or ftype not in FIELD_TYPES:
            bad(f"resource '{name}', field '{f['name']}': unknown type {ftype!r} (one of: {', '.join(sorted(FIELD_TYPES))})",
                (needle, f'"name": "{f["name"]}"'))
        constraints = f.get("constraints")
        if constraints is not None and not isinstance(constraints, dict):
            bad(f"resource '{name}', field '{f['name']}': 'constraints' must be an object", where)
            continue
        constraints = constraints or {}
        enum = constraints.get("enum")
        if enum is not None and (not isinstance(enum, list) or not enum
                                 or not all(isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in enum)):
            bad(f"resource '{name}', field '{f['name']}': 'enum' must be a non-empty list of values", where)
        for key in ("minimum", "maximum", "minLength", "maxLength"):
            v = constraints.get(key)
            if v is not None and (isinstance(v, bool) or not isinstance(v, (int, float)) or v != v or abs(v) == float("inf")):
                bad(f"resource '{name}', field '{f['name']}': constraint '{key}' must be a number (found {v!r})", where)
        for key in ("required", "unique"):
            if key in constraints and not isinstance(constraints[key], bool):
                bad(f"resource '{name}', field '{f['name']}': constraint '{key}' must be true or false", where)
        if "pattern" in constraints and not _is_pattern(constraints["pattern"]):
            bad(f"resource '{name}', field '{f['name']}': constraint 'pattern' must be a regular expression", where)
    dup = sorted({n for n in names if names.count(n) > 1})
    if dup:
        bad(f"resource '{name}': field {', '.join(repr(d) for d in dup)} is declared twice", needle)
    pk = schema.get("primaryKey")
    if pk is not None and not (isinstance(pk, str) or (isinstance(pk, list) and all(isinstance(k, str) for k in pk))):
        bad(f"resource '{name}': 'primaryKey' must be a field name or a list of field names", needle)
        pk = None
    for key in as_list(pk):
        if key not in names:
            bad(f"resource '{name}': primary key field '{key}' is not a field of the schema", needle)
    missing = schema.get("missingValues")
    if missing is not None and not (isinstance(missing, list) and all(isinstance(v, str) for v in missing)):
        bad(f"resource '{name}': 'missingValues' must be a list of strings", needle)
    fks = schema.get("foreignKeys")
    if fks is not None and not (isinstance(fks, list) and all(_is_foreign_key(fk) for fk in fks)):
        bad(f"resource '{name}': 'foreignKeys' must be a list of objects with 'fields' and a 'reference' "
            "(a 'resource' and its 'fields')", needle)
        return
    for fk in fks or []:
        ref = fk["reference"]
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
            first, last = (years.get("first"), years.get("last")) if isinstance(years, dict) else (None, None)
            if not (isinstance(first, int) and isinstance(last, int) and 1900 <= first <= last <= 2100):
                bad(f"study.interview_years needs whole-number years 'first' <= 'last' (found {years!r})", '"interview_years"')


def _is_pattern(p) -> bool:
    if not isinstance(p, str):
        return False
    try:
        re.compile(p)
    except (re.error, RecursionError, OverflowError):
        return False
    return True


def _names(x) -> bool:
    return isinstance(x, str) or (isinstance(x, list) and bool(x) and all(isinstance(v, str) for v in x))


def _is_foreign_key(fk) -> bool:
    ref = fk.get("reference") if isinstance(fk, dict) else None
    return (isinstance(fk, dict) and _names(fk.get("fields")) and isinstance(ref, dict) and _names(ref.get("fields"))
            and isinstance(ref.get("resource", ""), str))


def as_list(x) -> list:
    if x is None:
        return []
    return [x] if isinstance(x, str) else list(x)




def resource_files(package: Path) -> dict[str, list[Path]]:
    """Each resource's name and files, as the descriptor gives them (empty if it cannot be read)."""
    descriptor, _ = read_descriptor(package)
    out: dict[str, list[Path]] = {}
    for res in (descriptor or {}).get("resources") or []:
        if isinstance(res, dict):
            out[str(res.get("name"))] = [package.parent / p for p in paths_of(res)]
    return out


def data_files(package: Path) -> list[Path]:
    """The descriptor and every file its resources name, whether or not they exist."""
    return [package] + [f for files in resource_files(package).values() for f in files]
