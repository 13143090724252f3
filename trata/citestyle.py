"""The book's author-year citation style: "(Fraisse, 2012; Shih, 2016)", "Acharya et al. (2016)".

sphinxcontrib-bibtex's ``author_year`` style puts citations in square brackets, separates several
works with commas (so that "Clemente, 2023, Shih, 2016" reads as one list of names and years), and
renders a BibTeX author list that ends in ``and others`` as "Acharya and others". The article's
reference list gives two works only by their first author "et al."; this style writes them the
usual way. The bibliography uses pybtex's ``plain`` style with the same "et al." and with each
journal's volume or issue number shown even without a page range. Enabled in ``_config.yml`` with
``bibtex_reference_style: author_year_round`` and ``bibtex_default_style: plain_etal``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pybtex.richtext import Tag, Text
from pybtex.style.template import FieldIsMissing, first_of, node, optional
from pybtex.style.template import field as bib_field
from sphinxcontrib.bibtex.style.referencing import BracketStyle, PersonStyle
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle
from sphinxcontrib.bibtex.style.template import join

NAME = "author_year_round"
ET_AL = Text(" ", Tag("em", "et al."))


def _is_others(person) -> bool:
    return str(person).strip().lower() == "others"


@node
def names_et_al(children, data, role, sep="", sep2=None, last_sep=None, other=None):
    """Like sphinxcontrib-bibtex's ``names``, but a list ending in ``others`` becomes "First et al."."""
    assert not children
    try:
        persons = data["entry"].persons[role]
    except KeyError:
        raise FieldIsMissing(role, data["entry"])
    style = data["style"]
    open_ended = bool(persons) and _is_others(persons[-1])
    persons = [p for p in persons if not _is_others(p)]
    formatted = [style.person.style_plugin.format(p, style.person.abbreviate) for p in persons]
    if open_ended:
        return join[formatted[0], ET_AL].format_data(data)
    return join(sep=sep, sep2=sep2, last_sep=last_sep, other=other)[formatted].format_data(data)


@dataclass
class EtAlPersonStyle(PersonStyle):
    """Person style that honours a trailing ``others`` in the author list."""

    def names(self, role: str, full: bool):
        return names_et_al(role=role, sep=self.sep, sep2=self.sep2, last_sep=self.last_sep,
                           other=None if full else self.other)

    def author_or_editor_or_title(self, full: bool):
        kw = dict(sep=self.sep, sep2=self.sep2, last_sep=self.last_sep, other=None if full else self.other)
        return first_of[optional[names_et_al("author", **kw)], optional[names_et_al("editor", **kw)], bib_field("title")]


def _round() -> BracketStyle:
    return BracketStyle(left="(", right=")", sep="; ")


@dataclass
class RoundAuthorYearReferenceStyle(AuthorYearReferenceStyle):
    """Author-year references in round brackets, works separated by semicolons."""

    bracket_textual: BracketStyle = field(default_factory=_round)
    bracket_parenthetical: BracketStyle = field(default_factory=_round)
    bracket_author: BracketStyle = field(default_factory=_round)
    bracket_label: BracketStyle = field(default_factory=_round)
    bracket_year: BracketStyle = field(default_factory=_round)
    person: PersonStyle = field(default_factory=EtAlPersonStyle)


def register() -> None:
    import sphinxcontrib.bibtex.plugin as plugin

    try:
        plugin.find_plugin("sphinxcontrib.bibtex.style.referencing", NAME)
    except ImportError:
        plugin.register_plugin("sphinxcontrib.bibtex.style.referencing", NAME, RoundAuthorYearReferenceStyle)



# ---------------------------------------------------------------------------------------------
# the bibliography: pybtex's "plain" style, with "et al." and with journal numbers shown


BIB_NAME = "plain_etal"
LABEL_NAME = "author_year_label"


def _bibliography_style():
    import pybtex.plugin
    from pybtex.style.labels import BaseLabelStyle
    from pybtex.style.formatting import toplevel
    from pybtex.style.formatting.plain import Style as Plain
    from pybtex.style.formatting.unsrt import date, pages
    from pybtex.style.template import join as bjoin
    from pybtex.style.template import optional_field, sentence, tag, words

    @node
    def bib_names(children, context, role, **kwargs):
        """pybtex's ``names``, with a trailing ``others`` written as "et al."."""
        assert not children
        try:
            persons = context["entry"].persons[role]
        except KeyError:
            raise FieldIsMissing(role, context["entry"])
        style = context["style"]
        open_ended = bool(persons) and _is_others(persons[-1])
        formatted = [style.format_name(p, style.abbreviate_names) for p in persons if not _is_others(p)]
        if open_ended:
            return bjoin(sep=" ")[bjoin(**kwargs)[formatted], "et al."].format_data(context)
        return bjoin(**kwargs)[formatted].format_data(context)

    class AuthorYearLabels(BaseLabelStyle):
        """Bibliography labels that match the in-text citations: "Acharya et al., 2016"."""

        def format_labels(self, sorted_entries):
            labels = [self.format_label(e) for e in sorted_entries]
            seen: dict[str, int] = {}
            for label in labels:
                seen[label] = seen.get(label, 0) + 1
            count: dict[str, int] = {}
            for label in labels:
                if seen[label] > 1:  # same authors, same year: 2016a, 2016b
                    count[label] = count.get(label, 0) + 1
                    yield label + "abcdefghijklmnopqrstuvwxyz"[count[label] - 1]
                else:
                    yield label

        def format_label(self, entry):
            persons = entry.persons.get("author") or entry.persons.get("editor") or []
            open_ended = bool(persons) and _is_others(persons[-1])
            names = [" ".join(p.prelast_names + p.last_names) for p in persons if not _is_others(p)]
            if open_ended or len(names) > 2:
                who = f"{names[0]} et al."
            else:
                who = " and ".join(names)
            return f"{who}, {entry.fields.get('year', 'n.d.')}"

    pybtex.plugin.register_plugin("pybtex.style.labels", LABEL_NAME, AuthorYearLabels)

    class PlainEtAl(Plain):
        """``plain``, but "First et al." for open author lists, and a journal's volume or issue
        number shown even when the reference gives no page range (the article's list gives none)."""

        default_label_style = LABEL_NAME

        def format_names(self, role, as_sentence=True):
            formatted = bib_names(role, sep=", ", sep2=" and ", last_sep=", and ")
            return sentence[formatted] if as_sentence else formatted

        def get_article_template(self, e):
            volume_and_pages = first_of[
                optional[bjoin[bib_field("volume"), optional["(", bib_field("number"), ")"], ":", pages]],
                optional[bjoin[bib_field("volume"), optional["(", bib_field("number"), ")"]]],
                optional[words["no.", bib_field("number")]],
                words["pages", pages],
            ]
            return toplevel[
                self.format_names("author"),
                self.format_title(e, "title"),
                sentence[tag("em")[bib_field("journal")], optional[volume_and_pages], date],
                sentence[optional_field("note")],
                self.format_web_refs(e),
            ]

    return PlainEtAl


def register_bibliography_style() -> None:
    import pybtex.plugin

    pybtex.plugin.register_plugin("pybtex.style.formatting", BIB_NAME, _bibliography_style())


def setup(app):
    register()
    register_bibliography_style()
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
