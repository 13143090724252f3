"""How every chapter's notebook opens: one call that gives the study and glues the chapter's values.

    from trata.book.preamble import start
    from trata.chapters import annex as chapter

    study = start()
    glue_all(chapter.glues(study))

:func:`start` loads and validates the data package the book is built from and, during a build,
wraps it so that what the notebook reads is recorded for the execution cache.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from myst_nb import glue

from ..data.validate import load
from .recording import ACCESS_LOG, RecordingStudy, recording

__all__ = ["glue_all", "start"]


def start(path=None) -> RecordingStudy:
    """The study the chapter reads (validated), its reads recorded when the build asks for it."""
    return recording(load(path), os.environ.get(ACCESS_LOG))


def glue_all(values: Mapping[str, object]) -> None:
    """Glue every value under its key, without displaying it."""
    for key, value in values.items():
        glue(key, value, display=False)
