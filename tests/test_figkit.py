"""Figures that reflow and the toolkit under every figure: layouts chosen by width, the map's legend
and markers, the data each figure plots as CSV and as a table, and the files the build writes."""

from __future__ import annotations

import csv
import io
import json
import re
from types import SimpleNamespace

import pandas as pd
import pytest
from bs4 import BeautifulSoup
from test_charts import walk  # every mapping inside a Vega-Lite spec

from trata.book import figkit as book_figkit
from trata.core import messages
from trata.present import figkit, figure, theme
from trata.present.figures import annex, consent, profile


def plotted_of(name: str, frame: pd.DataFrame) -> figkit.Plotted:
    """What a figure's toolkit offers of ``frame``, as the figure modules build it."""
    return figkit.Plotted(frame, messages.labels(f"figure.{name}.columns"), messages.text(f"figure.{name}.caption"),
                          messages.text(f"figure.{name}.source"))


#: Every figure of the book: glue key -> (chart builder taking ``narrow``, its data as the toolkit offers it).
FIGURES = {
    "annex_fig_countries": (annex.countries_chart, lambda s: plotted_of("countries", annex.countries_data(s))),
    "annex_fig_characteristics": (annex.characteristics_chart,
                                  lambda s: plotted_of("characteristics", annex.characteristics_data(s))),
    "annex_fig_states": (annex.states_chart, lambda s: plotted_of("states", annex.states_data(s))),
    "annex_fig_escape": (annex.escape_chart, lambda s: plotted_of("escape", annex.escape_data(s))),
    "annex_fig_leaders": (annex.leaders_chart, lambda s: plotted_of("leaders", annex.leaders_data(s))),
    "profile_fig_typology": (profile.typology_chart, lambda s: plotted_of("typology", profile.typology_data(s))),
    "profile_fig_positions": (profile.positions_chart, lambda s: plotted_of("positions", profile.positions_data(s))),
    "consent_timeline": (lambda s, narrow=False: consent.timeline_chart(s, narrow=narrow),
                         lambda s: plotted_of("timeline", consent.timeline_data(s))),
}
KEYS = list(FIGURES)
#: The text column of a 390 px phone (CSS px, measured in Chromium): no narrow layout is wider.
PHONE_COLUMN = 342
#: The narrowest column a wide layout is drawn in (at 1280 px, beside the sidebar and the contents).
DESKTOP_COLUMN = 672


@pytest.fixture(scope="module")
def specs(study):
    return {key: {"wide": figure.spec_of(build(study)), "narrow": figure.spec_of(build(study, narrow=True))}
            for key, (build, _) in FIGURES.items()}


@pytest.fixture(scope="module")
def plotted(study):
    return {key: data(study) for key, (_, data) in FIGURES.items()}


def svg_width(svg: str) -> float:
    return float(re.search(r'<svg[^>]* width="([\d.]+)"', svg).group(1))


# ---------------------------------------------------------------------------------------------
# layouts


@pytest.mark.parametrize("key", KEYS)
def test_narrow_layout_fits_a_phone_column(specs, key):
    svg = figure.static_svg(figure.drawn_spec(specs[key]["narrow"], "narrow"))
    assert svg_width(svg) <= PHONE_COLUMN
    wide = figure.static_svg(figure.drawn_spec(specs[key]["wide"], "wide"))
    assert svg_width(wide) > PHONE_COLUMN  # the narrow layout is needed: the wide one would shrink its text
    if specs[key]["wide"].get("width") != "container":
        assert svg_width(wide) <= DESKTOP_COLUMN


@pytest.mark.parametrize("key", KEYS)
def test_no_text_smaller_than_10_px(specs, key):
    for layout in ("wide", "narrow"):
        spec = specs[key][layout]
        sizes = [v for d in walk(spec) for k, v in d.items() if k.lower().endswith("fontsize") and isinstance(v, (int, float))]
        assert sizes and min(sizes) >= 10, (layout, sorted(sizes)[:3])


@pytest.mark.parametrize("key", ["annex_fig_countries", "annex_fig_escape", "consent_timeline"])
def test_single_views_are_as_wide_as_their_container(specs, key):
    for layout in ("wide", "narrow"):
        assert specs[key][layout]["width"] == "container"
        drawn = figure.drawn_spec(specs[key][layout], layout)
        assert drawn["width"] == figure.STATIC_WIDTH[layout]
        assert drawn["autosize"] == {"type": "fit-x", "contains": "padding"}
        assert "container" not in json.dumps(drawn)
    svg = figure.static_svg(figure.drawn_spec(specs[key]["narrow"], "narrow"))
    assert svg_width(svg) == pytest.approx(figure.STATIC_WIDTH["narrow"], abs=1)


