"""The catalogues as the Spanish build reads them: the repository's, with glued values made pending.

A translated paragraph is parsed again on its own, outside its notebook, where a glue role finds
no value and the number would vanish (myst-nb's glue data belongs to the notebook being read).
The repository's catalogues keep the roles exactly as the English text writes them; this module
copies them into the build folder with every glue role in its pending form,
``{glue:text}`/notebooks/profile.md::key:s` `` (resolved after reading, from the notebook's own
glue), and points Sphinx at the copy, which also keeps the compiled ``.mo`` files out of the source.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from ..core.paths import REPO_ROOT

LOCALE_DIR = REPO_ROOT / "locale"
#: The catalogues of the interface (Sphinx and the themes), which translate no page.
INTERFACE = ("sphinx.po", "booktheme.po", "togglebutton.po")
GLUE_ROLE = re.compile(r"\{glue(?P<kind>:text|:any)?\}`(?P<body>[^`]+)`")


def pending(text: str, doc: str) -> str:
    """``text`` with each glue role of the page ``doc`` (a source path such as ``notebooks/profile.md``)
    written in the pending form, which reads the page's glue after the paragraph is parsed."""
    def repl(m: re.Match) -> str:
        body = m.group("body")
        if "::" in body:
            return m.group(0)
        kind = m.group("kind") or ""
        if kind == ":text":
            key, _, fmt = body.partition(":")
            return f"{{glue:text}}`/{doc}::{key}:{fmt or 's'}`"
        return f"{{glue{kind}}}`/{doc}::{body}`"
    return GLUE_ROLE.sub(repl, text)


def source_of(rel: Path, root: Path = REPO_ROOT) -> str:
    """The page a catalogue translates (``notebooks/profile.po`` -> ``notebooks/profile.md``)."""
    for suffix in (".md", ".ipynb", ".rst"):
        candidate = rel.with_suffix(suffix)
        if (root / candidate).exists():
            return candidate.as_posix()
    raise FileNotFoundError(f"no page for the catalogue {rel}")


def prepare(dest: Path, locale: str, source: Path = LOCALE_DIR) -> Path:
    """Write the build's copy of the ``locale`` catalogues under ``dest`` and return its root."""
    src = source / locale / "LC_MESSAGES"
    out = dest / locale / "LC_MESSAGES"
    for po in sorted(src.rglob("*.po")):
        rel = po.relative_to(src)
        with po.open("rb") as fh:
            catalog = read_po(fh, locale=locale)
        if rel.as_posix() not in INTERFACE:
            doc = source_of(rel)
            for message in catalog:
                if message.id and isinstance(message.string, str):
                    message.string = pending(message.string, doc)
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        data = _po_bytes(catalog)
        if not target.exists() or target.read_bytes() != data:  # unchanged: Sphinx keeps its .mo
            target.write_bytes(data)
        if rel.as_posix() in INTERFACE:  # read by trata.book.i18n before Sphinx compiles catalogues
            with target.with_suffix(".mo").open("wb") as fh:
                write_mo(fh, catalog)
    return dest


def _po_bytes(catalog) -> bytes:
    buf = io.BytesIO()
    write_po(buf, catalog, width=0, include_lineno=False)
    return buf.getvalue()
