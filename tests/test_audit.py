"""The consistency audit: every check passes a consistent made-up case and fails a broken one;
over the real data package it finds the article's known inconsistencies, and only those."""

from __future__ import annotations

import itertools
from collections import Counter

import htmlpage
import pandas as pd
import pytest
from packages import rewrite

import trata
from trata.analyse import audit, audit_checks, audit_text
from trata.analyse.audit_checks import CANNOT_TELL, CONSISTENT, INCONSISTENT
from trata.core import precision
from trata.present import findings


def verdicts(records):
    return [r.verdict for r in records]


def worst(records):
    return audit_checks._worst(verdicts(records))


# ---------------------------------------------------------------------------------------------
# small made-up inputs


def share_report(cells):
    """A reconcile-style report of share cells: (row, column, printed, count, base)."""
    rows = []
    for row, column, printed, n, base in cells:
        derived = 100 * n / base
        tol = precision.tolerance(printed)
        rows.append({"table": "t", "row": row, "column": column, "printed": printed, "derived": derived,
                     "tolerance": tol, "difference": float(printed) - derived,
                     "status": "match" if abs(float(printed) - derived) <= tol + 1e-9 else "mismatch"})
    return pd.DataFrame(rows)


def summaries(**by_var):
    return {v: dict(zip(("mean", "median", "mode", "min", "max"), vals)) for v, vals in by_var.items()}


def citations(*rows):
    cols = ["citation_id", "section", "form", "kind", "names_as_printed", "et_al", "year_as_printed", "pages_as_printed",
            "key", "pseudonym", "is_quotation", "dated_by", "events_not_before", "dating_evidence"]
    out = []
    for i, r in enumerate(rows, 1):
        d = {"citation_id": i, "section": "Introduction", "form": "parenthetical", "et_al": False, "pages_as_printed": "",
             "key": "", "pseudonym": "", "is_quotation": False, "dated_by": "", "events_not_before": pd.NA,
             "dating_evidence": ""} | r
        out.append(d)
    return pd.DataFrame(out, columns=cols)


def work(names, year, key, et_al=False):
    return {"kind": "work", "names_as_printed": names, "year_as_printed": year, "key": key, "et_al": et_al}


def interview(name, year, pseudonym=None, dated_by="none", not_before=pd.NA):
    return {"kind": "interview", "names_as_printed": name, "year_as_printed": year, "pseudonym": pseudonym or name,
            "dated_by": dated_by, "events_not_before": not_before, "is_quotation": True}


REFS = pd.DataFrame([
    {"key": "agustin2007", "surnames": "Agustín", "et_al": False, "year": 2007},
    {"key": "correacabrera2018", "surnames": "Correa Cabrera; Sanders Montandon", "et_al": False, "year": 2018},
    {"key": "acharya2016", "surnames": "Acharya", "et_al": True, "year": 2016},
])

ROSTER = pd.DataFrame([
    {"pseudonym": "Ana", "age": 23, "country": "El Salvador", "interview_year": 2014},
    {"pseudonym": "Verónica", "age": 24, "country": "Guatemala", "interview_year": 2022},
    {"pseudonym": "Remedios", "age": 22, "country": "El Salvador", "interview_year": 2015},
])


# ---------------------------------------------------------------------------------------------
# one passing and one failing case per check

def _claims(quantity, claimed, comparison):
    return pd.DataFrame([{"claim_id": "c", "section": "Methodology", "text_as_printed": "x", "quantity": quantity,
                          "claimed_value": claimed, "comparison": comparison, "compared_with": "Table"}])


