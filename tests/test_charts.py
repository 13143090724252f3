"""The chart module: theme, intervals, the annex figures' data, specifications, static SVG and HTML."""

from __future__ import annotations

import dataclasses
import html
import json
import math
import re

import pytest

from trata.analyse import stats
from trata.core import mapfile, messages
from trata.core.paths import REPO_ROOT
from trata.derive import tables
from trata.present import figure, theme
from trata.present.figures import annex as charts

#: The annex figures: glue key -> (chart builder, alt-text builder).
FIGURES = {
    "annex_fig_countries": (charts.countries_chart, charts.countries_alt),
    "annex_fig_characteristics": (charts.characteristics_chart, charts.characteristics_alt),
    "annex_fig_states": (charts.states_chart, charts.states_alt),
    "annex_fig_escape": (charts.escape_chart, charts.escape_alt),
    "annex_fig_leaders": (charts.leaders_chart, charts.leaders_alt),
}
ANNEX = list(FIGURES)


# ---------------------------------------------------------------------------------------------
# helpers


contrast = theme.contrast


def test_contrast_ratio():
    assert theme.contrast("#000000", "#ffffff") == pytest.approx(21)
    assert theme.contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


#: What the page behind a figure looks like in each mode (the dark chart background is transparent).
PAGE = {"light": "#ffffff", "dark": "#14181e"}


def units(spec: dict):
    """Every unit specification (one with a mark) inside a Vega-Lite specification."""
    if "mark" in spec:
        yield spec
    for key in ("layer", "hconcat", "vconcat", "concat"):
        for sub in spec.get(key, []):
            yield from units(sub)
    if "spec" in spec:
        yield from units(spec["spec"])


