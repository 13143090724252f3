"""Load the study's data package and refuse it, with every reason at once, when it is invalid.

This module alone orchestrates validation. Three layers run in this order on every resource:

1. the files themselves (:mod:`trata.data.reading`) and a descriptor (``datapackage.json``) that is
   valid JSON with the structure a data package needs (:mod:`trata.data.descriptor`);
2. the Frictionless schema of each resource (:mod:`trata.data.schema`);
3. the study's own rules (:mod:`trata.data.table_rules`, :mod:`trata.data.coding_rules`): counts add
   up to the stated totals, printed shares agree with printed counts, every place is a known
   Mexican state, and so on. When the package holds case-level records (:mod:`trata.data.cases`),
   the five annex tables are derived from them and checked against any aggregate tables the
   package also holds.

The rules of layer 3 run on every resource that passed layers 1 and 2, so one run reports as
much as can be known. :func:`load_for_book` adds what building this book needs: every resource
the chapters read, with their fields. A failure raises one :class:`DataPackageError` that lists
every :class:`Problem` with the file, the line, the column and the rule that was broken. Nothing
downstream runs on bad data.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..core.paths import DEFAULT_PACKAGE, DESCRIPTOR, descriptor_path
from ..core.problems import DataPackageError, Problem, unique
from ..core.vocabulary import DERIVED
from . import cases, cells, coding_rules, descriptor, reading, reading_rules, rulebook, schema, table_rules
from .study import Study

#: Every study rule, in the order they run (and the page "Updating the data" lists them).
RULES = (*table_rules.RULES, *coding_rules.RULES, *reading_rules.RULES)


def check_rules(study: Study) -> list[Problem]:
    """Run every study rule; return all problems found."""
    return rulebook.run(RULES, study)


def load(path: str | Path | None = None, *, validate: bool = True) -> Study:
    """Load and validate the data package at ``path`` (default: :func:`trata.core.paths.default_path`)."""
    path = descriptor_path(path)
    desc, problems = descriptor.read_descriptor(path)
    if desc is None:
        raise DataPackageError(path, problems)
    text = path.read_text(encoding="utf-8")
    problems, unusable, study_broken = descriptor.check(desc, text)
    if not isinstance(desc.get("resources"), list) or not desc["resources"]:
        raise DataPackageError(path, problems)
    if problems:
        if not validate:
            raise DataPackageError(path, problems)
        # validate what can be validated; the resources the descriptor describes badly are left out
        desc = {**desc, "resources": [r for r in desc["resources"] if isinstance(r, dict)
                                      and isinstance(r.get("name"), str) and r["name"] not in unusable
                                      and re.fullmatch(r"[a-z0-9._-]+", r["name"])]}
    base = path.parent
    bad: set[str] = set()
    if validate:
        for res in desc["resources"]:
            found = reading.file_problems(base, res)
            if found:
                bad.add(res["name"])
                problems += found
        in_cells = cell_problems(base, desc, bad)
        found = without_cell_cascades(schema.schema_problems(path, desc, skip=bad), in_cells, desc)
        problems += in_cells + found
        names = {descriptor.paths_of(r)[0]: r["name"] for r in desc["resources"] if descriptor.paths_of(r)}
        bad |= {names.get(p.file) for p in found + in_cells} - {None}
        if any(p.file == DESCRIPTOR for p in found):
            raise DataPackageError(path, problems)
    study = Study(path=path, descriptor=desc)
    for res in desc["resources"]:
        if res["name"] in bad or not descriptor.is_tabular(res):
            continue
        try:
            study.frames[res["name"]], study.lines[res["name"]] = reading.read_resource(base, res)
        except (OSError, UnicodeDecodeError) as exc:
            if validate:
                problems.append(Problem(descriptor.paths_of(res)[0], "unreadable", str(exc)))
    if validate:
        # a resource the chapters and rules know must keep the fields they read
        mismatched = field_problems(study)
        problems += mismatched
        for name in {n for n, _ in mismatched_names(study)}:
            study.frames.pop(name, None)
            bad.add(name)
        if not study_broken:  # the rules need the stated totals
            problems += cases.apply(study, bad=bad)
            problems += check_rules(study)
        if problems:
            raise DataPackageError(path, unique(problems))
    else:
        cases.apply(study, bad=bad)
    return study


def cell_problems(base: Path, desc: dict, bad: set[str]) -> list[Problem]:
    """The cells of every readable tabular resource: finite numbers of this study's size, no invisible characters."""
    out = []
    for res in desc["resources"]:
        if res["name"] in bad or not descriptor.is_tabular(res):
            continue
        rpath = descriptor.paths_of(res)[0]
        out += cells.cell_problems(rpath, res, reading.csv_records((base / rpath).read_text(encoding="utf-8")))
    return out


def without_cell_cascades(found: list[Problem], in_cells: list[Problem], desc: dict) -> list[Problem]:
    """Schema problems that are not consequences of a cell problem already listed: the same cell
    (NaN is not 'below the minimum'), or a foreign key into a file whose keys hold an invisible character."""
    if not in_cells:
        return found
    taken = {(p.file, p.line, p.column) for p in in_cells}
    files = {r["name"]: descriptor.paths_of(r)[0] for r in desc["resources"] if descriptor.paths_of(r)}
    broken = {p.file for p in in_cells}
    targets: dict[str, set] = {}
    for r in desc["resources"]:
        for fk in ((r.get("schema") or {}).get("foreignKeys") or []) if isinstance(r.get("schema"), dict) else []:
            ref = (fk or {}).get("reference") or {}
            targets.setdefault(files.get(r["name"]), set()).add(files.get(ref.get("resource") or r["name"]))
    return [p for p in found if (p.file, p.line, p.column) not in taken
            and not (p.rule == "foreign-key" and targets.get(p.file, set()) & broken)]


def _reference(reference: Path = DEFAULT_PACKAGE) -> dict:
    desc, problems = descriptor.read_descriptor(reference)
    if desc is None:
        raise DataPackageError(reference, problems)
    return desc


def mismatched_names(study: Study, reference: Path = DEFAULT_PACKAGE) -> list[tuple[str, Problem]]:
    """(resource, problem) for each field of the book's own schema that a resource of the same name lacks."""
    if study.path.resolve() == reference.resolve():
        return []
    ref = {r["name"]: r for r in _reference(reference)["resources"]}
    out = []
    for res in study.descriptor["resources"]:
        name = res.get("name")
        if name not in ref or not descriptor.is_tabular(res):
            continue
        fname = descriptor.paths_of(res)[0] if descriptor.paths_of(res) else DESCRIPTOR
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
