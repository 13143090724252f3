"""Book: the Sphinx extensions (``cache``, ``datapages``, ``pagehead``, ``tablenumbers``), the build (``build``),
read recording for the cache (``recording``) and the preamble every notebook opens with
(``preamble``)."""
