"""The profile chapter: its structured coding, its presentation and the built page."""

import csv
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import trata
from trata import DataPackageError
from trata import profile as PR
from trata import stats

from packages import refused, rewrite

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "profile.md"
SECTIONS = ["Mexican cartel members", "Nightclub owners", "Members of trafficking groups",
            "Members of international pseudo-modelling agencies", "Freelance traffickers",
            "Pseudonovios (casually dating)"]


# ---------------------------------------------------------------------------------------------
# the structured coding


def test_every_excerpt_pseudonym_is_in_the_roster(study):
    roster = set(study["roster"]["pseudonym"])
    excerpts = study["excerpts"]
    assert len(excerpts) > 0
    assert set(excerpts["pseudonym"]) <= roster


def test_every_network_type_in_every_structured_table(study):
    types = set(study["network_types"]["network_type"])
    assert len(types) == 6
    typology = study["typology"]
    for t in types:
        assert set(typology.loc[typology["network_type"] == t, "dimension"]) == set(PR.DIMENSIONS)
    assert len(typology) == len(types) * len(PR.DIMENSIONS)
    assert set(study["women_positions"]["network_type"]) == types
    assert set(study["excerpts"]["network_type"]) == types


def test_year_flags_are_remedios_and_rosa(study):
    ex = study["excerpts"]
    flagged = ex[ex["year_differs"]]
    assert sorted(flagged["pseudonym"]) == ["Remedios", "Rosa"]
    assert set(flagged["year_as_cited"]) == {2021} and set(flagged["roster_year"]) == {2015}
    roster = dict(zip(study["roster"]["pseudonym"], study["roster"]["interview_year"]))
    assert all(r.roster_year == roster[r.pseudonym] for r in ex.itertuples())


def test_excerpt_outside_the_roster_is_rejected(data_copy):
    rewrite(data_copy.parent / "excerpts.csv", lambda rows: rows[1].__setitem__(1, "Marta"))
    assert any(p.rule == "foreign-key" and p.file == "excerpts.csv" for p in problems(data_copy))


def test_wrong_year_flag_is_rejected(data_copy):
    def unflag(rows):
        i = next(i for i, r in enumerate(rows) if r[1] == "Rosa")
        rows[i][4] = "false"
    rewrite(data_copy.parent / "excerpts.csv", unflag)
    probs = problems(data_copy)
    assert [p.rule for p in probs] == ["agrees-with-roster"] and probs[0].column == "year_differs"


def test_missing_typology_cell_is_rejected(data_copy):
    removed = []
    rewrite(data_copy.parent / "typology.csv", lambda rows: removed.append(rows.pop(5)))
    assert removed[0][:2] == ["cartel", "violence"]
    probs = problems(data_copy)
    assert [p.rule for p in probs] == ["complete-crossing"]
    assert "'cartel'" in probs[0].message and "'violence'" in probs[0].message


def test_unknown_theme_is_rejected(data_copy):
    rewrite(data_copy.parent / "excerpts.csv", lambda rows: rows[1].__setitem__(6, "abduction;fear"))
    probs = problems(data_copy)
    assert any(p.column == "themes" and p.line == 2 for p in probs)


def test_profit_with_a_ground_is_rejected(data_copy):
    def ground(rows):
        i = next(i for i, r in enumerate(rows) if r[0] == "group-leader")
        rows[i][8] = "coercion"
    rewrite(data_copy.parent / "women_positions.csv", ground)
    assert [p.rule for p in problems(data_copy)] == ["line-agrees-with-motive"]


def test_positions_separate_coerced_migrants_from_native_profiteers(study):
    pos = PR.positions(study)
    both = pos[pos["line"] == "victim_and_victimizer"]
    only = pos[pos["line"] == "victimizer"]
    assert set(both["gallagher_basis"]) == {"causation_and_coercion"} and set(both["origin"]) == {"migrant"}
    assert set(only["motive"]) == {"profit"} and set(only["origin"]) == {"native"}
    # the women leaders the article counts are the women leaders of Table 5
    leaders = pos[pos["position"] == "leader"].set_index("network_type")["n_stated"]
    shares = stats.women_leader_shares(study).set_index("network_type")
    assert leaders.to_dict() == {t: shares.loc[t, "women"] for t in leaders.index}
    assert leaders.sum() == shares.loc["total", "women"]
    counts = PR.position_counts(study)
    assert counts["acting"] == counts["both"] + counts["victimizer_only"] == counts["coerced"] + counts["profit"]


# ---------------------------------------------------------------------------------------------
# presentation


