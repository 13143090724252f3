"""The edition's identity: its version, the commit it was built from, its build date, how to cite it.

One source for each fact:

``VERSION``       the version of the edition (``X.Y.Z`` for a release, ``X.Y.Z.devN`` between
                  releases); ``CITATION.cff``, ``.zenodo.json``, ``data/datapackage.json`` and
                  ``pyproject.toml`` take it from here (``python -m trata.release set-version``).
``CITATION.cff``  the bibliographic metadata of the edition and of the article it republishes
                  (under ``references``); the "How to cite" page, the PDF title page and
                  ``.zenodo.json`` are generated from it.
``_config.yml``    the addresses: ``html.baseurl`` (the root of the published site, under which
                  every release lives at ``vX.Y.Z/`` and the development version at ``dev/``) and
                  ``repository.url`` (the source repository). Both are empty until they are
                  known; ``CITATION.cff`` (``url``, ``repository-code``) and ``.zenodo.json`` take
                  them from here, and pages without a known address say so.
git               the commit; its date is the build date, so that two builds of one commit are the
                  same. ``SOURCE_DATE_EPOCH``, if set, overrides it; a tree with uncommitted changes
                  is dated now and marked as modified.

As a Sphinx extension (``sphinx.extra_extensions`` in ``_config.yml``) this module puts the
version, the short commit and the build date in the footer of every page, adds a title page to the
single-page build (the source of the PDF edition), and provides the ``edition-citation``
directive used by the "How to cite" page.
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from .book.i18n import EDITIONS, edition_of
from .core import messages as M
from .core.cite import (
    apa_article,
    apa_names,
    apa_work,
    article_key,
    bib_person,
    bibtex,
    bibtex_article,
    doi_url,
    long_date,
    plain,
)

_apa_names = apa_names  # the name release.py has always used

ROOT = Path(__file__).resolve().parents[1]
VERSION_FILE = "VERSION"
CITATION_FILE = "CITATION.cff"
CONFIG_FILE = "_config.yml"
SWITCHER = "switcher.json"  # in _static/ of every build; `make site` writes the list of all versions
RELEASE_FILES_START = "<!-- trata-release-files -->"  # `make site` puts the checksums between these
RELEASE_FILES_END = "<!-- /trata-release-files -->"
SHORT = 7  # characters of the commit hash shown: a fixed length, the same in every clone
RELEASE = re.compile(r"^\d+\.\d+\.\d+$")
VERSION_PATTERN = re.compile(r"^\d+\.\d+\.\d+(\.dev\d+)?$")
SLUG = "trata"  # the prefix of every release file: trata-X.Y.Z.pdf, trata-X.Y.Z-site.tar.gz, ...


# --- facts ------------------------------------------------------------------------------------

def read_version(root: Path = ROOT) -> str:
    """The version of the edition, from the ``VERSION`` file."""
    text = (root / VERSION_FILE).read_text(encoding="utf-8").strip()
    if not VERSION_PATTERN.match(text):
        raise ValueError(f"{root / VERSION_FILE}: {text!r} is not a version (X.Y.Z or X.Y.Z.devN)")
    return text


def read_citation(root: Path = ROOT) -> dict:
    """``CITATION.cff`` as a dict; dates stay strings (``YYYY-MM-DD``), as cffconvert reads them."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe")
    yaml.constructor.yaml_constructors["tag:yaml.org,2002:timestamp"] = \
        yaml.constructor.yaml_constructors["tag:yaml.org,2002:str"]
    return yaml.load((root / CITATION_FILE).read_text(encoding="utf-8"))


def source_reference(meta: dict) -> dict:
    """The original article: the first entry of ``references`` of type ``article``."""
    for ref in meta.get("references", []):
        if ref.get("type") == "article":
            return ref
    raise ValueError("CITATION.cff: no reference of type 'article' (the original article)")


def _git(root: Path, *args: str) -> str | None:
    try:
        proc = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)
    except OSError:
        return None
    return proc.stdout.strip() if proc.returncode == 0 else None


