"""The JSON Schemas: the one source of truth for the structure of paths, actors and vocabularies.

Keywords of our own tie the schemas to the data: ``x-vocabulary: <file stem>`` says a value
must be an id in ``content/vocabulary/<file stem>.yaml``, ``x-reference: actors`` says it must
be the id of an actor file, and ``x-free-text: true`` marks the fields a contributor writes
freely, which are scanned for personal data.

Checking thousands of files must stay quick, and jsonschema takes about a millisecond a file.
So each document is first checked by a compiled validator (fastjsonschema) and its references
looked up in sets; only a document that fails is run through jsonschema, whose errors carry
the field paths the messages need.
"""

from __future__ import annotations

import copy
import difflib
import json
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from importlib import resources
from typing import Any

import fastjsonschema
from jsonschema import Draft202012Validator, ValidationError, validators
from jsonschema.protocols import Validator

from generator.messages import _

SCHEMA_NAMES = ("path", "actor", "vocabulary")

Lookup = Mapping[str, Mapping[str, Any]]
"""Known ids by vocabulary name (``occupations``, ``actors``, …): id -> anything."""


@cache
def load_schema(name: str) -> dict[str, Any]:
    """The schema ``generator/schema/<name>.schema.json`` as a dict."""
    text = resources.files("generator").joinpath(f"schema/{name}.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


class SchemaChecker:
    """Checks documents against one schema, quickly when they are valid."""

    def __init__(self, schema: Mapping[str, Any], known: Lookup) -> None:
        self.schema = schema
        self._known = {name: frozenset(ids) for name, ids in known.items()}
        self._detailed = make_validator(schema, known)
        self._fast = _compiled(json.dumps(schema, sort_keys=True))
        self._free_text_plan = _plan(schema, schema, ("x-free-text",))
        self._reference_plan = _plan(schema, schema, ("x-vocabulary", "x-reference"))

    def errors(self, instance: Any) -> Iterator[ValidationError]:
        """Every error in ``instance``; none, after one fast pass, for a valid document."""
        try:
            self._fast(instance)
            references_known = all(
                isinstance(value, str) and value in self._known.get(name, ())
                for _path, value, name in _leaves(self._reference_plan, instance, ())
            )
        except fastjsonschema.JsonSchemaException:
            references_known = False
        if not references_known:
            yield from self._detailed.iter_errors(instance)

    def free_texts(self, instance: Any) -> Iterator[tuple[tuple[str | int, ...], str]]:
        """The field path and value of every ``x-free-text`` string in ``instance``."""
        for path, value, _keyword in _leaves(self._free_text_plan, instance, ()):
            if isinstance(value, str):
                yield path, value


def resolve(root: Mapping[str, Any], node: Mapping[str, Any]) -> dict[str, Any]:
    """``node`` with its ``$ref`` into the root's ``$defs`` merged in; keywords beside the
    ``$ref`` win (in 2020-12 they apply together)."""
    ref = node.get("$ref")
    if isinstance(ref, str):
        target = root["$defs"][ref.removeprefix("#/$defs/")]
        return {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return dict(node)


def free_texts(schema_name: str, instance: Any) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """The field path and value of every ``x-free-text`` string of a document."""
    return _marked(schema_name, "x-free-text", instance)


def _marked(
    schema_name: str, keyword: str, instance: Any
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """The field path and value of every string of a document that the schema marks with
    ``keyword`` (``x-free-text``, ``x-reference``)."""
    for path, value, _keyword in _leaves(_marked_plan(schema_name, keyword), instance, ()):
        if isinstance(value, str):
            yield path, value


@cache
def _marked_plan(schema_name: str, keyword: str) -> Plan:
    schema = load_schema(schema_name)
    return _plan(schema, schema, (keyword,))


def make_validator(schema: Mapping[str, Any], known: Lookup) -> Validator:
    """A Draft 2020-12 validator that also checks ``x-vocabulary`` and ``x-reference``."""

    def check_known(
        validator: Validator, name: str, instance: Any, schema: Mapping[str, Any]
    ) -> Iterator[ValidationError]:
        if not isinstance(instance, str):
            return
        ids = known.get(name, {})
        if instance in ids:
            return
        close = difflib.get_close_matches(instance, list(ids), n=1, cutoff=0.6)
        if close and name == "actors":
            message = _("unknown actor '{id}' — did you mean '{close}'?")
        elif close:
            message = _("unknown {vocabulary} id '{id}' — did you mean '{close}'?")
        elif name == "actors":
            message = _(
                "unknown actor '{id}' — add content/actors/{id}.yaml or use an existing actor id"
            )
        else:
            message = _(
                "unknown {vocabulary} id '{id}' — use an id from "
                "content/vocabulary/{vocabulary}.yaml"
            )
        yield ValidationError(
            message.format(id=instance, vocabulary=name, close=close[0] if close else ""),
            validator="x-known",
        )

    cls = validators.extend(  # type: ignore[no-untyped-call]
        Draft202012Validator, {"x-vocabulary": check_known, "x-reference": check_known}
    )
    return cls(schema)  # type: ignore[no-any-return]


@cache
def _compiled(schema_json: str) -> Callable[[Any], Any]:
    """The fast validator of a schema (given as JSON text, so that it can be a cache key):
    compiling takes about 10 ms, and a check uses ten schemas, a serve session hundreds."""
    return fastjsonschema.compile(_for_fastjsonschema(json.loads(schema_json)))


def _for_fastjsonschema(schema: Mapping[str, Any]) -> dict[str, Any]:
    """The schema as fastjsonschema (draft-07) reads it, with every ``$ref`` inlined.

    Inlining matters: in draft-07 a keyword beside ``$ref`` is ignored, in 2020-12 it applies.
    """

    def inline(node: Any) -> Any:
        if isinstance(node, dict):
            node = resolve(schema, node)
            return {k: inline(v) for k, v in node.items() if not k.startswith(("$", "x-"))}
        if isinstance(node, list):
            return [inline(v) for v in node]
        return node

    fast: dict[str, Any] = inline(schema)
    fast["$schema"] = "http://json-schema.org/draft-07/schema#"
    return fast


Plan = Any
"""Where a keyword applies in a document, worked out once per schema: the keyword's value at
a leaf; a dict of fields; a one-item list for the items of an array; None where it never
applies."""


def _plan(root: Mapping[str, Any], schema: Mapping[str, Any], keywords: tuple[str, ...]) -> Plan:
    schema = resolve(root, schema)
    for keyword in keywords:
        if schema.get(keyword):
            return schema[keyword]
    for alternative in schema.get("oneOf", ()):
        if (plan := _plan(root, alternative, keywords)) is not None:
            return plan
    fields = {
        key: plan
        for key, sub in schema.get("properties", {}).items()
        if (plan := _plan(root, sub, keywords)) is not None
    }
    if fields:
        return fields
    items = schema.get("items")
    if isinstance(items, dict) and (plan := _plan(root, items, keywords)) is not None:
        return [plan]
    return None


def _leaves(
    plan: Plan, instance: Any, path: tuple[str | int, ...]
) -> list[tuple[tuple[str | int, ...], Any, Any]]:
    """``(path, value, keyword value)`` for every value of ``instance`` the plan points at,
    in file order (a list, not a generator: it runs for every file)."""
    found: list[tuple[tuple[str | int, ...], Any, Any]] = []
    _collect_leaves(plan, instance, path, found)
    return found


def _collect_leaves(
    plan: Plan,
    instance: Any,
    path: tuple[str | int, ...],
    found: list[tuple[tuple[str | int, ...], Any, Any]],
) -> None:
    if isinstance(plan, dict):
        if isinstance(instance, dict):
            for key, sub in plan.items():
                if key in instance:
                    _collect_leaves(sub, instance[key], (*path, key), found)
    elif isinstance(plan, list):
        if isinstance(instance, list):
            item_plan = plan[0]
            for index, item in enumerate(instance):
                _collect_leaves(item_plan, item, (*path, index), found)
    elif plan is not None:
        found.append((path, instance, plan))


def schema_for_editors(name: str, known: Lookup) -> dict[str, Any]:
    """The schema with every ``x-vocabulary``/``x-reference`` also given as an ``enum``.

    Editors (VS Code's YAML extension and others) then offer the allowed ids while typing.
    Patterns end in ``\\Z`` here, for Python, whose ``$`` also matches before a final line
    break; editors read patterns as ECMAScript, where ``$`` already means the very end.
    """
    return _with_enums(load_schema(name), known)


def _with_enums(schema: Mapping[str, Any], known: Lookup) -> dict[str, Any]:
    copied = copy.deepcopy(dict(schema))

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            ref = node.get("x-vocabulary") or node.get("x-reference")
            if isinstance(ref, str) and ref in known:
                node["enum"] = sorted(known[ref])
            pattern = node.get("pattern")
            if isinstance(pattern, str) and pattern.endswith("\\Z"):
                node["pattern"] = pattern[:-2] + "$"
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(copied)
    return copied


def references(schema_name: str, instance: Any) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """The field path and id of every ``x-reference`` (actor) value of a document: where a
    document points at another file, so that leaving that file out can be reported there."""
    return _marked(schema_name, "x-reference", instance)
