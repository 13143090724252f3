"""Case-level input: one row per interviewee, from which the five annex tables are derived.

The study's own data are aggregates: the article prints five tables and no case records. A
research team that holds the interviews can instead (or as well) give one record per woman, in
a resource named ``cases`` whose schema is :data:`SCHEMA`:

============================  ======================================================================
field                         meaning
============================  ======================================================================
``case_id``                   the team's code for the interview (never a name)
``pseudonym``                 optional; when given, it must be in the roster of quoted interviewees
``country``                   country of origin
``age``                       age in whole years at the interview
``schooling_years``           years of schooling completed
``age_trafficked``            age in whole years when she was trafficked
``months_trafficked``         months in the trafficking situation
``state_1``, ``state_2``      the Mexican state(s) where she was trafficked (official INEGI names);
                              ``state_2`` empty unless she was trafficked in two states
``months_since_escape``       months between her escape and the interview
``network_type_1``,           the network that victimized her and the sex of its leader;
``leader_sex_1``
``network_type_2``,           a second network, when there was one (both empty otherwise)
``leader_sex_2``
============================  ======================================================================

When a package holds such a resource, :func:`apply` derives the resources ``countries``,
``characteristics``, ``states``, ``time_since_escape`` and ``leaders`` (the five annex tables)
and the study totals from the records, checks them against any of those aggregates the package
also holds, and replaces the aggregates by the derived tables. ``trata.derive.tables`` then works on
either kind of package without change.

Derived Table 2 follows the book's reading of the printed table (``trata.TABLE2_READING``):
the value stored under a printed column label is the statistic the book takes that column to
hold, so ``tables.table2_read`` gives the true mean and median of the records.
"""

from __future__ import annotations

import pandas as pd

from ..core import messages as M
from ..core.precision import value_tolerance
from ..core.problems import Problem
from ..core.vocabulary import (
    CASES,
    CHARACTERISTICS,
    COUNTRIES,
    DEFAULT_BINS,
    DERIVED,
    ENGLISH,
    MAP_NAME,
    NETWORK_TYPES,
    OFFICIAL,
    SEXES,
    STATISTICS_AS_PRINTED,
    TABLE2_READING,
)
from .study import Study

RESOURCE = CASES

#: What each problem found in case records means, and how to fix it.
#: In English; the words of every edition are in the message tables (``data.case_explanations``).
EXPLANATIONS = M.labels("data.case_explanations", "en")

def _int(name, description, minimum, maximum, required=True):
    c = {"minimum": minimum, "maximum": maximum}
    if required:
        c = {"required": True, **c}
    return {"name": name, "type": "integer", "description": description, "constraints": c}


def _enum(name, description, values, required=True):
    c = {"enum": list(values)}
    if required:
        c = {"required": True, **c}
    return {"name": name, "type": "string", "description": description, "constraints": c}


#: The Table Schema of the ``cases`` resource. A package may extend the enumerations (a new
#: country, say); the field names, types and required fields are what this module relies on.
SCHEMA = {
    "fields": [
        {"name": "case_id", "type": "string", "description": "The research team's code for the interview (never a name)",
         "constraints": {"required": True, "unique": True, "pattern": "[A-Za-z0-9_-]+"}},
        {"name": "pseudonym", "type": "string",
         "description": "Pseudonym, only for an interviewee quoted in the text; must then be in the roster",
         "constraints": {"pattern": "\\S(.*\\S)?"}},
        _enum("country", "Country of origin", COUNTRIES),
        _int("age", "Age in whole years at the interview (the study interviewed adults only)", 18, 99),
        _int("schooling_years", "Years of schooling completed", 0, 30),
        _int("age_trafficked", "Age in whole years when she was trafficked", 0, 99),
        _int("months_trafficked", "Months in the trafficking situation", 0, 600),
        _enum("state_1", "Mexican state where she was trafficked (official INEGI name)", OFFICIAL),
        _enum("state_2", "Second state, only if she was trafficked in two states", OFFICIAL, required=False),
        _int("months_since_escape", "Months between her escape and the interview", 0, 600),
        _enum("network_type_1", "Type of the network that victimized her (see network_types)", NETWORK_TYPES),
        _enum("leader_sex_1", "Sex of that network's leader", SEXES),
        _enum("network_type_2", "Type of a second network, only if a second one victimized her", NETWORK_TYPES, required=False),
        _enum("leader_sex_2", "Sex of the second network's leader (with network_type_2, and only then)", SEXES, required=False),
    ],
    "primaryKey": ["case_id"],
    "foreignKeys": [
        {"fields": "network_type_1", "reference": {"resource": "network_types", "fields": "network_type"}},
        {"fields": "network_type_2", "reference": {"resource": "network_types", "fields": "network_type"}},
    ],
    "missingValues": [""],
}


