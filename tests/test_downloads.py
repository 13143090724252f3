"""What the site offers for download (trata.downloads): every link resolves to a file that parses,
the data package is exactly the package's own files and validates, chapters offer their executed
notebooks, and case-level records are never published."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import nbformat
import pytest
from bs4 import BeautifulSoup
from packages import add_cases, copy_data

from trata import downloads, edition

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "datapackage.json"
CHAPTERS = sorted(p.stem for p in (ROOT / "notebooks").glob("*.md"))
FRICTIONLESS = Path(sys.executable).with_name("frictionless")


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "_static" not in p.parts and p.name != "index.html")


def links(site: Path, page: Path) -> dict[str, Path]:
    """The download links of a page (its menu and its text): href -> file in the site."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    out = {}
    for a in soup.select(".dropdown-download-buttons a.dropdown-item, a.trata-download"):
        href = a["href"]
        assert not urlsplit(href).netloc, f"{page}: {href} leaves the site"
        out[href] = (page.parent / unquote(urlsplit(href).path)).resolve()
    return out


# --- the data package, without building ---------------------------------------------------------

def test_the_zip_holds_exactly_the_package_and_is_reproducible():
    pkg = downloads.package_files(DATA)
    descriptor = json.loads(DATA.read_text(encoding="utf-8"))
    names = sorted(p for r in descriptor["resources"] for p in ([r["path"]] if isinstance(r["path"], str) else r["path"]))
    assert [n for n, _ in pkg.files] == names
    assert pkg.descriptor == DATA.read_bytes() and pkg.withheld == []
    blob = downloads.package_zip(pkg, "trata-9.9.9-data")
    assert blob == downloads.package_zip(downloads.package_files(DATA), "trata-9.9.9-data")
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        infos = zf.infolist()
        assert [i.filename for i in infos] == sorted(f"trata-9.9.9-data/{n}" for n in names + ["datapackage.json"])
        assert {i.date_time for i in infos} == {downloads.ZIP_DATE}
        for i in infos:
            rel = i.filename.removeprefix("trata-9.9.9-data/")
            assert zf.read(i) == (DATA.parent / rel).read_bytes()


def test_case_records_are_never_published(tmp_path):
    pkg_path = copy_data(tmp_path / "data")
    add_cases(pkg_path.parent)
    assert "cases" in {r["name"] for r in json.loads(pkg_path.read_text(encoding="utf-8"))["resources"]}
    pkg = downloads.package_files(pkg_path)
    assert pkg.withheld == ["cases"]
    published = json.loads(pkg.descriptor)
    assert "cases" not in {r["name"] for r in published["resources"]}
    assert all(fk["reference"].get("resource") != "cases" for r in published["resources"]
               for fk in (r.get("schema") or {}).get("foreignKeys", []))
    assert not any("case" in PurePosixPath(n).stem for n, _ in pkg.files)
    with zipfile.ZipFile(io.BytesIO(downloads.package_zip(pkg, "p"))) as zf:
        assert "p/cases.csv" not in zf.namelist()


@pytest.mark.parametrize("path, why", [
    ("../README.md", "not a relative path inside the package folder"),
    ("/etc/hostname", "not a relative path inside the package folder"),
    ("outside.csv", "is not a file inside the package folder"),
    ("missing.csv", "does not exist"),
])
def test_only_files_inside_the_package_are_published(tmp_path, path, why):
    pkg_path = copy_data(tmp_path / "data")
    (tmp_path / "secret.csv").write_text("a\n1\n", encoding="utf-8")
    os.symlink(tmp_path / "secret.csv", pkg_path.parent / "outside.csv")
    d = json.loads(pkg_path.read_text(encoding="utf-8"))
    d["resources"][0]["path"] = path
    pkg_path.write_text(json.dumps(d), encoding="utf-8")
    with pytest.raises(downloads.DownloadError, match=why) as err:
        downloads.package_files(pkg_path)
    assert repr(d["resources"][0]["name"]) in str(err.value)


# --- the built site -------------------------------------------------------------------------------