@dataclass(frozen=True)
class Edition:
    """What identifies one build of the book."""

    version: str
    commit: str | None      # full hash of HEAD, or None outside a git checkout
    modified: bool          # uncommitted changes in the tree the book was built from
    built: datetime         # UTC
    released: str | None    # CITATION.cff date-released (YYYY-MM-DD), if it is this version's

    @property
    def short_commit(self) -> str | None:
        return self.commit[:SHORT] if self.commit else None

    @property
    def date(self) -> str:
        """The date to cite: the release date of a release, otherwise the build date."""
        return self.released or self.built.strftime("%Y-%m-%d")

    @property
    def year(self) -> str:
        return self.date[:4]

    def footer_text(self, lang: str = "en") -> str:
        parts = [M.text("edition.footer_version", lang, version=self.version)]
        if self.commit:
            parts.append(M.text("edition.footer_commit", lang, commit=self.short_commit)
                         + (M.text("edition.uncommitted", lang) if self.modified else ""))
        parts.append(M.text("edition.footer_built", lang, date=long_date(self.built.date(), lang)))
        return " · ".join(parts)

    def status(self, lang: str = "en") -> str:
        """The sentence of the "How to cite" page: version, release or not, commit, build date."""
        released = (M.text("edition.status_released", lang, date=long_date(self.released, lang)) if self.released
                    else M.text("edition.status_not_released", lang))
        return M.text("edition.status", lang, version=self.version, released=released,
                      commit=self.short_commit or M.text("edition.unknown_commit", lang),
                      modified=M.text("edition.uncommitted", lang) if self.modified else "",
                      date=long_date(self.built.date(), lang))


def source_date_epoch(root: Path = ROOT) -> int:
    """``SOURCE_DATE_EPOCH`` if set; else the commit date of a clean checkout; else now."""
    env = os.environ.get("SOURCE_DATE_EPOCH")
    if env:
        return int(env)
    if _git(root, "status", "--porcelain") == "":
        stamp = _git(root, "log", "-1", "--format=%ct")
        if stamp:
            return int(stamp)
    return int(datetime.now(timezone.utc).timestamp())


def current(root: Path = ROOT) -> Edition:
    version = read_version(root)
    status = _git(root, "status", "--porcelain")
    meta = read_citation(root)
    released = meta.get("date-released") if str(meta.get("version")) == version else None
    return Edition(
        version=version,
        commit=_git(root, "rev-parse", "HEAD"),
        modified=bool(status),
        built=datetime.fromtimestamp(source_date_epoch(root), tz=timezone.utc),
        released=str(released) if released else None,
    )


@dataclass(frozen=True)
class Addresses:
    """Where the edition lives: from ``_config.yml``, None where nothing is known."""

    site: str | None        # root of the published site, ending in "/"
    repository: str | None  # the source repository

    def version_url(self, version: str) -> str | None:
        """The address of one version: ``<site>vX.Y.Z/`` for a release, ``<site>dev/`` otherwise."""
        return self.site + version_path(version) if self.site else None

    @property
    def site_path(self) -> str:
        """The path of the site on its host ("/" when no address is known): switcher links use it."""
        from urllib.parse import urlparse

        return urlparse(self.site).path if self.site else "/"


def version_path(version: str) -> str:
    return f"v{version}/" if RELEASE.match(version) else "dev/"


def read_addresses(root: Path = ROOT) -> Addresses:
    """``html.baseurl`` and ``repository.url`` of ``_config.yml`` (empty means not known)."""
    from ruamel.yaml import YAML

    config = YAML(typ="safe").load((root / CONFIG_FILE).read_text(encoding="utf-8")) or {}
    site = str((config.get("html") or {}).get("baseurl") or "").strip()
    repo = str((config.get("repository") or {}).get("url") or "").strip()
    for name, value in (("html.baseurl", site), ("repository.url", repo)):
        if value and not re.match(r"^https?://[^\s/]+", value):
            raise ValueError(f"{root / CONFIG_FILE}: {name} {value!r} is not an http(s) address")
    return Addresses(site=(site.rstrip("/") + "/") if site else None, repository=repo or None)


