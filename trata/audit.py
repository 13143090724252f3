"""The consistency audit: the printed article checked against itself.

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
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from typing import NamedTuple

import pandas as pd

from . import reconcile, rules, tables
from .load import Study, load

CONSISTENT, INCONSISTENT, CANNOT_TELL = "consistent", "inconsistent", "cannot tell"
VERDICTS = (CONSISTENT, INCONSISTENT, CANNOT_TELL)

GROUPS = {
    "arithmetic": "Arithmetic of the tables",
    "statistics": "Summary statistics (Table 2)",
    "text": "Text against tables",
    "categories": "Bins, names and labels",
    "citations": "Citations",
    "roster": "Quoted interviewees against the tables",
}

#: Which characteristics of Table 2 are whole numbers. Ages are given in whole years throughout
#: the article (the list of quoted interviews, the text's ranges). Years of schooling and months
#: in the trafficking situation may have been recorded in parts of a year or of a month: unknown.
WHOLE_NUMBERS: dict[str, bool | None] = {
    "age": True, "education": None, "age_trafficked": True, "months_trafficked": None,
}

#: Readings of Table 2's columns: which statistic each printed column holds.
READINGS = {
    "as labelled": {"Median": "median", "Mean": "mean", "Mode": "mode", "Min.": "min", "Max.": "max"},
    "Median and Mean swapped": dict(tables.TABLE2_READING),
}

#: How the article's text names each network type, in the order of its section headings: the
#: wording of the enumeration in 'The Profile of the Perpetrators', and the section heading
#: (both as printed).
TEXT_TYPE_NAMES: dict[str, tuple[str, str]] = {
    "cartel": ("members of Mexican cartels", "Mexican Cartel Members"),
    "nightclub": ("nightclub owners", "Nightclub Owners"),
    "trafficking_group": ("individuals belonging to trafficking groups", "Individuals Belonging to Trafficking Groups"),
    "modelling_agency": ("members of international pseudo-modeling agencies", "Members of the International Modelling Pseudo-agencies"),
    "freelance": ("freelance traffickers", "Freelance Dealers"),
    "pseudonovio": ("casually dating", "The pseudonovios"),
}

#: English names the article uses for federal entities whose name in the boundaries file differs.
ENTITY_ALIASES = {"Mexico City": "Distrito Federal", "State of Mexico": "México"}
#: The federal entity that is the capital, not a state.
CAPITAL = "Distrito Federal"

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

    ``report`` holds the share cells of one table as :func:`trata.reconcile.report` compares them
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
        rounded_sum = sum(round(float(d), reconcile.decimals(p)) for d, p in zip(peers["derived"], peers["printed"]))
        digits = reconcile.decimals(r.printed)
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
        slack = sum(reconcile.tolerance(p) for p in printed)
        digits = max(reconcile.decimals(p) for p in printed)
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
    x, tol = float(printed), reconcile.tolerance(printed)
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
    x, tol = float(mean), reconcile.tolerance(mean)
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


# =============================================================================================
# text against tables

#: How the text's figure reads in a finding, by comparison.
CLAIM_WORDS = {"equal": "", "rounds_to": "about ", "nearly": "nearly ", "at_least": "at least "}

COMPARISONS = {
    "equal": "the text's figure equals the table's",
    "rounds_to": "the table's value rounds to the text's figure at the text's precision",
    "nearly": f"the table's value is below the text's figure ('nearly half', 'almost all') by less than {NEARLY_POINTS} points",
    "at_least": "the table's value is at least the text's figure",
}


def claim_holds(comparison: str, claimed: str, actual: float) -> bool:
    """Whether a table value bears out a claim of the text under one of :data:`COMPARISONS`."""
    c = float(claimed)
    if comparison == "equal":
        return math.isclose(actual, c, abs_tol=1e-9)
    if comparison == "rounds_to":
        return abs(actual - c) <= reconcile.tolerance(claimed) + 1e-9
    if comparison == "nearly":
        return c - NEARLY_POINTS <= actual < c
    if comparison == "at_least":
        return actual >= c
    raise ValueError(f"unknown comparison {comparison!r}")


def text_agrees_with_tables(claims: pd.DataFrame, printed: Mapping[str, float],
                            read: Mapping[str, float] | None = None) -> list[Record]:
    """Each figure the text states about a quantity that a table also gives agrees with the table:
    equal to it, or its rounding, or, for 'nearly' and 'almost', a little above it, or a bound it
    respects.

    ``claims`` holds the text's claims (columns claim_id, section, text_as_printed, quantity,
    claimed_value, comparison, compared_with); ``printed`` the table values as printed; ``read``
    the same values as the book reads the tables, where that differs."""
    read = dict(printed) | dict(read or {})
    out = []
    for c in claims.itertuples():
        actual = printed[c.quantity]
        rule = f"{rule_of(text_agrees_with_tables).split(':')[0]}: {COMPARISONS[c.comparison]}."
        compared = f"{c.section}, \u201c{c.text_as_printed}\u201d, against {c.compared_with}"
        if claim_holds(c.comparison, c.claimed_value, actual):
            out.append(Record("text", "text_agrees_with_tables", compared, rule, CONSISTENT,
                              f"text: {CLAIM_WORDS[c.comparison]}{c.claimed_value}; table: {_fmt(actual)}"))
            continue
        alt = read[c.quantity]
        if alt != actual and claim_holds(c.comparison, c.claimed_value, alt):
            book, why = _fmt(alt), "The text agrees with the table as the book reads it (see the check *which reading*)."
        else:
            book, why = _fmt(actual), "The book uses the table's value, which is computed from the counts."
        out.append(Record("text", "text_agrees_with_tables", compared, rule, INCONSISTENT,
                          f"text: {CLAIM_WORDS[c.comparison]}{c.claimed_value}; table: {_fmt(actual)} as printed"
                          + (f", {_fmt(alt)} as the book reads it" if alt != actual else ""), book, why, f"claim:{c.claim_id}"))
    return out


# =============================================================================================
# bins, names and labels


def bins_cover(bins: Sequence[tuple[str, int, int | None]], start: int = 0) -> list[Record]:
    """Whole-month bins, read with both bounds included, cover every whole number from ``start``
    upward exactly once: no gap between two bins, no overlap.

    ``bins`` holds (label as printed, first month, last month or None when open-ended)."""
    covered: Counter = Counter()
    top = max([b[1] for b in bins] + [b[2] for b in bins if b[2] is not None] + [start])
    for _, lo, hi in bins:
        for v in range(lo, (hi if hi is not None else top) + 1):
            covered[v] += 1
    gaps = [v for v in range(start, top + 1) if covered[v] == 0]
    overlaps = [v for v in range(start, top + 1) if covered[v] > 1]
    labels = ", ".join(f"'{b[0]}'" for b in bins)
    if not gaps and not overlaps:
        return _records(bins_cover, "categories", "Table 4, its bins", [_Item(labels, CONSISTENT, f"bins {labels}")])
    problems = []
    if gaps:
        problems.append(f"{_months(gaps)} {_fall(gaps)} in no bin")
    if overlaps:
        problems.append(f"{_months(overlaps)} {_fall(overlaps)} in two bins")
    return [Record("categories", "bins_cover", "Table 4, its bins", rule_of(bins_cover), INCONSISTENT,
                   f"bins {labels}: " + "; ".join(problems),
                   "the counts as printed, each bin read as printed",
                   "Without the women's individual data no one can be moved between bins; the book shows the gap "
                   "rather than guess whether the last bin was meant to start at 15.", "table4-bins")]


def _months(vs: Sequence[int]) -> str:
    return ("month " if len(vs) == 1 else "months ") + ", ".join(str(v) for v in vs)


def _fall(vs: Sequence[int]) -> str:
    return "falls" if len(vs) == 1 else "fall"


def places_are_entities(names: Sequence[str], entities: Iterable[str], official: Mapping[str, str] | None = None,
                        aliases: Mapping[str, str] = ENTITY_ALIASES, capital: str = CAPITAL) -> list[Record]:
    """Every place listed under Table 3's heading 'Federal State' is one of Mexico's federal
    entities (the 31 states and the capital), by its name in the boundaries file or the English
    name the article uses."""
    entities = set(entities)
    official = dict(official or {})
    items, capital_name = [], None
    for name in names:
        entity = aliases.get(name, name)
        if entity in entities:
            items.append(_Item(name, CONSISTENT, ""))
            if entity == capital:
                capital_name = name
        else:
            where = official.get(name)
            items.append(_Item(name, INCONSISTENT,
                               "not the name of a federal entity" + (f"; the data package places it in {where}" if where else ""),
                               where or "", (f"{name} is a city in {where}; the book maps and counts it as {where}."
                                             if where else "The place cannot be mapped."), f"place:{name}"))
    ok = sum(i.verdict == CONSISTENT for i in items)
    note = (f" {capital_name} is the capital, a federal entity though not one of the states; the heading "
            "'Federal State' (entidad federativa) covers it.") if capital_name else ""
    return _records(places_are_entities, "categories", "Table 3, the places named", items,
                    summary=f"{ok} of {len(items)} names are federal entities.{note}")


def _words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return [w[:-1] if w.endswith("s") and len(w) > 3 else w for w in re.findall(r"[a-z]+", text)]


def _in_order(needle: Sequence[str], hay: Sequence[str]) -> bool:
    it = iter(hay)
    return all(any(w == h for h in it) for w in needle)


def sex_headings_parallel(headings: Sequence[str]) -> list[Record]:
    """A table that splits by sex names both groups in one register: 'Men' and 'Women', or 'Males'
    and 'Females'."""
    pairs = [{"men", "women"}, {"males", "females"}, {"man", "woman"}, {"male", "female"}]
    ok = {h.strip().lower() for h in headings} in pairs
    label = " / ".join(f"'{h}'" for h in headings)
    if ok:
        return [Record("categories", "sex_headings_parallel", "Table 5, the headings of the two sexes",
                       rule_of(sex_headings_parallel), CONSISTENT, label)]
    return [Record("categories", "sex_headings_parallel", "Table 5, the headings of the two sexes",
                   rule_of(sex_headings_parallel), INCONSISTENT, f"{label} mix two registers", "Men / Women",
                   "The book's tables use the words of the article's text, which says networks were led by men or by women.",
                   "table5-sex-headings")]


def labels_match_text(labels: Mapping[str, str], text_names: Mapping[str, Sequence[str]],
                      book_labels: Mapping[str, str] | None = None) -> list[Record]:
    """Each row label of Table 5 is worded as the text names the same network type: its words
    appear, in the same order, in the text's enumeration of the types or in the type's section
    heading (ignoring case, accents, hyphens and a plural 's')."""
    book_labels = dict(book_labels or {})
    items = []
    for key, label in labels.items():
        names = list(text_names.get(key, ()))
        if any(_in_order(_words(label), _words(n)) for n in names):
            items.append(_Item(f"'{label}'", CONSISTENT, ""))
        else:
            missing = sorted({w for w in _words(label) if not any(w in _words(n) for n in names)})
            what = (f"'{', '.join(missing)}' not in the text's names" if missing else "the words are in another order")
            items.append(_Item(f"'{label}'", INCONSISTENT,
                               f"{what} (text: {'; '.join(repr(n) for n in names)})",
                               book_labels.get(key, label),
                               "Elsewhere the book names each type with its own label, spelled and worded one way throughout.",
                               f"label:{key}"))
    ok = sum(i.verdict == CONSISTENT for i in items)
    return _records(labels_match_text, "categories", "Table 5, its row labels against the text", items,
                    summary=f"{ok} labels are worded as the text names the type.")


def same_order(what: str, first: Sequence[str], second: Sequence[str], *, book: str = "", why: str = "",
               topic: str = "") -> list[Record]:
    """Two lists of the same categories (the text's enumeration, its section headings, a table's
    rows) give them in the same order."""
    if list(first) == list(second):
        return [Record("categories", "same_order", what, rule_of(same_order), CONSISTENT, " > ".join(first))]
    moved = [a for a, b in zip(first, second) if a != b]
    return [Record("categories", "same_order", what, rule_of(same_order), INCONSISTENT,
                   f"first: {'; '.join(first)}. Second: {'; '.join(second)}. Out of place: {'; '.join(moved)}",
                   book, why, topic)]


# =============================================================================================
# citations


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


def _edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def spelling_difference(printed: str, listed: str) -> str:
    """How a name as printed differs from the name as listed, in words."""
    if printed == listed:
        return "identical"
    if _fold(printed) == _fold(listed):
        return "differs only in accents or capitals"
    if re.sub(r"[\s\-]+", " ", printed) == re.sub(r"[\s\-]+", " ", listed):
        return "a space where the list has a hyphen" if "-" in listed else "a hyphen where the list has a space"
    d = _edit_distance(_fold(printed), _fold(listed))
    return f"spelled differently ({d} letter{'s' if d != 1 else ''} apart)"


def citation_surnames_match(citations: pd.DataFrame, references: pd.DataFrame) -> list[Record]:
    """A citation of a work prints the surnames of its entry in the reference list exactly as the
    list does (accents, hyphens and spaces included), and abbreviates with 'et al.' where the list
    does.

    ``citations`` holds the citations of works (names_as_printed, et_al, key, ...);
    ``references`` the reference list (key, surnames, et_al, ...)."""
    refs = references.set_index("key")
    items = []
    works = citations[citations["kind"] == "work"]
    for (key, names, et_al), g in works.groupby(["key", "names_as_printed", "et_al"], sort=False):
        ref = refs.loc[key]
        label = f"{names.replace('; ', ' and ')}{' et al.' if et_al else ''} ({len(g)}\u00d7)"
        if names == ref["surnames"] and bool(et_al) == bool(ref["et_al"]):
            items.append(_Item(label, CONSISTENT, ""))
            continue
        diffs = [f"'{a}' against '{b}': {spelling_difference(a, b)}" for a, b in
                 zip(names.split("; "), ref["surnames"].split("; ")) if a != b]
        if bool(et_al) != bool(ref["et_al"]):
            diffs.append("'et al.' " + ("added" if et_al else "missing"))
        same = works[(works["key"] == key) & (works["names_as_printed"] == ref["surnames"])]
        why = "The reference list gives the fuller record, and the bibliography key follows it"
        why += f"; the text itself spells it so in {len(same)} other citation{'s' if len(same) != 1 else ''}." if len(same) else "."
        items.append(_Item(f"{label}, entry {key}", INCONSISTENT, "; ".join(diffs), ref["surnames"].replace("; ", " and "),
                           why, f"cite:{key}"))
    n_ok = int(sum(1 for c in works.itertuples() if c.names_as_printed == refs.loc[c.key, "surnames"]
                   and bool(c.et_al) == bool(refs.loc[c.key, "et_al"])))
    return _records(citation_surnames_match, "citations", "citations of works, surnames against the reference list", items,
                    summary=f"{n_ok} of {len(works)} citations print the surnames as the list does.")


def citation_years_match(citations: pd.DataFrame, references: pd.DataFrame) -> list[Record]:
    """A citation of a work prints the year of its entry in the reference list."""
    refs = references.set_index("key")
    works = citations[citations["kind"] == "work"]
    items = []
    for c in works.itertuples():
        year = int(refs.loc[c.key, "year"])
        label = f"{c.names_as_printed.replace('; ', ' and ')}, {c.year_as_printed} (citation {c.citation_id})"
        if int(c.year_as_printed) == year:
            items.append(_Item(label, CONSISTENT, ""))
        else:
            items.append(_Item(label, INCONSISTENT, f"cited {c.year_as_printed}, listed {year}", str(year),
                               "The reference list gives the fuller record.", f"cite-year:{c.key}"))
    ok = sum(i.verdict == CONSISTENT for i in items)
    return _records(citation_years_match, "citations", "citations of works, years against the reference list", items,
                    summary=f"{ok} of {len(items)} citations print the listed year.")


def references_cited(citations: pd.DataFrame, references: pd.DataFrame) -> list[Record]:
    """Every work in the reference list is cited in the text at least once, and every work cited
    in the text is in the reference list."""
    listed = list(references["key"])
    cited = [k for k in citations.loc[citations["kind"] == "work", "key"] if isinstance(k, str) and k]
    uncited = [k for k in listed if k not in set(cited)]
    unlisted = sorted(set(cited) - set(listed))
    out = []
    rule = rule_of(references_cited)
    if uncited:
        out.append(Record("citations", "references_cited", "reference list against the text", rule, INCONSISTENT,
                          f"never cited: {', '.join(uncited)}", "listed in the bibliography",
                          "The book keeps the article's full reference list.", "uncited"))
    else:
        out.append(Record("citations", "references_cited", "reference list against the text", rule, CONSISTENT,
                          f"all {len(listed)} works in the list are cited"))
    if unlisted:
        out.append(Record("citations", "references_cited", "the text's citations against the reference list", rule,
                          INCONSISTENT, f"not in the list: {', '.join(unlisted)}", "", "", "unlisted"))
    else:
        out.append(Record("citations", "references_cited", "the text's citations against the reference list", rule,
                          CONSISTENT, f"all {len(cited)} citations of works find their entry"))
    return out


def _interviews(citations: pd.DataFrame) -> pd.DataFrame:
    return citations[citations["kind"] == "interview"]


def _dated_by_excerpt(g: pd.DataFrame) -> int | None:
    """The latest 'events not before' year among a woman's excerpts that date themselves."""
    years = [int(y) for d, y in zip(g["dated_by"], g["events_not_before"]) if d == "excerpt" and not pd.isna(y)]
    return max(years) if years else None


