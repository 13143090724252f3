"""Structured content of the two framing chapters: consent, and the methodology.

The consent chapter compares the two feminist readings of consent (``paradigms``) and places the
legal instruments the article discusses in time (``legal_milestones``). The methodology chapter
lists the five inclusion criteria (``inclusion_criteria``), the places of the interviews
(``interview_places``) and describes the sample with numbers taken from the annex tables.

Everything here is read from the data package; nothing is typed into a chapter. Citation keys
stored in the data are checked against ``references.bib`` by :func:`check`, so that a table
never cites a work the bibliography does not hold.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pandas as pd

from . import present as P
from . import tables
from .load import REPO_ROOT, DataPackageError, Problem, Study

BIBFILE = REPO_ROOT / "references.bib"
KEY_SEPARATOR = ";"
ARTICLE_KEY = "izcara2023"
YEAR_STATED = "stated in the article"
YEAR_NOT_GIVEN = "not given in the article"


# ---------------------------------------------------------------------------------------------
# citations


def bib_keys(path: Path | str = BIBFILE) -> set[str]:
    """The citation keys defined in a BibTeX file (parsed with pybtex, as Sphinx parses it)."""
    from pybtex.database import parse_file

    return set(parse_file(str(path)).entries.keys())


def split_keys(text: str) -> list[str]:
    """``'fraisse2012;lobasz2009'`` -> ``['fraisse2012', 'lobasz2009']``."""
    return [k.strip() for k in str(text).split(KEY_SEPARATOR) if k.strip()]


def cite(keys: list[str] | str, kind: str = "p") -> str:
    """A MyST citation role for one or more keys: ``{cite:p}`a,b```."""
    if isinstance(keys, str):
        keys = split_keys(keys)
    return f"{{cite:{kind}}}`{','.join(keys)}`"


def cited_keys(study: Study) -> dict[str, set[str]]:
    """Every citation key stored in the framing resources, by resource."""
    out: dict[str, set[str]] = {}
    if "paradigms" in study:
        df = study["paradigms"]
        out["paradigms"] = {k for col in ("neo_abolitionist_sources", "pro_rights_sources") for v in df[col] for k in split_keys(v)}
    if "legal_milestones" in study:
        out["legal_milestones"] = {k for v in study["legal_milestones"]["sources"] for k in split_keys(v)}
    return out


# ---------------------------------------------------------------------------------------------
# checks beyond the schema


def _consecutive(study: Study, name: str, column: str) -> list[Problem]:
    values = sorted(int(v) for v in study[name][column])
    if values != list(range(1, len(values) + 1)):
        return [Problem(study.file(name), "consecutive-order", f"'{column}' must run 1, 2, ... {len(values)} without gaps; found {values}", column=column)]
    return []


def check(study: Study, bibfile: Path | str = BIBFILE) -> list[Problem]:
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


def require(study: Study, bibfile: Path | str = BIBFILE) -> Study:
    """Raise :class:`DataPackageError` listing every problem found by :func:`check`."""
    problems = check(study, bibfile)
    if problems:
        raise DataPackageError(study.path, problems)
    return study


# ---------------------------------------------------------------------------------------------
# consent: the two paradigms, the legal milestones


PARADIGM_HEADER = ["Dimension", "Neo-abolitionist feminism", "Pro-rights feminism"]


def paradigms(study: Study) -> pd.DataFrame:
    return study["paradigms"].sort_values("order").reset_index(drop=True)


def paradigm_rows(study: Study) -> list[list[str]]:
    """One row per dimension: label, then each paradigm's position followed by its citations."""
    return [[r.dimension_label,
             f"{r.neo_abolitionist} {cite(r.neo_abolitionist_sources)}",
             f"{r.pro_rights} {cite(r.pro_rights_sources)}"] for r in paradigms(study).itertuples()]


def paradigm_table(study: Study):
    return P.myst_table(paradigm_rows(study), PARADIGM_HEADER, label="tbl-consent-paradigms", widths=[16, 42, 42],
                        caption="Two feminist readings of consent in sex trafficking, as the article presents them.")


def milestones(study: Study) -> pd.DataFrame:
    return study["legal_milestones"].sort_values("order").reset_index(drop=True)


def year_label(year, short: bool = False) -> str:
    if pd.isna(year):
        return "Year not given" if short else "Not given in the article"
    return str(int(year))


MILESTONE_HEADER = ["Year", "Instrument", "Jurisdiction", "What it does to consent"]


