"""The package's shape: layers that data flows down, modules a newcomer can read, one message
table, chapter modules whose readings are chosen by the data, and rules whose bugs are not hidden."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import packages
import pytest

import trata
from trata.chapters import home, profile
from trata.core import messages
from trata.data import validate

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "trata"
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)
#: The release layer's modules, maintained apart.
RELEASE = {"edition.py", "release.py", "citestyle.py"}
MAX_LINES = 600


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_is_longer_than_a_newcomer_can_read(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_LINES


@pytest.mark.parametrize("path", [p for p in MODULES if p.name not in RELEASE], ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_are_at_the_top_of_the_module(path):
    """No import inside a function: a cycle cannot hide there (the package's version fallback aside)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    late = [f"line {node.lineno}" for fn in ast.walk(tree) if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef))
            for node in ast.walk(fn) if isinstance(node, (ast.Import, ast.ImportFrom))]
    assert late == []


def test_every_layer_is_a_subpackage_with_a_docstring():
    for layer in ("core", "data", "derive", "analyse", "present", "chapters", "book"):
        init = PACKAGE / layer / "__init__.py"
        assert ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))), layer
        assert f"``{layer}``" in trata.__doc__, layer


# ---------------------------------------------------------------------------------------------
# the message table

MESSAGE_CALL = re.compile(r"\b(?:M|messages)\.(text|labels|header)\(\s*\"([^\"]+)\"")


def used_messages() -> set[tuple[str, str]]:
    return {m.groups() for p in MODULES for m in MESSAGE_CALL.finditer(p.read_text(encoding="utf-8"))}


def test_every_message_the_package_asks_for_exists_with_its_kind():
    used = used_messages()
    assert len(used) > 40
    kinds = {"text": str, "labels": dict, "header": list}
    for kind, key in used:
        for lang in messages.MESSAGES:
            assert isinstance(messages.MESSAGES[lang][key], kinds[kind]), (lang, key)


def test_every_message_is_used():
    used = {key for _, key in used_messages()}
    assert set(messages.EN) - used == set()


def test_every_language_has_the_same_messages():
    for lang, table in messages.MESSAGES.items():
        assert set(table) == set(messages.EN), lang
        for key, value in table.items():
            assert type(value) is type(messages.EN[key]), (lang, key)
            if isinstance(value, dict):
                assert list(value) == list(messages.EN[key]), (lang, key)  # the same categories, in the same order


def test_a_missing_message_names_its_key_and_language():
    with pytest.raises(KeyError, match="'no.such.key' in language 'en'"):
        messages.text("no.such.key")


def test_fields_are_filled_in():
    assert messages.text("annex.months_to", lo=3, hi=5) == "3 to 5"


# ---------------------------------------------------------------------------------------------
# readings chosen by the data


def test_no_notebook_asserts_a_reading():
    for nb in sorted([*(ROOT / "notebooks").glob("*.md"), ROOT / "book" / "intro.md"]):
        assert not re.search(r"^\s*assert\b", nb.read_text(encoding="utf-8"), re.M), nb.name


def test_a_woman_led_cartel_network_changes_only_the_readings_that_depend_on_it(data_copy):
    """A woman leading one cartel network (a valid package once her position is coded): the
    sentence that says none did is replaced, and the cartels stay the largest type."""
    packages.apply(data_copy.parent, [
        {"file": "leaders.csv", "replace": ["cartel,male,37\ncartel,female,0", "cartel,male,36\ncartel,female,1"]},
        {"file": "women_positions.csv", "replace": ["nightclub-victim,", "cartel-leader,cartel,leader,Led a cartel network,"
                                                    "native,conclusion,victimizer,profit,none,1,\nnightclub-victim,"]}])
    before, after = profile.readings(trata.load()), profile.readings(trata.load(data_copy))
    changed = {k for k in before if before[k] != after[k]}
    assert before["profile_reading_cartel_leaders"].text == "all led by men"
    assert after["profile_reading_cartel_leaders"].text == "one of them led by a woman"
    assert {"profile_reading_cartel_leaders", "profile_reading_women_leaders", "profile_reading_women_pct"} <= changed
    assert "profile_reading_men_led" not in changed
    assert home.glues(trata.load(data_copy))["home_reading_largest"] == "Mexican cartels"


# ---------------------------------------------------------------------------------------------
# study rules


def test_a_bug_inside_a_rule_raises_instead_of_becoming_a_data_problem(monkeypatch):
    def broken(study):
        return study["no such resource"]

    broken.rule_ids = ("broken",)
    monkeypatch.setattr(validate, "RULES", (*validate.RULES, broken))
    with pytest.raises(KeyError, match="no such resource"):
        trata.load()


def test_rules_run_in_the_order_the_errors_page_lists_them():
    names = [fn.__name__ for fn in validate.RULES]
    assert names[0] == "study_totals_stated" and names[-1] == "positions_follow_the_divide"
    assert len(names) == len(set(names))
    assert all(fn.rule_ids and fn.__doc__ for fn in validate.RULES)
