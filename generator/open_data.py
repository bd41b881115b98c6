"""Open data: every published path and actor as JSON and CSV, from the model, by the schema.

No field is listed here. The records follow the content schemas through the field table
(``generator.fields``): each field of a path or actor, in schema order, with the label (or
actor name) beside every id, so that a reader needs no vocabulary file; a group of fields
(``outcome``) nests in JSON and becomes prefixed columns in CSV; a list of groups (``steps``)
gets a CSV file of its own, one row per item. A field another issue adds to a schema and the
model appears in the files, the published data schemas and the data page without an edit here.

What the site hides stays hidden: a path's municipality is written only where
``SiteData.shown_municipality`` (``enrich.shown_municipalities``, the re-identification rule of
``generator.reidentify``) shows it on the path's page.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from generator.enrich import SiteData, newest_first
from generator.fields import Field, field_table
from generator.model import Actor, Path

DATA_DIR = "data/"
PATHS_JSON = "data/vagar.json"
PATHS_CSV = "data/vagar.csv"
ACTORS_JSON = "data/aktorer.json"
LIST_FILES = {"steps": "steg", "tracks_considered": "spar"}
"""The CSV file (``data/<name>.csv``) of each list of groups in a path; a list the schema adds
later gets ``data/<field>.csv``."""
LIST_SEPARATOR = "\n"
"""Between the items of a list in one CSV cell. Every list item is one line (ids, labels,
names and one-line texts), so a line break never splits an item."""
PATH_REFERENCE = "path_id"
"""The first column of a list file: the path the row belongs to."""
POSITION = "number"
"""The second column of a list file: the item's place in its list, from 1."""

LICENCE = {
    "name": "CC BY 4.0",
    "url": "https://creativecommons.org/licenses/by/4.0/",
}
"""The licence of the content and the data (README.md says why this one)."""

Url = Callable[[str], str]
"""A site-relative URL (``vagar/x/``) -> the URL to write: absolute when ``site_url`` is
known, else as it is (relative to the site root)."""


@dataclass(frozen=True)
class Column:
    """One column of a CSV file (and one documented field of the data page)."""

    name: str
    datatype: str
    """``string``, ``integer`` or ``boolean`` (CSVW datatypes)."""
    required: bool
    is_list: bool
    description: str
    """English, from the schema (the data schemas repeat it)."""
    comment: str = ""
    """The field table's comment for the field, in Swedish (for the data page), or ""."""
    label_of: str = ""
    """For a column of labels or names: the column of the ids they belong to."""


# --- records ---------------------------------------------------------------------------------


def label_of(value: Any) -> str:
    """What a reader sees for an id: a term's label, an actor's name."""
    return str(value.name if isinstance(value, Actor) else value.label)


