"""Sphinx extension: pages about the data, generated from the package the book is built from.

Four directives (each notes the files it reads, so that Sphinx re-reads the page when they change):

``{trata-datapackage}``  one section per resource: description, source, fields, keys
``{trata-schemas}``      one compact table of every resource's fields and keys
``{trata-case-schema}``  the schema of case records
``{trata-errors}``       every rule a package can break: what it means and how to fix it

Everything these pages show from the package is data: names, titles, paths, field descriptions
and categories are escaped (:func:`trata.present.text.escape_md`, :func:`~trata.present.text.code`);
a description may use a small subset of Markdown, sanitised (:mod:`trata.present.descriptions`).
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles

from ..core import messages as M
from ..core.paths import default_path, descriptor_path
from ..data import cases
from ..data.descriptor import read_descriptor
from ..data.reading import count_rows
from ..data.validate import RULES
from ..present.descriptions import description_block, source_link
from ..present.tables import list_table
from ..present.text import VERBATIM, Markup, code, escape_md
from .fingerprint import code_files
from .i18n import edition_of, mark_computed
from .verbatim import VERBATIM_TITLES


def _list_table(header: list[str], rows: list[list], widths: list[int] | None = None, css: str = "trata-schema") -> list[str]:
    return list_table(rows, header, widths=widths, css_class=f"{css} {VERBATIM}") + [""]


#: A constraint of the case-record schema's summary (:func:`_short_enum`): the number of entities.
_ENTITIES = object()
#: Constraints shown as a word and their value (the words are in the message tables).
_NAMED = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength")


def _constraints(field: dict, lang: str = "en") -> str:
    """The constraints of a field, as MyST: every value from the package escaped or in a code span."""
    words = M.labels("datapages.constraints", lang)
    c = dict(field.get("constraints") or {})
    c.pop("required", None)
    parts = []
    for key, value in c.items():
        if key is _ENTITIES:
            parts.append(words["entities"].format(n=value))
        elif key == "enum" and isinstance(value, list):
            parts.append(words["enum"].format(values=", ".join(code(v) for v in value)))
        elif key in _NAMED:
            parts.append(words[key].format(value=escape_md(value)))
        elif key == "unique" and value:
            parts.append(words["unique"])
        elif key == "pattern":
            parts.append(words["pattern"].format(value=code(value)))
        else:
            parts.append(words["other"].format(key=escape_md(key), value=escape_md(value)))
    return Markup("; ".join(parts) or " ")


def _keys(schema: dict, lang: str = "en") -> list[str]:
    out = []
    pk = schema.get("primaryKey")
    if pk:
        out.append(M.text("datapages.primary_key", lang,
                        fields=", ".join(code(k) for k in ([pk] if isinstance(pk, str) else pk))))
    for fk in schema.get("foreignKeys") or []:
        fields = fk.get("fields")
        ref = fk.get("reference") or {}
        rf = ref.get("fields")
        fields = [fields] if isinstance(fields, str) else fields
        rf = [rf] if isinstance(rf, str) else rf
        target = ref.get("resource")
        mine = ", ".join(code(f) for f in fields or [])
        theirs = ", ".join(code(f"{target}.{f}") for f in rf or [])
        out.append(M.text("datapages.foreign_key", lang, mine=mine, theirs=theirs))
    return out


def type_name(kind, lang: str = "en"):
    """A Table Schema type in words (a type the tables do not name is shown as the package gives it)."""
    return M.labels("datapages.types", lang).get(kind, kind) if isinstance(kind, str) else kind


def field_rows(schema: dict, lang: str = "en") -> list[list[str]]:
    """The rows of a schema's table of fields (``datapages.fields_header``), in ``lang``."""
    rows = []
    for f in schema.get("fields", []):
        required = (M.text("datapages.required", lang) if (f.get("constraints") or {}).get("required")
                    else M.text("datapages.optional", lang))
        rest = _constraints(f, lang).strip()
        rows.append([code(f["name"]), type_name(f.get("type", "string"), lang),
                     Markup(f"{required}; {rest}" if rest else required), f.get("description", " ")])
    return rows


class _DataDirective(SphinxDirective):
    has_content = False

    def package(self) -> tuple[Path, dict]:
        path = descriptor_path(self.env.app.config.trata_data or default_path())
        self.env.note_dependency(str(path))
        for f in code_files():
            self.env.note_dependency(str(f))
        desc, _ = read_descriptor(path)
        return path, desc or {}

    @property
    def lang(self) -> str:
        """The language of the edition being built (from the Sphinx configuration)."""
        return edition_of(self.env.app.config.language)

    def render(self, lines: list[str]) -> list[nodes.Node]:
        node = nodes.container()
        before = set(map(id, self.state.document.findall(nodes.section)))
        nested_parse_with_titles(self.state, StringList(lines, source=self.get_source_info()[0]), node)
        for child in node.children:  # text from the package keeps its characters (trata.book.verbatim)
            child["support_smartquotes"] = False
        # Generated from the package: never translated by a catalogue (the sections a heading opened
        # went to the page's section tree, not into ``node``).
        new = [s for s in self.state.document.findall(nodes.section) if id(s) not in before]
        mark_computed([node, *new])
        return node.children


