"""The release: the PDF edition read back, reproducible archives, checksums, the version set
everywhere, and the checks that stop a release."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import tarfile
import unicodedata
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pypdf
import pytest
from cffconvert import Citation
from conftest import SITE_OUT, build_site

from trata import edition as E
from trata import release as R
from trata import site as S
from trata.derive import tables

ROOT = Path(__file__).resolve().parents[1]
EPOCH = 1767225600  # 2026-01-01T00:00:00Z


def squash(text: str) -> str:
    """Text for comparing HTML with PDF: compatibility forms (ligatures), no whitespace at all."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


class Captions(HTMLParser):
    """Captions of numbered tables and figures, and bibliography entries, as text."""

    def __init__(self):
        super().__init__()
        self.tables, self.figures, self.bibliography = [], [], []
        self._target, self._buf, self._depth, self._numbered = None, [], 0, False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if self._target is not None:
            self._depth += tag not in ("br", "img", "hr", "meta", "link", "input")
            self._numbered |= tag == "span" and "caption-number" in (a.get("class") or "").split()
            return
        if tag == "caption":
            self._target = self.tables
        elif tag == "figcaption":
            self._target = self.figures
        elif tag == "div" and "citation" in (a.get("class") or "").split():  # an entry of a bibliography
            self._target = self.bibliography
        if self._target is not None:
            self._buf, self._depth = [], 1
            self._numbered = self._target is self.bibliography

    def handle_endtag(self, tag):
        if self._target is None:
            return
        self._depth -= 1
        if self._depth == 0:
            text = re.sub(r"\s+", " ", "".join(self._buf)).strip()
            if self._numbered:  # only numbered captions: "Table 3 ...", "Fig. 2 ..."
                self._target.append(text[:-1].rstrip() if text.endswith("#") else text)
            self._target = None

    def handle_data(self, data):
        if self._target is not None:
            self._buf.append(data)


