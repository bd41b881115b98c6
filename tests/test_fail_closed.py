"""Failing closed: nothing in the content folders is skipped in silence, ids cannot take a list
page's address, numbers and text are what they seem, every shown text is scanned, and values
in messages cannot forge log lines. Each case failed (passed the checker) before its fix."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from helpers import (
    ARBETSFORMEDLINGEN,
    DEFAULT_ACTORS,
    EXEMPEL_ELFORETAG,
    REPO_ROOT,
    VALID_PATH,
    build_site,
    make_project,
    with_path_id,
)

from generator.cli import main
from generator.content import ContentLayout, load_content
from generator.findings import Finding
from generator.validate import text_hash

# The tests here pin the English messages (``--lang en``).
pytestmark = pytest.mark.usefixtures("english_messages")


PATH_FILE = "content/paths/giltig-vag.yaml"


def errors(root: Path) -> list[Finding]:
    content, findings = load_content(ContentLayout(root), this_year=2025)
    found = [f for f in findings if f.severity == "error"]
    assert (content is None) == bool(found)
    return found


def one_error(root: Path) -> Finding:
    found = errors(root)
    assert len(found) == 1, [f.format() for f in found]
    return found[0]


def edit(old: str, new: str) -> str:
    assert VALID_PATH.count(old) == 1, old
    return VALID_PATH.replace(old, new)


def edit_actor(old: str, new: str) -> dict[str, str]:
    """The default actors, with ``old`` replaced by ``new`` in ``arbetsformedlingen.yaml``."""
    assert ARBETSFORMEDLINGEN.count(old) == 1, old
    return {**DEFAULT_ACTORS, "arbetsformedlingen.yaml": ARBETSFORMEDLINGEN.replace(old, new)}


# Nothing skipped ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("x.YAML", "rename the file to x.yaml"),
        ("x", "is not a content file"),
        ("x.yaml.txt", "is not a content file"),
        (".yaml", "is not a content file"),
        ("Elektriker.yaml", "is not a content file"),
    ],
)
def test_a_file_with_another_name_is_an_error(tmp_path: Path, name: str, expected: str) -> None:
    root = make_project(tmp_path, {"giltig-vag.yaml": VALID_PATH, name: VALID_PATH})
    finding = one_error(root)
    assert (finding.file, finding.line, finding.column) == (f"content/paths/{name}", 1, 1)
    assert expected in finding.message


def test_a_sub_folder_is_an_error(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"giltig-vag.yaml": VALID_PATH})
    (root / "content/paths/sub").mkdir()
    (root / "content/paths/sub/x.yaml").write_text(VALID_PATH, encoding="utf-8")
    (root / "content/paths/mapp.yaml").mkdir()
    found = errors(root)
    assert [(f.file, "is a folder" in f.message) for f in found] == [
        ("content/paths/mapp.yaml", True),
        ("content/paths/sub", True),
    ]


@pytest.mark.parametrize("kind", ["dangling", "loop", "dev-zero", "outside", "inside"])
def test_a_symbolic_link_is_refused_never_followed(tmp_path: Path, kind: str) -> None:
    root = make_project(tmp_path / "project", {"giltig-vag.yaml": VALID_PATH})
    link = root / "content/paths/lank.yaml"
    outside = tmp_path / "utanfor.yaml"
    outside.write_text(with_path_id(VALID_PATH, "lank"), encoding="utf-8")
    target = {
        "dangling": root / "finns-inte.yaml",
        "loop": link,
        "dev-zero": Path("/dev/zero"),
        "outside": outside,
        "inside": root / "content/paths/giltig-vag.yaml",
    }[kind]
    link.symlink_to(target)
    finding = one_error(root)
    assert finding.file == "content/paths/lank.yaml"
    assert "symbolic link" in finding.message


def test_a_pipe_is_refused_without_waiting_on_it(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"giltig-vag.yaml": VALID_PATH})
    os.mkfifo(root / "content/paths/ror.yaml")
    finding = one_error(root)
    assert finding.file == "content/paths/ror.yaml"
    assert "not a regular file" in finding.message


def test_paths_as_a_file_missing_or_empty_is_an_error(tmp_path: Path) -> None:
    root = make_project(tmp_path / "a", {})
    assert "there are no paths" in one_error(root).message
    (root / "content/paths").rmdir()
    assert "the folder is missing" in one_error(root).message
    (root / "content/paths").write_text("", encoding="utf-8")
    finding = one_error(root)
    assert (finding.file, finding.message.startswith("the folder is not a folder")) == (
        "content/paths",
        True,
    )


def test_the_cli_exits_non_zero_for_an_empty_paths_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {})
    assert main(["check", "--root", str(root), "--lang", "en"]) == 1
    assert "content/paths:1:1: there are no paths" in capsys.readouterr().out


def test_a_file_over_256_kb_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    big = VALID_PATH + "#" + "x" * (256 * 1024) + "\n"
    root = make_project(tmp_path, {"giltig-vag.yaml": big})
    finding = one_error(root)
    assert "larger than 256 KB" in finding.message


# Reserved ids --------------------------------------------------------------------------------


@pytest.mark.parametrize("reserved", ["index", "sida-2"])
def test_an_id_that_takes_a_list_page_address_is_an_error(tmp_path: Path, reserved: str) -> None:
    actor = ARBETSFORMEDLINGEN.replace("id: arbetsformedlingen", f"id: {reserved}")
    path = with_path_id(VALID_PATH, reserved).replace(
        "documented_by: arbetsformedlingen", f"documented_by: {reserved}"
    )
    root = make_project(
        tmp_path,
        {
            f"{reserved}.yaml": path.replace("[arbetsformedlingen]", f"[{reserved}]").replace(
                "[arbetsformedlingen, exempel-elforetag]", f"[{reserved}, exempel-elforetag]"
            )
        },
        {f"{reserved}.yaml": actor, "exempel-elforetag.yaml": EXEMPEL_ELFORETAG},
    )
    found = errors(root)
    assert {(f.file, f.line, f.field) for f in found} == {
        (f"content/actors/{reserved}.yaml", 1, "id"),
        (f"content/paths/{reserved}.yaml", 1, "id"),
    }
    assert all("is reserved" in f.message for f in found)


# Strict scalars ------------------------------------------------------------------------------

TITLE = "title: Från lagret till elcentralen"


@pytest.mark.parametrize(
    ("old", "new", "line", "expected"),
    [
        ("weeks: 2\n", "weeks: 4.0\n", 18, "whole number"),
        ("weeks: 2\n", "weeks: 1.0e+1\n", 18, "whole number"),
        ("weeks: 2\n", "weeks: !!float 4\n", 18, "YAML tag"),
        ("weeks: 2\n", "weeks: 040\n", 18, "plain digits"),
        ("weeks: 2\n", "weeks: 0x10\n", 18, "plain digits"),
        ("weeks: 2\n", "weeks: 2_0\n", 18, "plain digits"),
        ("year: 2024", "year: 2099.0", 10, "whole number"),
        ("consent: true", "consent: yes", 26, "write true or false"),
        (TITLE, 'title: "Från \\0lagret till elcentralen"', 2, "U+0000"),
        (TITLE, 'title: "Från \\elagret till elcentralen"', 2, "U+001B"),
        (TITLE, "title: Från \u202elagret till elcentralen", 2, "U+202E"),
        (TITLE, 'title: "Från \\x85lagret till elcentralen"', 2, "U+0085"),
    ],
)
def test_values_that_are_not_what_they_seem_are_errors(
    tmp_path: Path, old: str, new: str, line: int, expected: str
) -> None:
    root = make_project(tmp_path, {"giltig-vag.yaml": edit(old, new)})
    found = errors(root)
    assert any(f.line == line and expected in f.message for f in found), [f.format() for f in found]


def test_a_website_with_a_trailing_line_break_is_refused(tmp_path: Path) -> None:
    actors = edit_actor(
        "website: https://arbetsformedlingen.se/", 'website: "https://example.se/\\n"'
    )
    finding = one_error(make_project(tmp_path, {"giltig-vag.yaml": VALID_PATH}, actors))
    assert (finding.file, finding.field) == ("content/actors/arbetsformedlingen.yaml", "website")


# Every shown text is scanned --------------------------------------------------------------------


def test_personal_data_in_an_actor_name_is_found(tmp_path: Path) -> None:
    actors = edit_actor("name: Arbetsförmedlingen", "name: Arbetsförmedlingen 811218-9876")
    finding = one_error(make_project(tmp_path, {"giltig-vag.yaml": VALID_PATH}, actors))
    assert (finding.file, finding.line, finding.field) == (
        "content/actors/arbetsformedlingen.yaml",
        2,
        "name",
    )
    assert "identity number" in finding.message and "811218" not in finding.message


# False alarms and reviewed alarms ----------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Kursen betalades av projektet ESF-2023-0147 i länet.",
        "Hon var i åldern 25\u201334 år när hon började på kursen.",
    ],
)
def test_clean_sentences_raise_no_alarm(tmp_path: Path, sentence: str) -> None:
    text = edit("text: De gick igenom lediga jobb i länet.", f"text: {sentence}")
    assert errors(make_project(tmp_path, {"giltig-vag.yaml": text})) == []


ALARM = "Hon ringde 070-123 45 67 varje vecka."


def _with_alarm(tmp_path: Path) -> Path:
    text = edit("text: De gick igenom lediga jobb i länet.", f"text: {ALARM}")
    return make_project(tmp_path, {"giltig-vag.yaml": text})


def test_a_reviewed_false_alarm_lets_the_file_through_while_its_text_stays(
    tmp_path: Path,
) -> None:
    root = _with_alarm(tmp_path)
    finding = one_error(root)
    assert (finding.line, finding.field) == (19, "steps[0].text")
    reviewed = root / "content/reviewed-false-alarms.yaml"
    reviewed.write_text(
        f"- file: {PATH_FILE}\n  field: steps[0].text\n  text_sha256: {text_hash(ALARM)}\n"
        "  reason: Numret är växelnumret till en arbetsgivare, inte till en person.\n",
        encoding="utf-8",
    )
    content, findings = load_content(ContentLayout(root), this_year=2025)
    assert content is not None
    assert [f for f in findings if f.field.startswith("steps") or "reviewed" in f.file] == []
    path_file = root / PATH_FILE
    path_file.write_text(
        path_file.read_text(encoding="utf-8").replace("varje vecka", "varje dag"),
        encoding="utf-8",
    )
    content, findings = load_content(ContentLayout(root), this_year=2025)
    assert content is None
    assert [(f.file, f.field, f.severity) for f in findings] == [
        (PATH_FILE, "steps[0].text", "error"),
        ("content/reviewed-false-alarms.yaml", "[0]", "warning"),
    ]


def test_a_reviewed_alarm_entry_holds_a_hash_never_text(tmp_path: Path) -> None:
    root = _with_alarm(tmp_path)
    (root / "content/reviewed-false-alarms.yaml").write_text(
        f"- file: {PATH_FILE}\n  field: steps[0].text\n  text_sha256: {ALARM}\n"
        "  reason: Numret är växelnumret till en arbetsgivare.\n",
        encoding="utf-8",
    )
    found = errors(root)
    assert any(
        f.file == "content/reviewed-false-alarms.yaml" and f.field == "[0].text_sha256"
        for f in found
    ), [f.format() for f in found]


# Messages cannot forge log lines -----------------------------------------------------------------


def test_values_in_text_messages_are_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = edit("occupation: elektriker", 'occupation: "x\\n::error file=a.yaml::pwned"')
    root = make_project(tmp_path, {"giltig-vag.yaml": text})
    assert main(["check", "--root", str(root), "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert "\\n::error" in out
    assert not any(line.startswith("::") for line in out.splitlines())


# No traceback from a damaged theme ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (lambda text: text.replace("menu: Meny", "menu: [Meny"), "theme/locales/sv.yml:"),
        (lambda text: "- " + text.replace("\n", "\n  "), "must be names with texts"),
        (lambda text: text.replace("menu: Meny", "menu: 5"), "the string menu is missing"),
        (lambda text: text.replace("not_found:", "borta:"), "not_found.title is missing"),
    ],
    ids=["syntax", "a list", "a number", "a missing key"],
)
def test_a_damaged_strings_file_stops_the_build_with_a_located_message(
    tmp_path: Path, damage: Any, expected: str
) -> None:
    project = tmp_path / "project"
    for name in ("content", "theme"):
        shutil.copytree(REPO_ROOT / name, project / name)
    shutil.copy(REPO_ROOT / "mkdocs.yml", project / "mkdocs.yml")
    strings = project / "theme/locales/sv.yml"
    strings.write_text(damage(strings.read_text(encoding="utf-8")), encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    assert result.returncode == 1
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


def test_vagar_reviewed_prints_the_entry_that_lets_the_text_through(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _with_alarm(tmp_path)
    reason = "Numret är växelnumret till en arbetsgivare, inte till en person."
    assert (
        main(["reviewed", PATH_FILE, "steps[0].text", "--reason", reason, "--root", str(root)]) == 0
    )
    entry = capsys.readouterr().out
    assert ALARM not in entry and "070" not in entry
    (root / "content/reviewed-false-alarms.yaml").write_text(entry, encoding="utf-8")
    assert [f for f in errors(root)] == []
    assert (
        main(["reviewed", PATH_FILE, "steps[9].text", "--reason", reason, "--root", str(root)]) == 2
    )
    assert "has no free text steps[9].text" in capsys.readouterr().err
