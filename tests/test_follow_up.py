"""An optional free-text field added through the field table (issue 9): ``follow_up``, how
things stood at the follow-up some months later. Its diff touched four files — the schema,
the model, the field table and the path template — and with that alone `vagar new` has a
flag and a question for it, writes it with its Swedish comment, the checker scans it for
personal data, and the path page shows it under its heading from the table, escaped."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import VALID_PATH, make_project
from test_render import build
from test_scaffold import ANSWERS, FLAGS, Script, written

from generator.cli import main
from generator.fields import field_table

FOLLOW_UP = "Efter ett halvår hade hen fast anställning och gick en kurs i mätteknik."
WITH_FOLLOW_UP = VALID_PATH.replace(
    "documented_by:", f"follow_up: {FOLLOW_UP} <b>fet</b>\ndocumented_by:"
)


def test_the_table_knows_the_field_from_the_schema() -> None:
    field = field_table("path").get("follow_up")
    assert (field.kind, field.required, field.free_text) == ("text", False, True)
    assert (field.flag, field.heading) == ("--follow-up", "Vid uppföljningen")
    assert field.max_length == 500


def test_vagar_new_takes_it_as_a_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path, {})

    assert main(["new", "--root", str(root), *FLAGS, "--follow-up", FOLLOW_UP]) == 0, (
        capsys.readouterr()
    )

    text, data = written(root)
    assert data["follow_up"] == FOLLOW_UP
    assert "# Hur det var vid uppföljningen några månader senare (valfritt).\n" in text
    keys = list(data)
    assert keys.index("outcome") < keys.index("follow_up") < keys.index("documented_by")
    assert main(["check", "--root", str(root)]) == 0


def test_vagar_new_asks_for_it_in_swedish(tmp_path: Path) -> None:
    root = make_project(tmp_path, {})
    helped = ANSWERS.index("", ANSWERS.index("Anställd som elektriker hos ett elföretag."))
    answers = [*ANSWERS[: helped + 1], FOLLOW_UP, *ANSWERS[helped + 2 :]]
    script = Script(answers)

    assert main(["new", "--root", str(root)], input_fn=script) == 0

    assert "Hur det var vid uppföljningen (valfritt, Enter hoppar över): " in script.prompts
    assert written(root)[1]["follow_up"] == FOLLOW_UP


def test_personal_data_in_it_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = VALID_PATH.replace(
        "documented_by:", "follow_up: Ring henne på 070-123 45 67 om du undrar.\ndocumented_by:"
    )
    root = make_project(tmp_path, {"giltig-vag.yaml": text})

    assert main(["check", "--root", str(root)]) == 1

    out = capsys.readouterr().out
    assert "giltig-vag.yaml:25" in out and "follow_up" in out


def test_the_path_page_shows_it_under_its_heading(tmp_path: Path) -> None:
    _, _, pages = build(make_project(tmp_path, {"giltig-vag.yaml": WITH_FOLLOW_UP}))
    html = pages["vagar/giltig-vag/"].html

    heading = '<h2 id="follow-up">Vid uppföljningen</h2>'
    assert heading in html
    section = html[html.index(heading) :]
    assert f"{FOLLOW_UP} &lt;b&gt;fet&lt;/b&gt;" in section[: section.index("</section>")]
    assert "<b>fet</b>" not in html
    assert html.index('id="outcome"') < html.index(heading)
