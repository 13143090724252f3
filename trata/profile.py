"""The profile chapter's structured coding: readers for the typology, women's positions and the
quoted excerpts, their presentation (tables, quotations, the excerpt explorer) and the chapter's
own charts (the typology matrix and the positions on the victim-victimizer line; the leaders
chart is the shared one of :mod:`trata.charts`).

The chart builders take their fonts and colours from the book's theme (:mod:`trata.charts`), which
is applied when the chart is glued with ``trata.charts.glue_figure``.
"""

from __future__ import annotations

import html
import textwrap

import altair as alt
import pandas as pd
from IPython.display import Markdown

from . import charts, present, stats
from .load import Study

#: The typology's dimensions, in the order the chapter discusses them, with their headings.
DIMENSIONS = {
    "leadership": "Who leads",
    "recruitment": "Recruitment",
    "holding_control": "Holding and control",
    "victim_worth": "What a victim is worth",
    "violence": "Access to violence",
    "ties_police": "Ties to police",
    "ties_migration": "Ties to migration authorities",
    "ties_cartels": "Ties to cartels",
    "women": "Where women stand",
}

THEMES = {
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
}

#: Short plural names of the types, for running prose ("recruiters in trafficking groups").
SHORT = {
    "cartel": "cartels",
    "nightclub": "nightclubs",
    "trafficking_group": "trafficking groups",
    "modelling_agency": "modelling agencies",
    "freelance": "freelance traffickers",
    "pseudonovio": "pseudonovios",
}

POSITIONS = {
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
}

#: The victim-victimizer line, from one end to the other.
LINE = {"victim": "Victim only", "victim_and_victimizer": "Victim and victimizer", "victimizer": "Victimizer only"}

#: Why a woman who acted against others would or would not be spared a trafficking charge.
GROUNDS = {
    "causation_and_coercion": "Causation and coercion (not to be charged)",
    "causation": "Causation (not to be charged)",
    "coercion": "Coercion (not to be charged)",
    "none": "No ground: acted for profit",
    "not_applicable": "Victim only: no act against others",
}

ORIGINS = {"migrant": "Migrant", "native": "Native (Mexican)"}


# ---------------------------------------------------------------------------------------------
# reading the coding


def network_types(study: Study) -> pd.DataFrame:
    """The six types in the order of the article's Table 5 (and of the chapter's sections)."""
    return study["network_types"].sort_values("order_in_table").reset_index(drop=True)


def type_labels(study: Study) -> dict[str, str]:
    t = network_types(study)
    return dict(zip(t["network_type"], t["label"]))


def typology(study: Study) -> pd.DataFrame:
    """The typology with the type's and the dimension's labels, ordered by type then dimension."""
    df = study["typology"]
    types = network_types(study)["network_type"].tolist()
    df["type_label"] = df["network_type"].map(type_labels(study))
    df["dimension_label"] = df["dimension"].map(DIMENSIONS)
    df["_t"] = df["network_type"].map({t: i for i, t in enumerate(types)})
    df["_d"] = df["dimension"].map({d: i for i, d in enumerate(DIMENSIONS)})
    return df.sort_values(["_t", "_d"]).drop(columns=["_t", "_d"]).reset_index(drop=True)


def typology_of(study: Study, network_type: str) -> pd.DataFrame:
    df = typology(study)
    return df[df["network_type"] == network_type].reset_index(drop=True)


def not_described(study: Study) -> pd.DataFrame:
    """Cells of the typology the article leaves blank, by type: count of dimensions not described."""
    df = typology(study)
    return df.groupby("network_type", sort=False)["described"].apply(lambda s: int((~s.astype(bool)).sum())).rename("not_described").reset_index()


def positions(study: Study) -> pd.DataFrame:
    """Women's positions with readable labels, in Table 5's type order and along the line."""
    df = study["women_positions"]
    types = network_types(study)["network_type"].tolist()
    df["type_label"] = df["network_type"].map(type_labels(study))
    df["position_label"] = df["position"].map(POSITIONS)
    df["line_label"] = df["line"].map(LINE)
    df["ground_label"] = df["gallagher_basis"].map(GROUNDS)
    df["origin_label"] = df["origin"].map(ORIGINS)
    df["_t"] = df["network_type"].map({t: i for i, t in enumerate(types)})
    df["_l"] = df["line"].map({k: i for i, k in enumerate(LINE)})
    return df.sort_values(["_t", "_l"], kind="stable").drop(columns=["_t", "_l"]).reset_index(drop=True)