CASES = {
    audit_checks.counts_add_up: (
        lambda: audit_checks.counts_add_up("T", [("n", [32, 19, 24], 75)]),
        lambda: audit_checks.counts_add_up("T", [("n", [32, 19, 24], 76)]),
    ),
    audit_checks.shares_match_counts: (
        lambda: audit_checks.shares_match_counts("T", share_report([("a", "Total %", "48.1", 37, 77), ("b", "Total %", "16.9", 13, 77),
                                                             ("c", "Total %", "35.1", 27, 77)])),
        lambda: audit_checks.shares_match_counts("T", share_report([("a", "Total %", "48.0", 37, 77), ("b", "Total %", "16.9", 13, 77),
                                                             ("c", "Total %", "35.1", 27, 77)])),
    ),
    audit_checks.shares_add_up: (
        lambda: audit_checks.shares_add_up("T", [("%", ["48.1", "16.9", "35.1"], 100.0)]),
        lambda: audit_checks.shares_add_up("T", [("%", ["48.1", "16.9", "33.1"], 100.0)]),
    ),
    audit_checks.means_possible: (
        lambda: audit_checks.means_possible(summaries(age=("3.47", "3", "3", "1", "5")), 15, {"age": True}, "r"),
        lambda: audit_checks.means_possible(summaries(age=("3.48", "3", "3", "1", "5")), 15, {"age": True}, "r"),
    ),
    audit_checks.medians_possible: (
        lambda: audit_checks.medians_possible(summaries(age=("24.7", "24", "21", "19", "36")), 75, {"age": True}, "r"),
        lambda: audit_checks.medians_possible(summaries(age=("24", "24.7", "21", "19", "36")), 75, {"age": True}, "r"),
    ),
    audit_checks.order_possible: (
        lambda: audit_checks.order_possible(summaries(age=("24.7", "24", "21", "19", "36")), 75, {"age": True}, "r"),
        lambda: audit_checks.order_possible(summaries(age=("24.7", "24", "18", "19", "36")), 75, {"age": True}, "r"),
    ),
    audit_checks.samples_possible: (
        lambda: audit_checks.samples_possible(summaries(x=("3.2", "3", "3", "1", "5")), 5, {"x": True}, "r"),
        lambda: audit_checks.samples_possible(summaries(x=("2.4", "3", "3", "1", "5")), 5, {"x": True}, "r"),
    ),
    audit_checks.which_reading: (
        lambda: audit_checks.which_reading({"as labelled": audit_checks.medians_possible(summaries(a=("24.7", "24", "21", "19", "36")), 75, {"a": True}, "as labelled"),
                                     "Median and Mean swapped": audit_checks.medians_possible(summaries(a=("24", "24.7", "21", "19", "36")), 75, {"a": True}, "s")}),
        lambda: audit_checks.which_reading({"as labelled": audit_checks.medians_possible(summaries(a=("24", "24.7", "21", "19", "36")), 75, {"a": True}, "as labelled"),
                                     "Median and Mean swapped": audit_checks.medians_possible(summaries(a=("24.7", "24", "21", "19", "36")), 75, {"a": True}, "s")}),
    ),
    audit_text.text_agrees_with_tables: (
        lambda: audit_text.text_agrees_with_tables(_claims("q", "5", "rounds_to"), {"q": 5.2}),
        lambda: audit_text.text_agrees_with_tables(_claims("q", "5", "rounds_to"), {"q": 5.6}),
    ),
    audit_text.bins_cover: (
        lambda: audit_text.bins_cover([("< 3", 0, 2), ("3 - 5", 3, 5), ("6 - 14", 6, 14), (">= 15", 15, None)]),
        lambda: audit_text.bins_cover([("< 3", 0, 2), ("3 - 5", 3, 5), ("6 - 14", 6, 14), ("> 15", 16, None)]),
    ),
    audit_text.places_are_entities: (
        lambda: audit_text.places_are_entities(["Chiapas", "Mexico City", "State of Mexico"], {"Chiapas", "Distrito Federal", "México"}),
        lambda: audit_text.places_are_entities(["Chiapas", "Guadalajara"], {"Chiapas", "Jalisco"}, {"Guadalajara": "Jalisco"}),
    ),
    audit_text.sex_headings_parallel: (
        lambda: audit_text.sex_headings_parallel(["Men", "Women"]),
        lambda: audit_text.sex_headings_parallel(["Males", "Women"]),
    ),
    audit_text.labels_match_text: (
        lambda: audit_text.labels_match_text({"n": "Nightclub owners"}, {"n": ["nightclub owners", "Nightclub Owners"]}),
        lambda: audit_text.labels_match_text({"n": "Nighclub owners"}, {"n": ["nightclub owners", "Nightclub Owners"]}),
    ),
    audit_text.same_order: (
        lambda: audit_text.same_order("types", ["a", "b", "c"], ["a", "b", "c"]),
        lambda: audit_text.same_order("types", ["a", "c", "b"], ["a", "b", "c"]),
    ),
    audit_text.citation_surnames_match: (
        lambda: audit_text.citation_surnames_match(citations(work("Agustín", 2007, "agustin2007")), REFS),
        lambda: audit_text.citation_surnames_match(citations(work("Augustine", 2007, "agustin2007")), REFS),
    ),
    audit_text.citation_years_match: (
        lambda: audit_text.citation_years_match(citations(work("Agustín", 2007, "agustin2007")), REFS),
        lambda: audit_text.citation_years_match(citations(work("Agustín", 2008, "agustin2007")), REFS),
    ),
    audit_text.references_cited: (
        lambda: audit_text.references_cited(citations(work("Agustín", 2007, "agustin2007"), work("Acharya", 2016, "acharya2016", True),
                                                 work("Correa Cabrera; Sanders Montandon", 2018, "correacabrera2018")), REFS),
        lambda: audit_text.references_cited(citations(work("Agustín", 2007, "agustin2007")), REFS),
    ),
    audit_text.pseudonyms_match_roster: (
        lambda: audit_text.pseudonyms_match_roster(citations(interview("Verónica", 2022)), ROSTER),
        lambda: audit_text.pseudonyms_match_roster(citations(interview("Veronica", 2022, "Verónica")), ROSTER),
    ),
    audit_text.interview_years_match_roster: (
        lambda: audit_text.interview_years_match_roster(citations(interview("Remedios", 2015)), ROSTER),
        lambda: audit_text.interview_years_match_roster(citations(interview("Remedios", 2021)), ROSTER),
    ),
    audit_text.excerpts_fit_their_dates: (
        lambda: audit_text.excerpts_fit_their_dates(citations(interview("Verónica", 2022, dated_by="excerpt", not_before=2018)), ROSTER),
        lambda: audit_text.excerpts_fit_their_dates(citations(interview("Remedios", 2021, dated_by="excerpt", not_before=2018)), ROSTER),
    ),
    audit_text.roster_cited: (
        lambda: audit_text.roster_cited(citations(interview("Ana", 2014), interview("Verónica", 2022), interview("Remedios", 2015)), ROSTER),
        lambda: audit_text.roster_cited(citations(interview("Ana", 2014), interview("Remedios", 2015)), ROSTER),
    ),
    audit_text.roster_within_table1: (
        lambda: audit_text.roster_within_table1({"Colombia": 2, "Belize": 1}, {"Colombia": 2, "Belize": 1}),
        lambda: audit_text.roster_within_table1({"Colombia": 3, "Belize": 1}, {"Colombia": 2, "Belize": 1}),
    ),
    audit_text.roster_ages_within: (
        lambda: audit_text.roster_ages_within({"Claudia": 19, "Cristina": 36}, 19, 36),
        lambda: audit_text.roster_ages_within({"Claudia": 18, "Cristina": 36}, 19, 36),
    ),
    audit_text.roster_years_within: (
        lambda: audit_text.roster_years_within({"Adela": 2013, "Yolanda": 2022}, 2013, 2022),
        lambda: audit_text.roster_years_within({"Adela": 2012, "Yolanda": 2022}, 2013, 2022),
    ),
}