def people(meta: dict, lang: str = "en") -> str:
    """The authors of the edition exactly as ``CITATION.cff`` names them."""
    def one(p: dict) -> str:
        return p.get("name") or " ".join(x for x in (p.get("given-names"), p.get("name-particle"),
                                                     p.get("family-names"), p.get("name-suffix")) if x)
    names = [one(p) for p in meta.get("authors", [])]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + M.text("cite.and_people", lang) + names[-1]


NO_ADDRESS = M.text("edition.no_address", "en")


# --- citations (the references themselves are core.cite's) -------------------------------------

def edition_url(meta: dict, edition: Edition, addresses: Addresses | None = None) -> str | None:
    """The address to cite this version by: its DOI, else its versioned URL, else None."""
    if meta.get("doi"):
        return doi_url(meta["doi"])
    if addresses is not None:
        return addresses.version_url(edition.version)
    return meta.get("url")


def apa_edition(meta: dict, edition: Edition, addresses: Addresses | None = None,
                lang: str = "en") -> list[tuple[str, str | None]]:
    """APA 7 reference of this version of the edition."""
    return apa_work(meta["authors"], edition.year, meta["title"], edition.version,
                    edition_url(meta, edition, addresses), lang)


def bibtex_key_edition(edition: Edition) -> str:
    return f"{SLUG}-edition-{edition.version}"


def bibtex_edition(meta: dict, edition: Edition, addresses: Addresses | None = None) -> str:
    """BibTeX entry of this version of the edition (``@misc``, with a ``version`` field)."""
    ref = source_reference(meta)
    names = " and ".join(bib_person(p) for p in meta["authors"])
    source = f"{ref['authors'][0]['family-names']} ({ref['year']})"
    fields = [("author", names), ("title", "{" + meta["title"] + "}"), ("year", edition.year),
              ("version", edition.version),
              ("note", f"Version {edition.version}. An executable edition of {source}"
                       + (f", doi:{ref['doi']}" if ref.get("doi") else "")),
              ("doi", meta.get("doi")),
              ("url", addresses.version_url(edition.version) if addresses is not None else meta.get("url"))]
    return bibtex("misc", bibtex_key_edition(edition), fields)


# --- Sphinx -----------------------------------------------------------------------------------

def _edition_of(app) -> Edition:
    if not hasattr(app, "trata_edition"):
        app.trata_edition = current(Path(app.srcdir))
    return app.trata_edition


def _lang(app) -> str:
    """The message table of the edition being built ("en", "es"), from the Sphinx language."""
    return edition_of(app.config.language or "en")


def _titled(app, meta: dict) -> dict:
    """``meta`` with the title of the edition being built: the Spanish edition's is its own (the
    interface catalogue, as the book's title); BibTeX keeps the title of ``CITATION.cff``."""
    from sphinx import locale

    return meta if _lang(app) == "en" else {**meta, "title": str(locale.get_translation("sphinx")(meta["title"]))}


def footer_html(ed: Edition, meta: dict | None = None, addresses: Addresses | None = None, lang: str = "en") -> str:
    """The footer of every page: who made the edition (as ``CITATION.cff`` names them), the
    version with its commit and build date, and the addresses when they are known."""
    out = []
    if meta is not None:
        ref = source_reference(meta)
        source = f"{ref['authors'][0]['family-names']} ({ref['year']})"
        authors = M.text("edition.footer_authors", lang, people=people(meta, lang), source=source)
        out.append(f'<p class="trata-authors">{html.escape(authors)}</p>')
    text = ed.footer_text(lang)
    out.append(f'<p class="trata-edition" data-version="{html.escape(ed.version)}">{html.escape(text)}</p>')
    links = []

    def link(label: str, url: str, shown: str | None = None) -> None:
        links.append(f'{html.escape(label)} <a href="{html.escape(url)}">{html.escape(shown or url)}</a>')

    if meta is not None and meta.get("doi"):
        link("DOI", doi_url(meta["doi"]), meta["doi"])
    if addresses is not None and addresses.version_url(ed.version):
        link(M.text("edition.footer_this_version", lang), addresses.version_url(ed.version))
    if addresses is not None and addresses.repository:
        link(M.text("edition.footer_source", lang), addresses.repository)
    if links:
        out.append('<p class="trata-addresses">' + " · ".join(links) + "</p>")
    return "\n".join(out)


