"""The consistency audit over the data package: every check of :mod:`trata.analyse.audit_checks`
and :mod:`trata.analyse.audit_text` fed from the study, in the order of the chapter.

:func:`run` gives the records. Other chapters ask for the book's choice where the article
contradicts itself with :func:`chosen` (a value and a one-line reason), :func:`explain`,
:func:`interview_year` and :func:`table2_value`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, replace

import pandas as pd

from ..core import mapfile
from ..data.study import Study
from ..data.validate import load
from ..derive import tables
from . import reconcile
from .audit_checks import (
    CONSISTENT,
    INCONSISTENT,
    NEARLY_POINTS,
    READINGS,
    TABLE2_CHECKS,
    VERDICTS,
    WHOLE_NUMBERS,
    Choice,
    Record,
    counts_add_up,
    means_possible,
    medians_possible,
    order_possible,
    samples_possible,
    shares_add_up,
    shares_match_counts,
    which_reading,
)
from .audit_text import (
    bins_cover,
    citation_surnames_match,
    citation_years_match,
    excerpts_fit_their_dates,
    interview_years_match_roster,
    labels_match_text,
    places_are_entities,
    pseudonyms_match_roster,
    references_cited,
    roster_ages_within,
    roster_cited,
    roster_within_table1,
    roster_years_within,
    same_order,
    sex_headings_parallel,
    text_agrees_with_tables,
)

__all__ = ["CHECKS", "CONSISTENT", "INCONSISTENT", "NEARLY_POINTS", "READINGS", "Choice", "Record", "chosen",
           "choices", "counts", "explain", "frame", "interview_year", "run", "table2_value"]

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
    entities = len(mapfile.known_names())
    q = {
        "interviewees": interviewees,
        "countries": float(((t1["row"] == "n") & (t1["column"] != "Total")).sum()),
        "interview_year_first": float(roster["interview_year"].min()),
        "interview_year_last": float(roster["interview_year"].max()),
        "federal_entities_pct": 100 * ((t3["column"] == "n") & (t3["row"] != "Total")).sum() / entities,
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


def _printed_state_mentions(study: Study) -> float:
    """The total of Table 3 as the article's note prints it (the claim 'table3-note-total'), else the
    descriptor's stated total."""
    claims = study["text_claims"]
    hit = claims[claims["claim_id"] == "table3-note-total"]
    return float(hit["claimed_value"].iloc[0]) if len(hit) else float(study.study["state_mentions"])


def _arithmetic(study: Study) -> list[Record]:
    out = []
    t1 = _printed(study, "table1")
    t1n = t1[t1["row"] == "n"]
    out += counts_add_up("Table 1", [("n by country", t1n.loc[t1n["column"] != "Total", "printed"].astype(float).tolist(),
                                      float(_cell(study, "table1", "n", "Total")))])
    t3 = _printed(study, "table3")
    out += counts_add_up("Table 3", [("n by state, against the note's total", t3.loc[t3["column"] == "n", "printed"].astype(float).tolist(),
                                      _printed_state_mentions(study))])
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

    # printed shares against printed counts: the article checked against itself, whatever the package holds
    shares = reconcile.printed_shares(study)
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
    out += places_are_entities(list(states["state_as_printed"]), mapfile.known_names(),
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
