"""Sphinx extension of the book: data-aware execution caching, data documentation, site assets.

Stale output is made impossible this way. jupyter-cache keys a notebook on its code cells and its
kernelspec only, so a changed CSV would otherwise reuse old outputs. On reading each notebook
that has code cells, this extension writes a fingerprint into the notebook's kernelspec
metadata: a hash of the data the notebook reads, of the analysis package's source, of the map
the rules check states against and of the bibliography the citation keys are checked against. A change to any of those files changes the key: the notebook is
re-read and re-executed, and its page rewritten. A notebook without code cells depends on no
data and is left alone. Going back to earlier data finds the earlier record again, so the cache
is content-addressed, never wrong.

What a notebook reads is recorded while it runs: the data package is loaded with
``trata.load``, and the study records each resource read from it (``trata.load.Study``) in a file
this extension names. Until a notebook's current code has run once, its fingerprint covers
every file of the package; afterwards, only the descriptor and the files of the resources it
read (with, for a derived table, the case records and everything the derivation reads). So a
changed count in Table 1 re-executes the notebooks that read Table 1, and no other.

Pages about the data are generated from the package the book is built from, with three
directives (each notes the files it reads, so that Sphinx re-reads the page when they change):

``{trata-datapackage}``  one section per resource: description, source, fields, keys
``{trata-schemas}``      one compact table of every resource's fields and keys
``{trata-case-schema}``  the schema of case records
``{trata-errors}``       every rule a package can break: what it means and how to fix it
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles

from .present import list_table

logger = logging.getLogger(__name__)

PACKAGE_DIR = Path(__file__).resolve().parent
#: The bibliography: the framing chapters check their citation keys against it.
BIBFILE = PACKAGE_DIR.parent / "references.bib"
FRONTMATTER = re.compile(r"\A---\n(.*?\n)---\n", re.S)
CODE_CELL = re.compile(r"^\s*(```+|~~~+)\s*\{code-cell\}", re.M)


def data_files(package: Path) -> list[Path]:
    """The descriptor and every file its resources name, whether or not they exist."""
    files = [package]
    for _, paths in _resource_files(package).items():
        files += paths
    return files


def _resource_files(package: Path) -> dict[str, list[Path]]:
    """Each resource's name and files, as the descriptor gives them."""
    out: dict[str, list[Path]] = {}
    try:
        descriptor = json.loads(package.read_text(encoding="utf-8"))
        for res in descriptor.get("resources", []):
            paths = res.get("path")
            out[str(res.get("name"))] = [package.parent / p for p in ([paths] if isinstance(paths, str) else (paths or []))
                                         if isinstance(p, str)]
    except (OSError, ValueError, AttributeError, TypeError):
        pass
    return out


def code_files() -> list[Path]:
    """The analysis package's source (and data files it ships), which notebooks' outputs depend on."""
    return sorted(p for p in PACKAGE_DIR.rglob("*") if p.suffix in {".py", ".json"} and "__pycache__" not in p.parts)


def _hash_files(h, paths) -> None:
    for path in paths:
        h.update(str(path.name).encode())
        try:
            h.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError:
            h.update(b"<missing>")


def fingerprint(package: Path, resources: set[str] | None = None) -> str:
    """SHA-256 over what a notebook's outputs can depend on: the descriptor, the files of the
    resources it reads (all of them when ``resources`` is None), the map the rules use, and the
    analysis package's source. The package's location counts when it is read (or not known)."""
    from .load import PATH_DEPENDENCY
    from .rules import map_path

    h = hashlib.sha256()
    files = _resource_files(package)
    if resources is None:
        h.update(str(package.resolve()).encode())
        _hash_files(h, data_files(package))
    else:
        h.update(b"reads:" + ",".join(sorted(resources)).encode())
        if PATH_DEPENDENCY in resources:
            h.update(str(package.resolve()).encode())
        _hash_files(h, [package] + [f for name in sorted(resources) for f in files.get(name, [])])
    _hash_files(h, [map_path(), BIBFILE] + code_files())
    return h.hexdigest()


def code_of(text: str) -> str:
    """The code cells of a MyST notebook, which with its kernelspec are what jupyter-cache keys on."""
    cells = re.findall(r"^(```+|~~~+)[ \t]*\{code-cell\}[^\n]*\n(.*?)^\1[ \t]*$", text, re.M | re.S)
    return hashlib.sha256("\n\x00".join(c for _, c in cells).encode()).hexdigest()


def _package(app: Sphinx) -> Path:
    from .load import default_path

    path = Path(app.config.trata_data or default_path()).resolve()
    return path / "datapackage.json" if path.is_dir() else path