@pytest.fixture(scope="module")
def captions(site) -> Captions:
    """What the HTML site numbers and cites: every page except the index and search pages."""
    parser = Captions()
    for page in sorted(site.rglob("*.html")):
        if "_static" not in page.parts and page.name not in ("genindex.html", "search.html") \
                and page.relative_to(site).parts[0] != "es":  # the English PDF against the English pages
            parser.feed(page.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def singlehtml(site) -> Path:
    proc = build_site(SITE_OUT, builder="singlehtml")
    assert proc.returncode == 0, f"build failed:\n{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}"
    return SITE_OUT / "singlehtml"


@pytest.fixture(scope="module")
def ed() -> E.Edition:
    return E.current(ROOT)


@pytest.fixture(scope="module")
def printed(singlehtml, ed, tmp_path_factory) -> tuple[Path, Path]:
    """The single page printed to PDF twice, as the release prints it, once with its fonts late."""
    page = R.singlehtml_page(singlehtml)
    meta = E.read_citation(ROOT)
    out = tmp_path_factory.mktemp("pdf")
    # The second print gets its fonts two seconds late, as on a busy machine: the same bytes must come out.
    return (R.print_pdf(page, out / "first.pdf", ed, meta),
            R.print_pdf(page, out / "second.pdf", ed, meta, hold=2.0))


@pytest.fixture(scope="module")
def pdf(printed) -> pypdf.PdfReader:
    return pypdf.PdfReader(printed[0])


@pytest.fixture(scope="module")
def pdf_text(pdf, ed) -> str:
    """The text of the PDF without the running header and the page numbers (so that a paragraph
    that runs onto the next sheet reads as one)."""
    header = squash(R.HEADER_TEXT.format(title=E.read_citation(ROOT)["title"], version=ed.version))
    pages = [re.sub(r"\d+/\d+$", "", squash(page.extract_text()).replace(header, "")) for page in pdf.pages]
    return "".join(pages)


def test_pdf_opens_with_a_title_page_stating_the_version(pdf, ed):
    first = unicodedata.normalize("NFKC", pdf.pages[0].extract_text())
    meta = E.read_citation(ROOT)
    assert squash(meta["title"]) in squash(first)
    assert f"Version {ed.version}" in first
    assert "Editors of the executable edition" in first
    assert squash("Contents") in squash(pdf.pages[1].extract_text())
    assert pdf.metadata.title == f"{meta['title']} (version {ed.version})"


def listed(kind: str) -> list[str]:
    """The stable anchors of tables ('tbl') or figures ('fig') of the English edition, from tests/anchors.txt."""
    lines = (ROOT / "tests" / "anchors.txt").read_text().splitlines()
    return [a for a in lines if a.partition("#")[2].startswith(kind + "-") and not a.startswith("es/")]


def test_pdf_holds_every_table_caption_with_its_number(captions, pdf_text):
    assert len(captions.tables) == len(listed("tbl"))
    missing = [c for c in captions.tables if squash(c) not in pdf_text]
    assert not missing, f"table captions not in the PDF: {missing}"


def test_pdf_holds_every_figure_caption_with_its_number(captions, pdf_text):
    assert len(captions.figures) == len(listed("fig"))
    missing = [c for c in captions.figures if squash(c) not in pdf_text]
    assert not missing, f"figure captions not in the PDF: {missing}"


def test_pdf_holds_the_bibliography(captions, pdf, pdf_text):
    bib = (ROOT / "references.bib").read_text(encoding="utf-8")
    assert len(captions.bibliography) == len(re.findall(r"^@\w+\{", bib, re.M))
    for entry in captions.bibliography:
        text = re.sub(r"^\[[^\]]*\]\s*", "", entry)  # without the label
        assert squash(text) in pdf_text, f"bibliography entry not in the PDF: {text}"
    last_pages = squash("".join(p.extract_text() for p in pdf.pages[-3:]))
    assert squash("Bibliography") in last_pages


def test_pdf_has_glued_numbers_and_rendered_citations(pdf_text, study):
    t1 = tables.table1(study)
    sentence = f"The {tables.interviewees(study)} women came from {len(t1) - 1} countries."
    assert squash(sentence) in pdf_text
    assert re.search(r"Izcara-Palacios(,|\()2023", pdf_text), "no rendered citation of the article"
    assert "glue" not in pdf_text.lower()


def test_pdf_has_no_navigation_or_page_chrome(pdf_text):
    for chrome in ("Skip to main content", "Back to top", "Ctrl+K", "Toggle navigation"):
        assert squash(chrome) not in pdf_text


def test_pdf_figures_are_vector_graphics(pdf):
    """Figures are printed from their static SVG: no raster image anywhere in the PDF."""
    rasters = []
    for number, page in enumerate(pdf.pages, 1):
        xobjects = (page.get("/Resources") or {}).get("/XObject") or {}
        for name, ref in xobjects.items():
            if ref.get_object().get("/Subtype") == "/Image":
                rasters.append((number, name))
    assert not rasters, f"raster images in the PDF (page, name): {rasters}"


def _titles(outline) -> list[str]:
    titles = []
    for item in outline:
        titles += _titles(item) if isinstance(item, list) else [item.title]
    return titles


def test_pdf_links_stay_inside_the_pdf_or_go_to_the_web(pdf):
    """No link to a file of the build machine: citations jump to the PDF's own bibliography."""
    uris, internal = [], 0
    for page in pdf.pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A") or {}
            if "/URI" in action:
                uris.append(str(action["/URI"]))
            elif annot.get_object().get("/Dest") is not None or action.get("/S") == "/GoTo":
                internal += 1
    assert not [u for u in uris if not u.startswith(("https://", "http://", "mailto:"))], uris
    assert internal > 0


def test_pdf_has_an_outline_of_the_chapters(pdf):
    titles = _titles(pdf.outline)
    assert {"Contents", "How to cite", "Changes", "Bibliography"} <= set(titles)


def test_pdf_prints_the_same_bytes_twice_and_carries_the_build_date(printed, pdf, ed):
    first, second = printed
    assert first.read_bytes() == second.read_bytes()
    assert pdf.metadata["/CreationDate"] == pdf.metadata["/ModDate"] == R.pdf_date(int(ed.built.timestamp()))


def _touched_copy(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst)
    for i, path in enumerate(sorted(dst.rglob("*"))):
        os.utime(path, (1_000_000_000 + 7919 * i, 1_000_000_000 + 7919 * i))
    return dst


def test_site_archive_is_byte_identical_when_built_twice(site, tmp_path):
    first = R.site_archive(site, tmp_path / "a" / "site.tar.gz", "trata-9.9.9-site", EPOCH)
    second = R.site_archive(_touched_copy(site, tmp_path / "copy"), tmp_path / "b" / "site.tar.gz",
                            "trata-9.9.9-site", EPOCH)
    assert first.read_bytes() == second.read_bytes()
    with tarfile.open(first) as tar:
        members = tar.getmembers()
    names = [m.name for m in members]
    assert names == sorted(names)
    assert "trata-9.9.9-site/notebooks/annex.html" in names
    assert "trata-9.9.9-site/index.html" in names
    assert not any(n.endswith(".buildinfo") for n in names)
    assert {(m.mtime, m.uid, m.gid, m.uname, m.gname) for m in members} == {(EPOCH, 0, 0, "root", "root")}
    raw = first.read_bytes()
    assert raw[:2] == b"\x1f\x8b" and raw[4:8] == b"\0\0\0\0" and not raw[3] & 0x08  # gzip: no time, no name


def test_data_archive_is_byte_identical_and_complete(tmp_path):
    first = R.data_archive(ROOT, tmp_path / "a" / "data.zip", "trata-9.9.9-data", EPOCH)
    second = R.data_archive(ROOT, tmp_path / "b" / "data.zip", "trata-9.9.9-data", EPOCH)
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as zf:
        infos = zf.infolist()
        names = [i.filename for i in infos]
        descriptor = json.loads(zf.read("trata-9.9.9-data/datapackage.json"))
    assert names == sorted(names)
    for resource in descriptor["resources"]:
        assert f"trata-9.9.9-data/{resource['path']}" in names
    assert {"trata-9.9.9-data/LICENSE-CC-BY-4.0.md", "trata-9.9.9-data/CITATION.cff"} <= set(names)
    assert {i.date_time for i in infos} == {(2026, 1, 1, 0, 0, 0)}


def test_checksums_verify_with_sha256sum(tmp_path):
    files = []
    for name, content in (("b.pdf", b"pdf"), ("a-site.tar.gz", b"site")):
        (tmp_path / name).write_bytes(content)
        files.append(tmp_path / name)
    sums = R.write_checksums(tmp_path, files)
    assert sums.read_text().splitlines()[0] == f"{hashlib.sha256(b'site').hexdigest()}  a-site.tar.gz"
    assert subprocess.run(["sha256sum", "--check", "--quiet", sums.name], cwd=tmp_path).returncode == 0


def _note_a_change(changelog: Path) -> None:
    """Add an item under [Unreleased], as a change to be released would (it may be empty now)."""
    text = changelog.read_text()
    changelog.write_text(text.replace("## [Unreleased]\n", "## [Unreleased]\n\n### Fixed\n\n- A change.\n", 1))


@pytest.fixture
def metadata_copy(tmp_path) -> Path:
    for name in ("VERSION", "CITATION.cff", "CHANGELOG.md", ".zenodo.json", "data/datapackage.json", "_config.yml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, tmp_path / name)
    _note_a_change(tmp_path / "CHANGELOG.md")
    return tmp_path


def test_set_version_writes_the_version_everywhere(metadata_copy):
    root = metadata_copy
    changed = R.set_version("9.8.7", date="2031-02-03", root=root)
    assert set(changed) == {"VERSION", "CITATION.cff", "data/datapackage.json", "CHANGELOG.md", ".zenodo.json"}
    assert E.read_version(root) == "9.8.7"
    meta = E.read_citation(root)
    assert (meta["version"], meta["date-released"]) == ("9.8.7", "2031-02-03")
    Citation((root / "CITATION.cff").read_text()).validate()
    assert json.loads((root / "data/datapackage.json").read_text())["version"] == "9.8.7"
    zenodo = json.loads((root / ".zenodo.json").read_text())
    assert (zenodo["version"], zenodo["publication_date"]) == ("9.8.7", "2031-02-03")
    changelog = (root / "CHANGELOG.md").read_text()
    unreleased, released = changelog.split("## [Unreleased]")[1].split("## [9.8.7] - 2031-02-03")
    assert unreleased.strip() == "" and "- A change." in released.split("## [")[0]
    assert R.set_version("9.8.7", date="2031-02-03", root=root) == []  # a second time changes nothing
    R.set_version("9.8.8.dev0", root=root)
    assert "date-released" not in E.read_citation(root)
    assert "9.8.8" not in (root / "CHANGELOG.md").read_text()


def test_a_release_needs_changelog_notes():
    empty = "# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2030-01-01\n\n- x\n"
    with pytest.raises(R.ReleaseError, match="nothing under"):
        R.set_changelog_version(empty, "1.1.0", "2031-01-01")
    assert "## [1.0.0] - 2030-01-01" in R.set_changelog_version(empty, "1.0.0", "2031-01-01")


@pytest.fixture
def clone(tmp_path) -> Path:
    """A clone of the committed repository, to try releases in."""
    dst = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(dst)], check=True)
    for key, value in (("user.name", "Test"), ("user.email", "test@example.org")):
        subprocess.run(["git", "config", key, value], cwd=dst, check=True)
    return dst


