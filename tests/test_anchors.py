"""Stable anchors: every numbered table and figure keeps its page and label across releases.

``tests/anchors.txt`` lists them as ``page.html#label``, one a line. A reader who cited
``.../notebooks/annex.html#tbl-annex-countries`` must land on the same table in every later
version: the test fails when a listed anchor disappears or moves to another page. It also fails
when a new numbered table or figure is not yet in the list, so that the list stays complete: add
the line it prints. Removing a line is a breaking change (see CHANGELOG.md on version numbers).
"""

from __future__ import annotations

import re
from pathlib import Path

import htmlpage
import pytest

ANCHORS = Path(__file__).with_name("anchors.txt")
LABEL = re.compile(r"^(tbl|fig)-[a-z0-9]+(-[a-z0-9]+)*$")
SKIP_PAGES = {"genindex.html", "search.html", "index.html"}


def site_anchors(site: Path) -> dict[str, str]:
    """``page#label`` -> caption number, for every numbered table and figure of the built site."""
    anchors = {}
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        if rel in SKIP_PAGES or rel.startswith(("_static/", "_sources/")):
            continue
        for ident, number in htmlpage.numbered_targets(page).items():
            anchors[f"{rel}#{ident}"] = number
    return anchors


def listed_anchors() -> list[str]:
    lines = ANCHORS.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


@pytest.fixture(scope="module")
def anchors(site):
    return site_anchors(site)


def test_the_list_has_no_duplicates_and_is_sorted():
    listed = listed_anchors()
    assert len(listed) == len(set(listed)), "tests/anchors.txt lists an anchor twice"
    assert listed == sorted(listed), "keep tests/anchors.txt sorted"
    assert listed, "tests/anchors.txt is empty"


def test_no_listed_anchor_has_disappeared(anchors):
    gone = [a for a in listed_anchors() if a not in anchors]
    assert not gone, ("these tables or figures lost their page or label (a citation of them would "
                      "break): restore them, or remove them from tests/anchors.txt in a major "
                      "release:\n" + "\n".join(gone))


def test_every_numbered_table_and_figure_is_listed(anchors):
    new = sorted(set(anchors) - set(listed_anchors()))
    assert not new, "add these lines to tests/anchors.txt (keep it sorted):\n" + "\n".join(new)


def test_labels_are_stable_names_unique_across_the_book(anchors):
    # the Spanish edition (es/) repeats each page, labels and all: labels are unique within an edition
    for edition in (False, True):
        labels = [a.split("#", 1)[1] for a in anchors if a.startswith("es/") == edition]
        bad = [label for label in labels if not LABEL.match(label)]
        assert not bad, f"labels must be tbl-<chapter>-<what> or fig-<chapter>-<what>, lowercase: {bad}"
        assert len(labels) == len(set(labels)), "a label is used on two pages"
    for anchor, number in anchors.items():
        spanish = anchor.startswith("es/")
        kind = ((("Cuadro",) if spanish else ("Table",)) if anchor.split("#", 1)[1].startswith("tbl-")
                else ("Fig.", "Figure", "Figura"))
        assert number.startswith(kind), f"{anchor} is numbered {number!r}"


def test_parser_finds_numbered_tables_and_figures_only():
    page = htmlpage.fragment('<table id="tbl-a-b"><caption><span class="caption-number">Table 1 </span>x</caption></table>'
                '<table id="T_8f2c"><tr><td>1</td></tr></table>'
                '<figure id="fig-a-c"><img/><figcaption><p><span class="caption-number">Figure 2 </span>'
                'y</p></figcaption></figure>')
    assert htmlpage.numbered_targets(page) == {"tbl-a-b": "Table 1", "fig-a-c": "Figure 2"}
