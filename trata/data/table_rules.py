"""The study's rules on the annex tables and the printed cells, checked after the schema.

Which categories are known (countries, network types, sexes) is said by the schemas (``enum`` and
foreign keys) and checked by Frictionless; the rules here add what a schema cannot say. How a rule
is written and run: :mod:`trata.data.rulebook`.
"""

from __future__ import annotations

from ..core import mapfile
from ..core.precision import decimals
from ..core.problems import Problem
from .descriptor import is_tabular
from .rulebook import aggregate, enum, isna, registry

RULES: list = []
rule = registry(RULES)

#: The resources whose counts the study's stated totals must match.
COUNTED_ONCE = ("countries", "time_since_escape")


@rule("study-totals")
def study_totals_stated(study) -> list[Problem]:
    """The descriptor states the totals the tables are shares of: ``study.interviewees`` whenever a
    table of interviewees is present, ``study.networks`` whenever Table 5 is (case records, when
    present, supply them)."""
    out = []
    stated = study.study
    need = {"interviewees": [n for n in ("countries", "states", "time_since_escape", "characteristics") if n in study],
            "networks": [n for n in ("leaders",) if n in study]}
    for key, names in need.items():
        if names and stated.get(key) is None:
            out.append(Problem("datapackage.json", "study-totals",
                               f"study.{key} is missing; the shares of {', '.join(names)} are taken of it"))
    return out


def _sums_to_stated(study, name: str, df, stated, what: str, key: str) -> list[Problem]:
    """The counts of ``name`` (column 'n') against the total the descriptor states as ``study.key``."""
    s = int(df["n"].sum())
    if stated is None or s == stated:
        return []
    return [Problem(study.file(name), "sum-to-total",
                    f"counts in column 'n' sum to {s}, but the study states {stated} {what} (datapackage.json: study.{key})",
                    column="n")]


@rule("sum-to-total")
def counts_sum_to_interviewees(study) -> list[Problem]:
    """Tables 1 and 4 count each interviewee once: their counts sum to the stated number of interviewees."""
    out = []
    total = study.study.get("interviewees")
    for name in COUNTED_ONCE:
        df = aggregate(study, name)
        if df is None or total is None:
            continue
        out += _sums_to_stated(study, name, df, total, "interviewees", "interviewees")
    return out


@rule("sum-to-total", "count-within-base")
def states_sum_to_mentions(study) -> list[Problem]:
    """Table 3 counts a woman once per state: its counts sum to the stated number of state mentions,
    which lies between the number of interviewees and twice that number, and no state holds more
    women than were interviewed."""
    out = []
    mentions, total = study.study.get("state_mentions"), study.study.get("interviewees")
    if total is not None and mentions is not None and not total <= mentions <= 2 * total:
        out.append(Problem("datapackage.json", "sum-to-total",
                           f"study.state_mentions ({mentions}) must lie between study.interviewees ({total}) and twice that: "
                           "every interviewee was trafficked in one state or two"))
    df = aggregate(study, "states")
    if df is None:
        return out
    out += _sums_to_stated(study, "states", df, mentions, "state mentions", "state_mentions")
    for i, row in df.iterrows():
        if total is not None and row["n"] > total:
            out.append(Problem(study.file("states"), "count-within-base",
                               f"{row['state_as_printed']}: {row['n']} women is more than the {total} interviewed",
                               line=study.line("states", i), column="n"))
    return out


@rule("sum-to-total")
def leaders_sum_to_networks(study) -> list[Problem]:
    """Table 5 counts networks: its counts sum to the stated number of networks, which is at least
    the number of interviewees (each was victimized by at least one network)."""
    out = []
    nets, total = study.study.get("networks"), study.study.get("interviewees")
    if nets is not None and total is not None and nets < total:
        out.append(Problem("datapackage.json", "sum-to-total",
                           f"study.networks ({nets}) is smaller than study.interviewees ({total}); every interviewee was victimized by at least one network"))
    df = aggregate(study, "leaders")
    if df is None:
        return out
    out += _sums_to_stated(study, "leaders", df, nets, "networks", "networks")
    return out


