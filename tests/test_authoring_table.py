"""The field table drives `vagar new`, `vagar from-issue` and the YAML writer: a new optional
free-text field in the schema plus one row in path.fields.yaml is asked, given as a flag,
read from an issue and written, with no other change to the code."""

from __future__ import annotations

import importlib.resources
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import REPO_ROOT, make_project
from test_issue_form import ANSWERS as ISSUE_ANSWERS
from test_scaffold import ANSWERS, FLAGS, Script, written

from generator.authoring.issue_form import NO_RESPONSE, form_fields
from generator.authoring.path_yaml import render_path
from generator.cli import main
from generator.fields import field_table

SCHEMA_DIR = REPO_ROOT / "generator" / "schema"

LESSON = {
    "description": "Optional: a lesson the person learned on the way.",
    "$ref": "#/$defs/text",
    "maxLength": 300,
}
ROW = """\
lesson:
  prompt: {en: A lesson learned on the way, sv: En lärdom på vägen}
  flag: --lesson
  form: Lärdom
  comment: {en: A lesson learned on the way (optional)., sv: En lärdom på vägen (valfritt).}
"""
TEXT = "Att be om hjälp i tid gör skillnad."


def _clear_caches() -> None:
    """Forget every cached schema, field table and checker plan of the generator."""
    for name, module in list(sys.modules.items()):
        if name == "generator" or name.startswith("generator."):
            for value in list(vars(module).values()):
                clear = getattr(value, "cache_clear", None)
                if callable(clear):
                    clear()


class _Redirected:
    """``importlib.resources.files("generator")`` with the path schema and its table
    taken from another folder."""

    def __init__(self, root: Any, folder: Path) -> None:
        self.root = root
        self.folder = folder

    def joinpath(self, *parts: str) -> Any:
        path = "/".join(parts)
        if path in ("schema/path.schema.json", "schema/path.fields.yaml"):
            return self.folder / path.rsplit("/", 1)[-1]
        return self.root.joinpath(*parts)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.root, name)


@pytest.fixture
def lesson(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The schema with an optional ``lesson`` text after ``quote``, and its row in the table."""
    schema = json.loads((SCHEMA_DIR / "path.schema.json").read_text(encoding="utf-8"))
    properties = list(schema["properties"].items())
    at = [key for key, _ in properties].index("quote") + 1
    schema["properties"] = dict([*properties[:at], ("lesson", LESSON), *properties[at:]])
    folder = tmp_path / "schema"
    folder.mkdir()
    (folder / "path.schema.json").write_text(json.dumps(schema), encoding="utf-8")
    rows = (SCHEMA_DIR / "path.fields.yaml").read_text(encoding="utf-8")
    (folder / "path.fields.yaml").write_text(rows + ROW, encoding="utf-8")
    original = importlib.resources.files

    def files(anchor: Any) -> Any:
        root = original(anchor)
        return _Redirected(root, folder) if anchor == "generator" else root

    monkeypatch.setattr(importlib.resources, "files", files)
    _clear_caches()
    yield
    monkeypatch.undo()
    _clear_caches()


def _assert_lesson_written(text: str, data: dict[str, Any]) -> None:
    assert data["lesson"] == TEXT
    assert f"# En lärdom på vägen (valfritt).\nlesson: {TEXT}\n" in text
    keys = list(data)
    assert keys.index("steps") < keys.index("lesson") < keys.index("documented_by")


def test_the_table_has_the_new_field(lesson: None) -> None:
    table = field_table("path")
    field = table.get("lesson")
    assert (field.kind, field.required, field.free_text) == ("text", False, True)
    assert table.asked[-1] is field


def test_a_new_field_is_a_flag_of_vagar_new(
    lesson: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path / "project", {})

    assert main(["new", "--root", str(root), *FLAGS, "--lesson", TEXT]) == 0, capsys.readouterr()

    _assert_lesson_written(*written(root))


def test_a_new_field_is_asked(lesson: None, tmp_path: Path) -> None:
    root = make_project(tmp_path / "project", {})
    script = Script([*ANSWERS, TEXT])

    assert main(["new", "--root", str(root)], input_fn=script) == 0

    assert script.prompts[-1] == "En lärdom på vägen (valfritt, Enter hoppar över): "
    _assert_lesson_written(*written(root))


def test_a_new_field_is_read_from_an_issue(lesson: None, tmp_path: Path) -> None:
    root = make_project(tmp_path / "project", {})
    answers = {**ISSUE_ANSWERS, "lesson": TEXT}
    body = "\n\n".join(
        f"### {f.label}\n\n{answers.get(f.id, '').strip() or NO_RESPONSE}" for f in form_fields()
    )
    assert "### Lärdom\n\n" in body
    (root / "issue.md").write_text(body, encoding="utf-8")

    assert main(["from-issue", str(root / "issue.md"), "--root", str(root)]) == 0

    _assert_lesson_written(*written(root))


def test_a_new_field_is_optional_and_checked(
    lesson: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path / "project", {})

    assert main(["new", "--root", str(root), *FLAGS, "--lesson", "Kort"]) == 1
    assert "--lesson: är för kort — skriv minst 10 tecken" in capsys.readouterr().err
    assert main(["new", "--root", str(root), *FLAGS]) == 0
    assert "lesson" not in written(root)[1]


def test_the_writer_writes_a_new_field_without_a_project(lesson: None) -> None:
    path = yaml.safe_load((REPO_ROOT / "content" / "paths").glob("*.yaml").__next__().read_text())
    path = {**path, "lesson": TEXT}

    text = render_path(path)  # no labels: no comments beside ids, and no project needed

    assert f"lesson: {TEXT}\n" in text
    assert yaml.safe_load(text) == path