def test_quote_is_verbatim_with_pseudonym_and_year(study):
    md = PR.quote(study, "cartel-remedios").data
    body = " ".join(line[2:] for line in md.splitlines() if line.startswith("> ") and not line.startswith("> —"))
    text = study["excerpts"].set_index("excerpt_id").loc["cartel-remedios", "text"]
    assert body.replace("\\", "") == text
    assert "— Remedios, 2021 (listed under 2015" in md and "{cite:t}`izcara2023`" in md
    with pytest.raises(KeyError):
        PR.quote(study, "no-such-excerpt")


class Explorer(HTMLParser):
    def __init__(self):
        super().__init__()
        self.items, self.form_hidden, self.scripts, self.options = [], None, [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "li" and "data-network" in a:
            self.items.append(a)
        elif tag == "form" and "trata-excerpts-filters" in (a.get("class") or ""):
            self.form_hidden = "hidden" in a
        elif tag == "script":
            self.scripts.append(a)
        elif tag == "option":
            self.options.append(a.get("value"))


def test_explorer_lists_every_excerpt_without_javascript(study):
    markup = PR.excerpt_explorer(study)
    p = Explorer()
    p.feed(markup)
    ex = study["excerpts"]
    assert len(p.items) == len(ex)
    assert {i["id"] for i in p.items} == {f"excerpt-{e}" for e in ex["excerpt_id"]}
    assert p.form_hidden is True and p.scripts == []
    assert set(p.options) - {""} == set(study["network_types"]["network_type"]) | {t for ts in ex["themes"] for t in ts.split(";")}
    for text in ex["text"]:
        assert text.replace("&", "&amp;").replace("'", "&#x27;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;") in markup


def test_charts_cover_every_type(study):
    typ = PR.typology_chart(study).to_dict()
    values = next(v for v in typ["datasets"].values() if v and "In the article" in v[0])
    assert len(values) == 54 and {v["Network type"] for v in values} == set(SECTIONS)
    pos = PR.positions_chart(study).to_dict()
    assert len(next(iter(pos["datasets"].values()))) == len(study["women_positions"])


def test_number_words():
    assert [PR.number_word(n) for n in (0, 2, 6, 9, 77)] == ["no", "two", "six", "nine", "77"]
    assert PR.join_words(["a", "b", "c"]) == "a, b and c"


def prose_of(md_text: str) -> str:
    """The notebook's markdown without code cells, roles, directive options, labels and front matter."""
    text = re.sub(r"\A---\n.*?\n---\n", "", md_text, flags=re.S)
    text = re.sub(r"```\{code-cell\}.*?```", "", text, flags=re.S)
    text = re.sub(r"\{[a-z:]+\}`[^`]*`", "", text)
    text = re.sub(r"^:[a-z-]+:.*$", "", text, flags=re.M)
    text = re.sub(r"^(```|:::)\{[a-z:]+\}.*$", "", text, flags=re.M)
    text = re.sub(r"^\([a-z0-9-]+\)=$", "", text, flags=re.M)
    text = re.sub(r"`[^`]*`", "", text)
    return text


def test_no_typed_number_in_the_prose():
    prose = prose_of(NOTEBOOK.read_text(encoding="utf-8"))
    prose = re.sub(r"Table A?\d\b", "", prose)  # the article's table names
    assert re.findall(r"\d", prose) == []
    for word in ("percent", "per cent"):
        assert word not in prose


def test_prose_check_sees_typed_numbers():
    assert re.findall(r"\d", prose_of("Women led 4 of {glue:text}`x` networks.")) == ["4"]


# ---------------------------------------------------------------------------------------------
# the built page


class Page(HTMLParser):
    """Headings of level 2 with their section id, blockquotes' text, and ids."""

    def __init__(self):
        super().__init__()
        self.h2, self.ids, self._in, self._buf, self._section = [], set(), None, [], []
        self.quotes, self._quote, self.explorer_items = [], None, 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "section":
            self._section.append(a.get("id"))
        if tag == "h2":
            self._in, self._buf = "h2", []
        if tag == "blockquote":
            self._quote = []
        if tag == "li" and "data-network" in a:
            self.explorer_items += 1

    def handle_endtag(self, tag):
        if tag == "section" and self._section:
            self._section.pop()
        if tag == "h2" and self._in == "h2":
            if self._section:  # headings of the page's sections, not of the navigation
                self.h2.append(("".join(self._buf).strip().rstrip("#").strip(), self._section[-1]))
            self._in = None
        if tag == "blockquote" and self._quote is not None:
            self.quotes.append(re.sub(r"\s+", " ", "".join(self._quote)).strip())
            self._quote = None

    def handle_data(self, data):
        if self._in == "h2":
            self._buf.append(data)
        if self._quote is not None:
            self._quote.append(data)


@pytest.fixture(scope="module")
def page(site):
    html = (site / "notebooks" / "profile.html").read_text(encoding="utf-8")
    p = Page()
    p.feed(html)
    return p, html


def test_page_has_the_six_sections(page, study):
    p, _ = page
    titles = [t for t, _ in p.h2]
    labels = study["network_types"].sort_values("order_in_table")["label"].tolist()
    assert labels == SECTIONS
    first = titles.index(labels[0])
    assert titles[first: first + len(labels)] == labels
    _, html = page
    for t, label in zip(study["network_types"].sort_values("order_in_table")["network_type"], labels):
        anchor = "profile-" + t.replace("_", "-")  # stable label placed on the section's heading
        assert re.search(rf'<span id="{anchor}"></span><h2>{re.escape(label)}<a class="headerlink"', html), label
        assert f"tbl-profile-{t.replace('_', '-')}" in p.ids


def test_page_quotes_only_roster_pseudonyms(page, study):
    p, html = page
    roster = set(study["roster"]["pseudonym"])
    quoted = [q for q in p.quotes if "quoted in" in q]
    assert len(quoted) >= 6
    for q in quoted:
        who = re.search(r"— (\w+), (\d{4})", q)
        assert who and who.group(1) in roster, q
    assert p.explorer_items == 0  # the full list has a page of its own


def test_page_has_figures_tables_and_content_note(page):
    p, html = page
    for label in ("fig-profile-typology", "fig-profile-positions", "tbl-profile-positions"):
        assert label in p.ids, label
    first = html.find("Content note")
    assert 0 < first < html.find('id="profile-cartel"')


def test_leaders_table_on_the_page_matches_the_statistics(site, study):
    html = (site / "notebooks" / "leadership.html").read_text(encoding="utf-8")
    table = re.search(r'<table[^>]*id="tbl-leadership-shares".*?</table>', html, re.S).group(0)
    cells = [re.sub(r"<[^>]+>|\s+", " ", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", table, re.S)]
    rows = [cells[i:i + 5] for i in range(0, len(cells), 5)]
    assert rows[-1] == ["Total", "4", "77", "5.2", "2.0 to 12.6"]
    assert rows[0] == ["Mexican cartel members", "0", "37", "0.0", "0.0 to 9.4"]


def test_excerpt_script_is_served_and_registered(site):
    html = (site / "notebooks" / "excerpts.html").read_text(encoding="utf-8")
    assert (site / "_static" / "trata-excerpts.js").is_file()
    srcs = re.findall(r'<script[^>]+src="([^"]+)"', html)
    assert any(s.split("?")[0].endswith("_static/trata-excerpts.js") for s in srcs)
    assert not [s for s in srcs if s.startswith(("http:", "https:", "//"))]
    assert (site / "_static" / "trata-excerpts.css").is_file()
    assert re.search(r'<link[^>]+href="[^"]*_static/trata-excerpts\.css', html)


@pytest.mark.browser
def test_excerpt_filters_in_the_browser(site, study):
    from playwright.sync_api import sync_playwright

    url = (site / "notebooks" / "excerpts.html").as_uri()
    ex = study["excerpts"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        try:
            nojs = browser.new_page(java_script_enabled=False)
            nojs.goto(url)
            assert nojs.locator("#profile-excerpt-explorer li[data-network]").count() == len(ex)
            assert nojs.locator("#profile-excerpt-explorer li[data-network]:visible").count() == len(ex)
            assert not nojs.locator("#profile-excerpt-explorer form").is_visible()

            page = browser.new_page()
            page.goto(url)
            items = page.locator("#profile-excerpt-explorer li[data-network]:visible")
            assert items.count() == len(ex)
            page.select_option("#profile-excerpt-explorer-type", "modelling_agency")
            assert items.count() == int((ex["network_type"] == "modelling_agency").sum())
            page.select_option("#profile-excerpt-explorer-theme", "threats")
            both = ex[(ex["network_type"] == "modelling_agency") & ex["themes"].str.split(";").map(lambda t: "threats" in t)]
            assert items.count() == len(both) > 0
            assert page.locator("#profile-excerpt-explorer .trata-excerpts-count").inner_text() == \
                f"Showing {len(both)} of {len(ex)} excerpts."
            page.select_option("#profile-excerpt-explorer-type", "")
            page.select_option("#profile-excerpt-explorer-theme", "")
            assert items.count() == len(ex)
        finally:
            browser.close()


def problems(pkg):
    return refused(pkg).problems
