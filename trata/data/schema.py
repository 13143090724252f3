"""The Frictionless layer of validation: each tabular resource against its Table Schema (types,
required fields, enumerated categories, ranges, patterns, primary and foreign keys, header), with
Frictionless's errors turned into :class:`~trata.core.problems.Problem` objects that name the file,
the physical line and the column.
"""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path

import frictionless
from frictionless import system

from ..core.paths import DESCRIPTOR
from ..core.problems import Problem
from .cells import latin_twin, strange_characters
from .descriptor import as_list, is_tabular, paths_of
from .reading import line_starts

#: Frictionless stops at 1,000 errors by default; files are at most ``cells.MAX_ROWS`` rows, so
#: every error is counted and "... and N more" is the true count.
LIMIT_ERRORS = 10_000_000


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
            elif strange := strange_characters(text, allowed):
                twin = latin_twin(text.strip())
                hint = f" ({strange}" + (f"; did you mean {twin!r}?)" if twin in map(str, allowed) else ")")
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
            report = frictionless.Package({**meta, "resources": trimmed}, basepath=str(base)).validate(limit_errors=LIMIT_ERRORS)
        except Exception as exc:  # a descriptor frictionless cannot read
            return [Problem(DESCRIPTOR, "descriptor", _plain(str(exc)) or type(exc).__name__)]
    for error in report.errors:
        problems.append(Problem(DESCRIPTOR, error.type, _plain(error.note) or error.message))
    by_name = {r["name"]: r for r in trimmed}
    for task in report.tasks:
        res = by_name.get(task.name) or next((r for r in trimmed if paths_of(r) and paths_of(r)[0] == task.place), None)
        fname = paths_of(res)[0] if res else (task.place or task.name)
        fields = {f["name"]: f for f in (res or {}).get("schema", {}).get("fields", [])}
        starts = line_starts(base / fname)

        def line_of(row, starts=starts):
            return starts[row - 1] if starts and 0 < row <= len(starts) else row

        pk = as_list((res or {}).get("schema", {}).get("primaryKey"))
        errs = [_frictionless_problem(e, fname, fields, line_of, pk) for e in task.errors]
        problems.extend(_collapse(errs))
    return _without_cascades(problems, trimmed)


def _without_cascades(problems: list[Problem], resources: list[dict]) -> list[Problem]:
    """Drop foreign-key problems that are consequences of another problem already listed: the
    referenced resource has problems of its own, or the same cell broke its enumeration."""
    files = {r["name"]: paths_of(r)[0] for r in resources}
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
            out.append(Problem(f, rule, f"... and {n:,} more row{'s' if n != 1 else ''} with the same problem", column=col))
        else:
            out.append(Problem(key, "header", f"{n} row-level problem{'s' if n != 1 else ''} caused by the header are not listed; fix the header first", line=1))
    return out


