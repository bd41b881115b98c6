"""`vagar from-issue`: the body of a "Ny väg" issue becomes a path file.

Counsellors who do not edit files fill in the issue form (.github/ISSUE_TEMPLATE/ny-vag.yml).
GitHub shows the answers as Markdown: a ``### <label>`` heading per field, then the answer,
or ``_No response_`` when it was left empty. This module reads that back into the same
answers `vagar new` takes, so both end in the same checked, commented YAML file; every problem
names the form field it belongs to.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.content import ContentLayout
from generator.findings import Finding
from generator.scaffold import (
    Answers,
    NoConsent,
    Say,
    interview,
    load_choices,
    report_saved,
    save_path,
)

NO_RESPONSE = "_No response_"
"""What GitHub writes under a heading when the field was left empty."""


@dataclass(frozen=True)
class FormField:
    """One field of the issue form: the id in ny-vag.yml and the label shown as heading."""

    id: str
    label: str


FIELDS: tuple[FormField, ...] = (
    FormField("title", "Rubrik"),
    FormField("summary", "Sammanfattning"),
    FormField("occupation", "Yrke"),
    FormField("situations", "Utgångsläge"),
    FormField("age_band", "Åldersgrupp"),
    FormField("county", "Län"),
    FormField("municipality", "Kommun"),
    FormField("year", "År då vägen slutade"),
    FormField("background", "Bakgrund"),
    FormField("steps", "Steg"),
    FormField("outcome", "Resultat"),
    FormField("outcome_text", "Vad personen gör nu"),
    FormField("what_helped", "Vad gjorde skillnad"),
    FormField("quote", "Citat"),
    FormField("tips", "Tips till andra"),
    FormField("documented_by", "Dokumenterad av"),
    FormField("consent", "Samtycke och anonymitet"),
)
"""The form's fields in order; the test keeps ny-vag.yml and this list the same."""

FIELD_NAMES: Mapping[str, str] = {f.id: f"Fältet ”{f.label}”" for f in FIELDS}
"""How problems name a field: by the label the counsellor saw in the form."""


def parse_sections(body: str) -> dict[str, str]:
    """The answer under each known ``### <label>`` heading ("" for no response).

    Only the form's own labels count as headings, so a line starting with ### inside an
    answer stays part of that answer.
    """
    labels = {f.label for f in FIELDS}
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in body.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        heading = line[4:].strip() if line.startswith("### ") else None
        if heading in labels:
            current = sections.setdefault(heading, [])
            continue
        if current is not None:
            current.append(line)
    result: dict[str, str] = {}
    for label, lines in sections.items():
        text = "\n".join(lines).strip()
        result[label] = "" if text == NO_RESPONSE else text
    return result


def _lines(text: str) -> list[str]:
    """Non-empty lines, without a Markdown list marker in front."""
    return [re.sub(r"^\s*[-*+]\s+", "", line).strip() for line in text.split("\n") if line.strip()]


def _checked(text: str) -> bool | None:
    """True when every checkbox is ticked, False when one is not, None without boxes."""
    boxes = re.findall(r"^\s*- \[([ xX])\]", text, flags=re.MULTILINE)
    if not boxes:
        return None
    return all(box in "xX" for box in boxes)


def answers_from_issue(body: str) -> tuple[Answers, list[str]]:
    """The answers in an issue body, and problems that stop reading it at all."""
    sections = parse_sections(body)
    if not sections:
        return Answers(), [
            "hittade inga rubriker från formuläret ”Ny väg” — är det rätt ärende? "
            "Texten ska innehålla rubriker som ### Rubrik och ### Yrke."
        ]

    def get(field_id: str) -> str | None:
        label = next(f.label for f in FIELDS if f.id == field_id)
        return sections.get(label) or None

    situations = get("situations")
    return (
        Answers(
            title=get("title"),
            summary=get("summary"),
            occupation=get("occupation"),
            situations=[situations] if situations else [],
            age_band=get("age_band"),
            background=get("background"),
            county=get("county"),
            municipality=get("municipality"),
            year=get("year"),
            outcome=get("outcome"),
            outcome_text=get("outcome_text"),
            steps=_lines(get("steps") or ""),
            what_helped=get("what_helped"),
            quote=get("quote"),
            tips=_lines(get("tips") or ""),
            documented_by=get("documented_by"),
            consent=_checked(get("consent") or ""),
        ),
        [],
    )


def run_from_issue(root: Path, body: str, *, say: Say, emit: Say, write: bool = True) -> int:
    """`vagar from-issue`: 0 when the file was written (or printed), 1 on any problem."""
    if not ContentLayout(root).vocabulary_dir.is_dir():
        say(f"vagar: no content/vocabulary/ folder in {root} — run from the project folder")
        return 2
    answers, problems = answers_from_issue(body)
    for problem in problems:
        say(problem)
    if problems:
        return 1
    choices = load_choices(root)
    try:
        result = interview(choices, answers, ask=None, say=say, names=FIELD_NAMES)
    except NoConsent:  # pragma: no cover - only raised when someone is asked
        return 1
    if result.draft is None:
        for name in result.missing:
            say(f"{name}: saknas — fyll i fältet i ärendet")
        for error in result.errors:
            say(error)
        return 1
    saved = save_path(root, result.draft, choices, write=write)
    return report_saved(saved, root, say, emit, write, _describe_finding)


def _describe_finding(finding: Finding) -> str:
    """A checker finding about the new file, led by the form field it belongs to."""
    label = _label_for(finding.field)
    return f"{label}: {finding.format()}" if label else finding.format()


def _label_for(field_path: str) -> str:
    """The form label a checker finding belongs to (``steps[1].text`` -> Steg)."""
    if field_path.startswith("outcome.text"):
        return FIELD_NAMES["outcome_text"]
    top = re.split(r"[.\[]", field_path, maxsplit=1)[0]
    if top == "outcome":
        return FIELD_NAMES["outcome"]
    return FIELD_NAMES.get(top, "")