def test_every_check_has_a_passing_and_a_failing_case():
    assert set(CASES) == set(audit.CHECKS)


@pytest.mark.parametrize("check", audit.CHECKS, ids=lambda f: f.__name__)
def test_check_passes_consistent_input(check):
    records = CASES[check][0]()
    assert records and verdicts(records) == [CONSISTENT] * len(records)
    # the record states the check's rule (the claims check adds which comparison applies)
    assert all(r.check == check.__name__ and r.rule.startswith(audit_checks.rule_of(check).split(":")[0]) for r in records)


@pytest.mark.parametrize("check", audit.CHECKS, ids=lambda f: f.__name__)
def test_check_fails_inconsistent_input(check):
    records = CASES[check][1]()
    bad = [r for r in records if r.verdict == INCONSISTENT]
    assert bad, f"{check.__name__} found nothing wrong"
    assert all(r.detail for r in bad)


@pytest.mark.parametrize("check", audit.CHECKS, ids=lambda f: f.__name__)
def test_every_check_states_its_rule(check):
    rule = audit_checks.rule_of(check)
    assert len(rule.split()) >= 8 and rule.endswith(".")


# ---------------------------------------------------------------------------------------------
# the checks' details


def test_adjusted_share_is_diagnosed():
    rec = CASES[audit_checks.shares_match_counts][1]()
    bad = [r for r in rec if r.verdict == INCONSISTENT]
    assert len(bad) == 1 and "adjusted so that the column totals 100" in bad[0].detail
    assert bad[0].book_value == "48.1"
    # an off share in a column that does not add to 100 is not called an adjustment
    rec = audit_checks.shares_match_counts("T", share_report([("a", "Total %", "47.0", 37, 77), ("b", "Total %", "16.9", 13, 77)]))
    assert "adjusted" not in [r for r in rec if r.verdict == INCONSISTENT][0].detail


