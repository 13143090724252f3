"""The study's own rules, checked after the schema: what a valid data package of this study is.

Each rule is a small function that takes a :class:`trata.load.Study` and returns Problems. A rule
states what it checks in its docstring; :func:`check` runs them all and returns every problem.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from .load import Problem

RULES = []


def rule(fn):
    RULES.append(fn)
    return fn


def _file(study, name: str) -> str:
    return study.resource(name)["path"]


def _line(index) -> int:
    return int(index) + 2  # header is line 1


def _total(study, key: str):
    return study.study.get(key)


@rule
def counts_sum_to_interviewees(study) -> list[Problem]:
    """Tables 1 and 4 count each interviewee once: their counts sum to the stated number of interviewees."""
    out = []
    total = _total(study, "interviewees")
    for name in ("countries", "time_since_escape"):
        if name not in study or total is None:
            continue
        s = int(study[name]["n"].sum())
        if s != total:
            out.append(Problem(_file(study, name), "sum-to-total",
                               f"counts in column 'n' sum to {s}, but the study states {total} interviewees (datapackage.json: study.interviewees)",
                               column="n"))
    return out


@rule
def states_sum_to_mentions(study) -> list[Problem]:
    """Table 3 counts a woman once per state: its counts sum to the stated number of state mentions,
    and no state holds more women than were interviewed."""
    out = []
    if "states" not in study:
        return out
    df = study["states"]
    mentions, total = _total(study, "state_mentions"), _total(study, "interviewees")
    s = int(df["n"].sum())
    if mentions is not None and s != mentions:
        out.append(Problem(_file(study, "states"), "sum-to-total",
                           f"counts in column 'n' sum to {s}, but the study states {mentions} state mentions (datapackage.json: study.state_mentions)",
                           column="n"))
    if total is not None and mentions is not None and mentions < total:
        out.append(Problem("datapackage.json", "sum-to-total",
                           f"study.state_mentions ({mentions}) is smaller than study.interviewees ({total}); every interviewee was trafficked in at least one state"))
    for i, row in df.iterrows():
        if total is not None and row["n"] > total:
            out.append(Problem(_file(study, "states"), "count-within-base",
                               f"{row['state_as_printed']}: {row['n']} women is more than the {total} interviewed", line=_line(i), column="n"))
    return out


@rule
def leaders_sum_to_networks(study) -> list[Problem]:
    """Table 5 counts networks: its counts sum to the stated number of networks, which is at least
    the number of interviewees (each was victimized by at least one network)."""
    out = []
    if "leaders" not in study:
        return out
    s = int(study["leaders"]["n"].sum())
    nets, total = _total(study, "networks"), _total(study, "interviewees")
    if nets is not None and s != nets:
        out.append(Problem(_file(study, "leaders"), "sum-to-total",
                           f"counts in column 'n' sum to {s}, but the study states {nets} networks (datapackage.json: study.networks)",
                           column="n"))
    if nets is not None and total is not None and nets < total:
        out.append(Problem("datapackage.json", "sum-to-total",
                           f"study.networks ({nets}) is smaller than study.interviewees ({total})"))
    return out


@rule
def every_network_type_has_both_sexes(study) -> list[Problem]:
    """Table 5 has one row per network type and sex of leader (a zero is written, not left out)."""
    out = []
    if "leaders" not in study or "network_types" not in study:
        return out
    df = study["leaders"]
    for t in study["network_types"]["network_type"]:
        for sex in ("male", "female"):
            if not ((df["network_type"] == t) & (df["leader_sex"] == sex)).any():
                out.append(Problem(_file(study, "leaders"), "complete-crossing",
                                   f"no row for network type '{t}' with leader_sex '{sex}' (write 0 if there were none)"))
    return out


@rule
def states_are_on_the_map(study) -> list[Problem]:
    """Every state in Table 3 is a known Mexican federal entity: its map_name is in the boundaries file."""
    out = []
    if "states" not in study:
        return out
    known = known_map_names()
    for i, row in study["states"].iterrows():
        if row["map_name"] not in known:
            out.append(Problem(_file(study, "states"), "known-category",
                               f"'{row['map_name']}' is not a Mexican state in the boundaries file (known: {', '.join(sorted(known))})",
                               line=_line(i), column="map_name"))
    return out


def known_map_names() -> set[str]:
    topo = Path(__file__).resolve().parents[1] / "data" / "mex.topo.json"
    data = json.loads(topo.read_text(encoding="utf-8"))
    return {g["properties"]["name"] for g in data["objects"]["mex"]["geometries"] if g["properties"].get("name")}


@rule
def bins_ordered_without_overlap(study) -> list[Problem]:
    """Table 4's bins are ordered, each has min <= max, and no two bins overlap (gaps are allowed
    here and reported by the audit, because the printed table has one)."""
    out = []
    if "time_since_escape" not in study:
        return out
    df = study["time_since_escape"]
    prev_max = None
    for i, row in df.iterrows():
        lo, hi = row["min_months"], row["max_months"]
        if hi is not None and not _isna(hi) and hi < lo:
            out.append(Problem(_file(study, "time_since_escape"), "bin-bounds",
                               f"bin '{row['bin_as_printed']}' has max_months {hi} below min_months {lo}", line=_line(i), column="max_months"))
        if prev_max is not None and lo <= prev_max:
            out.append(Problem(_file(study, "time_since_escape"), "bin-overlap",
                               f"bin '{row['bin_as_printed']}' starts at {lo} months, inside the previous bin (which ends at {prev_max})",
                               line=_line(i), column="min_months"))
        if _isna(hi) and i != df.index[-1]:
            out.append(Problem(_file(study, "time_since_escape"), "bin-bounds",
                               f"bin '{row['bin_as_printed']}' is open-ended but is not the last bin", line=_line(i), column="max_months"))
        prev_max = None if _isna(hi) else hi
    return out


def _isna(x) -> bool:
    try:
        import pandas as pd
        return bool(pd.isna(x))
    except (TypeError, ValueError):
        return False


@rule
def characteristics_within_range(study) -> list[Problem]:
    """Table 2: every printed statistic of a characteristic lies between its printed min and max."""
    out = []
    if "characteristics" not in study:
        return out
    df = study["characteristics"]
    for var, g in df.groupby("variable", sort=False):
        stats = dict(zip(g["statistic_as_printed"], g["value"]))
        lo, hi = stats.get("Min."), stats.get("Max.")
        if lo is None or hi is None:
            out.append(Problem(_file(study, "characteristics"), "complete-crossing", f"'{var}' lacks a Min. or Max. row"))
            continue
        for i, r in g.iterrows():
            if not lo <= r["value"] <= hi:
                out.append(Problem(_file(study, "characteristics"), "within-min-max",
                                   f"{var} {r['statistic_as_printed']} = {r['value']} lies outside [{lo}, {hi}]", line=_line(i), column="value"))
    return out


@rule
def roster_years_in_study_period(study) -> list[Problem]:
    """Every quoted interview took place in the study's stated interview period."""
    out = []
    years = study.study.get("interview_years") or {}
    first, last = years.get("first"), years.get("last")
    if "roster" not in study or first is None:
        return out
    for i, row in study["roster"].iterrows():
        if not first <= row["interview_year"] <= last:
            out.append(Problem(_file(study, "roster"), "year-in-range",
                               f"{row['pseudonym']}: interview year {row['interview_year']} is outside the study period {first}-{last}",
                               line=_line(i), column="interview_year"))
    return out