def resource_descriptor(path: str = "cases.csv", title: str = "Case records: one row per interviewee") -> dict:
    """A complete resource entry for datapackage.json holding case records at ``path``."""
    return {
        "name": RESOURCE, "path": path, "title": title,
        "description": "One record per interviewed woman, coded as documented in the book's page 'Updating the data'. "
                       "The five annex tables are derived from these records.",
        "schema": SCHEMA, "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv",
        "encoding": "utf-8", "scheme": "file",
    }


# ---------------------------------------------------------------------------------------------
# derivation


def _mode(values: pd.Series) -> float:
    counts = values.value_counts()
    return float(min(counts[counts == counts.max()].index))


def _statistics(values: pd.Series) -> dict[str, float]:
    v = values.astype(float)
    return {"mean": float(v.mean()), "median": float(v.median()), "mode": _mode(v), "min": float(v.min()), "max": float(v.max())}


def _mentions(df: pd.DataFrame, *cols: str) -> pd.Series:
    return pd.concat([df[c] for c in cols], ignore_index=True).replace("", pd.NA).dropna()


def derive(cases: pd.DataFrame, study: Study) -> tuple[dict[str, pd.DataFrame], dict, list[Problem]]:
    """The five aggregate resources and the study totals, derived from case records."""
    fname = study.file(RESOURCE)
    aggregate = {name: study.frames[name] for name in DERIVED if name in study.frames}
    problems: list[Problem] = []
    out: dict[str, pd.DataFrame] = {}

    # Table 1: countries, in the aggregate's order if there is one, else by descending count
    counts = cases["country"].value_counts()
    order = list(aggregate["countries"]["country"]) if "countries" in aggregate else []
    order += sorted((c for c in counts.index if c not in order), key=lambda c: (-counts[c], c))
    out["countries"] = pd.DataFrame({"country": order, "n": [int(counts.get(c, 0)) for c in order]}).astype({"n": "Int64"})

    # Table 2: characteristics, stored under the printed labels as the book reads them
    labels = {}
    if "characteristics" in aggregate:
        labels = dict(zip(aggregate["characteristics"]["variable"], aggregate["characteristics"]["label_as_printed"]))
    rows = []
    for field, variable, label in CHARACTERISTICS:
        stats = _statistics(cases[field])
        for printed in STATISTICS_AS_PRINTED:
            rows.append({"variable": variable, "label_as_printed": labels.get(variable, label),
                         "statistic_as_printed": printed, "value": stats[TABLE2_READING[printed]]})
    out["characteristics"] = pd.DataFrame(rows)

    # Table 3: states, a woman counted once per state
    mentions = _mentions(cases, "state_1", "state_2")
    counts = mentions.value_counts()
    printed = {}
    if "states" in aggregate:
        printed = dict(zip(aggregate["states"]["state_official"], aggregate["states"]["state_as_printed"]))
        mapped = dict(zip(aggregate["states"]["state_official"], aggregate["states"]["map_name"]))
    else:
        mapped = {}
    seen = [s for s in (aggregate["states"]["state_official"] if "states" in aggregate else []) if counts.get(s, 0) > 0]
    rest = sorted((s for s in counts.index if s not in seen), key=lambda s: (-counts[s], ENGLISH.get(s, s)))
    order = seen + rest
    out["states"] = pd.DataFrame({
        "state_as_printed": [printed.get(s, ENGLISH.get(s, s)) for s in order],
        "state_official": order,
        "map_name": [mapped.get(s, MAP_NAME.get(s, s)) for s in order],
        "n": [int(counts[s]) for s in order],
    }).astype({"n": "Int64"})

    # Table 4: months since the escape, in the package's bins (or the article's)
    if "time_since_escape" in aggregate:
        bins = [(r.bin_as_printed, int(r.min_months), None if pd.isna(r.max_months) else int(r.max_months))
                for r in aggregate["time_since_escape"].itertuples()]
    else:
        bins = DEFAULT_BINS
    n_bin = [0] * len(bins)
    for i, months in cases["months_since_escape"].items():
        hits = [k for k, (_, lo, hi) in enumerate(bins) if months >= lo and (hi is None or months <= hi)]
        if not hits:
            problems.append(Problem(fname, "case-in-a-bin",
                                    f"{months} months since the escape falls in no bin of Table 4 ({', '.join(b[0] for b in bins)}); "
                                    "give the package a time_since_escape resource whose bins cover it",
                                    line=study.line(RESOURCE, i), column="months_since_escape"))
        for k in hits[:1]:
            n_bin[k] += 1
    out["time_since_escape"] = pd.DataFrame({
        "bin_as_printed": [b[0] for b in bins], "min_months": [b[1] for b in bins],
        "max_months": pd.array([b[2] for b in bins], dtype="Int64"), "n": n_bin,
    }).astype({"min_months": "Int64", "n": "Int64"})

    # Table 5: networks by type and the sex of their leader, every crossing written
    pairs = pd.concat([
        cases[["network_type_1", "leader_sex_1"]].set_axis(["network_type", "leader_sex"], axis=1),
        cases[["network_type_2", "leader_sex_2"]].set_axis(["network_type", "leader_sex"], axis=1),
    ], ignore_index=True).replace("", pd.NA).dropna()
    types = list(study.frames["network_types"].sort_values("order_in_table")["network_type"]) if "network_types" in study.frames else []
    types += [t for t in NETWORK_TYPES if t not in types and (pairs["network_type"] == t).any()]
    types += sorted(t for t in pairs["network_type"].unique() if t not in types)
    rows = [{"network_type": t, "leader_sex": s,
             "n": int(((pairs["network_type"] == t) & (pairs["leader_sex"] == s)).sum())} for t in types for s in SEXES]
    out["leaders"] = pd.DataFrame(rows).astype({"n": "Int64"})

    totals = {"interviewees": int(len(cases)), "networks": int(len(pairs)), "state_mentions": int(len(mentions))}
    return out, totals, problems


