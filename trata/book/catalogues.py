"""The Spanish edition's catalogues: ``python -m trata.book.catalogues update``.

Extracts the translatable prose of every page with Sphinx's gettext builder (the English edition,
the book's own data; computed output is never extracted, see ``trata.book.i18n``) and merges it
into ``locale/es_MX/LC_MESSAGES/<page>.po`` with Babel: a new paragraph arrives untranslated, a
changed one arrives fuzzy (its old translation kept as a hint), a removed one is dropped. The
translation gates of the test suite fail on any untranslated or fuzzy entry, so an English change
cannot reach a release without its Spanish.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from ..core.paths import REPO_ROOT, default_path
from .build import sphinx, write_conf
from .locales import INTERFACE

LOCALE = "es_MX"
CATALOGUES = REPO_ROOT / "locale" / LOCALE / "LC_MESSAGES"


def extract(out: Path) -> Path:
    """The templates (.pot) of every page, into ``out/gettext``."""
    write_conf(REPO_ROOT)
    target = out / "gettext"
    rc = sphinx(REPO_ROOT, default_path(), "gettext", target, out / ".doctrees-gettext", out / "gettext-warnings.log")
    if rc != 0:
        raise SystemExit(f"the gettext build failed (exit {rc}): see {out / 'gettext-warnings.log'}")
    return target


def _read(path: Path) -> Catalog:
    with path.open("rb") as fh:
        return read_po(fh, locale=LOCALE)


def update(templates: Path, catalogues: Path = CATALOGUES) -> list[str]:
    """Merge each template into its catalogue; catalogues without a page any more are removed."""
    changed = []
    wanted = set()
    for pot in sorted(templates.rglob("*.pot")):
        rel = pot.relative_to(templates).with_suffix(".po")
        if rel.as_posix() in INTERFACE:
            continue  # the interface's strings are the book's own catalogues, kept by hand
        wanted.add(rel)
        po = catalogues / rel
        template = _read(pot)
        if po.exists():
            catalog = _read(po)
            catalog.update(template, no_fuzzy_matching=False, update_header_comment=False)
        else:
            catalog = Catalog(locale=LOCALE, project="trata", fuzzy=False)
            catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        po.parent.mkdir(parents=True, exist_ok=True)
        with po.open("wb") as fh:
            write_po(fh, catalog, width=0, omit_header=False, sort_output=False, ignore_obsolete=True,
                     include_lineno=False)
        changed.append(rel.as_posix())
    for po in catalogues.rglob("*.po"):
        rel = po.relative_to(catalogues)
        if rel not in wanted and rel.as_posix() not in INTERFACE:
            po.unlink()
    return changed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m trata.book.catalogues", description=__doc__.splitlines()[0])
    ap.add_argument("command", choices=["update"])
    ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        for name in update(extract(Path(tmp))):
            print(f"[trata] locale/{LOCALE}/LC_MESSAGES/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
