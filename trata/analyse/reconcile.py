"""Reconcile every printed cell of the annex with the value derived from the data package.

The tolerance of a cell is half a unit of its last printed digit: a share printed as ``42.7`` is
consistent with any derived value in [42.65, 42.75]. Counts must match exactly.
"""

from __future__ import annotations

import pandas as pd

from ..core.precision import tolerance
from ..data.study import Study
from ..derive import tables


def _derived_cells(study: Study, only: str | None = None) -> dict[tuple[str, str, str], float]:
    """Every derived value, keyed as the printed cells are: (table, row as printed, column as printed);
    with ``only`` (e.g. ``"table5"``), the values of that table alone (and only its resources read)."""
    cells: dict[tuple[str, str, str], float] = {}
    if only is not None:
        return {k: v for k, v in _ONE[only](study).items()}
    t1 = tables.table1(study)
    for r in t1.itertuples():
        cells[("table1", "n", r.country)] = r.n
        cells[("table1", "%", r.country)] = r.share
    t2 = tables.table2(study)
    for r in t2.to_dict("records"):
        for stat in tables.STATISTICS_AS_PRINTED:
            cells[("table2", r["label_as_printed"], stat)] = r[stat]
    t3 = tables.table3(study)
    for r in t3.itertuples():
        cells[("table3", r.state_as_printed, "n")] = r.n
        cells[("table3", r.state_as_printed, "%")] = r.share
    t4 = tables.table4(study)
    for r in t4.itertuples():
        cells[("table4", "n", r.bin_as_printed)] = r.n
        cells[("table4", "%", r.bin_as_printed)] = r.share
    t5 = tables.table5(study)
    for r in t5.itertuples():
        for group, prefix in (("Males", "male"), ("Women", "female"), ("Total", "total")):
            cells[("table5", r.label_as_printed, f"{group} n")] = getattr(r, f"{prefix}_n")
            cells[("table5", r.label_as_printed, f"{group} %")] = getattr(r, f"{prefix}_share")
    return cells


def _table5_cells(study: Study) -> dict[tuple[str, str, str], float]:
    cells = {}
    for r in tables.table5(study).itertuples():
        for group, prefix in (("Males", "male"), ("Women", "female"), ("Total", "total")):
            cells[("table5", r.label_as_printed, f"{group} n")] = getattr(r, f"{prefix}_n")
            cells[("table5", r.label_as_printed, f"{group} %")] = getattr(r, f"{prefix}_share")
    return cells


def _table2_cells(study: Study) -> dict[tuple[str, str, str], float]:
    return {("table2", r["label_as_printed"], stat): r[stat] for r in tables.table2(study).to_dict("records")
            for stat in tables.STATISTICS_AS_PRINTED}


def _table3_cells(study: Study) -> dict[tuple[str, str, str], float]:
    cells = {}
    for r in tables.table3(study).itertuples():
        cells[("table3", r.state_as_printed, "n")] = r.n
        cells[("table3", r.state_as_printed, "%")] = r.share
    return cells


#: The derived cells of one table, reading only that table's resources.
_ONE = {"table2": _table2_cells, "table3": _table3_cells, "table5": _table5_cells}


def report(study: Study, only: str | None = None) -> pd.DataFrame:
    """One row per printed cell: printed text, derived value, tolerance, difference, status; with
    ``only`` ("table2", "table3" or "table5"), the cells of that table alone."""
    printed = study["printed_cells"]
    if only is not None:
        printed = printed[printed["table"] == only]
    derived = _derived_cells(study, only)
    rows = []
    for r in printed.itertuples():
        key = (r.table, r.row, r.column)
        value = derived.get(key)
        tol = tolerance(r.printed)
        if value is None or pd.isna(value):
            status, diff = "no derived value", float("nan")
        else:
            diff = float(r.printed) - float(value)
            status = "match" if abs(diff) <= tol + 1e-9 else "mismatch"
        rows.append({"table": r.table, "row": r.row, "column": r.column, "printed": r.printed,
                     "derived": value, "tolerance": tol, "difference": diff, "status": status})
    out = pd.DataFrame(rows)
    # derived cells with no printed counterpart are worth listing too
    missing = set(derived) - {(r.table, r.row, r.column) for r in printed.itertuples()}
    extra = [{"table": t, "row": rw, "column": c, "printed": "", "derived": derived[(t, rw, c)],
              "tolerance": float("nan"), "difference": float("nan"), "status": "not printed"}
             for (t, rw, c) in sorted(missing) if not pd.isna(derived[(t, rw, c)])]
    if extra:
        out = pd.concat([out, pd.DataFrame(extra)], ignore_index=True)
    return out


def summary(rep: pd.DataFrame) -> dict[str, int]:
    counts = rep["status"].value_counts()
    return {k: int(counts.get(k, 0)) for k in ("match", "mismatch", "no derived value", "not printed")} | {"cells": int(len(rep))}


def printed_shares(study: Study) -> pd.DataFrame:
    """Every printed share against the share its printed count gives over its printed base, in the
    shape of :func:`report` (the article checked against itself, whatever data the package holds).

    Bases as the tables state them: Tables 1, 3 and 4 are shares of the interviewees (Table 1's
    printed total); Table 5 gives row shares by sex and each type's share of all networks (the
    printed grand total).
    """
    cells = study["printed_cells"]
    value = {(r.table, r.row, r.column): float(r.printed) for r in cells.itertuples()}
    women = value.get(("table1", "n", "Total"))
    rows = []
    for r in cells.itertuples():
        count = base = None
        if r.table in ("table1", "table4") and r.row == "%":
            count, base = value.get((r.table, "n", r.column)), women
        elif r.table == "table3" and r.column == "%":
            count, base = value.get((r.table, r.row, "n")), women
        elif r.table == "table5" and r.column.endswith(" %"):
            group = r.column[:-2]
            count = value.get((r.table, r.row, f"{group} n"))
            base = value.get((r.table, r.row, "Total n")) if group != "Total" else value.get((r.table, "Total", "Total n"))
        else:
            continue
        tol = tolerance(r.printed)
        if count is None or not base:
            rows.append({"table": r.table, "row": r.row, "column": r.column, "printed": r.printed, "derived": float("nan"),
                         "tolerance": tol, "difference": float("nan"), "status": "no derived value"})
            continue
        derived = 100 * count / base
        diff = float(r.printed) - derived
        rows.append({"table": r.table, "row": r.row, "column": r.column, "printed": r.printed, "derived": derived,
                     "tolerance": tol, "difference": diff, "status": "match" if abs(diff) <= tol + 1e-9 else "mismatch"})
    return pd.DataFrame(rows, columns=["table", "row", "column", "printed", "derived", "tolerance", "difference", "status"])
