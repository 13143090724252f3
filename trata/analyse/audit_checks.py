"""The consistency audit, part one: its records, and the checks of the tables' arithmetic and of
Table 2's summary statistics (the printed article checked against itself).

Each check is a small function whose docstring states its rule (the first paragraph is the rule
the chapter prints). A check takes plain inputs (numbers, mappings, DataFrames), so that tests can
feed it small made-up cases, and returns :class:`Record` objects with a verdict:

* ``consistent``: the rule holds;
* ``inconsistent``: the rule is broken; the record says which value the book uses downstream,
  and why;
* ``cannot tell``: the rule cannot be decided from what the article prints.

:func:`run` feeds every check from the data package, in the order of the chapter. Other chapters
ask for the book's choice where the article contradicts itself with :func:`chosen` (a value and a
one-line reason), :func:`explain`, :func:`interview_year` and :func:`table2_value`.
"""

from __future__ import annotations

import inspect
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import pandas as pd

from ..core import messages
from ..core.precision import decimals, tolerance
from ..core.vocabulary import TABLE2_READING

CONSISTENT, INCONSISTENT, CANNOT_TELL = "consistent", "inconsistent", "cannot tell"
VERDICTS = (CONSISTENT, INCONSISTENT, CANNOT_TELL)

#: The groups of checks, in the chapter's order (their titles are in the message table).
GROUPS = messages.labels("audit_groups")

#: Which characteristics of Table 2 are whole numbers. Ages are given in whole years throughout
#: the article (the list of quoted interviews, the text's ranges). Years of schooling and months
#: in the trafficking situation may have been recorded in parts of a year or of a month: unknown.
WHOLE_NUMBERS: dict[str, bool | None] = {
    "age": True, "education": None, "age_trafficked": True, "months_trafficked": None,
}

#: Readings of Table 2's columns: which statistic each printed column holds.
READINGS = {
    "as labelled": {"Median": "median", "Mean": "mean", "Mode": "mode", "Min.": "min", "Max.": "max"},
    "Median and Mean swapped": dict(TABLE2_READING),
}

#: 'Nearly half', 'almost all': how far below the stated figure a value may lie (percentage points).
NEARLY_POINTS = 10


@dataclass(frozen=True)
class Record:
    """One verdict of the audit."""

    group: str
    check: str
    compared: str
    rule: str
    verdict: str
    detail: str
    book_value: str = ""
    why: str = ""
    topic: str = ""

    def __post_init__(self):
        if self.verdict not in VERDICTS:
            raise ValueError(f"unknown verdict {self.verdict!r}")
        if self.group not in GROUPS:
            raise ValueError(f"unknown group {self.group!r}")


class Choice(NamedTuple):
    """The value the book uses where the article is inconsistent, and why, in one line."""

    value: object
    why: str


def rule_of(fn: Callable) -> str:
    """The rule a check states: the first paragraph of its docstring, on one line."""
    doc = inspect.getdoc(fn) or ""
    return " ".join(doc.split("\n\n")[0].split())


def _worst(verdicts: Iterable[str]) -> str:
    vs = set(verdicts)
    if INCONSISTENT in vs:
        return INCONSISTENT
    if CANNOT_TELL in vs:
        return CANNOT_TELL
    return CONSISTENT


class _Item(NamedTuple):
    label: str
    verdict: str
    detail: str
    book_value: str = ""
    why: str = ""
    topic: str = ""