def test_fixed_width_reaches_nested_views():
    spec = {"width": "container", "layer": [{"width": "container", "mark": "bar"}], "height": 10}
    assert figure._fixed_width(spec, 300) == {"width": 300, "layer": [{"width": 300, "mark": "bar"}], "height": 10}


def test_narrow_typology_is_split_by_type(study, specs):
    narrow = specs["profile_fig_typology"]["narrow"]
    types = [t for t in study["network_types"]["label"]]
    assert [" ".join(p["title"]["text"]) for p in narrow["vconcat"]] == types
    assert "vconcat" not in specs["profile_fig_typology"]["wide"]


def test_narrow_map_puts_the_bars_below_it(specs):
    assert "hconcat" in specs["annex_fig_states"]["wide"]
    narrow = specs["annex_fig_states"]["narrow"]
    assert len(narrow["vconcat"]) == 2 and "layer" in narrow["vconcat"][0] and narrow["vconcat"][1]["mark"]["type"] == "bar"


# ---------------------------------------------------------------------------------------------
# the map


def test_map_legend_covers_the_data(study, specs):
    top = int(annex.states_data(study)["n"].max())
    for layout in ("wide", "narrow"):
        layer = (specs["annex_fig_states"][layout].get("hconcat") or specs["annex_fig_states"][layout]["vconcat"])[0]["layer"]
        colour = layer[1]["encoding"]["color"]
        assert colour["scale"]["domain"] == [1, top]
        assert colour["legend"]["values"][-1] == top and colour["legend"]["values"][0] == 1


def test_legend_values():
    assert annex.legend_values(29) == [1, 3, 10, 29]
    assert annex.legend_values(100) == [1, 3, 10, 30, 100]
    assert annex.legend_values(2) == [1, 2]


def test_every_named_state_has_a_marker_inside_mexico(study, specs):
    df = annex.states_data(study)
    layer = specs["annex_fig_states"]["wide"]["hconcat"][0]["layer"]
    halo, markers = layer[2], layer[3]
    assert markers["mark"]["style"] == "map-marker" and halo["mark"]["style"] == "map-marker-halo"
    assert halo["encoding"] == markers["encoding"]
    assert markers["encoding"]["size"]["field"] == "n" and markers["encoding"]["longitude"]["field"] == "lon"
    assert df["lon"].between(-118.5, -86.5).all() and df["lat"].between(14.5, 33).all()
    city = df.set_index("map_name").loc["Distrito Federal"]
    # Mexico City's marker sits in the Valley of Mexico
    assert -99.4 < city["lon"] < -98.9 and 19.0 < city["lat"] < 19.7


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_map_markers_and_tiles_contrast_with_the_page(mode):
    page = {"light": "#ffffff", "dark": "#14181e"}[mode]
    style = theme.config(mode)["style"]
    assert theme.contrast(style["map-marker"]["stroke"], page) >= 4.5
    # on every shade of the map, the marker or its halo stands out (WCAG non-text contrast, 3:1)
    for ramp in theme.MODES[mode]["ramp"] + [theme.MODES[mode]["nodata"]]:
        assert max(theme.contrast(style[s]["stroke"], ramp) for s in ("map-marker", "map-marker-halo")) >= 3, ramp


# ---------------------------------------------------------------------------------------------
# the data a figure plots: CSV and table


def read_csv(text: str) -> tuple[str, list[dict]]:
    first, _, rest = text.partition("\n")
    return first, list(csv.DictReader(io.StringIO(rest)))


@pytest.mark.parametrize("key", KEYS)
def test_csv_equals_the_figures_data(specs, plotted, key):
    p = plotted[key]
    p.check_against(specs[key]["wide"])  # the toolkit's rows are the rows the chart draws
    first, rows = read_csv(p.csv("9.9.9"))
    assert first.startswith("# ") and "9.9.9" in first and p.source in first
    dataset = next(d for d in specs[key]["wide"]["datasets"].values() if len(d) == len(rows) and all(f in d[0] for f in p.columns))
    assert list(rows[0]) == list(p.columns.values())
    for row, drawn in zip(rows, dataset):
        for field, header in p.columns.items():
            value = drawn[field]
            if value is None:
                assert row[header] == ""
            elif isinstance(value, (int, float)):
                assert float(row[header]) == pytest.approx(value, rel=1e-12)
            else:
                assert row[header] == str(value)


def test_check_against_refuses_other_rows(study, specs, plotted):
    p = plotted["annex_fig_countries"]
    changed = p.frame.copy()
    changed.loc[0, "n"] = changed.loc[0, "n"] + 1
    with pytest.raises(ValueError, match="does not draw"):
        figkit.Plotted(changed, p.columns, p.caption, p.source).check_against(specs["annex_fig_countries"]["wide"])