# ---------------------------------------------------------------------------------------------
# checks


def compare(study: Study, derived: dict[str, pd.DataFrame], totals: dict) -> list[Problem]:
    """Every difference between the derived tables and the aggregates the package holds."""
    src = study.file(RESOURCE)
    out: list[Problem] = []

    def counts(name, keys, label, what):
        agg = study.frames[name]
        fname = study.file(name)
        key = lambda df: [tuple(r) for r in df[keys].astype(str).itertuples(index=False)]
        got = dict(zip(key(derived[name]), derived[name]["n"].astype(int)))
        listed = set()
        for i, (k, n) in enumerate(zip(key(agg), agg["n"])):
            listed.add(k)
            d = got.get(k, 0)
            if int(n) != d:
                out.append(Problem(fname, "cases-vs-aggregate",
                                   f"{label(k)}: n is {int(n)} here, but {d} {what} in {src}", line=study.line(name, i), column="n"))
        for k, d in got.items():
            if k not in listed and d:
                out.append(Problem(fname, "cases-vs-aggregate",
                                   f"{label(k)}: {d} {what} in {src}, but this table has no row for it", column=keys[0]))

    if "countries" in study.frames:
        counts("countries", ["country"], lambda k: k[0], "case records have this country")
    if "states" in study.frames:
        counts("states", ["state_official"], lambda k: ENGLISH.get(k[0], k[0]), "case records name this state")
    if "time_since_escape" in study.frames:
        counts("time_since_escape", ["bin_as_printed"], lambda k: f"bin '{k[0]}'", "case records fall in this bin")
    if "leaders" in study.frames:
        counts("leaders", ["network_type", "leader_sex"], lambda k: f"{k[0]} led by a {k[1]}", "such networks in the case records")
    if "characteristics" in study.frames:
        agg = study.frames["characteristics"]
        got = {(r.variable, r.statistic_as_printed): r.value for r in derived["characteristics"].itertuples()}
        for i, r in agg.iterrows():
            d = got.get((r["variable"], r["statistic_as_printed"]))
            if d is None or pd.isna(r["value"]):
                continue
            if abs(float(r["value"]) - d) > value_tolerance(r["value"]) + 1e-9:
                meaning = TABLE2_READING.get(r["statistic_as_printed"], r["statistic_as_printed"])
                out.append(Problem(study.file("characteristics"), "cases-vs-aggregate",
                                   f"{r['variable']} {r['statistic_as_printed']} (read as the {meaning}) is {r['value']:g} here, "
                                   f"but the case records in {src} give {d:.2f}", line=study.line("characteristics", i), column="value"))
    stated = dict(study.descriptor.get("study") or {})
    words = {"interviewees": "case records", "networks": "network mentions", "state_mentions": "state mentions"}
    for key, value in totals.items():
        if key in stated and stated[key] != value:
            out.append(Problem("datapackage.json", "cases-vs-aggregate",
                               f"study.{key} is {stated[key]}, but {src} holds {value} {words[key]}"))
    return out