@rule("complete-crossing")
def every_network_type_has_both_sexes(study) -> list[Problem]:
    """Table 5 has one row per network type and sex of leader (a zero is written, not left out);
    the sexes are those the schema of ``leaders`` enumerates."""
    out = []
    df = aggregate(study, "leaders")
    if df is None or "network_types" not in study:
        return out
    sexes = enum(study, "leaders", "leader_sex", ["male", "female"])
    for t in study["network_types"]["network_type"]:
        for sex in sexes:
            if not ((df["network_type"] == t) & (df["leader_sex"] == sex)).any():
                out.append(Problem(study.file("leaders"), "complete-crossing",
                                   f"no row for network type '{t}' with leader_sex '{sex}' (write 0 if there were none)",
                                   column="leader_sex"))
    return out


@rule("order")
def network_types_ordered(study) -> list[Problem]:
    """The typology's two orders (in Table 5 and in the article's text) each number the types
    1, 2, 3, ... without gaps or repeats."""
    out = []
    df = aggregate(study, "network_types")
    if df is None:
        return out
    for col in ("order_in_table", "order_in_text"):
        if col not in df:
            continue
        values = sorted(int(v) for v in df[col].dropna())
        if values != list(range(1, len(df) + 1)):
            seen = set()
            for i, v in df[col].items():
                if v in seen or not 1 <= v <= len(df):
                    out.append(Problem(study.file("network_types"), "order",
                                       f"{df.at[i, 'network_type']}: {col} {v} repeats or skips a position (expected each of 1 to {len(df)} once)",
                                       line=study.line("network_types", i), column=col))
                seen.add(v)
    return out


@rule("known-category")
def states_are_on_the_map(study) -> list[Problem]:
    """Every state in Table 3 is a known Mexican federal entity: its map_name is in the boundaries file."""
    out = []
    if "states" not in study:
        return out
    known = mapfile.known_names()
    for i, row in study["states"].iterrows():
        if row["map_name"] not in known:
            out.append(Problem(study.file("states"), "known-category",
                               f"'{row['map_name']}' is not a Mexican state in the boundaries file mex.topo.json (known: {', '.join(sorted(known))})",
                               line=study.line("states", i), column="map_name"))
    return out


@rule("bin-bounds", "bin-overlap")
def bins_ordered_without_overlap(study) -> list[Problem]:
    """Table 4's bins are ordered, each has min <= max, only the last may be open-ended, and no two
    bins overlap (gaps are allowed here and reported by the audit, because the printed table has one)."""
    out = []
    df = aggregate(study, "time_since_escape")
    if df is None:
        return out
    fname = study.file("time_since_escape")
    prev_max = None
    for i, row in df.iterrows():
        line = study.line("time_since_escape", i)
        lo, hi = row["min_months"], row["max_months"]
        if not isna(hi) and hi < lo:
            out.append(Problem(fname, "bin-bounds", f"bin '{row['bin_as_printed']}' has max_months {hi} below min_months {lo}",
                               line=line, column="max_months"))
        if prev_max is not None and lo <= prev_max:
            out.append(Problem(fname, "bin-overlap",
                               f"bin '{row['bin_as_printed']}' starts at {lo} months, inside the previous bin (which ends at {prev_max})",
                               line=line, column="min_months"))
        if isna(hi) and i != df.index[-1]:
            out.append(Problem(fname, "bin-bounds", f"bin '{row['bin_as_printed']}' is open-ended but is not the last bin",
                               line=line, column="max_months"))
        prev_max = None if isna(hi) else hi
    return out


