"""`vagar check --format github`: every finding becomes a workflow command that GitHub shows as
an annotation on the changed file and line, so a counsellor sees it beside the line to fix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import VALID_PATH, make_project

from generator.cli import main
from generator.findings import Finding

# The tests here pin the English messages (``--lang en``).
pytestmark = pytest.mark.usefixtures("english_messages")


ANNOTATION = re.compile(
    r"^::(?P<severity>error|warning) file=(?P<file>[^,]+),line=(?P<line>\d+),"
    r"col=(?P<col>\d+),title=(?P<title>[^:]*)::(?P<message>.*)$"
)


def _unescape(text: str) -> str:
    """GitHub's reading of an escaped property or message."""
    for escaped, plain in (("%3A", ":"), ("%2C", ","), ("%0D", "\r"), ("%0A", "\n")):
        text = text.replace(escaped, plain)
    return text.replace("%25", "%")


def _annotations(out: str) -> list[dict[str, str]]:
    lines = out.splitlines()
    matches = [ANNOTATION.match(line) for line in lines]
    assert all(matches), lines
    return [m.groupdict() for m in matches if m]


def _run(tmp_path: Path, capsys: pytest.CaptureFixture[str], *formats: str, text: str) -> list[str]:
    root = make_project(tmp_path, {"giltig-vag.yaml": text})
    outputs = []
    for output_format in formats:
        assert main(["check", "--root", str(root), "--format", output_format]) == 1
        outputs.append(capsys.readouterr().out)
    return outputs


def _only_annotation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str
) -> dict[str, str]:
    """The one annotation of `vagar check --format github` for a project with this path."""
    (out,) = _run(tmp_path, capsys, "github", text=text)
    (annotation,) = _annotations(out)
    return annotation


def test_an_annotation_names_file_line_column_field_and_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = VALID_PATH.replace("weeks: 36", "weeks: trettiosex")

    annotation = _only_annotation(tmp_path, capsys, broken)

    assert annotation == {
        "severity": "error",
        "file": "content/paths/giltig-vag.yaml",
        "line": "23",
        "col": "12",
        "title": "steps[1].weeks",
        "message": "must be a whole number",
    }
    line = broken.splitlines()[int(annotation["line"]) - 1]
    assert line[int(annotation["col"]) - 1 :] == "trettiosex"


def test_every_text_finding_has_one_annotation_at_the_same_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = (
        VALID_PATH.replace("occupation: elektriker", "occupation: elektrikre")
        .replace('county: "21"', "county: 21")
        .replace("[arbetsformedlingen]", "[arbetsformedlingn]")
        .replace("consent: true", "consent: false")
    )
    text_out, github_out = _run(tmp_path, capsys, "text", "github", text=broken)

    annotations = _annotations(github_out)
    assert len(annotations) == len(text_out.splitlines()) == 4
    for annotation, text_line in zip(annotations, text_out.splitlines(), strict=True):
        where = f"{annotation['file']}:{annotation['line']}:{annotation['col']}: "
        assert text_line == f"{where}{annotation['title']}: {_unescape(annotation['message'])}"
    assert [a["title"] for a in annotations] == [
        "occupation",
        "county",
        "steps[0].actors[0]",
        "consent",
    ]
    assert "did you mean 'elektriker'?" in annotations[0]["message"]


def test_a_yaml_syntax_error_is_annotated_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = VALID_PATH.replace("title: Samtal med vägledare", "title: Samtal: med vägledare")

    annotation = _only_annotation(tmp_path, capsys, broken)

    assert (annotation["file"], annotation["line"], annotation["title"]) == (
        "content/paths/giltig-vag.yaml",
        "16",
        "content",
    )
    assert "put the value in quotes" in annotation["message"]


def test_a_warning_becomes_a_warning_annotation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {"giltig-vag.yaml": VALID_PATH})

    assert main(["check", "--root", str(root), "--format", "github"]) == 0

    annotations = _annotations(capsys.readouterr().out)
    assert [(a["severity"], a["line"], a["title"]) for a in annotations] == [
        ("warning", "9", "municipality")
    ]


def test_properties_and_message_are_escaped_so_github_reads_them_back() -> None:
    finding = Finding(
        "content/paths/a,b:c.yaml", 3, 5, "100% wrong\r\nsecond line: x, y", "steps[0].text"
    )

    command = finding.format_github()

    assert "\n" not in command and "\r" not in command
    match = ANNOTATION.match(command)
    assert match is not None
    assert _unescape(match["file"]) == "content/paths/a,b:c.yaml"
    assert (match["line"], match["col"]) == ("3", "5")
    assert _unescape(match["title"]) == "steps[0].text"
    assert _unescape(match["message"]) == "100% wrong\r\nsecond line: x, y"
