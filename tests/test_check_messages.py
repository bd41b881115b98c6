"""`vagar check` speaks Swedish by default: a counsellor reads its findings and its summary.

The English messages are pinned by the other checker tests (they run with ``--lang en``);
these pin what a counsellor sees without any option.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import VALID_PATH, make_project, with_path_id

from generator import messages
from generator.cli import main

PATH_FILE = "content/paths/giltig-vag.yaml"
MISSING_FILE = "content/paths/utan-yrke.yaml"


@pytest.fixture(autouse=True)
def _default_language(monkeypatch: pytest.MonkeyPatch) -> None:
    """No VAGAR_LANG: the language is the default one."""
    monkeypatch.delenv("VAGAR_LANG", raising=False)


def _broken_project(tmp_path: Path) -> Path:
    broken = (
        VALID_PATH.replace("occupation: elektriker", "occupation: elektrikr")
        .replace('county: "21"', "county: 21")
        .replace("year: 2024", "year: 2999")
        .replace("De gick igenom lediga jobb i länet.", "Ring 070-123 45 67 för mer.")
    )
    missing = with_path_id(VALID_PATH, "utan-yrke").replace("occupation: elektriker\n", "")
    return make_project(tmp_path, {"giltig-vag.yaml": broken, "utan-yrke.yaml": missing})


def test_findings_and_summary_are_swedish_by_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _broken_project(tmp_path)

    assert main(["check", "--root", str(root)]) == 1

    out, err = capsys.readouterr()
    assert out.splitlines() == [
        f"{PATH_FILE}:4:13: occupation: 'elektrikr' finns inte i "
        "content/vocabulary/occupations.yaml — menade du 'elektriker'?",
        f'{PATH_FILE}:8:9: county: ska vara text — sätt värdet inom citattecken, till exempel "21"',
        f"{PATH_FILE}:10:7: year: året 2999 har inte kommit än — skriv året då vägen slutade",
        f"{PATH_FILE}:19:16: steps[0].text: telefonnummer ('07*-*** ** 67') — ta bort "
        "telefonnumret; kontaktuppgifter publiceras aldrig",
        f"{MISSING_FILE}:1:1: occupation: fältet 'occupation' saknas men måste finnas — Yrket "
        "som vägen ledde till, ett id från content/vocabulary/occupations.yaml.",
    ]
    assert err == "5 fel, 0 varningar\n"
    assert messages.language() == "sv"


def test_the_same_findings_in_english_with_lang_en(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _broken_project(tmp_path)

    assert main(["check", "--lang", "en", "--root", str(root)]) == 1

    out, err = capsys.readouterr()
    assert out.splitlines()[2] == (
        f"{PATH_FILE}:10:7: year: the year 2999 is in the future — give the year the path ended"
    )
    assert err == "5 errors, 0 warnings\n"
    assert messages.language() == "sv"  # only for that command


def test_a_valid_project_a_warning_and_the_summary_in_swedish(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {"giltig-vag.yaml": VALID_PATH})

    assert main(["check", "--root", str(root)]) == 0

    out, err = capsys.readouterr()
    assert out.splitlines() == [
        f"{PATH_FILE}:9:15: municipality: varning: kommunen visas inte, bara länet: ingen annan "
        "väg har samma kommun, yrke, åldersgrupp och år"
    ]
    assert err == "1 väg och 2 aktörer kontrollerade: inga fel, 1 varning\n"


def test_annotations_carry_the_swedish_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {"giltig-vag.yaml": VALID_PATH.replace("weeks: 2", "weeks: [2]")})

    assert main(["check", "--format", "github", "--root", str(root)]) == 1

    assert capsys.readouterr().out.splitlines() == [
        f"::error file={PATH_FILE},line=18,col=12,title=steps[0].weeks::ska vara ett helt tal"
    ]


def test_usage_errors_are_swedish(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--root", str(tmp_path)]) == 2

    assert capsys.readouterr().err == (
        f"vagar: det finns ingen mapp content/ i {tmp_path} — kör kommandot i projektmappen\n"
    )
