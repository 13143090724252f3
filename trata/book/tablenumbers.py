"""Sphinx extension: tables that keep a number of their own, such as the article's annex tables.

The article numbers its annex tables 1 to 5. The book reproduces them beside tables of its own,
and Sphinx numbers every captioned table of the book in one sequence, so that the article's
Table 1 would appear as, say, "Table 13" while the book's own Table 5 is something else again.
This extension gives the tables named in the configuration value ``trata_fixed_numbers`` (label
to number, e.g. ``tbl-annex-countries: A1``) that number instead, in captions and in every
``{numref}``, and numbers the book's other tables 1, 2, 3 ... without gaps. Figures are left as
they are. Enabled in ``_config.yml``::

    sphinx:
      extra_extensions: [trata.book.tablenumbers]
      config:
        trata_fixed_numbers: {tbl-annex-countries: A1, ...}
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

logger = logging.getLogger(__name__)


def renumber(fignumbers: dict[str, dict[str, dict[str, tuple]]], fixed: dict[str, str],
             figtype: str = "table") -> set[str]:
    """Give the labels in ``fixed`` their own number and renumber the other tables of that type
    1, 2, 3 ... in their original order. ``fignumbers`` is Sphinx's ``env.toc_fignumbers``
    (docname -> figure type -> id -> number tuple), changed in place. Returns the documents
    whose numbers changed."""
    entries = [(num, doc, ident) for doc, types in fignumbers.items()
               for ident, num in types.get(figtype, {}).items()]
    entries.sort(key=lambda e: tuple(int(x) if str(x).isdigit() else 0 for x in e[0]))
    changed: set[str] = set()
    n = 0
    for num, doc, ident in entries:
        new = (fixed[ident],) if ident in fixed else None
        if new is None:
            n += 1
            new = (n,)
        if tuple(num) != new:
            fignumbers[doc][figtype][ident] = new
            changed.add(doc)
    return changed


def on_env_get_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    fixed = {str(k): str(v) for k, v in (app.config.trata_fixed_numbers or {}).items()}
    if not fixed:
        return []
    known = {ident for types in env.toc_fignumbers.values() for ident in types.get("table", {})}
    for label in sorted(set(fixed) - known):
        logger.warning(f"trata_fixed_numbers names {label!r}, which is no numbered table of the book")
    return sorted(renumber(env.toc_fignumbers, fixed))


def setup(app: Sphinx):
    app.add_config_value("trata_fixed_numbers", {}, "env")
    # After Sphinx's own collector has assigned the numbers (default priority 500).
    app.connect("env-get-updated", on_env_get_updated, priority=900)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
