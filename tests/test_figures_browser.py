"""Figures in a real browser at a phone's, a tablet's and a desktop's width, light and dark: each one
fits its container, its smallest text stays legible, its marks and legend symbols stand out in the
dark theme, and its toolkit's links resolve to files of the built site that parse.

The site is the one built once per session (``site`` fixture), served on 127.0.0.1; Debian's
Chromium runs headless through Playwright, and any request to another host is aborted.
"""

from __future__ import annotations

import csv
import functools
import http.server
import io
import json
import re
import threading
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from trata.core import messages
from trata.present import figkit, figure, theme
from trata.present.theme import contrast

CHROMIUM = "/usr/bin/chromium"
WIDTHS = (390, 820, 1280)
THEMES = ("light", "dark")
#: The smallest text a figure may draw, in CSS px on screen.
MIN_TEXT = 10

pytestmark = pytest.mark.browser


def figure_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if "_static" not in p.parts and 'class="trata-figure-block"' in p.read_text(encoding="utf-8"))


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(site):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Chromium is missing: run 'make browser' (it installs Debian's chromium)"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


#: Per figure: its container's width, the drawing's width on screen, the layout drawn, the smallest
#: text on screen (font size times the drawing's scale), the colours of its text, marks and legend
#: symbols, and its toolkit's links.
MEASURE = """() => Array.from(document.querySelectorAll('.trata-figure-block')).map(block => {
  const fig = block.querySelector('.trata-figure');
  const svg = fig.querySelector('.trata-figure-live svg');
  const out = {key: block.dataset.figure, layout: fig.dataset.layout || '', container: fig.clientWidth,
               layouts: fig.querySelectorAll('script.trata-figure-spec').length, drawn: !!svg,
               text: [], marks: [], symbols: []};
  if (!svg) return out;
  const box = svg.getBoundingClientRect();
  out.width = box.width;
  const scale = box.width / parseFloat(svg.getAttribute('width'));
  let min = Infinity;
  const paint = (el, prop) => { const v = getComputedStyle(el)[prop]; return v && v !== 'none' && !/rgba\\(.*, 0\\)$/.test(v) ? v : null; };
  svg.querySelectorAll('text').forEach(t => {
    if (!t.textContent.trim() || t.getBBox().width === 0) return;
    min = Math.min(min, parseFloat(getComputedStyle(t).fontSize) * scale);
    out.text.push(paint(t, 'fill'));
  });
  out.minText = min;
  svg.querySelectorAll('.role-legend-symbol path').forEach(p => out.symbols.push(paint(p, 'fill') || paint(p, 'stroke')));
  // tiles that carry text (the typology) are backgrounds of their text, which is measured instead
  const marks = '.mark-symbol.role-mark path, .mark-rule.role-mark line' + (block.dataset.figure.endsWith('typology') ? '' : ', .mark-rect.role-mark path');
  svg.querySelectorAll(marks).forEach(p => {
    if (parseFloat(getComputedStyle(p).opacity) === 0) return;
    out.marks.push(paint(p, 'fill') || paint(p, 'stroke'));
  });
  out.links = Array.from(block.querySelectorAll('.trata-figkit a')).map(a => ({href: a.href, text: a.textContent.trim()}));
  return out;
})"""


def visit(browser, server: str, path: str, width: int, theme: str):
    ctx = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=theme)
    ctx.add_init_script(f"localStorage.setItem('mode', '{theme}'); localStorage.setItem('theme', '{theme}');")
    page = ctx.new_page()
    page.set_default_timeout(60_000)
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(server) else r.abort())
    page.goto(server + path, wait_until="load")
    page.wait_for_function("document.documentElement.dataset.trataFigures === 'drawn'")
    return ctx, page


