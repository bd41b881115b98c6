"""One item of a list of groups on one line: ``typ | rubrik | aktörer | veckor | vad som hände``.

``--step`` flags and the issue form's steps field give each step this way (``--track`` and
the tracks field, the tracks considered). The parts are the group's fields in file order,
named by the ``format`` of the group's row in the field table, each read as its kind says (a
vocabulary term, terms separated by commas, a whole number, yes or no, a text). A list marker
in front is allowed, and an optional part in the middle may be left empty.

Optional fields after the last required one are written with their name in front
(``… | vad som hände | arbetsgivarnas återkoppling: De sa att …``), so the last required part
may still hold ``|`` as before: a piece after it is only read as an optional field when it
starts with that field's name and a colon.
"""

from __future__ import annotations

import re
from typing import Any

from generator.authoring.choices import Choices, match, match_many, no_match_message
from generator.authoring.draft import (
    latest,
    number_word,
    range_problem,
    row_message,
    row_text,
    text_problem,
    whole_number,
)
from generator.fields import Field
from generator.messages import _
from generator.words import normalize


def part_names(group: Field) -> list[str]:
    """The names of the parts of one item, in the current language: the group's ``format``
    split at ``|`` (``typ``, ``rubrik``…), or the fields' keys when it names another number."""
    text = row_message(group, "format")
    names = [name.strip() for name in text.split("|")] if text else []
    return names if len(names) == len(group.children) else [c.key for c in group.children]


def fewest_parts(group: Field) -> int:
    """How many parts an item always has: up to its last required field; the optional
    fields after it are named (``arbetsgivarnas återkoppling: …``) when they are given."""
    required = [index for index, child in enumerate(group.children, 1) if child.required]
    return required[-1] if required else len(group.children)


def line_format(group: Field) -> str:
    """The format of one item: its parts' names separated by `` | ``, the named optional
    parts at the end in brackets (``… | vad som hände [| arbetsgivarnas återkoppling: …]``)."""
    names = part_names(group)
    fewest = fewest_parts(group)
    named = "".join(f" [| {name}: …]" for name in names[fewest:])
    return " | ".join(names[:fewest]) + named


def _named_parts(group: Field) -> dict[str, Field]:
    """The optional fields after the last required one, by every name they may be given
    with: the name in the current language, in English, and the key, in plain form."""
    english = row_text(group, "format").split("|")
    fewest = fewest_parts(group)
    names: dict[str, Field] = {}
    for index, (field, name) in enumerate(zip(group.children, part_names(group), strict=True)):
        if index >= fewest:
            others = [english[index]] if len(english) == len(group.children) else []
            for given in (name, field.key.replace("_", " "), *others):
                names[normalize(given)] = field
    return names


def _split_named(last: str, group: Field) -> tuple[str, dict[str, str]]:
    """The last required part, and the optional parts named after it (``name: value``)."""
    named = _named_parts(group)
    pieces = last.split("|")
    kept = [pieces[0]]
    given: dict[str, list[str]] = {}
    current: str | None = None
    for piece in pieces[1:]:
        name, colon, value = piece.partition(":")
        field = named.get(normalize(name)) if colon else None
        if field is not None and field.key not in given:
            current = field.key
            given[current] = [value]
        elif current is None:
            kept.append(piece)
        else:
            given[current].append(piece)
    return "|".join(kept).strip(), {key: "|".join(v).strip() for key, v in given.items()}


def parse_item_line(
    line: str, group: Field, choices: Choices, this_year: int
) -> tuple[dict[str, Any] | None, list[str]]:
    """One item of ``group`` from one line: its data (keyed as in the file), or the problems."""
    body = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", line).strip()
    fewest = fewest_parts(group)
    parts = [p.strip() for p in body.split("|", fewest - 1)]
    if len(parts) != fewest:
        message = _("write {count} parts separated by |: {format}")
        return None, [message.format(count=number_word(fewest), format=line_format(group))]
    parts[-1], named = _split_named(parts[-1], group)
    parts += [named.get(field.key, "") for field in group.children[fewest:]]
    item: dict[str, Any] = {}
    problems: list[str] = []
    for field, name, text in zip(group.children, part_names(group), parts, strict=True):
        if not text and not field.required:
            continue
        value, part_problems = read_part(field, name, text, choices, this_year)
        problems += [f"{name}: {problem}" for problem in part_problems]
        if not part_problems and value is not None:
            item[field.key] = value
    return (None, problems) if problems else (item, [])


YES_WORDS = ("ja", "j", "yes", "y", "true", "x")
NO_WORDS = ("nej", "n", "no", "false")


def yes_or_no(text: str) -> bool | None:
    """True for a yes, False for a no (Swedish or English), None for anything else."""
    word = text.strip().casefold()
    return True if word in YES_WORDS else False if word in NO_WORDS else None


def read_part(
    field: Field, name: str, text: str, choices: Choices, this_year: int
) -> tuple[Any, list[str]]:
    """The value of the part ``name`` as its field's kind reads it, or its problems."""
    if field.kind == "boolean":
        answer = yes_or_no(text)
        if answer is None:
            return None, [_("write yes or no, not '{value}'").format(value=text)]
        return answer, []
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
