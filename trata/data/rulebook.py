"""How a study rule is written, registered and run.

Each rule is a small function that takes a :class:`~trata.data.study.Study` and returns Problems. A
rule states what it checks in its docstring (the book's page "Updating the data" prints them); its
ids, declared with :func:`registry`, are the ``rule`` of the Problems it returns.

Rules look only at the resources they name and skip a resource the package does not hold (or that
failed its schema), so a package may carry other resources freely. A rule that meets data it was
not written for must say so with a Problem; an exception inside a rule is a bug and is raised.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pandas as pd

from ..core.problems import Problem
from .study import Study

Rule = Callable[[Study], list[Problem]]


def registry(rules: list[Rule]):
    """A decorator that registers rules in ``rules``: ``@rule("sum-to-total", ...)``, where the ids
    are the names its Problems carry (the ``[rule]`` of a message)."""
    def rule(*ids: str):
        def register(fn: Rule) -> Rule:
            fn.rule_ids = ids
            rules.append(fn)
            return fn
        return register
    return rule


def run(rules: Iterable[Rule], study: Study) -> list[Problem]:
    """Every problem the rules find, in the rules' order."""
    return [p for fn in rules for p in fn(study)]


def aggregate(study: Study, name: str) -> pd.DataFrame | None:
    """A resource read from its own file (not derived from case records), or None."""
    if name not in study or name in study.derived:
        return None
    return study[name]


def isna(x) -> bool:
    try:
        return bool(pd.isna(x))
    except (TypeError, ValueError):
        return False


def enum(study: Study, resource: str, field: str, default: list) -> list:
    """The categories the package's schema enumerates for a field (``default`` if it names none)."""
    try:
        for f in study.resource(resource)["schema"]["fields"]:
            if f["name"] == field:
                return list((f.get("constraints") or {}).get("enum") or default)
    except KeyError:
        pass
    return list(default)