def position_counts(study: Study) -> dict[str, int]:
    """Counts the chapter glues: positions coded, by line, by ground and by origin."""
    df = positions(study)
    acting = df[df["line"] != "victim"]
    return {
        "positions": int(len(df)),
        "acting": int(len(acting)),
        "both": int((df["line"] == "victim_and_victimizer").sum()),
        "victimizer_only": int((df["line"] == "victimizer").sum()),
        "coerced": int((acting["motive"] == "coerced").sum()),
        "profit": int((acting["motive"] == "profit").sum()),
        "both_migrant": int(((df["line"] == "victim_and_victimizer") & (df["origin"] == "migrant")).sum()),
        "victimizer_native": int(((df["line"] == "victimizer") & (df["origin"] == "native")).sum()),
        "cartel_coerced": int(((acting["network_type"] == "cartel") & (acting["motive"] == "coerced")).sum()),
    }


def excerpts(study: Study) -> pd.DataFrame:
    """The quoted excerpts with type labels, in Table 5's type order and the article's order."""
    df = study["excerpts"]
    types = network_types(study)["network_type"].tolist()
    df["type_label"] = df["network_type"].map(type_labels(study))
    df["theme_list"] = df["themes"].str.split(";")
    df["_t"] = df["network_type"].map({t: i for i, t in enumerate(types)})
    return df.sort_values("_t", kind="stable").drop(columns=["_t"]).reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# presentation


def typology_table(study: Study, network_type: str, *, label: str, caption: str) -> Markdown:
    """The coding of one network type on every dimension, as a numbered table."""
    df = typology_of(study, network_type)
    rows = [[r.dimension_label, r.summary if r.described else f"*{r.summary}*"] for r in df.itertuples()]
    return present.myst_table(rows, ["Dimension", "What the article reports"], label=label, caption=caption, widths=[25, 75])


def positions_table(study: Study, *, label: str, caption: str) -> Markdown:
    df = positions(study)
    rows = [[r.type_label, r.description, r.line_label, r.origin_label, r.ground_label,
             "" if pd.isna(r.n_stated) else present.fmt_count(r.n_stated)] for r in df.itertuples()]
    return present.myst_table(rows, ["Network type", "Position", "On the line", "Origin", "Ground for not charging her", "n stated"],
                              label=label, caption=caption, widths=[16, 30, 14, 12, 20, 8])


def leaders_table(study: Study, *, label: str, caption: str) -> Markdown:
    df = stats.women_leader_shares(study)
    rows = [[r.label, present.fmt_count(r.women), present.fmt_count(r.networks), pct(r.share), interval(r.low, r.high)]
            for r in df.itertuples()]
    return present.myst_table(rows, ["Network type", "Led by a woman", "Networks", "Share (%)", "95% Wilson interval (%)"],
                              label=label, caption=caption)


_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]


def number_word(n: int) -> str:
    """A small count in words, as prose writes it ("six types"); larger counts in digits."""
    n = int(n)
    return _WORDS[n] if 0 <= n < len(_WORDS) else f"{n:,}"