def year_choice(pseudonym: str, cited: Sequence[int], roster_year: int, excerpt_year: int | None) -> Choice:
    """The year the book gives with an interviewee's excerpts when the text and the list of quoted
    interviews disagree: the year that an excerpt's own dating allows, else the year the text cites."""
    cited = sorted(set(int(c) for c in cited))
    if set(cited) == {roster_year}:
        return Choice(roster_year, "The text and the list of quoted interviews agree.")
    if excerpt_year is not None:
        fits = [c for c in cited if c >= excerpt_year]
        if roster_year < excerpt_year and fits:
            return Choice(fits[0], f"Her excerpt describes events of {excerpt_year} or later, so the listed "
                                   f"{roster_year} cannot be right; the book cites the year the text gives.")
    return Choice(cited[0], f"Nothing in her excerpts dates them; the book cites them with the year the text gives "
                            f"({cited[0]}) and notes that the list of quoted interviews says {roster_year}.")


def interview_years_match_roster(citations: pd.DataFrame, roster: pd.DataFrame) -> list[Record]:
    """A citation of an interviewee prints the year that the list of quoted interviews gives for her
    interview."""
    years = roster.set_index("pseudonym")["interview_year"].astype(int)
    items = []
    for name, g in _interviews(citations).groupby("pseudonym", sort=False):
        cited = sorted(set(int(y) for y in g["year_as_printed"]))
        listed = int(years[name])
        label = f"{name} ({len(g)}\u00d7)"
        if cited == [listed]:
            items.append(_Item(label, CONSISTENT, ""))
        else:
            choice = year_choice(name, cited, listed, _dated_by_excerpt(g))
            items.append(_Item(label, INCONSISTENT, f"cited {', '.join(map(str, cited))}, listed {listed}",
                               str(choice.value), choice.why, f"interview-year:{name}"))
    ok = [i for i in items if i.verdict == CONSISTENT]
    return _records(interview_years_match_roster, "citations", "interviewees cited, years against the list of quoted interviews",
                    items, summary=f"{len(ok)} of {len(items)} women are cited with the year the list gives.")