def titlepage_html(meta: dict, ed: Edition, addresses: Addresses | None = None, lang: str = "en") -> str:
    ref = source_reference(meta)
    url = addresses.version_url(ed.version) if addresses is not None else None
    source = html.escape(M.text("edition.titlepage_source", lang, reference=plain(apa_article(ref, lang))))
    authors = html.escape(people(meta, lang))
    build = html.escape(ed.footer_text(lang))
    version = html.escape(M.text("edition.footer_version", lang, version=ed.version) + " · " + long_date(ed.date, lang))
    licence = M.text("edition.titlepage_licence_html", lang, licence=html.escape(str(meta.get("license", ""))))
    return (
        '<section class="trata-titlepage" id="edition-title-page">\n'
        f'<p class="trata-titlepage-title">{html.escape(meta["title"])}</p>\n'
        f'<p class="trata-titlepage-version">{version}</p>\n'
        f'<p class="trata-titlepage-authors">{authors}</p>\n'
        f'<p class="trata-titlepage-source">{source}</p>\n'
        f'<p class="trata-titlepage-build">{build}</p>\n'
        + (f'<p class="trata-titlepage-doi">DOI {html.escape(meta["doi"])}</p>\n' if meta.get("doi") else "")
        + (f'<p class="trata-titlepage-url">{html.escape(url)}</p>\n' if url else "")
        + f'<p class="trata-titlepage-licence">{licence}</p>\n'
        '</section>\n'
    )


def on_config_inited(app, config) -> None:
    ed = _edition_of(app)
    root = Path(app.srcdir)
    meta, addresses = read_citation(root), read_addresses(root)
    # Sphinx dates "last updated" with SOURCE_DATE_EPOCH when it is set: make it the build date.
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(ed.built.timestamp())))
    # Each page's canonical link is its address in this version (Sphinx writes it from html_baseurl).
    config.html_baseurl = addresses.version_url(ed.version) or ""
    lang = _lang(app)
    config.author = people(meta, lang)
    options = dict(config.html_theme_options or {})
    options["extra_footer"] = footer_html(ed, meta, addresses, lang)
    # The theme's "By <author>" line goes: the footer names the authors as CITATION.cff does.
    options["footer_content_items"] = [i for i in options.get("footer_content_items",
                                       ["author.html", "copyright.html", "last-updated.html", "extra-footer.html"])
                                       if i != "author.html"]
    # The version switcher, fed by _static/switcher.json of the build (written by `make site` for the
    # assembled site); a relative address is read from the root of the version being read, and the
    # build never fetches it (check_switcher off).
    options["switcher"] = {"json_url": f"_static/{SWITCHER}", "version_match": ed.version}
    options["check_switcher"] = False
    options["show_version_warning_banner"] = False  # the edition's own banner names the newest version
    end = list(options.get("primary_sidebar_end") or [])
    options["primary_sidebar_end"] = end + ["version-switcher"] if "version-switcher" not in end else end
    config.html_theme_options = options
    app.trata_addresses = addresses


def contents_html(app) -> str:
    """The parts and chapters of the book as links into the single page (the PDF's contents)."""
    from sphinx import addnodes

    env = app.env
    heading = html.escape(M.text("edition.contents", _lang(app)))
    items = ['<nav class="trata-contents" id="edition-contents">', f"<h2>{heading}</h2>"]
    for toctree in env.get_doctree(app.config.root_doc).findall(addnodes.toctree):
        if toctree.get("caption"):
            items.append(f'<p class="caption">{html.escape(toctree["caption"])}</p>')
        items.append("<ul>")
        for title, docname in toctree["entries"]:
            text = title or (env.titles[docname].astext() if docname in env.titles else docname)
            items.append(f'<li><a href="#document-{html.escape(docname)}">{html.escape(text)}</a></li>')
        items.append("</ul>")
    items.append("</nav>")
    return "\n".join(items) + "\n"


