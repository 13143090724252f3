"""Statistics of the profile chapter: women's share of leadership and whether it differs by type.

Two pieces, both on the article's Table 5 (networks by type and sex of the leader):

* :func:`women_leader_shares` gives the share of networks led by a woman, overall and per type,
  each with a 95% Wilson score interval (statsmodels ``proportion_confint(method="wilson")``).
  The Wilson interval is used because the counts are tiny and several are zero: the usual
  normal-approximation (Wald) interval collapses to a single point at 0 of n and can run below 0,
  while the Wilson interval stays inside [0, 1] and keeps close to its nominal coverage for small n.

* :func:`leadership_test` is the Fisher–Freeman–Halton exact test of whether the share of women
  leaders differs across the six types, computed by full enumeration. With the margins held
  fixed (the number of networks of each type and the four women leaders), every table that could
  have occurred is listed, each with its exact multivariate hypergeometric probability; the
  p-value is the total probability of the tables no more probable than the one observed. The
  enumeration is used rather than an asymptotic chi-square test because most expected counts of
  women leaders are well below 1, where the chi-square approximation is unreliable; and rather
  than a Monte Carlo permutation test (which is what ``scipy.stats.fisher_exact`` does for tables
  larger than 2 x 2) because with four women leaders there are only a few hundred tables at
  most, so the exact answer costs nothing and needs no seed. Probabilities are computed with
  exact integer arithmetic (:mod:`fractions`); ties are decided exactly, not with a tolerance.

What the test can and cannot show is in the chapter: the 77 networks come from 75 interviewees
found by chain sampling, so they are neither a random sample nor independent units, and the
typology was drawn up by the author from the same interviews.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from math import comb

import pandas as pd
from statsmodels.stats.proportion import proportion_confint

from ..data.study import Study
from ..derive import tables

#: Confidence level of every interval in the chapter.
LEVEL = 0.95


def wilson(count: int, nobs: int, level: float = LEVEL) -> tuple[float, float]:
    """The Wilson score interval for ``count`` successes in ``nobs`` trials."""
    if nobs <= 0:
        raise ValueError("a proportion needs at least one observation")
    if not 0 <= count <= nobs:
        raise ValueError(f"count {count} is not between 0 and {nobs}")
    lo, hi = proportion_confint(count, nobs, alpha=1 - level, method="wilson")
    # At 0 of n the lower end is exactly 0 and at n of n the upper end exactly 1; floating point
    # leaves crumbs such as 7e-18, which would print as a non-zero bound.
    lo = 0.0 if count == 0 else max(0.0, float(lo))
    hi = 1.0 if count == nobs else min(1.0, float(hi))
    return lo, hi


def wilson_percent(count: int, nobs: int, level: float = LEVEL) -> tuple[float, float]:
    """:func:`wilson` in percent; NaN when there is nothing to estimate from."""
    if nobs <= 0:
        return float("nan"), float("nan")
    lo, hi = wilson(int(count), int(nobs), level)
    return 100 * lo, 100 * hi


def women_leader_shares(study: Study, level: float = LEVEL) -> pd.DataFrame:
    """One row per network type, in Table 5's order, then a 'total' row.

    Columns: network_type, label, women, networks, share (a proportion, 0-1), low, high (the
    Wilson interval, proportions).
    """
    t5 = tables.table5(study)
    rows = []
    for r in t5.itertuples():
        n, k = int(r.total_n), int(r.female_n)
        lo, hi = wilson(k, n, level) if n else (float("nan"), float("nan"))
        rows.append({"network_type": r.network_type, "label": r.label, "women": k, "networks": n,
                     "share": k / n if n else float("nan"), "low": lo, "high": hi})
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class ExactTest:
    """The result of :func:`freeman_halton`."""

    observed: tuple[int, ...]      # women leaders per row
    row_totals: tuple[int, ...]    # networks per row
    table_probability: Fraction    # probability of the observed table given the margins
    p_value: Fraction              # probability of a table no more probable than the observed
    tables: int                    # number of tables with these margins

    @property
    def statistic(self) -> float:
        """The test statistic as usually reported: the probability of the observed table."""
        return float(self.table_probability)

    @property
    def pvalue(self) -> float:
        return float(self.p_value)


def _compositions(total: int, caps: Sequence[int]):
    """Every tuple of non-negative integers x with x[i] <= caps[i] and sum(x) == total."""
    if not caps:
        if total == 0:
            yield ()
        return
    head, rest = caps[0], caps[1:]
    room = sum(rest)
    for x in range(max(0, total - room), min(head, total) + 1):
        for tail in _compositions(total - x, rest):
            yield (x,) + tail


def freeman_halton(successes: Sequence[int], totals: Sequence[int]) -> ExactTest:
    """Fisher–Freeman–Halton exact test for an r x 2 table given as successes and row totals.

    Under the null hypothesis (the chance of a success is the same in every row) and with both
    margins fixed, the successes follow a multivariate hypergeometric distribution:
    P(x) = prod_i C(n_i, x_i) / C(N, K). Every table with the observed margins is enumerated.
    """
    successes, totals = tuple(int(x) for x in successes), tuple(int(n) for n in totals)
    if len(successes) != len(totals) or not successes:
        raise ValueError("successes and totals must be non-empty and of the same length")
    if any(not 0 <= x <= n for x, n in zip(successes, totals)):
        raise ValueError("every count must lie between 0 and its row total")
    K, N = sum(successes), sum(totals)
    denominator = comb(N, K)

    def prob(x: tuple[int, ...]) -> Fraction:
        numerator = 1
        for xi, ni in zip(x, totals):
            numerator *= comb(ni, xi)
        return Fraction(numerator, denominator)

    p_obs = prob(successes)
    p_value, count = Fraction(0), 0
    for x in _compositions(K, totals):
        count += 1
        p = prob(x)
        if p <= p_obs:
            p_value += p
    return ExactTest(successes, totals, p_obs, p_value, count)


def leadership_test(study: Study) -> ExactTest:
    """Does the share of women leaders differ across the six network types? (Table 5)"""
    t5 = tables.table5(study)
    t5 = t5[t5["network_type"] != "total"]
    return freeman_halton(t5["female_n"].astype(int).tolist(), t5["total_n"].astype(int).tolist())


def expected_women_leaders(study: Study) -> pd.DataFrame:
    """Women leaders expected per type if the overall share held in every type (the null)."""
    shares = women_leader_shares(study)
    total = shares[shares["network_type"] == "total"].iloc[0]
    out = shares[shares["network_type"] != "total"][["network_type", "label", "women", "networks"]].copy()
    out["expected"] = out["networks"] * total["women"] / total["networks"]
    return out.reset_index(drop=True)


def drop_sensitivity(successes: Sequence[int], totals: Sequence[int], drop: int) -> tuple[float, float, int]:
    """Range of the exact p-value over every way of removing ``drop`` networks from the table.

    Two interviewees were each victimized by two networks, so two of the networks are not
    separate women's stories. Which ones is not published: this gives the smallest and largest
    p-value over all the ways ``drop`` networks could be taken out (of either sex, from any type),
    and the number of distinct reduced tables examined.
    """
    successes, totals = list(map(int, successes)), list(map(int, totals))
    cells = [(i, "w") for i in range(len(totals))] + [(i, "m") for i in range(len(totals))]
    caps = [successes[i] if kind == "w" else totals[i] - successes[i] for i, kind in cells]
    pvalues = []
    for removal in _compositions(drop, caps):
        w, n = successes[:], totals[:]
        for (i, kind), r in zip(cells, removal):
            n[i] -= r
            if kind == "w":
                w[i] -= r
        keep = [j for j in range(len(n)) if n[j] > 0]
        pvalues.append(freeman_halton([w[j] for j in keep], [n[j] for j in keep]).pvalue)
    return min(pvalues), max(pvalues), len(pvalues)


def leadership_drop_sensitivity(study: Study) -> tuple[float, float, int]:
    """:func:`drop_sensitivity` for Table 5, dropping as many networks as there are networks
    beyond one per interviewee."""
    t5 = tables.table5(study)
    t5 = t5[t5["network_type"] != "total"]
    extra = tables.networks(study) - tables.interviewees(study)
    return drop_sensitivity(t5["female_n"].astype(int).tolist(), t5["total_n"].astype(int).tolist(), extra)
