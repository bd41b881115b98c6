"""Checker rules of issue 12 at their exact file:line:col: tracks considered (exactly one
chosen, reported at the list's line), published results of an actor (whole numbers within
bounds, in work or studies at most the participants, an https source, a year that has come),
employer feedback (a scanned free text of at most 600 characters) and the actor ids that the
comparison's folders take."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import ARBETSFORMEDLINGEN, EXEMPEL_ELFORETAG, VALID_PATH, make_project

from generator.content import ContentLayout, load_content
from generator.findings import Finding

pytestmark = pytest.mark.usefixtures("english_messages")

PATH_FILE = "content/paths/giltig-vag.yaml"
ACTOR_FILE = "content/actors/exempel-elforetag.yaml"

# VALID_PATH with two tracks before documented_by (line 25): the list starts on line 26, the
# first track's chosen stands on line 28, the second track's occupation on line 31.
TRACKS = """\
tracks_considered:
  - title: Elektriker via yrkesvux
    occupation: elektriker
    chosen: {first}
    why: Det fanns många lediga jobb i länet.
  - title: Lastbilsförare
    occupation: lastbilsforare
    chosen: {second}
    why: Han ville hellre arbeta med händerna.
"""

# EXEMPEL_ELFORETAG with one published result before example (line 7): its fields stand on
# line 8 (year), 9 (participants), 10 (in_work_or_studies), 11 (after_days), 12 (source).
RESULT = """\
results:
  - year: {year}
    participants: {participants}
    in_work_or_studies: {placed}
    after_days: {days}
    source: {source}