def pseudonyms_match_roster(citations: pd.DataFrame, roster: pd.DataFrame) -> list[Record]:
    """A citation of an interviewee spells her pseudonym exactly as the list of quoted interviews does."""
    listed = set(roster["pseudonym"])
    items = []
    for (name, printed), g in _interviews(citations).groupby(["pseudonym", "names_as_printed"], sort=False):
        if printed == name:
            items.append(_Item(printed, CONSISTENT, ""))
        else:
            items.append(_Item(f"'{printed}' ({len(g)}\u00d7)", INCONSISTENT,
                               f"the list has '{name}': {spelling_difference(printed, name)}"
                               + ("" if name in listed else "; not in the list"),
                               name, "The book spells each pseudonym as the list of quoted interviews does.",
                               f"pseudonym:{printed}"))
    ok = sum(i.verdict == CONSISTENT for i in items)
    return _records(pseudonyms_match_roster, "citations", "interviewees cited, pseudonyms against the list", items,
                    summary=f"{ok} of {len(items)} pseudonyms are spelled as listed.")


def excerpts_fit_their_dates(citations: pd.DataFrame, roster: pd.DataFrame) -> list[Record]:
    """When an excerpt, or the passage that introduces it, places its events in or after a given
    year, the year cited in the text and the year in the list of quoted interviews are both that
    year or later; where the two years disagree and nothing dates the excerpt, the check cannot
    tell which is right."""
    years = roster.set_index("pseudonym")["interview_year"].astype(int)
    items = []
    iv = _interviews(citations)
    for c in iv[iv["dated_by"].isin(["excerpt", "context"])].itertuples():
        not_before, listed = int(c.events_not_before), int(years[c.pseudonym])
        cited_ok, listed_ok = int(c.year_as_printed) >= not_before, listed >= not_before
        label = f"{c.pseudonym} ({c.year_as_printed}), dated by {'the excerpt' if c.dated_by == 'excerpt' else 'its context'}"
        detail = (f"events in {not_before} or later; cited {c.year_as_printed} "
                  f"({'fits' if cited_ok else 'too early'}), listed {listed} ({'fits' if listed_ok else 'too early'})")
        if cited_ok and listed_ok:
            items.append(_Item(label, CONSISTENT, detail))
        else:
            choice = year_choice(c.pseudonym, [int(c.year_as_printed)], listed, not_before if c.dated_by == "excerpt" else None)
            items.append(_Item(label, INCONSISTENT, detail, str(choice.value), choice.why, f"interview-year:{c.pseudonym}"))
    for name, g in iv.groupby("pseudonym", sort=False):
        cited = sorted(set(int(y) for y in g["year_as_printed"]))
        if cited != [int(years[name])] and (g["dated_by"] == "none").all():
            choice = year_choice(name, cited, int(years[name]), None)
            items.append(_Item(f"{name}, undated", CANNOT_TELL,
                               f"cited {', '.join(map(str, cited))}, listed {int(years[name])}, and nothing in the excerpt dates it",
                               str(choice.value), choice.why, f"interview-year:{name}"))
    ok = [i.label.split(" (")[0] for i in items if i.verdict == CONSISTENT]
    return _records(excerpts_fit_their_dates, "citations", "dated excerpts against the years cited and listed", items,
                    summary=f"Both years fit the dated excerpts of {', '.join(ok)}.")