def _decimals(text: str) -> int:
    d = Decimal(text).as_tuple().exponent
    return max(0, -d)


@rule
def printed_shares_agree_with_printed_counts(study) -> list[Problem]:
    """In the printed tables, each percentage agrees with its printed count and base within one unit
    of its last printed digit (a looser bound than the reconciliation, which uses half a unit:
    authors sometimes adjust a rounded share so that a column adds to 100)."""
    out = []
    if "printed_cells" not in study:
        return out
    cells = study["printed_cells"]
    fname = _file(study, "printed_cells")
    lookup = {(r.table, r.row, r.column): (i, r.printed) for i, r in cells.iterrows()}

    def check(table, row, col, count_key, base_key):
        if (table, row, col) not in lookup or count_key not in lookup or base_key not in lookup:
            return
        i, text = lookup[(table, row, col)]
        n = float(lookup[count_key][1])
        base = float(lookup[base_key][1])
        if base == 0:
            return
        share = 100 * n / base
        unit = 10 ** -_decimals(text)
        if abs(float(text) - share) > unit + 1e-9:
            out.append(Problem(fname, "share-agrees-with-count",
                               f"{table} {row}/{col}: printed {text}% but {lookup[count_key][1]} of {lookup[base_key][1]} is {share:.2f}%",
                               line=_line(i), column="printed"))

    for (table, row, col), (i, text) in lookup.items():
        if table in ("table1", "table4") and row == "%":
            total_col = "Total" if table == "table1" else None
            base_key = ("table1", "n", "Total") if table == "table1" else None
            if table == "table4":
                base = sum(float(t) for (tb, r, c), (_, t) in lookup.items() if tb == "table4" and r == "n")
                n = float(lookup.get((table, "n", col), (None, "nan"))[1])
                share = 100 * n / base if base else float("nan")
                unit = 10 ** -_decimals(text)
                if base and abs(float(text) - share) > unit + 1e-9:
                    out.append(Problem(fname, "share-agrees-with-count",
                                       f"{table} {row}/{col}: printed {text}% but {n:g} of {base:g} is {share:.2f}%", line=_line(i), column="printed"))
                continue
            check(table, row, col, (table, "n", col), base_key)
        elif table == "table3" and col == "%":
            check(table, row, col, (table, row, "n"), ("table1", "n", "Total"))
        elif table == "table5" and col.endswith("%"):
            group = col[:-2]
            if group == "Total":
                check(table, row, col, (table, row, "Total n"), (table, "Total", "Total n"))
            else:
                check(table, row, col, (table, row, f"{group} n"), (table, row, "Total n"))
    return out


