"""A path file as YAML text: a schema line, a comment on every field, then the data.

``render_path`` walks the schema's fields in file order, so a new field is written where the
schema puts it, with the comment its row in the field table gives. User text only ever reaches
the file through PyYAML's emitter, never pasted in, and the text is checked to load back as
exactly the data it was made from. It needs no project folder: the labels written beside ids
come from a ``Choices`` or from a plain mapping, or are left out.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Mapping
from typing import Any

import yaml

from generator.authoring.choices import Choices
from generator.authoring.draft import path_table, row_message
from generator.fields import Field, FieldTable
from generator.load import parse_document
from generator.messages import _

SCHEMA_LINE = "# yaml-language-server: $schema=../../generator/schema/path.schema.json"
"""First line of every path file: editors that read it validate and autocomplete."""

COMMENT_WIDTH = 90
"""Comments above fields are wrapped to lines of at most this many characters."""

Labels = Choices | Mapping[str, Mapping[str, str]] | None
"""Where labels of ids come from: ``Choices``, ``{vocabulary: {id: label}}``, or None for
no label comments."""


def schema_line(table: FieldTable) -> str:
    """The first line of a file of ``table``'s kind: the schema editors validate it with."""
    return f"# yaml-language-server: $schema=../../generator/schema/{table.schema_name}.schema.json"


def render_path(
    data: Mapping[str, Any],
    labels: Labels = None,
    *,
    table: FieldTable | None = None,
    check: bool = True,
) -> str:
    """The path file for the plain path ``data`` (as ``draft.to_data`` makes it, with an id).

    With ``check`` (the default), raises ValueError if the text would not load back as
    exactly ``data``.
    """
    table = table or path_table()
    label = _labeller(labels)
    header = _(
        "A path from a starting situation to work or studies. Check the file with\n"
        "`vagar check`. Never write names, personal identity numbers, phone numbers, e-mail,\n"
        "addresses, exact dates or exact age — only the year and the age band."
    )
    lines = [schema_line(table), *(f"# {line}" for line in header.split("\n")), ""]
    for field in table.fields:
        if field.key not in data:
            continue
        lines += comment_lines(field)
        lines += field_lines(field, data[field.key], 0, label)
    text = "\n".join(lines) + "\n"
    if check:
        name = f"{data.get('id', 'path')}.yaml"
        document, problems = parse_document(text, name)
        if document is None or problems or document.data != data:
            raise ValueError(f"the YAML written for {name} does not load back as its answers")
    return text


def comment_lines(field: Field) -> list[str]:
    """The comment above a top-level field: its own, or (for a group) its fields', wrapped."""
    commented = [field] if field.comment else [c for c in field.children if c.comment]
    text = " ".join(row_message(f, "comment") for f in commented)
    wrapped = textwrap.wrap(
        text, width=COMMENT_WIDTH - 2, break_on_hyphens=False, break_long_words=False
    )
    return [f"# {line}" for line in wrapped]


Label = Callable[[str | None, str], str] | None
"""``label(vocabulary, id)``, or None to write no label comments."""


def _labeller(labels: Labels) -> Label:
    if labels is None:
        return None
    if isinstance(labels, Choices):
        return labels.label
    mapping = labels

    def label(vocabulary: str | None, option_id: str) -> str:
        return mapping.get(vocabulary or "", {}).get(option_id, "")

    return label


def field_lines(field: Field, value: Any, indent: int, label: Label) -> list[str]:
    """``key: value`` of one field as YAML lines, indented by ``indent``."""
    pad = " " * indent
    key = field.key
    if field.kind in ("choice", "id"):
        trailing = _trailing(field, str(value), label) if field.kind == "choice" else ""
        return [f"{pad}{key}: {_scalar(str(value))}{trailing}"]
    if field.kind == "choices":
        return [
            f"{pad}{key}:",
            *(f"{pad}  - {_scalar(str(v))}{_trailing(field, str(v), label)}" for v in value),
        ]
    if field.kind in ("text", "line") and isinstance(value, str):
        return _dump(key, value, indent, block=field.kind == "text")
    if field.kind == "lines" and isinstance(value, list):
        return [f"{pad}{key}:", *(line for v in value for line in _item(str(v), indent + 2))]
    if field.kind == "object" and isinstance(value, Mapping):
        lines = [f"{pad}{key}:"]
        for child in field.children:
            if child.key in value:
                lines += field_lines(child, value[child.key], indent + 2, label)
        return lines
    if field.kind == "objects" and isinstance(value, list):
        lines = [f"{pad}{key}:"]
        for item in value:
            inner: list[str] = []
            for child in field.children:
                if child.key in item:
                    inner += field_lines(child, item[child.key], indent + 4, label)
            if inner:
                inner[0] = f"{pad}  - {inner[0][indent + 4 :]}"
            lines += inner
        return lines
    if isinstance(value, bool):
        return [f"{pad}{key}: {'true' if value else 'false'}"]
    if isinstance(value, int):
        return [f"{pad}{key}: {value}"]
    return _dump_any(key, value, indent)


def _trailing(field: Field, option_id: str, label: Label) -> str:
    if label is None:
        return ""
    return f"  # {' '.join(label(field.vocabulary, option_id).split())}"


# PyYAML does the quoting and escaping


class _Folded(str):
    """A longer text, written as a folded block (``>-``) like the sample files."""


class _Dumper(yaml.SafeDumper):
    """SafeDumper that writes ``_Folded`` texts as folded blocks where YAML allows it."""


def _represent_folded(dumper: yaml.SafeDumper, value: _Folded) -> yaml.ScalarNode:
    # The emitter falls back to a quoted scalar when a folded block cannot hold the text.
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style=">")


_Dumper.add_representer(_Folded, _represent_folded)


def _dump(key: str, value: str, indent: int = 0, block: bool = True) -> list[str]:
    """``key: value`` as YAML lines, quoted and escaped by PyYAML, indented by ``indent``.

    ``block`` texts longer than a line become folded blocks (unless PyYAML's folding would
    change the text, as it can with indented lines); other values stay on one line.
    """
    folded = block and ("\n" in value or len(key) + len(value) > 76)
    text = _yaml({key: _Folded(value) if folded else value}, 88 if block else 1000)
    if folded and yaml.safe_load(text) != {key: value}:
        text = _yaml({key: value}, 88)
    return [" " * indent + line for line in text.rstrip("\n").split("\n")]


def _yaml(data: Any, width: int) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=width)


def _dump_any(key: str, value: Any, indent: int) -> list[str]:
    """Any other value (a list of county codes, say) as PyYAML writes it in flow style."""
    text = yaml.safe_dump(
        {key: value}, allow_unicode=True, sort_keys=False, default_flow_style=True, width=1000
    )
    body = text.strip()[1:-1]  # without the braces of the flow mapping
    return [" " * indent + body]


def _item(value: str, indent: int) -> list[str]:
    """``- value`` as one YAML line, quoted and escaped by PyYAML."""
    text = yaml.dump([value], Dumper=_Dumper, allow_unicode=True, width=1000)
    return [" " * indent + line for line in text.rstrip("\n").split("\n")]


def _scalar(value: str) -> str:
    """An id as a one-line YAML scalar: county and municipality codes keep their quotes."""
    if value.isdigit():
        return f'"{value}"'
    text = yaml.safe_dump(value, allow_unicode=True, width=1000)
    return text.split("\n", 1)[0]
