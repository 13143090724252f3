"""Sphinx extension: what is marked verbatim is shown character for character.

Sphinx's smart quotes turn straight quotes into typographic ones, ``--`` into a dash and ``...``
into an ellipsis in every text node. Inside an element with the class
:data:`trata.present.text.VERBATIM` (quoted excerpts, tables, the audit's notes) and in the pages
about the data this transform turns them off, so text from a data package keeps exactly its characters.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

from ..present.text import VERBATIM

#: The document attribute where a directive lists section titles it made from data (headings made
#: by a nested parse belong to the document's sections, not to the directive's nodes).
VERBATIM_TITLES = "trata_verbatim_titles"


class Verbatim(SphinxTransform):
    """Mark every element inside a verbatim container as not smart-quotable."""

    default_priority = 740  # before Sphinx's SmartQuotes (750)

    def apply(self, **kwargs) -> None:
        titles = set(self.document.get(VERBATIM_TITLES, []))
        for title in self.document.findall(nodes.title) if titles else ():
            if " ".join(title.astext().split()) in titles:
                title["support_smartquotes"] = False
        for node in self.document.findall(nodes.Element):
            if VERBATIM in node.get("classes", []):
                for inner in node.findall(nodes.Element):
                    inner["support_smartquotes"] = False


def setup(app: Sphinx):
    app.add_transform(Verbatim)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
