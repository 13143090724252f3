"""What every chapter's prose guards share: the readings that no longer hold."""

from __future__ import annotations

from collections.abc import Mapping


def failed(guards: Mapping[str, bool]) -> list[str]:
    """The readings among ``guards`` that the data no longer support, in their order."""
    return [reading for reading, holds in guards.items() if not holds]