def test_no_page_keeps_the_themes_broken_entries(site):
    for page in html_pages(site):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        menu = soup.select(".dropdown-download-buttons .dropdown-item")
        assert menu, page
        assert not soup.select('.dropdown-download-buttons [onclick*="print"]'), page
        assert all("_sources" not in a.get("href", "") or not a["href"].endswith(".ipynb") for a in menu), page


def test_every_chapter_offers_its_executed_notebook_and_source(site):
    for name in CHAPTERS:
        found = links(site, site / "notebooks" / f"{name}.html")
        nb_files = [f for h, f in found.items() if h.endswith(".ipynb")]
        md_files = [f for h, f in found.items() if h.endswith(".md")]
        assert len(nb_files) == 1 and len(md_files) == 1, found
        nb = nbformat.read(nb_files[0], as_version=4)
        nbformat.validate(nb)
        outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
        assert outputs, f"{name}: the notebook has no outputs"
        assert not [o for o in outputs if o.get("output_type") == "error"]
        assert md_files[0].read_bytes() == (ROOT / "notebooks" / f"{name}.md").read_bytes()


def test_data_page_and_home_page_link_the_zip_and_it_validates(site, tmp_path):
    version = edition.read_version()
    zips = {f for page in ("book/data.html", "book/intro.html") for h, f in links(site, site / page).items()
            if h.endswith(".zip")}
    assert zips == {(site / "downloads" / downloads.zip_name(version)).resolve()}
    zpath = zips.pop()
    with zipfile.ZipFile(zpath) as zf:
        prefix = downloads.zip_prefix(version)
        assert all(n.startswith(prefix + "/") for n in zf.namelist())
        zf.extractall(tmp_path)
    descriptor = tmp_path / prefix / "datapackage.json"
    proc = subprocess.run([str(FRICTIONLESS), "validate", "--json", str(descriptor)], capture_output=True, text=True)
    report = json.loads(proc.stdout)
    assert report["valid"], proc.stdout[:3000]
    assert proc.returncode == 0
    extracted = sorted(p.relative_to(tmp_path / prefix).as_posix() for p in (tmp_path / prefix).rglob("*") if p.is_file())
    named = sorted(["datapackage.json"] + [r["path"] for r in json.loads(descriptor.read_text(encoding="utf-8"))["resources"]])
    assert extracted == named


def test_every_download_link_resolves_to_a_file_that_parses(site):
    seen = {}
    for page in html_pages(site):
        seen.update(links(site, page))
    assert any(h.endswith(".csv") for h in seen) and any(h.endswith(".zip") for h in seen)
    for href, path in sorted(seen.items()):
        assert path.is_file() and path.is_relative_to(site.resolve()), f"{href} -> {path}"
        data = path.read_bytes()
        if path.suffix == ".csv":
            rows = list(csv.reader(io.StringIO(data.decode("utf-8"))))
            assert len(rows) >= 2 and all(len(r) == len(rows[0]) for r in rows if r), href
        elif path.suffix == ".json":
            assert "resources" in json.loads(data)
        elif path.suffix == ".ipynb":
            nbformat.validate(nbformat.reads(data.decode("utf-8"), as_version=4))
        elif path.suffix == ".zip":
            assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None
        elif path.suffix == ".md":
            import jupytext

            jupytext.reads(data.decode("utf-8"), fmt="md:myst")
        elif path.suffix == ".pdf":
            assert data.startswith(b"%PDF-")
        else:
            pytest.fail(f"unexpected download {href}")


def test_each_csv_on_the_data_page_is_the_packages_file(site):
    found = links(site, site / "book" / "data.html")
    csvs = {h: f for h, f in found.items() if h.endswith(".csv")}
    pkg = downloads.package_files(DATA)
    assert len(csvs) == len(pkg.files)
    by_name = dict(pkg.files)
    for path in csvs.values():
        name = path.relative_to((site / "downloads" / "data").resolve()).as_posix()
        assert path.read_bytes() == by_name[name].read_bytes()


def test_no_pdf_or_repository_is_linked_when_there_is_none(site):
    """The test build has no PDF edition beside it, and _config.yml names no repository."""
    hrefs = {h for page in html_pages(site) for h in links(site, page)}
    assert not [h for h in hrefs if h.endswith(".pdf")]
    assert list((site / "downloads").glob("*.pdf")) == []
    assert not [h for h in hrefs if "github.com" in h]
