"""Rules on lists of groups that a schema cannot express.

A path's tracks considered need exactly one chosen track, and that track is the one the path
took; an actor's published results cannot count more people in work or studies than took part,
nor be for a year that has not come. Each finding names the file, line, column and field and
says how to fix it, like the rest of the checker.
"""

from __future__ import annotations

from typing import Any

from generator.findings import FieldPath, Finding, field_name
from generator.load import Document
from generator.messages import _, ngettext

TRACKS = "tracks_considered"
RESULTS = "results"


def _at(document: Document, path: FieldPath, message: str) -> Finding:
    where = document.position(path)
    return Finding(document.file, where.line, where.column, message, field_name(path))


def _integer(value: Any) -> int | None:
    """A whole number as YAML read it (true and false are not numbers), or None."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def track_findings(document: Document) -> list[Finding]:
    """Exactly one track is chosen (reported at the list), and a chosen track that names an
    occupation names the path's own."""
    data = document.data
    tracks = data.get(TRACKS) if isinstance(data, dict) else None
    if not isinstance(tracks, list) or not all(isinstance(t, dict) for t in tracks):
        return []
    if not all(isinstance(t.get("chosen"), bool) for t in tracks):
        return []  # the schema reports a missing or misspelt chosen
    chosen = [index for index, track in enumerate(tracks) if track["chosen"]]
    if not chosen:
        message = _(
            "no track is chosen — write chosen: true for the track the path took and "
            "chosen: false for the others"
        )
        return [_at(document, (TRACKS,), message)]
    if len(chosen) > 1:
        message = ngettext(
            "{count} track is chosen — exactly one may have chosen: true",
            "{count} tracks are chosen — exactly one may have chosen: true; write chosen: "
            "false for the others",
            len(chosen),
        ).format(count=len(chosen))
        return [_at(document, (TRACKS,), message)]
    track = tracks[chosen[0]]
    occupation, goal = track.get("occupation"), data.get("occupation")
    if isinstance(occupation, str) and isinstance(goal, str) and occupation != goal:
        message = _(
            "the chosen track leads to '{track}' but the path's occupation is '{occupation}' — "
            "the chosen track is the one the path took: correct one of them"
        ).format(track=occupation, occupation=goal)
        return [_at(document, (TRACKS, chosen[0], "occupation"), message)]
    return []


def result_findings(document: Document, this_year: int) -> list[Finding]:
    """Each published result: not more in work or studies than took part, and a year that
    has come."""
    data = document.data
    results = data.get(RESULTS) if isinstance(data, dict) else None
    if not isinstance(results, list):
        return []
    findings: list[Finding] = []
    for index, result in enumerate(results):
        if not isinstance(result, dict):
            continue
        year = _integer(result.get("year"))
        if year is not None and year > this_year:
            message = _(
                "the year {year} is in the future — give the year the result is for"
            ).format(year=year)
            findings.append(_at(document, (RESULTS, index, "year"), message))
        participants = _integer(result.get("participants"))
        placed = _integer(result.get("in_work_or_studies"))
        if participants is not None and placed is not None and placed > participants:
            message = _(
                "{count} in work or studies is more than the {participants} participants — "
                "in_work_or_studies can be at most the number of participants"
            ).format(count=placed, participants=participants)
            findings.append(_at(document, (RESULTS, index, "in_work_or_studies"), message))
    return findings
