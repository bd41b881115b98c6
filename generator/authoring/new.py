"""`vagar new`: write a valid path file by answering questions, without knowing YAML.

Every field with a ``flag`` in the field table is a flag of the command (list fields may be
repeated); every field with a ``prompt`` is asked when it was not given. The file is checked
with the same ``load_content`` as the site, on a copy of the project, before it is written,
and an existing file is never overwritten.
"""

from __future__ import annotations

import argparse
import datetime
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path as FsPath
from typing import Any

from generator.authoring.choices import Choices, load_choices, unique_id
from generator.authoring.draft import (
    LIST_KINDS,
    Answers,
    Placeholders,
    is_required,
    ordered,
    path_table,
    row_text,
)
from generator.authoring.interview import NoConsent, interview
from generator.authoring.path_yaml import Labels, render_path
from generator.authoring.questions import Say
from generator.content import ContentLayout, load_content
from generator.fields import Field, FieldTable
from generator.findings import Finding, has_errors
from generator.messages import _
from generator.words import slugify

Ask = Callable[[str], str]


# The flags


def add_field_flags(parser: argparse.ArgumentParser, table: FieldTable | None = None) -> None:
    """A flag for every field of the table that has one; its value lands on the answer name."""
    table = table or path_table()
    for field in table.asked:
        if not field.flag:
            continue
        help_text = flag_help(field, table).replace("%", "%%")
        if field.kind == "consent":
            parser.add_argument(
                field.flag,
                dest=field.answer,
                action="store_const",
                const=True,
                default=None,
                help=help_text,
            )
        elif field.kind == "boolean":
            parser.add_argument(field.flag, dest=field.answer, action="store_true", help=help_text)
        elif field.kind in LIST_KINDS:
            parser.add_argument(
                field.flag, dest=field.answer, action="append", default=[], help=help_text
            )
        else:
            parser.add_argument(field.flag, dest=field.answer, help=help_text)


def flag_help(field: Field, table: FieldTable) -> str:
    """The help of a field's flag. It is English (the message ids), like the rest of the
    command's help, which is made before ``--lang`` is read."""
    if field.kind == "objects":
        item = row_text(field, "item").replace("{number}", "").strip() or "item"
        parts = row_text(field, "format") or " | ".join(c.key for c in field.children)
        at_least = f", at least {field.min_items}" if field.min_items else ""
        return f"one {item} per flag: '{parts}' (repeat{at_least})"
    by_prompt = field.kind in ("choice", "choices", "text", "line", "integer")
    text = field.prompt if by_prompt and field.prompt else field.comment or field.name
    text = text.format_map(Placeholders(year=datetime.date.today().year, number="N"))
    source = row_text(field, "made_from")
    if source:
        made_from = next((f.flag for f in table.asked if f.answer == source and f.flag), source)
        text += f" Default: made from {made_from}."
    if field.kind in ("choice", "choices"):
        text += " (a name, a code or a number in the list)"
    if field.kind in LIST_KINDS:
        text += " (repeat for more)"
    if not is_required(field, table) and "optional" not in text:
        text = f"optional: {text}"
    return text


def answers_from_args(args: argparse.Namespace, table: FieldTable | None = None) -> Answers:
    """The answers given as flags, by answer name."""
    table = table or path_table()
    return {f.answer: getattr(args, f.answer) for f in table.asked if f.flag}


# Checking and writing


@dataclass(frozen=True)
class Saved:
    """The outcome of checking (and maybe writing) one path file."""

    file: FsPath
    text: str
    findings: tuple[Finding, ...]
    written: bool


def check_in_project(
    root: FsPath, file_name: str, text: str, this_year: int | None = None
) -> list[Finding]:
    """Findings for the project at ``root`` with the file added, from a copy of its content,
    so nothing in the project changes: errors anywhere (they stop the site) and warnings
    about the new file."""
    layout = ContentLayout(root)
    with tempfile.TemporaryDirectory(prefix="vagar-") as folder:
        copy = ContentLayout(FsPath(folder), layout.content_dir)
        for source, target in (
            (layout.vocabulary_dir, copy.vocabulary_dir),
            (layout.actors_dir, copy.actors_dir),
            (layout.paths_dir, copy.paths_dir),
        ):
            if source.is_dir() and not source.is_symlink():
                copy_folder(source, target)
        copy.paths_dir.mkdir(parents=True, exist_ok=True)
        (copy.paths_dir / file_name).write_text(text, encoding="utf-8")
        _content, findings = load_content(copy, this_year)
    new_file = layout.display(layout.paths_dir / file_name)
    return [f for f in findings if f.severity == "error" or f.file == new_file]