def roster_cited(citations: pd.DataFrame, roster: pd.DataFrame) -> list[Record]:
    """Every woman in the list of quoted interviews is cited in the text, and every interviewee the
    text cites is in the list."""
    listed = list(roster["pseudonym"])
    cited = set(_interviews(citations)["pseudonym"])
    uncited = [p for p in listed if p not in cited]
    unlisted = sorted(cited - set(listed))
    if uncited or unlisted:
        bits = ([f"never cited: {', '.join(uncited)}"] if uncited else []) + ([f"not listed: {', '.join(unlisted)}"] if unlisted else [])
        return [Record("citations", "roster_cited", "the list of quoted interviews against the text", rule_of(roster_cited),
                       INCONSISTENT, "; ".join(bits), "the list as printed", "The list is the only record of the interviews.", "roster-cited")]
    return [Record("citations", "roster_cited", "the list of quoted interviews against the text", rule_of(roster_cited),
                   CONSISTENT, f"all {len(listed)} women listed are cited, and no one else")]


# =============================================================================================
# roster against the tables


def roster_within_table1(quoted: Mapping[str, int], table1: Mapping[str, int]) -> list[Record]:
    """No more women of a nationality are quoted than Table 1 counts interviewees from that country."""
    items = []
    for country, q in quoted.items():
        n = int(table1.get(country, 0))
        if q <= n:
            items.append(_Item(country, CONSISTENT, f"{country} {q} of {n}"))
        else:
            items.append(_Item(country, INCONSISTENT, f"{q} quoted, Table 1 counts {n}", str(n),
                               "Table 1 counts all interviewees.", f"roster-country:{country}"))
    ok = [i.detail for i in items if i.verdict == CONSISTENT]
    return _records(roster_within_table1, "roster", "quoted women by country against Table 1", items,
                    summary=f"Quoted of counted: {'; '.join(ok)}.")


