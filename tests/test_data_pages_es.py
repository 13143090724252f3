"""The pages about the data and the lists of downloads speak the language of the edition: every
word they generate comes from the message tables (the package's own text is data and stays)."""

from __future__ import annotations

import re

from trata.book.datapages import _keys, _short_enum, error_rows, field_rows
from trata.core.messages import EN, ES, header
from trata.data import cases
from trata.data.explanations import EXPLANATIONS
from trata.data.validate import RULES
from trata.downloads import _size

SCHEMA = {
    "fields": [
        {"name": "country", "type": "string", "description": "Country of origin",
         "constraints": {"required": True, "unique": True, "enum": ["Honduras", "Mexico"]}},
        {"name": "n", "type": "integer", "constraints": {"required": True, "minimum": 0, "maximum": 99}},
        {"name": "code", "type": "string", "constraints": {"pattern": "[A-Z]+", "maxLength": 3}},
        {"name": "flag", "type": "boolean"},
        {"name": "odd", "type": "weird", "constraints": {"custom": 1}},
    ],
    "primaryKey": ["country"],
    "foreignKeys": [{"fields": "country", "reference": {"resource": "countries", "fields": "country"}}],
}


def test_field_rows_in_spanish():
    rows = field_rows(SCHEMA, "es")
    assert [r[1] for r in rows] == ["texto", "entero", "texto", "booleano", "weird"]  # an unknown type stays
    assert str(rows[0][2]) == "obligatorio; único; uno de `Honduras`, `Mexico`"
    assert str(rows[1][2]) == "obligatorio; ≥ 0; ≤ 99"
    assert str(rows[2][2]) == "opcional; patrón `[A-Z]+`; longitud máxima 3"
    assert str(rows[3][2]) == "opcional"
    assert rows[0][3] == "Country of origin"  # the package's description is data
    assert _keys(SCHEMA, "es") == ["Clave primaria: `country`.",
                                   "Clave foránea: `country` debe ser un valor de `countries.country`."]
    assert header("datapages.fields_header", "es") == ["Campo", "Tipo", "Restricciones", "Descripción"]


def test_field_rows_in_english_are_unchanged():
    rows = field_rows(SCHEMA, "en")
    assert [r[1] for r in rows] == ["string", "integer", "string", "boolean", "weird"]
    assert str(rows[0][2]) == "required; unique; one of `Honduras`, `Mexico`"
    assert str(rows[2][2]) == "optional; pattern `[A-Z]+`; maxLength 3"
    assert str(rows[4][2]) == "optional; custom 1"
    assert _keys(SCHEMA) == ["Primary key: `country`.", "Foreign key: `country` must be a value of `countries.country`."]


def test_case_schema_summarises_the_entities():
    fields = [_short_enum(f) for f in cases.SCHEMA["fields"]]
    es = " ".join(str(r[2]) for r in field_rows({"fields": fields}, "es"))
    en = " ".join(str(r[2]) for r in field_rows({"fields": fields}, "en"))
    assert "nombre oficial de una de las 32 entidades federativas" in es
    assert "official name of one of the 32 federal entities (see `trata.core.vocabulary.ENTITIES`)" in en
    assert not re.search(r"\b(required|optional|unique|one of|pattern)\b", es)


def test_error_rows():
    en, es = error_rows("en"), error_rows("es")
    assert len(en) == len(es) == len(EXPLANATIONS) + len(RULES) + len(cases.EXPLANATIONS)
    assert [r[0] for r in en] == [r[0] for r in es]  # the rules' names are the same
    assert {r[1] for r in es} == {"archivos y esquema", "reglas del estudio", "registros de casos"}
    assert not any(str(a[2]) == str(b[2]) for a, b in zip(en, es))


def test_rule_explanations_are_the_rules_docstrings():
    """The English explanation of a study rule is its docstring: the two are kept equal."""
    assert EN["data.rule_explanations"] == {fn.__name__: " ".join((fn.__doc__ or "").split()) for fn in RULES}
    assert set(ES["data.rule_explanations"]) == {fn.__name__ for fn in RULES}


def test_sizes():
    assert [_size(n) for n in (5, 1500, 50000)] == ["5 bytes", "1.5 kB", "49 kB"]
    assert [_size(n, "es") for n in (5, 1500, 50000)] == ["5 bytes", "1.5 kB", "49 kB"]
