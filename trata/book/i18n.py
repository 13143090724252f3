"""Sphinx extension: the two editions of the book, English and Spanish (es-MX), from one source.

The hand-written prose of the pages is translated through Sphinx's gettext catalogues
(``locale/es_MX/LC_MESSAGES/<page>.po``). Everything the notebooks compute (tables, captions,
figures, sentences chosen by the data) is written by the notebooks themselves in the language of
the build, from the message table (``trata.core.messages``): the outputs of the code cells and
the pasted glue are marked as not translatable here, so they never enter a catalogue, and a
catalogue can never hold a number.

The English edition is the top of the site; the Spanish one lives under ``es/`` of the same site
(the English addresses of earlier releases stay valid). Every page links to its counterpart in the
other edition (a switcher in the page header, and ``hreflang`` alternates in the head).
"""

from __future__ import annotations

import os
from pathlib import Path

import sphinx_book_theme
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes, locale
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.util.i18n import docname_to_domain

from ..core import messages as M

#: The editions: language code of the message table -> (Sphinx language, BCP 47 tag, folder).
EDITIONS = {"en": ("en", "en", ""), "es": ("es_MX", "es-MX", "es/")}
LANGUAGE_NAMES = {"en": "English", "es": "Español"}


def edition_of(sphinx_language: str | None) -> str:
    for code, (lang, _, _) in EDITIONS.items():
        if lang == sphinx_language:
            return code
    raise ValueError(f"no edition in language {sphinx_language!r} (known: {sorted(EDITIONS)})")


class ComputedIsNotTranslated(SphinxTransform):
    """The outputs of code cells and everything pasted from glue keep the words the notebook wrote.

    Runs before Sphinx's translation (``Locale``, priority 20) and before the catalogues are
    extracted (the gettext builder reads the transformed doctrees)."""

    default_priority = 10

    def apply(self, **kwargs) -> None:
        mark_computed([node for node in self.document.findall(nodes.Element) if _computed(node)])


def mark_computed(roots: list[nodes.Element]) -> None:
    """Every element under ``roots`` keeps its words (generated from the data, not in a catalogue)."""
    for root in roots:
        for inner in root.findall(nodes.Element):
            inner["translatable"] = False


def _computed(node: nodes.Element) -> bool:
    classes = node.get("classes", [])
    return ("cell_output" in classes or "trata-untranslated" in classes
            or node.get("nb_element") == "cell_code_output")


#: Directives whose content is computed (pasted from the notebooks' glue, or generated from the data
#: package): their nodes keep the words they were given. A pasted figure keeps its caption
#: translatable, as the caption is written in the page.
COMPUTED_DIRECTIVES = ("edition-citation", "trata-data-downloads", "trata-edition-downloads", "trata-datapackage", "trata-schemas", "trata-case-schema", "trata-errors")


def _untranslatable(cls):
    class Computed(cls):
        def run(self):
            result = cls.run(self)
            for node in result:
                if isinstance(node, nodes.Element):
                    for inner in node.findall(nodes.Element):
                        if not isinstance(inner, nodes.caption) and not _in_caption(inner):
                            inner["translatable"] = False
            return result
    Computed.__name__ = f"Computed{cls.__name__}"
    return Computed


def _in_caption(node: nodes.Node) -> bool:
    while node is not None:
        if isinstance(node, nodes.caption):
            return True
        node = node.parent
    return False


def on_builder_inited(app: Sphinx) -> None:
    """Wrap the computed directives: the glue domain's (myst-nb) and the data pages' (this book's)."""
    glue = app.env.get_domain("glue")
    glue.directives = {name: _wrapped(cls) for name, cls in glue.directives.items()}
    glue._directive_cache.clear()
    for name in COMPUTED_DIRECTIVES:
        cls = directives._directives.get(name)
        if cls is not None:
            app.add_directive(name, _wrapped(cls), override=True)


def _wrapped(cls):
    return cls if cls.__name__.startswith("Computed") else _untranslatable(cls)


def counterpart(app: Sphinx, pagename: str, target: str) -> str:
    """The relative address, from ``pagename`` of this edition, of the same page in ``target``."""
    here = EDITIONS[edition_of(app.config.language)][2]
    there = EDITIONS[target][2]
    depth = pagename.count("/") + here.count("/")
    up = "../" * depth
    return f"{up}{there}{pagename}.html"


def on_html_page_context(app: Sphinx, pagename, templatename, context, doctree) -> None:
    code = edition_of(app.config.language)
    others = [c for c in EDITIONS if c != code]
    links = "".join(f'<link rel="alternate" hreflang="{EDITIONS[c][1]}" href="{counterpart(app, pagename, c)}" />\n'
                    for c in EDITIONS)
    context["metatags"] = context.get("metatags", "") + links
    context["trata_edition_folder"] = EDITIONS[code][2]
    context["trata_languages"] = [
        {"code": c, "tag": EDITIONS[c][1], "name": LANGUAGE_NAMES[c], "href": counterpart(app, pagename, c),
         "label": M.text("i18n.read_in", code, language=M.labels("i18n.languages", code)[c])}
        for c in others]


def on_config_inited(app: Sphinx, config) -> None:
    code = edition_of(config.language)
    if os.environ.get(M.ENV_VAR, "en") != code:
        raise RuntimeError(f"the {code} edition is built with {M.ENV_VAR}={code} (the notebooks write in it)")
    if code != "en":
        _book_theme_catalogue(config)
    options = dict(config.html_theme_options or {})
    interface = locale.get_translation("sphinx")
    options["search_bar_text"] = interface("Search this book...")
    if code != "en":  # the book's title, in the edition's language (the interface catalogue)
        config.html_title = interface(config.html_title)
    end = list(options.get("article_header_end") or ["article-header-buttons.html"])
    if "language-switcher.html" not in end:
        options["article_header_end"] = ["language-switcher.html"] + end
    config.html_theme_options = options


def _book_theme_catalogue(config) -> None:
    """The book's own catalogue of sphinx-book-theme's strings, read before the theme's own (whose
    Spanish has machine-translation errors, such as "Tema del libro de la esfinge"). The theme
    registers its catalogue when it is set up; it is read again here, the book's first."""
    theirs = str(Path(sphinx_book_theme.__file__).parent / "theme" / "sphinx_book_theme" / "static" / "locales")
    ours = [str(d) for d in config.locale_dirs if Path(d, config.language, "LC_MESSAGES", "booktheme.mo").exists()]
    if not ours:
        raise RuntimeError(f"no booktheme.mo for {config.language} in {config.locale_dirs}")
    locale.translators.pop(("general", "booktheme"), None)
    locale.init([*ours, theirs], config.language, "booktheme")


def translate_toc_captions(app: Sphinx, doctree: nodes.document) -> None:
    """The captions of the parts (the book's table of contents is inserted after Sphinx translates
    a page, so its captions are looked up here, in the catalogue of the page that holds them)."""
    if edition_of(app.config.language) == "en":
        return
    domain = docname_to_domain(app.env.docname, app.config.gettext_compact)
    catalog, found = locale.init([str(Path(app.srcdir, d)) for d in app.config.locale_dirs],
                                 app.config.language, domain)
    if not found:
        return
    for toc in doctree.findall(addnodes.toctree):
        if toc.get("caption"):
            toc["caption"] = catalog.gettext(toc["caption"])


def setup(app: Sphinx):
    app.add_transform(ComputedIsNotTranslated)
    app.connect("config-inited", on_config_inited)
    app.connect("builder-inited", on_builder_inited)
    app.connect("doctree-read", translate_toc_captions)
    app.connect("html-page-context", on_html_page_context)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