def _records(fn: Callable, group: str, compared: str, items: Sequence[_Item], *,
             summary: str | None = None) -> list[Record]:
    """Records of one check: one per inconsistent item, the undecided items together (one each
    when they carry a choice of the book), and one for all consistent items together."""
    rule, check = rule_of(fn), fn.__name__
    out = [Record(group, check, f"{compared}: {i.label}", rule, i.verdict, i.detail, i.book_value, i.why, i.topic)
           for i in items if i.verdict == INCONSISTENT]
    unsure = [i for i in items if i.verdict == CANNOT_TELL]
    plain = [i for i in unsure if not i.topic]
    out += [Record(group, check, f"{compared}: {i.label}", rule, i.verdict, i.detail, i.book_value, i.why, i.topic)
            for i in unsure if i.topic]
    if plain:
        out.append(Record(group, check, f"{compared}: {', '.join(i.label for i in plain)}", rule, CANNOT_TELL,
                          "; ".join(f"{i.label}: {i.detail}" for i in plain) if len(plain) > 1 else plain[0].detail))
    ok = [i for i in items if i.verdict == CONSISTENT]
    if not items:
        out.append(Record(group, check, compared, rule, CANNOT_TELL, "Nothing to compare."))
    elif ok:
        if summary is not None:
            detail = summary
        elif len(ok) == 1:
            detail = ok[0].detail or "Agrees."
        elif len(ok) <= 3 and all(i.detail for i in ok):
            detail = f"All {len(ok)} agree: " + "; ".join(i.detail for i in ok) + "."
        else:
            detail = f"All {len(ok)} agree." if len(ok) == len(items) else f"The other {len(ok)} agree."
        label = compared if len(ok) == len(items) else f"{compared}: the others"
        out.append(Record(group, check, label, rule, CONSISTENT, detail))
    return out


def _fmt(x: float, digits: int = 2) -> str:
    x = float(x)
    return f"{int(x)}" if x.is_integer() else f"{x:.{digits}f}".rstrip("0").rstrip(".")


# =============================================================================================
# arithmetic


def counts_add_up(table: str, sums: Sequence[tuple[str, Sequence[float], float]]) -> list[Record]:
    """The counts of a table's categories add up to the total that the table, or its note, prints.

    ``sums`` holds (what is summed, the counts, the printed total)."""
    items = []
    for label, parts, total in sums:
        s = sum(float(p) for p in parts)
        if math.isclose(s, float(total)):
            items.append(_Item(label, CONSISTENT, f"{label}: {_fmt(s)}, as printed"))
        else:
            items.append(_Item(label, INCONSISTENT, f"the counts add up to {_fmt(s)}, the printed total is {_fmt(total)}",
                               _fmt(s), "The book recomputes every total from its categories.", f"total:{table.lower().replace(' ', '')}:{label}"))
    return _records(counts_add_up, "arithmetic", f"{table}, counts against totals", items)


def _share_group(row: str, column: str) -> str:
    """Which printed shares belong together: a '%' row (Tables 1 and 4) or a '... %' column."""
    return row if row == "%" else column


def shares_match_counts(table: str, report: pd.DataFrame) -> list[Record]:
    """Each printed share equals its count over the base the table states, to within half a unit
    of its last printed digit.

    ``report`` holds the share cells of one table as :func:`trata.analyse.reconcile.report` compares them
    (columns row, column, printed, derived, tolerance, status). For a share that is off, the check
    also tells whether the printed column adds up to exactly 100 while the correctly rounded one
    does not: the sign of a share adjusted by hand to make the column total 100."""
    rep = report[report["status"].isin(["match", "mismatch"])]
    items = []
    for r in rep.itertuples():
        if r.status == "match":
            items.append(_Item(f"{r.row}, {r.column}", CONSISTENT, ""))
            continue
        group = _share_group(r.row, r.column)
        peers = rep[[_share_group(a, b) == group for a, b in zip(rep["row"], rep["column"])]]
        peers = peers[(peers["row"] != "Total") & (peers["column"] != "Total")]
        printed_sum = sum(float(p) for p in peers["printed"])
        rounded_sum = sum(round(float(d), decimals(p)) for d, p in zip(peers["derived"], peers["printed"]))
        digits = decimals(r.printed)
        detail = (f"printed {r.printed}, but the count over its base is {float(r.derived):.{digits + 2}f}, "
                  f"which rounds to {float(r.derived):.{digits}f}")
        if math.isclose(printed_sum, 100) and not math.isclose(round(rounded_sum, 6), 100):
            detail += (f"; the printed shares of the column add up to {printed_sum:.{digits}f}, the correctly "
                       f"rounded ones to {rounded_sum:.{digits}f}: the cell was probably adjusted so that the column totals 100")
        items.append(_Item(f"{r.row}, {r.column}", INCONSISTENT, detail, f"{float(r.derived):.{digits}f}",
                           "The book's tables and figures recompute every share from its count and base; a share "
                           "changed to make a column total 100 misstates the count it stands for.",
                           f"share:{table.lower().replace(' ', '')}:{r.row}:{r.column}"))
    n_ok = sum(i.verdict == CONSISTENT for i in items)
    return _records(shares_match_counts, "arithmetic", f"{table}, printed shares against counts", items,
                    summary=f"{n_ok} printed shares round correctly from their counts.")


