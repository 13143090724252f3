"""Analysis package of the executable edition of Izcara-Palacios (2023).

The pipeline runs one way, one module a step:

``load``       read the Frictionless data package and validate it (files, schema, study rules)
``rules``      the study's rules: what a valid data package of this study is
``cases``      case-level records (one row per interviewee), from which the annex tables are derived
``tables``     derive the annex tables (counts and shares with their stated base)
``reconcile``  compare every printed cell of the article with the derived value
``present``    turn tables into MyST for the notebooks (captions, labels)
``audit``      check the printed article against itself; the book's choice where it is inconsistent
``edition``    the version, commit and build date of the book, and its citations
``release``    the release: version everywhere, HTML and PDF, reproducible archives, checksums
"""

from .edition import read_version
from .load import DataPackageError, Problem, Study, default_path, load

__all__ = ["DataPackageError", "Problem", "Study", "default_path", "load"]
try:
    __version__ = read_version()
except OSError:  # installed without the source tree
    from importlib.metadata import version as _version

    __version__ = _version("trata")