@rule("complete-crossing", "within-min-max")
def characteristics_complete_and_within_range(study) -> list[Problem]:
    """Table 2: every characteristic has every statistic the schema enumerates, and each lies
    between the characteristic's printed min and max."""
    out = []
    df = aggregate(study, "characteristics")
    if df is None:
        return out
    fname = study.file("characteristics")
    statistics = enum(study, "characteristics", "statistic_as_printed", ["Median", "Mean", "Mode", "Min.", "Max."])
    for var, g in df.groupby("variable", sort=False):
        stats = dict(zip(g["statistic_as_printed"], g["value"]))
        missing = [s for s in statistics if s not in stats]
        if missing:
            out.append(Problem(fname, "complete-crossing", f"'{var}' has no row for {', '.join(repr(m) for m in missing)}",
                               column="statistic_as_printed"))
        lo, hi = stats.get("Min."), stats.get("Max.")
        if lo is None or hi is None:
            continue
        for i, r in g.iterrows():
            if not lo <= r["value"] <= hi:
                out.append(Problem(fname, "within-min-max", f"{var} {r['statistic_as_printed']} = {r['value']:g} lies outside [{lo:g}, {hi:g}]",
                                   line=study.line("characteristics", i), column="value"))
    return out


@rule("year-in-range")
def roster_years_in_study_period(study) -> list[Problem]:
    """Every quoted interview took place in the study's stated interview period (``study.interview_years``)."""
    out = []
    years = study.study.get("interview_years") or {}
    first, last = years.get("first"), years.get("last")
    df = aggregate(study, "roster")
    if df is None or first is None or "interview_year" not in df:
        return out
    for i, row in df.iterrows():
        if not first <= row["interview_year"] <= last:
            out.append(Problem(study.file("roster"), "year-in-range",
                               f"{row['pseudonym']}: interview year {row['interview_year']} is outside the study period {first}-{last}",
                               line=study.line("roster", i), column="interview_year"))
    return out


@rule("roster-within-tables")
def roster_fits_the_tables(study) -> list[Problem]:
    """The quoted interviewees are some of the interviewees: each one's age lies within Table 2's
    age range, and no country has more quoted women than Table 1 counts."""
    out = []
    roster = aggregate(study, "roster")
    if roster is None:
        return out
    if "characteristics" in study and "age" in roster:
        ch = study["characteristics"]
        age = dict(zip(ch.loc[ch["variable"] == "age", "statistic_as_printed"], ch.loc[ch["variable"] == "age", "value"]))
        lo, hi = age.get("Min."), age.get("Max.")
        if lo is not None and hi is not None:
            for i, row in roster.iterrows():
                if not lo <= row["age"] <= hi:
                    out.append(Problem(study.file("roster"), "roster-within-tables",
                                       f"{row['pseudonym']}: age {row['age']} lies outside Table 2's age range {lo:g}-{hi:g}",
                                       line=study.line("roster", i), column="age"))
    if "countries" in study and "country" in roster:
        n = dict(zip(study["countries"]["country"], study["countries"]["n"]))
        quoted = roster["country"].value_counts()
        for country, k in quoted.items():
            if country in n and k > n[country]:
                i = roster.index[roster["country"] == country][-1]
                out.append(Problem(study.file("roster"), "roster-within-tables",
                                   f"{k} quoted women from {country}, but Table 1 counts only {n[country]}",
                                   line=study.line("roster", i), column="country"))
    return out


def categorical_fields(resource: dict) -> list[str]:
    """Fields that hold categories or keys: enumerated, unique, or part of a primary or foreign key."""
    schema = resource.get("schema") or {}
    names = []
    pk = schema.get("primaryKey") or []
    pk = [pk] if isinstance(pk, str) else list(pk)
    fk = []
    for key in schema.get("foreignKeys") or []:
        f = key.get("fields") or []
        fk += [f] if isinstance(f, str) else list(f)
    for f in schema.get("fields") or []:
        c = f.get("constraints") or {}
        if f.get("type", "string") == "string" and ("enum" in c or c.get("unique") or f["name"] in pk or f["name"] in fk):
            names.append(f["name"])
    return names


@rule("stray-whitespace")
def categories_without_stray_whitespace(study) -> list[Problem]:
    """No category or key, in any resource, has spaces or tabs before or after it (``'Chiapas '``
    would silently be a different state from ``'Chiapas'``)."""
    out = []
    for res in study.descriptor["resources"]:
        name = res.get("name")
        if name not in study or name in study.derived or not is_tabular(res):
            continue
        df = study.frames[name]
        for col in categorical_fields(res):
            if col not in df:
                continue
            for i, v in df[col].items():
                if isinstance(v, str) and v != v.strip():
                    out.append(Problem(study.file(name), "stray-whitespace",
                                       f"value {v!r} has spaces before or after it; write {v.strip()!r}",
                                       line=study.line(name, i), column=col))
    return out