def shares_add_up(table: str, columns: Sequence[tuple[str, Sequence[str], float]]) -> list[Record]:
    """The printed shares of a column add up to the total they should have (100, or more when one
    person counts in several categories), to within the rounding of their cells (half a unit of the
    last printed digit per cell).

    ``columns`` holds (what is summed, the printed shares as text, the expected total)."""
    items = []
    for label, printed, expected in columns:
        s = sum(float(p) for p in printed)
        slack = sum(tolerance(p) for p in printed)
        digits = max(decimals(p) for p in printed)
        if abs(s - expected) <= slack + 1e-9:
            items.append(_Item(label, CONSISTENT, f"{label}: {s:.{digits}f}, expected {_fmt(expected)}"))
        else:
            items.append(_Item(label, INCONSISTENT, f"the printed shares add up to {s:.{digits}f}, expected "
                               f"{_fmt(expected)} within {slack:.2f}", "", "The book recomputes every share from the counts.",
                               f"sum:{table.lower().replace(' ', '')}:{label}"))
    return _records(shares_add_up, "arithmetic", f"{table}, printed shares against their total", items)


# =============================================================================================
# statistics (Table 2)


def mean_is_possible(printed: str, n: int, whole: bool | None) -> str:
    """GRIM test: a mean of ``n`` whole numbers is k/n for a whole k; some k/n must round to the
    printed mean at its printed precision. Values that need not be whole numbers cannot be tested."""
    if not whole:
        return CANNOT_TELL
    x, tol = float(printed), tolerance(printed)
    lo, hi = math.floor((x - tol) * n), math.ceil((x + tol) * n)
    return CONSISTENT if any(abs(k / n - x) <= tol + 1e-12 for k in range(lo, hi + 1)) else INCONSISTENT


def median_is_possible(value: float, n: int, whole: bool | None) -> str:
    """A median of an odd number of whole numbers is one of them, a whole number; of an even
    number, a whole number or a half. Values that need not be whole numbers cannot be tested."""
    if not whole:
        return CANNOT_TELL
    twice = 2 * float(value)
    ok = float(value).is_integer() if n % 2 else math.isclose(twice, round(twice))
    return CONSISTENT if ok else INCONSISTENT


def _min_sum(n: int, lo: int, hi: int, med: int, mode: int, f: int) -> int | None:
    """Smallest sum of n grid values with these min, max, median (n odd) and mode (f times, no
    value more often), or None if no such sample exists. Greedy: fill the smallest values first."""
    if not (lo <= med <= hi and lo <= mode <= hi) or f < 1:
        return None
    m = (n + 1) // 2
    counts: dict[int, int] = defaultdict(int)
    counts[mode] = f
    for v in (lo, hi, med):
        if counts[v] == 0:
            counts[v] = 1
    if sum(counts.values()) > n or any(c > f for c in counts.values()):
        return None
    below = sum(c for v, c in counts.items() if v < med)
    if below > m - 1:
        return None
    rest = n - sum(counts.values())
    for v in range(lo, med):
        if rest == 0 or below >= m - 1:
            break
        if v == mode:
            continue
        add = min(f - counts[v], m - 1 - below, rest)
        if add > 0:
            counts[v] += add
            below += add
            rest -= add
    for v in range(med, hi + 1):
        if rest == 0:
            break
        if v == mode:
            continue
        add = min(f - counts[v], rest)
        if add > 0:
            counts[v] += add
            rest -= add
    if rest > 0 or sum(c for v, c in counts.items() if v <= med) < m:
        return None
    return sum(v * c for v, c in counts.items())


