"""Reading the files of a data package: CSV records with their physical lines, typed frames, and
the checks of the files themselves (present, not empty, UTF-8 without a byte-order mark).

Line numbers are physical lines of the file, counting the header as line 1 (a quoted cell that
spans several lines is located at the line where its row starts).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..core.problems import Problem
from . import cells
from .descriptor import is_tabular, paths_of


def file_problems(base: Path, res: dict) -> list[Problem]:
    """Is each file of a resource a regular file inside the package (no link, no folder), and, if
    tabular, non-empty UTF-8 text without BOM, comma-separated, of a readable size, with at least
    one data row?"""
    out = []
    name = res["name"]
    for rpath in paths_of(res):
        found = cells.location_problem(base, rpath, name)
        if found:
            out.append(found)
            continue
        if not is_tabular(res):
            continue
        target = base / rpath
        if target.stat().st_size > cells.MAX_BYTES:
            out.append(Problem(rpath, "too-large", f"the file has {target.stat().st_size:,} bytes; the book reads files of at most "
                                                   f"{cells.MAX_BYTES:,} bytes"))
            continue
        raw = target.read_bytes()
        if not raw.strip():
            out.append(Problem(rpath, "empty-file", f"resource '{name}' is an empty file (a header row and at least one data row are required)"))
            continue
        if raw.startswith(b"\xef\xbb\xbf"):
            out.append(Problem(rpath, "byte-order-mark", "the file starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM", line=1))
            continue
        binary = cells.binary_problem(rpath, raw)
        if binary:
            out.append(binary)
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
        recs = csv_records(text)
        shape = cells.shape_problems(rpath, res, text, recs)
        if shape:
            out += shape
            continue
        records = [r for r in recs[1:] if any(c.strip() for c in r[1])]
        if not records:
            out.append(Problem(rpath, "no-rows", f"resource '{name}' has a header but no data rows", line=2))
    return out


def csv_records(text: str) -> list[tuple[int, list[str]]]:
    """(starting line, cells) of every CSV record, header first, blank records included."""
    return cells.records(text)


def line_starts(path: Path) -> list[int] | None:
    """Starting physical line of each record (as frictionless numbers rows: header = row 1)."""
    try:
        return [line for line, _ in csv_records(path.read_text(encoding="utf-8"))]
    except (OSError, UnicodeDecodeError):
        return None



def convert(series: pd.Series, kind: str) -> pd.Series:
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
    text = (base / paths_of(res)[0]).read_text(encoding="utf-8")
    records = csv_records(text)
    header = records[0][1] if records else []
    rows = [(line, cells) for line, cells in records[1:] if any(c.strip() for c in cells)]
    df = pd.DataFrame([cells + [""] * (len(header) - len(cells)) for _, cells in rows], columns=header, dtype=str)
    if not rows:
        df = pd.DataFrame(columns=header, dtype=str)
    for f in res["schema"]["fields"]:
        if f["name"] in df:
            df[f["name"]] = convert(df[f["name"]], f.get("type", "string"))
    return df, [line for line, _ in rows]




def count_rows(path: Path) -> int | None:
    """The data rows of a CSV file (blank lines not counted), or None if it cannot be read."""
    try:
        return sum(1 for _, cells in csv_records(path.read_text(encoding="utf-8"))[1:] if any(c.strip() for c in cells))
    except (OSError, UnicodeDecodeError):
        return None
