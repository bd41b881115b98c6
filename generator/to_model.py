"""Checked data becomes the model, by the schema: no field is listed here.

Every field of a model dataclass is filled from the key of the same name, converted as the
schema describes it: an ``x-vocabulary`` id becomes its term, an ``x-reference`` id its actor,
a list a tuple, a group of fields the dataclass its type hint names, and text loses the blanks
around it. A field the file leaves out gets the dataclass default; fields the schema does not
know (where the file came from, say) are given by the caller. So a new field needs only its
schema entry and its model field.

Reading the schema and the type hints for each of tens of thousands of files took most of the
time, so what they say is worked out once per dataclass and schema into small functions
(``_builder``), which then only convert values.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any, TypeVar

from generator.schema import resolve

T = TypeVar("T")

Resolve = Callable[[str, str], Any]
"""``resolve(vocabulary name, id)`` -> the term or actor (``actors`` for references)."""
Every = Callable[[str], tuple[Any, ...]]
Convert = Callable[[Any, Resolve, Every], Any]
"""One value of the data -> its model value."""
Builder = Callable[[Mapping[str, Any], Resolve, Every, Mapping[str, Any] | None], Any]
"""Data of a group of fields (and the given values) -> the dataclass instance."""

_BUILDERS: dict[tuple[Any, int, int], tuple[Builder, Mapping[str, Any], Mapping[str, Any]]] = {}
"""Builders by dataclass and the identity of their schema and root. The schemas are kept
with them, so that an identity is not reused while its builder is cached."""
MAX_BUILDERS = 64


def build(
    cls: type[T],
    data: Mapping[str, Any],
    schema: Mapping[str, Any],
    resolve_id: Resolve,
    every: Every,
    given: Mapping[str, Any] | None = None,
    *,
    root: Mapping[str, Any] | None = None,
) -> T:
    """An instance of the dataclass ``cls`` from checked ``data`` described by ``schema``.

    ``every(vocabulary)`` gives all terms of a vocabulary (for ``counties: all``); ``given``
    holds values for fields the schema does not describe.
    """
    root = schema if root is None else root
    key = (cls, id(schema), id(root))
    cached = _BUILDERS.get(key)
    if cached is None:
        if len(_BUILDERS) >= MAX_BUILDERS:
            _BUILDERS.clear()
        cached = _BUILDERS[key] = (_builder(cls, schema, root), schema, root)
    result: T = cached[0](data, resolve_id, every, given)
    return result


def _builder(cls: Any, schema: Mapping[str, Any], root: Mapping[str, Any]) -> Builder:
    """How to fill each field of ``cls``: its name and converter (None where the schema has
    no such property: a value for it in the data is an error, as a KeyError)."""
    properties = resolve(root, schema).get("properties", {})
    hints = _hints(cls)
    steps: list[tuple[str, Convert | None]] = [
        (
            field.name,
            _converter(resolve(root, properties[field.name]), hints[field.name], root)
            if field.name in properties
            else None,
        )
        for field in dataclasses.fields(cls)
    ]

    def build_one(
        data: Mapping[str, Any],
        resolve_id: Resolve,
        every: Every,
        given: Mapping[str, Any] | None,
    ) -> Any:
        values: dict[str, Any] = dict(given or {})
        for name, convert in steps:
            if name in values or name not in data:
                continue
            if convert is None:
                raise KeyError(name)
            values[name] = convert(data[name], resolve_id, every)
        return cls(**values)

    return build_one


def _converter(node: Mapping[str, Any], hint: Any, root: Mapping[str, Any]) -> Convert:
    hint = _without_none(hint)
    name = node.get("x-vocabulary") or node.get("x-reference")
    if isinstance(name, str):
        vocabulary = name
        return lambda value, resolve_id, every: resolve_id(vocabulary, value)
    if "oneOf" in node:
        alternatives = node["oneOf"]
        constants = [alternative["const"] for alternative in alternatives if "const" in alternative]
        last = alternatives[-1]
        rest = _typed_converter(resolve(root, last), hint, root)
        if not constants:
            return rest
        all_of = str(resolve(root, last.get("items", {})).get("x-vocabulary"))

        def one_of(value: Any, resolve_id: Resolve, every: Every) -> Any:
            for constant in constants:
                if value == constant:
                    return every(all_of)
            return rest(value, resolve_id, every)

        return one_of
    return _typed_converter(node, hint, root)


def _typed_converter(node: Mapping[str, Any], hint: Any, root: Mapping[str, Any]) -> Convert:
    if node.get("type") == "array":
        arguments = typing.get_args(hint)
        item = _converter(
            resolve(root, node.get("items", {})), arguments[0] if arguments else Any, root
        )
        return lambda value, resolve_id, every: tuple(item(one, resolve_id, every) for one in value)
    if node.get("type") == "object" and dataclasses.is_dataclass(hint):
        group = _builder(hint, node, root)
        return lambda value, resolve_id, every: group(value, resolve_id, every, None)
    return _plain


def _plain(value: Any, resolve_id: Resolve, every: Every) -> Any:
    if isinstance(value, str):
        return value.strip()
    return value


@cache
def _hints(cls: Any) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _without_none(hint: Any) -> Any:
    """``X`` from ``X | None``."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        others = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        if len(others) == 1:
            return others[0]
    return hint
