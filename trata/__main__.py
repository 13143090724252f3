"""Command line: ``python -m trata validate [PATH]`` and ``python -m trata build [...]``."""

from __future__ import annotations

import sys
from pathlib import Path

from .book.build import main as build_main
from .core.paths import default_path
from .core.problems import DataPackageError
from .data.validate import load_for_book


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in {"-h", "--help"}:
        print(__doc__)
        return 0
    cmd, rest = argv[0], argv[1:]
    if cmd == "validate":
        path = Path(rest[0]) if rest else default_path()
        try:
            study = load_for_book(path)
        except DataPackageError as exc:
            print(exc, file=sys.stderr)
            return 2
        print(f"{study.path}: valid ({len(study.frames)} resources)")
        return 0
    if cmd == "build":
        return build_main(rest)
    print(f"unknown command {cmd!r}\n{__doc__}", file=sys.stderr)
    return 64


if __name__ == "__main__":
    sys.exit(main())
