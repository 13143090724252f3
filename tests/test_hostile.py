"""A hostile data package (tests/hostile.py) built into a site, once per session: nothing in it
runs, nothing from outside the package is published, quotations are verbatim.

The package is valid, so the book is built from it; its text cells, titles, descriptions and
sources carry HTML, scripts, MyST roles and directives, ``javascript:`` links and math. Every page
of the site is parsed for live injected elements, and run in headless Chromium, where each script
payload would set ``window.__pwned``.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from pathlib import Path

import hostile
import htmlpage
import pytest
from conftest import ROOT, build_site

from trata.present.descriptions import sanitise

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("hostile")
    package = hostile.make(base)
    out = ROOT / "_build" / "test-hostile"
    proc = build_site(out, package)
    assert proc.returncode == 0, f"build failed:\n{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}"
    return out / "html"


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "_static" not in p.parts)


def live_injections(page: Path) -> list[str]:
    """Elements on a page that a payload made: event handlers, scripts, javascript: links, math."""
    soup = htmlpage.soup(page)
    found = []
    for tag in soup.find_all(True):
        for attr, value in tag.attrs.items():
            value = " ".join(value) if isinstance(value, list) else str(value)
            if attr.startswith("on") and "__pwned" in value:
                found.append(f"<{tag.name} {attr}>")
            if attr in {"href", "src", "action", "formaction"} and value.strip().lower().startswith(("javascript:", "data:text/html")):
                found.append(f"<{tag.name} {attr}={value[:40]}>")
    for script in soup.find_all("script"):
        if "__pwned" in script.get_text() and script.get("type") not in {"application/json", "application/vnd.vegalite+json"}:
            found.append(f"<script>{script.get_text()[:60]}")
    for tag in soup.select("img[src=x], svg[onload], .math, .MathJax, iframe"):
        found.append(str(tag)[:60])
    return found


def test_no_page_holds_a_live_injected_element(hostile_site):
    bad = {p.relative_to(hostile_site).as_posix(): found for p in pages(hostile_site) if (found := live_injections(p))}
    assert bad == {}


def test_payloads_are_shown_as_text(hostile_site):
    """The payloads are there, as text a reader can see (not dropped, not turned into markup)."""
    data = htmlpage.text_of(htmlpage.soup(hostile_site / "book" / "data.html"))
    profile = htmlpage.text_of(htmlpage.soup(hostile_site / "notebooks" / "profile.html"))
    for payload in ("img", "svg", "download", "math", "substitution"):
        assert " ".join(hostile.PAYLOADS[payload].split()) in data + profile, payload
    assert "{include} ../secret.txt" in profile  # a directive in a cell is its characters
    # titles from the package keep their characters (no typographic quotes)
    titles = [h.get_text().rstrip("#") for h in htmlpage.soup(hostile_site / "book" / "data.html").select("main section h2")]
    assert any(t.endswith(hostile.PAYLOADS["img"]) for t in titles)
    assert not any("’img’" in t for t in titles)


def test_nothing_from_outside_the_package_is_published(hostile_site):
    for f in hostile_site.rglob("*"):
        if f.is_file():
            assert hostile.SECRET.encode() not in f.read_bytes(), f
            assert not f.name.startswith("secret"), f
    assert not list((hostile_site / "_downloads").rglob("*secret*")) if (hostile_site / "_downloads").exists() else True


def test_descriptions_keep_only_the_documented_subset(hostile_site):
    soup = htmlpage.soup(hostile_site / "book" / "data.html")
    blocks = soup.select("div.trata-description")
    assert blocks, "the data page shows the descriptions"
    for block in blocks:
        assert {t.name for t in block.find_all(True)} <= {"p", "br", "em", "strong", "a"}
        assert all(re.match(r"https?://", a.get("href", "")) for a in block.find_all("a") if a.has_attr("href"))
    assert sanitise("*a* [b](https://example.org) [c](javascript:x) <script>x</script>") == \
        ('<p><em>a</em> <a href="https://example.org" rel="noopener noreferrer nofollow">b</a> [c](javascript:x) '
         '&lt;script&gt;x&lt;/script&gt;</p>')


def test_quotations_are_verbatim_in_the_book_and_the_explorer(hostile_site):
    soup = htmlpage.soup(hostile_site / "notebooks" / "profile.html")
    quotes = [htmlpage.text_of(b.find("p")) for b in soup.select("div.trata-verbatim > blockquote")]
    # the full explorer has a page of its own
    listing = htmlpage.soup(hostile_site / "notebooks" / "excerpts.html")
    explorer = [htmlpage.text_of(b) for b in listing.select("#profile-excerpt-explorer blockquote")]
    for text in hostile.VERBATIM:
        assert text in explorer
    # the chapter quotes the first excerpt: every character kept (no smart quotes, no math, no list)
    assert hostile.VERBATIM[0] in quotes
    assert not soup.select("div.trata-verbatim blockquote ul, div.trata-verbatim blockquote ol, div.trata-verbatim blockquote h1")


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.mark.browser
def test_no_injected_script_runs_in_chromium(hostile_site):
    from playwright.sync_api import sync_playwright

    handler = functools.partial(Quiet, directory=str(hostile_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    server = f"http://127.0.0.1:{httpd.server_address[1]}/"
    ran, dialogs = {}, []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"])
            ctx = browser.new_context()
            ctx.route("**/*", lambda r: r.continue_() if r.request.url.startswith(server) or r.request.url.startswith("data:") else r.abort())
            page = ctx.new_page()
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            for f in pages(hostile_site):
                rel = f.relative_to(hostile_site).as_posix()
                page.goto(server + rel, wait_until="load")
                page.wait_for_timeout(300)  # figures draw, handlers of broken images fire
                flag = page.evaluate("() => window.__pwned === undefined ? null : String(window.__pwned)")
                if flag is not None:
                    ran[rel] = flag
                live = page.evaluate("() => document.querySelectorAll('img[src=\"x\"], svg[onload], iframe').length")
                if live:
                    ran[rel + " (elements)"] = live
            browser.close()
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert ran == {} and dialogs == []