def mean_range(n: int, lo: float, hi: float, median: float, mode: float, step: float) -> list[tuple[float, float]]:
    """For each possible frequency of the mode, the smallest and largest mean of ``n`` values on a
    grid of ``step`` with the given min, max, median and mode. Empty if no such sample exists."""
    def unit(x):
        u = round(x / step)
        return u if math.isclose(u * step, x, abs_tol=step * 1e-6) else None

    L, H, M, D = (unit(x) for x in (lo, hi, median, mode))
    if None in (L, H, M, D) or n % 2 == 0:
        return []
    out = []
    for f in range(1, n + 1):
        smin = _min_sum(n, L, H, M, D, f)
        smax = _min_sum(n, -H, -L, -M, -D, f)
        if smin is not None and smax is not None:
            out.append((smin * step / n, -smax * step / n))
    return out


def summary_is_possible(stats: Mapping[str, str], n: int, step: float) -> str:
    """Some sample of n values on a grid of ``step`` has the printed min, max, median and mode (a
    most frequent value) and a mean that rounds to the printed mean: the printed mean lies between
    the smallest and the largest mean that such a sample can have."""
    mean = stats["mean"]
    x, tol = float(mean), tolerance(mean)
    ranges = mean_range(n, float(stats["min"]), float(stats["max"]), float(stats["median"]), float(stats["mode"]), step)
    ok = any(a <= x + tol + 1e-9 and x - tol - 1e-9 <= b for a, b in ranges)
    return CONSISTENT if ok else INCONSISTENT


#: The grid on which values of unknown kind are tried besides whole numbers (almost continuous).
FINE_STEP = 0.01


def _table2_items(fn, summaries, n, kinds, test) -> list[_Item]:
    items = []
    for var, st in summaries.items():
        verdict, detail = test(var, st, kinds.get(var))
        items.append(_Item(var.replace("_", " "), verdict, detail))
    return items


def means_possible(summaries: Mapping[str, Mapping[str, str]], n: int, kinds: Mapping[str, bool | None],
                   reading: str) -> list[Record]:
    """GRIM test: each mean of n whole numbers is a fraction k/n that rounds to the printed value;
    where the values need not be whole numbers, the check cannot decide.

    ``summaries`` maps each characteristic to its statistics (mean, median, mode, min, max) as text,
    under one reading of the column labels."""
    def test(var, st, whole):
        v = mean_is_possible(st["mean"], n, whole)
        if v == CANNOT_TELL:
            return v, f"mean {st['mean']}: values may not be whole numbers"
        if v == CONSISTENT:
            return v, f"mean {st['mean']} is possible for {n} whole numbers"
        return v, f"no k/{n} rounds to {st['mean']}"
    items = _table2_items(means_possible, summaries, n, kinds, test)
    return _records(means_possible, "statistics", f"Table 2 read {reading}, means", items,
                    summary=_summary(items, f"means possible for {n} whole numbers"))


def medians_possible(summaries: Mapping[str, Mapping[str, str]], n: int, kinds: Mapping[str, bool | None],
                     reading: str) -> list[Record]:
    """The median of an odd number of whole numbers is one of them, so a whole number; where the
    values need not be whole numbers, the check cannot decide."""
    def test(var, st, whole):
        v = median_is_possible(float(st["median"]), n, whole)
        if v == CANNOT_TELL:
            return v, f"median {st['median']}: the values may not be whole numbers"
        if v == CONSISTENT:
            return v, f"median {st['median']}"
        return v, f"median {st['median']} is not a whole number, so it is not the median of {n} whole numbers"
    items = _table2_items(medians_possible, summaries, n, kinds, test)
    return _records(medians_possible, "statistics", f"Table 2 read {reading}, medians", items,
                    summary=_summary(items, "whole-number medians"))


def order_possible(summaries: Mapping[str, Mapping[str, str]], n: int, kinds: Mapping[str, bool | None],
                   reading: str) -> list[Record]:
    """Min is at most max, and the median, the mean and the mode each lie between min and max."""
    def test(var, st, whole):
        lo, hi = float(st["min"]), float(st["max"])
        bad = [k for k in ("median", "mean", "mode") if not lo <= float(st[k]) <= hi]
        if lo > hi:
            bad.append("min above max")
        if bad:
            return INCONSISTENT, f"outside [{st['min']}, {st['max']}]: {', '.join(bad)}"
        return CONSISTENT, ""
    items = _table2_items(order_possible, summaries, n, kinds, test)
    return _records(order_possible, "statistics", f"Table 2 read {reading}, order of the statistics", items,
                    summary=f"For all {len(items)} characteristics, median, mean and mode lie between min and max.")


