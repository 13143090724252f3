"""The package folder as a boundary, and the cells a study can hold.

A data package is untrusted input. Before any library reads a file of it:

- every path stays inside the package folder: no absolute path, no ``..``, no symbolic link
  anywhere along the path, no remote URL, one file per resource, a file and not a folder;
- every tabular file is text: not compressed or binary, comma-separated, with cells and a number
  of rows of the size such a study has.

Then every cell is checked for what Frictionless lets through or explains badly: not-a-number and
infinity, magnitudes no count or statistic of this study can have, and characters that cannot be
seen (shown by their code points, as are look-alike letters in a refused category).
"""

from __future__ import annotations

import csv
import io
import math
import re
import unicodedata
from pathlib import Path

from ..core.problems import Problem

#: The longest cell the book reads (a long interview excerpt is a few thousand characters).
MAX_CELL = 20_000
#: The most data rows one file may hold (the study's files hold fewer than a thousand).
MAX_ROWS = 100_000
#: The largest file the book reads.
MAX_BYTES = 20_000_000
#: The largest magnitude of a count or a statistic of this study.
MAX_MAGNITUDE = 1_000_000_000
#: Numeric types of the Table Schema whose cells are numbers.
NUMERIC = {"integer", "number"}
#: What a URL's start looks like: a scheme and '://' (or 'scheme:' for data:, javascript: and the like).
REMOTE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:(//|(?![\\/]))")
#: Magic numbers of compressed or binary files a CSV may be mistaken for.
MAGIC = {b"\x1f\x8b": "gzip-compressed", b"PK\x03\x04": "a ZIP archive (or a spreadsheet such as .xlsx)",
         b"\xd0\xcf\x11\xe0": "an old Excel or Word file", b"%PDF": "a PDF document", b"BZh": "bzip2-compressed",
         b"\xfd7zXZ": "xz-compressed", b"\x89PNG": "a PNG image"}
#: A number as the book reads it: ASCII digits, an optional sign, decimal point and exponent.
PLAIN_NUMBER = re.compile(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?")
NOT_FINITE = {"nan", "+nan", "-nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity"}


def path_problem(path) -> str | None:
    """Why a resource's ``path`` cannot be read from inside the package (None if it can)."""
    if isinstance(path, list):
        if len(path) > 1:
            return (f"path lists {len(path)} files (a multipart resource); the book reads one file per resource: "
                    "join the parts into one file")
        if not path:
            return "path is an empty list"
        path = path[0]
    if not isinstance(path, str) or not path.strip():
        return None  # reported as a missing path
    if REMOTE.match(path):
        return f"path {path!r} is a remote path; remote paths are not supported: put the file in the package folder"
    p = Path(path)
    if p.is_absolute() or path.startswith(("/", "\\")) or ".." in re.split(r"[\\/]", path):
        return f"path {path!r} must be relative and inside the package folder"
    return None


def location_problem(base: Path, rpath: str, name: str) -> Problem | None:
    """Is ``base/rpath`` a regular file inside the package folder, reached without a symbolic link?"""
    here = base
    for part in Path(rpath).parts:
        here = here / part
        if here.is_symlink():
            where = "" if here == base / rpath else f" (through '{here.relative_to(base).as_posix()}')"
            return Problem(rpath, "symlink", f"resource '{name}' is a symbolic link{where}; the book reads only files "
                                             "inside the package folder: copy the file itself into the package")
    target = base / rpath
    try:
        target.resolve().relative_to(base.resolve())
    except ValueError:
        return Problem(rpath, "outside-package", f"resource '{name}' resolves to a file outside the package folder")
    if target.is_dir():
        return Problem(rpath, "not-a-file", f"resource '{name}' names a folder, not a file")
    if not target.exists():
        return Problem(rpath, "missing-file", f"resource '{name}' points to a file that does not exist")
    if not target.is_file():
        return Problem(rpath, "not-a-file", f"resource '{name}' names something that is not a regular file")
    return None


def binary_problem(rpath: str, raw: bytes) -> Problem | None:
    """A compressed or binary file where a CSV text file is expected."""
    for magic, what in MAGIC.items():
        if raw.startswith(magic):
            return Problem(rpath, "binary-file", f"the file is {what}, not a CSV text file: give the CSV file itself", line=1)
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        return Problem(rpath, "binary-file", "the file holds NUL bytes: it is a binary file (or UTF-16 text), not a UTF-8 CSV file",
                       line=line)
    return None


def records(text: str) -> list[tuple[int, list[str]]]:
    """(starting line, cells) of every CSV record, header first; no limit on a cell's length."""
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, MAX_BYTES))
    try:
        reader = csv.reader(io.StringIO(text, newline=""))
        out, last = [], 0
        for cells in reader:
            out.append((last + 1, cells))
            last = reader.line_num
        return out
    finally:
        csv.field_size_limit(limit)