def roster_ages_within(ages: Mapping[str, int], lo: float, hi: float) -> list[Record]:
    """Every quoted woman's age lies within the range of ages in Table 2 (Min. to Max.)."""
    items = []
    for name, age in ages.items():
        if lo <= age <= hi:
            items.append(_Item(name, CONSISTENT, ""))
        else:
            items.append(_Item(name, INCONSISTENT, f"aged {age}, outside {_fmt(lo)}\u2013{_fmt(hi)}", str(age),
                               "The list gives her age; Table 2's range is then too narrow.", f"roster-age:{name}"))
    youngest, oldest = min(ages.values()), max(ages.values())
    return _records(roster_ages_within, "roster", "ages in the list of quoted interviews against Table 2", items,
                    summary=f"Ages {youngest} to {oldest}, within Table 2's {_fmt(lo)} to {_fmt(hi)}.")


def roster_years_within(years: Mapping[str, int], first: int, last: int) -> list[Record]:
    """Every quoted interview took place within the period of interviews the text states."""
    items = []
    for name, y in years.items():
        if first <= y <= last:
            items.append(_Item(name, CONSISTENT, ""))
        else:
            items.append(_Item(name, INCONSISTENT, f"interviewed {y}, outside {first}\u2013{last}", str(y),
                               "The list is the only record of the interview's year.", f"roster-year:{name}"))
    return _records(roster_years_within, "roster", "years in the list of quoted interviews against the stated period", items,
                    summary=f"Years {min(years.values())} to {max(years.values())}, within {first} to {last}.")


