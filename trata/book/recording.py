"""Read recording for the build's execution cache: which resources a notebook read.

A notebook's study is wrapped in a :class:`RecordingStudy` (by :func:`trata.book.preamble.start`)
when the build names a log file in ``$TRATA_ACCESS_LOG``; each resource read through it (an item,
a frame, the study totals of a package with case records) is appended to that file. The study
itself stays a plain object (:class:`trata.data.study.Study`). Where the data folder lies is never
recorded: a notebook's cache key depends on the content it read, not on the location.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping

import pandas as pd

from ..core.vocabulary import CASES, DERIVED
from ..data.study import Study

#: The environment variable naming the file a notebook's reads are appended to.
ACCESS_LOG = "TRATA_ACCESS_LOG"


class Recorder:
    """The set of resources read, appended to a log file as they are first read."""

    def __init__(self, study: Study, log: str | None):
        self.study, self.log, self.read = study, log, set()

    def note(self, *names: str) -> None:
        """Record resources read (a derived one depends on the case records and on every resource
        its derivation reads)."""
        names_set = set(names)
        if names_set & (set(self.study.derived) | {CASES}):
            names_set |= set(DERIVED) | {CASES, "network_types"}
        new = names_set - self.read
        if not new:
            return
        self.read |= new
        if self.log:
            with open(self.log, "a", encoding="utf-8") as fh:
                fh.write("".join(f"{n}\n" for n in sorted(new)))


class RecordingFrames(Mapping):
    """A study's frames, read-only: reading one (or listing them) is recorded."""

    def __init__(self, frames: dict[str, pd.DataFrame], recorder: Recorder):
        self._frames, self._recorder = frames, recorder

    def __getitem__(self, key: str) -> pd.DataFrame:
        self._recorder.note(key)
        return self._frames[key]

    def __contains__(self, key) -> bool:
        self._recorder.note(key)
        return key in self._frames

    def __iter__(self) -> Iterator[str]:
        self._recorder.note(*self._frames)
        return iter(self._frames)

    def __len__(self) -> int:
        return len(self._frames)


class RecordingStudy:
    """A :class:`~trata.data.study.Study` whose reads are recorded; everything else is the study's."""

    def __init__(self, study: Study, log: str | None = None):
        self._study = study
        self.recorder = Recorder(study, log)
        self.frames = RecordingFrames(study.frames, self.recorder)

    @property
    def accessed(self) -> set[str]:
        return set(self.recorder.read)

    def __getitem__(self, name: str) -> pd.DataFrame:
        self.recorder.note(name)
        return self._study[name]

    def __contains__(self, name: str) -> bool:
        self.recorder.note(name)
        return name in self._study

    @property
    def study(self) -> dict:
        if self._study.derived:
            self.recorder.note(*self._study.derived)
        return self._study.study

    def __getattr__(self, name: str):
        return getattr(self._study, name)


def recording(study: Study, log: str | None = None) -> RecordingStudy:
    """``study`` wrapped so that its reads are recorded (in ``log``, default ``$TRATA_ACCESS_LOG``)."""
    return RecordingStudy(study, log if log is not None else os.environ.get(ACCESS_LOG))
