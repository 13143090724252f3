"""Every string a reader sees that the package generates, one table per language.

Table headers, captions, figure labels, alt-text phrases and the names of categories come from
here, never from the modules that compute them: a second language is a second table with the same
keys (``MESSAGES["es"]``), not a rewrite. Words typed in the chapters' prose are the chapters' own.

``text(key)`` gives a string, ``labels(key)`` a mapping of category names (machine name -> words),
``header(key)`` a list of column headers.
"""

from __future__ import annotations

import os

#: The environment variable naming the language of the edition being built ("en" or "es"): the
#: build sets it for the notebooks' kernels, as the Sphinx language of the edition.
ENV_VAR = "TRATA_LANG"
LANGUAGES = ("en", "es")


def current() -> str:
    """The language of the edition being built (English unless ``TRATA_LANG`` says otherwise)."""
    lang = os.environ.get(ENV_VAR) or "en"
    if lang not in LANGUAGES:
        raise ValueError(f"{ENV_VAR}={lang!r}: the book has editions in {', '.join(LANGUAGES)}")
    return lang

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
        "statistics": "Summary statistics (Table A2)",
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

    #: The audit's findings as the reader sees them (its table, its tallies, the notes beside the annex).
    "findings": {
        "tally_part": "{n} {verdict}", "tally_one": "{n} verdict ({parts})", "tally_many": "{n} verdicts ({parts})",
        "as_printed": "as printed", "nothing_to_choose": "as printed (nothing to choose)", "uses": "**{value}**. {why}",
        "check": "*{name}*: {rule}", "same_rule": "*{name}* (same rule)",
        "note_uses": "The book uses {value}. {why}",
        "note_more": "{numref}`tbl-audit-checks` lists every check and finding.",
    },
    #: The words around the quoted excerpts: the attribution of a quotation, the explorer's labels.
    "excerpts": {
        "quote_attribution": "— {pseudonym}, {year}{note}, quoted in {{cite:t}}`izcara2023`",
        "quote_listed_under": "(listed under {year} in the article's list of interviewees)",
        "listed_under": "listed under {year} in the article's list of interviewees",
        "type": "Network type", "all_types": "All types", "theme": "Theme", "all_themes": "All themes",
        "themes": "Themes", "note": "Note",
        #: Shown only in an edition in another language than the excerpts' (English), never here:
        #: the mark after each excerpt the edition translated, the mark after one it did not, and
        #: the note, once a page, on where the women's own words are.
        "translated_mark": "(the edition's translation)",
        "untranslated_mark": "(English text, not translated by the edition)",
        "translation_note": "The interviewees' words are quoted in the edition's own translation of the English "
                            "edition of the article, not in their own words; the women's original words are in "
                            "Izcara-Palacios (2023), original Spanish version.",
    },

    # ---- figures: words and text alternatives ---------------------------------------------------
    #: The annex's figures: axis and legend titles, tooltips ("{cl}" is the confidence level, "95%").
    "fig.annex": {
        "country": "Country", "women": "Women", "men": "Men", "pct_of_interviewees": "% of interviewees",
        "ci_low": "{cl} CI, low", "ci_high": "{cl} CI, high",
        "share_with_ci": "Share of interviewees (%), with {cl} confidence interval",
        "characteristic": "Characteristic", "min": "Min.", "max": "Max.", "statistic": "Statistic", "value": "Value",
        "value_as_printed": "Value as printed (scale differs by row)",
        "state_as_printed": "State (as printed)", "official_name": "Official name",
        "not_named_in_the_table": "Not named in the table", "women_trafficked_in_the_state": "Women trafficked in the state",
        "months_since_events": "Months between the escape and the interview (bins as printed)",
        "bin_as_printed": "Bin (as printed)", "whole_months": "Whole months",
        "networks_by_sex": "Networks, by the sex of the leader", "leader": "Leader", "network_type": "Network type",
        "networks": "Networks", "networks_of_the_type": "Networks of the type",
        "networks_by_type_and_sex": "Networks by type and sex of the leader", "led_by_a_woman": "Led by a woman",
        "pct_led_by_women": "% led by women", "led_by_a_woman_with_ci": "Led by a woman (%), with {cl} confidence interval",
        "share_led_by_a_woman": "Share of networks led by a woman", "all_networks": "All networks",
    },
    #: The profile chapter's figures: column names (which the tooltips show), legend titles, text alternatives.
    "fig.profile": {
        "type": "Network type", "dimension": "Dimension", "coding": "Coding (text)", "in_article": "In the article",
        "summary": "Summary", "described": "Described", "not_described": "Not described",
        "position": "Position", "on_line": "On the line", "ground": "Ground", "origin": "Origin",
        "ground_title": "Ground for not charging her (Gallagher 2010)", "origin_title": "Origin",
        "typology_alt": "Matrix of the network types (columns) against the dimensions of the typology (rows). {parts}",
        "typology_alt_type": "{type}: {codings}.",
        "typology_alt_cell": "{dimension}, {coding}",
        "positions_alt": ("Dot chart of the positions women hold, grouped by network type, placed on a line from victim "
                          "only, through victim and victimizer, to victimizer only. {parts}"),
        "positions_alt_item": "{type}: {position}, {line}, {origin}, {ground}.",
    },
    #: The consent chapter's timeline: titles, tooltips and its text alternative.
    "fig.consent": {
        "title": "What each instrument does to the victim's consent", "year": "Year", "jurisdiction": "Jurisdiction",
        "instrument": "Instrument", "consent": "Consent",
        "alt": "Timeline of the legal instruments the article discusses, in time order. {parts}",
        "alt_item": "{instrument} ({year}, {jurisdiction}): {rule}.",
    },
    #: The annex's figures' text alternatives, and the phrases they are made of.
    "fig.annex.alt": {
        "countries": ("Bar chart of the {base} interviewees by country of origin, with {cl} confidence intervals. "
                      "{country} has the largest share, {women} ({share}, interval {lo:.1f} to {hi:.1f}%), followed by {rest}."),
        "countries_item": "{country} {n} ({share})",
        "characteristics": ("Range chart of the interviewees' characteristics {source}: "
                            "{parts}. The values printed as median and mean appear to be swapped."),
        "characteristics_item": "{label} from {min:g} to {max:g} (printed median {median:g}, printed mean {mean:g}, mode {mode:g})",
        "states": ("Map of Mexico shading the {k} places named in {source} by the number of interviewees "
                   "trafficked there, beside a bar chart sorted from most to fewest. {state} has the most, {women} "
                   "({share} of interviewees), followed by {rest}; {ones} of the places have one woman each."),
        "states_item": "{state} ({n})",
        "escape": ("Bar chart of the number of interviewees by months between the escape and the interview, "
                   "in the article's bins: {parts}. The largest group is {top} months."),
        "escape_item": "{bin} months: {n} ({share})",
        "leaders": ("Bar chart of the {n} networks by type and sex of the leader, with the share led by women and its {cl} "
                    "confidence interval. Men led {men} and women {women} ({share}, interval {lo:.1f} to {hi:.1f}%); {where}."),
        "leaders_item": "{label} ({women} of {n})",
        "leaders_where": "women led networks only among {which}",
        "leaders_none": "no type had a woman leader",
    },

    # ---- tables: headers and captions ---------------------------------------------------------
    "annex.countries.header": ["Country", "n", "% of interviewees"],
    "annex.countries.caption": "Country of origin of the interviewees, as in the article's annex.",
    "annex.characteristics.header": ["Characteristic (as printed)"],
    "annex.characteristics.caption": "Characteristics of the interviewees, with the column labels as printed in the article's annex.",
    "annex.states.header": ["State (as printed)", "Official name", "n", "% of interviewees"],
    "annex.states.caption": "Mexican states where the interviewees were sexually trafficked, as in the article's annex.",
    "annex.escape.header": ["Months (as printed)", "Whole months in the bin", "n", "% of interviewees"],
    "annex.escape.caption": "Months between the escape and the interview, as in the article's annex.",
    "annex.leaders.header": ["Network type (as printed)", "Men n", "Men % of type", "Women n", "Women % of type", "Total n", "% of cases"],
    "annex.leaders.caption": "Leaders of the trafficking networks by network type and sex, as in the article's annex.",
    "annex.reconciliation.header": ["Table", "Row", "Column", "Printed", "Derived", "Tolerance", "Verdict"],
    "annex.reconciliation.caption": "Every printed cell of the annex against the value derived from the data package.",
    "annex.months_to": "{lo} to {hi}",
    "annex.months_or_more": "{lo} or more",
    "annex.no_month": "no month",
    "annex.months": "{gaps} months",
    "annex.table": "Table A{n}",
    "annex.mismatch": "{table}, {row}, {column}: printed {printed}, derived {derived}",
    "none": "none",
    "consent.paradigms.header": ["Dimension", "Neo-abolitionist feminism", "Pro-rights feminism"],
    "consent.paradigms.caption": "Two feminist readings of consent in sex trafficking, as the article presents them.",
    "consent.milestones.header": ["Year", "Instrument", "Jurisdiction", "What it does to consent"],
    "consent.milestones.caption": "The legal instruments the article discusses, in time order.",
    "methodology.country_item": "{country} ({n})",
    "methodology.state_item": "{state} ({n} women, {share}%)",
    "methodology.criteria.header": ["No.", "Criterion", "What had to hold", "Checked before every interview"],
    "methodology.criteria.caption": "The five inclusion criteria: an interview began only once all five were corroborated.",
    "methodology.sample.header": ["Characteristic", "Minimum", "Median", "Mean", "Mode", "Maximum"],
    "methodology.sample.caption": "The interviewees at a glance: Table A2 with each column named for the statistic it holds.",
    "profile.typology.header": ["Dimension", "What the article reports"],
    "profile.typology.caption": "{type}: the edition's coding of the article's account.",
    "profile.positions.header": ["Network type", "Position", "On the line", "Origin", "Ground for not charging her", "n stated"],
    "profile.positions.caption": "Positions women hold in each type of network, on the line between victim and victimizer, as the edition codes the article's account.",
    "leadership.shares.header": ["Network type", "Led by a woman", "Cases", "Share (%)", "95% Wilson interval (%)"],
    "leadership.shares.caption": "Cases led by a woman, by network type and overall, with 95% Wilson intervals.",
    "home.contrast.clean": ("The women who harmed other women fall into two groups: in the {both}, migrant women who "
                            "were victims themselves and acted under coercion; as {roles} in the {only}, native women "
                            "who acted for profit."),
    "home.contrast.mixed": ("Women who harmed other women appear in the {both} as victims made to act, and as {roles} "
                            "in the {only}; origin and motive do not separate the two groups cleanly in these data."),
    "home.contrast.none": ("The accounts do not place women on both sides of the line between victim and victimizer "
                           "in the way the article's conclusion describes."),
    "profile.flag": "{pseudonym}, cited as {cited} and listed under {listed}",
    "audit.checks.header": ["Check and its rule", "What was compared", "Verdict", "Finding", "Value the book uses, and why"],
    "audit.checks.caption": ("Every check of the audit, with its rule, what it compared, its verdict and finding, and for each "
                             "inconsistency the value the book uses downstream and why. Checks are in the order of the section above."),
    "audit.note.title": "What the audit found",

    # ---- figures: the toolkit under each figure, and the data each one plots -------------------
    "figkit.files": "Download:",
    "figkit.svg": "Image (SVG)",
    "figkit.png": "Image (PNG)",
    "figkit.csv": "Data (CSV)",
    "figkit.table": "Show as table",
    "figkit.missing": "",
    "figkit.csv_source": ("Data plotted in a figure of the executable edition of Izcara-Palacios (2023), "
                          "version {version}. Source: {source}."),
    "figure.countries.columns": {"country": "Country", "n": "Women", "share": "% of interviewees",
                                 "lo": "95% Wilson interval, low (%)", "hi": "95% Wilson interval, high (%)"},
    "figure.countries.caption": "Interviewees by country of origin, with 95% Wilson intervals (the data of the figure).",
    "figure.countries.source": "Izcara-Palacios (2023), Table 1 (data package resource countries)",
    "figure.characteristics.columns": {"label": "Characteristic (as printed)", "min": "Min.", "Median (as printed)": "Median (as printed)",
                                       "Mean (as printed)": "Mean (as printed)", "Mode": "Mode", "max": "Max."},
    "figure.characteristics.caption": "Characteristics of the interviewees as printed (the data of the figure).",
    "figure.characteristics.source": "Izcara-Palacios (2023), Table 2 (data package resource characteristics)",
    "figure.states.columns": {"state_as_printed": "State (as printed)", "state_official": "Official name",
                              "map_name": "Name on the map", "n": "Women", "share": "% of interviewees"},
    "figure.states.caption": "Women by the Mexican state where they were trafficked (the data of the figure).",
    "figure.states.source": "Izcara-Palacios (2023), Table 3 (data package resource states); boundaries: Natural Earth",
    "figure.escape.columns": {"bin_as_printed": "Months (as printed)", "months": "Whole months in the bin", "n": "Women",
                              "share": "% of interviewees"},
    "figure.escape.caption": "Women by months between the events recounted and the escape (the data of the figure).",
    "figure.escape.source": "Izcara-Palacios (2023), Table 4 (data package resource time_since_escape)",
    "figure.leaders.columns": {"label": "Network type", "male_n": "Led by a man", "female_n": "Led by a woman",
                               "total_n": "Networks", "female_share": "% led by a woman",
                               "female_lo": "95% Wilson interval, low (%)", "female_hi": "95% Wilson interval, high (%)"},
    "figure.leaders.caption": "Networks by type and sex of the leader, with 95% Wilson intervals (the data of the figure).",
    "figure.leaders.source": "Izcara-Palacios (2023), Table 5 (data package resource leaders)",
    "figure.typology.columns": {"Network type": "Network type", "Dimension": "Dimension", "Coding (text)": "Coding",
                                "In the article": "In the article", "Summary": "Summary"},
    "figure.typology.caption": "The typology of networks, cell by cell (the data of the figure).",
    "figure.typology.source": "the edition's coding of Izcara-Palacios (2023) (data package resource typology)",
    "figure.positions.columns": {"Network type": "Network type", "Position": "Position", "On the line": "On the line",
                                 "Ground": "Ground for not charging her", "Origin": "Origin"},
    "figure.positions.caption": "Positions women hold, by network type (the data of the figure).",
    "figure.positions.source": "the edition's coding of Izcara-Palacios (2023) (data package resource positions)",
    "figure.timeline.columns": {"order": "Order", "year": "Year", "instrument_text": "Instrument", "jurisdiction": "Jurisdiction",
                                "rule_text": "What it does to consent", "year_status": "Year in the article"},
    "figure.timeline.caption": "The legal instruments the article discusses, in time order (the data of the figure).",
    "figure.timeline.source": "Izcara-Palacios (2023) (data package resource legal_milestones)",

    # ---- the data banner: which package a page shows ------------------------------------------
    "databanner.title": "Which data this page shows",
    "databanner.note": ("This book was built from {name}, not from the article's data: {cells} printed cells of the "
                        "article's annex tables differ from this package. Tables, figures and numbers in the text are "
                        "this package's; a value is the article's only where the page says so."),
}

