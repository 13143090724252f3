"""The one HTML reader of the tests: a built page parsed once, its tables, numbered targets,
headings, text and figure specifications (BeautifulSoup's ``html.parser``)."""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from pathlib import Path

from bs4 import BeautifulSoup


@lru_cache(maxsize=64)
def _soup(path: str, mtime: float) -> BeautifulSoup:
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "html.parser")


def soup(page: Path | str | BeautifulSoup) -> BeautifulSoup:
    """The parsed page (parsed once while the file is unchanged); a parsed page is returned as is."""
    if isinstance(page, BeautifulSoup):
        return page
    path = Path(page)
    return _soup(str(path), path.stat().st_mtime)


def fragment(markup: str) -> BeautifulSoup:
    """A piece of HTML (not a file), parsed."""
    return BeautifulSoup(markup, "html.parser")


def text_of(node) -> str:
    """The text of an element, on one line."""
    return re.sub(r"\s+", " ", node.get_text("")).strip()


def rows(table) -> list[list[str]]:
    """A table element as rows of cell texts (header row included)."""
    return [[text_of(c) for c in tr.find_all(["th", "td"])] for tr in table.find_all("tr")]


def tables(path) -> dict[str, list[list[str]]]:
    """Every ``<table id=...>`` of the page, by id, as rows of cell texts."""
    return {t["id"]: rows(t) for t in soup(path).find_all("table", id=True)}


def table(path, label: str) -> list[list[str]]:
    found = soup(path).find("table", id=label)
    assert found is not None, f"no table {label!r} in {path}"
    return rows(found)


def numbered_targets(path) -> dict[str, str]:
    """Ids of the tables and figures whose caption carries a number ("Table 1"), with that number."""
    out = {}
    for el in soup(path).find_all(["table", "figure"], id=True):
        number = el.find("span", class_="caption-number")
        if number is not None and text_of(number):
            out[el["id"]] = text_of(number)
    return out


def headings(path) -> list[str]:
    """The headings of the page's article, in order, without their permalink signs."""
    return [text_of(h).replace("#", "").strip() for h in soup(path).find("article").find_all(["h1", "h2", "h3"])]


def article_text(path) -> str:
    return text_of(soup(path).find("article"))


def figure_specs(path) -> dict[str, dict]:
    """The Vega-Lite specification of every figure of the page, by the figure's container id."""
    return {div["id"]: json.loads(div.find("script", class_="trata-figure-spec").string)
            for div in soup(path).find_all("div", class_="trata-figure")}


def block_texts(path: Path | str) -> list[str]:
    """The visible text of a page, one line per block, without scripts, styles and figure drawings;
    a figure is represented by its text alternative (what a screen reader says of it)."""
    h = Path(path).read_text(encoding="utf-8")
    h = re.sub(r'(<div class="trata-figure"[^>]*aria-label="([^"]*)"[^>]*>)', lambda m: f"<p>[figure] {m.group(2)}</p>" + m.group(1), h)
    h = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", h, flags=re.S | re.I)
    h = re.sub(r"\s+", " ", h)
    h = re.sub(r"</?(p|div|li|tr|h[1-6]|table|section|article|dt|dd|pre|caption|blockquote|td|th|br)\b[^>]*>", "\n", h, flags=re.I)
    h = html.unescape(re.sub(r"<[^>]+>", "", h))
    return [" ".join(line.split()) for line in h.splitlines() if line.strip()]
