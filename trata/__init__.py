"""Analysis package of the executable edition of Izcara-Palacios (2023).

Data flows down through layers; a layer imports only the layers below it (an import-linter
``layers`` contract in pyproject.toml keeps it so):

``edition``, ``release``, ``citestyle``  the release: versions, citations, PDF, archives
``book``       Sphinx extensions (execution cache, data pages, page head), the build, read recording,
               and the preamble every notebook opens with
``chapters``   one module per chapter: the values it glues (literal keys), and the readings chosen by the data
``present``    text formats, MyST/HTML tables, the theme, figures (one module per chapter, with
               their alt texts)
``analyse``    reconciliation of the printed cells, statistics, the consistency audit
``derive``     the annex tables and ordered readers of the coded resources
``data``       the study object, reading, descriptor and schema checks, case records, study rules;
               ``data.validate`` alone orchestrates them
``core``       paths, problems, precision, vocabulary, the map file, the message table, references

``trata.load()`` loads and validates the data package (``trata.data.validate.load``).
"""

from .core.paths import default_path
from .core.problems import DataPackageError, Problem
from .data.study import Study
from .data.validate import load
from .edition import read_version

__all__ = ["DataPackageError", "Problem", "Study", "default_path", "load"]
try:
    __version__ = read_version()
except OSError:  # installed without the source tree
    from importlib.metadata import version as _version

    __version__ = _version("trata")