def milestone_rows(study: Study) -> list[list[str]]:
    return [[year_label(r.year), r.instrument, r.jurisdiction, f"{r.consent_rule} {cite(r.sources)}"]
            for r in milestones(study).itertuples()]


def milestone_table(study: Study):
    return P.myst_table(milestone_rows(study), MILESTONE_HEADER, label="tbl-consent-milestones", widths=[14, 30, 14, 42],
                        caption="The legal instruments the article discusses, in time order.")


def timeline_chart(study: Study, width: int = 560):
    """A timeline of the legal milestones, one mark per instrument in time order (colours, fonts
    and legends come from the book's theme, ``trata.charts``).

    The axis is the order of the instruments, not a scale of years: the article dates the two
    Mexican laws but not the Palermo Protocol, and the figure must not place it at a year the
    source does not give. Each mark is labelled with its year as stated, or says it is not given.
    """
    import altair as alt

    ms = milestones(study)
    names_wrapped = [textwrap.wrap(s, 26) for s in ms["instrument"]]
    rules_wrapped = [textwrap.wrap(s, 30) for s in ms["consent_rule"]]
    data = pd.DataFrame({
        "order": ms["order"].astype(int),
        "year": [year_label(y, short=True) for y in ms["year"]],
        "instrument": ["\n".join(w) for w in names_wrapped],
        "jurisdiction": ms["jurisdiction"],
        "rule": ["\n".join(w) for w in rules_wrapped],
        "year_status": ms["year_status"],
    })
    n = len(data)
    # vertical layout in pixels: the line 50 px from the top, names below it, then the rules
    top, line_height = 50, 15
    rule_dy = 22 + line_height * max(len(w) for w in names_wrapped) + 12
    height = top + rule_dy + line_height * max(len(w) for w in rules_wrapped) + 8
    xs = alt.Scale(domain=[0.5, n + 0.5])
    x = alt.X("order:Q", axis=None, scale=xs)
    y = alt.YDatum(0, scale=alt.Scale(domain=[-(height - top) / top, 1]), axis=None)
    base = alt.Chart(data)
    line = alt.Chart(pd.DataFrame({"start": [0.6], "end": [n + 0.4]})).mark_rule(strokeWidth=2).encode(
        x=alt.X("start:Q", scale=xs, axis=None), x2="end:Q", y=y)
    points = base.mark_point(filled=True, size=220, opacity=1).encode(
        x=x, y=y,
        shape=alt.Shape("year_status:N", title="Year",
                        scale=alt.Scale(domain=[YEAR_STATED, YEAR_NOT_GIVEN], range=["circle", "diamond"])),
        color=alt.Color("jurisdiction:N", title="Jurisdiction", scale=alt.Scale(domain=["International", "Mexico"])),
        tooltip=[alt.Tooltip("year:N", title="Year"), alt.Tooltip("instrument:N", title="Instrument"),
                 alt.Tooltip("jurisdiction:N", title="Jurisdiction"), alt.Tooltip("rule:N", title="Consent")],
    )
    years = base.mark_text(dy=-22, fontWeight="bold", fontSize=13, lineBreak="\n").encode(x=x, y=y, text="year:N")
    names = base.mark_text(dy=22, baseline="top", lineBreak="\n").encode(x=x, y=y, text="instrument:N")
    rules = base.mark_text(dy=rule_dy, baseline="top", fontSize=11, fontStyle="italic", lineBreak="\n").encode(x=x, y=y, text="rule:N")
    return alt.layer(line, points, years, names, rules).properties(
        width=width, height=height, title="What each instrument does to the victim's consent")


def timeline_alt_text(study: Study) -> str:
    parts = [f"{r.instrument} ({year_label(r.year).lower()}, {r.jurisdiction}): {r.consent_rule}."
             for r in milestones(study).itertuples()]
    return "Timeline of the legal instruments the article discusses, in time order. " + " ".join(parts)


# ---------------------------------------------------------------------------------------------
# methodology: the criteria, the places, the sample


CRITERIA_HEADER = ["No.", "Criterion", "What had to hold", "Checked before every interview"]


def criteria(study: Study) -> pd.DataFrame:
    return study["inclusion_criteria"].sort_values("number").reset_index(drop=True)


def criteria_rows(study: Study) -> list[list[str]]:
    return [[str(int(r.number)), r.aspect, r.criterion, "☑ required" if r.required else "☐ not required"]
            for r in criteria(study).itertuples()]


def criteria_table(study: Study):
    return P.myst_table(criteria_rows(study), CRITERIA_HEADER, label="tbl-methodology-criteria", widths=[6, 18, 52, 24],
                        caption="The five inclusion criteria: an interview began only once all five were corroborated.")


