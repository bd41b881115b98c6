"""Schemas of the open data files, derived from the content schemas: never written by hand.

``data/vagar.json`` and ``data/aktorer.json`` are described by JSON Schemas (draft 2020-12)
made from ``schema/path.schema.json`` and ``schema/actor.schema.json``: the same fields, types
and limits, a ``…_label``/``…_labels`` string beside every id, the derived fields the files
add, and none of the keywords of our own (``x-…``). Patterns are left out: the data has passed
the content schema, and Python's ``\\Z`` would mean something else to other validators.

The CSV files are described the W3C way, by CSV on the Web metadata
(``data/<file>.csv-metadata.json``, the name CSVW looks for beside a CSV file): the columns in
order with their datatypes, the list separator, keys, licence and build time. A CSV file has no
place of its own for its schema and build time; its metadata file is where they are.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from generator.open_data import (
    LICENCE,
    LIST_SEPARATOR,
    PATH_REFERENCE,
    PATHS_CSV,
    POSITION,
    Column,
    csv_files,
)
from generator.schema import load_schema, resolve

JSON_SCHEMA = "https://json-schema.org/draft/2020-12/schema"
CSVW_CONTEXT = "http://www.w3.org/ns/csvw"
_KEPT = (
    "description",
    "type",
    "const",
    "enum",
    "minimum",
    "maximum",
    "maxLength",
    "minItems",
    "maxItems",
    "uniqueItems",
)
"""Keywords that still hold for the published data. ``minLength`` is left out: text loses
the blanks around it when it is read, so a padded text may end up shorter than its minimum."""

_DERIVED: dict[str, dict[str, Any]] = {
    "path": {
        "url": {
            "type": "string",
            "description": "The path's page: absolute when the site's "
            "address was known at build time, else relative to the site's root.",
        },
        "total_weeks": {
            "type": "integer",
            "minimum": 2,
            "description": "The sum of the steps' weeks.",
        },
    },
    "actor": {
        "url": {
            "type": "string",
            "description": "The actor's page: absolute when the site's "
            "address was known at build time, else relative to the site's root.",
        },
        "paths": {
            "type": "integer",
            "minimum": 0,
            "description": "How many published paths the actor took part in or documented.",
        },
    },
}

_FILES = {"path": ("vagar", "paths"), "actor": ("aktorer", "actors")}
"""Schema name -> (file stem in data/, the list's key in the file)."""


def _reference(root: Mapping[str, Any], node: Mapping[str, Any]) -> tuple[str, bool] | None:
    """The vocabulary (or ``actors``) a field's ids come from and whether it holds a list."""
    if node.get("x-vocabulary") or node.get("x-reference"):
        return str(node.get("x-vocabulary") or node.get("x-reference")), False
    for alternative in node.get("oneOf", ()):
        found = _reference(root, resolve(root, alternative))
        if found:
            return found[0], True
    items = node.get("items")
    if isinstance(items, Mapping):
        found = _reference(root, resolve(root, items))
        if found:
            return found[0], True
    return None


def _node(root: Mapping[str, Any], raw: Mapping[str, Any]) -> dict[str, Any]:
    """A content schema node as the data file holds it."""
    node = resolve(root, raw)
    out: dict[str, Any] = {key: node[key] for key in _KEPT if key in node}
    if "oneOf" in node:
        out["oneOf"] = [_node(root, alternative) for alternative in node["oneOf"]]
    if isinstance(node.get("items"), Mapping):
        out["items"] = _node(root, node["items"])
    if "properties" not in node:
        return out
    properties: dict[str, Any] = {}
    required = list(node.get("required", ()))
    for key, sub in node["properties"].items():
        if "const" in resolve(root, sub):
            # consent: true on every published path; a constant tells a reader nothing.
            required = [name for name in required if name != key]
            continue
        properties[key] = _node(root, sub)
        found = _reference(root, resolve(root, sub))
        if found is None:
            continue
        vocabulary, is_list = found
        what = "names" if vocabulary == "actors" else "labels"
        label: dict[str, Any] = {"type": "string"}
        if is_list:
            label = {"type": "array", "items": label}
        label["description"] = f"The {what} of the ids in {key}, in the same order."
        name = f"{key}_label{'s' if is_list else ''}"
        properties[name] = label
        if key in required:
            required.append(name)
    out.update(type="object", additionalProperties=False, required=required)
    out["properties"] = properties
    return out


def record_schema(schema_name: str) -> dict[str, Any]:
    """The schema of one record (path or actor) in the data files."""
    content = load_schema(schema_name)
    schema = _node(content, content)
    schema["properties"].update(_DERIVED[schema_name])
    schema["required"] += list(_DERIVED[schema_name])
    schema["description"] = content.get("description", "")
    return schema


def file_schema(schema_name: str, schema_id: str | None) -> dict[str, Any]:
    """The JSON Schema of ``data/vagar.json`` or ``data/aktorer.json``."""
    stem, key = _FILES[schema_name]
    schema: dict[str, Any] = {"$schema": JSON_SCHEMA}
    if schema_id:
        schema["$id"] = schema_id
    schema |= {
        "title": f"Vägar till jobb: data/{stem}.json",
        "description": f"Every published {schema_name} of the site, built from its content "
        "files; labels stand beside ids. Licence: CC BY 4.0.",
        "type": "object",
        "additionalProperties": False,
        "required": ["$schema", "generated", "licence", "count", key],
        "properties": {
            "$schema": {"type": "string", "description": "This schema's URL."},
            "generated": {
                "type": "string",
                "format": "date-time",
                "description": "When the site was built (UTC).",
            },
            "licence": {
                "type": "object",
                "required": ["name", "url"],
                "properties": {"name": {"type": "string"}, "url": {"type": "string"}},
            },
            "count": {"type": "integer", "minimum": 0, "description": f"How many {key}."},
            key: {"type": "array", "items": {"$ref": f"#/$defs/{schema_name}"}},
        },
        "$defs": {schema_name: record_schema(schema_name)},
    }
    return schema


def csv_metadata(
    file: str, columns: list[Column], generated: str, publisher: str
) -> dict[str, Any]:
    """CSV on the Web metadata for one CSV file in ``data/``."""
    name = file.rsplit("/", 1)[-1]
    described = []
    for column in columns:
        entry: dict[str, Any] = {
            "name": column.name,
            "titles": column.name,
            "datatype": column.datatype,
            "required": column.required,
            "dc:description": column.description,
        }
        if column.is_list:
            entry["separator"] = LIST_SEPARATOR
        described.append(entry)
    table: dict[str, Any] = {"columns": described}
    if file == PATHS_CSV:
        table["primaryKey"] = "id"
    else:
        table["primaryKey"] = [PATH_REFERENCE, POSITION]
        table["foreignKeys"] = [
            {
                "columnReference": PATH_REFERENCE,
                "reference": {"resource": PATHS_CSV.rsplit("/", 1)[-1], "columnReference": "id"},
            }
        ]
    return {
        "@context": CSVW_CONTEXT,
        "url": name,
        "dc:title": f"Vägar till jobb: data/{name}",
        "dc:publisher": publisher,
        "dc:license": {"@id": LICENCE["url"]},
        "dc:modified": {"@value": generated, "@type": "xsd:dateTime"},
        "dialect": {"encoding": "utf-8", "header": True, "lineTerminators": ["\r\n"]},
        "tableSchema": table,
    }


def data_schema_files(
    schema_url: Callable[[str], str], absolute: bool, generated: str, publisher: str
) -> dict[str, str]:
    """``data/…`` -> text of every data schema and CSV metadata file.

    ``schema_url`` gives a schema file's URL (absolute when ``absolute``, for ``$id``).
    """
    files: dict[str, str] = {}
    for schema_name, (stem, _key) in _FILES.items():
        schema_id = schema_url(f"{stem}.schema.json") if absolute else None
        files[f"data/{stem}.schema.json"] = _text(file_schema(schema_name, schema_id))
    for file, columns in csv_files().items():
        files[f"{file}-metadata.json"] = _text(csv_metadata(file, columns, generated, publisher))
    return files


def _text(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