BANNER_TEMPLATE = "trata-version-banner.html"


def on_html_page_context(app, pagename, templatename, context, doctree) -> None:
    context["trata_version"] = _edition_of(app).version  # for the switcher and the banner
    if "body" not in context:
        return
    if app.builder.name == "singlehtml":
        if pagename == app.config.root_doc:
            front = titlepage_html(_titled(app, read_citation(Path(app.srcdir))), _edition_of(app),
                                   getattr(app, "trata_addresses", None), _lang(app)) + contents_html(app)
            context["body"] = front + context["body"]
        return
    # An older version says which one is the newest, with a link to this page there (the list of
    # versions is the switcher's, so a release built before the next one learns of it when the site
    # is assembled).
    context["body"] = app.builder.templates.render(BANNER_TEMPLATE, context) + context["body"]


def switcher_entries(versions: list[str], newest: str | None, site_path: str = "/",
                     dev: str | None = None) -> list[dict]:
    """The entries of switcher.json: releases newest first, then the development version."""
    entries = [{"name": v + (" (latest)" if v == newest else ""), "version": v, "url": f"{site_path}v{v}/",
                **({"preferred": True} if v == newest else {})} for v in versions]
    if dev:
        entries.append({"name": f"{dev} (development)", "version": dev, "url": f"{site_path}dev/"})
    return entries