# =============================================================================================
# running the audit over the data package


def _printed(study: Study, table: str) -> pd.DataFrame:
    cells = study["printed_cells"]
    return cells[cells["table"] == table]


def _cell(study: Study, table: str, row: str, column: str) -> str:
    c = _printed(study, table)
    hit = c[(c["row"] == row) & (c["column"] == column)]
    if hit.empty:
        raise KeyError((table, row, column))
    return hit["printed"].iloc[0]


def table2_summaries(study: Study, reading: str) -> dict[str, dict[str, str]]:
    """Table 2's printed cells as text, keyed by characteristic and by statistic under a reading."""
    mapping = READINGS[reading]
    labels = study["characteristics"].drop_duplicates("variable").set_index("label_as_printed")["variable"]
    out: dict[str, dict[str, str]] = {}
    for r in _printed(study, "table2").itertuples():
        out.setdefault(labels[r.row], {})[mapping[r.column]] = r.printed
    return out


def table_quantities(study: Study, reading: str = "as labelled") -> dict[str, float]:
    """The quantities the text makes claims about, computed from the tables as printed (Table 2 under
    the given reading of its columns)."""
    t2 = table2_summaries(study, reading)
    t1 = _printed(study, "table1")
    t3 = _printed(study, "table3")
    t5 = _printed(study, "table5")
    roster = study["roster"]
    types = study["network_types"].set_index("network_type")["label_as_printed"]
    interviewees = float(_cell(study, "table1", "n", "Total"))
    bins = study["time_since_escape"]
    recent = bins[bins["max_months"].notna() & (bins["max_months"] < 3)]["bin_as_printed"]
    mentions = float(t3.loc[t3["column"] == "n", "printed"].astype(float).sum())
    nets = float(t5.loc[(t5["column"] == "Total n") & (t5["row"] != "Total"), "printed"].astype(float).sum())
    entities = len(rules.known_map_names())
    q = {
        "interviewees": interviewees,
        "countries": float(((t1["row"] == "n") & (t1["column"] != "Total")).sum()),
        "interview_year_first": float(roster["interview_year"].min()),
        "interview_year_last": float(roster["interview_year"].max()),
        "federal_entities_pct": 100 * study["states"]["map_name"].nunique() / entities,
        "recent_pct": float(sum(float(_cell(study, "table4", "%", b)) for b in recent)),
        "network_types": float(len(types)),
        "men_led_pct": float(_cell(study, "table5", "Total", "Males %")),
        "women_leaders_pct": float(_cell(study, "table5", "Total", "Women %")),
        "women_led_nightclubs": float(_cell(study, "table5", types["nightclub"], "Women n")),
        "women_led_trafficking_groups": float(_cell(study, "table5", types["trafficking_group"], "Women n")),
        "state_mentions": mentions,
        "state_mentions_excess": mentions - interviewees,
        "networks": nets,
        "networks_excess": nets - interviewees,
    }
    for var in ("age", "education", "age_trafficked", "months_trafficked"):
        for stat in ("min", "max", "mean", "median"):
            q[f"{var}_{stat}"] = float(t2[var][stat])
    return q


def _arithmetic(study: Study) -> list[Record]:
    out = []
    t1 = _printed(study, "table1")
    t1n = t1[t1["row"] == "n"]
    out += counts_add_up("Table 1", [("n by country", t1n.loc[t1n["column"] != "Total", "printed"].astype(float).tolist(),
                                      float(_cell(study, "table1", "n", "Total")))])
    t3 = _printed(study, "table3")
    out += counts_add_up("Table 3", [("n by state, against the note's total", t3.loc[t3["column"] == "n", "printed"].astype(float).tolist(),
                                      float(study.study["state_mentions"]))])
    t4 = _printed(study, "table4")
    out += counts_add_up("Table 4", [("n by bin, against Table 1's total", t4.loc[t4["row"] == "n", "printed"].astype(float).tolist(),
                                      float(_cell(study, "table1", "n", "Total")))])
    t5 = _printed(study, "table5")
    body = t5[t5["row"] != "Total"]
    sums = [(f"{col} column", body.loc[body["column"] == col, "printed"].astype(float).tolist(),
             float(_cell(study, "table5", "Total", col))) for col in ("Males n", "Women n", "Total n")]
    for row in dict.fromkeys(t5["row"]):
        sums.append((f"'{row}' row", [float(_cell(study, "table5", row, "Males n")), float(_cell(study, "table5", row, "Women n"))],
                     float(_cell(study, "table5", row, "Total n"))))
    out += counts_add_up("Table 5", sums)

    rep = reconcile.report(study)
    shares = rep[rep["printed"].astype(str).ne("") & ((rep["row"] == "%") | rep["column"].str.endswith("%"))]
    for table in ("table1", "table3", "table4", "table5"):
        out += shares_match_counts(f"Table {table[-1]}", shares[shares["table"] == table])

    base = float(_cell(study, "table1", "n", "Total"))
    t1p = t1[(t1["row"] == "%") & (t1["column"] != "Total")]["printed"].tolist()
    out += shares_add_up("Table 1", [("shares by country", t1p, 100.0)])
    t3p = t3[t3["column"] == "%"]["printed"].tolist()
    out += shares_add_up("Table 3", [("shares by state, of interviewees", t3p,
                                      100 * t3.loc[t3["column"] == "n", "printed"].astype(float).sum() / base)])
    t4p = t4[t4["row"] == "%"]["printed"].tolist()
    out += shares_add_up("Table 4", [("shares by bin", t4p, 100.0)])
    cols = [("Total % column", body.loc[body["column"] == "Total %", "printed"].tolist(), 100.0)]
    for row in dict.fromkeys(t5["row"]):
        cols.append((f"'{row}' row, Males % + Women %", [_cell(study, "table5", row, "Males %"), _cell(study, "table5", row, "Women %")], 100.0))
    out += shares_add_up("Table 5", cols)
    return out


