"""The edition's identity: its version, the commit it was built from, its build date, how to cite it.

One source for each fact:

``VERSION``       the version of the edition (``X.Y.Z`` for a release, ``X.Y.Z.devN`` between
                  releases); ``CITATION.cff``, ``.zenodo.json``, ``data/datapackage.json`` and
                  ``pyproject.toml`` take it from here (``python -m trata.release set-version``).
``CITATION.cff``  the bibliographic metadata of the edition and of the article it republishes
                  (under ``references``); the "How to cite" page, the PDF title page and
                  ``.zenodo.json`` are generated from it.
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
import os
import re
import subprocess
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VERSION_FILE = "VERSION"
CITATION_FILE = "CITATION.cff"
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

    def footer_text(self) -> str:
        parts = [f"Version {self.version}"]
        if self.commit:
            parts.append(f"commit {self.short_commit}" + (" with uncommitted changes" if self.modified else ""))
        parts.append(f"built {self.built.strftime('%Y-%m-%d')}")
        return " · ".join(parts)


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


# --- citations --------------------------------------------------------------------------------
# An APA reference is a list of (text, style) runs, style None or "em", so that the same reference
# becomes docutils nodes on the page and plain text elsewhere.

def _initials(given: str) -> str:
    return " ".join(f"{part[0]}." for part in re.split(r"[\s]+", given.strip()) if part)


def _apa_person(p: dict, inverted: bool = True) -> str:
    if "name" in p:
        return p["name"]
    family, given = p.get("family-names", ""), p.get("given-names", "")
    return f"{family}, {_initials(given)}" if inverted else f"{_initials(given)} {family}"


def _apa_names(people: list[dict], inverted: bool = True) -> str:
    names = [_apa_person(p, inverted) for p in people]
    if len(names) == 1:
        return names[0]
    last = ", & " if inverted or len(names) > 2 else " & "  # APA: "A, B., & C, D."; "(B. A & D. C, Trans.)"
    return ", ".join(names[:-1]) + last + names[-1]


def _doi_url(doi: str) -> str:
    return f"https://doi.org/{doi}"


def _end(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else text + "."


def apa_edition(meta: dict, edition: Edition) -> list[tuple[str, str | None]]:
    """APA 7 reference of this version of the edition."""
    runs: list[tuple[str, str | None]] = [(f"{_end(_apa_names(meta['authors']))} ({edition.year}). ", None),
                                          (meta["title"], "em"),
                                          (f" (Version {edition.version}) [Executable book and data package].", None)]
    if meta.get("doi"):
        runs.append((" " + _doi_url(meta["doi"]), None))
    elif meta.get("url"):
        runs.append((" " + meta["url"], None))
    return runs


def apa_article(ref: dict) -> list[tuple[str, str | None]]:
    """APA 7 reference of a journal article given as a CITATION.cff reference."""
    runs: list[tuple[str, str | None]] = [(f"{_apa_names(ref['authors'])} ({ref['year']}). ", None)]
    title = ref["title"]
    if ref.get("translators"):
        title = f"{title} ({_apa_names(ref['translators'], inverted=False)}, Trans.)"
    runs.append((_end(title) + " ", None))
    runs.append((ref["journal"], "em"))
    if ref.get("volume") is not None:
        runs += [(", ", None), (str(ref["volume"]), "em")]
    if ref.get("issue") is not None:
        runs.append((f"({ref['issue']})", None))
    runs.append((".", None))
    if ref.get("doi"):
        runs.append((" " + _doi_url(ref["doi"]), None))
    return runs


def plain(runs: list[tuple[str, str | None]]) -> str:
    return "".join(text for text, _ in runs)


def _bib_person(p: dict) -> str:
    if "name" in p:
        return "{" + p["name"] + "}"
    return f"{p['family-names']}, {p['given-names']}"


def _bibtex(kind: str, key: str, fields: list[tuple[str, object]]) -> str:
    body = ",\n".join(f"  {name:<9}= {{{value}}}" for name, value in fields if value not in (None, ""))
    return f"@{kind}{{{key},\n{body}\n}}"


def bibtex_key_edition(edition: Edition) -> str:
    return f"{SLUG}-edition-{edition.version}"


def bibtex_edition(meta: dict, edition: Edition) -> str:
    """BibTeX entry of this version of the edition (``@misc``, with a ``version`` field)."""
    ref = source_reference(meta)
    names = " and ".join(_bib_person(p) for p in meta["authors"])
    source = f"{ref['authors'][0]['family-names']} ({ref['year']})"
    fields = [("author", names), ("title", "{" + meta["title"] + "}"), ("year", edition.year),
              ("version", edition.version),
              ("note", f"Version {edition.version}. An executable edition of {source}"
                       + (f", doi:{ref['doi']}" if ref.get("doi") else "")),
              ("doi", meta.get("doi")), ("url", meta.get("url"))]
    return _bibtex("misc", bibtex_key_edition(edition), fields)


def bibtex_article(ref: dict, key: str) -> str:
    """BibTeX entry of a journal article given as a CITATION.cff reference."""
    names = " and ".join(_bib_person(p) for p in ref["authors"])
    note = ref.get("notes", "")
    if ref.get("translators"):
        translators = " and ".join(f"{p['given-names']} {p['family-names']}" for p in ref["translators"])
        note = (_end(note) + " " if note else "") + f"English translation by {translators}"
    fields = [("author", names), ("title", "{" + ref["title"] + "}"), ("journal", ref["journal"]),
              ("volume", ref.get("volume")), ("number", ref.get("issue")), ("year", ref["year"]),
              ("issn", ref.get("issn")), ("doi", ref.get("doi")), ("note", note)]
    return _bibtex("article", key, fields)


def article_key(ref: dict) -> str:
    """The bibliography key rule of the book: first author's surname, ASCII lowercase, + year."""
    import unicodedata

    family = ref["authors"][0]["family-names"].split("-")[0]
    ascii_ = unicodedata.normalize("NFKD", family).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z]", "", ascii_) + str(ref["year"])


