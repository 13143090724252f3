"""Word counts of the built book: each page, each part of the table of contents, and the limits.

    .venv/bin/python bench/words.py [--html _build/html]

A page's words are those a reader sees in its article: headings, prose, quotations, captions and
tables, collapsed details included; scripts, styles and the drawn figures (SVG) are left out. A
word is a run of letters or digits, with inner apostrophes and hyphens. Limits are read off the
output, never asserted here (the tests assert them on the built site).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")

#: Limits of the edition (issue "reader-first edition"): the profile chapter, and "The study".
LIMITS = {"notebooks/profile": 5000}
PART_LIMITS = {"The study": 12000}


def article_text(html: str) -> str:
    """The visible text of a page's article, without scripts, styles and drawn figures."""
    soup = BeautifulSoup(html, "html.parser")
    art = soup.find("article") or soup.body or soup
    for tag in art.find_all(["script", "style", "svg", "noscript", "template"]):
        tag.decompose()
    # the apparatus around tables and figures: a figure's toolkit (its downloads and the table of
    # what it draws, an alternative to the figure) and the "cite this" line under each
    for tag in art.select(".headerlink, .toctree-wrapper, .trata-figkit, .trata-cite-this"):
        tag.decompose()
    return art.get_text(" ")


def words(text: str) -> list[str]:
    return WORD.findall(text)


def parts(toc: Path = ROOT / "_toc.yml") -> list[tuple[str, list[str]]]:
    """(caption, [docname, ...]) for the home page and each part, in reading order."""
    data = yaml.safe_load(toc.read_text(encoding="utf-8"))
    out = [("Home", [data["root"]])]
    for part in data.get("parts", []):
        docs = []
        for ch in part.get("chapters", []):
            docs.append(ch["file"])
            docs += [s["file"] for s in ch.get("sections", [])]
        out.append((part["caption"], docs))
    return out


def counts(html_dir: Path) -> list[tuple[str, str, int]]:
    """(part, docname, words) for every page of the table of contents."""
    rows = []
    for caption, docs in parts():
        for doc in docs:
            page = html_dir / f"{doc}.html"
            n = len(words(article_text(page.read_text(encoding="utf-8")))) if page.exists() else -1
            rows.append((caption, doc, n))
    return rows


def report(html_dir: Path) -> list[str]:
    rows = counts(html_dir)
    w = max(len(d) for _, d, _ in rows)
    lines = [f"{'page':<{w}}  {'words':>6}  limit"]
    for _caption, doc, n in rows:
        lim = LIMITS.get(doc)
        mark = "" if lim is None else f"<= {lim:,}: {'met' if 0 <= n <= lim else 'NOT met'}"
        lines.append(f"{doc:<{w}}  {n:>6,}  {mark}")
    lines.append("")
    for caption, _ in parts():
        total = sum(n for c, _, n in rows if c == caption and n > 0)
        lim = PART_LIMITS.get(caption)
        mark = "" if lim is None else f"  (<= {lim:,}: {'met' if total <= lim else 'NOT met'})"
        lines.append(f"part {caption!r}: {total:,} words{mark}")
    lines.append(f"book: {sum(n for _, _, n in rows if n > 0):,} words")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--html", type=Path, default=ROOT / "_build" / "html")
    args = ap.parse_args(argv)
    if not (args.html / "index.html").exists() and not any(args.html.glob("**/*.html")):
        print(f"no built site at {args.html}: run 'make book' first", file=sys.stderr)
        return 2
    print("\n".join(report(args.html)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