def check_records(study: Study) -> list[Problem]:
    """The rules a single case record must follow beyond its schema."""
    df = study.frames[RESOURCE]
    fname = study.file(RESOURCE)
    out = []
    roster = study.frames.get("roster")
    by_pseudonym = roster.set_index("pseudonym") if roster is not None else None
    for i, r in df.iterrows():
        line = study.line(RESOURCE, i)
        who = f"case {r['case_id']}"
        if r["age_trafficked"] > r["age"]:
            out.append(Problem(fname, "case-timeline", f"{who}: age when trafficked ({r['age_trafficked']}) is above her age at the interview ({r['age']})",
                               line=line, column="age_trafficked"))
        elif r["months_trafficked"] + r["months_since_escape"] > 12 * (r["age"] - r["age_trafficked"] + 1):
            out.append(Problem(fname, "case-timeline",
                               f"{who}: {r['months_trafficked']} months trafficked and {r['months_since_escape']} months since the escape "
                               f"do not fit between age {r['age_trafficked']} and age {r['age']}", line=line, column="months_trafficked"))
        if r["state_2"] and r["state_2"] == r["state_1"]:
            out.append(Problem(fname, "case-pairs", f"{who}: state_2 repeats state_1 ('{r['state_1']}'); leave state_2 empty for one state",
                               line=line, column="state_2"))
        if bool(r["network_type_2"]) != bool(r["leader_sex_2"]):
            missing = "leader_sex_2" if r["network_type_2"] else "network_type_2"
            out.append(Problem(fname, "case-pairs", f"{who}: a second network needs both network_type_2 and leader_sex_2; {missing} is empty",
                               line=line, column=missing))
        if r["pseudonym"]:
            if by_pseudonym is None:
                out.append(Problem(fname, "case-roster", f"{who}: pseudonym '{r['pseudonym']}' given, but the package holds no roster",
                                   line=line, column="pseudonym"))
            elif r["pseudonym"] not in by_pseudonym.index:
                out.append(Problem(fname, "case-roster", f"{who}: pseudonym '{r['pseudonym']}' is not in the roster ({study.file('roster')})",
                                   line=line, column="pseudonym"))
            else:
                q = by_pseudonym.loc[r["pseudonym"]]
                for col in ("country", "age"):
                    if col in q and q[col] != r[col]:
                        out.append(Problem(fname, "case-roster",
                                           f"{who}: {col} is {r[col]}, but the roster gives {q[col]} for {r['pseudonym']}", line=line, column=col))
    dup = df["pseudonym"][df["pseudonym"] != ""]
    for i in dup[dup.duplicated()].index:
        out.append(Problem(fname, "case-roster", f"pseudonym '{df.at[i, 'pseudonym']}' is given to two case records",
                           line=study.line(RESOURCE, i), column="pseudonym"))
    return out


def schema_problems(study: Study) -> list[Problem]:
    """The package's ``cases`` resource must have this module's fields, with their types."""
    res = study.resource(RESOURCE)
    have = {f["name"]: f.get("type", "string") for f in res["schema"]["fields"]}
    out = []
    for f in SCHEMA["fields"]:
        if f["name"] not in have:
            out.append(Problem(study.file(RESOURCE), "case-schema", f"the schema of resource 'cases' lacks the field '{f['name']}' ({f['description']})",
                               column=f["name"]))
        elif have[f["name"]] != f["type"]:
            out.append(Problem(study.file(RESOURCE), "case-schema",
                               f"field '{f['name']}' must have type '{f['type']}', not '{have[f['name']]}'", column=f["name"]))
    return out


def apply(study: Study, bad: set[str] = frozenset()) -> list[Problem]:
    """Derive the annex resources from case records, if the package holds valid ones.

    Returns the problems found: schema mismatches, record-level rules, and every difference from
    the aggregates the package also holds. On success the derived resources replace the
    aggregates in ``study.frames`` and the derived totals complete ``study.study``.
    """
    if not study.has_resource(RESOURCE) or RESOURCE in bad or RESOURCE not in study.frames:
        return []
    problems = schema_problems(study)
    if problems:
        return problems
    records = study.frames[RESOURCE].fillna({"state_2": "", "network_type_2": "", "leader_sex_2": "", "pseudonym": ""})
    study.frames[RESOURCE] = records
    problems += check_records(study)
    for name in DERIVED:  # an aggregate that failed its own schema is neither used nor compared
        if name in bad:
            study.frames.pop(name, None)
    derived, totals, found = derive(records, study)
    problems += found + compare(study, derived, totals)
    for name, frame in derived.items():
        study.frames[name] = frame
        study.lines.pop(name, None)
        study.derived[name] = study.file(RESOURCE)
    study.totals = totals
    return problems