def shape_problems(rpath: str, res: dict, text: str, recs: list[tuple[int, list[str]]]) -> list[Problem]:
    """A file of the size and shape the book reads: comma-separated, not too many rows, no huge cell."""
    out = []
    fields = [f.get("name") for f in (res.get("schema") or {}).get("fields") or [] if isinstance(f, dict)]
    header = recs[0][1] if recs else []
    if len(header) == 1 and len(fields) > 1:
        first = text.split("\n", 1)[0]
        for sep, word in ((";", "semicolons"), ("\t", "tabs"), ("|", "vertical bars")):
            if first.count(sep) >= len(fields) - 1:
                out.append(Problem(rpath, "dialect", f"the file's columns are separated by {word}, not commas: "
                                                     "save it as comma-separated CSV", line=1))
                return out
    rows = [r for r in recs[1:] if any(c.strip() for c in r[1])]
    if len(rows) > MAX_ROWS:
        out.append(Problem(rpath, "too-large", f"the file has {len(rows):,} data rows; the book reads at most {MAX_ROWS:,} "
                                               "rows in one file"))
    long = [(line, j, len(c)) for line, cells in recs for j, c in enumerate(cells) if len(c) > MAX_CELL]
    for line, j, n in long[:5]:
        col = header[j] if j < len(header) and line != 1 else None
        out.append(Problem(rpath, "cell-too-long", f"a cell of {n:,} characters; the book reads cells of at most "
                                                   f"{MAX_CELL:,} characters", line=line, column=col))
    if len(long) > 5:
        out.append(Problem(rpath, "cell-too-long", f"... and {len(long) - 5:,} more cells that are too long"))
    return out


def char_name(ch: str) -> str:
    """A character by its code point and name: 'U+200B ZERO WIDTH SPACE'."""
    if unicodedata.category(ch) == "Cc":
        return f"U+{ord(ch):04X} (a control character)"
    return f"U+{ord(ch):04X} {unicodedata.name(ch, '(an unassigned code point)')}"


def shown(value: str, width: int = 60) -> str:
    """A value as a message quotes it: its repr, shortened when long."""
    return repr(value) if len(value) <= width else repr(value[:width]) + f" (and {len(value) - width:,} more characters)"


def latin_twin(value: str) -> str:
    """The value with each look-alike letter replaced by the Latin letter it looks like."""
    return "".join(look_alike(c) or c for c in value)


def invisible(ch: str) -> bool:
    """A character a reader cannot see (format, control, private-use, unassigned, line separators)."""
    if ch in "\t\n\r":
        return False
    return unicodedata.category(ch) in {"Cf", "Cc", "Co", "Cs", "Cn", "Zl", "Zp"}


def look_alike(ch: str) -> str | None:
    """The Latin letter a non-Latin letter looks like (Cyrillic 'а' -> 'a'), if its name says so."""
    name = unicodedata.name(ch, "")
    m = re.fullmatch(r"(CYRILLIC|GREEK|ARMENIAN|COPTIC) (SMALL|CAPITAL) LETTER (\w+)", name)
    if not m:
        return None
    try:
        latin = unicodedata.lookup(f"LATIN {m.group(2)} LETTER {m.group(3)}")
    except KeyError:
        return {"IE": "e", "ES": "s", "JE": "j", "OMICRON": "o", "ALPHA": "a"}.get(m.group(3)) if m.group(2) == "SMALL" else None
    return latin


def strange_characters(value: str, allowed=()) -> str:
    """A hint naming, by code point, each invisible or look-alike character of ``value`` that no
    allowed value has; '' if there is none."""
    known = set("".join(str(a) for a in allowed))
    notes = []
    for ch in dict.fromkeys(value):
        if ch in known:
            continue
        if invisible(ch):
            notes.append(f"{char_name(ch)}, which is invisible")
        elif (latin := look_alike(ch)) is not None:
            notes.append(f"{char_name(ch)}, which looks like the Latin '{latin}'")
    return "it contains " + " and ".join(notes) if notes else ""


def cell_problems(rpath: str, res: dict, recs: list[tuple[int, list[str]]]) -> list[Problem]:
    """Numbers that are not finite or too large for this study; characters that cannot be seen."""
    fields = {f.get("name"): f for f in (res.get("schema") or {}).get("fields") or [] if isinstance(f, dict)}
    header = recs[0][1] if recs else []
    out = []
    for label in header:
        if (hint := strange_characters(label)) and any(invisible(c) for c in label):
            out.append(Problem(rpath, "invisible-character", f"the column name {label!r}: {hint}; remove it", line=1))
    for line, cells in recs[1:]:
        for j, cell in enumerate(cells):
            column = header[j] if j < len(header) else None
            kind = (fields.get(column) or {}).get("type", "string")
            if any(invisible(c) for c in cell):
                chars = [c for c in dict.fromkeys(cell) if invisible(c)]
                out.append(Problem(rpath, "invisible-character",
                                   f"value {shown(cell)} contains {' and '.join(char_name(c) for c in chars)}, "
                                   f"{'an invisible character' if len(chars) == 1 else 'invisible characters'}: remove it",
                                   line=line, column=column))
                continue
            if kind in NUMERIC and cell.strip():
                out += _number_problem(rpath, cell, line, column)
    return out


def _number_problem(rpath: str, cell: str, line: int, column: str | None) -> list[Problem]:
    text = cell.strip()
    if text.lower() in NOT_FINITE:
        return [Problem(rpath, "not-finite", f"value {cell!r} is not a number the study can hold: not-a-number and "
                                             "infinity are not counts or statistics", line=line, column=column)]
    try:
        value = float(text)
    except (ValueError, OverflowError):
        return []  # not a number at all: the schema's type check says so
    if not PLAIN_NUMBER.fullmatch(text):  # '1_000' or '٣': Python reads them, a spreadsheet or pandas does not
        return [Problem(rpath, "type-error", f"value {shown(cell)} is not a number written with the digits 0-9 (with an "
                                             "optional sign, decimal point and exponent)", line=line, column=column)]
    if not math.isfinite(value) or abs(value) > MAX_MAGNITUDE:
        return [Problem(rpath, "out-of-range", f"value {cell!r} is too large to be a count or a statistic of this study "
                                               f"(at most {MAX_MAGNITUDE:,} in magnitude)", line=line, column=column)]
    return []
