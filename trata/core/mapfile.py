"""The boundaries of Mexico's federal entities (``data/mex.topo.json``), read once per process.

The figures draw it and the study rules check the states of Table 3 against its names.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from .paths import MAP_FILE

#: The TopoJSON object holding the federal entities.
OBJECT = "mex"


def path() -> Path:
    return MAP_FILE


@lru_cache(maxsize=1)
def topology() -> dict:
    """The boundaries file as parsed JSON (do not modify it: it is shared)."""
    return json.loads(MAP_FILE.read_text(encoding="utf-8"))


def names() -> list[str]:
    """The ``name`` property of every geometry of the map (Natural Earth admin-1 names), in its order."""
    geoms = topology()["objects"][OBJECT]["geometries"]
    return [g["properties"]["name"] for g in geoms if g.get("properties", {}).get("name")]


def known_names() -> set[str]:
    return set(names())
