"""The built site in a real browser, offline: pages load, figures draw, nothing is fetched from
another host, no errors, no serious accessibility problems, in the light and the dark theme.

The site is served on 127.0.0.1 by Python's http.server; headless Chromium (Debian's package)
aborts every request to any other host, and each one is reported. axe-core (npm, pinned in
package-lock.json) audits every page. Screenshots of every page in both themes are written to
artifacts/screenshots/ for people to look at.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from trata.core import mapfile
from trata.present import figure
from trata.present.theme import contrast as colour_contrast
from trata.present.theme import luminance

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
THEMES = ("light", "dark")
#: The figures of the annex, by the label pages reference them with.
ANNEX_FIGURES = ["fig-annex-countries", "fig-annex-characteristics", "fig-annex-states", "fig-annex-escape",
                 "fig-annex-leaders"]

pytestmark = pytest.mark.browser


def pages(site: Path) -> list[str]:
    """Every page of the site, as a path relative to its root (theme templates excluded)."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if "_static" not in p.parts)


# ---------------------------------------------------------------------------------------------
# static: nothing on any page points to another host


def foreign(url: str | None) -> bool:
    if not url:
        return False
    parts = urlsplit(url.strip())
    return bool(parts.netloc) or parts.scheme not in ("", "data")


def test_no_page_loads_anything_from_another_host(site):
    bad = []
    for page in pages(site):
        soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(["script", "link", "img", "iframe", "source", "audio", "video", "embed",
                                  "object", "image", "use", "track", "input"]):
            for attr in ("src", "href", "xlink:href", "data", "poster", "srcset"):
                for value in (tag.get(attr) or "").split(","):
                    url = value.strip().split(" ")[0]
                    if foreign(url) and not (tag.name == "link" and "canonical" in (tag.get("rel") or [])):
                        bad.append(f"{page}: <{tag.name} {attr}={url!r}>")
        for style in soup.find_all("style"):
            bad += [f"{page}: <style> url({u})" for u in re.findall(r"url\(['\"]?([^)'\"]+)", style.text) if foreign(u)]
    for css in (site / "_static").rglob("*.css"):
        text = re.sub(r"/\*.*?\*/", "", css.read_text(encoding="utf-8", errors="replace"), flags=re.S)
        for u in re.findall(r"url\(\s*['\"]?([^)'\"]+)", text):
            if foreign(u):
                bad.append(f"{css.relative_to(site)}: url({u})")
        bad += [f"{css.relative_to(site)}: @import {u}" for u in re.findall(r"@import\s+['\"]([^'\"]+)", text) if foreign(u)]
    assert bad == []


def test_site_serves_the_pinned_libraries_and_the_map(site):
    for name in ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js"):
        assert (site / "_static" / "vendor" / name).read_bytes() == (ROOT / "book/_static/vendor" / name).read_bytes()
    assert (site / figure.MAP_URL).read_bytes() == mapfile.path().read_bytes()
    annex = (site / "notebooks" / "annex.html").read_text(encoding="utf-8")
    for label in ANNEX_FIGURES:
        assert f'<figure class="align-default" id="{label}">' in annex
    assert annex.count('class="trata-figure"') == len(ANNEX_FIGURES)


# ---------------------------------------------------------------------------------------------
# in the browser


@dataclass
class Visit:
    page: str
    theme: str
    shown_theme: str = ""
    foreign: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)
    drawn: bool = True
    axe: list[dict] = field(default_factory=list)
    text_colours: list[str] = field(default_factory=list)
    background: str = ""