class DataPackageDirective(_DataDirective):
    """One section per resource of the data package the book is built from."""

    def run(self):
        path, d = self.package()
        lang = self.lang
        lines = []
        titles = self.state.document.setdefault(VERBATIM_TITLES, [])
        for res in d.get("resources", []):
            titles.append(" ".join(str(res.get("title") or res["name"]).split()))
            lines += [f"## {escape_md(res.get('title') or res['name'])}", ""]
            rows = None
            if isinstance(res.get("path"), str) and "schema" in res:
                target = path.parent / res["path"]
                self.env.note_dependency(str(target))
                rows = count_rows(target)
            facts = [M.text("datapages.resource", lang, name=code(res["name"])),
                     M.text("datapages.file", lang, path=code(res.get("path")))]
            if rows is not None:
                facts.append(M.text("datapages.rows_one", lang, n=rows) if rows == 1 else
                             M.text("datapages.rows_many", lang, n=rows))
            lines += [" · ".join(facts) + ".", ""]
            if res.get("description"):
                lines += description_block(res["description"])
            for s in res.get("sources") or []:
                if isinstance(s, dict):
                    lines += [f"```{{container}} {VERBATIM}", M.text("datapages.source", lang, link=source_link(s.get("title", ""), s.get("path", ""))),
                              "```", ""]
            if "schema" in res:
                lines += _list_table(M.header("datapages.fields_header", lang), field_rows(res["schema"], lang),
                                     widths=[20, 10, 30, 40])
                lines += [" ".join(_keys(res["schema"], lang)), ""]
        return self.render(lines)


class SchemasDirective(_DataDirective):
    """A compact table of every resource's fields and keys."""

    def run(self):
        path, d = self.package()
        lang = self.lang
        rows = []
        for res in d.get("resources", []):
            schema = res.get("schema") or {}
            star = "\\*"
            fields = ", ".join(f"{code(f['name'])}{star if (f.get('constraints') or {}).get('required') else ''} "
                               f"({escape_md(type_name(f.get('type', 'string'), lang))})" for f in schema.get("fields", []))
            rows.append([code(res["name"]), code(res.get("path")),
                         Markup(fields or escape_md(M.text("datapages.not_tabular", lang))),
                         Markup(" ".join(_keys(schema, lang)) or " ")])
        return self.render(_list_table(M.header("datapages.schemas_header", lang), rows, widths=[20, 20, 36, 24]))


class CaseSchemaDirective(_DataDirective):
    """The schema of case records (``trata.cases.SCHEMA``)."""

    def run(self):
        self.package()
        lang = self.lang
        lines = _list_table(M.header("datapages.fields_header", lang),
                            field_rows({**cases.SCHEMA, "fields": [_short_enum(f) for f in cases.SCHEMA["fields"]]}, lang),
                            widths=[20, 10, 30, 40])
        return self.render(lines + [" ".join(_keys(cases.SCHEMA, lang)), ""])


def _short_enum(field: dict) -> dict:
    enum = (field.get("constraints") or {}).get("enum")
    if enum and len(enum) > 10:
        c = dict(field["constraints"])
        c.pop("enum")
        c[_ENTITIES] = len(enum)  # "official name of one of the 32 federal entities" (in words)
        return {**field, "constraints": c}
    return field


class ErrorsDirective(_DataDirective):
    """Every rule a package can break, by layer, with what it means and how to fix it."""

    def run(self):
        self.package()
        return self.render(_list_table(M.header("datapages.errors_header", self.lang), error_rows(self.lang),
                                       widths=[22, 14, 64]))


def error_rows(lang: str = "en") -> list[list]:
    """Every rule a package can break: its name, its layer, and what it means (in ``lang``)."""
    layer = M.labels("datapages.layers", lang)
    rules = M.labels("data.rule_explanations", lang)
    rows = [[code(k), layer["files"], Markup(v)] for k, v in M.labels("data.explanations", lang).items()]
    for fn in RULES:
        ids = ", ".join(code(r) for r in getattr(fn, "rule_ids", ())) or code(fn.__name__)
        doc = rules.get(fn.__name__) or " ".join((fn.__doc__ or "").split())  # a rule the tables do not know yet
        rows.append([Markup(ids), layer["rules"], Markup(doc)])
    rows += [[code(k), layer["cases"], Markup(v)] for k, v in M.labels("data.case_explanations", lang).items()]
    return rows


def setup(app: Sphinx):
    app.setup_extension("trata.book.cache")  # the data package the book is built from (``trata_data``)
    app.add_directive("trata-datapackage", DataPackageDirective)
    app.add_directive("trata-schemas", SchemasDirective)
    app.add_directive("trata-case-schema", CaseSchemaDirective)
    app.add_directive("trata-errors", ErrorsDirective)
    return {"version": "0.3", "parallel_read_safe": True, "parallel_write_safe": True}
