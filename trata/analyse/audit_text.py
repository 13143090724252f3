"""The consistency audit, part two: the text against the tables, bins, names and labels, the
citations, and the quoted interviewees against the tables (see :mod:`trata.analyse.audit_checks`)."""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from ..core.precision import tolerance
from ..core.vocabulary import CAPITAL, ENTITY_ALIASES
from .audit_checks import (
    CANNOT_TELL,
    CONSISTENT,
    INCONSISTENT,
    NEARLY_POINTS,
    Choice,
    Record,
    _fmt,
    _Item,
    _records,
    rule_of,
)

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
        return abs(actual - c) <= tolerance(claimed) + 1e-9
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


