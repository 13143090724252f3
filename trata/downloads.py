"""Sphinx extension: the files a reader can download from the site, and the links to them.

What the HTML site serves, under ``downloads/``:

``trata-<version>-data.zip``   the data package the book was built from, as one zip file: its
                               descriptor and the files its resources name, under one folder;
                               members sorted, every date the same fixed one, fixed permissions,
                               so that the same package gives the same bytes in every build
``data/...``                   the same files one by one (``datapackage.json`` and each CSV)
``<chapter>.ipynb``            each chapter's notebook as executed for this build, with its outputs
                               (from the execution cache), e.g. ``downloads/notebooks/profile.ipynb``
``trata-<version>.pdf``        the PDF edition, when the build has one (below)

Only files inside the package's folder that a resource names are published: a path that is
absolute, climbs out of the folder (``..``, or a symbolic link pointing elsewhere) or is missing
stops the build with a message naming the resource and the path. Case-level records (the resource
``cases`` of :mod:`trata.cases`) are never published: a package that holds them is offered without
them, and its published descriptor lists only the resources it offers.

The PDF edition is ``trata-<version>.pdf`` in the folder ``pdf/`` beside the site's (where
``make pdf`` writes it), or the file the ``trata_pdf`` setting names; it is offered only when its
metadata names this version. The source repository is linked when ``_config.yml`` names one
(``repository: url``); none is invented.

On every page the theme's download menu is replaced: its ".ipynb" entry is broken in Jupyter Book 1
(jupyter-book#2237) and its ".pdf" entry only prints the page. The menu offers the page's source,
the executed notebook of a chapter, the data package, the PDF edition when there is one, and the
repository when there is one. Two directives put the same files in the text:

``{trata-data-downloads}``     the data package: the zip, the descriptor and every file (data page)
``{trata-edition-downloads}``  the zip and, when the build has it, the PDF edition (home page)

Links are written relative to the page in the HTML builders; other builders (the single page the
PDF is printed from) get the names without links, since the PDF cannot reach the site's files.
"""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import nbformat
import pypdf
from docutils import nodes
from jupyter_cache import get_cache
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.locale import get_translation
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

from . import edition
from .book.cache import _package, depends_on_data
from .book.i18n import edition_of
from .core import messages as M
from .data.cases import RESOURCE as CASE_RESOURCE

logger = logging.getLogger(__name__)

FOLDER = "downloads"
#: Every member of the data zip carries this date (the earliest a zip can hold): the archive
#: depends on the package's content alone.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
#: Jupyter Book's default repository, which it fills in when a book names none: not this book's.
JB_DEFAULT_REPOSITORY = "https://github.com/executablebooks/jupyter-book"
HTML_BUILDERS = ("html", "dirhtml")


class DownloadError(ValueError):
    """A file the site would publish is not one it may publish: the message says which and why."""


# --- the data package ---------------------------------------------------------------------------

@dataclass(frozen=True)
class PackageFiles:
    descriptor: bytes                      # the descriptor as published
    files: list[tuple[str, Path]]          # (path inside the package, file on disk), sorted
    withheld: list[str]                    # resources not published (case records)
    titles: dict[str, str]                 # path inside the package -> its resource's title


def _paths(resource: dict) -> list[str]:
    path = resource.get("path")
    return [path] if isinstance(path, str) else [p for p in (path or []) if isinstance(p, str)]


def _remote(path: str) -> bool:
    return path.startswith(("http://", "https://", "ftp://", "ftps://"))


def _inside(folder: Path, name: str, resource: str) -> Path:
    """The file ``name`` (a resource path) of the package in ``folder``, refused if outside it."""
    pure = PurePosixPath(name)
    if pure.is_absolute() or "\\" in name or ".." in pure.parts or not pure.parts:
        raise DownloadError(f"resource {resource!r}: path {name!r} is not a relative path inside the package folder")
    path = folder / pure
    try:
        real = path.resolve(strict=True)
    except OSError:
        raise DownloadError(f"resource {resource!r}: file {name!r} does not exist in {folder}") from None
    if not real.is_relative_to(folder.resolve()) or not real.is_file():
        raise DownloadError(f"resource {resource!r}: {name!r} is not a file inside the package folder {folder}")
    return real


