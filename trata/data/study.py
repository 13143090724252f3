"""A validated data package: one DataFrame per tabular resource, plus the package's metadata."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .descriptor import paths_of


@dataclass
class Study:
    """A validated data package: one DataFrame per tabular resource, plus the package's metadata.

    ``derived`` names the resources that were computed from case-level records rather than read
    from their own file (see :mod:`trata.data.cases`); ``totals`` holds the study totals derived
    from those records, which fill in any the descriptor does not state.

    A plain object: which resources a notebook reads is recorded, for the build's cache, by a
    wrapper of the book layer (:mod:`trata.book.recording`).
    """

    path: Path
    descriptor: dict
    frames: dict[str, pd.DataFrame] = field(default_factory=dict)
    lines: dict[str, list[int]] = field(default_factory=dict)
    derived: dict[str, str] = field(default_factory=dict)
    totals: dict = field(default_factory=dict)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.frames[name].copy()

    def __contains__(self, name: str) -> bool:
        return name in self.frames

    @property
    def study(self) -> dict:
        """The study's totals: the ``study`` block of datapackage.json, completed from case records."""
        return {**self.totals, **dict(self.descriptor.get("study") or {})}

    def resource(self, name: str) -> dict:
        for r in self.descriptor["resources"]:
            if r.get("name") == name:
                return r
        raise KeyError(name)

    def has_resource(self, name: str) -> bool:
        return any(r.get("name") == name for r in self.descriptor.get("resources", []))

    def file(self, name: str) -> str:
        """The file a resource's rows come from (for a derived resource, the case records)."""
        if name in self.derived:
            return f"{self.derived[name]} (derived '{name}')"
        return self.resource(name)["path"]

    def line(self, name: str, index) -> int | None:
        """The physical line of row ``index`` of resource ``name`` (None for a derived resource)."""
        lines = self.lines.get(name)
        if not lines or name in self.derived:
            return None
        return lines[int(index)]

    def files(self) -> list[Path]:
        """Every file the package consists of (descriptor included)."""
        base = self.path.parent
        return [self.path] + [base / p for r in self.descriptor["resources"] for p in paths_of(r)]