def _reads_dir(app: Sphinx) -> Path:
    """Where the resources each notebook read are kept, beside the build's execution cache."""
    return Path(app.doctreedir).parent / ".trata-reads"


def recorded_reads(app: Sphinx, docname: str, code: str) -> set[str] | None:
    """The resources the notebook read when its current code last ran (None if not known)."""
    try:
        rec = json.loads((_reads_dir(app) / f"{docname}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return set(rec["resources"]) if rec.get("code") == code else None


def doc_fingerprint(app: Sphinx, docname: str, text: str) -> str:
    return fingerprint(_package(app), recorded_reads(app, docname, code_of(text)))


def on_builder_inited(app: Sphinx) -> None:
    pkg = _package(app)
    os.environ["TRATA_DATA"] = str(pkg)  # the kernels inherit it
    app.env.trata_current = fingerprint(pkg)
    if not hasattr(app.env, "trata_fingerprints"):
        app.env.trata_fingerprints = {}
    logger.info(f"[trata] data package {pkg} (fingerprint {app.env.trata_current[:12]})")


def on_env_get_outdated(app, env, added, changed, removed):
    """Re-read every notebook whose recorded inputs (the data it read, the analysis code) changed."""
    stale = []
    for d, fp in getattr(env, "trata_fingerprints", {}).items():
        if d not in env.found_docs or d in changed or d in added:
            continue
        try:
            text = Path(env.doc2path(d)).read_text(encoding="utf-8")
        except OSError:
            continue
        if doc_fingerprint(app, d, text) != fp:
            stale.append(d)
    if stale:
        logger.info(f"[trata] data or analysis code changed: re-executing {', '.join(sorted(stale))}")
    return stale


def depends_on_data(text: str) -> bool:
    """A notebook (MyST text with a kernelspec) depends on the data when it has a code cell."""
    match = FRONTMATTER.match(text)
    return bool(match and "kernelspec:" in match.group(1) and CODE_CELL.search(text, match.end()))


def _with_fingerprint(front: str, fp: str) -> str:
    return re.sub(r"(kernelspec:\n(?:[ \t]+.*\n)*)", lambda m: m.group(1) + f"  trata_data_fingerprint: '{fp}'\n", front, count=1)


def on_source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    text = source[0]
    if not depends_on_data(text):
        return
    match = FRONTMATTER.match(text)
    fp = doc_fingerprint(app, docname, text)
    source[0] = f"---\n{_with_fingerprint(match.group(1), fp)}---\n" + text[match.end():]
    app.env.trata_fingerprints[docname] = fp
    # if the notebook is executed now, its kernel records here what it reads
    log = _reads_dir(app) / f"{docname}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    log.unlink(missing_ok=True)
    from .load import ACCESS_LOG

    os.environ[ACCESS_LOG] = str(log)
    app.env.trata_reading = (docname, code_of(text), fp)


def on_doctree_read(app: Sphinx, doctree) -> None:
    """After a notebook ran: keep what it read, and file its outputs under the narrower key.

    The execution was keyed on everything it might read; now that it is known what it did read,
    the cached outputs are stored again under the key of those resources alone, so that a later
    change to anything else reuses them instead of running the notebook again.
    """
    from .load import ACCESS_LOG

    reading = getattr(app.env, "trata_reading", None)
    os.environ.pop(ACCESS_LOG, None)
    app.env.trata_reading = None
    if not reading or reading[0] != app.env.docname:
        return
    docname, code, used_fp = reading
    log = _reads_dir(app) / f"{docname}.log"
    if not log.exists():
        return  # not executed (outputs came from the cache), or it read no data through trata.load
    reads = sorted({line.strip() for line in log.read_text(encoding="utf-8").splitlines() if line.strip()})
    log.unlink()
    record = _reads_dir(app) / f"{docname}.json"
    tmp = record.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps({"code": code, "resources": reads}), encoding="utf-8")
    tmp.replace(record)
    narrow = fingerprint(_package(app), set(reads))
    if narrow != used_fp and _refile(app, app.env.doc2path(docname), used_fp, narrow):
        app.env.trata_fingerprints[docname] = narrow


def _refile(app: Sphinx, path, old: str, new: str) -> bool:
    """Store the cached execution of ``path`` keyed by ``old`` again under ``new``."""
    try:
        from jupyter_cache import get_cache
        from jupyter_cache.base import CacheBundleIn
    except ImportError:
        return False
    cache = get_cache(app.config.nb_execution_cache_path or ".jupyter_cache")
    for rec in sorted(cache.list_cache_records(), key=lambda r: -r.pk):
        if rec.uri != str(path):
            continue
        bundle = cache.get_cache_bundle(rec.pk)
        spec = bundle.nb.metadata.get("kernelspec", {})
        if spec.get("trata_data_fingerprint") != old:
            continue
        spec["trata_data_fingerprint"] = new
        cache.cache_notebook_bundle(CacheBundleIn(bundle.nb, rec.uri, data=rec.data), check_validity=False, overwrite=True)
        return True
    return False


def on_env_purge_doc(app, env, docname):
    getattr(env, "trata_fingerprints", {}).pop(docname, None)


def on_env_merge_info(app, env, docnames, other):
    env.trata_fingerprints.update({d: other.trata_fingerprints[d] for d in docnames if d in other.trata_fingerprints})


# ---------------------------------------------------------------------------------------------
# pages generated from the data package


def _list_table(header: list[str], rows: list[list], widths: list[int] | None = None, css: str = "trata-schema") -> list[str]:
    return list_table(rows, header, widths=widths, css_class=css) + [""]


def _constraints(field: dict) -> str:
    c = dict(field.get("constraints") or {})
    c.pop("required", None)
    parts = []
    for key, value in c.items():
        if key == "enum":
            parts.append("one of " + ", ".join(f"`{v}`" for v in value))
        elif key == "minimum":
            parts.append(f"≥ {value}")
        elif key == "maximum":
            parts.append(f"≤ {value}")
        elif key == "unique" and value:
            parts.append("unique")
        elif key == "pattern":
            parts.append(f"pattern `{value}`")
        else:
            parts.append(f"{key} {value}")
    return "; ".join(parts) or " "


def _keys(schema: dict) -> list[str]:
    out = []
    pk = schema.get("primaryKey")
    if pk:
        out.append("Primary key: " + ", ".join(f"`{k}`" for k in ([pk] if isinstance(pk, str) else pk)) + ".")
    for fk in schema.get("foreignKeys") or []:
        fields = fk.get("fields")
        ref = fk.get("reference") or {}
        rf = ref.get("fields")
        fields = [fields] if isinstance(fields, str) else fields
        rf = [rf] if isinstance(rf, str) else rf
        target = ref.get("resource")
        mine = ", ".join(f"`{f}`" for f in fields)
        theirs = ", ".join(f"`{target}.{f}`" for f in rf)
        out.append(f"Foreign key: {mine} must be a value of {theirs}.")
    return out


def field_rows(schema: dict) -> list[list[str]]:
    rows = []
    for f in schema.get("fields", []):
        required = "required" if (f.get("constraints") or {}).get("required") else "optional"
        rest = _constraints(f).strip()
        rows.append([f"`{f['name']}`", f.get("type", "string"), f"{required}; {rest}" if rest else required, f.get("description", " ")])
    return rows


def _count_rows(path: Path) -> int | None:
    from .load import _records

    try:
        return sum(1 for _, cells in _records(path.read_text(encoding="utf-8"))[1:] if any(c.strip() for c in cells))
    except (OSError, UnicodeDecodeError):
        return None


class _DataDirective(SphinxDirective):
    has_content = False

    def package(self) -> tuple[Path, dict]:
        path = _package(self.env.app)
        self.env.note_dependency(str(path))
        for f in code_files():
            self.env.note_dependency(str(f))
        return path, json.loads(path.read_text(encoding="utf-8"))

    def render(self, lines: list[str]) -> list[nodes.Node]:
        node = nodes.container()
        nested_parse_with_titles(self.state, StringList(lines, source=self.get_source_info()[0]), node)
        return node.children


class DataPackageDirective(_DataDirective):
    """One section per resource of the data package the book is built from."""

    def run(self):
        path, d = self.package()
        lines = []
        for res in d.get("resources", []):
            lines += [f"## {res.get('title') or res['name']}", ""]
            rows = None
            if res.get("path") and "schema" in res:
                target = path.parent / res["path"]
                self.env.note_dependency(str(target))
                rows = _count_rows(target)
            facts = [f"Resource `{res['name']}`", f"file `{res.get('path')}`"]
            if rows is not None:
                facts.append(f"{rows} row{'s' if rows != 1 else ''}")
            lines += [" · ".join(facts) + ".", ""]
            if res.get("description"):
                lines += [res["description"], ""]
            for s in res.get("sources") or []:
                src = s.get("title", "")
                if s.get("path", "").startswith("http"):
                    src += f" <{s['path']}>"
                lines += [f"Source: {src}", ""]
            if "schema" in res:
                lines += _list_table(["Field", "Type", "Constraints", "Description"], field_rows(res["schema"]),
                                     widths=[20, 10, 30, 40])
                lines += [" ".join(_keys(res["schema"])), ""]
        return self.render(lines)


class SchemasDirective(_DataDirective):
    """A compact table of every resource's fields and keys."""

    def run(self):
        path, d = self.package()
        rows = []
        for res in d.get("resources", []):
            schema = res.get("schema") or {}
            fields = ", ".join(f"`{f['name']}`{'*' if (f.get('constraints') or {}).get('required') else ''} ({f.get('type', 'string')})"
                               for f in schema.get("fields", []))
            rows.append([f"`{res['name']}`", f"`{res.get('path')}`", fields or "(not tabular)", " ".join(_keys(schema)) or " "])
        return self.render(_list_table(["Resource", "File", "Fields (* required)", "Keys"], rows, widths=[20, 20, 36, 24]))


class CaseSchemaDirective(_DataDirective):
    """The schema of case records (``trata.cases.SCHEMA``)."""

    def run(self):
        from . import cases

        self.package()
        lines = _list_table(["Field", "Type", "Constraints", "Description"],
                            field_rows({**cases.SCHEMA, "fields": [_short_enum(f) for f in cases.SCHEMA["fields"]]}),
                            widths=[20, 10, 30, 40])
        return self.render(lines + [" ".join(_keys(cases.SCHEMA)), ""])


def _short_enum(field: dict) -> dict:
    enum = (field.get("constraints") or {}).get("enum")
    if enum and len(enum) > 10:
        c = dict(field["constraints"])
        c.pop("enum")
        c["official name of one of the"] = f"{len(enum)} federal entities (see `trata.cases.ENTITIES`)"
        return {**field, "constraints": c}
    return field


class ErrorsDirective(_DataDirective):
    """Every rule a package can break, by layer, with what it means and how to fix it."""

    def run(self):
        from . import cases, rules
        from .load import EXPLANATIONS

        self.package()
        rows = [[f"`{k}`", "files and schema", v] for k, v in EXPLANATIONS.items()]
        for fn in rules.RULES:
            doc = " ".join((fn.__doc__ or "").split())
            ids = ", ".join(f"`{r}`" for r in getattr(fn, "rule_ids", ())) or f"`{fn.__name__}`"
            rows.append([ids, "study rules", doc])
        rows += [[f"`{k}`", "case records", v] for k, v in cases.EXPLANATIONS.items()]
        return self.render(_list_table(["Rule", "Layer", "What it means, and how to fix it"], rows, widths=[22, 14, 64]))


# ---------------------------------------------------------------------------------------------
# accessibility


def on_html_page_context(app, pagename, templatename, context, doctree):
    """Reference-list entries as list items for assistive technology.

    Docutils gives each entry ``role="doc-biblioentry"`` inside a ``role="list"``; ARIA 1.3
    deprecates that role, so the list would have no items (axe-core: aria-required-children).
    """
    body = context.get("body")
    if body and 'role="doc-biblioentry"' in body:
        context["body"] = body.replace('role="doc-biblioentry"', 'role="listitem"')
    # Pages with figures ask for the Vega libraries while the page is still being parsed, so that
    # trata-figures.js finds them fetched (or nearly) when it runs; other pages fetch nothing.
    if body and 'class="trata-figure' in body and "pathto" in context:
        links = "".join(f'<link rel="preload" as="script" href="{context["pathto"]("_static/vendor/" + name, 1)}" />\n'
                        for name in ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js"))
        context["metatags"] = context.get("metatags", "") + links


def on_config_inited(app, config) -> None:
    """A first visit has no stored colour mode: name one ("auto", the reader's system setting),
    so that the theme's script does not start by rejecting an empty mode (a console error)."""
    # pydata-sphinx-theme's layout reads ``default_mode`` from the page context (no theme option)
    if not (config.html_context or {}).get("default_mode"):
        config.html_context = {**(config.html_context or {}), "default_mode": "auto"}


def setup(app: Sphinx):
    app.add_config_value("trata_data", "", "env")
    app.connect("config-inited", on_config_inited)
    app.connect("builder-inited", on_builder_inited)
    app.connect("env-get-outdated", on_env_get_outdated)
    app.connect("source-read", on_source_read)
    app.connect("doctree-read", on_doctree_read)
    app.connect("env-purge-doc", on_env_purge_doc)
    app.connect("env-merge-info", on_env_merge_info)
    app.connect("html-page-context", on_html_page_context)
    app.add_directive("trata-datapackage", DataPackageDirective)
    app.add_directive("trata-schemas", SchemasDirective)
    app.add_directive("trata-case-schema", CaseSchemaDirective)
    app.add_directive("trata-errors", ErrorsDirective)
    app.add_js_file("trata-figures.js", loading_method="defer")
    app.add_js_file("trata-navigation.js", loading_method="defer")  # the sidebar toggles (see the file)
    app.add_css_file("trata.css")
    return {"version": "0.2", "parallel_read_safe": True, "parallel_write_safe": True, "env_version": 4}
