"""Sphinx extension of the book: data-aware execution caching and the site's own assets.

Stale output is made impossible this way. jupyter-cache keys a notebook on its code cells and its
kernelspec only, so a changed CSV would otherwise reuse old outputs. On reading each notebook this
extension writes a fingerprint of the data package (every file it lists, the descriptor included)
and of the analysis package's source into the notebook's kernelspec metadata. A change to any of
those files changes the key: the notebook is re-read and re-executed. Going back to earlier data
finds the earlier record again, so the cache is content-addressed, never wrong.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

PACKAGE_DIR = Path(__file__).resolve().parent
FRONTMATTER = re.compile(r"\A---\n(.*?\n)---\n", re.S)


def data_files(package: Path) -> list[Path]:
    """The descriptor and every file its resources name, whether or not they exist."""
    files = [package]
    try:
        descriptor = json.loads(package.read_text(encoding="utf-8"))
        for res in descriptor.get("resources", []):
            if res.get("path"):
                files.append(package.parent / res["path"])
    except (OSError, ValueError):
        pass
    return files


def fingerprint(package: Path) -> str:
    """SHA-256 over the data package's files and the analysis package's source."""
    h = hashlib.sha256()
    sources = sorted(PACKAGE_DIR.glob("*.py")) + sorted(PACKAGE_DIR.glob("*.json"))
    for path in data_files(package) + [package.parent / "mex.topo.json"] + sources:
        h.update(str(path.name).encode())
        try:
            h.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError:
            h.update(b"<missing>")
    return h.hexdigest()


def _package(app: Sphinx) -> Path:
    from .load import default_path

    return Path(app.config.trata_data or default_path()).resolve()


def _is_notebook(app: Sphinx, docname: str) -> bool:
    return docname.startswith("notebooks/")


def on_builder_inited(app: Sphinx) -> None:
    pkg = _package(app)
    os.environ["TRATA_DATA"] = str(pkg)  # the kernels inherit it
    app.env.trata_current = fingerprint(pkg)
    if not hasattr(app.env, "trata_fingerprints"):
        app.env.trata_fingerprints = {}
    logger.info(f"[trata] data package {pkg} (fingerprint {app.env.trata_current[:12]})")


def on_env_get_outdated(app, env, added, changed, removed):
    """Re-read every notebook built from other data or other analysis code."""
    stale = [d for d, fp in getattr(env, "trata_fingerprints", {}).items()
             if fp != env.trata_current and d in env.found_docs and d not in changed and d not in added]
    if stale:
        logger.info(f"[trata] data or analysis code changed: re-executing {', '.join(sorted(stale))}")
    return stale


def on_source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    if not _is_notebook(app, docname):
        return
    text = source[0]
    match = FRONTMATTER.match(text)
    if not match or "kernelspec:" not in match.group(1):
        return
    fp = app.env.trata_current
    front = match.group(1)
    front = re.sub(r"(kernelspec:\n(?:[ \t]+.*\n)*)", lambda m: m.group(1) + f"  trata_data_fingerprint: '{fp}'\n", front, count=1)
    source[0] = f"---\n{front}---\n" + text[match.end():]
    app.env.trata_fingerprints[docname] = fp


def on_env_purge_doc(app, env, docname):
    getattr(env, "trata_fingerprints", {}).pop(docname, None)


def on_env_merge_info(app, env, docnames, other):
    env.trata_fingerprints.update({d: other.trata_fingerprints[d] for d in docnames if d in other.trata_fingerprints})


def on_html_page_context(app, pagename, templatename, context, doctree):
    """Reference-list entries as list items for assistive technology.

    Docutils gives each entry ``role="doc-biblioentry"`` inside a ``role="list"``; ARIA 1.3
    deprecates that role, so the list would have no items (axe-core: aria-required-children).
    """
    body = context.get("body")
    if body and 'role="doc-biblioentry"' in body:
        context["body"] = body.replace('role="doc-biblioentry"', 'role="listitem"')


def setup(app: Sphinx):
    app.add_config_value("trata_data", "", "env")
    app.connect("builder-inited", on_builder_inited)
    app.connect("env-get-outdated", on_env_get_outdated)
    app.connect("source-read", on_source_read)
    app.connect("env-purge-doc", on_env_purge_doc)
    app.connect("env-merge-info", on_env_merge_info)
    app.connect("html-page-context", on_html_page_context)
    app.add_js_file("trata-figures.js", loading_method="defer")
    app.add_css_file("trata.css")
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True, "env_version": 2}
