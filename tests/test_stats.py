"""Wilson intervals and the exact test of the profile chapter, checked against independent computations."""

import math
from itertools import combinations, product

import pytest
from scipy.stats import fisher_exact, norm

from trata.analyse import stats
from trata.derive import tables

Z = norm.ppf(0.975)


def wilson_closed_form(k, n, z=Z):
    """The Wilson score interval written out: (p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n)."""
    p = k / n
    centre = p + z * z / (2 * n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (centre - half) / (1 + z * z / n), (centre + half) / (1 + z * z / n)


@pytest.mark.parametrize("k,n", [(4, 77), (0, 37), (1, 13), (3, 15), (0, 6), (0, 4), (0, 2), (13, 13), (1, 1)])
def test_wilson_matches_closed_form(k, n):
    lo, hi = stats.wilson(k, n)
    elo, ehi = wilson_closed_form(k, n)
    assert lo == pytest.approx(max(0.0, elo), abs=1e-12)
    assert hi == pytest.approx(min(1.0, ehi), abs=1e-12)
    assert 0 <= lo <= k / n <= hi <= 1


def test_wilson_rejects_impossible_counts():
    with pytest.raises(ValueError):
        stats.wilson(5, 4)
    with pytest.raises(ValueError):
        stats.wilson(0, 0)


def test_women_leader_shares_match_table5(study):
    df = stats.women_leader_shares(study).set_index("network_type")
    t5 = tables.table5(study).set_index("network_type")
    assert list(df.index) == list(t5.index)
    for t, r in df.iterrows():
        assert (r["women"], r["networks"]) == (t5.loc[t, "female_n"], t5.loc[t, "total_n"])
        lo, hi = wilson_closed_form(int(r["women"]), int(r["networks"]))
        assert r["low"] == pytest.approx(max(0, lo), abs=1e-12) and r["high"] == pytest.approx(hi, abs=1e-12)
    total = df.loc["total"]
    assert (total["women"], total["networks"]) == (4, 77)  # the article's "5%"
    assert round(100 * total["share"], 1) == 5.2
    assert (round(100 * total["low"], 1), round(100 * total["high"], 1)) == (2.0, 12.6)
    assert df.loc["cartel", "low"] == 0 and round(100 * df.loc["cartel", "high"], 1) == 9.4


def brute_force_exact_test(successes, totals):
    """Fisher–Freeman–Halton by a different route: every cell of every row ranges over all its
    values (itertools.product), tables with the wrong column total are dropped, and probabilities
    are computed in floating point from log-binomials."""
    K, N = sum(successes), sum(totals)

    def logp(x):
        return sum(math.log(math.comb(n, xi)) for xi, n in zip(x, totals)) - math.log(math.comb(N, K))

    lp_obs = logp(successes)
    p, count = 0.0, 0
    for x in product(*[range(n + 1) for n in totals]):
        if sum(x) != K:
            continue
        count += 1
        lp = logp(x)
        if lp <= lp_obs + 1e-9:
            p += math.exp(lp)
    return math.exp(lp_obs), p, count


def test_exact_test_on_table5_matches_brute_force(study):
    res = stats.leadership_test(study)
    assert res.observed == (0, 1, 3, 0, 0, 0) and res.row_totals == (37, 13, 15, 6, 4, 2)
    stat, p, count = brute_force_exact_test([0, 1, 3, 0, 0, 0], [37, 13, 15, 6, 4, 2])
    assert res.statistic == pytest.approx(stat, rel=1e-12)
    assert res.pvalue == pytest.approx(p, rel=1e-12)
    assert res.tables == count
    assert round(res.pvalue, 3) == 0.084


def test_exact_probabilities_sum_to_one():
    # with the observed table the least likely one, the p-value is the whole distribution
    res = stats.freeman_halton([0, 0, 3], [5, 5, 3])
    assert res.p_value <= 1
    all_tables = stats.freeman_halton([1, 1, 1], [5, 5, 3])
    assert all_tables.tables == brute_force_exact_test([1, 1, 1], [5, 5, 3])[2]


@pytest.mark.parametrize("a,b,c,d", [(3, 1, 1, 3), (0, 37, 3, 12), (1, 12, 3, 12), (7, 2, 2, 9)])
def test_two_row_case_is_fishers_exact_test(a, b, c, d):
    """For a 2 x 2 table the Freeman–Halton test is Fisher's two-sided exact test (scipy)."""
    res = stats.freeman_halton([a, c], [a + b, c + d])
    assert res.pvalue == pytest.approx(fisher_exact([[a, b], [c, d]]).pvalue, rel=1e-9)


def test_no_successes_gives_a_single_table():
    res = stats.freeman_halton([0, 0], [3, 4])
    assert res.tables == 1 and res.pvalue == 1


def test_drop_sensitivity_by_removing_networks_one_by_one(study):
    """Remove every pair of the 77 networks (as individual units) and collect the distinct tables."""
    w, n = [0, 1, 3, 0, 0, 0], [37, 13, 15, 6, 4, 2]
    units = [(i, True) for i in range(6) for _ in range(w[i])] + [(i, False) for i in range(6) for _ in range(n[i] - w[i])]
    reduced = set()
    for pair in combinations(range(len(units)), 2):
        ww, nn = w[:], n[:]
        for u in pair:
            i, woman = units[u]
            nn[i] -= 1
            ww[i] -= woman
        reduced.add((tuple(ww), tuple(nn)))
    pvalues = [brute_force_exact_test([a for a, m in zip(ww, nn) if m], [m for m in nn if m])[1] for ww, nn in reduced]
    lo, hi, count = stats.leadership_drop_sensitivity(study)
    assert count == len(reduced)
    assert lo == pytest.approx(min(pvalues), rel=1e-9) and hi == pytest.approx(max(pvalues), rel=1e-9)


def test_drop_nothing_is_the_plain_test(study):
    res = stats.leadership_test(study)
    lo, hi, count = stats.drop_sensitivity(res.observed, res.row_totals, 0)
    assert (lo, hi, count) == (res.pvalue, res.pvalue, 1)


def test_expected_women_leaders_add_up(study):
    exp = stats.expected_women_leaders(study)
    assert exp["expected"].sum() == pytest.approx(4)
    assert exp.set_index("network_type").loc["cartel", "expected"] == pytest.approx(37 * 4 / 77)
