"""The Spanish table of the messages has the English table's keys, shapes and format fields."""

from __future__ import annotations

import re
import string

import pytest

from trata.core.messages import EN, MESSAGES
from trata.core.messages_es import ES

_FORMATTER = string.Formatter()


def _fields(s: str) -> set[str]:
    return {name for _, name, _, _ in _FORMATTER.parse(s) if name is not None}


def _leaves(value, path=()):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _leaves(v, (*path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _leaves(v, (*path, i))
    else:
        yield path, value


def test_same_keys():
    assert set(ES) == set(EN)
    assert MESSAGES["es"] is ES


@pytest.mark.parametrize("key", sorted(EN))
def test_same_shape(key):
    en, es = EN[key], ES[key]
    assert type(es) is type(en)
    if isinstance(en, dict):
        assert list(es) == list(en)
    if isinstance(en, list):
        assert len(es) == len(en)
    en_leaves, es_leaves = dict(_leaves(en)), dict(_leaves(es))
    assert set(en_leaves) == set(es_leaves)
    for path, en_value in en_leaves.items():
        es_value = es_leaves[path]
        assert isinstance(es_value, str) and isinstance(en_value, str), (key, path)
        assert _fields(es_value) == _fields(en_value), (key, path)
        digits = set(re.findall(r"\d", es_value)) - set(re.findall(r"\d", en_value))
        assert not digits, (key, path, es_value)
