"""The profile chapter: its structured coding, its presentation and the built page."""

import re
from pathlib import Path

import htmlpage
import prose
import pytest
from packages import refused, rewrite

from trata.analyse import stats
from trata.core import messages
from trata.derive import readers
from trata.present import excerpts
from trata.present import text as words
from trata.present.figures import profile as profile_fig

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
        assert set(typology.loc[typology["network_type"] == t, "dimension"]) == set(messages.labels("dimensions"))
    assert len(typology) == len(types) * len(messages.labels("dimensions"))
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
    pos = readers.positions(study)
    both = pos[pos["line"] == "victim_and_victimizer"]
    only = pos[pos["line"] == "victimizer"]
    assert set(both["gallagher_basis"]) == {"causation_and_coercion"} and set(both["origin"]) == {"migrant"}
    assert set(only["motive"]) == {"profit"} and set(only["origin"]) == {"native"}
    # the women leaders the article counts are the women leaders of Table 5
    leaders = pos[pos["position"] == "leader"].set_index("network_type")["n_stated"]
    shares = stats.women_leader_shares(study).set_index("network_type")
    assert leaders.to_dict() == {t: shares.loc[t, "women"] for t in leaders.index}
    assert leaders.sum() == shares.loc["total", "women"]
    counts = readers.position_counts(study)
    assert counts["acting"] == counts["both"] + counts["victimizer_only"] == counts["coerced"] + counts["profit"]


# ---------------------------------------------------------------------------------------------
# presentation


def test_quote_is_verbatim_with_pseudonym_and_year(study):
    md = excerpts.quote(study, "cartel-remedios").data
    unescape = lambda s: re.sub(r"\\(.)", r"\1", s)  # noqa: E731
    body = [line[2:] for line in md.splitlines() if line.startswith("> ") and not line.startswith("> —")]
    text = study["excerpts"].set_index("excerpt_id").loc["cartel-remedios", "text"]
    assert len(body) == 1 and unescape(body[0]) == text  # one line: wrapping cannot start a list or a heading
    assert "— Remedios, 2021 (listed under 2015" in unescape(md) and "{cite:t}`izcara2023`" in md
    with pytest.raises(KeyError):
        excerpts.quote(study, "no-such-excerpt")


def test_explorer_lists_every_excerpt_without_javascript(study):
    markup = excerpts.excerpt_explorer(study)
    page = htmlpage.fragment(markup)
    items = page.find_all("li", attrs={"data-network": True})
    ex = study["excerpts"]
    assert len(items) == len(ex)
    assert {i["id"] for i in items} == {f"excerpt-{e}" for e in ex["excerpt_id"]}
    assert page.find("form", class_="trata-excerpts-filters").has_attr("hidden") and page.find_all("script") == []
    assert {o["value"] for o in page.find_all("option")} - {""} == set(study["network_types"]["network_type"]) | {t for ts in ex["themes"] for t in ts.split(";")}
    for text in ex["text"]:
        assert text.replace("&", "&amp;").replace("'", "&#x27;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;") in markup


def test_charts_cover_every_type(study):
    typ = profile_fig.typology_chart(study).to_dict()
    values = next(v for v in typ["datasets"].values() if v and "In the article" in v[0])
    assert len(values) == 54 and {v["Network type"] for v in values} == set(SECTIONS)
    pos = profile_fig.positions_chart(study).to_dict()
    assert len(next(iter(pos["datasets"].values()))) == len(study["women_positions"])


def test_number_words():
    assert [words.number_word(n) for n in (0, 2, 6, 9, 77)] == ["no", "two", "six", "nine", "77"]
    assert words.join_words(["a", "b", "c"]) == "a, b and c"


def test_no_typed_number_in_the_prose():
    text = prose.prose(NOTEBOOK.read_text(encoding="utf-8"))
    assert prose.typed_numbers(NOTEBOOK.read_text(encoding="utf-8")) == []
    for word in ("percent", "per cent"):
        assert word not in text


# ---------------------------------------------------------------------------------------------
# the built page


class Page:
    """What the tests read of the built page: its section headings (level 2, with the section's
    id), the text of its block quotations, every id, and the items of the excerpt explorer."""

    def __init__(self, path):
        soup = htmlpage.soup(path)
        article = soup.find("article")
        self.h2 = [(htmlpage.text_of(h).rstrip("#").strip(), h.find_parent("section").get("id"))
                   for h in article.find_all("h2") if h.find_parent("section")]
        self.quotes = [htmlpage.text_of(q) for q in soup.find_all("blockquote")]
        self.ids = {el["id"] for el in soup.find_all(id=True)}
        self.explorer_items = len(soup.find_all("li", attrs={"data-network": True}))


@pytest.fixture(scope="module")
def page(site):
    path = site / "notebooks" / "profile.html"
    return Page(path), path.read_text(encoding="utf-8")


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
    rows = htmlpage.table(site / "notebooks" / "leadership.html", "tbl-leadership-shares")[1:]
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
