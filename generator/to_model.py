"""Checked data becomes the model, by the schema: no field is listed here.

Every field of a model dataclass is filled from the key of the same name, converted as the
schema describes it: an ``x-vocabulary`` id becomes its term, an ``x-reference`` id its actor,
a list a tuple, a group of fields the dataclass its type hint names, and text loses the blanks
around it. A field the file leaves out gets the dataclass default; fields the schema does not
know (where the file came from, say) are given by the caller. So a new field needs only its
schema entry and its model field.
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


def build(
    cls: type[T],
    data: Mapping[str, Any],
    schema: Mapping[str, Any],
    resolve_id: Resolve,
    every: Callable[[str], tuple[Any, ...]],
    given: Mapping[str, Any] | None = None,
    *,
    root: Mapping[str, Any] | None = None,
) -> T:
    """An instance of the dataclass ``cls`` from checked ``data`` described by ``schema``.

    ``every(vocabulary)`` gives all terms of a vocabulary (for ``counties: all``); ``given``
    holds values for fields the schema does not describe.
    """
    root = schema if root is None else root
    properties = resolve(root, schema).get("properties", {})
    hints = _hints(typing.cast(Any, cls))
    values: dict[str, Any] = dict(given or {})
    for field in dataclasses.fields(cls):  # type: ignore[arg-type]
        if field.name in values or field.name not in data:
            continue
        node = resolve(root, properties[field.name])
        values[field.name] = _convert(
            data[field.name], node, hints[field.name], resolve_id, every, root
        )
    return cls(**values)


def _convert(
    value: Any,
    node: Mapping[str, Any],
    hint: Any,
    resolve_id: Resolve,
    every: Callable[[str], tuple[Any, ...]],
    root: Mapping[str, Any],
) -> Any:
    hint = _without_none(hint)
    name = node.get("x-vocabulary") or node.get("x-reference")
    if isinstance(name, str):
        return resolve_id(name, value)
    if "oneOf" in node:
        for alternative in node["oneOf"]:
            if "const" in alternative and value == alternative["const"]:
                items = resolve(root, node["oneOf"][-1].get("items", {}))
                return every(str(items.get("x-vocabulary")))
        node = resolve(root, node["oneOf"][-1])
    if node.get("type") == "array":
        item_node = resolve(root, node.get("items", {}))
        item_hint = typing.get_args(hint)[0] if typing.get_args(hint) else Any
        return tuple(
            _convert(item, item_node, item_hint, resolve_id, every, root) for item in value
        )
    if node.get("type") == "object" and dataclasses.is_dataclass(hint):
        return build(hint, value, node, resolve_id, every, root=root)  # type: ignore[arg-type]
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
