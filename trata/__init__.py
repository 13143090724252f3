"""Analysis package of the executable edition of Izcara-Palacios (2023).

The pipeline runs one way, one module a step:

``load``       read the Frictionless data package and validate it (schema and study rules)
``tables``     derive the annex tables (counts and shares with their stated base)
``reconcile``  compare every printed cell of the article with the derived value
``present``    turn tables into MyST for the notebooks (captions, labels)
``audit``      check the printed article against itself; the book's choice where it is inconsistent
"""

from .load import DataPackageError, Problem, Study, default_path, load

__all__ = ["DataPackageError", "Problem", "Study", "default_path", "load"]
__version__ = "0.1.0.dev0"