def _plain(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value


def record(
    item: Any, fields: Sequence[Field], hidden: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """``item`` (a model dataclass) as the schema describes it, with labels beside ids.

    ``hidden`` replaces fields by what the site shows of them (None: left out).
    """
    out: dict[str, Any] = {}
    for field in fields:
        key = field.key
        if field.kind == "consent":
            continue  # true on every published path (data_schemas leaves it out too)
        shown = hidden is not None and key in hidden
        value = hidden[key] if hidden is not None and shown else getattr(item, key, None)
        if value is None or value == ():
            continue
        if field.kind == "choice":
            out[key], out[f"{key}_label"] = value.id, label_of(value)
        elif field.kind == "choices":
            out[key] = [v.id for v in value]
            out[f"{key}_labels"] = [label_of(v) for v in value]
        elif field.kind == "counties":
            out[key] = "all" if getattr(item, "nationwide", False) else [v.id for v in value]
            out[f"{key}_labels"] = [label_of(v) for v in value]
        elif field.kind == "object":
            out[key] = record(value, field.children)
        elif field.kind == "objects":
            out[key] = [record(v, field.children) for v in value]
        else:
            out[key] = _plain(value)
    return out


def path_record(path: Path, site: SiteData, url: Url) -> dict[str, Any]:
    """One path: its fields, then ``url`` (its page) and ``total_weeks``."""
    fields = field_table("path").fields
    data = record(path, fields, {"municipality": site.shown_municipality.get(path.id)})
    data["url"] = url(f"vagar/{path.id}/")
    data["total_weeks"] = path.total_weeks
    return data


def actor_record(actor: Actor, site: SiteData, url: Url) -> dict[str, Any]:
    """One actor: its fields, then ``url`` (its page) and ``paths`` (how many it is in)."""
    data = record(actor, field_table("actor").fields)
    data["url"] = url(f"aktorer/{actor.id}/")
    data["paths"] = len(site.by_actor.get(actor.id, ()))
    return data


# --- columns ---------------------------------------------------------------------------------

_DATATYPES = {"integer": "integer", "boolean": "boolean", "consent": "boolean"}


def columns(fields: Sequence[Field], prefix: str = "", required: bool = True) -> Iterator[Column]:
    """The CSV columns of ``fields``: lists of groups are left to their own files.

    A column is required when its field and every group around it are."""
    for field in fields:
        name = prefix + field.key
        needed = required and field.required
        if field.kind in ("objects", "consent"):
            continue
        if field.kind == "object":
            yield from columns(field.children, f"{name}_", needed)
            continue
        is_list = field.kind in ("choices", "lines", "counties")
        datatype = _DATATYPES.get(field.kind, "string")
        comment = field.text("comment", "sv")
        yield Column(name, datatype, needed, is_list, field.description, comment)
        if field.kind in ("choice", "choices", "counties"):
            what = "name" if field.vocabulary == "actors" else "label"
            yield Column(
                f"{name}_label" + ("s" if is_list else ""),
                "string",
                needed,
                is_list,
                f"The {what} of each id in {name}." if is_list else f"The {what} of {name}.",
                label_of=name,
            )


def path_columns() -> list[Column]:
    """The columns of ``data/vagar.csv``: the path's fields, then its page and total time."""
    return [
        *columns(field_table("path").fields),
        Column("url", "string", True, False, "The path's page on the site."),
        Column("total_weeks", "integer", True, False, "The sum of the steps' weeks."),
    ]


def list_fields() -> list[Field]:
    """The lists of groups in a path (``steps``): each has a CSV file of its own."""
    return [f for f in field_table("path").fields if f.kind == "objects"]


def list_file(field: Field) -> str:
    """The CSV file of a list of groups: ``data/steg.csv`` for ``steps``."""
    return f"{DATA_DIR}{LIST_FILES.get(field.key, field.key.replace('_', '-'))}.csv"


def list_columns(field: Field) -> list[Column]:
    """The columns of a list file: the path's id, the item's number, the item's fields."""
    return [
        Column(PATH_REFERENCE, "string", True, False, "The id of the path (vagar.csv: id)."),
        Column(POSITION, "integer", True, False, f"The place in the path's {field.key}, from 1."),
        *columns(field.children),
    ]


# --- files -----------------------------------------------------------------------------------


def _cell(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return LIST_SEPARATOR.join(_cell(item) for item in value)
    return "" if value is None else str(value)


def _flat(data: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            flat.update(_flat(value, f"{prefix}{key}_"))
        else:
            flat[prefix + key] = value
    return flat


def csv_text(rows: Sequence[Mapping[str, Any]], header: Sequence[Column]) -> str:
    """RFC 4180 CSV (comma, CRLF, quotes where needed), a header row first."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    names = [c.name for c in header]
    writer.writerow(names)
    for row in rows:
        flat = _flat(row)
        writer.writerow([_cell(flat.get(name)) for name in names])
    return out.getvalue()


def json_text(data: Any) -> str:
    """Compact JSON in UTF-8 (thousands of paths: no indentation)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


@dataclass(frozen=True)
class DataFiles:
    """The records of the published data, for the files and their tests."""

    paths: list[dict[str, Any]]
    actors: list[dict[str, Any]]


def collect(site: SiteData, url: Url) -> DataFiles:
    """Every published path (newest first, as the site lists them) and actor (by id)."""
    paths = [path_record(p, site, url) for p in newest_first(site.content.paths.values())]
    actors = [actor_record(a, site, url) for _, a in sorted(site.content.actors.items())]
    return DataFiles(paths, actors)


def data_files(site: SiteData, url: Url, generated: str, schema_url: Url) -> dict[str, str]:
    """``data/…`` file -> text: the JSON and CSV files of paths, steps and actors.

    ``generated`` is the build time (ISO 8601, UTC); ``schema_url`` gives the URL of a data
    schema as the files name it (relative to the ``data/`` folder, or absolute).
    """
    collected = collect(site, url)
    head = {"generated": generated, "licence": LICENCE}
    files = {
        PATHS_JSON: json_text(
            {
                "$schema": schema_url("vagar.schema.json"),
                **head,
                "count": len(collected.paths),
                "paths": collected.paths,
            }
        ),
        ACTORS_JSON: json_text(
            {
                "$schema": schema_url("aktorer.schema.json"),
                **head,
                "count": len(collected.actors),
                "actors": collected.actors,
            }
        ),
        PATHS_CSV: csv_text(collected.paths, path_columns()),
    }
    for field in list_fields():
        rows = [
            {PATH_REFERENCE: path["id"], POSITION: number, **item}
            for path in collected.paths
            for number, item in enumerate(path.get(field.key, ()), start=1)
        ]
        files[list_file(field)] = csv_text(rows, list_columns(field))
    return files


def csv_files() -> dict[str, list[Column]]:
    """Every CSV file with its columns, in the order the data page lists them."""
    files = {PATHS_CSV: path_columns()}
    files.update({list_file(field): list_columns(field) for field in list_fields()})
    return files


# --- the data page ---------------------------------------------------------------------------


def _described(column: Column) -> dict[str, str]:
    """A column for the data page: its name and description, in Swedish where the field
    table has one (its comment), else the schema's
    English (marked as such for screen readers). Label columns and the columns the files add
    are described by the UI strings (``data.label_of``, ``data.columns``)."""
    found = {"name": column.name, "label_of": column.label_of, "text": "", "lang": ""}
    if column.comment:
        found["text"] = column.comment
    else:
        found.update(text=column.description, lang="en")
    return found


def catalogue() -> dict[str, Any]:
    """What the data page lists: the files (site-relative URLs, with a key for their
    description in the UI strings) and the columns of every CSV file."""
    files = [
        {"url": PATHS_JSON, "key": "vagar_json", "format": "JSON"},
        {"url": PATHS_CSV, "key": "vagar_csv", "format": "CSV"},
        *(
            {
                "url": list_file(f),
                "key": list_file(f)[len(DATA_DIR) : -4].replace("-", "_"),
                "format": "CSV",
            }
            for f in list_fields()
        ),
        {"url": ACTORS_JSON, "key": "aktorer_json", "format": "JSON"},
    ]
    tables = [
        {"url": file, "columns": [_described(c) for c in cols]}
        for file, cols in csv_files().items()
    ]
    schemas = [
        PATHS_JSON.replace(".json", ".schema.json"),
        ACTORS_JSON.replace(".json", ".schema.json"),
    ]
    schemas += [f"{file}-metadata.json" for file in csv_files()]
    return {"files": files, "tables": tables, "schemas": schemas}
