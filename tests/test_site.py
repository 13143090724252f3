"""Every release online side by side: two releases made in a clean clone, the site assembled from
them, the switcher and the banner tried in Chromium, the stable anchors kept, and a third clone
releasing the same commit while another process keeps the processor busy gives the same files.

The releases run with ``--no-tests`` (the command the test suite would otherwise run inside itself),
in clones of the committed repository; the site is served by Python's http.server under the path
of a fixture base URL, so that the switcher's links are those of a deployed site.
"""

from __future__ import annotations

import hashlib
import html
import http.server
import json
import os
import re
import subprocess
import sys
import threading
import time
import unicodedata
from functools import partial
from pathlib import Path

import pypdf
import pytest

from trata import edition as E
from trata import site as S

pytestmark = pytest.mark.build  # releases build the book (three times)

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
BASEURL = "https://example.org/trata/"  # a fixture address (example.org is reserved for examples)
DOI = "10.5555/trata.fixture"           # a fixture DOI (10.5555 is a test prefix)
WHEN = "2026-12-02T08:00:00+00:00"
OLD, NEW = "0.1.1", "0.2.0"
TIMES: dict[str, float] = {}


def run(repo: Path, *cmd: str, **kw) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(repo), "GIT_AUTHOR_DATE": WHEN, "GIT_COMMITTER_DATE": WHEN,
           "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org"}
    proc = subprocess.run(list(cmd), cwd=repo, env=env, capture_output=True, text=True, **kw)
    assert proc.returncode == 0, f"{' '.join(cmd)} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    return proc


def note(repo: Path, text: str, message: str) -> None:
    """A change to be released: an entry under [Unreleased], committed at a fixed date."""
    log = repo / "CHANGELOG.md"
    log.write_text(log.read_text().replace("## [Unreleased]\n", f"## [Unreleased]\n\n### Changed\n\n- {text}\n", 1))
    run(repo, "git", "commit", "-q", "-am", message)


def clone(dst: Path) -> Path:
    """A clean clone with the fixture base URL set, ready for release 0.1.1 (same commits everywhere)."""
    subprocess.run(["git", "clone", "-q", str(ROOT), str(dst)], check=True)
    config = dst / "_config.yml"
    text = config.read_text()
    assert '  baseurl: ""' in text
    config.write_text(text.replace('  baseurl: ""', f'  baseurl: "{BASEURL}"', 1))
    run(dst, "git", "commit", "-q", "-am", "Publish at the fixture address")
    note(dst, "The site has an address.", "Changelog entry")
    return dst


def release(repo: Path, version: str) -> None:
    t = time.monotonic()
    run(repo, sys.executable, "-m", "trata.release", "release", version, "--no-tests", "--date", "2026-12-02")
    TIMES[f"release {version} in {repo.name}"] = time.monotonic() - t


@pytest.fixture(scope="module")
def released(tmp_path_factory) -> Path:
    """A clean clone with two successive releases, each with its changelog entry, and its site."""
    repo = clone(tmp_path_factory.mktemp("a") / "clone")
    release(repo, OLD)
    # the second release: a DOI in the metadata (a fixture) and its changelog entry
    cff = repo / "CITATION.cff"
    cff.write_text(cff.read_text().replace("\nauthors:", f"\ndoi: {DOI}\nauthors:", 1))
    note(repo, "The edition has a DOI.", "DOI")
    release(repo, NEW)
    t = time.monotonic()
    run(repo, sys.executable, "-m", "trata.site")
    TIMES["make site (from dist/)"] = time.monotonic() - t
    return repo


@pytest.fixture(scope="module")
def assembled(released) -> Path:
    return released / "_build" / "site"