def samples_possible(summaries: Mapping[str, Mapping[str, str]], n: int, kinds: Mapping[str, bool | None],
                     reading: str) -> list[Record]:
    """Some sample of n values has all five printed statistics at once: the printed mean lies
    between the smallest and the largest mean of a sample with the printed min, max, median and mode
    (a most frequent value). Tried on whole numbers and, where values need not be whole, also on an
    almost continuous grid; when the two disagree the check cannot decide."""
    def test(var, st, whole):
        on_whole = summary_is_possible(st, n, 1)
        if whole:
            return on_whole, ("possible with whole numbers" if on_whole == CONSISTENT
                              else "no sample of whole numbers has these five statistics")
        on_fine = summary_is_possible(st, n, FINE_STEP)
        if on_whole == on_fine:
            return on_whole, ("possible" if on_whole == CONSISTENT else "no sample, of whole or fractional values, has these five statistics")
        return CANNOT_TELL, (f"{'possible' if on_whole == CONSISTENT else 'impossible'} with whole numbers, "
                             f"{'possible' if on_fine == CONSISTENT else 'impossible'} with fractional values")
    items = _table2_items(samples_possible, summaries, n, kinds, test)
    return _records(samples_possible, "statistics", f"Table 2 read {reading}, the five statistics together", items,
                    summary=_summary(items, "possible samples"))


def _summary(items: Sequence[_Item], what: str) -> str:
    ok = [i.label for i in items if i.verdict == CONSISTENT]
    return f"{what.capitalize()}: {', '.join(ok)}."


TABLE2_CHECKS = (means_possible, medians_possible, order_possible, samples_possible)


def which_reading(results: Mapping[str, Sequence[Record]]) -> list[Record]:
    """Of the two readings of Table 2's columns, as labelled or with 'Median' and 'Mean' swapped,
    the labels are consistent when the reading as labelled passes every check; when only the
    swapped reading does, the labels are inconsistent and the book reads the columns swapped.

    ``results`` maps each reading to the records of the Table 2 checks run under it."""
    verdicts = {r: _worst(rec.verdict for rec in recs) for r, recs in results.items()}

    def which(recs, verdict):
        names = []
        for rec in recs:
            if rec.verdict == verdict:
                for name in rec.compared.split(": ")[-1].split(", "):
                    if name not in names:
                        names.append(name)
        return names

    parts = []
    for r, recs in results.items():
        bad, unsure = which(recs, INCONSISTENT), which(recs, CANNOT_TELL)
        text = f"read {r}: " + (f"impossible for {', '.join(bad)}" if bad else "nothing impossible")
        rest = [u for u in unsure if u not in bad]
        if rest:
            text += f"; undecided for {', '.join(rest)}"
        parts.append(text)
    labelled, swapped = verdicts.get("as labelled"), verdicts.get("Median and Mean swapped")
    detail = "; ".join(parts)
    compared = "Table 2, the column labels Median and Mean"
    if labelled == INCONSISTENT and swapped != INCONSISTENT:
        return [Record("statistics", "which_reading", compared, rule_of(which_reading), INCONSISTENT, detail,
                       "the column printed 'Median' is read as the mean, the column printed 'Mean' as the median",
                       "Only this reading gives statistics that a sample of whole-number ages can have, and the "
                       "text's average schooling is the value printed under 'Median'.", "table2-reading")]
    if labelled == INCONSISTENT:
        return [Record("statistics", "which_reading", compared, rule_of(which_reading), CANNOT_TELL, detail,
                       "as labelled", "Neither reading passes; the book keeps the labels.", "table2-reading")]
    return [Record("statistics", "which_reading", compared, rule_of(which_reading), CONSISTENT, detail)]