@pytest.fixture(scope="module")
def measured(site, server, browser) -> dict[tuple[int, str], list[dict]]:
    """Every figure of every page, at each width and in each theme."""
    out = {}
    for width in WIDTHS:
        for mode in THEMES:
            figs = []
            for path in figure_pages(site):
                ctx, page = visit(browser, server, path, width, mode)
                background = page.evaluate("getComputedStyle(document.body).backgroundColor")
                for f in page.evaluate(MEASURE):
                    figs.append({**f, "page": path, "background": background})
                ctx.close()
            out[(width, mode)] = figs
    return out


def rgb(css: str) -> str:
    r, g, b = (int(float(x)) for x in re.findall(r"[\d.]+", css)[:3])
    return f"#{r:02x}{g:02x}{b:02x}"


def test_every_figure_is_drawn(measured, site):
    keys = {f["key"] for f in measured[(1280, "light")]}
    assert len(keys) >= 8
    for figs in measured.values():
        assert {f["key"] for f in figs} == keys and all(f["drawn"] for f in figs)


def test_every_figure_fits_its_container(measured):
    wide = [f"{w}px {t} {f['key']}: {f['width']:.0f} px in {f['container']} px"
            for (w, t), figs in measured.items() for f in figs if f["width"] > f["container"] + 0.5]
    assert wide == []


def test_phones_get_the_narrow_layout(measured):
    for (w, _), figs in measured.items():
        for f in figs:
            expected = "narrow" if f["container"] < figure.NARROW_BELOW and f["layouts"] > 1 else "wide"
            assert f["layout"] == expected, (w, f["key"])
    assert all(f["layout"] == "narrow" for f in measured[(390, "light")])


@pytest.mark.parametrize("width", WIDTHS)
def test_smallest_text_is_legible(measured, width):
    small = [f"{f['key']} ({t}): {f['minText']:.1f} px" for t in THEMES for f in measured[(width, t)]
             if f["minText"] < MIN_TEXT]
    assert small == []


def test_dark_theme_draws_text_marks_and_legend_symbols_that_stand_out(measured):
    low = []
    for f in measured[(820, "dark")] + measured[(390, "dark")]:
        page = rgb(f["background"])
        for kind, colours, need in (("text", f["text"], 4.5), ("mark", f["marks"], 3), ("legend symbol", f["symbols"], 3)):
            # the map markers' halo is drawn in the page's own colour by design (the ring over it stands out)
            for c in {c for c in colours if c and rgb(c) != theme.MODES["dark"]["stroke"]}:
                if contrast(rgb(c), page) < need:
                    low.append(f"{f['key']}: {kind} {rgb(c)} on {page}: {contrast(rgb(c), page):.2f}")
        assert f["text"] and (f["marks"] or f["key"].endswith("typology")), f["key"]
    assert low == [], "\n".join(low)


# ---------------------------------------------------------------------------------------------
# the toolkit


def local_file(site: Path, server: str, href: str) -> Path:
    assert href.startswith(server), href
    return site / unquote(urlsplit(href).path).lstrip("/")


def figure_name(key: str) -> str:
    return key.rsplit("_", 1)[-1]


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_every_toolkit_link_resolves_to_a_file_that_parses(measured, site, server, width, theme):
    for f in measured[(width, theme)]:
        links = {Path(urlsplit(a["href"]).path).suffix: a for a in f["links"]}
        assert set(links) == {".svg", ".png", ".csv"}, f["key"]
        lang = "es" if f["page"].startswith("es/") else "en"  # each edition's own words
        assert {a["text"] for a in links.values()} == set(figkit.link_words(lang).values())
        svg = local_file(site, server, links[".svg"]["href"])
        assert ET.parse(svg).getroot().tag == "{http://www.w3.org/2000/svg}svg"
        with Image.open(local_file(site, server, links[".png"]["href"])) as png:
            png.verify()
            assert png.format == "PNG" and png.size[0] > 300
        text = local_file(site, server, links[".csv"]["href"]).read_text(encoding="utf-8")
        first, _, rest = text.partition("\n")
        assert first.startswith("# ")
        rows = list(csv.DictReader(io.StringIO(rest)))
        assert rows and list(rows[0]) == list(messages.labels(f"figure.{figure_name(f['key'])}.columns", lang).values())


