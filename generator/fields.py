"""The field table: every fact about a content field, each in one place.

What the JSON Schema says — names, order, types, required or not, free text, vocabulary,
limits, descriptions — is read from ``schema/<name>.schema.json``. What it cannot say — the
question `vagar new` asks, the command-line flag, the heading in the "Ny väg" issue form and
the comment written above the field in a YAML file, its heading on the page — stands in
``schema/<name>.fields.yaml`` beside it, one row per field, in the order a counsellor is
asked, each text in every language of the messages. Everything that lists fields (the model
loader, the YAML writer, the interview, the CLI, the issue form, the re-identification scan
and the page's free-text sections) reads them from here, so adding a field means adding it to
the schema, the model, a template and, when people are asked for it, a row of the table.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, Literal

import yaml

from generator.schema import load_schema, resolve

Kind = Literal[
    "text",  # free text, several lines allowed
    "line",  # free text on one line
    "choice",  # one id from a vocabulary or of an actor
    "choices",  # a list of such ids
    "lines",  # a list of one-line free texts
    "integer",
    "boolean",
    "consent",  # must be true
    "id",
    "object",  # a group of fields
    "objects",  # a list of groups of fields
    "counties",  # the word all, or a list of county codes
    "other",
]

TEXT_KEYS = ("prompt", "comment", "item", "items", "format")
"""Entries of a row that people read, each written ``{en: …, sv: …}``: the English is also
what the code and the command's help use."""


@dataclass(frozen=True)
class Field:
    """One field of a content file: the schema's facts, plus how people are asked for it."""

    at: tuple[str, ...]
    """Where it stands: ``("title",)``, ``("outcome", "text")``, ``("steps", "weeks")`` (a
    field of every item of a list of groups)."""
    kind: Kind
    required: bool
    description: str = ""
    vocabulary: str | None = None
    """The ``x-vocabulary`` name (file stem) or ``actors`` for an ``x-reference``."""
    free_text: bool = False
    min_length: int | None = None
    max_length: int | None = None
    minimum: int | None = None
    maximum: int | None = None
    min_items: int | None = None
    max_items: int | None = None
    children: tuple[Field, ...] = ()
    """The fields of a group, in file order."""
    answer: str = ""
    """The name of the answer (``outcome_text``): the table's key, or the field's own name."""
    prompt: str = ""
    flag: str = ""
    form: str = ""
    comment: str = ""
    within: str = ""
    """The answer whose choice narrows this one's options (municipality within county)."""
    heading: str = ""
    """The field's heading on the page (Swedish, as shown)."""
    extra: Mapping[str, Any] = field(default_factory=dict)
    """Any other entry of the field's row in the table (texts in English)."""
    texts: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """The row's texts (``TEXT_KEYS``) by language: ``{"prompt": {"en": …, "sv": …}}``."""

    def text(self, key: str, language: str) -> str:
        """The row's ``key`` text in ``language`` ("" where the row has none)."""
        return self.texts.get(key, {}).get(language, "")

    @property
    def name(self) -> str:
        """The field as messages name it: ``outcome.text``."""
        return ".".join(self.at)

    @property
    def key(self) -> str:
        """Its key in the file: the last part of ``at``."""
        return self.at[-1]

    @property
    def optional(self) -> bool:
        return not self.required

    @property
    def single_line(self) -> bool:
        return self.kind in ("line", "lines")


@dataclass(frozen=True)
class FieldTable:
    """All fields of one kind of file: in file order, and in the order people are asked."""

    schema_name: str
    fields: tuple[Field, ...]
    """Top-level fields in the schema's (and the written file's) order."""
    asked: tuple[Field, ...]
    """Fields with a row in the table, in its order; groups are asked field by field."""

    def get(self, name: str) -> Field:
        """A field by its dotted name (``outcome.text``) or its answer name."""
        for found in self.walk():
            if found.name == name or found.answer == name:
                return found
        raise KeyError(name)

    def walk(self) -> Iterator[Field]:
        """Every field, children after their group."""
        stack = list(reversed(self.fields))
        while stack:
            current = stack.pop()
            yield current
            stack.extend(reversed(current.children))

    def free_text_fields(self) -> tuple[Field, ...]:
        """Fields a contributor writes freely: these are scanned and shown."""
        return tuple(f for f in self.walk() if f.free_text)


