"""Sphinx extension of the book: data-aware execution caching, data documentation, site assets.

Stale output is made impossible this way. jupyter-cache keys a notebook on its code cells and its
kernelspec only, so a changed CSV would otherwise reuse old outputs. On reading each notebook
that has code cells, this extension writes a fingerprint into the notebook's kernelspec
metadata: a hash of the data the notebook reads, of the analysis package's source, of the map
the rules check states against, of the bibliography the citation keys are checked against, and of
the environment (the locked requirements and the Python version). A change to any of those changes the key: the notebook is
re-read and re-executed, and its page rewritten. A notebook without code cells depends on no
data and is left alone. Going back to earlier data finds the earlier record again, so the cache
is content-addressed, never wrong.

What a notebook reads is recorded while it runs: the data package is loaded with
``trata.book.preamble.start``, which wraps the study so that each resource read from it is
recorded (``trata.book.recording``) in a file this extension names. Until a notebook's current code has run once, its fingerprint covers
every file of the package; afterwards, only the descriptor and the files of the resources it
read (with, for a derived table, the case records and everything the derivation reads). So a
changed count in Table 1 re-executes the notebooks that read Table 1, and no other.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from jupyter_cache import get_cache
from jupyter_cache.base import CacheBundleIn
from sphinx.application import Sphinx
from sphinx.util import logging

from ..core.paths import ENV_VAR, default_path, descriptor_path
from .fingerprint import code_of, fingerprint
from .recording import ACCESS_LOG

logger = logging.getLogger(__name__)

FRONTMATTER = re.compile(r"\A---\n(.*?\n)---\n", re.S)
CODE_CELL = re.compile(r"^\s*(```+|~~~+)\s*\{code-cell\}", re.M)


def _package(app: Sphinx) -> Path:
    return descriptor_path(app.config.trata_data or default_path())


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
    os.environ[ENV_VAR] = str(pkg)  # the kernels inherit it
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
    os.environ[ACCESS_LOG] = str(log)
    app.env.trata_reading = (docname, code_of(text), fp)


def on_doctree_read(app: Sphinx, doctree) -> None:
    """After a notebook ran: keep what it read, and file its outputs under the narrower key.

    The execution was keyed on everything it might read; now that it is known what it did read,
    the cached outputs are stored again under the key of those resources alone, so that a later
    change to anything else reuses them instead of running the notebook again.
    """
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


def setup(app: Sphinx):
    app.add_config_value("trata_data", "", "env")
    app.connect("builder-inited", on_builder_inited)
    app.connect("env-get-outdated", on_env_get_outdated)
    app.connect("source-read", on_source_read)
    app.connect("doctree-read", on_doctree_read)
    app.connect("env-purge-doc", on_env_purge_doc)
    app.connect("env-merge-info", on_env_merge_info)
    return {"version": "0.3", "parallel_read_safe": True, "parallel_write_safe": True, "env_version": 5}
