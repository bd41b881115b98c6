"""What a path's fields choose from, and answers matched to it loosely.

Counsellors answer in their own words: "elektrker", "gävleborg" and "3" all find their term,
so nobody has to look up ids. The vocabularies read are the ones the field table names
(``x-vocabulary`` in the schema); ``actors`` (``x-reference``) are the files in
``content/actors/``.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path as FsPath
from typing import Any

from generator.content import ContentLayout
from generator.fields import FieldTable, field_table
from generator.load import load_document
from generator.messages import _
from generator.words import normalize

MAX_LISTED = 25
"""Vocabularies up to this size are listed when asked about; longer ones on ``?``."""

ACTORS = "actors"
"""The ``x-reference`` name of actor files: options are read from ``content/actors/``."""


@dataclass(frozen=True)
class Option:
    """One allowed value: its id, the label people know it by and the ids it lies within
    (a municipality's county), as ``(key, id)`` pairs."""

    id: str
    label: str
    parents: tuple[tuple[str, str], ...] = ()

    def parent(self, key: str) -> str:
        """The id this option lies within by ``key`` (``county``), or ""."""
        return next((value for name, value in self.parents if name == key), "")


@dataclass(frozen=True)
class Choices:
    """Every list a path's fields choose from, by vocabulary name (``occupations``,
    ``age-bands``, ``actors``, …), read from the project's content."""

    vocabularies: Mapping[str, tuple[Option, ...]]

    def options(self, vocabulary: str | None) -> tuple[Option, ...]:
        """The options of ``vocabulary`` (none for an unknown name)."""
        return self.vocabularies.get(vocabulary or "", ())

    def label(self, vocabulary: str | None, option_id: str) -> str:
        """The label of ``option_id``, for the comment beside it in the file."""
        return next((o.label for o in self.options(vocabulary) if o.id == option_id), "")


def load_choices(root: FsPath, table: FieldTable | None = None) -> Choices:
    """The vocabularies and actors the fields of ``table`` name, from the project at ``root``
    (unreadable files give none)."""
    table = table or field_table("path")
    layout = ContentLayout(root)
    names = {f.vocabulary for f in table.walk() if f.vocabulary}
    parent_keys = {table.get(f.within).key for f in table.walk() if f.within}

    def read(file: FsPath) -> Any:
        if not file.is_file():
            return None
        document, _problems = load_document(file, layout.display(file))
        return document.data if document is not None else None

    def vocabulary(name: str) -> tuple[Option, ...]:
        terms = read(layout.vocabulary_dir / f"{name}.yaml")
        return tuple(
            Option(
                str(t["id"]),
                str(t["label"]),
                tuple((k, str(t[k])) for k in sorted(parent_keys) if k in t),
            )
            for t in (terms if isinstance(terms, list) else [])
            if isinstance(t, dict) and "id" in t and "label" in t
        )

    def actors() -> tuple[Option, ...]:
        found: list[Option] = []
        if layout.actors_dir.is_dir():
            for file in sorted(layout.actors_dir.glob("*.yaml")):
                data = read(file)
                if isinstance(data, dict) and isinstance(data.get("id"), str):
                    found.append(Option(data["id"], str(data.get("name", data["id"])).strip()))
        return tuple(found)

    return Choices({name: actors() if name == ACTORS else vocabulary(name) for name in names})


def numbered(options: Sequence[Option]) -> bool:
    """Whether answers may pick by list number: not when ids are numbers (county codes)."""
    return not any(o.id.isdigit() for o in options)


@dataclass(frozen=True)
class Match:
    """The option an answer picked, or the options it could have meant."""

    option: Option | None
    candidates: tuple[Option, ...] = ()
    exact: bool = False


def match(answer: str, options: Sequence[Option]) -> Match:
    """The option ``answer`` means: by id, label, list number, part of a label or a typo."""
    wanted = normalize(answer)
    if not wanted:
        return Match(None)
    for option in options:
        if answer.strip() == option.id or wanted in (normalize(option.id), normalize(option.label)):
            return Match(option, exact=True)
    if numbered(options) and wanted.isdigit() and 1 <= int(wanted) <= len(options):
        return Match(options[int(wanted) - 1], exact=True)
    containing = [o for o in options if wanted in normalize(o.label) or wanted in normalize(o.id)]
    if len(containing) == 1:
        return Match(containing[0])
    if containing:
        return Match(None, tuple(containing))
    by_key: dict[str, list[Option]] = {}
    for option in options:
        for key in {normalize(option.id), normalize(option.label)}:
            by_key.setdefault(key, []).append(option)
    close: list[Option] = []
    for key in difflib.get_close_matches(wanted, list(by_key), n=5, cutoff=0.6):
        close += [o for o in by_key[key] if o not in close]
    if len(close) == 1:
        return Match(close[0])
    return Match(None, tuple(close))


def match_many(answer: str, options: Sequence[Option]) -> tuple[list[Option], list[str]]:
    """Several options from one answer separated by commas; a label that holds a comma
    itself (the situation "Ung, 15-24 år") is recognised whole. The options and problems."""
    parts = [p.strip() for p in re.split(r"[,;\n]", answer) if p.strip()]
    chosen: list[Option] = []
    problems: list[str] = []
    start = 0
    while start < len(parts):
        for end in range(len(parts), start + 1, -1):
            whole = match(", ".join(parts[start:end]), options)
            if whole.option is not None and whole.exact:
                chosen.append(whole.option)
                start = end
                break
        else:
            found = match(parts[start], options)
            if found.option is not None:
                chosen.append(found.option)
            else:
                problems.append(no_match_message(parts[start], found, options))
            start += 1
    unique = list(dict.fromkeys(chosen))
    return unique, problems


def no_match_message(answer: str, found: Match, options: Sequence[Option]) -> str:
    """Why ``answer`` picked nothing, with the options it could have meant."""
    if found.candidates:
        listed = ", ".join(describe(o) for o in found.candidates[:6])
        message = _("'{answer}' can mean several things: {options} — be more precise")
        return message.format(answer=answer, options=listed)
    if len(options) <= MAX_LISTED:
        listed = ", ".join(describe(o) for o in options)
        message = _("'{answer}' is not among the choices — choose one of: {options}")
        return message.format(answer=answer, options=listed)
    message = _(
        "'{answer}' is not among the choices — write the name or the id as it stands in the list"
    )
    return message.format(answer=answer)


def describe(option: Option) -> str:
    """An option as people read it: its label, and its id when that differs."""
    return option.label if option.label == option.id else f"{option.label} ({option.id})"


# Ids


def unique_id(base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``… when a path already has that id."""
    base = base or "vag"
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{base}-{number}"
        number += 1
    return candidate
