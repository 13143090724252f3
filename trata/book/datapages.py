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

from ..core.paths import default_path, descriptor_path
from ..data import cases
from ..data.descriptor import read_descriptor
from ..data.explanations import EXPLANATIONS
from ..data.reading import count_rows
from ..data.validate import RULES
from ..present.descriptions import description_block, source_link
from ..present.tables import list_table
from ..present.text import VERBATIM, Markup, code, escape_md
from .fingerprint import code_files
from .i18n import mark_computed
from .verbatim import VERBATIM_TITLES


def _list_table(header: list[str], rows: list[list], widths: list[int] | None = None, css: str = "trata-schema") -> list[str]:
    return list_table(rows, header, widths=widths, css_class=f"{css} {VERBATIM}") + [""]


def _constraints(field: dict) -> str:
    """The constraints of a field, as MyST: every value from the package escaped or in a code span."""
    c = dict(field.get("constraints") or {})
    c.pop("required", None)
    parts = []
    for key, value in c.items():
        if key == "enum" and isinstance(value, list):
            parts.append("one of " + ", ".join(code(v) for v in value))
        elif key == "minimum":
            parts.append(f"≥ {escape_md(value)}")
        elif key == "maximum":
            parts.append(f"≤ {escape_md(value)}")
        elif key == "unique" and value:
            parts.append("unique")
        elif key == "pattern":
            parts.append(f"pattern {code(value)}")
        else:
            parts.append(f"{escape_md(key)} {escape_md(value)}")
    return Markup("; ".join(parts) or " ")


def _keys(schema: dict) -> list[str]:
    out = []
    pk = schema.get("primaryKey")
    if pk:
        out.append("Primary key: " + ", ".join(code(k) for k in ([pk] if isinstance(pk, str) else pk)) + ".")
    for fk in schema.get("foreignKeys") or []:
        fields = fk.get("fields")
        ref = fk.get("reference") or {}
        rf = ref.get("fields")
        fields = [fields] if isinstance(fields, str) else fields
        rf = [rf] if isinstance(rf, str) else rf
        target = ref.get("resource")
        mine = ", ".join(code(f) for f in fields or [])
        theirs = ", ".join(code(f"{target}.{f}") for f in rf or [])
        out.append(f"Foreign key: {mine} must be a value of {theirs}.")
    return out


def field_rows(schema: dict) -> list[list[str]]:
    rows = []
    for f in schema.get("fields", []):
        required = "required" if (f.get("constraints") or {}).get("required") else "optional"
        rest = _constraints(f).strip()
        rows.append([code(f["name"]), f.get("type", "string"), Markup(f"{required}; {rest}" if rest else required),
                     f.get("description", " ")])
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
            facts = [f"Resource {code(res['name'])}", f"file {code(res.get('path'))}"]
            if rows is not None:
                facts.append(f"{rows} row{'s' if rows != 1 else ''}")
            lines += [" · ".join(facts) + ".", ""]
            if res.get("description"):
                lines += description_block(res["description"])
            for s in res.get("sources") or []:
                if isinstance(s, dict):
                    lines += [f"```{{container}} {VERBATIM}", "Source: " + source_link(s.get("title", ""), s.get("path", "")),
                              "```", ""]
            if "schema" in res:
                lines += _list_table(["Field", "Type", "Constraints", "Description"], field_rows(res["schema"]),
                                     widths=[20, 10, 30, 40])
                lines += [" ".join(_keys(res["schema"])), ""]
        return self.render(lines)


class SchemasDirective(_DataDirective):
    """A compact table of every resource's fields and keys."""

    def run(self):
        path, d = self.package()
        rows = []
        for res in d.get("resources", []):
            schema = res.get("schema") or {}
            star = "\\*"
            fields = ", ".join(f"{code(f['name'])}{star if (f.get('constraints') or {}).get('required') else ''} "
                               f"({escape_md(f.get('type', 'string'))})" for f in schema.get("fields", []))
            rows.append([code(res["name"]), code(res.get("path")), Markup(fields or "(not tabular)"),
                         Markup(" ".join(_keys(schema)) or " ")])
        return self.render(_list_table(["Resource", "File", "Fields (* required)", "Keys"], rows, widths=[20, 20, 36, 24]))


class CaseSchemaDirective(_DataDirective):
    """The schema of case records (``trata.cases.SCHEMA``)."""

    def run(self):
        self.package()
        lines = _list_table(["Field", "Type", "Constraints", "Description"],
                            field_rows({**cases.SCHEMA, "fields": [_short_enum(f) for f in cases.SCHEMA["fields"]]}),
                            widths=[20, 10, 30, 40])
        return self.render(lines + [" ".join(_keys(cases.SCHEMA)), ""])


def _short_enum(field: dict) -> dict:
    enum = (field.get("constraints") or {}).get("enum")
    if enum and len(enum) > 10:
        c = dict(field["constraints"])
        c.pop("enum")
        c["official name of one of the"] = Markup(f"{len(enum)} federal entities (see `trata.core.vocabulary.ENTITIES`)")
        return {**field, "constraints": c}
    return field


class ErrorsDirective(_DataDirective):
    """Every rule a package can break, by layer, with what it means and how to fix it."""

    def run(self):
        self.package()
        rows = [[code(k), "files and schema", Markup(v)] for k, v in EXPLANATIONS.items()]
        for fn in RULES:
            doc = " ".join((fn.__doc__ or "").split())
            ids = ", ".join(code(r) for r in getattr(fn, "rule_ids", ())) or code(fn.__name__)
            rows.append([Markup(ids), "study rules", Markup(doc)])
        rows += [[code(k), "case records", Markup(v)] for k, v in cases.EXPLANATIONS.items()]
        return self.render(_list_table(["Rule", "Layer", "What it means, and how to fix it"], rows, widths=[22, 14, 64]))


def setup(app: Sphinx):
    app.setup_extension("trata.book.cache")  # the data package the book is built from (``trata_data``)
    app.add_directive("trata-datapackage", DataPackageDirective)
    app.add_directive("trata-schemas", SchemasDirective)
    app.add_directive("trata-case-schema", CaseSchemaDirective)
    app.add_directive("trata-errors", ErrorsDirective)
    return {"version": "0.3", "parallel_read_safe": True, "parallel_write_safe": True}