@pytest.fixture(scope="module")
def server(site):
    handler = functools.partial(Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Chromium is missing: run 'make test' (it installs Debian's chromium)"
    assert AXE.exists(), "axe-core is missing: run 'make test' (it runs npm ci)"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def new_page(browser, server: str, theme: str, **context):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=theme, **context)
    # the book theme keeps the reader's choice in localStorage; set it before any script runs
    ctx.add_init_script(f"localStorage.setItem('mode', '{theme}'); localStorage.setItem('theme', '{theme}');")
    page = ctx.new_page()
    page.set_default_timeout(30_000)
    return ctx, page


def guard(page, server: str, visit: Visit):
    """Abort and record every request to another host; record failures and console errors."""
    origin = urlsplit(server).netloc

    def route(r):
        u = urlsplit(r.request.url)
        if u.scheme in ("data", "blob") or u.netloc == origin:
            r.continue_()
        else:
            visit.foreign.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("requestfailed", lambda r: visit.failed.append(f"{r.url} ({r.failure})"))
    page.on("response", lambda r: r.status >= 400 and visit.failed.append(f"{r.url} (HTTP {r.status})"))
    page.on("console", lambda m: m.type == "error" and visit.errors.append(m.text))
    page.on("pageerror", lambda e: visit.errors.append(f"uncaught: {e}"))


FIGURE_STATE = """() => Array.from(document.querySelectorAll('.trata-figure')).map(f => {
  const live = f.querySelector('.trata-figure-live svg');
  const marks = live ? live.querySelectorAll('g[class*="role-mark"] > *').length : 0;
  const figure = f.closest('figure');
  return {id: figure ? figure.id : f.id, live: f.classList.contains('trata-figure--live'),
          svg: !!(live || f.querySelector('.trata-figure-live canvas')), marks,
          static_shown: getComputedStyle(f.querySelector('.trata-figure-static')).display !== 'none',
          label: f.getAttribute('aria-label'),
          named_states: live ? live.querySelectorAll('g.mark-shape.role-mark[class*="layer_1_marks"] > path').length : 0};
})"""

TEXT_COLOURS = """() => Array.from(document.querySelectorAll('.trata-figure-live svg text'))
  .filter(t => t.textContent.trim()).map(t => getComputedStyle(t).fill)"""


def run_axe(page) -> list[dict]:
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    return page.evaluate("""() => axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map(v => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))})))""")


def slug(page: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", page.removesuffix(".html")).strip("-")


@pytest.fixture(scope="module")
def visits(site, server, browser) -> dict[tuple[str, str], Visit]:
    """Every page in both themes, visited once; each test asserts one thing about all visits."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    out = {}
    for theme in THEMES:
        for path in pages(site):
            visit = Visit(path, theme)
            ctx, page = new_page(browser, server, theme)
            guard(page, server, visit)
            page.goto(server + path, wait_until="load")
            page.wait_for_load_state("networkidle")
            if page.query_selector(".trata-figure"):
                try:
                    page.wait_for_function("document.documentElement.dataset.trataFigures === 'drawn'")
                except Exception:  # recorded, asserted by test_every_figure_renders
                    visit.drawn = False
            visit.shown_theme = page.evaluate("document.documentElement.dataset.theme || ''")
            visit.figures = page.evaluate(FIGURE_STATE)
            visit.text_colours = page.evaluate(TEXT_COLOURS)
            visit.background = page.evaluate("getComputedStyle(document.body).backgroundColor")
            visit.axe = run_axe(page)
            page.screenshot(path=str(SCREENSHOTS / f"{slug(path)}-{theme}.png"), full_page=True)
            out[(path, theme)] = visit
            ctx.close()
    return out


def test_every_page_loads_in_the_theme_asked_for(visits, site):
    assert {p for p, _ in visits} == set(pages(site))
    wrong = [f"{v.page} ({v.theme}): data-theme={v.shown_theme!r}" for v in visits.values()
             if v.page != "index.html" and v.shown_theme != v.theme]
    assert wrong == []


def test_no_request_leaves_the_site(visits):
    assert [f"{v.page} ({v.theme}): {u}" for v in visits.values() for u in v.foreign] == []


def test_no_request_fails(visits):
    assert [f"{v.page} ({v.theme}): {u}" for v in visits.values() for u in v.failed] == []


def test_no_console_error(visits):
    assert [f"{v.page} ({v.theme}): {e}" for v in visits.values() for e in v.errors] == []


def test_every_figure_renders(visits):
    problems = []
    total = 0
    for v in visits.values():
        if not v.drawn:
            problems.append(f"{v.page} ({v.theme}): figures never reported drawn")
        for f in v.figures:
            total += 1
            if not (f["live"] and f["svg"] and f["marks"] > 0) or f["static_shown"]:
                problems.append(f"{v.page} ({v.theme}): {f}")
            if not (f["label"] or "").strip():
                problems.append(f"{v.page} ({v.theme}): figure {f['id']} has no text alternative")
    assert problems == []
    assert total >= 2 * len(ANNEX_FIGURES)
    annex = [f["id"] for f in visits[("notebooks/annex.html", "light")].figures]
    assert annex == ANNEX_FIGURES


def test_live_map_shows_every_state_of_the_table(visits, study):
    for theme in THEMES:
        states = next(f for f in visits[("notebooks/annex.html", theme)].figures if f["id"] == "fig-annex-states")
        assert states["named_states"] == study["states"]["map_name"].nunique()


def parse_rgb(css: str) -> str:
    r, g, b = (int(x) for x in re.findall(r"\d+", css)[:3])
    return f"#{r:02x}{g:02x}{b:02x}"


def test_figure_text_is_readable_in_both_themes(visits):
    contrast = colour_contrast
    low = []
    for v in visits.values():
        bg = parse_rgb(v.background)
        for colour in set(v.text_colours):
            c = parse_rgb(colour)
            if contrast(c, bg) < 4.5:
                low.append(f"{v.page} ({v.theme}): text {c} on {bg}: {contrast(c, bg):.2f}")
    assert low == []
    dark = visits[("notebooks/annex.html", "dark")]
    assert dark.text_colours and luminance(parse_rgb(dark.background)) < 0.1


def test_axe_finds_no_serious_or_critical_violation(visits):
    bad = [f"{v.page} ({v.theme}): {a['id']} [{a['impact']}] {a['help']}: {a['nodes']}"
           for v in visits.values() for a in v.axe if a["impact"] in ("serious", "critical")]
    assert bad == []


def test_screenshots_of_every_page_in_both_themes(visits):
    for (page, theme) in visits:
        shot = SCREENSHOTS / f"{slug(page)}-{theme}.png"
        assert shot.stat().st_size > 5_000, shot


# ---------------------------------------------------------------------------------------------
# the figures on the annex page: theme switch, no JavaScript, print


def test_figures_follow_a_theme_switch(browser, server):
    visit = Visit("notebooks/annex.html", "light")
    ctx, page = new_page(browser, server, "light")
    guard(page, server, visit)
    page.goto(server + visit.page)
    page.wait_for_function("document.documentElement.dataset.trataFigures === 'drawn'")
    light = set(page.evaluate(TEXT_COLOURS))
    page.evaluate("document.documentElement.dataset.theme = 'dark'")
    page.wait_for_function("Array.from(document.querySelectorAll('.trata-figure')).every(f => f.dataset.theme === 'dark')")
    dark = set(page.evaluate(TEXT_COLOURS))
    ctx.close()
    assert light == {"rgb(34, 40, 50)"}  # the light theme's text colour, #222832
    assert dark == {"rgb(206, 214, 221)"}  # the dark theme's, #ced6dd
    assert visit.errors == [] and visit.foreign == [] and visit.failed == []


def test_static_figures_without_javascript(browser, server):
    ctx, page = new_page(browser, server, "light", java_script_enabled=False)
    page.goto(server + "notebooks/annex.html")
    shown = page.evaluate("""() => Array.from(document.querySelectorAll('.trata-figure')).map(f => {
        const s = f.querySelector('.trata-figure-static svg').getBoundingClientRect();
        return [s.width > 100 && s.height > 100, f.querySelector('.trata-figure-live').childElementCount];
    })""")
    ctx.close()
    assert shown == [[True, 0]] * len(ANNEX_FIGURES)


def test_print_uses_the_static_drawings(browser, server):
    ctx, page = new_page(browser, server, "dark")
    page.goto(server + "notebooks/annex.html")
    page.wait_for_function("document.documentElement.dataset.trataFigures === 'drawn'")
    page.emulate_media(media="print")
    shown = page.evaluate("""() => Array.from(document.querySelectorAll('.trata-figure')).map(f => [
        getComputedStyle(f.querySelector('.trata-figure-static')).display !== 'none',
        getComputedStyle(f.querySelector('.trata-figure-live')).display === 'none'])""")
    ctx.close()
    assert shown == [[True, True]] * len(ANNEX_FIGURES)
