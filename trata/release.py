"""Release the edition: ``make release VERSION=X.Y.Z`` runs ``python -m trata.release release X.Y.Z``.

A release, step by step:

1. Refuses a tree with uncommitted or untracked changes, a version that is not ``X.Y.Z``, a tag
   ``vX.Y.Z`` that points at another commit, and an empty ``[Unreleased]`` section in the
   changelog.
2. Runs the test suite; refuses if any test fails. Nothing has been changed at that point.
3. Sets the version everywhere (``VERSION``, ``CITATION.cff`` with ``date-released``,
   ``data/datapackage.json``, ``CHANGELOG.md``, ``.zenodo.json``) and commits that as
   "Release X.Y.Z". The commit carries the date of its parent, so the same commit (and the same
   archives) come out of every clone that releases the same version on the same day.
4. Builds the HTML site and the single-page site from scratch into ``_build/release`` with
   ``SOURCE_DATE_EPOCH`` set to the commit date, prints the single page to PDF with Chromium,
   and writes ``dist/X.Y.Z/``: the site archive, the data package archive, the PDF, the source
   archive (from which ``pip install`` installs the analysis package), all named with the version,
   and ``SHA256SUMS``.
5. Tags the commit ``vX.Y.Z`` (annotated, never pushed).

Running it again on the tagged commit rebuilds ``dist/`` without a new commit or tag: the files
come out byte for byte the same. Archives are reproducible by construction: sorted members, the
commit date as every member's time, owner root, fixed permissions, no gzip name or time stamp.

Other commands: ``set-version X.Y.Z[.devN] [--date D]``, ``zenodo [--check]`` (write or check the
addresses of ``_config.yml`` in ``CITATION.cff``, and ``.zenodo.json`` from ``CITATION.cff``),
``pdf`` (build the single page and print it), ``dist`` (write ``dist/X.Y.Z/`` for the current
commit without any check, commit or tag). ``make site`` (``python -m trata.site``) assembles
every release side by side.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from datetime import datetime, timezone
from pathlib import Path

from . import edition as E

ROOT = E.ROOT
CHROMIUM = os.environ.get("TRATA_CHROMIUM", "/usr/bin/chromium")
BUILD_OUT = Path("_build") / "release"
DIST = Path("dist")
CHANGELOG = "CHANGELOG.md"
DATAPACKAGE = Path("data") / "datapackage.json"
ZENODO = ".zenodo.json"
SITE_EXCLUDE = {".buildinfo"}  # Sphinx's incremental-build state, not part of the site


class ReleaseError(RuntimeError):
    """A check failed: the message says what and how to fix it."""


def log(msg: str) -> None:
    print(f"[release] {msg}", flush=True)


def git(root: Path, *args: str, env: dict | None = None) -> str:
    proc = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True,
                          env={**os.environ, **(env or {})})
    if proc.returncode != 0:
        raise ReleaseError(f"git {' '.join(args)} failed: {proc.stderr.strip()}")
    return proc.stdout.strip()


# --- the version everywhere ---------------------------------------------------------------------

def _sub_once(pattern: str, repl, text: str, where: str, flags=re.M) -> str:
    new, n = re.subn(pattern, repl, text, count=1, flags=flags)
    if n != 1:
        raise ReleaseError(f"{where}: pattern {pattern!r} not found")
    return new


def set_citation_version(text: str, version: str, date: str | None) -> str:
    text = _sub_once(r"^version:.*$", f'version: "{version}"', text, E.CITATION_FILE)
    text = re.sub(r"^date-released:.*\n", "", text, flags=re.M)
    if date:
        text = _sub_once(r"^(version:.*\n)", rf'\g<1>date-released: "{date}"\n', text, E.CITATION_FILE)
    return text


def set_citation_addresses(text: str, version: str, addresses: E.Addresses) -> str:
    """``url`` (this version's address on the site) and ``repository-code`` from ``_config.yml``;
    both lines are removed while no address is known."""
    text = re.sub(r"^(url|repository-code):.*\n", "", text, flags=re.M)
    lines = []
    url = addresses.version_url(version) if E.RELEASE.match(version) else addresses.site
    if url:
        lines.append(f'url: "{url}"\n')
    if addresses.repository:
        lines.append(f'repository-code: "{addresses.repository}"\n')
    if not lines:
        return text
    anchor = r"^(date-released:.*\n)" if re.search(r"^date-released:", text, flags=re.M) else r"^(version:.*\n)"
    return _sub_once(anchor, lambda m: m.group(1) + "".join(lines), text, E.CITATION_FILE)


def set_datapackage_version(text: str, version: str) -> str:
    return _sub_once(r'^  "version": "[^"]*"', f'  "version": "{version}"', text, str(DATAPACKAGE))


def set_changelog_version(text: str, version: str, date: str) -> str:
    """Move what is under ``[Unreleased]`` under a new ``[X.Y.Z] - date`` heading."""
    if re.search(rf"^## \[{re.escape(version)}\]", text, flags=re.M):
        return text
    match = re.search(r"^## \[Unreleased\][^\n]*\n(.*?)(?=^## \[|\Z)", text, flags=re.M | re.S)
    if not match:
        raise ReleaseError(f"{CHANGELOG}: no '## [Unreleased]' section")
    if not match.group(1).strip():
        raise ReleaseError(f"{CHANGELOG}: nothing under [Unreleased]: say what changed in {version} first")
    head = text[:match.start(1)]
    return head + f"\n## [{version}] - {date}\n" + text[match.start(1):]


def set_version(version: str, date: str | None = None, root: Path = ROOT) -> list[str]:
    """Write the version into every file that states it; return the files changed."""
    if not E.VERSION_PATTERN.match(version):
        raise ReleaseError(f"{version!r} is not a version (X.Y.Z, or X.Y.Z.devN between releases)")
    is_release = bool(E.RELEASE.match(version))
    if is_release and not date:
        date = datetime.now(timezone.utc).strftime("%Y-%m-%d")
    if not is_release:
        date = None
    edits = {
        E.VERSION_FILE: lambda t: version + "\n",
        E.CITATION_FILE: lambda t: set_citation_addresses(set_citation_version(t, version, date), version,
                                                          E.read_addresses(root)),
        str(DATAPACKAGE): lambda t: set_datapackage_version(t, version),
    }
    if is_release:
        edits[CHANGELOG] = lambda t: set_changelog_version(t, version, date)
    changed = []
    for name, edit in edits.items():
        path = root / name
        old = path.read_text(encoding="utf-8")
        new = edit(old)
        if new != old:
            path.write_text(new, encoding="utf-8")
            changed.append(name)
    if write_zenodo(root):
        changed.append(ZENODO)
    return changed


# --- .zenodo.json -------------------------------------------------------------------------------

def zenodo_json(root: Path = ROOT) -> str:
    """``.zenodo.json`` from ``CITATION.cff``: cffconvert's conversion, plus the article as source."""
    from cffconvert import Citation

    cff = Citation((root / E.CITATION_FILE).read_text(encoding="utf-8"))
    cff.validate()
    data = json.loads(cff.as_zenodo())
    ref = E.source_reference(E.read_citation(root))
    data["upload_type"] = "publication"
    data["publication_type"] = "book"
    data["references"] = [E.plain(E.apa_article(ref))]
    meta = E.read_citation(root)
    related = []
    if ref.get("doi"):
        related.append({"identifier": ref["doi"], "relation": "isDerivedFrom",
                        "resource_type": "publication-article", "scheme": "doi"})
    if meta.get("url"):
        related.append({"identifier": meta["url"], "relation": "isIdenticalTo", "scheme": "url"})
    if meta.get("repository-code"):
        related.append({"identifier": meta["repository-code"], "relation": "isSupplementTo", "scheme": "url"})
    if related:
        data["related_identifiers"] = related
    if meta.get("doi"):
        data["doi"] = meta["doi"]
    return json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def sync_addresses(root: Path = ROOT) -> bool:
    """Write the addresses of ``_config.yml`` into ``CITATION.cff``; True if it changed."""
    path = root / E.CITATION_FILE
    old = path.read_text(encoding="utf-8")
    new = set_citation_addresses(old, E.read_version(root), E.read_addresses(root))
    if new != old:
        path.write_text(new, encoding="utf-8")
    return new != old


def write_zenodo(root: Path = ROOT) -> bool:
    path = root / ZENODO
    text = zenodo_json(root)
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True


# --- building -----------------------------------------------------------------------------------

def build(root: Path, out: Path, builder: str, epoch: int, lang: str | None = None) -> Path:
    """``builder`` into ``out``: every edition (English at the top, Spanish in es/), or one."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch)}
    cmd = [sys.executable, "-m", "trata", "build", "--out", str(out), "--builder", builder]
    cmd += ["--lang", lang] if lang else []
    log(f"building {builder} into {out}")
    if subprocess.run(cmd, cwd=root, env=env).returncode != 0:
        raise ReleaseError(f"the {builder} build failed (see the log above)")
    return out / builder


def singlehtml_page(site: Path) -> Path:
    """The one page of a ``singlehtml`` build, copied to the top of the build as ``edition.html``.

    Sphinx names the page after the root document (``book/intro.html``) but writes its links to
    ``_static/`` and ``_images/`` relative to the top of the build: the copy makes them resolve.
    Links to the page itself (citations point to ``book/intro.html#id2``) become links within the
    page, so that the PDF links to its own bibliography and never to a file on the build machine.
    """
    pages = [p for p in site.rglob("*.html")
             if p.name not in ("index.html", "edition.html") and "_static" not in p.parts]
    if len(pages) != 1:
        raise ReleaseError(f"expected one page in {site}, found {[str(p) for p in pages]}")
    self_ref = re.escape(pages[0].relative_to(site).as_posix())
    text = pages[0].read_text(encoding="utf-8")
    text = re.sub(rf'href="{self_ref}(#[^"]*)?"', lambda m: f'href="{m.group(1) or "#"}"', text)
    page = site / "edition.html"
    page.write_text(text, encoding="utf-8")
    return page


HEADER_TEXT = "{title} · version {version}"
HEADER = ('<div style="font-size:7.5pt;width:100%;margin:0 14mm;color:#555;'
          'font-family:sans-serif;text-align:right">' + HEADER_TEXT + '</div>')
FOOTER = ('<div style="font-size:7.5pt;width:100%;text-align:center;color:#555;font-family:sans-serif">'
          '<span class="pageNumber"></span> / <span class="totalPages"></span></div>')


# Printing waits until every font the page declares and every image is loaded: Chromium would
# otherwise print whatever has arrived when it is asked to, and on a busy machine the icon font of
# the admonitions can arrive later than the "load" event, which changes one page of the PDF.
SETTLE = """async () => {
  await Promise.all([...document.fonts].map((f) => f.load().catch(() => null)));
  await document.fonts.ready;
  await Promise.all([...document.images].map((i) => i.complete ? null : i.decode().catch(() => null)));
  return [...document.fonts].filter((f) => f.status === "loading").length;
}"""


def print_pdf(page: Path, pdf: Path, ed: E.Edition, meta: dict, hold: float = 0.0) -> Path:
    """Print the single page to PDF with Chromium (print media, A4, page numbers, outline).

    ``hold`` delays every font by that many seconds, as a busy machine can (for the tests)."""
    from html import escape

    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise ReleaseError(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)")
    log(f"printing {page} to {pdf}")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM,
                                    args=["--no-sandbox", "--disable-gpu", "--font-render-hinting=none"])
        try:
            # Without JavaScript: the page reads completely without it (figures have their static
            # SVG, which print CSS shows), and scripts running while the page prints would make two
            # prints of the same page differ (the tagged PDF names its elements by DOM node).
            tab = browser.new_page(java_script_enabled=False)
            # The PDF is made from the local files only: any request to the network is refused.
            def route(r):
                if not r.request.url.startswith("file:"):
                    return r.abort()
                if hold and r.request.resource_type == "font":
                    time.sleep(hold)
                return r.continue_()

            tab.route("**/*", route)
            tab.emulate_media(media="print")
            tab.goto(page.resolve().as_uri(), wait_until="load")
            if tab.evaluate(SETTLE):
                raise ReleaseError(f"{page}: fonts still loading after the page settled")
            raw = tab.pdf(format="A4", print_background=True, display_header_footer=True,
                          header_template=HEADER.format(title=escape(meta["title"]), version=escape(ed.version)),
                          footer_template=FOOTER,
                          margin={"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"},
                          outline=True, tagged=True)
        finally:
            browser.close()
    pdf.parent.mkdir(parents=True, exist_ok=True)
    pdf.write_bytes(normalise_pdf(raw, ed, meta))
    return pdf


def pdf_date(epoch: int) -> str:
    return "D:" + time.strftime("%Y%m%d%H%M%S", time.gmtime(epoch)) + "Z"


def normalise_pdf(raw: bytes, ed: E.Edition, meta: dict) -> bytes:
    """Chromium stamps the PDF with the time of printing: give it the build date and the book's metadata."""
    import pypdf

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(raw)))
    stamp = pdf_date(int(ed.built.timestamp()))
    writer.add_metadata({
        "/Title": f"{meta['title']} (version {ed.version})",
        "/Author": E._apa_names(meta["authors"]),
        "/Subject": E.plain(E.apa_edition(meta, ed)),
        "/Keywords": ", ".join(meta.get("keywords", [])),
        "/Creator": "trata.release (Sphinx single page, printed by Chromium)",
        "/CreationDate": stamp,
        "/ModDate": stamp,
    })
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_pdf(root: Path, out: Path, epoch: int, pdf: Path, lang: str = "en") -> Path:
    """The PDF of one edition; the Spanish one is built in ``out``'s es/ folder, where the Spanish
    edition's HTML build looks for it (trata.downloads)."""
    site = build(root, out, "singlehtml", epoch, lang)
    ed = dataclasses.replace(E.current(root), built=datetime.fromtimestamp(epoch, tz=timezone.utc))
    return print_agreed(singlehtml_page(site), pdf, ed, E.read_citation(root))


