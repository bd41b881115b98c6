"""`vagar from-issue`: the body of a "Ny väg" issue becomes a path file.

Counsellors who do not edit files fill in the issue form (.github/ISSUE_TEMPLATE/ny-vag.yml).
GitHub shows the answers as Markdown: a ``### <label>`` heading per field, then the answer,
or ``_No response_`` when it was left empty. The labels are the ``form`` entries of the field
table, so this module reads the body back into the same answers `vagar new` takes, and both
end in the same checked, commented YAML file; every problem names the form field it belongs to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.authoring.choices import load_choices
from generator.authoring.draft import Answer, field_at, path_table, top_answers
from generator.authoring.interview import NoConsent, interview
from generator.authoring.new import no_project, report_saved, save_path
from generator.authoring.questions import Say
from generator.content import ContentLayout
from generator.fields import FieldTable
from generator.findings import Finding
from generator.messages import _

NO_RESPONSE = "_No response_"
"""What GitHub writes under a heading when the field was left empty."""


@dataclass(frozen=True)
class FormField:
    """One field of the issue form: its id in ny-vag.yml (the answer name), the label shown
    as its heading, and whether the form requires it."""

    id: str
    label: str
    required: bool = True


def form_fields(table: FieldTable | None = None) -> tuple[FormField, ...]:
    """The form's fields, in the order they are asked: every row of the table with a ``form``
    label. The test keeps ny-vag.yml the same."""
    table = table or path_table()
    return tuple(FormField(f.answer, f.form, f.required) for f in top_answers(table) if f.form)


def field_names(table: FieldTable | None = None) -> dict[str, str]:
    """How problems name a field: by the label the counsellor saw in the form."""
    return {f.id: _("Field “{label}”").format(label=f.label) for f in form_fields(table)}


HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
"""A comment in the issue text: GitHub does not show it, so it must not reach a file."""


class FormError(Exception):
    """The issue text cannot be read as the form: the message says why."""


def parse_sections(body: str, table: FieldTable | None = None) -> dict[str, str]:
    """The answer under each ``### <label>`` heading of the form ("" for no response).

    A heading is a line that is exactly ``### `` and a label of the form, as GitHub writes
    it. GitHub writes each once; a second such line was typed into an answer, and would
    move text between fields, so it raises ``FormError`` rather than guess.
    """
    text = HTML_COMMENT.sub("", body.removeprefix("\ufeff"))
    labels = {f"### {f.label}": f.label for f in form_fields(table)}
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        label = labels.get(line.rstrip())
        if label is not None:
            if label in sections:
                raise FormError(
                    _(
                        "the heading “### {label}” appears twice: one is typed into an answer "
                        "— remove the ### from that line in the issue and try again"
                    ).format(label=label)
                )
            current = sections[label] = []
            continue
        if current is not None:
            current.append(line)
    result: dict[str, str] = {}
    for label, lines in sections.items():
        answer = "\n".join(lines).strip()
        result[label] = "" if answer == NO_RESPONSE else answer
    return result


def _lines(text: str) -> list[str]:
    """Non-empty lines, without a Markdown list marker in front."""
    return [re.sub(r"^\s*[-*+]\s+", "", line).strip() for line in text.split("\n") if line.strip()]


def _checked(text: str, boxes: list[str]) -> bool | None:
    """True when every one of the form's ``boxes`` is there and ticked, False when one is
    missing or not ticked, None when the answer holds no box at all."""
    found = dict(
        (label.strip(), mark in "xX")
        for mark, label in re.findall(r"^\s*- \[([ xX])\] (.*)$", text, flags=re.MULTILINE)
    )
    if not found:
        return None
    return all(found.get(box, False) for box in boxes)


def answers_from_issue(
    body: str, table: FieldTable | None = None
) -> tuple[dict[str, Answer], list[str]]:
    """The answers in an issue body, and problems that stop reading it at all."""
    table = table or path_table()
    try:
        sections = parse_sections(body, table)
    except FormError as error:
        return {}, [str(error)]
    if not sections:
        return {}, [
            _(
                "found no headings of the form “Ny väg” — is it the right issue? "
                "The text should hold headings such as ### Rubrik and ### Yrke."
            )
        ]
    answers: dict[str, Answer] = {}
    for field in top_answers(table):
        text = sections.get(field.form, "") if field.form else ""
        if field.kind == "consent":
            answers[field.answer] = _checked(text, list(field.extra.get("boxes", [])))
        elif field.kind in ("lines", "objects"):
            answers[field.answer] = _lines(text)
        elif field.kind == "choices":
            answers[field.answer] = [text] if text else []
        else:
            answers[field.answer] = text or None
    return answers, []


def run_from_issue(
    root: Path,
    body: str,
    *,
    say: Say,
    emit: Say,
    write: bool = True,
    table: FieldTable | None = None,
) -> int:
    """`vagar from-issue`: 0 when the file was written (or printed), 1 on any problem."""
    table = table or path_table()
    if not ContentLayout(root).vocabulary_dir.is_dir():
        say(no_project(root))
        return 2
    answers, problems = answers_from_issue(body, table)
    for problem in problems:
        say(problem)
    if problems:
        return 1
    choices = load_choices(root, table)
    names = field_names(table)
    try:
        result = interview(choices, answers, ask=None, say=say, names=names, table=table)
    except NoConsent:  # pragma: no cover - only raised when someone is asked
        return 1
    if result.data is None:
        for name in result.missing:
            say(_("{field}: missing — fill in the field in the issue").format(field=name))
        for error in result.errors:
            say(error)
        return 1
    saved = save_path(root, result.data, choices, write=write, table=table)

    def describe(finding: Finding) -> str:
        label = names.get(form_answer(finding.field, table), "")
        return f"{label}: {finding.format()}" if label else finding.format()

    return report_saved(saved, root, say, emit, write, describe)


def form_answer(field_path: str, table: FieldTable | None = None) -> str:
    """The form field a checker finding belongs to (``steps[1].text`` -> ``steps``,
    ``outcome`` -> ``outcome``: the answer of the group's first field in the form), or ""."""
    table = table or path_table()
    asked = {f.at: f for f in top_answers(table) if f.form}
    at = tuple(part for part in re.sub(r"\[\d+\]", "", field_path).split(".") if part)
    while at:
        if at in asked:
            return asked[at].answer
        found = field_at(table, at)
        inside = [c for c in (found.children if found else ()) if c.at in asked]
        if inside:
            return asked[inside[0].at].answer
        at = at[:-1]
    return ""