def _statistics(study: Study) -> list[Record]:
    n = tables.interviewees(study)
    results = {}
    for reading in READINGS:
        summ = table2_summaries(study, reading)
        results[reading] = [r for fn in TABLE2_CHECKS for r in fn(summ, n, WHOLE_NUMBERS, reading)]
    reading = which_reading(results)
    pointer = dict(book_value="Table 2 read with Median and Mean swapped", why="See the check *which reading*.")
    flagged = [replace(r, **pointer) if r.verdict == INCONSISTENT and not r.book_value and reading[0].topic else r
               for recs in results.values() for r in recs]
    return flagged + reading


def _text(study: Study) -> list[Record]:
    return text_agrees_with_tables(study["text_claims"], table_quantities(study),
                                   table_quantities(study, "Median and Mean swapped"))


def _categories(study: Study) -> list[Record]:
    out = []
    bins = study["time_since_escape"]
    out += bins_cover([(r.bin_as_printed, int(r.min_months), None if pd.isna(r.max_months) else int(r.max_months))
                       for r in bins.itertuples()])
    states = study["states"]
    out += places_are_entities(list(states["state_as_printed"]), rules.known_map_names(),
                               dict(zip(states["state_as_printed"], states["state_official"])))
    t5 = _printed(study, "table5")
    heads = list(dict.fromkeys(c[:-2] for c in t5["column"] if c.endswith(" n") and not c.startswith("Total")))
    out += sex_headings_parallel(heads)
    types = study["network_types"]
    out += labels_match_text(dict(zip(types["network_type"], types["label_as_printed"])),
                             {k: list(v) for k, v in TEXT_TYPE_NAMES.items()},
                             dict(zip(types["network_type"], types["label"])))
    table_order = list(types.sort_values("order_in_table")["label"])
    text_order = list(types.sort_values("order_in_text")["label"])
    label = dict(zip(types["network_type"], types["label"]))
    section_order = [label[k] for k in TEXT_TYPE_NAMES]
    out += same_order("Table 5, its rows against the text's section headings", section_order, table_order)
    out += same_order("Table 5, its rows against the text's enumeration of the network types", text_order, table_order,
                      book="the order of Table 5's rows",
                      why="The sections of the article that describe each type follow the table's order.",
                      topic="type-order")
    return out


def _citations(study: Study) -> list[Record]:
    cites, refs, roster = study["in_text_citations"], study["reference_list"], study["roster"]
    out = []
    out += citation_surnames_match(cites, refs)
    out += citation_years_match(cites, refs)
    out += references_cited(cites, refs)
    out += pseudonyms_match_roster(cites, roster)
    out += interview_years_match_roster(cites, roster)
    out += excerpts_fit_their_dates(cites, roster)
    out += roster_cited(cites, roster)
    return out


def _roster(study: Study) -> list[Record]:
    roster = study["roster"]
    t1 = _printed(study, "table1")
    counts = {r.column: int(r.printed) for r in t1[(t1["row"] == "n") & (t1["column"] != "Total")].itertuples()}
    quoted = roster["country"].value_counts()
    ages = table2_summaries(study, "as labelled")["age"]
    claims = study["text_claims"].set_index("quantity")["claimed_value"]
    first = int(claims.get("interview_year_first", study.study["interview_years"]["first"]))
    last = int(claims.get("interview_year_last", study.study["interview_years"]["last"]))
    return (roster_within_table1({c: int(quoted.get(c, 0)) for c in counts}, counts)
            + roster_ages_within(dict(zip(roster["pseudonym"], roster["age"].astype(int))), float(ages["min"]), float(ages["max"]))
            + roster_years_within(dict(zip(roster["pseudonym"], roster["interview_year"].astype(int))), first, last))


_CACHE: dict[int, tuple[Study, list[Record]]] = {}


def run(study: Study | None = None) -> list[Record]:
    """Every check over the data package, in the order of the chapter."""
    study = study if study is not None else load()
    hit = _CACHE.get(id(study))
    if hit is not None and hit[0] is study:
        return list(hit[1])
    records = _arithmetic(study) + _statistics(study) + _text(study) + _categories(study) + _citations(study) + _roster(study)
    _CACHE[id(study)] = (study, records)
    return list(records)


def frame(records: Sequence[Record]) -> pd.DataFrame:
    """The records as a DataFrame, one row each."""
    return pd.DataFrame([asdict(r) for r in records], columns=list(Record.__dataclass_fields__))


def counts(records: Sequence[Record]) -> dict[str, int]:
    """How many records have each verdict, and in all."""
    c = Counter(r.verdict for r in records)
    return {v: int(c.get(v, 0)) for v in VERDICTS} | {"checks": len(records)}