def interview_places(study: Study) -> dict[str, list[str]]:
    df = study["interview_places"].sort_values("order_in_text")
    return {country: list(g["place"]) for country, g in df.groupby("country", sort=False)}


def join_words(items: list[str]) -> str:
    """``['a', 'b', 'c']`` -> ``'a, b and c'``."""
    items = [str(i) for i in items]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _num(x):
    """A plain Python number (glue shows numpy scalars by their repr)."""
    f = float(x)
    return int(f) if f.is_integer() else f


SAMPLE_HEADER = ["Characteristic", "Minimum", "Median", "Mean", "Mode", "Maximum"]
SAMPLE_LABELS = {"age": "Age at interview (years)", "education": "Schooling (years)",
                 "age_trafficked": "Age when trafficked (years)", "months_trafficked": "Months in the trafficking situation"}


def sample_rows(study: Study) -> list[list[str]]:
    """Table 2 as the book reads it (``tables.table2_read``): statistics under their own names."""
    t = tables.table2_read(study)
    return [[SAMPLE_LABELS.get(r["variable"], r["label_as_printed"])] +
            [P.fmt_number(r[s]) for s in ("min", "median", "mean", "mode", "max")] for r in t.to_dict("records")]


def sample_table(study: Study):
    return P.myst_table(sample_rows(study), SAMPLE_HEADER, label="tbl-methodology-sample", widths=[32, 13, 13, 13, 13, 16],
                        caption="The interviewees at a glance: the article's Table 2 with each column named for the statistic it holds.")


def sample_facts(study: Study) -> dict[str, object]:
    """Every number the methodology chapter states, keyed by a short name, as plain Python values.

    Means and medians follow ``tables.table2_read`` (the printed 'Median' column read as the mean).
    Shares are of the interviewees, formatted with the article's one decimal place.
    """
    n = tables.interviewees(study)
    facts: dict[str, object] = {"interviewees": n, "networks": tables.networks(study)}
    facts["two_networks"] = facts["networks"] - n

    t1 = tables.table1(study)
    countries = t1[t1["country"] != "Total"]
    facts["countries_k"] = len(countries)
    facts["countries_list"] = join_words([f"{r.country} ({int(r.n)})" for r in countries.itertuples()])
    top = countries.sort_values("n", ascending=False).iloc[0]
    facts["top_country"] = str(top["country"])
    facts["top_country_n"] = int(top["n"])
    facts["top_country_share"] = P.fmt_share(top["share"])

    read = tables.table2_read(study).set_index("variable")
    for var, prefix in (("age", "age"), ("education", "education"), ("age_trafficked", "trafficked_age"), ("months_trafficked", "months")):
        for stat in ("min", "median", "mean", "mode", "max"):
            facts[f"{prefix}_{stat}"] = _num(read.loc[var, stat])

    t3 = tables.table3(study)
    states = t3[t3["state_as_printed"] != "Total"].sort_values("n", ascending=False, kind="stable")
    facts["states_k"] = len(states)
    facts["state_mentions"] = int(states["n"].sum())
    facts["two_states"] = facts["state_mentions"] - n
    facts["states_top"] = join_words([f"{r.state_as_printed} ({int(r.n)} women, {P.fmt_share(r.share)}%)" for r in states.head(3).itertuples()])
    facts["states_single_k"] = int((states["n"] == 1).sum())

    t4 = tables.table4(study)
    bins = t4[t4["bin_as_printed"] != "Total"].sort_values("min_months")
    first = bins.iloc[0]
    facts["escape_first_max"] = int(first["max_months"]) + 1  # "< 3": fewer than three months
    facts["escape_first_n"] = int(first["n"])
    facts["escape_first_share"] = P.fmt_share(first["share"])
    last = bins.iloc[-1]
    facts["escape_last_min"] = int(last["min_months"])
    facts["escape_last_n"] = int(last["n"])
    facts["escape_last_share"] = P.fmt_share(last["share"])

    years = study.study.get("interview_years") or {}
    facts["year_first"] = int(years["first"])
    facts["year_last"] = int(years["last"])
    places = interview_places(study)
    facts["places_mexico"] = join_words(places.get("Mexico", []))
    facts["places_mexico_k"] = len(places.get("Mexico", []))
    facts["places_us"] = join_words(places.get("United States", []))
    facts["places_us_k"] = len(places.get("United States", []))
    facts["criteria_k"] = len(criteria(study))
    facts["quoted_k"] = len(study["roster"]) if "roster" in study else 0
    return facts