PRINTS = 4


def print_agreed(page: Path, pdf: Path, ed: E.Edition, meta: dict) -> Path:
    """Print until two prints in a row agree byte for byte (at most ``PRINTS`` prints).

    The same page printed twice by Chromium nearly always gives the same bytes, but on a busy
    machine a print can, rarely, place one line of a table cell a fraction of a pixel off. A single
    print would then make the release of one commit differ between two machines; two agreeing
    prints give the settled layout."""
    previous = None
    for _ in range(PRINTS):
        print_pdf(page, pdf, ed, meta)
        current = pdf.read_bytes()
        if current == previous:
            return pdf
        previous = current
    raise ReleaseError(f"{page}: {PRINTS} prints of the PDF edition, no two in a row the same")


# --- archives -----------------------------------------------------------------------------------

def tree_entries(folder: Path, exclude: set[str] = frozenset()) -> list[tuple[str, Path]]:
    """Every file under ``folder`` as (relative POSIX path, path), sorted; symlinks refused."""
    entries = []
    for path in folder.rglob("*"):
        if path.is_symlink():
            raise ReleaseError(f"{path}: symbolic links are not archived")
        if path.is_file() and path.name not in exclude:
            entries.append((path.relative_to(folder).as_posix(), path))
    return sorted(entries)


