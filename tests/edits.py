"""Edits the tests make to a copy of the data package, and the error they expect back."""

import csv

import pytest

import trata
from trata import DataPackageError


def rewrite(path, fn):
    """Apply ``fn`` to the rows (lists of strings, header first) of a CSV file, in place."""
    rows = list(csv.reader(path.open(encoding="utf-8")))
    fn(rows)
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def refused(pkg) -> DataPackageError:
    """Load ``pkg``, expecting it to be refused; return the error."""
    with pytest.raises(DataPackageError) as exc:
        trata.load(pkg)
    return exc.value
