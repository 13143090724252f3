"""The pages about the data are generated from the package and explain every rule a message can name."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from trata.data import cases
from trata.data.explanations import EXPLANATIONS
from trata.data.validate import RULES

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "malformed"


def documented_rules() -> set[str]:
    ids = set(EXPLANATIONS) | set(cases.EXPLANATIONS)
    for fn in RULES:
        ids |= set(fn.rule_ids)
    return ids


def sections(page: Path) -> list[str]:
    h = page.read_text(encoding="utf-8")
    return [html.unescape(re.sub(r"<[^>]+>", "", t)).rstrip("#").strip().replace("\u2019", "'") for t in re.findall(r"<section id=\"[^\"]+\">\s*<h2>(.*?)</h2>", h, re.S)]


def test_every_rule_says_what_it_checks():
    for fn in RULES:
        assert fn.__doc__, fn.__name__


def test_every_rule_the_corpus_produces_is_documented():
    produced = set()
    for expected in CORPUS.glob("*/expected.txt"):
        produced |= set(re.findall(r"\[([a-z-]+)\]", expected.read_text(encoding="utf-8")))
    assert produced <= documented_rules(), produced - documented_rules()


def test_data_page_has_one_section_per_resource(site):
    d = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    page = site / "book" / "data.html"
    titles = sections(page)
    assert [r.get("title") or r["name"] for r in d["resources"]] == titles
    text = page.read_text(encoding="utf-8")
    for r in d["resources"]:
        for f in r["schema"]["fields"]:
            assert f">{f['name']}<" in text, (r["name"], f["name"])


def test_updating_data_page_lists_schemas_commands_and_rules(site):
    raw = (site / "book" / "updating-data.html").read_text(encoding="utf-8")
    plain = html.unescape(re.sub(r"<[^>]+>", "", raw))
    text = html.unescape(raw)
    for cmd in ("make book DATA=path/to/datapackage.json", "python -m trata validate", "python -m trata build"):
        assert cmd in plain
    for r in json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))["resources"]:
        assert f">{r['name']}<" in text
    for f in cases.SCHEMA["fields"]:
        assert f">{f['name']}<" in text
    for rule_id in documented_rules():
        assert f">{rule_id}<" in text, rule_id