EN["i18n.read_in"] = "Read this page in {language}"
EN["i18n.languages"] = {"en": "English", "es": "Spanish"}  # a language's name in this language

# ---- words of running prose: small numbers, lists, counts of women ----------------------------
EN.update({
    #: Counts from nought to twelve in words (larger counts are written in digits).
    "number_words": ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                     "eleven", "twelve"],
    #: A list of more than one item: everything but the last, and the last.
    "join_words": "{first} and {last}",
    "women_one": "{n} woman",
    "women_many": "{n} women",
    #: An interval of percentages.
    "interval": "{lo} to {hi}",
})

EN["readings"] = {
    "no_cartels": "This data records no cartel network",
    "cartel_largest": "Cartel networks are the largest group in the study",
    "cartel_tied": "Cartel networks are, with the {others}, the largest group in the study",
    "cartel_not_largest": "Cartel networks are not the largest group in the study (the {largest} are)",
    "aside_largest": "the largest type, with", "aside_tied": "one of the largest types, with", "aside_other": "with",
    "all_led_by_men": "all led by men",
    "one_case": "one case", "cases": "{n} cases",
    "led_none": "none of them led by a woman", "led_one": "{k} of them led by a woman", "led_many": "{k} of them led by women",
    "cases_led": "{cases}, {led}",
    "owner_as_printed": "the owner of a nightclub and the {k} women who led trafficking groups",
    "owner_other": "the owner of a nightclub and the women who led trafficking groups in its account",
    "recruit": "the young women who recruit for the groups, whom the article finds motivated by gain",
    "roles_no_leader": ("Women appear in this type in two roles: besides the victims, there are {recruit}. "
                        "In this data no group was led by a woman."),
    "roles_leaders": ("Women appear in this type in three roles. Besides the victims, there are {recruit}, "
                      "and there are the women who led {k} of the groups."),
    "agency_empty": "no case in this data; in the article, they were led by men whom the women described as",
    "agency_men": "{n} cases, all led by men whom the women described as",
    "agency_man": "one case, led by a man whom the women described as",
    "agency_women": "{cases}, {led}; the women described the leaders as",
    "freelance_empty": "no case in this data",
    "freelance_men": "{n} cases, all of them men", "freelance_man": "one case, a man",
    "men_every": "men led every network", "men_almost_every": "men led almost every network",
    "men_most": "men led most networks", "men_not_most": "men led no more networks than women did",
    "where_every": "men were in charge everywhere", "where_almost_every": "men were in charge almost everywhere",
    "where_most": "men were in charge of most of them", "where_not_most": "men were in charge of no more of them than women",
    "source_as_printed": "what the article reports", "source_other": "what these counts show",
    "in_charge": "What stands without any test is {source}: in the cases these women described, {where}.",
    "exception_none": "in this data no woman led",
    "role_own_nightclubs": "own nightclubs", "role_lead": "lead {type}", "roles_or": "{first} or {last}",
    "exception": "women who {roles} exist, but they are the exception",
    "no_exception": "women who {roles} are no exception in this data",
    "largest_cartels": "Mexican cartels", "largest_tied": "Tied, the {words} each",
    "types_had_none": "{k} of the {n} types had none",
    "no_woman_led": "No network in the study was led by a woman",
    "leaders_as_printed": ("The women who led were the owner of a cantina and the heads of "
                           "{k} prostitution networks, two of them run from transient hotels and one through the Internet"),
    "led_of_type": "{k} of the {type}",
    "every_type_one": "every type had at least one",
    "women_led": "Women led {led}; {tail}",
    "pct_as_printed": "{pct}%, which the article rounds to {rounded}%",
    "pct_other": "{pct}% in this data; the article's Table 5 prints {printed}% for its own data",
    "test_nothing": ("There is nothing for the test to weigh: with the women leaders as they are, every "
                     "table with these margins is the observed one. The three reasons below apply to any "
                     "reading of these counts."),
    "test_evidence": ("Taken at face value, the test is evidence that women's leadership differs by type: a "
                      "concentration like the one observed would rarely arise by chance. There are three "
                      "reasons to trust it less than that."),
    "test_weak": ("Read honestly, the test says little: a concentration like the one observed would arise by "
                  "chance often enough that it is at most weak evidence that women's leadership differs by "
                  "type. There are three reasons to trust even that weak signal less."),
    "test_no_evidence": ("Read honestly, the test says nothing: a spread like the one observed would arise by chance "
                         "so often that it gives no evidence that women's leadership differs by type. There are "
                         "three reasons more to be cautious."),
    "conclusion_evidence": "The data suggest that women's leadership differs by type, though on tiny counts",
    "conclusion_weak": "Whether women's leadership truly differs by type the data cannot say",
    "conclusion_no_evidence": "The data give no sign that women's leadership differs by type",
    "conclusion_nothing": "Whether women's leadership differs by type these counts cannot show",
    "none": "none",
    "lead_all_none": "Although no type had a woman leader, ",
    "lead_some_none": "Although {k} of the {n} types had no woman leader, ",
    "lead_every": "Every type had at least one woman leader, and ",
    "intervals_none": ("{lead}for no type does the interval rule out a sizeable share: the lowest upper end, "
                       "for the {type}, is {high}%"),
    "intervals_largest_only": ("{lead}only for the largest, the {type}, does the interval rule out a "
                               "sizeable share: its upper end is {high}%"),
    "intervals_one": "{lead}only for the {type} does the interval rule out a sizeable share: its upper end is {high}%",
    "intervals_several": "{lead}the intervals rule out a sizeable share for the {types}, whose upper ends are at most {high}%",
    "overlap": "The intervals of all the types overlap, so the intervals alone show no difference between types.",
    "apart": ("The intervals of the {a} and the {b} do not overlap, the clearest "
              "difference between types that the intervals show."),
    "central_america": "Central America",
    "origins_as_printed": "Central America and Colombia",
    "years_as_printed": ("For Remedios the cited year is the more plausible: her words concern a migrant "
                         "caravan, and the article dates the caravans to a period that begins after the "
                         "year in the list. For Rosa the article offers no way to decide."),
    "years_other": "The article offers no way to decide which of the two years is right.",
    "reconciliation_as_printed": ("A share printed off by more than its rounding, as in Table A5, is most likely a "
                                  "rounded value adjusted by hand so that the column adds up to exactly 100."),
    "reconciliation_other": ("This book was built from other data than the article's, so the comparison is one of "
                             "two editions of the data: a cell that differs shows where these data depart from the "
                             "article's printed table, not an error of the article, whose own consistency the audit "
                             "checks, printed value against printed value."),
}

