"""How every chapter's notebook opens: one call that gives the study and glues the chapter's values.

    from trata.book.preamble import start
    from trata.chapters import annex as chapter

    study = start(DATA)
    glue_all(chapter.glues(study))

:func:`start` loads and validates the data package with the loader the build uses
(:func:`trata.data.validate.load_for_book`): ``path`` if given, else ``$TRATA_DATA``, else the
book's own data. During a build it wraps the study so that what the notebook reads is recorded for
the execution cache. Anywhere else (JupyterLab, a downloaded notebook) it first says which package
it read; an invalid package stops the notebook there with the problems the build would print
(file, line, column, rule), shown without a traceback.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from myst_nb import glue

from ..core.problems import DataPackageError
from ..data.validate import load_for_book
from .recording import ACCESS_LOG, RecordingStudy, recording

__all__ = ["InvalidDataPackage", "glue_all", "start"]


class InvalidDataPackage(DataPackageError):
    """The package a notebook was pointed at is invalid: shown in Jupyter as the build prints it."""

    def _render_traceback_(self) -> list[str]:  # IPython shows these lines instead of a traceback
        return [str(self), "The notebook stops here: nothing ran on this package."]


def start(path=None) -> RecordingStudy:
    """The study the chapter reads (validated), its reads recorded when the build asks for it."""
    log = os.environ.get(ACCESS_LOG)
    try:
        study = load_for_book(path)
    except DataPackageError as exc:
        raise InvalidDataPackage(exc.package, exc.problems) from None
    if not log:
        print(describe(study))
    return recording(study, log)


def describe(study) -> str:
    """One line naming the package a notebook reads, for a reader running it by hand."""
    title = study.descriptor.get("title")
    title = "".join(ch for ch in title if ch.isprintable()).strip() if isinstance(title, str) else ""
    named = f" ({title})" if title else ""  # the package's text, printed inert
    n = len(study.frames)
    return f"Data package {study.path}{named}: valid, {n} resource{'s' if n != 1 else ''} read."


def glue_all(values: Mapping[str, object]) -> None:
    """Glue every value under its key, without displaying it."""
    for key, value in values.items():
        glue(key, value, display=False)
