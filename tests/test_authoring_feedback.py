"""`vagar new` learns the fields of issue 12 through the field table: a step's employer
feedback (named at the end of a step line, or asked after each step) and the tracks
considered (one line per track, or asked track by track), written with their comments and
checked like the rest of the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import make_project
from test_scaffold import ANSWERS, FLAGS, Script, written

from generator.cli import main

FEEDBACK = "De sa att vanan vid maskiner var en fördel men att behörigheten saknades."
STEP = "utbildning | Elinstallation | arbetsformedlingen, exempel-elforetag | 36 | Hen läste el."
TRACKS = [
    "--track",
    "Elektriker via yrkesvux | elektriker | ja | Det fanns många lediga jobb i länet.",
    "--track",
    "Lastbilsförare | Lastbilsförare | nej | Hen ville hellre arbeta med händerna.",
]


def flags(*extra: str, step: str = STEP) -> list[str]:
    given = list(FLAGS)
    given[given.index(STEP)] = step
    return [*given, *extra]


def test_feedback_is_named_at_the_end_of_a_step(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {})
    step = f"{STEP} | arbetsgivarnas återkoppling: {FEEDBACK}"

    assert main(["new", "--root", str(root), *flags(step=step)]) == 0, capsys.readouterr()

    text, data = written(root)
    assert data["steps"][1]["text"] == "Hen läste el."
    assert data["steps"][1]["employer_feedback"] == FEEDBACK
    assert "employer_feedback" not in data["steps"][0]
    assert "# employer_feedback (valfritt): vad arbetsgivarna sa" in text


@pytest.mark.parametrize(
    "name", ["Arbetsgivarnas återkoppling", "employer_feedback", "employer feedback"]
)
def test_the_feedback_may_be_named_in_swedish_english_or_by_its_key(
    tmp_path: Path, name: str
) -> None:
    root = make_project(tmp_path, {})
    assert main(["new", "--root", str(root), *flags(step=f"{STEP} |{name}:  {FEEDBACK}")]) == 0
    assert written(root)[1]["steps"][1]["employer_feedback"] == FEEDBACK


def test_a_pipe_without_a_name_stays_in_the_text(tmp_path: Path) -> None:
    root = make_project(tmp_path, {})
    step = f"{STEP[:-1]} | och praktiserade | arbetsgivarnas återkoppling: De sa | att det räckte."

    assert main(["new", "--root", str(root), *flags(step=step)]) == 0

    second = written(root)[1]["steps"][1]
    assert second["text"] == "Hen läste el | och praktiserade"
    assert second["employer_feedback"] == "De sa | att det räckte."


def test_too_short_feedback_names_the_step_and_the_part(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {})
    step = f"{STEP} | arbetsgivarnas återkoppling: Bra."

    assert main(["new", "--root", str(root), *flags(step=step)]) == 1

    err = capsys.readouterr().err
    assert "--step: steg 2: arbetsgivarnas återkoppling: är för kort — skriv minst 10 tecken" in err


def test_tracks_are_flags_one_line_each(tmp_path: Path) -> None:
    root = make_project(tmp_path, {})

    assert main(["new", "--root", str(root), *flags(*TRACKS)]) == 0

    text, data = written(root)
    assert data["tracks_considered"] == [
        {
            "title": "Elektriker via yrkesvux",
            "occupation": "elektriker",
            "chosen": True,
            "why": "Det fanns många lediga jobb i länet.",
        },
        {
            "title": "Lastbilsförare",
            "occupation": "lastbilsforare",
            "chosen": False,
            "why": "Hen ville hellre arbeta med händerna.",
        },
    ]
    assert "    occupation: lastbilsforare  # Lastbilsförare\n    chosen: false\n" in text
    assert "# Valfritt: de två eller tre spår som övervägdes, exakt ett med chosen: true." in text


def test_a_track_without_an_occupation_leaves_the_part_empty(tmp_path: Path) -> None:
    root = make_project(tmp_path, {})
    tracks = [*TRACKS[:3], "Eget kafé |  | nej | Hen ville inte ta den ekonomiska risken."]

    assert main(["new", "--root", str(root), *flags(*tracks)]) == 0

    assert "occupation" not in written(root)[1]["tracks_considered"][1]


def test_a_track_needs_yes_or_no(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path, {})
    tracks = [*TRACKS[:3], TRACKS[3].replace("| nej |", "| kanske |")]

    assert main(["new", "--root", str(root), *flags(*tracks)]) == 1

    assert "--track: spår 2: valt: skriv ja eller nej, inte 'kanske'" in capsys.readouterr().err


def test_tracks_without_a_chosen_one_are_refused_by_the_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {})
    tracks = [TRACKS[0], TRACKS[1].replace("| ja |", "| nej |"), *TRACKS[2:]]

    assert main(["new", "--root", str(root), *flags(*tracks)]) == 1

    err = capsys.readouterr().err
    assert "tracks_considered: inget spår är valt — skriv chosen: true för spåret" in err
    assert list((root / "content" / "paths").iterdir()) == []


def test_one_track_is_too_few(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path, {})

    assert main(["new", "--root", str(root), *flags(*TRACKS[:2])]) == 1

    assert "--track: skriv minst två spår, ett per rad: spår | yrke | valt | varför" in (
        capsys.readouterr().err
    )


def test_the_interview_asks_for_feedback_after_each_step_and_for_tracks(tmp_path: Path) -> None:
    root = make_project(tmp_path, {})
    answers = list(ANSWERS)
    first_step_text = answers.index("De gick igenom lediga jobb i länet.")
    answers[first_step_text + 1] = FEEDBACK  # what employers said in step 1
    answers[-1:] = [
        "Elektriker via yrkesvux",  # track 1
        "elektriker",
        "kanske",  # asked again
        "ja",
        "Det fanns många lediga jobb i länet.",
        "Eget kafé",  # track 2, no occupation
        "",
        "nej",
        "Hen ville inte ta den ekonomiska risken.",
        "",  # no third track
    ]
    script = Script(answers)

    assert main(["new", "--root", str(root)], input_fn=script) == 0

    data = written(root)[1]
    assert data["steps"][0]["employer_feedback"] == FEEDBACK
    assert [(t["title"], t.get("occupation"), t["chosen"]) for t in data["tracks_considered"]] == [
        ("Elektriker via yrkesvux", "elektriker", True),
        ("Eget kafé", None, False),
    ]
    assert script.prompts[-10:] == [
        "Spår 1, med några ord (valfritt, Enter hoppar över): ",
        "Spår 1, yrke (valfritt, Enter hoppar över): ",
        "Spår 1, var det spåret som valdes? (ja/nej): ",
        "Spår 1, var det spåret som valdes? (ja/nej): ",
        "Spår 1, varför det valdes eller inte: ",
        "Spår 2, med några ord: ",
        "Spår 2, yrke (valfritt, Enter hoppar över): ",
        "Spår 2, var det spåret som valdes? (ja/nej): ",
        "Spår 2, varför det valdes eller inte: ",
        "Spår 3, med några ord (Enter när du är klar): ",
    ]