def package_files(descriptor_path: Path) -> PackageFiles:
    """What of the package at ``descriptor_path`` the site publishes (see the module's docstring)."""
    raw = descriptor_path.read_bytes()
    descriptor = json.loads(raw.decode("utf-8"))
    folder = descriptor_path.parent
    files: dict[str, Path] = {}
    titles: dict[str, str] = {}
    kept, withheld = [], []
    for res in descriptor.get("resources", []):
        name = str(res.get("name"))
        if name == CASE_RESOURCE:
            withheld.append(name)
            continue
        kept.append(res)
        for p in _paths(res):
            if _remote(p):
                continue
            files[PurePosixPath(p).as_posix()] = _inside(folder, p, name)
            titles[PurePosixPath(p).as_posix()] = str(res.get("title") or name)
    if withheld:
        for res in kept:  # no published resource may point at one that is not published
            fks = (res.get("schema") or {}).get("foreignKeys")
            if fks:
                res["schema"]["foreignKeys"] = [fk for fk in fks if (fk.get("reference") or {}).get("resource") not in withheld]
        descriptor["resources"] = kept
        raw = (json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    return PackageFiles(raw, sorted(files.items()), withheld, titles)


def zip_prefix(version: str) -> str:
    return f"{edition.SLUG}-{version}-data"


def zip_name(version: str) -> str:
    return f"{zip_prefix(version)}.zip"


def package_zip(pkg: PackageFiles, prefix: str) -> bytes:
    """The published package as a reproducible zip: one folder, sorted members, fixed dates."""
    members = [("datapackage.json", pkg.descriptor)] + [(name, path.read_bytes()) for name, path in pkg.files]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in sorted(members):
            info = zipfile.ZipInfo(f"{prefix}/{name}", date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, so that the permissions are read
            info.external_attr = 0o100644 << 16
            zf.writestr(info, data, compresslevel=9)
    return buf.getvalue()


# --- what this build offers ---------------------------------------------------------------------

def _package_path(app: Sphinx) -> Path:

    return _package(app)


def pdf_source(app: Sphinx, version: str) -> Path | None:
    """The PDF edition of this version, if the build has one."""
    suffix = "" if app.config.language in (None, "en") else "-es"  # each edition offers its own PDF
    path = Path(app.config.trata_pdf) if app.config.trata_pdf else \
        Path(app.outdir).parent / "pdf" / f"{edition.SLUG}-{version}{suffix}.pdf"
    if not path.is_file():
        return None
    try:
        title = str((pypdf.PdfReader(path).metadata or {}).get("/Title", ""))
    except Exception as exc:  # an unreadable PDF is not offered
        logger.info(f"[trata] {path} is not offered: it cannot be read ({exc})")
        return None
    if f"(version {version})" not in title:
        logger.info(f"[trata] {path} is not offered: it is not the PDF of version {version} ({title!r})")
        return None
    return path


def repository_url(app: Sphinx) -> str:
    """The source repository ``_config.yml`` names (``repository.url``), the one source of it."""
    url = edition.read_addresses().repository or ""
    return "" if url.rstrip("/") == JB_DEFAULT_REPOSITORY else url


@dataclass(frozen=True)
class Offer:
    """What every page links to: it decides which pages must be written again when it changes."""

    version: str
    zip: str
    pdf: str       # site path of the PDF, or ""
    repository: str


def offer(app: Sphinx) -> Offer:
    version = edition.read_version()
    pdf = pdf_source(app, version)
    return Offer(version, f"{FOLDER}/{zip_name(version)}",
                 f"{FOLDER}/{edition.SLUG}-{version}.pdf" if pdf else "", repository_url(app))


def chapters(app: Sphinx) -> dict[str, Path]:
    """The documents that are notebooks with code: each has an executed notebook to offer."""

    out = {}
    for doc in sorted(app.env.found_docs):
        path = Path(app.env.doc2path(doc))
        try:
            if path.suffix == ".md" and depends_on_data(path.read_text(encoding="utf-8")):
                out[doc] = path
        except OSError:
            continue
    return out


def executed_notebook(app: Sphinx, docname: str):
    """The notebook of ``docname`` as executed for this build, with its outputs.

    myst-nb writes the notebook it rendered to ``jupyter_execute/`` beside the site, without the
    outputs it keeps elsewhere (glued values); the execution cache holds every output of the run
    that matches the notebook's code and kernelspec (which carries the data fingerprint).
    """
    rendered = Path(app.outdir).parent / "jupyter_execute" / f"{docname}.ipynb"
    nb = nbformat.read(rendered, as_version=4)
    try:
        _, nb = get_cache(app.config.nb_execution_cache_path).merge_match_into_notebook(nb)
    except KeyError:
        raise DownloadError(f"{docname}: no executed notebook in the execution cache matches this build") from None
    # Jupytext gives every cell a random id when it reads the MyST file: the ids are numbered in
    # order instead, so that the same commit releases the same notebook (and the same archive).
    for i, cell in enumerate(nb.cells, start=1):
        cell["id"] = f"cell-{i}"
    nbformat.validate(nb)
    return nb


# --- events -------------------------------------------------------------------------------------

def on_builder_inited(app: Sphinx) -> None:
    app.env.trata_offer_now = offer(app)


def on_env_get_outdated(app, env, added, changed, removed):
    """Every page links the PDF, the zip and the repository: when those change, write them all."""
    now = getattr(env, "trata_offer_now", None)
    before = getattr(env, "trata_offer", None)
    env.trata_offer = now
    if before is not None and before != now:
        logger.info("[trata] the downloads changed (version, PDF or repository): every page is written again")
        return sorted(env.found_docs)
    return []


#: The interface's words (the book's catalogue locale/<language>/LC_MESSAGES/sphinx.po).
_ = get_translation("sphinx")


def _button(url: str, text: str, tooltip: str, icon: str, label: str) -> dict:
    return {"type": "link", "url": url, "text": text, "tooltip": tooltip, "icon": icon, "label": label}


def on_html_page_context(app, pagename, templatename, context, doctree):
    """Replace the theme's download menu by one whose entries are real files."""
    buttons = context.get("header_buttons")
    if buttons is None or "pathto" not in context or app.builder.name not in HTML_BUILDERS:
        return
    pathto = context["pathto"]
    of: Offer = app.env.trata_offer_now
    entries = []
    if pagename in _chapters_cached(app):
        entries.append(_button(pathto(f"{FOLDER}/{pagename}.ipynb", 1), ".ipynb",
                               _("The notebook of this chapter, executed, with its outputs"), "fas fa-code",
                               "download-notebook-button"))
    if context.get("sourcename") and context.get("page_source_suffix"):
        entries.append(_button(f"{pathto('_sources', 1)}/{context['sourcename']}", context["page_source_suffix"],
                               _("The source of this page (MyST Markdown)"), "fas fa-file", "download-source-button"))
    entries.append(_button(pathto(of.zip, 1), _("Data (.zip)"), _("The data package this book was built from"),
                           "fas fa-file-zipper", "download-data-button"))
    if of.pdf:
        entries.append(_button(pathto(of.pdf, 1), _("PDF edition"), _("The whole book as a PDF, version %s") % of.version,
                               "fas fa-file-pdf", "download-pdf-button"))
    if of.repository:
        entries.append(_button(of.repository, _("Repository"), _("The source repository of this book"),
                               "fab fa-git-alt", "repository-button"))
    group = {"type": "group", "tooltip": _("Downloads"), "icon": "fas fa-download", "buttons": entries,
             "label": "download-buttons"}
    for i, b in enumerate(buttons):
        if b.get("label") == "download-buttons":
            buttons[i] = group
            break
    else:  # pages without a source (the index, the search page) get the menu too
        buttons.insert(0, group)


def _chapters_cached(app: Sphinx) -> dict[str, Path]:
    if getattr(app, "_trata_chapters", None) is None:
        app._trata_chapters = chapters(app)
    return app._trata_chapters


def write_downloads(app: Sphinx) -> list[Path]:
    """Write ``downloads/`` into the site afresh (nothing of an earlier build stays in it)."""
    out = Path(app.outdir) / FOLDER
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    of: Offer = app.env.trata_offer_now
    pkg = package_files(_package_path(app))
    written = []
    data = out / "data"
    data.mkdir()
    (data / "datapackage.json").write_bytes(pkg.descriptor)
    for name, path in pkg.files:
        dest = data / name
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(path.read_bytes())
        written.append(dest)
    zpath = Path(app.outdir) / of.zip
    zpath.write_bytes(package_zip(pkg, zip_prefix(of.version)))
    written.append(zpath)
    for doc in _chapters_cached(app):
        dest = out / f"{doc}.ipynb"
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(nbformat.writes(executed_notebook(app, doc)), encoding="utf-8")
        written.append(dest)
    if of.pdf:
        src = pdf_source(app, of.version)
        shutil.copyfile(src, Path(app.outdir) / of.pdf)
        written.append(Path(app.outdir) / of.pdf)
    return written


def on_build_finished(app: Sphinx, exception) -> None:
    if exception is not None or app.builder.name not in HTML_BUILDERS:
        return
    try:
        files = write_downloads(app)
    except (DownloadError, OSError, ValueError) as exc:
        logger.warning(f"[trata] downloads: {exc}", type="trata", subtype="downloads")
        return
    logger.info(f"[trata] wrote {len(files)} downloads into {Path(app.outdir) / FOLDER}")


# --- links in the text --------------------------------------------------------------------------

def _size(n: int, lang: str = "en") -> str:
    if n < 1024:
        return M.text("downloads.size_bytes", lang, n=n)
    return M.text("downloads.size_kb", lang, n=f"{n / 1024:.0f}" if n >= 10 * 1024 else f"{n / 1024:.1f}")


def download_link(label: str, target: str, size: int | None = None, lang: str = "en") -> list[nodes.Node]:
    """A link to the site file ``target`` (made relative to the page at write time), with its size."""
    ref = nodes.reference("", "", nodes.Text(label), internal=False, refuri=target, classes=["trata-download"])
    ref["trata_download"] = target
    out: list[nodes.Node] = [ref]
    if size is not None:
        out += [nodes.Text(" "), nodes.inline("", f"({_size(size, lang)})", classes=["trata-download-size"])]
    return out


class DownloadLinks(SphinxPostTransform):
    """Make each download link relative to its page; outside the HTML site, keep its text only."""

    default_priority = 10

    def run(self, **kwargs) -> None:
        html = self.app.builder.name in HTML_BUILDERS
        for ref in list(self.document.findall(nodes.reference)):
            target = ref.get("trata_download")
            if not target:
                continue
            if html:
                ref["refuri"] = relative_uri(self.app.builder.get_target_uri(self.env.docname), target)
            else:
                ref.replace_self(nodes.inline("", "", *ref.children))


class _Downloads(SphinxDirective):
    has_content = False

    def package(self) -> PackageFiles:
        path = _package_path(self.env.app)
        self.env.note_dependency(str(path))
        try:
            pkg = package_files(path)
        except DownloadError as exc:
            raise self.error(str(exc)) from None
        for _, f in pkg.files:
            self.env.note_dependency(str(f))
        return pkg

    @property
    def lang(self) -> str:
        """The language of the edition being built (from the Sphinx configuration)."""
        return edition_of(self.env.app.config.language)

    def item(self, *children: nodes.Node) -> nodes.list_item:
        return nodes.list_item("", nodes.paragraph("", "", *children))


class DataDownloadsDirective(_Downloads):
    """The data package: the zip, the descriptor and every file, with sizes."""

    def run(self):
        pkg = self.package()
        lang = self.lang
        of: Offer = self.env.trata_offer_now
        size = len(package_zip(pkg, zip_prefix(of.version)))
        box = nodes.container(classes=["trata-downloads"])
        top = nodes.bullet_list()
        top += self.item(*download_link(M.text("downloads.whole_package", lang, zip=zip_name(of.version)), of.zip, size,
                                        lang))
        top += self.item(*download_link("datapackage.json", f"{FOLDER}/data/datapackage.json", len(pkg.descriptor),
                                        lang),
                         nodes.Text(M.text("downloads.descriptor", lang)))
        box += top
        files = nodes.bullet_list()
        for name, path in pkg.files:
            files += self.item(*download_link(name, f"{FOLDER}/data/{name}", path.stat().st_size, lang),
                               nodes.Text(f": {pkg.titles[name]}"))
        box += nodes.paragraph("", M.text("downloads.each_file", lang))
        box += files
        if pkg.withheld:
            box += nodes.paragraph("", M.text("downloads.withheld", lang,
                                            names=", ".join(f"“{w}”" for w in pkg.withheld)))
        return [box]


class EditionDownloadsDirective(_Downloads):
    """The zip and, when the build has one, the PDF edition."""

    def run(self):
        pkg = self.package()
        lang = self.lang
        of: Offer = self.env.trata_offer_now
        items = nodes.bullet_list(classes=["trata-downloads"])
        before, _, after = M.text("downloads.zip_note", lang).partition("{page}")
        items += self.item(*download_link(M.text("downloads.data_package", lang), of.zip,
                                          len(package_zip(pkg, zip_prefix(of.version))), lang),
                           nodes.Text(before), self.data_page(lang), nodes.Text(after))
        if of.pdf:
            src = pdf_source(self.env.app, of.version)
            items += self.item(*download_link(M.text("downloads.pdf", lang, version=of.version), of.pdf,
                                              src.stat().st_size if src else None, lang))
        if of.repository:
            items += self.item(nodes.reference("", M.text("downloads.repository", lang), refuri=of.repository))
        return [items]

    def data_page(self, lang: str = "en") -> nodes.Node:

        ref = pending_xref("", nodes.inline("", M.text("downloads.data_page", lang)), refdomain="std", reftype="doc",
                           reftarget="/book/data", refexplicit=True, refwarn=True)
        ref["refdoc"] = self.env.docname
        return ref


def setup(app: Sphinx):
    app.add_config_value("trata_pdf", "", "env")
    app.connect("builder-inited", on_builder_inited)
    app.connect("env-get-outdated", on_env_get_outdated)
    app.connect("html-page-context", on_html_page_context, priority=900)  # after the theme's buttons
    app.connect("build-finished", on_build_finished)
    app.add_post_transform(DownloadLinks)
    app.add_directive("trata-data-downloads", DataDownloadsDirective)
    app.add_directive("trata-edition-downloads", EditionDownloadsDirective)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