def join_words(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = list(items)
    if not items:
        return ""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def pct(x: float, digits: int = 1) -> str:
    """A proportion as a percentage with the article's precision."""
    return present.fmt_share(100 * x, digits)


def interval(lo: float, hi: float, digits: int = 1) -> str:
    return f"{pct(lo, digits)} to {pct(hi, digits)}"


def _escape_md(text: str) -> str:
    for ch in "\\`*_[]<>{}|":
        text = text.replace(ch, "\\" + ch)
    return text


def quote(study: Study, excerpt_id: str) -> Markdown:
    """One excerpt as a block quotation with its attribution, for ``{glue:md}``.

    The text is taken verbatim from the data; the attribution gives the pseudonym and the year as
    the article cites them, and says so when the article's list of interviewees gives another year.
    """
    df = excerpts(study).set_index("excerpt_id")
    if excerpt_id not in df.index:
        raise KeyError(f"no excerpt '{excerpt_id}' in excerpts.csv")
    r = df.loc[excerpt_id]
    note = ""
    if bool(r["year_differs"]):
        note = f" (listed under {r['roster_year']} in the article's list of interviewees)"
    body = textwrap.fill(_escape_md(r["text"]), 96, break_long_words=False, break_on_hyphens=False)
    lines = [f"> {line}" for line in body.splitlines()]
    lines += [">", f"> — {r['pseudonym']}, {r['year_as_cited']}{note}, quoted in {{cite:t}}`izcara2023`"]
    return Markdown("\n".join(lines))


def excerpt_explorer(study: Study, html_id: str = "profile-excerpt-explorer") -> str:
    """Every excerpt as a plain HTML list, with filter controls that a small script reveals.

    Without JavaScript the reader sees the full list, each excerpt with its pseudonym, year,
    network type and themes; the filter form is ``hidden`` until ``trata-excerpts.js`` shows it.
    """
    df = excerpts(study)
    types = network_types(study)
    e = html.escape
    used_themes = [t for t in THEMES if any(t in lst for lst in df["theme_list"])]
    out = [f'<div class="trata-excerpts" id="{e(html_id)}">',
           '<form class="trata-excerpts-filters" hidden>',
           f'<div class="trata-excerpts-filter"><label for="{e(html_id)}-type">Network type</label>'
           f'<select id="{e(html_id)}-type" data-filter="network"><option value="">All types</option>']
    for t in types.itertuples():
        out.append(f'<option value="{e(t.network_type)}">{e(t.label)}</option>')
    out.append("</select></div>")
    out.append(f'<div class="trata-excerpts-filter"><label for="{e(html_id)}-theme">Theme</label>'
               f'<select id="{e(html_id)}-theme" data-filter="theme"><option value="">All themes</option>')
    for t in used_themes:
        out.append(f'<option value="{e(t)}">{e(THEMES[t])}</option>')
    out.append("</select></div>")
    out.append('<p class="trata-excerpts-count" role="status" aria-live="polite"></p>')
    out.append("</form>")
    out.append('<ol class="trata-excerpts-list">')
    for r in df.itertuples():
        year = f"{r.year_as_cited}"
        if r.year_differs:
            year += f"; listed under {r.roster_year} in the article's list of interviewees"
        themes = ", ".join(THEMES[t] for t in r.theme_list)
        out.append(f'<li id="excerpt-{e(r.excerpt_id)}" data-network="{e(r.network_type)}" data-themes="{e(" ".join(r.theme_list))}">'
                   f"<blockquote><p>{e(r.text)}</p></blockquote>"
                   f'<p class="trata-excerpt-meta">— {e(r.pseudonym)} ({e(year)}). '
                   f"<strong>Network type:</strong> {e(r.type_label)}. <strong>Themes:</strong> {e(themes)}."
                   + (f" <em>Note:</em> {e(r.note)}" if r.note else "") + "</p></li>")
    out.append("</ol></div>")
    return "\n".join(out)


class HTMLBlock:
    """Raw HTML for ``glue``: shown as is in HTML output, as plain text elsewhere."""

    def __init__(self, markup: str, text: str):
        self.markup, self.text = markup, text

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/html": self.markup, "text/plain": self.text}


# ---------------------------------------------------------------------------------------------
# charts


def _js(text: str) -> str:
    """A string literal for a Vega expression."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_long_words=False) or [""]


def typology_chart(study: Study) -> alt.Chart:
    """The typology as a matrix: network types across, dimensions down, a few words in each cell;
    cells the article leaves undescribed are shaded apart."""
    df = typology(study)
    types = network_types(study)["label"].tolist()
    data = pd.DataFrame({
        "Network type": df["type_label"],
        "Dimension": df["dimension_label"],
        "Coding": df["label"].map(lambda s: _wrap(s, 15)),
        "Coding (text)": df["label"],
        "In the article": df["described"].map({True: "Described", False: "Not described"}),
        "Summary": df["summary"],
    })
    wrapped = ", ".join(f"{_js(t)}: [{', '.join(_js(line) for line in _wrap(t, 14))}]" for t in types)
    base = alt.Chart(data).encode(
        x=alt.X("Network type:N", sort=types, axis=alt.Axis(
            orient="bottom", labelAngle=0, labelLimit=0, title=None, labelLineHeight=13,
            labelExpr=f"{{{wrapped}}}[datum.label] || datum.label")),
        y=alt.Y("Dimension:N", sort=list(DIMENSIONS.values()), axis=alt.Axis(title=None, labelLimit=0)),
    )
    # Tiles and their text take their colours from the theme's styles, so that both modes keep
    # the text legible (dark on light tiles, light on dark tiles).
    tile = {}
    tip = ["Network type:N", "Dimension:N", "Coding (text):N", "Summary:N", "In the article:N"]
    cells = (base.mark_rect(style="tile-described", **tile).encode(tooltip=tip)
             .transform_filter(alt.datum["In the article"] == "Described")
             + base.mark_rect(style="tile-undescribed", **tile).encode(tooltip=tip)
             .transform_filter(alt.datum["In the article"] == "Not described"))
    step = 54
    # one text mark per line, centred as a block on the cell (multi-line text marks grow downwards)
    lines = data[["Network type", "Dimension", "Coding"]].explode("Coding").rename(columns={"Coding": "Line"})
    lines["n"] = lines.groupby(["Network type", "Dimension"])["Line"].transform("size")
    lines["offset"] = step / 2 + (lines.groupby(["Network type", "Dimension"]).cumcount() - (lines["n"] - 1) / 2) * 12
    text = alt.Chart(lines).mark_text(fontSize=10, baseline="middle").encode(
        x=alt.X("Network type:N", sort=types), y=alt.Y("Dimension:N", sort=list(DIMENSIONS.values())),
        yOffset=alt.YOffset("offset:Q", scale=None), text="Line:N")
    return (cells + text).properties(width=alt.Step(90), height=alt.Step(step))


def positions_chart(study: Study) -> alt.Chart:
    """Women's positions on the victim-victimizer line, by network type: colour for the ground on
    which she would not be charged (or its absence, for profit), shape for migrant or native."""
    df = positions(study)
    data = pd.DataFrame({
        "Network type": df["type_label"],
        "Position": df["description"],
        "On the line": df["line_label"],
        "Ground": df["ground_label"],
        "Origin": df["origin_label"],
    })
    grounds = [GROUNDS[k] for k in ("causation_and_coercion", "none", "not_applicable")]
    grounds += [g for g in data["Ground"].unique() if g not in grounds]
    types = network_types(study)["label"].tolist()
    return alt.Chart(data).mark_point(filled=True, size=110).encode(
        x=alt.X("On the line:N", sort=list(LINE.values()), scale=alt.Scale(domain=list(LINE.values())),
                axis=alt.Axis(orient="top", labelAngle=0, title=None)),
        y=alt.Y("Position:N", sort=data["Position"].drop_duplicates().tolist(), title=None, axis=alt.Axis(labelLimit=0)),
        color=alt.Color("Ground:N", scale=alt.Scale(domain=grounds),
                        legend=alt.Legend(orient="bottom", direction="vertical", title="Ground for not charging her (Gallagher 2010)",
                                          labelLimit=0, titleLimit=0)),
        # the shape legend's symbols take a mid grey that reads on the light and the dark page alike
        shape=alt.Shape("Origin:N", scale=alt.Scale(domain=list(ORIGINS.values()), range=["circle", "triangle-up"]),
                        legend=alt.Legend(orient="bottom", direction="vertical", title="Origin",
                                          symbolFillColor=charts.MODES["light"]["domain"],
                                          symbolStrokeColor=charts.MODES["light"]["domain"])),
        tooltip=["Network type:N", "Position:N", "On the line:N", "Ground:N", "Origin:N"],
    ).properties(width=alt.Step(130), height=alt.Step(24)).facet(
        row=alt.Row("Network type:N", sort=types, header=alt.Header(labelAngle=0, labelAlign="left", labelAnchor="start",
                                                                      labelOrient="top", labelFontWeight="bold", title=None)),
        spacing=14,
    ).resolve_scale(y="independent")