def check(study) -> list[Problem]:
    """Run every rule; return all problems found."""
    problems: list[Problem] = []
    for fn in RULES:
        problems.extend(fn(study))
    return problems


# ---------------------------------------------------------------------------------------------
# the structured coding of the profile chapter (typology, women's positions, excerpts)


@rule
def typology_is_complete(study) -> list[Problem]:
    """The typology codes every network type on every dimension, and a dimension the article does
    not describe is coded 'not_described' (and only then)."""
    out = []
    if "typology" not in study or "network_types" not in study:
        return out
    df = study["typology"]
    fields = study.resource("typology")["schema"]["fields"]
    dims = next(f for f in fields if f["name"] == "dimension")["constraints"]["enum"]
    have = set(zip(df["network_type"], df["dimension"]))
    for t in study["network_types"]["network_type"]:
        for dim in dims:
            if (t, dim) not in have:
                out.append(Problem(_file(study, "typology"), "complete-crossing",
                                   f"no row for network type '{t}' on dimension '{dim}' (write code 'not_described' if the article says nothing)"))
    for i, row in df.iterrows():
        if (row["code"] == "not_described") == bool(row["described"]):
            out.append(Problem(_file(study, "typology"), "described-agrees-with-code",
                               f"{row['network_type']}/{row['dimension']}: code '{row['code']}' but described = {row['described']}",
                               line=_line(i), column="described"))
    return out


@rule
def every_network_type_has_women_positions(study) -> list[Problem]:
    """Every network type has at least one row in women_positions; a victim who acted against no one
    has no motive and no ground, and a woman who did act has both."""
    out = []
    if "women_positions" not in study or "network_types" not in study:
        return out
    df = study["women_positions"]
    for t in sorted(set(study["network_types"]["network_type"]) - set(df["network_type"])):
        out.append(Problem(_file(study, "women_positions"), "complete-crossing", f"no position for network type '{t}'"))
    for i, row in df.iterrows():
        victim_only = row["line"] == "victim"
        if victim_only != (row["motive"] == "not_applicable") or victim_only != (row["gallagher_basis"] == "not_applicable"):
            out.append(Problem(_file(study, "women_positions"), "line-agrees-with-motive",
                               f"{row['position_id']}: line '{row['line']}' with motive '{row['motive']}' and ground '{row['gallagher_basis']}'",
                               line=_line(i), column="motive"))
        if row["motive"] == "profit" and row["gallagher_basis"] != "none":
            out.append(Problem(_file(study, "women_positions"), "line-agrees-with-motive",
                               f"{row['position_id']}: acting for profit gives no ground for not charging her, but gallagher_basis is '{row['gallagher_basis']}'",
                               line=_line(i), column="gallagher_basis"))
    return out


@rule
def excerpt_years_agree_with_roster(study) -> list[Problem]:
    """Each excerpt's roster_year is the roster's interview year, year_differs says whether the year
    cited with the excerpt disagrees with it, and every network type has at least one excerpt."""
    out = []
    if "excerpts" not in study or "roster" not in study:
        return out
    years = dict(zip(study["roster"]["pseudonym"], study["roster"]["interview_year"]))
    df = study["excerpts"]
    for i, row in df.iterrows():
        if row["pseudonym"] not in years:
            continue  # reported by the foreign key
        if row["roster_year"] != years[row["pseudonym"]]:
            out.append(Problem(_file(study, "excerpts"), "agrees-with-roster",
                               f"{row['excerpt_id']}: roster_year {row['roster_year']} but the roster lists {row['pseudonym']} in {years[row['pseudonym']]}",
                               line=_line(i), column="roster_year"))
        if bool(row["year_differs"]) != (row["year_as_cited"] != row["roster_year"]):
            out.append(Problem(_file(study, "excerpts"), "agrees-with-roster",
                               f"{row['excerpt_id']}: year_differs is {row['year_differs']} but the years are {row['year_as_cited']} and {row['roster_year']}",
                               line=_line(i), column="year_differs"))
    if "network_types" in study:
        for t in sorted(set(study["network_types"]["network_type"]) - set(df["network_type"])):
            out.append(Problem(_file(study, "excerpts"), "complete-crossing", f"no excerpt for network type '{t}'"))
    return out