def _dirs(names: list[str]) -> list[str]:
    dirs = set()
    for name in names:
        parts = name.split("/")[:-1]
        dirs.update("/".join(parts[:i]) for i in range(1, len(parts) + 1))
    return sorted(dirs)


def _mode(path: Path) -> int:
    return 0o755 if os.access(path, os.X_OK) else 0o644


def write_tar_gz(entries: list[tuple[str, Path]], dest: Path, epoch: int) -> Path:
    """A reproducible .tar.gz: sorted members, fixed time, owner root, no gzip name or time."""
    names = [name for name, _ in entries]
    dest.parent.mkdir(parents=True, exist_ok=True)
    with open(dest, "wb") as raw, \
            gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz, \
            tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT) as tar:
        members = [(d + "/", None) for d in _dirs(names)] + list(entries)
        for name, path in sorted(members, key=lambda m: m[0]):
            info = tarfile.TarInfo(name.rstrip("/"))
            info.mtime, info.uid, info.gid, info.uname, info.gname = epoch, 0, 0, "root", "root"
            if path is None:
                info.type, info.mode = tarfile.DIRTYPE, 0o755
                tar.addfile(info)
            else:
                data = path.read_bytes()
                info.size, info.mode = len(data), _mode(path)
                tar.addfile(info, io.BytesIO(data))
    return dest


