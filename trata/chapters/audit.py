"""The audit chapter: the printed article checked against itself, every verdict counted and tabled.

:func:`glues` gives every value the notebook glues, keyed by its glue key.
"""

from __future__ import annotations

from ..analyse import audit
from ..core import mapfile
from ..core import messages as M
from ..data.study import Study
from ..derive import tables
from ..present import findings
from ..present.tables import myst_table


def checks_table(records):
    return myst_table(findings.table_rows(records), M.header("audit.checks.header"), label="tbl-audit-checks",
                      caption=M.text("audit.checks.caption"), widths=[24, 20, 9, 23, 24])


def glues(study: Study) -> dict[str, object]:
    """Every value the audit chapter glues, by its glue key."""
    records = audit.run(study)

    def group(g: str) -> str:
        return findings.tally([r for r in records if r.group == g])

    cites = study["in_text_citations"]
    t2 = study["characteristics"]
    return {
        "audit_tally": findings.tally(records),
        "audit_functions": len(audit.CHECKS),
        "audit_arithmetic_tally": group("arithmetic"),
        "audit_statistics_tally": group("statistics"),
        "audit_text_tally": group("text"),
        "audit_categories_tally": group("categories"),
        "audit_citations_tally": group("citations"),
        "audit_roster_tally": group("roster"),
        "audit_citations": len(cites),
        "audit_work_citations": int((cites["kind"] == "work").sum()),
        "audit_works": len(study["reference_list"]),
        "audit_interview_citations": int((cites["kind"] == "interview").sum()),
        "audit_women_listed": len(study["roster"]),
        "audit_claims": len(study["text_claims"]),
        "audit_interviewees": tables.interviewees(study),
        "audit_entities": len(mapfile.known_names()),
        "audit_readings": len(audit.READINGS),
        "audit_nearly_points": audit.NEARLY_POINTS,
        "audit_topics": len(audit.choices(study)),
        "audit_t2_stats": t2["statistic_as_printed"].nunique(),
        "audit_t2_vars": t2["variable"].nunique(),
        "audit_dated_excerpts": int((cites["dated_by"] == "excerpt").sum()),
        "tbl_audit": checks_table(records),
    }
