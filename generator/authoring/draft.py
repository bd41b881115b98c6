"""Answers and the plain data they become, both shaped by the field table.

``Answers`` are raw, as given by flags or an issue form, keyed by answer name (``title``,
``outcome_text``, ``steps``). The interview resolves them into values by the same names (ids
for vocabulary answers, whole numbers, cleaned texts, one dict per item of a list of groups),
and ``to_data`` turns the values into the data a path file must load as: the schema's keys in
the schema's order, optional fields left out when empty. Nothing here lists fields; the
helpers answer questions about a field from the table.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from generator.fields import Field, FieldTable, field_table
from generator.messages import _, language

Answer = str | bool | list[str] | None
"""A raw answer: text, a list of texts (repeated flags, lines), a ticked box, or nothing."""

Answers = Mapping[str, Answer]
"""Raw answers by answer name; a missing name, None or an empty text/list means not given."""

LIST_KINDS = ("choices", "lines", "objects")
"""Kinds answered with a list: repeated flags, lines of an issue answer."""

THIS_YEAR = "this year"
"""The ``latest`` of a row whose answer may not be after the current year."""


def path_table() -> FieldTable:
    """The field table of path files: the default of every function of this package."""
    return field_table("path")


# The table, read for one field


def row_text(field: Field, key: str) -> str:
    """An extra entry of the field's row (``items``, ``format``…) as text, or ""."""
    value = field.extra.get(key)
    return str(value) if value is not None else ""


def row_message(field: Field, key: str) -> str:
    """A text of the field's row (``prompt``, ``items``…) in the current language."""
    return field.text(key, language()) or field.text(key, "en")


def field_at(table: FieldTable, at: tuple[str, ...]) -> Field | None:
    """The field at ``at`` (``("outcome", "text")``), or None."""
    return next((f for f in table.walk() if f.at == at), None)


def group_of(field: Field, table: FieldTable) -> Field | None:
    """The group ``field`` belongs to (``steps`` for ``steps.title``), or None at the top."""
    return field_at(table, field.at[:-1]) if len(field.at) > 1 else None


def in_items(field: Field, table: FieldTable) -> bool:
    """Whether the field belongs to each item of a list of groups (asked per item)."""
    group = group_of(field, table)
    return group is not None and group.kind == "objects"


def top_answers(table: FieldTable) -> tuple[Field, ...]:
    """The fields answered once per path, in the order they are asked."""
    return tuple(f for f in table.asked if not in_items(f, table))


def item_fields(group: Field, table: FieldTable) -> tuple[Field, ...]:
    """The fields asked for each item of ``group``, in the order they are asked."""
    return tuple(f for f in table.asked if f.at[:-1] == group.at)


def is_required(field: Field, table: FieldTable) -> bool:
    """Whether a path needs an answer: the field and every group around it are required."""
    current: Field | None = field
    while current is not None:
        if not current.required:
            return False
        current = group_of(current, table)
    return True


class Placeholders(dict[str, object]):
    """Format values; a placeholder without one stays as it is."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def prompt_text(field: Field, **values: object) -> str:
    """The field's question in the current language, ``{number}``/``{year}`` filled in."""
    prompt = row_message(field, "prompt")
    return prompt.format_map(Placeholders(values)) if prompt else field.name


def items_noun(field: Field) -> str:
    """The plural noun for the items of a list field (``steps``), translated."""
    return row_message(field, "items") or field.key


def latest(field: Field, this_year: int) -> int | None:
    """The highest whole number allowed: the schema's, or this year for a year field."""
    if row_text(field, "latest") == THIS_YEAR:
        return this_year
    return field.maximum


def number_word(number: int) -> str:
    """A small count as a word in the current language ("fem"); larger ones as digits."""
    words = {
        2: _("two"),
        3: _("three"),
        4: _("four"),
        5: _("five"),
        6: _("six"),
        7: _("seven"),
        8: _("eight"),
        9: _("nine"),
        10: _("ten"),
    }
    return words.get(number, str(number))


# Answers


def given_text(answer: Answer) -> str | None:
    """A one-value answer as text, or None when it was not given."""
    if isinstance(answer, str):
        return answer if answer.strip() else None
    if isinstance(answer, list):
        return ", ".join(answer) or None
    return None