# --- Sphinx -----------------------------------------------------------------------------------

def _edition_of(app) -> Edition:
    if not hasattr(app, "trata_edition"):
        app.trata_edition = current(Path(app.srcdir))
    return app.trata_edition


def footer_html(ed: Edition) -> str:
    text = html.escape(ed.footer_text())
    return f'<p class="trata-edition" data-version="{html.escape(ed.version)}">{text}</p>'


def titlepage_html(meta: dict, ed: Edition) -> str:
    ref = source_reference(meta)
    source = html.escape(plain(apa_article(ref)))
    authors = html.escape(_apa_names(meta["authors"]))
    build = html.escape(ed.footer_text())
    licence = html.escape(str(meta.get("license", "")))
    return (
        '<section class="trata-titlepage" id="edition-title-page">\n'
        f'<p class="trata-titlepage-title">{html.escape(meta["title"])}</p>\n'
        f'<p class="trata-titlepage-version">Version {html.escape(ed.version)} · {html.escape(ed.date)}</p>\n'
        f'<p class="trata-titlepage-authors">{authors}</p>\n'
        f'<p class="trata-titlepage-source">An executable edition of: {source}</p>\n'
        f'<p class="trata-titlepage-build">{build}</p>\n'
        f'<p class="trata-titlepage-licence">Text and data: {licence}; code: MIT. '
        'See the page &ldquo;How to cite&rdquo; for citations of this version and of the article.</p>\n'
        '</section>\n'
    )


def on_config_inited(app, config) -> None:
    ed = _edition_of(app)
    # Sphinx dates "last updated" with SOURCE_DATE_EPOCH when it is set: make it the build date.
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(ed.built.timestamp())))
    options = dict(config.html_theme_options or {})
    options["extra_footer"] = footer_html(ed)
    config.html_theme_options = options


def contents_html(app) -> str:
    """The parts and chapters of the book as links into the single page (the PDF's contents)."""
    from sphinx import addnodes

    env = app.env
    items = ['<nav class="trata-contents" id="edition-contents">', "<h2>Contents</h2>"]
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


def on_html_page_context(app, pagename, templatename, context, doctree) -> None:
    if app.builder.name == "singlehtml" and pagename == app.config.root_doc and "body" in context:
        front = titlepage_html(read_citation(Path(app.srcdir)), _edition_of(app)) + contents_html(app)
        context["body"] = front + context["body"]


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
        option_spec = {"format": lambda arg: directives.choice(arg, ("apa", "bibtex", "summary"))}

        def run(self):
            root = Path(self.env.srcdir)
            for name in (VERSION_FILE, CITATION_FILE):
                self.env.note_dependency(str(root / name))
            if not hasattr(self.env, "trata_citing_docs"):
                self.env.trata_citing_docs = set()
            self.env.trata_citing_docs.add(self.env.docname)
            meta, ed = read_citation(root), _edition_of(self.env.app)
            what, fmt = self.arguments[0], self.options.get("format", "apa")
            if what not in ("edition", "article"):
                raise self.error(f"edition-citation: argument must be 'edition' or 'article', not {what!r}")
            ref = source_reference(meta)
            if fmt == "bibtex":
                text = bibtex_edition(meta, ed) if what == "edition" else bibtex_article(ref, article_key(ref))
                block = nodes.literal_block(text, text, language="bibtex")
                block["classes"].append(f"trata-cite-{what}")
                return [block]
            if fmt == "summary":
                if what != "edition":
                    raise self.error("edition-citation: format 'summary' is for the edition only")
                text = (f"This is version {ed.version} of the edition"
                        + (f", released {ed.released}" if ed.released else ", not a release")
                        + f"; the page was built from commit {ed.short_commit or 'unknown'}"
                        + (" with uncommitted changes" if ed.modified else "")
                        + f" on {ed.built.strftime('%Y-%m-%d')}.")
                return [nodes.paragraph(text, text, classes=["trata-edition-summary"])]
            runs = apa_edition(meta, ed) if what == "edition" else apa_article(ref)
            para = nodes.paragraph(classes=["trata-apa", f"trata-cite-{what}"])
            for text, style in runs:
                para += nodes.emphasis(text, text) if style == "em" else nodes.Text(text)
            return [para]

    return EditionCitation


def setup(app):
    app.connect("config-inited", on_config_inited)
    app.connect("html-page-context", on_html_page_context)
    app.connect("env-get-outdated", on_env_get_outdated)
    app.connect("env-purge-doc", on_env_purge_doc)
    app.connect("env-merge-info", on_env_merge_info)
    app.add_directive("edition-citation", _make_directive())
    app.add_css_file("trata-edition.css")
    return {"version": read_version(), "parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
