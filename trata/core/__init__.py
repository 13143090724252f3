"""Core: what every layer shares and that depends on nothing of the package.

``paths``       where the repository, the default data package, the map and the bibliography are
``problems``    :class:`Problem` (one thing wrong with the input) and :class:`DataPackageError`
``precision``   what a printed number's digits say about its precision
``vocabulary``  the study's domain vocabulary: countries, federal entities, network types, statistics
``mapfile``     the boundaries file of Mexico, read once per process
``messages``    every string a reader sees that the package generates, one table per language
``cite``        references of ``CITATION.cff`` entries (APA 7 in each language, BibTeX) and dates
"""