def test_csv_equals_the_data_the_page_draws_and_its_table(site, server):
    version = (Path(__file__).resolve().parents[1] / "VERSION").read_text(encoding="utf-8").strip()
    for path in figure_pages(site):
        lang = "es" if path.startswith("es/") else "en"  # each edition in its own words
        soup = BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")
        for block in soup.find_all(class_="trata-figure-block"):
            key = block["data-figure"]
            columns = messages.labels(f"figure.{figure_name(key)}.columns", lang)
            spec = json.loads(block.find("script", attrs={"data-layout": "wide"}).string)
            href = block.find("a", href=re.compile(r"\.csv$"))["href"]
            text = ((site / path).parent / href).resolve().read_text(encoding="utf-8")
            first, _, rest = text.partition("\n")
            assert version in first and messages.text(f"figure.{figure_name(key)}.source", lang) in first
            rows = list(csv.DictReader(io.StringIO(rest)))
            table = block.find("details").find("table")
            assert table.find("caption").get_text() == messages.text(f"figure.{figure_name(key)}.caption", lang)
            if lang != "en":  # the Spanish figures draw the same values under Spanish field names
                assert list(rows[0]) == list(columns.values()), key
                continue
            drawn = next(d for d in spec["datasets"].values() if len(d) == len(rows) and set(columns) <= set(d[0]))
            for row, datum in zip(rows, drawn):
                for field, header in columns.items():
                    v = datum[field]
                    assert (row[header] == "") if v is None else (
                        float(row[header]) == pytest.approx(v) if isinstance(v, (int, float)) else row[header] == str(v))
            table = block.find("details").find("table")
            assert table.find("caption").get_text() == messages.text(f"figure.{figure_name(key)}.caption", lang)
            cells = [[td.get_text() for td in tr.find_all("td")] for tr in table.find("tbody").find_all("tr")]
            assert cells == [[figkit.cell(float(v) if re.fullmatch(r"-?\d+\.\d+", v) else v) for v in r.values()] for r in rows]


def test_toolkit_works_from_the_keyboard(site, server, browser):
    ctx, page = visit(browser, server, "notebooks/annex.html", 390, "light")
    try:
        summary = page.locator(".trata-figure-block").first.locator("summary")
        links = page.locator(".trata-figure-block").first.locator(".trata-figkit a")
        # the links and the summary are reached with Tab, in order, after the links before them
        links.first.focus()
        order = []
        for _ in range(4):
            order.append(page.evaluate("[document.activeElement.tagName, document.activeElement.textContent.trim()]"))
            page.keyboard.press("Tab")
        assert order == [["A", messages.text("figkit.svg")], ["A", messages.text("figkit.png")],
                         ["A", messages.text("figkit.csv")], ["SUMMARY", messages.text("figkit.table")]]
        summary.focus()
        page.keyboard.press("Enter")
        table = page.locator(".trata-figure-block").first.locator("table")
        assert table.is_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        group = page.locator(".trata-figure-block").first.locator("[role=group]")
        assert group.get_attribute("aria-label") == messages.text("figkit.files")
    finally:
        ctx.close()


def test_without_javascript_the_drawing_of_the_layout_shows(site, server, browser):
    for width, shown in ((390, "narrow"), (1280, "wide")):
        ctx = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=False)
        page = ctx.new_page()
        page.goto(server + "notebooks/annex.html")
        visible = page.evaluate("""() => Array.from(document.querySelectorAll('.trata-figure-static'))
            .filter(s => s.offsetParent !== null).map(s => [s.className, s.querySelector('svg').getBoundingClientRect().width,
                                                          s.closest('.trata-figure').clientWidth])""")
        ctx.close()
        assert visible and all(c.endswith("--" + shown) for c, _, _ in visible), (width, visible)
        assert all(w <= box + 0.5 for _, w, box in visible)
