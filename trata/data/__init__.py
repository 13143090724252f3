"""Data: the study object, reading the package, the descriptor and schema checks, case records and
the study rules. :mod:`trata.data.validate` alone orchestrates them (``load``, ``load_for_book``)."""