#: The positions in the plural, for running prose ("as leaders and recruiters in the ...").
EN["positions_plural"] = {
    "victim": "victims", "leader": "leaders", "recruiter": "recruiters", "trainer": "trainers",
    "guard": "guards of a safe house", "spy": "spies", "kidnapping_informant": "informants for kidnappings",
    "drug_trafficker": "drug traffickers", "leader_favourite": "a leader's favourites",
    "torture_participant": "made to take part in torture",
}

# ---- how a sentence names the source of an annex table (``printed``: "as printed in") -----------
EN.update({
    "provenance.printed_in": "as printed in the article's Table {n}",
    "provenance.article_table": "the article's Table {n}",
    "provenance.in_other_table": "in Table {n} of the data this book was built from",
    "provenance.other_table": "Table {n} of the data this book was built from",
})

from .messages_data import EN_DATA  # noqa: E402  (the pages about the data, the downloads)

EN.update(EN_DATA)

# ---- the edition's identity: references, the status sentence, the footer (trata.edition, core.cite)
EN.update({
    "cite.date_format": "yyyy-MM-dd",  # a Babel (CLDR) date pattern
    "cite.and_serial": ", & ", "cite.and_pair": " & ", "cite.and_people": " and ",
    "cite.version_kind": " (Version {version}) [Executable book and data package].",
    "cite.translator": "{names}, Trans.", "cite.translators": "{names}, Trans.",
    "edition.footer_version": "Version {version}", "edition.footer_commit": "commit {commit}",
    "edition.uncommitted": " with uncommitted changes", "edition.footer_built": "built {date}",
    "edition.footer_authors": "{people}, after {source}.",
    "edition.footer_this_version": "this version:", "edition.footer_source": "source:",
    "edition.status": ("This is version {version} of the edition{released}; the page was built from commit "
                       "{commit}{modified} on {date}."),
    "edition.status_released": ", released {date}", "edition.status_not_released": ", not a release",
    "edition.unknown_commit": "unknown",
    "edition.no_address": ("No address of this edition is known yet (the book's configuration names no base URL): "
                           "cite it by its version, and find it by its title."),
    "edition.address_label": "Address of this version:",
    "edition.released_label": "Released:", "edition.released_none": "not a release (a build between releases).",
    "edition.doi_label": "DOI:",
    "edition.doi_none": "none yet (a DOI is given when a release is deposited in an archive).",
    "edition.repository_label": "Source repository:", "edition.repository_none": "no public address known yet.",
    "edition.release_files": ("The checksums (SHA-256) of this release's files are listed in the file SHA256SUMS "
                              "published beside them."),
    "edition.cite_this_table": "Cite this table: version {version}, anchor {anchor}, ",
    "edition.cite_this_figure": "Cite this figure: version {version}, anchor {anchor}, ",
    "edition.cite_this_no_address": "no address known yet",
    "edition.titlepage_source": "An executable edition of: {reference}",
    "edition.titlepage_licence_html": ("Text and data: {licence}; code: MIT. See the page &ldquo;How to cite&rdquo; "
                                       "for citations of this version and of the article."),
    "edition.contents": "Contents",
})

from .messages_es import ES  # noqa: E402  (the Spanish table, same keys)

#: Every language's table; a new language adds a table with the same keys.
MESSAGES: dict[str, dict[str, object]] = {"en": EN, "es": ES}


def _get(key: str, lang: str | None):
    lang = lang or current()
    table = MESSAGES[lang]
    if key not in table:
        raise KeyError(f"no message {key!r} in language {lang!r}")
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