@pytest.mark.parametrize("key", ["annex_fig_states", "profile_fig_positions"])
def test_table_view_is_a_captioned_table_of_the_same_rows(plotted, key):
    p = plotted[key]
    soup = BeautifulSoup(figkit.table_html(p, "x"), "html.parser")
    details = soup.find("details")
    assert details.find("summary").get_text() == messages.text("figkit.table")
    table = details.find("table")
    assert table.find("caption").get_text() == p.caption
    assert [th.get_text() for th in table.find("thead").find_all("th")] == list(p.columns.values())
    body = [[td.get_text() for td in tr.find_all("td")] for tr in table.find("tbody").find_all("tr")]
    assert body == [[figkit.cell(v) for v in row] for row in p.table().itertuples(index=False)]
    region = details.find(attrs={"role": "region"})
    assert region["tabindex"] == "0" and region["aria-labelledby"] == table.find("caption")["id"]


def test_cells():
    assert figkit.cell(29) == "29" and figkit.cell(29.0) == "29" and figkit.cell(38.66) == "38.7"
    assert figkit.cell(float("nan")) == messages.text("figkit.missing") and figkit.cell(pd.NA) == messages.text("figkit.missing")


def test_toolkit_words_come_from_the_message_table(plotted, monkeypatch):
    monkeypatch.setitem(messages.MESSAGES["en"], "figkit.table", "Ver como tabla")
    monkeypatch.setitem(messages.MESSAGES["en"], "figkit.csv", "Datos (CSV)")
    page = figkit.toolkit_html("k", "x", plotted["annex_fig_escape"])
    soup = BeautifulSoup(page, "html.parser")
    assert soup.find("summary").get_text() == "Ver como tabla"
    links = {a["href"]: a.get_text() for a in soup.find_all("a")}
    assert links == {f"{figkit.FILES_PREFIX}k.svg": messages.text("figkit.svg"),
                     f"{figkit.FILES_PREFIX}k.png": messages.text("figkit.png"), f"{figkit.FILES_PREFIX}k.csv": "Datos (CSV)"}
    assert soup.find(attrs={"role": "group"})["aria-label"] == messages.text("figkit.files")


# ---------------------------------------------------------------------------------------------
# the page and the files the build writes


@pytest.fixture(scope="module")
def escape_figure(study):
    return annex.escape_figure(study)


def test_figure_html_has_both_layouts_and_the_toolkit(escape_figure):
    soup = BeautifulSoup(escape_figure.html(), "html.parser")
    block = soup.find(class_="trata-figure-block")
    scripts = block.find_all("script", class_="trata-figure-spec")
    assert [s["data-layout"] for s in scripts] == ["wide", "narrow"]
    assert scripts[1]["data-max-width"] == str(figure.NARROW_BELOW - 1)
    assert json.loads(scripts[0].string) == escape_figure.spec and json.loads(scripts[1].string) == escape_figure.narrow_spec
    assert len(block.find_all(class_="trata-figure-static")) == 2
    # the toolkit is outside the image: its controls stay reachable
    img = block.find(attrs={"role": "img"})
    assert img.find("a") is None and block.find(class_="trata-figkit").find_all("a")


def fake_app(tmp_path):
    (tmp_path / "VERSION").write_text("1.2.3\n")
    return SimpleNamespace(outdir=str(tmp_path / "out"), confdir=str(tmp_path))


def test_build_writes_the_files_and_points_the_links_at_them(tmp_path, escape_figure, study):
    app = fake_app(tmp_path)
    page = "<p>before</p>" + escape_figure.html() + "<p>after</p>"
    context = {"body": page, "pathto": lambda name, resource=0: "../" + name}
    book_figkit.on_html_page_context(app, "notebooks/annex", "page.html", context, None)
    folder = tmp_path / "out" / "_static" / "figures"
    assert sorted(p.name for p in folder.iterdir()) == ["annex_fig_escape.csv", "annex_fig_escape.png", "annex_fig_escape.svg"]
    soup = BeautifulSoup(context["body"], "html.parser")
    assert {a["href"] for a in soup.find_all("a")} == {f"../_static/figures/annex_fig_escape.{e}" for e in ("svg", "png", "csv")}
    assert figkit.FILES_PREFIX not in context["body"]
    text = (folder / "annex_fig_escape.csv").read_text(encoding="utf-8")
    assert text == escape_figure.plotted.csv("1.2.3")
    assert (folder / "annex_fig_escape.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (folder / "annex_fig_escape.svg").read_text(encoding="utf-8") == escape_figure.svg
    # the same page gives the same bytes
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    book_figkit.on_html_page_context(app, "notebooks/annex", "page.html", {"body": page, "pathto": context["pathto"]}, None)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_pages_without_figures_are_left_alone(tmp_path):
    app = fake_app(tmp_path)
    context = {"body": "<p>no figure</p>", "pathto": lambda name, resource=0: name}
    book_figkit.on_html_page_context(app, "intro", "page.html", context, None)
    assert context["body"] == "<p>no figure</p>" and not (tmp_path / "out").exists()