def write_zip(entries: list[tuple[str, Path]], dest: Path, epoch: int) -> Path:
    """A reproducible .zip: sorted members, every date the commit date, fixed permissions."""
    stamp = time.gmtime(max(epoch, 315532800))[:6]  # zip dates start in 1980
    dest.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(dest, "w") as zf:
        for name, path in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, so that the permissions below are read
            info.external_attr = (0o100000 | _mode(path)) << 16
            zf.writestr(info, path.read_bytes(), compresslevel=9)
    return dest


def data_entries(root: Path, prefix: str) -> list[tuple[str, Path]]:
    """The data package as committed, with the licence and the citation metadata."""
    tracked = git(root, "ls-files", "-z", "--", "data").split("\0")
    files = [t for t in tracked if t]
    if not files:
        raise ReleaseError("no committed files under data/")
    entries = [(f"{prefix}/{Path(f).relative_to('data').as_posix()}", root / f) for f in files]
    entries += [(f"{prefix}/{name}", root / name) for name in ("LICENSE-CC-BY-4.0.md", E.CITATION_FILE)]
    return sorted(entries)


def source_entries(root: Path, prefix: str) -> list[tuple[str, Path]]:
    """The committed tree: the analysis package installs from it (``pip install ./ARCHIVE``), with
    the book's data and bibliography, so that a downloaded notebook runs outside the repository."""
    files = [t for t in git(root, "ls-files", "-z").split("\0") if t and (root / t).is_file()]
    return sorted((f"{prefix}/{f}", root / f) for f in files)


