"""One thing wrong with the input (:class:`Problem`), and the error that lists them all."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, located as precisely as the input allows."""

    file: str
    rule: str
    message: str
    line: int | None = None
    column: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", line {self.line}"
        if self.column:
            where += f", column '{self.column}'"
        return f"{where}: [{self.rule}] {self.message}"


class DataPackageError(Exception):
    """The data package is invalid; ``problems`` lists every reason."""

    def __init__(self, package: Path | str, problems: list[Problem]):
        self.package = str(package)
        self.problems = list(problems)
        n = len(self.problems)
        lines = [f"{self.package}: {n} problem{'s' if n != 1 else ''} found; nothing was built."]
        lines += [f"  - {p}" for p in self.problems]
        super().__init__("\n".join(lines))


def unique(problems: list[Problem]) -> list[Problem]:
    """The problems in their order, each once."""
    return list(dict.fromkeys(problems))