def text(page: str) -> str:
    """Visible text of a page, whitespace collapsed."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    quotes = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})  # smart quotes
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", page)).translate(quotes)).strip()


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_site_serves_each_release_under_its_version_and_the_newest_as_latest(assembled):
    assert sorted(p.name for p in assembled.iterdir() if p.is_dir()) == ["latest", f"v{OLD}", f"v{NEW}"]
    assert tree(assembled / "latest") == tree(assembled / f"v{NEW}")
    index = (assembled / "index.html").read_text()
    assert f'content="0; url=v{NEW}/"' in index and f'href="v{OLD}/"' in index
    entries = json.loads((assembled / "switcher.json").read_text())
    assert [(e["version"], e["url"], e.get("preferred", False)) for e in entries] == \
        [(NEW, f"/trata/v{NEW}/", True), (OLD, f"/trata/v{OLD}/", False)]
    for folder in (f"v{OLD}", f"v{NEW}", "latest"):
        assert json.loads((assembled / folder / "_static" / "switcher.json").read_text()) == entries
        footer = (assembled / folder / "book" / "intro.html").read_text()
        version = NEW if folder == "latest" else folder[1:]
        assert f'data-version="{version}"' in footer


def test_each_release_is_the_one_built_from_its_tag(released, assembled):
    for version in (OLD, NEW):
        commit = run(released, "git", "rev-parse", f"v{version}^{{commit}}").stdout.strip()
        page = (assembled / f"v{version}" / "book" / "intro.html").read_text()
        assert f"commit {commit[:7]}" in page
        sums = (released / "dist" / version / "SHA256SUMS").read_text()
        assert (assembled / f"v{version}" / "SHA256SUMS").read_text() == sums
        assert subprocess.run(["sha256sum", "--check", "--quiet", "SHA256SUMS"], cwd=assembled / f"v{version}").returncode == 0


def test_assembling_again_gives_the_same_bytes(released, assembled):
    before = tree(assembled)
    run(released, sys.executable, "-m", "trata.site")
    assert tree(assembled) == before


def test_addresses_and_the_fixture_doi_flow_everywhere(released, assembled):
    old = (assembled / f"v{OLD}" / "notebooks" / "annex.html").read_text()
    assert f'<link rel="canonical" href="{BASEURL}v{OLD}/notebooks/annex.html"' in old
    cite_old = (assembled / f"v{OLD}" / "book" / "cite.html").read_text()
    assert f'href="{BASEURL}v{OLD}/">{BASEURL}v{OLD}/</a>' in cite_old
    assert "Released:</strong> 2026-12-02" in cite_old
    # the checksums of the release's own files, from its SHA256SUMS
    for line in (assembled / f"v{OLD}" / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split("  ")
        assert f'<a href="../{name}">{name}</a></td><td><code>{digest}</code>' in cite_old
    # every table and figure: version, anchor and versioned URL
    assert (f"Cite this table: version {OLD}, anchor notebooks/annex.html#tbl-annex-countries, "
            f'<a class="reference external" href="{BASEURL}v{OLD}/notebooks/annex.html#tbl-annex-countries"') in old
    # the DOI of the newer release: cite page (APA, BibTeX), footer, PDF, .zenodo.json, CITATION.cff
    cite_new = text((assembled / f"v{NEW}" / "book" / "cite.html").read_text())
    meta = E.read_citation(released)
    ed = E.current(released)
    for citation in (E.plain(E.apa_edition(meta, ed, E.read_addresses(released))),
                     E.bibtex_edition(meta, ed, E.read_addresses(released))):
        assert DOI in citation and re.sub(r"\s+", " ", citation) in cite_new
    assert f">{DOI}</a>" in (assembled / f"v{NEW}" / "notebooks" / "profile.html").read_text()
    assert DOI not in cite_old
    pdf = pypdf.PdfReader(assembled / f"v{NEW}" / f"trata-{NEW}.pdf")
    assert DOI in unicodedata.normalize("NFKC", pdf.pages[0].extract_text()) and DOI in pdf.metadata["/Subject"]
    zenodo = json.loads(run(released, "git", "show", f"v{NEW}:.zenodo.json").stdout)
    assert zenodo["doi"] == DOI
    assert {"identifier": f"{BASEURL}v{NEW}/", "relation": "isIdenticalTo", "scheme": "url"} in zenodo["related_identifiers"]
    assert (meta["url"], meta["doi"]) == (f"{BASEURL}v{NEW}/", DOI)


def test_each_release_has_both_editions_and_a_pdf_of_each(released, assembled):
    """The Spanish edition under es/ of each release, linked from its English counterpart, and a
    Spanish PDF beside the English one, in Spanish, with its DOI, listed in SHA256SUMS."""
    for version in (OLD, NEW):
        root = assembled / f"v{version}"
        assert '<html lang="es-MX"' in (root / "es" / "notebooks" / "profile.html").read_text()
        assert 'hreflang="es-MX"' in (root / "notebooks" / "profile.html").read_text()
        assert f"trata-{version}-es.pdf" in (released / "dist" / version / "SHA256SUMS").read_text()
    pdf = pypdf.PdfReader(released / "dist" / NEW / f"trata-{NEW}-es.pdf")
    text = unicodedata.normalize("NFKC", " ".join(p.extract_text() for p in pdf.pages))
    assert "El perfil de los victimarios" in text and "Cuadro A5" in text and "Bibliografía" in text
    assert "The profile of the perpetrators" not in text
    assert DOI in text


def test_stable_anchors_of_the_older_release_exist_in_the_newer(released, assembled):
    anchors = S.listed_anchors(run(released, "git", "show", f"v{OLD}:tests/anchors.txt").stdout)
    assert len(anchors) > 20
    missing = [a for a in anchors if not S.has_anchor(assembled / f"v{NEW}", a)]
    assert not missing



class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(assembled, tmp_path_factory):
    """The assembled site at /trata/ on 127.0.0.1, the path of the fixture base URL."""
    top = tmp_path_factory.mktemp("www")
    (top / "trata").symlink_to(assembled)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(top)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/trata/"
    httpd.shutdown()


@pytest.fixture(scope="module")
def tab(server):
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Chromium is missing: run 'make test' (it installs Debian's chromium)"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        foreign = []
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(server)
                   else (foreign.append(r.request.url), r.abort()))
        page.foreign = foreign
        yield page
        browser.close()


@pytest.mark.browser
def test_the_older_release_shows_a_banner_leading_to_the_same_page_of_the_newest(tab, server):
    tab.goto(server + f"v{OLD}/notebooks/annex.html")
    banner = tab.locator("#trata-version-banner")
    banner.wait_for(state="visible")
    assert f"version {OLD}, not the newest" in banner.inner_text() and NEW in banner.inner_text()
    assert banner.locator("a").get_attribute("href") == f"/trata/v{NEW}/notebooks/annex.html"
    tab.goto(server + f"v{NEW}/notebooks/annex.html")
    tab.wait_for_load_state("networkidle")
    assert tab.locator("#trata-version-banner").is_hidden()
    assert not tab.foreign


@pytest.mark.browser
def test_the_switcher_leads_to_the_same_page_in_the_other_version_or_its_home(tab, server, assembled):
    tab.goto(server + f"v{OLD}/notebooks/profile.html")
    button = tab.locator("#pst-primary-sidebar .version-switcher__button")
    button.wait_for(state="visible")
    assert button.inner_text().strip() == OLD
    button.click()
    tab.locator("#pst-primary-sidebar .version-switcher__menu a", has_text=NEW).click()
    tab.wait_for_url(server + f"v{NEW}/notebooks/profile.html")
    # a page the other version does not have: its home page instead
    gone = assembled / f"v{OLD}" / "book" / "data.html"
    kept = gone.read_bytes()
    try:
        tab.goto(server + f"v{NEW}/book/data.html")
        gone.unlink()
        button.wait_for(state="visible")
        button.click()
        tab.locator("#pst-primary-sidebar .version-switcher__menu a", has_text=OLD).click()
        tab.wait_for_url(re.compile(re.escape(server) + rf"v{OLD}/(book/intro\.html)?$"))
    finally:
        gone.write_bytes(kept)
    assert not tab.foreign


def test_two_clones_release_the_same_commit_with_the_same_files_under_load(released, tmp_path):
    """The same release made in another clone, with a process burning the processor meanwhile."""
    other = clone(tmp_path / "other")
    assert run(other, "git", "rev-parse", "HEAD").stdout == \
        run(released, "git", "rev-parse", f"v{OLD}^").stdout, "the clones should be at the same commit"
    burner = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        release(other, OLD)
    finally:
        burner.kill()
        burner.wait()
    first = (released / "dist" / OLD / "SHA256SUMS").read_text()
    assert f"trata-{OLD}.pdf" in first
    assert (other / "dist" / OLD / "SHA256SUMS").read_text() == first
    print("\n" + "\n".join(f"{k}: {v:.0f} s" for k, v in TIMES.items()))