def source_archive(root: Path, dest: Path, prefix: str, epoch: int) -> Path:
    return write_tar_gz(source_entries(root, prefix), dest, epoch)


def site_archive(site: Path, dest: Path, prefix: str, epoch: int) -> Path:
    entries = [(f"{prefix}/{name}", path) for name, path in tree_entries(site, SITE_EXCLUDE)]
    return write_tar_gz(entries, dest, epoch)


def data_archive(root: Path, dest: Path, prefix: str, epoch: int) -> Path:
    return write_zip(data_entries(root, prefix), dest, epoch)


def write_checksums(folder: Path, files: list[Path]) -> Path:
    lines = [f"{hashlib.sha256(f.read_bytes()).hexdigest()}  {f.name}\n" for f in sorted(files, key=lambda f: f.name)]
    path = folder / "SHA256SUMS"
    path.write_text("".join(lines), encoding="utf-8")
    return path


def dist_names(version: str) -> dict[str, str]:
    base = f"{E.SLUG}-{version}"
    return {"site": f"{base}-site.tar.gz", "data": f"{base}-data.zip", "pdf": f"{base}.pdf",
            "pdf-es": f"{base}-es.pdf", "source": f"{base}-source.tar.gz"}


def make_dist(root: Path = ROOT, dist: Path | None = None, out: Path | None = None) -> list[Path]:
    """Build the site and the PDF from scratch and write the release files for the current commit."""
    version = E.read_version(root)
    dist = dist or root / DIST / version  # one folder a release: make site finds every one there
    out = out or root / BUILD_OUT
    epoch = int(git(root, "log", "-1", "--format=%ct"))
    shutil.rmtree(out, ignore_errors=True)  # a release never reuses an earlier build or its cache
    names = dist_names(version)
    # the PDF first, where the HTML build finds it (trata.downloads), so that every page links it
    (out / "pdf").mkdir(parents=True, exist_ok=True)
    pdf = make_pdf(root, out, epoch, out / "pdf" / names["pdf"])
    pdf_es = make_pdf(root, out / "es", epoch, out / "es" / "pdf" / names["pdf-es"], "es")
    site = build(root, out, "html", epoch)
    shutil.rmtree(dist, ignore_errors=True)
    dist.mkdir(parents=True)
    files = [
        site_archive(site, dist / names["site"], f"{E.SLUG}-{version}-site", epoch),
        data_archive(root, dist / names["data"], f"{E.SLUG}-{version}-data", epoch),
        source_archive(root, dist / names["source"], f"{E.SLUG}-{version}-source", epoch),
        Path(shutil.copyfile(pdf, dist / names["pdf"])),
        Path(shutil.copyfile(pdf_es, dist / names["pdf-es"])),
    ]
    files.append(write_checksums(dist, files))
    return files


# --- the release --------------------------------------------------------------------------------

def run_tests(root: Path, pytest_args: list[str]) -> None:
    log("running the test suite")
    cmd = [sys.executable, "-m", "pytest", "-q", *pytest_args]
    if subprocess.run(cmd, cwd=root).returncode != 0:
        raise ReleaseError("tests failed: nothing was changed, committed or tagged")