@cache
def field_table(schema_name: str) -> FieldTable:
    """The field table of ``path`` or ``actor`` files."""
    schema = load_schema(schema_name)
    rows = _rows(schema_name)
    top = tuple(_fields(schema, schema, (), rows))
    table = FieldTable(schema_name, top, ())
    asked = []
    for answer, row in rows.items():
        at = tuple(str(row.get("at", answer)).split("."))
        found = next((f for f in table.walk() if f.at == at), None)
        if found is None:
            raise ValueError(f"{schema_name}.fields.yaml: '{answer}' is not a field of the schema")
        asked.append(found)
    return FieldTable(schema_name, top, tuple(asked))


def _rows(schema_name: str) -> dict[str, dict[str, Any]]:
    path = resources.files("generator").joinpath(f"schema/{schema_name}.fields.yaml")
    if not path.is_file():
        return {}
    rows: dict[str, dict[str, Any]] = yaml.safe_load(path.read_text("utf-8")) or {}
    return rows


def _fields(
    root: Mapping[str, Any],
    schema: Mapping[str, Any],
    prefix: tuple[str, ...],
    rows: Mapping[str, Mapping[str, Any]],
) -> Iterator[Field]:
    required = set(schema.get("required", ()))
    for key, raw in schema.get("properties", {}).items():
        node = resolve(root, raw)
        at = (*prefix, key)
        kind, inner = _kind(root, node, key)
        answer, row = _row(rows, at)
        texts = {key: _texts(at, key, row[key]) for key in TEXT_KEYS if key in row}
        english = {key: by_language["en"] for key, by_language in texts.items()}
        children: tuple[Field, ...] = ()
        if kind in ("object", "objects"):
            children = tuple(_fields(root, inner, at, rows))
        yield Field(
            at=at,
            kind=kind,
            required=key in required,
            description=str(node.get("description", "")),
            vocabulary=inner.get("x-vocabulary") or inner.get("x-reference"),
            free_text=bool(inner.get("x-free-text")),
            min_length=inner.get("minLength"),
            max_length=inner.get("maxLength"),
            minimum=inner.get("minimum"),
            maximum=inner.get("maximum"),
            min_items=node.get("minItems"),
            max_items=node.get("maxItems"),
            children=children,
            answer=answer,
            prompt=english.get("prompt", ""),
            flag=str(row.get("flag", "")),
            form=str(row.get("form", "")),
            comment=english.get("comment", ""),
            within=str(row.get("within", "")),
            heading=str(row.get("heading", "")),
            extra={
                **{k: v for k, v in row.items() if k not in (*OWN_KEYS, *TEXT_KEYS)},
                **{k: v for k, v in english.items() if k not in OWN_KEYS},
            },
            texts=texts,
        )


OWN_KEYS = ("at", "prompt", "flag", "form", "comment", "within", "heading")
"""Row entries with an attribute of their own in ``Field``."""


def _texts(at: tuple[str, ...], key: str, value: object) -> dict[str, str]:
    """A text of a row by language; English is required."""
    if not isinstance(value, dict) or not isinstance(value.get("en"), str):
        raise ValueError(f"fields table: '{'.'.join(at)}.{key}' needs {{en: …, sv: …}}")
    return {str(language): str(text) for language, text in value.items()}


def _row(
    rows: Mapping[str, Mapping[str, Any]], at: tuple[str, ...]
) -> tuple[str, Mapping[str, Any]]:
    dotted = ".".join(at)
    for answer, row in rows.items():
        if str(row.get("at", answer)) == dotted:
            return answer, row
    return "_".join(at), {}


def _kind(
    root: Mapping[str, Any], node: Mapping[str, Any], key: str
) -> tuple[Kind, Mapping[str, Any]]:
    """The kind of a field, and the schema node that holds its item rules."""
    if "oneOf" in node:
        return "counties", resolve(root, node["oneOf"][-1].get("items", {}))
    if node.get("const") is True:
        return "consent", node
    kind = node.get("type")
    if kind == "array":
        items = resolve(root, node.get("items", {}))
        if items.get("type") == "object":
            return "objects", items
        if items.get("x-vocabulary") or items.get("x-reference"):
            return "choices", items
        if items.get("x-free-text"):
            return "lines", items
        return "other", items
    if kind == "object":
        return "object", node
    if kind == "integer":
        return "integer", node
    if kind == "boolean":
        return "boolean", node
    if kind == "string":
        if node.get("x-vocabulary") or node.get("x-reference"):
            return "choice", node
        if node.get("x-free-text"):
            return "line" if "\\n" in str(node.get("pattern", "")) else "text", node
        if key == "id":
            return "id", node
    return "other", node
