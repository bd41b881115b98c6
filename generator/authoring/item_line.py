"""One item of a list of groups on one line: ``typ | rubrik | aktörer | veckor | vad som hände``.

``--step`` flags and the issue form's steps field give each step this way. The parts are the
group's fields in file order, named by the ``format`` of the group's row in the field table,
each read as its kind says (a vocabulary term, terms separated by commas, a whole number, a
text). A list marker in front is allowed, and the last part may itself hold ``|``.
"""

from __future__ import annotations

import re
from typing import Any

from generator.authoring.choices import Choices, match, match_many, no_match_message
from generator.authoring.draft import (
    latest,
    number_word,
    range_problem,
    row_text,
    text_problem,
    whole_number,
)
from generator.fields import Field
from generator.messages import _


def part_names(group: Field) -> list[str]:
    """The names of the parts of one item, in the current language: the group's ``format``
    split at ``|`` (``typ``, ``rubrik``…), or the fields' keys when it names another number."""
    text = row_text(group, "format")
    names = [name.strip() for name in _(text).split("|")] if text else []
    return names if len(names) == len(group.children) else [c.key for c in group.children]


def line_format(group: Field) -> str:
    """The format of one item: its parts' names separated by `` | ``."""
    return " | ".join(part_names(group))


def parse_item_line(
    line: str, group: Field, choices: Choices, this_year: int
) -> tuple[dict[str, Any] | None, list[str]]:
    """One item of ``group`` from one line: its data (keyed as in the file), or the problems."""
    body = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", line).strip()
    count = len(group.children)
    parts = [p.strip() for p in body.split("|", count - 1)]
    if len(parts) != count:
        message = _("write {count} parts separated by |: {format}")
        return None, [message.format(count=number_word(count), format=line_format(group))]
    item: dict[str, Any] = {}
    problems: list[str] = []
    for field, name, text in zip(group.children, part_names(group), parts, strict=True):
        value, part_problems = read_part(field, name, text, choices, this_year)
        problems += [f"{name}: {problem}" for problem in part_problems]
        if not part_problems and value is not None:
            item[field.key] = value
    return (None, problems) if problems else (item, [])


def read_part(
    field: Field, name: str, text: str, choices: Choices, this_year: int
) -> tuple[Any, list[str]]:
    """The value of the part ``name`` as its field's kind reads it, or its problems."""
    if field.kind == "choice":
        options = choices.options(field.vocabulary)
        found = match(text, options)
        if found.option is None:
            return None, [no_match_message(text, found, options)]
        return found.option.id, []
    if field.kind == "choices":
        chosen, problems = match_many(text, choices.options(field.vocabulary))
        if not chosen and not problems:
            problems = [_("choose at least one")]
        return [o.id for o in chosen], problems
    if field.kind == "integer":
        number = whole_number(text)
        lowest, highest = field.minimum, latest(field, this_year)
        if number is not None and range_problem(number, lowest, highest) is None:
            return number, []
        if lowest is not None and highest is not None:
            message = _(
                "write a whole number of {part} between {lowest} and {highest}, not '{value}'"
            )
            return None, [message.format(part=name, lowest=lowest, highest=highest, value=text)]
        message = _("write a whole number of {part}, not '{value}'")
        return None, [message.format(part=name, value=text)]
    if field.kind in ("text", "line"):
        problem = text_problem(text, field)
        return (None, [problem]) if problem else (text, [])
    return text, []
