"""The study's rules on the structured coding the chapters read: the profile chapter's typology,
women's positions and excerpts, and the framing chapters' paradigms, legal milestones and
inclusion criteria (whose citation keys must be defined in ``references.bib``).

How a rule is written and run: :mod:`trata.data.rulebook`.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pandas as pd
from pybtex.database import parse_file

from ..core.paths import BIBFILE
from ..core.problems import Problem
from ..core.vocabulary import split_keys
from .rulebook import enum, registry
from .study import Study

RULES: list = []
rule = registry(RULES)

#: How ``legal_milestones.year_status`` says the article states a year.
YEAR_STATED = "stated in the article"


@rule("complete-crossing", "described-agrees-with-code")
def typology_is_complete(study) -> list[Problem]:
    """The typology codes every network type on every dimension, and a dimension the article does
    not describe is coded 'not_described' (and only then)."""
    out = []
    if "typology" not in study or "network_types" not in study:
        return out
    df = study["typology"]
    dims = enum(study, "typology", "dimension", list(dict.fromkeys(df["dimension"])))
    have = set(zip(df["network_type"], df["dimension"]))
    for t in study["network_types"]["network_type"]:
        for dim in dims:
            if (t, dim) not in have:
                out.append(Problem(study.file("typology"), "complete-crossing",
                                   f"no row for network type '{t}' on dimension '{dim}' (write code 'not_described' if the article says nothing)"))
    for i, row in df.iterrows():
        if (row["code"] == "not_described") == bool(row["described"]):
            out.append(Problem(study.file("typology"), "described-agrees-with-code",
                               f"{row['network_type']}/{row['dimension']}: code '{row['code']}' but described = {row['described']}",
                               line=study.line("typology", i), column="described"))
    return out


@rule("complete-crossing", "line-agrees-with-motive")
def every_network_type_has_women_positions(study) -> list[Problem]:
    """Every network type has at least one row in women_positions; a victim who acted against no one
    has no motive and no ground, and a woman who did act has both."""
    out = []
    if "women_positions" not in study or "network_types" not in study:
        return out
    df = study["women_positions"]
    for t in sorted(set(study["network_types"]["network_type"]) - set(df["network_type"])):
        out.append(Problem(study.file("women_positions"), "complete-crossing", f"no position for network type '{t}'"))
    for i, row in df.iterrows():
        victim_only = row["line"] == "victim"
        if victim_only != (row["motive"] == "not_applicable") or victim_only != (row["gallagher_basis"] == "not_applicable"):
            out.append(Problem(study.file("women_positions"), "line-agrees-with-motive",
                               f"{row['position_id']}: line '{row['line']}' with motive '{row['motive']}' and ground '{row['gallagher_basis']}'",
                               line=study.line("women_positions", i), column="motive"))
        if row["motive"] == "profit" and row["gallagher_basis"] != "none":
            out.append(Problem(study.file("women_positions"), "line-agrees-with-motive",
                               f"{row['position_id']}: acting for profit gives no ground for not charging her, but gallagher_basis is '{row['gallagher_basis']}'",
                               line=study.line("women_positions", i), column="gallagher_basis"))
    return out


@rule("agrees-with-roster", "complete-crossing")
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
            out.append(Problem(study.file("excerpts"), "agrees-with-roster",
                               f"{row['excerpt_id']}: roster_year {row['roster_year']} but the roster lists {row['pseudonym']} in {years[row['pseudonym']]}",
                               line=study.line("excerpts", i), column="roster_year"))
        if bool(row["year_differs"]) != (row["year_as_cited"] != row["roster_year"]):
            out.append(Problem(study.file("excerpts"), "agrees-with-roster",
                               f"{row['excerpt_id']}: year_differs is {row['year_differs']} but the years are {row['year_as_cited']} and {row['roster_year']}",
                               line=study.line("excerpts", i), column="year_differs"))
    if "network_types" in study:
        for t in sorted(set(study["network_types"]["network_type"]) - set(df["network_type"])):
            out.append(Problem(study.file("excerpts"), "complete-crossing", f"no excerpt for network type '{t}'"))
    return out


# ---------------------------------------------------------------------------------------------
# the framing chapters' resources (paradigms, legal milestones, inclusion criteria)


def bib_keys(path: Path | str = BIBFILE) -> set[str]:
    """The citation keys defined in a BibTeX file (parsed with pybtex, as Sphinx parses it)."""
    return set(parse_file(str(path)).entries.keys())


def cited_keys(study: Study) -> dict[str, set[str]]:
    """Every citation key stored in the framing resources, by resource."""
    out: dict[str, set[str]] = {}
    if "paradigms" in study:
        df = study["paradigms"]
        out["paradigms"] = {k for col in ("neo_abolitionist_sources", "pro_rights_sources") for v in df[col] for k in split_keys(v)}
    if "legal_milestones" in study:
        out["legal_milestones"] = {k for v in study["legal_milestones"]["sources"] for k in split_keys(v)}
    return out


def _consecutive(study: Study, name: str, column: str) -> list[Problem]:
    values = sorted(int(v) for v in study[name][column])
    if values != list(range(1, len(values) + 1)):
        return [Problem(study.file(name), "consecutive-order", f"'{column}' must run 1, 2, ... {len(values)} without gaps; found {values}", column=column)]
    return []


def framing_problems(study: Study, bibfile: Path | str = BIBFILE) -> list[Problem]:
    """Problems in the framing resources that the Frictionless schema cannot express.

    * every citation key in ``paradigms`` and ``legal_milestones`` is defined in references.bib;
    * a milestone has a year exactly when ``year_status`` says the article states one;
    * dated milestones are in time order, and the orders are 1, 2, ... n;
    * the inclusion criteria are numbered 1 to 5 and every one is required.
    """
    problems: list[Problem] = []
    known = bib_keys(bibfile)
    for name, keys in cited_keys(study).items():
        for key in sorted(keys - known):
            problems.append(Problem(study.file(name), "citation-key", f"citation key '{key}' is not defined in {Path(bibfile).name}"))
    if "legal_milestones" in study:
        ms = study["legal_milestones"]
        for i, r in ms.iterrows():
            has_year = not pd.isna(r["year"])
            if has_year != (r["year_status"] == YEAR_STATED):
                problems.append(Problem(study.file("legal_milestones"), "year-status",
                                        f"{r['milestone']}: year is {'given' if has_year else 'empty'} but year_status is '{r['year_status']}'",
                                        line=int(i) + 2, column="year"))
        problems += _consecutive(study, "legal_milestones", "order")
        dated = ms.dropna(subset=["year"]).sort_values("order")
        if not dated["year"].is_monotonic_increasing:
            problems.append(Problem(study.file("legal_milestones"), "time-order", "dated milestones are not in the order of their years", column="order"))
    if "paradigms" in study:
        problems += _consecutive(study, "paradigms", "order")
    if "inclusion_criteria" in study:
        crit = study["inclusion_criteria"]
        if sorted(int(n) for n in crit["number"]) != [1, 2, 3, 4, 5]:
            problems.append(Problem(study.file("inclusion_criteria"), "five-criteria", "the study states five criteria, numbered 1 to 5", column="number"))
        if not crit["required"].all():
            problems.append(Problem(study.file("inclusion_criteria"), "all-required", "every interviewee met all five criteria: 'required' must be true", column="required"))
    return problems


@rule("citation-key", "year-status", "consecutive-order", "time-order", "five-criteria", "all-required")
def framing_resources_are_consistent(study) -> list[Problem]:
    """The framing chapters' resources hold together (``trata.data.coding_rules.framing_problems``): every citation key
    in the paradigms and legal milestones is defined in references.bib; a milestone has a year
    exactly when the article states one, dated milestones are in time order, orders run 1, 2, ...;
    the five inclusion criteria are numbered 1 to 5 and all required."""
    if not {"paradigms", "legal_milestones", "inclusion_criteria"} & set(study.frames):
        return []
    out = []
    for p in framing_problems(study):
        key = re.search(r"citation key '([^']+)'", p.message)
        if key and p.line is None:  # locate the cell that cites it
            name = next((r["name"] for r in study.descriptor["resources"] if r.get("path") == p.file), None)
            if name in study.frames:
                df = study.frames[name]
                hits = [(i, c) for c in df.columns for i, v in df[c].items()
                        if isinstance(v, str) and key.group(1) in split_keys(v)]
                if hits:
                    i, c = hits[0]
                    p = dataclasses.replace(p, line=study.line(name, i), column=c)
        out.append(p)
    return out