def test_grim():
    assert audit_checks.mean_is_possible("3.47", 15, True) == CONSISTENT  # 52/15 = 3.467
    assert audit_checks.mean_is_possible("3.48", 15, True) == INCONSISTENT
    assert audit_checks.mean_is_possible("3.8", 75, True) == CONSISTENT  # with n = 75 every one-decimal value is reachable
    assert audit_checks.mean_is_possible("3.48", 15, None) == CANNOT_TELL


def test_median_granularity():
    assert audit_checks.median_is_possible(24.7, 75, True) == INCONSISTENT
    assert audit_checks.median_is_possible(24, 75, True) == CONSISTENT
    assert audit_checks.median_is_possible(10.5, 76, True) == CONSISTENT
    assert audit_checks.median_is_possible(10.25, 76, True) == INCONSISTENT
    assert audit_checks.median_is_possible(3.8, 75, None) == CANNOT_TELL


def test_mean_range_equals_exhaustive_search():
    """Smallest and largest means from the greedy bound equal those found by listing every sample."""
    n, values = 7, range(5)
    seen = {}
    for sample in itertools.combinations_with_replacement(values, n):
        c = Counter(sample)
        top = max(c.values())
        for mode in (v for v in c if c[v] == top):
            key = (sample[0], sample[-1], sample[n // 2], mode)
            lo, hi = seen.get(key, (float("inf"), float("-inf")))
            seen[key] = (min(lo, sum(sample)), max(hi, sum(sample)))
    for lo, hi, med, mode in itertools.product(values, repeat=4):
        ranges = audit_checks.mean_range(n, lo, hi, med, mode, 1)
        key = (lo, hi, med, mode)
        if key not in seen:
            assert ranges == [], key
        else:
            assert round(min(a for a, _ in ranges) * n) == seen[key][0], key
            assert round(max(b for _, b in ranges) * n) == seen[key][1], key


def test_samples_possible_decides_only_what_it_can():
    # whole numbers: a median with decimals makes every sample impossible
    rec = audit_checks.samples_possible(summaries(age=("24", "24.7", "21", "19", "36")), 75, {"age": True}, "r")
    assert verdicts(rec) == [INCONSISTENT]
    # values of unknown kind: impossible with whole numbers, possible with fractions -> cannot tell
    rec = audit_checks.samples_possible(summaries(m=("6", "10.5", "5", "1", "39")), 75, {"m": None}, "r")
    assert verdicts(rec) == [CANNOT_TELL]


def test_claim_comparisons():
    assert audit_text.claim_holds("equal", "75", 75)
    assert not audit_text.claim_holds("equal", "3.8", 5)
    assert audit_text.claim_holds("rounds_to", "5", 5.19) and not audit_text.claim_holds("rounds_to", "5", 5.6)
    assert audit_text.claim_holds("nearly", "50", 44.0) and not audit_text.claim_holds("nearly", "50", 38.7)
    assert not audit_text.claim_holds("nearly", "50", 50.0)
    assert audit_text.claim_holds("at_least", "18", 19) and not audit_text.claim_holds("at_least", "18", 17)


def test_claim_against_the_books_reading():
    rec = audit_text.text_agrees_with_tables(_claims("education_mean", "3.8", "equal"), {"education_mean": 5}, {"education_mean": 3.8})
    assert rec[0].verdict == INCONSISTENT and rec[0].book_value == "3.8" and "which reading" in rec[0].why


def test_bins_overlap():
    rec = audit_text.bins_cover([("a", 0, 3), ("b", 3, 5), ("c", 6, None)])
    assert rec[0].verdict == INCONSISTENT and "month 3 falls in two bins" in rec[0].detail


def test_label_word_order():
    rec = audit_text.labels_match_text({"m": "Pseudo-international modeling agencies"},
                                  {"m": ["members of international pseudo-modeling agencies"]})
    assert rec[0].verdict == INCONSISTENT and "another order" in rec[0].detail


def test_spelling_differences():
    assert audit_text.spelling_difference("Rodríguez López", "Rodríguez-López") == "a space where the list has a hyphen"
    assert audit_text.spelling_difference("Veronica", "Verónica") == "differs only in accents or capitals"
    assert audit_text.spelling_difference("Tybuczy", "Tyburczy").startswith("spelled differently (1 letter")


def test_undated_year_conflict_cannot_be_told():
    rec = audit_text.excerpts_fit_their_dates(citations(interview("Remedios", 2021)), ROSTER)
    assert verdicts(rec) == [CANNOT_TELL] and rec[0].book_value == "2021"


def test_year_choice():
    assert audit_text.year_choice("R", [2021], 2015, 2018).value == 2021
    assert "cannot be right" in audit_text.year_choice("R", [2021], 2015, 2018).why
    assert audit_text.year_choice("R", [2015], 2015, None).value == 2015
    assert "Nothing in her excerpts" in audit_text.year_choice("R", [2021], 2015, None).why


# ---------------------------------------------------------------------------------------------
# the audit of the article


@pytest.fixture(scope="module")
def records(study):
    return audit.run(study)


def test_audit_verdicts_are_known(records):
    assert {r.verdict for r in records} <= set(audit_checks.VERDICTS)
    c = audit.counts(records)
    assert c["checks"] == len(records) == c["consistent"] + c["inconsistent"] + c["cannot tell"]


def test_every_check_runs_on_the_article(records):
    assert {r.check for r in records} == {f.__name__ for f in audit.CHECKS}


def test_audit_covers_all_five_tables_the_roster_and_the_citations(records):
    text = " ".join(r.compared for r in records)
    for what in ("Table 1", "Table 2", "Table 3", "Table 4", "Table 5", "list of quoted interviews", "reference list"):
        assert what in text


def test_the_articles_inconsistencies(records):
    found = {r.topic for r in records if r.verdict == INCONSISTENT and r.topic}
    assert found == {
        "share:table5:Mexican Cartels:Total %", "table2-reading", "claim:methods-education-mean", "table4-bins",
        "place:Guadalajara", "table5-sex-headings", "label:nightclub", "label:freelance", "label:modelling_agency",
        "type-order", "cite:agustin2007", "cite:tyburczy2020", "cite:rodriguezlopez2022", "pseudonym:Veronica",
        "interview-year:Remedios", "interview-year:Rosa",
    }
    undecided = {r.topic for r in records if r.verdict == CANNOT_TELL and r.topic}
    assert undecided == {"interview-year:Rosa"}


def test_every_inconsistency_says_what_the_book_uses(records):
    for r in records:
        if r.verdict == INCONSISTENT:
            assert r.book_value and r.why, r


def test_table2_labels_swapped(records, study):
    rec = [r for r in records if r.check == "which_reading"]
    assert len(rec) == 1 and rec[0].verdict == INCONSISTENT
    assert "impossible for age, age trafficked" in rec[0].detail
    swapped = [r for r in records if r.group == "statistics" and "swapped" in r.compared]
    assert INCONSISTENT not in verdicts(swapped)
    assert audit.table2_value("education", "mean", study).value == 3.8
    assert audit.table2_value("age", "median", study).value == 24
    assert audit.table2_value("months_trafficked", "max", study).value == 39


def test_the_books_choices(study):
    assert audit.chosen("cite:agustin2007", study).value == "Agustín"
    assert audit.chosen("cite:tyburczy2020", study).value == "Tyburczy"
    assert audit.chosen("pseudonym:Veronica", study).value == "Verónica"
    assert audit.chosen("place:Guadalajara", study).value == "Jalisco"
    assert audit.chosen("share:table5:Mexican Cartels:Total %", study).value == "48.1"
    assert audit.interview_year("Remedios", study) == (2021, audit.interview_year("Remedios", study).why)
    assert "2018" in audit.interview_year("Remedios", study).why
    assert audit.interview_year("Ana", study).value == 2014
    assert audit.explain("table4-bins", study).startswith("The book uses: ")
    with pytest.raises(KeyError):
        audit.chosen("no-such-topic", study)


def test_corrected_data_clears_the_verdicts(data_copy):
    """Fix the printed 48.0 and the 'Augustine' citation in a copy: those two verdicts turn consistent."""
    def fix_share(rows):
        for r in rows:
            if r[:3] == ["table5", "Mexican Cartels", "Total %"]:
                r[3] = "48.1"
    rewrite(data_copy.parent / "published" / "printed_cells.csv", fix_share)

    def fix_name(rows):
        for r in rows:
            if r[4] == "Augustine":
                r[4] = "Agustín"
    rewrite(data_copy.parent / "in_text_citations.csv", fix_name)
    records = audit.run(trata.load(data_copy))
    topics = {r.topic for r in records if r.verdict == INCONSISTENT}
    assert "share:table5:Mexican Cartels:Total %" not in topics and "cite:agustin2007" not in topics
    assert "cite:tyburczy2020" in topics


def test_text_claims_name_known_quantities(study):
    q = audit.table_quantities(study)
    assert set(study["text_claims"]["quantity"]) <= set(q)
    assert q["federal_entities_pct"] == 50 and q["recent_pct"] == 44.0 and q["networks_excess"] == 2


def test_citation_data_refers_to_known_works_and_women(data_copy):
    def break_key(rows):
        for r in rows:
            if r[8] == "tyburczy2020":
                r[8] = "tybuczy2020"
    rewrite(data_copy.parent / "in_text_citations.csv", break_key)
    with pytest.raises(trata.DataPackageError) as exc:
        trata.load(data_copy)
    assert any(p.file == "in_text_citations.csv" and p.rule == "foreign-key" for p in exc.value.problems)


def test_citation_counts(study):
    cites = study["in_text_citations"]
    assert (cites["kind"] == "work").sum() == 50 and (cites["kind"] == "interview").sum() == 36
    assert set(cites.loc[cites["kind"] == "work", "key"]) == set(study["reference_list"]["key"])


def test_record_texts_are_safe_in_a_myst_table(records):
    """A table cell that starts with '%' is a MyST comment, with '>' a quotation, with '- ' or '1. '
    a list: the audit's texts and the chapter's cells must not start that way."""
    import re
    unsafe = re.compile(r"\s*([%#>+]|\*\s|- |\d+[.)](\s|$))")
    for r in records:
        for text in (r.compared, r.rule, r.detail, r.book_value, r.why):
            assert not unsafe.match(text), text
    rows = findings.table_rows(records)
    assert len(rows) == len(records) and all(len(row) == 5 for row in rows)
    for row in rows:
        for cell in row:
            assert not unsafe.match(cell), cell


# ---------------------------------------------------------------------------------------------
# the built chapter


def test_chapter_lists_every_verdict(site, study):
    import re


    rows = htmlpage.tables(site / "notebooks" / "audit.html")["tbl-audit-checks"]
    records = audit.run(study)
    assert len(rows) == len(records) + 1
    assert [r[2] for r in rows[1:]] == [r.verdict for r in records]
    html = (site / "notebooks" / "audit.html").read_text(encoding="utf-8")
    c = audit.counts(records)
    assert findings.tally(records).replace("(", "").replace(")", "") in re.sub(r"<[^>]+>|[()]", "", html)
    # the annex shows the audit's note next to Table 5, and its header cells starting with '%'
    annex = htmlpage.tables(site / "notebooks" / "annex.html")
    assert annex["tbl-annex-leaders"][0][-1] == "% of cases"
    assert [r[0] for r in annex["tbl-annex-escape"][1:]] == ["< 3", "3 - 5", "6 - 14", "> 15", "Total"]
    annex_html = (site / "notebooks" / "annex.html").read_text(encoding="utf-8")
    assert "What the audit found" in annex_html and "48.052" in annex_html
    assert c["inconsistent"] > 0


@pytest.mark.parametrize("text", ["> 15", "% of networks", "# 3", "- x", "+ y", "* z", "2021. Her excerpt", "7) item"])
def test_table_cells_never_start_a_block(text):
    """A printed label such as '> 15' stays text in a MyST table: not a quotation, comment, heading or list."""
    from trata.present import tables as P
    md = P.myst_table([[text, "1"]], ["a", "b"], label="tbl-x", caption="x").data
    cell = [line for line in md.splitlines() if line.startswith("* - ")][1][4:]
    assert cell != text and cell.replace("\\", "") == text