def write_switcher(path: Path, entries: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(entries, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def on_build_finished(app, exception) -> None:
    """A build on its own knows of no other version: its switcher lists nothing (`make site` fills it)."""
    if exception is None and app.builder.format == "html":
        target = Path(app.outdir) / "_static" / SWITCHER
        if not target.exists():
            write_switcher(target, [])


def on_doctree_resolved(app, doctree, docname) -> None:
    """Every numbered table and figure offers what to cite it by: version, anchor, versioned URL."""
    from docutils import nodes

    if app.builder.name != "html":  # the single page (the PDF) has no page of its own to cite
        return
    ed, addresses, lang = _edition_of(app), getattr(app, "trata_addresses", None), _lang(app)
    page = f"{EDITIONS[lang][2]}{docname}.html"  # the Spanish edition's pages are under es/ of the site
    for node in list(doctree.findall(nodes.Element)):
        if not isinstance(node, (nodes.table, nodes.figure)):
            continue
        labels = [i for i in node.get("ids", []) if re.match(r"^(tbl|fig)-", i)]
        if not labels or node.parent is None:
            continue
        anchor = f"{page}#{labels[0]}"
        base = addresses.version_url(ed.version) if addresses is not None else None
        url = base + anchor if base else None
        para = nodes.paragraph(classes=["trata-cite-this"])
        para += nodes.Text(M.text("edition.cite_this_table", lang, version=ed.version, anchor=anchor)
                           if isinstance(node, nodes.table)
                           else M.text("edition.cite_this_figure", lang, version=ed.version, anchor=anchor))
        para += nodes.reference(url, url, refuri=url) if url else nodes.Text(M.text("edition.cite_this_no_address", lang))
        node.parent.insert(node.parent.index(node) + 1, para)


def on_env_get_outdated(app, env, added, changed, removed):
    """Pages that show citations depend on VERSION, CITATION.cff and git: read them every time."""
    return [d for d in getattr(env, "trata_citing_docs", set()) if d in env.found_docs]


def on_env_purge_doc(app, env, docname):
    getattr(env, "trata_citing_docs", set()).discard(docname)


def on_env_merge_info(app, env, docnames, other):
    if not hasattr(env, "trata_citing_docs"):
        env.trata_citing_docs = set()
    env.trata_citing_docs |= getattr(other, "trata_citing_docs", set()) & set(docnames)


def _make_directive():
    from docutils import nodes
    from docutils.parsers.rst import directives
    from sphinx.util.docutils import SphinxDirective

    class EditionCitation(SphinxDirective):
        """``{edition-citation} edition|article`` with ``:format: apa|bibtex|summary``."""

        required_arguments = 1
        option_spec = {"format": lambda arg: directives.choice(arg, ("apa", "bibtex", "summary", "address"))}

        def address(self, meta, ed, addresses, lang):
            """Where this version is and what identifies it: URL, release date, DOI, repository, files."""
            items = nodes.bullet_list(classes=["trata-version-facts"])

            def item(label, text=None, url=None):
                para = nodes.paragraph()
                para += nodes.strong(label, label)
                para += nodes.Text(" ")
                if url:
                    para += nodes.reference(url, url, refuri=url)
                else:
                    para += nodes.Text(text)
                items.append(nodes.list_item("", para))

            url = addresses.version_url(ed.version)
            item(M.text("edition.address_label", lang), M.text("edition.no_address", lang) if not url else None, url)
            item(M.text("edition.released_label", lang),
                 long_date(ed.released, lang) if ed.released else M.text("edition.released_none", lang))
            if meta.get("doi"):
                item(M.text("edition.doi_label", lang), url=doi_url(meta["doi"]))
            else:
                item(M.text("edition.doi_label", lang), M.text("edition.doi_none", lang))
            if addresses.repository:
                item(M.text("edition.repository_label", lang), url=addresses.repository)
            else:
                item(M.text("edition.repository_label", lang), M.text("edition.repository_none", lang))
            out = [items]
            if ed.released:
                # The checksums cannot be written into the pages they are a checksum of: the
                # assembled site (`make site`) puts them here from the release's SHA256SUMS.
                text = M.text("edition.release_files", lang)
                out.append(nodes.raw("", f'{RELEASE_FILES_START}<p class="trata-release-files">'
                                         f'{html.escape(text)}</p>{RELEASE_FILES_END}', format="html"))
            return out

        def run(self):
            root = Path(self.env.srcdir)
            for name in (VERSION_FILE, CITATION_FILE, CONFIG_FILE):
                self.env.note_dependency(str(root / name))
            if not hasattr(self.env, "trata_citing_docs"):
                self.env.trata_citing_docs = set()
            self.env.trata_citing_docs.add(self.env.docname)
            meta, ed, lang = read_citation(root), _edition_of(self.env.app), _lang(self.env.app)
            what, fmt = self.arguments[0], self.options.get("format", "apa")
            if what not in ("edition", "article"):
                raise self.error(f"edition-citation: argument must be 'edition' or 'article', not {what!r}")
            ref = source_reference(meta)
            if fmt == "bibtex":
                text = (bibtex_edition(meta, ed, read_addresses(root)) if what == "edition"
                        else bibtex_article(ref, article_key(ref)))
                block = nodes.literal_block(text, text, language="bibtex")
                block["classes"].append(f"trata-cite-{what}")
                return [block]
            if fmt == "address":
                if what != "edition":
                    raise self.error("edition-citation: format 'address' is for the edition only")
                return self.address(meta, ed, read_addresses(root), lang)
            if fmt == "summary":
                if what != "edition":
                    raise self.error("edition-citation: format 'summary' is for the edition only")
                text = ed.status(lang)
                return [nodes.paragraph(text, text, classes=["trata-edition-summary"])]
            runs = (apa_edition(_titled(self.env.app, meta), ed, read_addresses(root), lang) if what == "edition"
                    else apa_article(ref, lang))
            para = nodes.paragraph(classes=["trata-apa", f"trata-cite-{what}"])
            for text, style in runs:
                text = text.replace("'", "\u2019")  # an apostrophe, which smart quotes misread in Spanish
                para += nodes.emphasis(text, text) if style == "em" else nodes.Text(text)
            return [para]

    return EditionCitation


def setup(app):
    app.connect("config-inited", on_config_inited)
    app.connect("html-page-context", on_html_page_context)
    app.connect("doctree-resolved", on_doctree_resolved)
    app.connect("build-finished", on_build_finished)
    app.connect("env-get-outdated", on_env_get_outdated)
    app.connect("env-purge-doc", on_env_purge_doc)
    app.connect("env-merge-info", on_env_merge_info)
    app.add_directive("edition-citation", _make_directive())
    app.add_css_file("trata-edition.css")
    app.add_css_file("trata-versions.css")
    return {"version": read_version(), "parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
