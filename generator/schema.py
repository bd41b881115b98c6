"""The JSON Schemas: the one source of truth for the structure of paths, actors and vocabularies.

Keywords of our own tie the schemas to the data: ``x-vocabulary: <file stem>`` says a value
must be an id in ``content/vocabulary/<file stem>.yaml``, ``x-reference: actors`` says it must
be the id of an actor file, and ``x-free-text: true`` marks the fields a contributor writes
freely, which are scanned for personal data. The checker evaluates them inside the same
jsonschema run, so they report with the same field paths; the copy published for editors turns
the references into enums.
"""

from __future__ import annotations

import copy
import difflib
import json
from collections.abc import Iterator, Mapping
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator, ValidationError, validators
from jsonschema.protocols import Validator

from generator.personal_data import find_personal_data, mask

SCHEMA_NAMES = ("path", "actor", "vocabulary")

Lookup = Mapping[str, Mapping[str, Any]]
"""Known ids by vocabulary name (``occupations``, ``actors``, …): id -> anything."""


@cache
def load_schema(name: str) -> dict[str, Any]:
    """The schema ``generator/schema/<name>.schema.json`` as a dict."""
    text = resources.files("generator").joinpath(f"schema/{name}.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def make_validator(
    schema: Mapping[str, Any], known: Lookup, known_words: frozenset[str] | None = None
) -> Validator:
    """A Draft 2020-12 validator that also checks our keywords.

    ``known_words`` are the capitalised words the content defines (places, organisations);
    without them, free text is not scanned for personal data.
    """

    def check_known(
        validator: Validator, name: str, instance: Any, schema: Mapping[str, Any]
    ) -> Iterator[ValidationError]:
        if not isinstance(instance, str):
            return
        ids = known.get(name, {})
        if instance in ids:
            return
        kind = "actor" if name == "actors" else f"{name} id"
        message = f"unknown {kind} '{instance}'"
        close = difflib.get_close_matches(instance, list(ids), n=1, cutoff=0.6)
        if close:
            message += f" — did you mean '{close[0]}'?"
        elif name == "actors":
            message += f" — add content/actors/{instance}.yaml or use an existing actor id"
        else:
            message += f" — use an id from content/vocabulary/{name}.yaml"
        yield ValidationError(message, validator="x-known")

    def check_free_text(
        validator: Validator, enabled: bool, instance: Any, schema: Mapping[str, Any]
    ) -> Iterator[ValidationError]:
        if not enabled or known_words is None or not isinstance(instance, str):
            return
        for found in find_personal_data(instance, known_words):
            value = instance[found.start : found.end]
            # The matched text travels as validator_value so that the finding can point at
            # its exact line and column; the message itself only ever holds it masked.
            yield ValidationError(
                f"{found.kind} ('{mask(value)}') — {found.hint}",
                validator="x-free-text",
                validator_value=value,
            )

    cls = validators.extend(  # type: ignore[no-untyped-call]
        Draft202012Validator,
        {
            "x-vocabulary": check_known,
            "x-reference": check_known,
            "x-free-text": check_free_text,
        },
    )
    return cls(schema)  # type: ignore[no-any-return]


def schema_for_editors(name: str, known: Lookup) -> dict[str, Any]:
    """The schema with every ``x-vocabulary``/``x-reference`` also given as an ``enum``.

    Editors (VS Code's YAML extension and others) then offer the allowed ids while typing.
    """
    schema = copy.deepcopy(load_schema(name))

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            ref = node.get("x-vocabulary") or node.get("x-reference")
            if isinstance(ref, str) and ref in known:
                node["enum"] = sorted(known[ref])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    return schema