def copy_folder(source: FsPath, target: FsPath) -> None:
    """Copy a content folder as it is, for checking: links stay links (never followed: a link
    to /dev/zero must not fill the disk) and pipes are made anew (never opened), so that the
    copy gets the same findings as the original."""

    def special(folder: str, names: list[str]) -> set[str]:
        return {
            name
            for name in names
            if not os.path.islink(os.path.join(folder, name))
            and not stat.S_ISREG(mode := os.lstat(os.path.join(folder, name)).st_mode)
            and not stat.S_ISDIR(mode)
        }

    shutil.copytree(source, target, symlinks=True, ignore=special)
    for folder, _folders, names in os.walk(source):
        for name in special(folder, names):
            if stat.S_ISFIFO(os.lstat(os.path.join(folder, name)).st_mode):
                os.mkfifo(FsPath(target, os.path.relpath(folder, source), name))


def with_id(data: Mapping[str, Any], taken: set[str], table: FieldTable) -> dict[str, Any]:
    """``data`` with an id: the given one, or one made from the answer the table names
    (the title), not yet ``taken``."""
    id_field = next((f for f in table.fields if f.kind == "id"), None)
    if id_field is None or data.get(id_field.key):
        return dict(data)
    source = table.get(row_text(id_field, "made_from")) if row_text(id_field, "made_from") else None
    base = slugify(str(data.get(source.key, ""))) if source is not None else ""
    return ordered({**data, id_field.key: unique_id(base, taken)}, table.fields)


def save_path(
    root: FsPath,
    data: Mapping[str, Any],
    labels: Labels,
    *,
    write: bool = True,
    this_year: int | None = None,
    table: FieldTable | None = None,
) -> Saved:
    """Give the path an id when it has none, render it, check it, and write it when valid.

    An existing file is never overwritten.
    """
    table = table or path_table()
    layout = ContentLayout(root)
    taken = (
        {file.stem for file in layout.paths_dir.glob("*.y*ml")}
        if layout.paths_dir.is_dir()
        else set()
    )
    data = with_id(data, taken, table)
    file = layout.paths_dir / f"{data['id']}.yaml"
    text = render_path(data, labels, table=table)
    if file.exists():
        message = _("the file already exists — choose another id")
        exists = Finding(layout.display(file), 1, 1, message, "id")
        return Saved(file, text, (exists,), written=False)
    findings = tuple(check_in_project(root, file.name, text, this_year))
    if has_errors(findings) or not write:
        return Saved(file, text, findings, written=False)
    file.parent.mkdir(parents=True, exist_ok=True)
    with file.open("x", encoding="utf-8", newline="\n") as out:
        out.write(text)
    return Saved(file, text, findings, written=True)


def report_saved(
    saved: Saved,
    root: FsPath,
    say: Say,
    emit: Say,
    write: bool,
    describe: Callable[[Finding], str] = Finding.format,
) -> int:
    """Print what happened to a checked path file; the exit code."""
    for finding in saved.findings:
        say(describe(finding))
    if has_errors(saved.findings):
        say(_("The file was not written: correct the errors above and try again."))
        return 1
    if not write:
        emit(saved.text.rstrip("\n"))
        return 0
    shown = ContentLayout(root).display(saved.file)
    say(
        _("Wrote {file}. It passes `vagar check`; open a pull request with the file.").format(
            file=shown
        )
    )
    return 0


def no_project(root: FsPath) -> str:
    """The message when ``root`` holds no project to write into."""
    message = _("vagar: no content/vocabulary/ folder in {root} — run from the project folder")
    return message.format(root=root)


# The command


def run_new(
    root: FsPath,
    answers: Answers,
    *,
    ask: Ask | None,
    say: Say,
    emit: Say,
    write: bool = True,
    this_year: int | None = None,
    table: FieldTable | None = None,
) -> int:
    """`vagar new`: 0 when the file was written (or printed with ``write=False``), 1 when
    answers or the check stopped it, 2 when required flags are missing."""
    table = table or path_table()
    if not ContentLayout(root).vocabulary_dir.is_dir():
        say(no_project(root))
        return 2
    choices: Choices = load_choices(root, table)
    if ask is not None:
        say(_("New path. Answer the questions; type ? to see all choices. Ctrl+C stops."))
    try:
        result = interview(choices, answers, ask=ask, say=say, this_year=this_year, table=table)
    except NoConsent:
        say(_("Without consent we write no file. Ask the participant first."))
        return 1
    except (EOFError, KeyboardInterrupt):
        say("\n" + _("Stopped — no file was written."))
        return 1
    if result.data is None:
        if result.missing:
            say(_("Missing: {fields}").format(fields=", ".join(result.missing)))
        for error in result.errors:
            say(error)
        return 2 if result.missing and not result.errors else 1
    saved = save_path(root, result.data, choices, write=write, this_year=this_year, table=table)
    return report_saved(saved, root, say, emit, write)