@rule("printed-total")
def printed_totals_add_up(study) -> list[Problem]:
    """In the printed tables, each printed total equals the sum of the printed counts it totals:
    Table 1's Total, and Table 5's Total column (men + women) and Total row."""
    out = []
    cells = aggregate(study, "printed_cells")
    if cells is None:
        return out
    fname = study.file("printed_cells")
    lookup = {(r.table, r.row, r.column): (i, r.printed) for i, r in cells.iterrows()}

    def num(key):
        return float(lookup[key][1]) if key in lookup else None

    def check(total_key, parts, what):
        if total_key not in lookup or not parts or any(p not in lookup for p in parts):
            return
        s = sum(num(p) for p in parts)
        if abs(num(total_key) - s) > 1e-9:
            i, text = lookup[total_key]
            out.append(Problem(fname, "printed-total", f"{total_key[0]} {total_key[1]}/{total_key[2]}: printed total {text}, but {what} add up to {s:g}",
                               line=study.line("printed_cells", i), column="printed"))

    t1 = [k for k in lookup if k[0] == "table1" and k[1] == "n" and k[2] != "Total"]
    check(("table1", "n", "Total"), t1, "the printed counts")
    rows5 = sorted({k[1] for k in lookup if k[0] == "table5" and k[1] != "Total"})
    for row in rows5 + ["Total"]:
        check(("table5", row, "Total n"), [("table5", row, "Males n"), ("table5", row, "Women n")], "men and women")
    for col in ("Males n", "Women n", "Total n"):
        check(("table5", "Total", col), [("table5", r, col) for r in rows5], f"the rows of column '{col}'")
    return out


@rule("share-agrees-with-count")
def printed_shares_agree_with_printed_counts(study) -> list[Problem]:
    """In the printed tables, each percentage agrees with its printed count and base within one unit
    of its last printed digit (a looser bound than the reconciliation, which uses half a unit:
    authors sometimes adjust a rounded share so that a column adds to 100, as Table 5 does)."""
    out = []
    cells = aggregate(study, "printed_cells")
    if cells is None:
        return out
    fname = study.file("printed_cells")
    lookup = {(r.table, r.row, r.column): (i, r.printed) for i, r in cells.iterrows()}

    def compare(key, n, base):
        i, text = lookup[key]
        if not base:
            return
        share = 100 * n / base
        unit = 10 ** -decimals(text)
        if abs(float(text) - share) > unit + 1e-9:
            out.append(Problem(fname, "share-agrees-with-count",
                               f"{key[0]} {key[1]}/{key[2]}: printed {text}% but {n:g} of {base:g} is {share:.2f}%",
                               line=study.line("printed_cells", i), column="printed"))

    def num(key):
        return float(lookup[key][1]) if key in lookup else None

    t4_base = sum(float(t) for (tb, r, _), (_, t) in lookup.items() if tb == "table4" and r == "n")
    for (table, row, col) in lookup:
        key = (table, row, col)
        if table == "table1" and row == "%" and num((table, "n", col)) is not None and num(("table1", "n", "Total")):
            compare(key, num((table, "n", col)), num(("table1", "n", "Total")))
        elif table == "table4" and row == "%" and num((table, "n", col)) is not None:
            compare(key, num((table, "n", col)), t4_base)
        elif table == "table3" and col == "%" and num((table, row, "n")) is not None and num(("table1", "n", "Total")):
            compare(key, num((table, row, "n")), num(("table1", "n", "Total")))
        elif table == "table5" and col.endswith("%"):
            group = col[:-2]
            if group == "Total":
                n, base = num((table, row, "Total n")), num((table, "Total", "Total n"))
            else:
                n, base = num((table, row, f"{group} n")), num((table, row, "Total n"))
            if n is not None and base is not None:
                compare(key, n, base)
    return out
