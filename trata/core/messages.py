"""Every string a reader sees that the package generates, one table per language.

Table headers, captions, figure labels, alt-text phrases and the names of categories come from
here, never from the modules that compute them: a second language is a second table with the same
keys (``MESSAGES["es"]``), not a rewrite. Words typed in the chapters' prose are the chapters' own.

``text(key)`` gives a string, ``labels(key)`` a mapping of category names (machine name -> words),
``header(key)`` a list of column headers.
"""

from __future__ import annotations

#: The language of the edition being built.
DEFAULT_LANGUAGE = "en"

EN: dict[str, object] = {
    # ---- category names ---------------------------------------------------------------------
    #: The typology's dimensions, in the order the chapter discusses them, with their headings.
    "dimensions": {
        "leadership": "Who leads",
        "recruitment": "Recruitment",
        "holding_control": "Holding and control",
        "victim_worth": "What a victim is worth",
        "violence": "Access to violence",
        "ties_police": "Ties to police",
        "ties_migration": "Ties to migration authorities",
        "ties_cartels": "Ties to cartels",
        "women": "Where women stand",
},
    #: Themes of the quoted excerpts.
    "themes": {
        "recruitment": "recruitment",
        "deception": "deception",
        "abduction": "abduction",
        "caravans": "migrant caravans",
        "captivity": "captivity",
        "threats": "threats",
        "violence": "violence",
        "authorities": "police and migration authorities",
        "cartels": "cartels",
        "escape": "escape",
        "coerced_roles": "coerced into acting against others",
        "guilt": "survival and guilt",
        "migrant_native": "migrant and native women",
        "documents": "papers and travel",
        "romance": "courtship",
},
    #: Short plural names of the network types, for running prose ("recruiters in trafficking groups").
    "type_short": {
        "cartel": "cartels",
        "nightclub": "nightclubs",
        "trafficking_group": "trafficking groups",
        "modelling_agency": "modelling agencies",
        "freelance": "freelance traffickers",
        "pseudonovio": "pseudonovios",
},
    #: Women's positions in the networks.
    "positions": {
        "victim": "victim",
        "leader": "leader",
        "recruiter": "recruiter",
        "trainer": "trainer",
        "guard": "guard of a safe house",
        "spy": "spy",
        "kidnapping_informant": "informant for kidnappings",
        "drug_trafficker": "drug trafficker",
        "leader_favourite": "a leader's favourite",
        "torture_participant": "made to take part in torture",
},
    #: The victim-victimizer line, from one end to the other.
    "line": {"victim": "Victim only", "victim_and_victimizer": "Victim and victimizer", "victimizer": "Victimizer only"},
    #: Why a woman who acted against others would or would not be spared a trafficking charge.
    "grounds": {
        "causation_and_coercion": "Causation and coercion (not to be charged)",
        "causation": "Causation (not to be charged)",
        "coercion": "Coercion (not to be charged)",
        "none": "No ground: acted for profit",
        "not_applicable": "Victim only: no act against others",
},
    "origins": {"migrant": "Migrant", "native": "Native (Mexican)"},
    #: The groups of the audit's checks, in the chapter's order.
    "audit_groups": {
        "arithmetic": "Arithmetic of the tables",
        "statistics": "Summary statistics (Table 2)",
        "text": "Text against tables",
        "categories": "Bins, names and labels",
        "citations": "Citations",
        "roster": "Quoted interviewees against the tables",
},
    #: The characteristics of Table 2, as the methodology chapter names them.
    "sample_labels": {"age": "Age at interview (years)", "education": "Schooling (years)",
                      "age_trafficked": "Age when trafficked (years)",
                      "months_trafficked": "Months in the trafficking situation"},
    #: Printed column label of Table 2 -> label shown in the figure (the printed labels, flagged as such).
    "table2_shown": {"Median": "Median (as printed)", "Mean": "Mean (as printed)", "Mode": "Mode"},
    #: How a milestone's year is shown when the article gives none (in a table, in a figure).
    "year_not_given": "Not given in the article",
    "year_not_given_short": "Year not given",
    "criterion_required": "☑ required",
    "criterion_not_required": "☐ not required",
    "all_networks": "All networks",

    # ---- tables: headers and captions ---------------------------------------------------------
    "annex.countries.header": ["Country", "n", "% of interviewees"],
    "annex.countries.caption": "Country of origin of the interviewees (the article's Table 1).",
    "annex.characteristics.header": ["Characteristic (as printed)"],
    "annex.characteristics.caption": "Characteristics of the interviewees, with the column labels as printed (the article's Table 2).",
    "annex.states.header": ["State (as printed)", "Official name", "n", "% of interviewees"],
    "annex.states.caption": "Mexican states where the interviewees were sexually trafficked (the article's Table 3).",
    "annex.escape.header": ["Months (as printed)", "Whole months in the bin", "n", "% of interviewees"],
    "annex.escape.caption": "Months elapsed between the events recounted and the escape from the trafficking situation (the article's Table 4).",
    "annex.leaders.header": ["Network type (as printed)", "Men n", "Men % of type", "Women n", "Women % of type", "Total n", "% of networks"],
    "annex.leaders.caption": "Leaders of the trafficking networks by network type and sex (the article's Table 5).",
    "annex.reconciliation.header": ["Table", "Row", "Column", "Printed", "Derived", "Tolerance", "Verdict"],
    "annex.reconciliation.caption": "Every printed cell of the annex against the value derived from the data package.",
    "annex.months_to": "{lo} to {hi}",
    "annex.months_or_more": "{lo} or more",
    "annex.no_month": "no month",
    "annex.months": "{gaps} months",
    "annex.table": "Table {n}",
    "annex.mismatch": "{table}, {row}, {column}: printed {printed}, derived {derived}",
    "none": "none",
    "consent.paradigms.header": ["Dimension", "Neo-abolitionist feminism", "Pro-rights feminism"],
    "consent.paradigms.caption": "Two feminist readings of consent in sex trafficking, as the article presents them.",
    "consent.milestones.header": ["Year", "Instrument", "Jurisdiction", "What it does to consent"],
    "consent.milestones.caption": "The legal instruments the article discusses, in time order.",
    "methodology.criteria.header": ["No.", "Criterion", "What had to hold", "Checked before every interview"],
    "methodology.criteria.caption": "The five inclusion criteria: an interview began only once all five were corroborated.",
    "methodology.sample.header": ["Characteristic", "Minimum", "Median", "Mean", "Mode", "Maximum"],
    "methodology.sample.caption": "The interviewees at a glance: the article's Table 2 with each column named for the statistic it holds.",
    "profile.typology.header": ["Dimension", "What the article reports"],
    "profile.typology.caption": "{type}: the book's coding of the article's account, dimension by dimension.",
    "profile.positions.header": ["Network type", "Position", "On the line", "Origin", "Ground for not charging her", "n stated"],
    "profile.positions.caption": "Positions women hold in each type of network, on the line between victim and victimizer.",
    "profile.leaders.header": ["Network type", "Led by a woman", "Networks", "Share (%)", "95% Wilson interval (%)"],
    "profile.leaders.caption": "Networks led by a woman, by network type and overall, with 95% Wilson intervals.",
    "audit.checks.header": ["Check and its rule", "What was compared", "Verdict", "Finding", "Value the book uses, and why"],
    "audit.checks.caption": ("Every check of the audit, with its rule, what it compared, its verdict and finding, and for each "
                             "inconsistency the value the book uses downstream and why. Checks are in the order of the section above."),
    "audit.note.title": "What the audit found",
    "databanner.title": "Which data this page shows",
    "databanner.note": ("This book was built from {name}, not from the article's data: {cells} printed cells of the "
                        "article's annex tables differ from this package. Tables, figures and numbers in the text are "
                        "this package's; a value is the article's only where the page says so."),
}

#: Every language's table; a new language adds a table with the same keys.
MESSAGES: dict[str, dict[str, object]] = {"en": EN}


def _get(key: str, lang: str | None):
    table = MESSAGES[lang or DEFAULT_LANGUAGE]
    if key not in table:
        raise KeyError(f"no message {key!r} in language {lang or DEFAULT_LANGUAGE!r}")
    return table[key]


def text(key: str, lang: str | None = None, **fields) -> str:
    """The string ``key`` in ``lang``, with ``fields`` filled in (``str.format``)."""
    value = _get(key, lang)
    if not isinstance(value, str):
        raise TypeError(f"message {key!r} is not a string")
    return value.format(**fields) if fields else value


def labels(key: str, lang: str | None = None) -> dict[str, str]:
    """The category names ``key`` (machine name -> words) in ``lang``, in their order."""
    value = _get(key, lang)
    if not isinstance(value, dict):
        raise TypeError(f"message {key!r} is not a mapping of categories")
    return dict(value)


def header(key: str, lang: str | None = None) -> list[str]:
    """The column headers ``key`` in ``lang``."""
    value = _get(key, lang)
    if not isinstance(value, list):
        raise TypeError(f"message {key!r} is not a list of headers")
    return list(value)
