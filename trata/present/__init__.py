"""Present: text formats (``text``), MyST and HTML tables (``tables``), the theme (``theme``),
placing a figure on a page (``figure``), one figure module per chapter (``figures``), the audit's
findings as text (``findings``) and the quoted excerpts (``excerpts``)."""