def walk(obj):
    if isinstance(obj, dict):
        yield obj
        for v in obj.values():
            yield from walk(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from walk(v)


@pytest.fixture(scope="module")
def figures(study):
    return {key: figure.Figure(key, build(study), alt(study)) for key, (build, alt) in FIGURES.items()}


# ---------------------------------------------------------------------------------------------
# theme


def test_palette_is_okabe_ito():
    assert set(theme.OKABE_ITO.values()) == {"#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442",
                                              "#0072B2", "#D55E00", "#CC79A7"}
    for mode in theme.MODES.values():
        assert set(mode["category"]) == set(theme.OKABE_ITO.values())


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_theme_colours_are_readable_on_the_page(mode):
    m = theme.MODES[mode]
    bg = PAGE[mode]
    assert contrast(m["text"], bg) >= 4.5, "axis and legend text"
    for role in ("primary", "interval", "domain"):
        assert contrast(m[role], bg) >= 3, role
    # the two colours that carry meaning in two-group charts (men, women)
    for c in m["category"][:2]:
        assert contrast(c, bg) >= 3, c
    # the map: the lowest shade differs from the states the table does not name
    assert m["ramp"][0].lower() != m["nodata"].lower()
    assert contrast(m["ramp"][0], m["nodata"]) >= 1.5


def test_dark_config_overrides_every_colour_of_the_light_one():
    light, dark = theme.config("light"), theme.config("dark")
    assert light.keys() == dark.keys()
    colour = re.compile(r"^#[0-9A-Fa-f]{6}$")
    light_colours = {v for d in walk(light) for v in d.values() if isinstance(v, str) and colour.match(v)}
    dark_colours = {v for d in walk(dark) for v in d.values() if isinstance(v, str) and colour.match(v)}
    # nothing dark on dark: no light-mode text or line colour survives in the dark config
    for c in ("#222832", "#48566b", "#d9dde3"):
        assert c in light_colours and c not in dark_colours


def test_registered_theme_is_enabled():
    import altair as alt

    assert alt.theme.active == "trata"
    assert alt.Chart().mark_point().to_dict()["config"] == theme.config("light")


# ---------------------------------------------------------------------------------------------
# intervals


def wilson_closed_form(k: int, n: int, z: float = 1.959963984540054) -> tuple[float, float]:
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return 100 * (centre - half), 100 * (centre + half)


@pytest.mark.parametrize("k,n", [(0, 37), (1, 13), (3, 15), (4, 77), (32, 75), (75, 75)])
def test_wilson_interval(k, n):
    lo, hi = stats.wilson_percent(k, n)
    elo, ehi = wilson_closed_form(k, n)
    assert lo == pytest.approx(elo, abs=1e-9) and hi == pytest.approx(ehi, abs=1e-9)
    assert 0 <= lo <= 100 * k / n <= hi <= 100


# ---------------------------------------------------------------------------------------------
# the figures' data


def test_countries_data(study):
    df = charts.countries_data(study)
    t1 = tables.table1(study)
    assert "Total" not in set(df["country"])
    assert df["n"].sum() == tables.interviewees(study)
    assert (df["lo"] <= df["share"]).all() and (df["share"] <= df["hi"]).all()
    guatemala = df.set_index("country").loc["Guatemala"]
    assert guatemala["n"] == t1.set_index("country").loc["Guatemala", "n"]
    assert (guatemala["lo"], guatemala["hi"]) == pytest.approx(wilson_closed_form(int(guatemala["n"]), 75))


def test_characteristics_keep_the_printed_labels(study):
    df = charts.characteristics_data(study)
    raw = study["characteristics"]
    for row in raw.itertuples():
        shown = {"Min.": "min", "Max.": "max"}.get(row.statistic_as_printed) or messages.labels("table2_shown")[row.statistic_as_printed]
        assert df.set_index("variable").loc[row.variable, shown] == pytest.approx(row.value)
    assert list(df.columns[-3:]) == ["Median (as printed)", "Mean (as printed)", "Mode"]


def test_states_map_covers_every_state_of_the_table(study):
    names = set(mapfile.names())
    df = charts.states_data(study)
    assert len(df) == len(study["states"])
    assert set(df["map_name"]) <= names
    assert "Distrito Federal" in set(df["map_name"])


def test_leaders_intervals_on_the_share_of_women(study):
    df = charts.leaders_data(study)
    total = df[df["network_type"] == "total"].iloc[0]
    women, nets = tables.women_leaders(study)
    assert (total["female_n"], total["total_n"]) == (women, nets)
    assert (total["female_lo"], total["female_hi"]) == pytest.approx(wilson_closed_form(women, nets))
    cartel = df[df["network_type"] == "cartel"].iloc[0]
    assert cartel["female_n"] == 0 and cartel["female_lo"] == pytest.approx(0, abs=1e-9) and cartel["female_hi"] > 5


def test_escape_data_bins(study):
    df = charts.escape_data(study)
    assert list(df["bin_as_printed"]) == list(study["time_since_escape"]["bin_as_printed"])
    assert df["months"].iloc[-1].endswith("or more")
    assert df["n"].sum() == tables.interviewees(study)


# ---------------------------------------------------------------------------------------------
# alternative texts are computed from the data


def test_alt_texts_state_the_data(study):
    t1 = charts.countries_data(study).sort_values("n", ascending=False)
    text = charts.countries_alt(study)
    assert text.startswith("Bar chart") and f"{t1.iloc[0]['country']} has the largest share" in text
    for r in t1.itertuples():
        assert r.country in text
    assert "swapped" in charts.characteristics_alt(study)
    assert "Mexico City has the most, 29 women" in charts.states_alt(study)
    women, nets = tables.women_leaders(study)
    assert f"Men led {nets - women} and women {women}" in charts.leaders_alt(study)
    for r in charts.escape_data(study).itertuples():
        assert f"{r.bin_as_printed} months: {r.n}" in charts.escape_alt(study)


def test_alt_text_follows_changed_data(study):
    countries = study["countries"]
    countries.loc[countries["country"] == "Belize", "n"] = 40
    changed = dataclasses.replace(study, frames={**study.frames, "countries": countries})
    text = charts.countries_alt(changed)
    assert "Belize has the largest share, 40 women" in text
    assert "Belize has" not in charts.countries_alt(study)


# ---------------------------------------------------------------------------------------------
# specifications


@pytest.mark.parametrize("key", ANNEX)
def test_every_mark_has_a_tooltip(figures, key):
    marks = list(units(figures[key].spec))
    assert marks
    for unit in marks:
        assert "tooltip" in unit.get("encoding", {}), unit.get("mark")


@pytest.mark.parametrize("key", ANNEX)
def test_data_is_passed_once(figures, key):
    spec = figures[key].spec
    assert len(spec.get("datasets", {})) == 1
    data = [d["data"] for d in walk({k: v for k, v in spec.items() if k != "datasets"}) if "data" in d]
    assert data and all("values" not in d for d in data)


@pytest.mark.parametrize("key", ANNEX)
def test_spec_names_no_other_host(figures, key):
    text = json.dumps(figures[key].spec)
    assert "http://" not in text and "https://" not in text and "//" not in text.replace("\\/", "")
    urls = [d["url"] for d in walk(figures[key].spec) if "url" in d]
    assert all(u == figure.MAP_URL for u in urls)


@pytest.mark.parametrize("key", ANNEX)
def test_spec_carries_the_dark_theme(figures, key):
    meta = figures[key].spec["usermeta"]["trata"]
    assert meta["dark"] == theme.config("dark")
    assert meta["vegalite"] == figure.VL_VERSION


def test_vega_lite_version_matches_the_vendored_library():
    from pathlib import Path

    vendored = (Path(REPO_ROOT) / "book/_static/vendor/vega-lite.min.js").read_text(encoding="utf-8")
    version = re.search(r'var \w="(\d+\.\d+\.\d+)"', vendored).group(1)
    assert figure.VL_VERSION == ".".join(version.split(".")[:2])
    import altair as alt

    assert alt.SCHEMA_VERSION.lstrip("v") == version


# ---------------------------------------------------------------------------------------------
# static SVG and HTML


@pytest.mark.parametrize("key", ANNEX)
def test_static_svg_is_drawn(figures, key):
    svg = figures[key].svg
    assert svg.startswith("<svg") and 'class="marks"' in svg
    assert re.search(r'class="mark-[a-z]+ role-mark', svg)
    assert 'fill="#ffffff"' in svg.split(">", 2)[1]  # white background, legible on paper and any page


def test_static_map_draws_every_state_of_the_table(figures, study):
    svg = figures["annex_fig_states"].svg
    groups = re.findall(r'<g class="mark-shape role-mark ([^"]+)"[^>]*>(.*?)</g>', svg, flags=re.S)
    counts = {name: len(re.findall(r"<path ", body)) for name, body in groups}
    named = [n for n in counts if n.endswith("layer_1_marks")]
    others = [n for n in counts if n.endswith("layer_0_marks")]
    assert len(named) == 1 and len(others) == 1
    n_states = study["states"]["map_name"].nunique()
    assert counts[named[0]] == n_states
    geometries = mapfile.topology()["objects"][figure.MAP_OBJECT]["geometries"]
    assert counts[named[0]] + counts[others[0]] == len(geometries)


def test_map_outlines_are_thinned_not_lost():
    ring = "M" + "L".join(f"{10 + i * 0.01:.3f},{20 + (i % 7) * 0.02:.3f}" for i in range(400)) + "L60,60Z"
    speck = "M1.01,1.01L1.02,1.02L1.03,1.01Z"
    thinned = figure._thin_path(ring + speck)
    assert thinned.count("M") == 1  # the sub-pixel speck is gone
    assert len(thinned) < len(ring) / 4
    assert "60,60" in thinned and thinned.startswith("M10,20")
    bar = "M0,0h40v300h-40Z"
    assert figure._thin_path(bar) == bar


@pytest.mark.parametrize("key", ANNEX)
def test_html_container(figures, key):
    fig = figures[key]
    page = fig.html()
    assert page.startswith(f'<div class="trata-figure" id="{fig.html_id}" role="img" aria-label="')
    label = html.unescape(re.search(r'aria-label="([^"]*)"', page).group(1))
    assert label == fig.alt_text
    raw = re.search(r'<script type="application/json" class="trata-figure-spec" data-layout="wide">(.*?)</script>', page, re.S).group(1)
    assert json.loads(raw) == fig.spec
    assert page.count("</script>") == 1
    # the static drawing's ids are unique to the figure and the live slot is empty until drawn
    for i in re.findall(r'\bid="([^"]+)"', page):
        assert i == fig.html_id or i.startswith(fig.html_id + "-")
    assert '<div class="trata-figure-live" aria-hidden="true"></div>' in page


def test_mimebundle(figures):
    fig = figures["annex_fig_escape"]
    bundle = fig._repr_mimebundle_()
    # no PDF rendering: the PDF edition is printed from the HTML, with the static SVG
    assert set(bundle) == {"text/html", "image/svg+xml", "text/plain"}
    assert bundle["text/plain"] == fig.alt_text and bundle["image/svg+xml"] == fig.svg


def test_a_figure_needs_a_text_alternative(study):
    with pytest.raises(ValueError):
        figure.Figure("x", charts.escape_chart(study), "  ")


def test_a_figure_is_glued_without_being_displayed(study, monkeypatch):
    from trata.book import preamble

    seen = {}
    monkeypatch.setattr(preamble, "glue", lambda name, value, display=True: seen.update(name=name, value=value, display=display))
    preamble.glue_all({"annex_fig_escape": figure.Figure("annex_fig_escape", charts.escape_chart(study), charts.escape_alt(study))})
    assert seen["name"] == "annex_fig_escape" and seen["display"] is False
    assert isinstance(seen["value"], figure.Figure)