def given_list(answer: Answer) -> list[str]:
    """A list answer; a single text counts as a list of one."""
    if isinstance(answer, list):
        return list(answer)
    if isinstance(answer, str) and answer.strip():
        return [answer]
    return []


def clean_text(value: str) -> str:
    """The text as typed, without surrounding blanks and with Unix line ends."""
    lines = value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip()


UNREADABLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
"""Control and bidirectional characters (tab and line feed aside), and the lone surrogates
Python makes of bytes that are not UTF-8 in a command-line argument: none can go into a file."""


def unreadable(given: Answer) -> str:
    """Why an answer cannot be used as text at all, or ""."""
    for text in given if isinstance(given, list) else [given]:
        found = UNREADABLE.search(text) if isinstance(text, str) else None
        if found is None:
            continue
        if "\ud800" <= found.group() <= "\udfff":
            return _("is not valid text (it holds bytes that are not UTF-8) — type it again")
        return _(
            "contains an invisible control character (U+{code}) — delete it and type the text "
            "around it again"
        ).format(code=f"{ord(found.group()):04X}")
    return ""


def text_problem(value: str, field: Field) -> str | None:
    """What is wrong with a text for ``field`` by the schema's limits, or None."""
    if problem := unreadable(value):
        return problem
    if not value.strip():
        return _("must not be empty")
    if field.single_line and "\n" in value:
        return _("must be a single line")
    if field.min_length is not None and len(value) < field.min_length:
        return _("is too short — write at least {count} characters").format(count=field.min_length)
    if field.max_length is not None and len(value) > field.max_length:
        message = _("is too long ({length} characters, at most {count}) — shorten the text")
        return message.format(length=len(value), count=field.max_length)
    return None


def whole_number(value: str) -> int | None:
    """The whole number in an answer; a unit after it counts ("36 veckor", "3 v.")."""
    found = re.fullmatch(r"\s*(\d+)\s*(?:[^\W\d_]+\.?\s*)?", value.casefold())
    return int(found.group(1)) if found else None


def range_problem(number: int, lowest: int | None, highest: int | None) -> str | None:
    """Why ``number`` is out of range, or None."""
    if (lowest is not None and number < lowest) or (highest is not None and number > highest):
        if lowest is not None and highest is not None:
            return _("must be between {lowest} and {highest}").format(
                lowest=lowest, highest=highest
            )
        if lowest is not None:
            return _("must be at least {lowest}").format(lowest=lowest)
        return _("must be at most {highest}").format(highest=highest)
    return None


# Values -> data


def to_data(values: Mapping[str, Any], table: FieldTable | None = None) -> dict[str, Any]:
    """The path as the plain data its YAML file must load as: the schema's keys in its order,
    empty values left out. ``values`` are resolved answers by answer name; a list of groups
    holds one dict per item, already keyed by the group's keys."""
    table = table or path_table()
    return _group(table.fields, values)


def _group(fields: Sequence[Field], values: Mapping[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for field in fields:
        if field.kind == "object":
            value: Any = _group(field.children, values)
        elif field.kind == "objects":
            value = [ordered(dict(item), field.children) for item in values.get(field.answer) or ()]
        else:
            value = values.get(field.answer)
        if isinstance(value, tuple):
            value = list(value)
        if value is None or value == "" or value == [] or value == {}:
            continue
        data[field.key] = value
    return data


def ordered(data: Mapping[str, Any], fields: Sequence[Field]) -> dict[str, Any]:
    """``data`` with its keys in the order of ``fields`` (unknown keys last), recursively."""
    by_key = {f.key: f for f in fields}
    result: dict[str, Any] = {}
    for key in [*(f.key for f in fields if f.key in data), *(k for k in data if k not in by_key)]:
        value = data[key]
        field = by_key.get(key)
        if field is not None and field.kind == "object" and isinstance(value, Mapping):
            value = ordered(value, field.children)
        elif field is not None and field.kind == "objects" and isinstance(value, list):
            value = [ordered(v, field.children) if isinstance(v, Mapping) else v for v in value]
        result[key] = value
    return result