def tally(records: Sequence[Record]) -> str:
    """The verdicts counted in words, e.g. '13 verdicts (12 consistent, 1 inconsistent)'."""
    c = counts(records)
    parts = [f"{c[v]} {v}" for v in VERDICTS if c[v]]
    return f"{c['checks']} verdict{'s' if c['checks'] != 1 else ''} ({', '.join(parts)})"


def table_rows(records: Sequence[Record]) -> list[list[str]]:
    """The records as rows of the chapter's table (MyST text): check and its rule (the rule once per
    run of the same rule), what was compared, verdict, finding, and the value the book uses and why."""
    rows, last_rule = [], {}
    for r in records:
        name = r.check.replace("_", " ")
        first = last_rule.get(r.check) != r.rule
        last_rule[r.check] = r.rule
        if r.verdict == CONSISTENT:
            uses = "as printed"
        elif r.book_value:
            uses = f"**{r.book_value}**. {r.why}"
        else:
            uses = r.why or "as printed (nothing to choose)"
        rows.append([f"*{name}*: {r.rule}" if first else f"*{name}* (same rule)", r.compared,
                     f"**{r.verdict}**" if r.verdict == INCONSISTENT else r.verdict, r.detail, uses])
    return rows


# =============================================================================================
# the book's choices, for other chapters


def choices(study: Study | None = None) -> dict[str, Choice]:
    """Every value the book chooses where the article is inconsistent or undecided, by topic."""
    out = {}
    for r in run(study):
        if r.topic and r.verdict != CONSISTENT and r.topic not in out:
            out[r.topic] = Choice(r.book_value, r.why)
    return out


def chosen(topic: str, study: Study | None = None) -> Choice:
    """The value the book uses for ``topic`` (e.g. 'table2-reading', 'interview-year:Remedios',
    'cite:agustin2007', 'share:table5:Mexican Cartels:Total %') and why."""
    ch = choices(study)
    if topic not in ch:
        raise KeyError(f"no choice for {topic!r}; topics: {', '.join(sorted(ch))}")
    return ch[topic]


def explain(topic: str, study: Study | None = None) -> str:
    """One line: the book's value for ``topic`` and the reason."""
    c = chosen(topic, study)
    return f"The book uses: {c.value}. {c.why}"


def note(topic: str, study: Study | None = None) -> str:
    """What the audit found about ``topic`` and what the book does, for a note next to the value."""
    for r in run(study):
        if r.topic == topic and r.verdict != CONSISTENT:
            return f"{r.detail[0].upper()}{r.detail[1:]}. {explain(topic, study)}"
    raise KeyError(f"no finding for {topic!r}")


def note_markdown(prefix: str, study: Study | None = None, title: str = "What the audit found") -> str:
    """A MyST note listing each finding about what ``prefix`` names (e.g. 'Table 5, ') and the
    value the book uses, to place next to the table; empty when the audit found nothing."""
    recs = [r for r in run(study) if r.verdict != CONSISTENT and r.compared.startswith(prefix)]
    if not recs:
        return ""
    lines = [f"```{{admonition}} {title}", ":class: note"]
    for r in recs:
        what = r.compared[len(prefix):].strip()
        detail = r.detail.rstrip(".")
        uses = f" The book uses {r.book_value}. {r.why}" if r.book_value else f" {r.why}"
        lines.append(f"- *{what[0].upper()}{what[1:]}*: {detail}.{uses}")
    lines += ["", "{numref}`tbl-audit-checks` lists every check and finding.", "```"]
    return "\n".join(lines)


def interview_year(pseudonym: str, study: Study | None = None) -> Choice:
    """The year the book gives with an interviewee's excerpts, and why."""
    study = study if study is not None else load()
    roster = study["roster"].set_index("pseudonym")
    if pseudonym not in roster.index:
        raise KeyError(f"{pseudonym!r} is not in the list of quoted interviews")
    ch = choices(study).get(f"interview-year:{pseudonym}")
    if ch is None:
        return Choice(int(roster.loc[pseudonym, "interview_year"]), "The text and the list of quoted interviews agree.")
    return Choice(int(ch.value), ch.why)


def table2_value(variable: str, statistic: str, study: Study | None = None) -> Choice:
    """A statistic of Table 2 ('mean', 'median', 'mode', 'min', 'max') as the book reads the table."""
    study = study if study is not None else load()
    choice = choices(study).get("table2-reading")
    reading = "Median and Mean swapped" if choice is not None and choice.value != "as labelled" else "as labelled"
    column = {v: k for k, v in READINGS[reading].items()}[statistic]
    value = float(table2_summaries(study, reading)[variable][statistic])
    why = f"Printed in the column labelled '{column}'."
    if choice is not None and column in ("Median", "Mean"):
        why += " " + choice.why
    return Choice(value, why)


#: Every check, in the order of the chapter.
CHECKS = (counts_add_up, shares_match_counts, shares_add_up, means_possible, medians_possible, order_possible,
          samples_possible, which_reading, text_agrees_with_tables, bins_cover, places_are_entities,
          sex_headings_parallel, labels_match_text, same_order, citation_surnames_match, citation_years_match,
          references_cited, pseudonyms_match_roster, interview_years_match_roster, excerpts_fit_their_dates,
          roster_cited, roster_within_table1, roster_ages_within, roster_years_within)