def _state(repo: Path) -> tuple[str, str, str]:
    git = lambda *a: subprocess.run(["git", *a], cwd=repo, capture_output=True, text=True).stdout.strip()
    return git("rev-parse", "HEAD"), git("tag", "--list"), (repo / "VERSION").read_text()


def test_release_refuses_a_dirty_tree(clone):
    (clone / "notebooks" / "annex.md").write_text("changed\n")
    before = _state(clone)
    with pytest.raises(R.ReleaseError, match="uncommitted"):
        R.release("0.0.1", root=clone)
    assert _state(clone) == before


def test_release_refuses_failing_tests_and_changes_nothing(clone):
    (clone / "tests" / "test_broken.py").write_text("def test_broken():\n    assert 1 == 2\n")
    _note_a_change(clone / "CHANGELOG.md")
    subprocess.run(["git", "add", "tests/test_broken.py", "CHANGELOG.md"], cwd=clone, check=True)
    subprocess.run(["git", "commit", "-q", "-m", "A failing test"], cwd=clone, check=True)
    before = _state(clone)
    with pytest.raises(R.ReleaseError, match="tests failed"):
        R.release("0.0.1", root=clone, pytest_args=["tests/test_broken.py"])
    assert _state(clone) == before
    assert subprocess.run(["git", "status", "--porcelain"], cwd=clone, capture_output=True,
                          text=True).stdout == ""


