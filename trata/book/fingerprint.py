"""Fingerprints of what a notebook's outputs depend on: the data it read, the analysis code, the
map, the bibliography and the environment (the locked requirements and the Python version) — the
keys of the build's execution cache, :mod:`trata.book.cache`. A changed library re-executes."""

from __future__ import annotations

import hashlib
import platform
import re
import sys
from pathlib import Path

from ..core.messages import current as current_language
from ..core.paths import BIBFILE, MAP_FILE, PACKAGE_DIR, REPO_ROOT
from ..data.descriptor import data_files, resource_files


def code_files() -> list[Path]:
    """The analysis package's source (and data files it ships), which notebooks' outputs depend on."""
    return sorted(p for p in PACKAGE_DIR.rglob("*") if p.suffix in {".py", ".json"} and "__pycache__" not in p.parts)


#: The locked requirements: every library the notebooks run with, pinned.
LOCK_FILE = REPO_ROOT / "requirements.txt"


def environment() -> bytes:
    """The environment notebooks run in: the Python implementation and version, and the lock."""
    return f"{platform.python_implementation()} {sys.version}".encode()


def _hash_files(h, root: Path, paths) -> None:
    """Each file's name (relative to the folder ``root`` when inside it) and content."""
    for path in paths:
        try:
            name = path.relative_to(root).as_posix()
        except ValueError:
            name = path.name
        h.update(name.encode())
        try:
            h.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError:
            h.update(b"<missing>")


def fingerprint(package: Path, resources: set[str] | None = None) -> str:
    """SHA-256 over what a notebook's outputs can depend on: the descriptor, the files of the
    resources it reads (all of them when ``resources`` is None), the map the rules use, the
    bibliography, the analysis package's source, the locked requirements and the Python version. Files count by their name within the package
    and their content, never by where the package lies."""
    h = hashlib.sha256()
    files = resource_files(package)
    if resources is None:
        _hash_files(h, package.parent, data_files(package))
    else:
        h.update(b"reads:" + ",".join(sorted(resources)).encode())
        _hash_files(h, package.parent, [package] + [f for name in sorted(resources) for f in files.get(name, [])])
    _hash_files(h, REPO_ROOT, [MAP_FILE, BIBFILE, LOCK_FILE] + code_files())
    h.update(b"python:" + environment())
    h.update(b"lang:" + current_language().encode())  # the notebooks write in the edition's language
    return h.hexdigest()


def code_of(text: str) -> str:
    """The code cells of a MyST notebook, which with its kernelspec are what jupyter-cache keys on."""
    cells = re.findall(r"^(```+|~~~+)[ \t]*\{code-cell\}[^\n]*\n(.*?)^\1[ \t]*$", text, re.M | re.S)
    return hashlib.sha256("\n\x00".join(c for _, c in cells).encode()).hexdigest()