"""


def errors(tmp_path: Path, path: str = VALID_PATH, actor: str = EXEMPEL_ELFORETAG) -> list[Finding]:
    root = make_project(
        tmp_path,
        {"giltig-vag.yaml": path},
        {"arbetsformedlingen.yaml": ARBETSFORMEDLINGEN, "exempel-elforetag.yaml": actor},
    )
    content, findings = load_content(ContentLayout(root), this_year=2025)
    found = [f for f in findings if f.severity == "error"]
    assert (content is None) == bool(found)
    return found


def with_tracks(first: str = "true", second: str = "false", text: str = TRACKS) -> str:
    tracks = text.format(first=first, second=second)
    return VALID_PATH.replace("documented_by:", tracks + "documented_by:", 1)


def with_result(
    year: str = "2024",
    participants: str = "40",
    placed: str = "31",
    days: str = "90",
    source: str = "https://exempel.se/resultat",
) -> str:
    result = RESULT.format(
        year=year, participants=participants, placed=placed, days=days, source=source
    )
    return EXEMPEL_ELFORETAG.replace("example:", result + "example:", 1)


def located(found: list[Finding]) -> list[tuple[str, int, int, str, str]]:
    return [(f.file, f.line, f.column, f.field, f.message) for f in found]


# Tracks considered


def test_two_tracks_with_one_chosen_are_valid(tmp_path: Path) -> None:
    assert errors(tmp_path, with_tracks()) == []


@pytest.mark.parametrize(
    ("first", "second", "line", "column", "field", "message"),
    [
        pytest.param(
            "false",
            "false",
            26,
            3,
            "tracks_considered",
            "no track is chosen — write chosen: true for the track the path took and "
            "chosen: false for the others",
            id="no-chosen-track-is-an-error-at-the-list",
        ),
        pytest.param(
            "true",
            "true",
            26,
            3,
            "tracks_considered",
            "2 tracks are chosen — exactly one may have chosen: true; write chosen: false for "
            "the others",
            id="two-chosen-tracks-are-an-error-at-the-list",
        ),
        pytest.param(
            "false",
            "true",
            31,
            17,
            "tracks_considered[1].occupation",
            "the chosen track leads to 'lastbilsforare' but the path's occupation is "
            "'elektriker' — the chosen track is the one the path took: correct one of them",
            id="the-chosen-track-leads-to-the-paths-occupation",
        ),
    ],
)
def test_which_track_is_chosen(
    tmp_path: Path, first: str, second: str, line: int, column: int, field: str, message: str
) -> None:
    assert located(errors(tmp_path, with_tracks(first, second))) == [
        (PATH_FILE, line, column, field, message)
    ]


def test_one_track_is_too_few(tmp_path: Path) -> None:
    one = TRACKS.split("  - title: Lastbilsförare")[0]
    assert located(errors(tmp_path, with_tracks(text=one))) == [
        (PATH_FILE, 26, 3, "tracks_considered", "needs at least 2 items")
    ]


def test_chosen_must_be_true_or_false(tmp_path: Path) -> None:
    found = errors(tmp_path, with_tracks("ja"))
    assert [(f.line, f.column, f.field) for f in found] == [(28, 13, "tracks_considered[0].chosen")]
    assert found[0].message.startswith("must be true or false")


def test_an_unknown_track_occupation_is_named(tmp_path: Path) -> None:
    text = with_tracks().replace("occupation: lastbilsforare", "occupation: lastbilsforar")
    assert located(errors(tmp_path, text)) == [
        (
            PATH_FILE,
            31,
            17,
            "tracks_considered[1].occupation",
            "unknown occupations id 'lastbilsforar' — did you mean 'lastbilsforare'?",
        )
    ]


# Employer feedback


FEEDBACK_AFTER = "    text: De gick igenom lediga jobb i länet.\n"


def with_feedback(text: str) -> str:
    assert VALID_PATH.count(FEEDBACK_AFTER) == 1
    return VALID_PATH.replace(FEEDBACK_AFTER, f"{FEEDBACK_AFTER}    employer_feedback: {text}\n")


def test_employer_feedback_is_allowed_on_any_step(tmp_path: Path) -> None:
    assert errors(tmp_path, with_feedback("De sa att truckvanan var en fördel.")) == []


def test_employer_feedback_is_at_most_600_characters(tmp_path: Path) -> None:
    assert located(errors(tmp_path, with_feedback("Mycket bra. " * 51))) == [
        (
            PATH_FILE,
            20,
            24,
            "steps[0].employer_feedback",
            "is too long (611 characters, at most 600) — shorten the text",
        )
    ]


def test_employer_feedback_is_scanned_for_personal_data(tmp_path: Path) -> None:
    (finding,) = errors(tmp_path, with_feedback("Ring chefen på 070-123 45 67 om jobbet."))
    assert (finding.file, finding.line, finding.column, finding.field) == (
        PATH_FILE,
        20,
        39,
        "steps[0].employer_feedback",
    )
    assert finding.message.startswith("phone number ('07*-*** ** 67')")


# Published results


def test_a_published_result_is_valid(tmp_path: Path) -> None:
    assert errors(tmp_path, actor=with_result()) == []


def test_more_in_work_than_participants_is_an_error(tmp_path: Path) -> None:
    assert located(errors(tmp_path, actor=with_result(participants="30", placed="31"))) == [
        (
            ACTOR_FILE,
            10,
            25,
            "results[0].in_work_or_studies",
            "31 in work or studies is more than the 30 participants — in_work_or_studies can "
            "be at most the number of participants",
        )
    ]


def test_a_result_year_in_the_future_is_an_error(tmp_path: Path) -> None:
    assert located(errors(tmp_path, actor=with_result(year="2026"))) == [
        (
            ACTOR_FILE,
            8,
            11,
            "results[0].year",
            "the year 2026 is in the future — give the year the result is for",
        )
    ]


@pytest.mark.parametrize(
    ("change", "line", "column", "field", "message"),
    [
        ({"participants": "0", "placed": "0"}, 9, 19, "participants", "must be at least 1"),
        ({"placed": "-1"}, 10, 25, "in_work_or_studies", "must be at least 0"),
        ({"days": "4000"}, 11, 17, "after_days", "must be at most 3650"),
        ({"year": "1999"}, 8, 11, "year", "must be at least 2000"),
        ({"participants": "40.5"}, 9, 19, "participants", "must be a whole number"),
        ({"placed": '"31"'}, 10, 25, "in_work_or_studies", "must be a whole number"),
        ({"days": "0x5A"}, 11, 17, "after_days", "write the number in plain digits"),
        (
            {"source": "http://exempel.se/resultat"},
            12,
            13,
            "source",
            "must be a full https:// address, for example https://example.se/",
        ),
        (
            {"source": "resultat.pdf"},
            12,
            13,
            "source",
            "must be a full https:// address, for example https://example.se/",
        ),
    ],
)
def test_result_fields_are_whole_numbers_within_bounds_and_an_https_source(
    tmp_path: Path, change: dict[str, str], line: int, column: int, field: str, message: str
) -> None:
    found = errors(tmp_path, actor=with_result(**change))
    assert [(f.file, f.line, f.column, f.field) for f in found] == [
        (ACTOR_FILE, line, column, f"results[0].{field}")
    ]
    assert found[0].message.startswith(message), found[0].message


def test_a_result_needs_its_source(tmp_path: Path) -> None:
    actor = with_result().replace("    source: https://exempel.se/resultat\n", "")
    found = errors(tmp_path, actor=actor)
    assert [(f.line, f.column, f.field) for f in found] == [(8, 5, "results[0].source")]
    assert found[0].message.startswith("the required field 'source' is missing")


def test_a_result_note_is_scanned_for_personal_data(tmp_path: Path) -> None:
    actor = with_result().replace(
        "    source:", "    note: Frågor om siffrorna besvaras på 070-123 45 67.\n    source:"
    )
    (finding,) = errors(tmp_path, actor=actor)
    assert (finding.line, finding.column, finding.field) == (12, 43, "results[0].note")
    assert finding.message.startswith("phone number")


# Actor ids that the comparison's folders take


@pytest.mark.parametrize("folder", ["lan", "malgrupp", "typ"])
def test_an_actor_id_that_takes_a_comparison_folder_is_refused(tmp_path: Path, folder: str) -> None:
    actor = EXEMPEL_ELFORETAG.replace("id: exempel-elforetag", f"id: {folder}")
    root = make_project(
        tmp_path,
        {},
        {"arbetsformedlingen.yaml": ARBETSFORMEDLINGEN, f"{folder}.yaml": actor},
    )
    _content, findings = load_content(ContentLayout(root), this_year=2025)
    reserved = [f for f in findings if "is reserved" in f.message]
    assert [(f.file, f.line, f.column, f.field) for f in reserved] == [
        (f"content/actors/{folder}.yaml", 1, 5, "id")
    ]


def test_a_path_may_be_called_like_a_comparison_folder(tmp_path: Path) -> None:
    """Paths live under vagar/, where nothing else has a folder: ``lan`` is free there."""
    path = VALID_PATH.replace("id: giltig-vag", "id: lan")
    root = make_project(
        tmp_path,
        {"lan.yaml": path},
        {
            "arbetsformedlingen.yaml": ARBETSFORMEDLINGEN,
            "exempel-elforetag.yaml": EXEMPEL_ELFORETAG,
        },
    )
    _content, findings = load_content(ContentLayout(root), this_year=2025)
    assert not [f for f in findings if "is reserved" in f.message]
