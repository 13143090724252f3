"""The one prose scanner of the tests: the text of a MyST page that a reader reads as prose, and
the numbers typed into it (a number in prose must be glued, never typed)."""

from __future__ import annotations

import re

FENCE = re.compile(r"^(`{3,}|:{3,})\s*(\{[^}]*\})?")
LAW_YEAR = re.compile(r"\b(?:19|20)\d\d(?=\s+(?:General\s+)?[Ll]aw\b)")
TABLE_NUMBER = re.compile(r"\bTables?\s+A?\d+(?:\s*(?:–|-|to|and)\s*A?\d+)?")
LIST_MARKER = re.compile(r"^\s*\d+\.\s", re.M)
ROLE = re.compile(r"\{[a-z:-]+\}`[^`]*`")
INLINE_CODE = re.compile(r"`[^`]*`")
QUOTED = re.compile(r"\"[^\"]{0,400}\"|“[^”]{0,400}”", re.S)
NUMBER = re.compile(r"\d+(?:[.,]\d+)*\s*%?")


def prose(markdown: str) -> str:
    """The markdown a reader reads as prose: without the front matter, code cells, directive
    option lines, block quotes, roles (glue, citations, cross-references) and inline code."""
    text = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.S)
    out, skip_until, in_options = [], None, False
    for line in text.splitlines():
        if skip_until:
            if line.strip() == skip_until:
                skip_until = None
            continue
        m = FENCE.match(line.strip())
        if m:
            if m.group(2) and m.group(2).startswith("{code-cell"):
                skip_until = m.group(1)
            in_options = bool(m.group(2))
            continue
        if in_options and re.match(r"^:[\w-]+:", line.strip()):
            continue
        in_options = False
        if line.lstrip().startswith(">"):
            continue
        out.append(line)
    text = "\n".join(out)
    text = ROLE.sub(" ", text)
    text = INLINE_CODE.sub(" ", text)
    return QUOTED.sub(" ", text)


def typed_numbers(markdown: str) -> list[str]:
    """Numbers in the prose that are not a law's year, an article table's number or a list marker."""
    text = prose(markdown)
    text = LAW_YEAR.sub(" ", text)
    text = TABLE_NUMBER.sub(" ", text)
    text = LIST_MARKER.sub(" ", text)
    return [m.group(0).strip() for m in NUMBER.finditer(text)]