def release(version: str, root: Path = ROOT, date: str | None = None, tests: bool = True,
            pytest_args: list[str] | None = None) -> list[Path]:
    if not E.RELEASE.match(version):
        raise ReleaseError(f"{version!r} is not a release version: use X.Y.Z (e.g. 0.1.0)")
    status = git(root, "status", "--porcelain")
    if status:
        raise ReleaseError("the working tree has uncommitted or untracked changes; commit or remove them:\n" + status)
    tag = f"v{version}"
    head = git(root, "rev-parse", "HEAD")
    tags = git(root, "tag", "--list", tag)
    tagged = git(root, "rev-parse", f"{tag}^{{commit}}") if tags else None
    if tagged and tagged != head:
        raise ReleaseError(f"tag {tag} already exists at commit {tagged[:E.SHORT]}, not at HEAD")
    if tagged and E.read_version(root) != version:
        raise ReleaseError(f"tag {tag} is at HEAD but VERSION says {E.read_version(root)}")
    if not tagged:
        # Check the changelog before spending time on the tests.
        set_changelog_version((root / CHANGELOG).read_text(encoding="utf-8"), version, "0000-00-00")
    if tests:
        run_tests(root, pytest_args or [])
    if not tagged:
        changed = set_version(version, date=date, root=root)
        if changed:
            when = git(root, "log", "-1", "--format=%cI")
            git(root, "add", "--", *changed)
            git(root, "commit", "-q", "-m", f"Release {version}",
                env={"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when})
            log(f"committed the version in {', '.join(changed)}")
    files = make_dist(root)
    if not tagged:
        when = git(root, "log", "-1", "--format=%cI")
        git(root, "tag", "-a", tag, "-m", f"Version {version}", env={"GIT_COMMITTER_DATE": when})
        log(f"tagged {tag} (not pushed)")
    for f in files:
        log(f"wrote {f.relative_to(root) if f.is_relative_to(root) else f}")
    return files


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m trata.release", description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("release", help="release version X.Y.Z: check, test, set, build, archive, tag")
    r.add_argument("version")
    r.add_argument("--date", help="release date YYYY-MM-DD (default: today, UTC)")
    r.add_argument("--no-tests", action="store_true", help="skip the test suite (for trying the release out)")
    r.add_argument("--pytest-args", default="", help="arguments for pytest, e.g. a subset of the tests")
    s = sub.add_parser("set-version", help="write a version into every file that states it")
    s.add_argument("version")
    s.add_argument("--date")
    z = sub.add_parser("zenodo", help="write .zenodo.json from CITATION.cff")
    z.add_argument("--check", action="store_true", help="fail if .zenodo.json is out of date")
    p = sub.add_parser("pdf", help="build the single page and print it to PDF")
    p.add_argument("--out", type=Path, default=Path("_build"))
    sub.add_parser("dist", help="write dist/X.Y.Z for the current commit (no checks, no commit, no tag)")
    args = ap.parse_args(argv)
    root = ROOT
    try:
        if args.cmd == "release":
            release(args.version, root, args.date, not args.no_tests, args.pytest_args.split())
        elif args.cmd == "set-version":
            changed = set_version(args.version, args.date, root)
            print("\n".join(changed) or "nothing to change")
        elif args.cmd == "zenodo":
            if args.check:
                cff = (root / E.CITATION_FILE).read_text(encoding="utf-8")
                if cff != set_citation_addresses(cff, E.read_version(root), E.read_addresses(root)):
                    raise ReleaseError(f"the addresses in {E.CITATION_FILE} differ from {E.CONFIG_FILE}: run make zenodo")
                if (root / ZENODO).read_text(encoding="utf-8") != zenodo_json(root):
                    raise ReleaseError(f"{ZENODO} is out of date: run make zenodo")
            else:
                if sync_addresses(root):
                    print(f"{E.CITATION_FILE}: addresses written from {E.CONFIG_FILE}")
                print(f"{ZENODO} " + ("written" if write_zenodo(root) else "already up to date"))
        elif args.cmd == "pdf":
            out = args.out if args.out.is_absolute() else root / args.out
            pdf = make_pdf(root, out, E.source_date_epoch(root), out / "pdf" / f"{E.SLUG}-{E.read_version(root)}.pdf")
            print(pdf)
        elif args.cmd == "dist":
            for f in make_dist(root):
                print(f)
    except ReleaseError as exc:
        print(f"[release] refused: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