def test_release_refuses_a_bad_version_or_a_tag_elsewhere(clone):
    with pytest.raises(R.ReleaseError, match="not a release version"):
        R.release("0.1", root=clone)
    subprocess.run(["git", "tag", "v0.0.1", "HEAD~1"], cwd=clone, check=True)
    with pytest.raises(R.ReleaseError, match="already exists"):
        R.release("0.0.1", root=clone)


def test_set_version_carries_the_addresses_of_the_configuration(metadata_copy):
    root = metadata_copy
    config = (root / "_config.yml").read_text()
    (root / "_config.yml").write_text(config.replace('  baseurl: ""', '  baseurl: "https://example.org/ed"')
                                      .replace('  url: ""', '  url: "https://example.org/src/ed"'))
    R.set_version("9.8.7", date="2031-02-03", root=root)
    meta = E.read_citation(root)
    assert (meta["url"], meta["repository-code"]) == ("https://example.org/ed/v9.8.7/", "https://example.org/src/ed")
    Citation((root / "CITATION.cff").read_text()).validate()
    zenodo = json.loads((root / ".zenodo.json").read_text())
    assert {"identifier": "https://example.org/ed/v9.8.7/", "relation": "isIdenticalTo", "scheme": "url"} \
        in zenodo["related_identifiers"]
    assert {"identifier": "https://example.org/src/ed", "relation": "isSupplementTo", "scheme": "url"} \
        in zenodo["related_identifiers"]
    R.set_version("9.8.8.dev0", root=root)  # between releases: the site's root, not a version
    assert E.read_citation(root)["url"] == "https://example.org/ed/"
    (root / "_config.yml").write_text(config)  # no address known: no url in the metadata
    assert R.sync_addresses(root) and "url" not in E.read_citation(root)
    assert "repository-code" not in E.read_citation(root)


def test_the_addresses_in_citation_cff_are_those_of_the_configuration():
    cff = (ROOT / "CITATION.cff").read_text()
    assert R.set_citation_addresses(cff, E.read_version(ROOT), E.read_addresses(ROOT)) == cff, "run make zenodo"


def test_an_anchor_may_go_only_in_a_major_release_that_records_it():
    anchors = ["notebooks/annex.html#tbl-annex-countries"]
    gone = lambda a: False  # noqa: E731
    log = "## [Unreleased]\n\n## [1.0.0] - 2031-01-01\n\n### Removed\n\n- Table `tbl-annex-countries`.\n"
    assert S.anchor_problems("0.3.0", anchors, "0.4.0", gone, log.replace("1.0.0", "0.4.0"))
    assert S.anchor_problems("0.3.0", anchors, "1.0.0", gone, log.replace("tbl-annex-countries", "x"))
    assert S.anchor_problems("0.3.0", anchors, "1.0.0", gone, log) == []
    assert S.anchor_problems("0.3.0", anchors, "0.4.0", lambda a: True, "") == []

