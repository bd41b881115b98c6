"""Messages of `vagar new` and `vagar from-issue`: Swedish by default, English with --lang en
or VAGAR_LANG=en. Every message id of the tools and the build — ``_()``, ``ngettext()`` and
``N_()`` in generator/, the field table's texts, the schemas' field descriptions — has a
Swedish translation in generator/locales/sv.po, with the same {placeholders}."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po
from helpers import REPO_ROOT, make_project
from test_scaffold import FLAGS, Script

from generator import messages
from generator.cli import main
from generator.fields import TEXT_KEYS, field_table

GENERATOR = REPO_ROOT / "generator"
KEYWORDS = {"_": None, "ngettext": (1, 2), "N_": None}
"""The message functions: ``N_`` marks an id that is translated later (a constant's text)."""


def _catalogue() -> Catalog:
    with (REPO_ROOT / "generator" / "locales" / "sv.po").open("rb") as handle:
        return read_po(handle, locale="sv")


MessageId = str | tuple[str, str]
"""A message id, or the singular and plural of an ``ngettext`` id."""


def _ids_in_code() -> list[tuple[str, int, MessageId]]:
    found = []
    for file in sorted(GENERATOR.rglob("*.py")):
        for line, message, _comments, _context in extract_from_file(
            "python", str(file), keywords=KEYWORDS
        ):
            found.append((file.relative_to(GENERATOR).as_posix(), line, message))
    return found


def _ids_in_schemas() -> list[MessageId]:
    """The description of every required field: the hint of "the required field 'x' is
    missing" (generator/validate.py), the only message that shows a description."""
    ids: list[MessageId] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            required = node.get("required", [])
            for name, field in node.get("properties", {}).items():
                described = isinstance(field, dict) and isinstance(field.get("description"), str)
                if described and name in required:
                    ids.append(field["description"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for file in sorted((GENERATOR / "schema").glob("*.schema.json")):
        walk(json.loads(file.read_text(encoding="utf-8")))
    return ids


def _ids(origin: str) -> list[MessageId]:
    if origin == "code":
        return [message for _f, _l, message in _ids_in_code()]
    return _ids_in_schemas()


def _translations(catalogue: Catalog, message_id: MessageId) -> list[tuple[str, str]]:
    """(id, translation) of each form; an empty translation where there is none."""
    singular = message_id[0] if isinstance(message_id, tuple) else message_id
    entry = catalogue.get(singular)
    ids = message_id if isinstance(message_id, tuple) else (message_id,)
    if entry is None:
        return [(form, "") for form in ids]
    strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
    if isinstance(message_id, tuple) and not isinstance(entry.id, tuple):
        return [(form, "") for form in ids]  # a plural id needs plural forms
    return [(ids[min(index, len(ids) - 1)], str(text)) for index, text in enumerate(strings)]


def _table_texts() -> list[tuple[str, str, dict[str, str]]]:
    """(field, entry, text by language) of every text of the field table."""
    return [
        (field.name, key, dict(field.texts[key]))
        for field in field_table("path").walk()
        for key in TEXT_KEYS
        if key in field.texts
    ]


def test_the_field_table_has_every_text_in_every_language() -> None:
    texts = _table_texts()
    assert len(texts) > 40
    incomplete = [
        (field, key, sorted(by_language))
        for field, key, by_language in texts
        if sorted(by_language) != sorted(messages.LANGUAGES)
        or not all(text.strip() for text in by_language.values())
    ]
    assert incomplete == []


def test_the_field_tables_translations_keep_the_placeholders() -> None:
    for field, key, by_language in _table_texts():
        found = {language: set(re.findall(r"\{(\w*)\}", t)) for language, t in by_language.items()}
        assert found["sv"] == found["en"], (field, key, by_language)


def test_the_code_has_messages_to_translate() -> None:
    files = {file for file, _line, _message in _ids_in_code()}
    assert len(_ids_in_code()) > 150
    for module in (
        "cli.py",
        "validate.py",
        "load.py",
        "schema.py",
        "plugin.py",
        "authoring/new.py",
    ):
        assert module in files
    assert any(isinstance(message, tuple) for _f, _l, message in _ids_in_code())
    assert len(_ids_in_schemas()) > 25


@pytest.mark.parametrize("origin", ["code", "schemas"])
def test_every_message_has_a_swedish_translation(origin: str) -> None:
    catalogue = _catalogue()
    untranslated = [
        message_id
        for message_id in _ids(origin)
        if not all(text.strip() for _form, text in _translations(catalogue, message_id))
    ]
    assert untranslated == []


@pytest.mark.parametrize("origin", ["code", "schemas"])
def test_translations_keep_the_placeholders(origin: str) -> None:
    catalogue = _catalogue()
    for message_id in _ids(origin):
        for form, text in _translations(catalogue, message_id):
            assert set(re.findall(r"\{(\w*)\}", text)) == set(re.findall(r"\{(\w*)\}", form)), (
                form,
                text,
            )


def test_the_catalogue_has_each_id_once() -> None:
    text = (REPO_ROOT / "generator" / "locales" / "sv.po").read_text(encoding="utf-8")
    entries = re.findall(r'^msgid ((?:".*"\n)+)', text, flags=re.MULTILINE)
    assert len(entries) == len(set(entries))


# --lang


def test_new_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path, {})

    code = main(["new", "--lang", "en", "--root", str(root), "--no-input", "--title", "Kort"])

    assert code == 2
    err = capsys.readouterr().err
    assert "Missing: --consent, --occupation, --situation" in err
    assert "Saknas" not in err
    assert messages.language() == "sv"  # only for that command


def test_the_language_can_come_before_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {})

    assert main(["--lang", "en", "new", "--root", str(root), "--dry-run", *FLAGS]) == 0

    out = capsys.readouterr().out
    assert "# The participant has agreed to publication of the path.\nconsent: true" in out
    assert "# A path from a starting situation to work or studies." in out


def test_the_questions_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path, {})
    script = Script(["maybe", "no"])

    assert main(["new", "--lang", "en", "--root", str(root)], input_fn=script) == 1

    assert (
        script.prompts == ["Has the participant agreed to publication of the path? (yes/no): "] * 2
    )
    err = capsys.readouterr().err
    assert "New path. Answer the questions" in err
    assert "  Answer yes or no." in err
    assert "Without consent we write no file." in err


def test_an_issue_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path, {})
    (root / "issue.md").write_text("### Rubrik\n\nEl\n", encoding="utf-8")

    assert main(["from-issue", str(root / "issue.md"), "--root", str(root), "--lang", "en"]) == 1

    err = capsys.readouterr().err
    assert "Field “Yrke”: missing — fill in the field in the issue" in err
    assert "Field “Rubrik”: is too short — write at least 3 characters" in err


def test_vagar_lang_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {})
    monkeypatch.setenv("VAGAR_LANG", "en")

    assert main(["new", "--root", str(root), "--no-input"]) == 2
    assert "Missing:" in capsys.readouterr().err
    assert main(["new", "--lang", "sv", "--root", str(root), "--no-input"]) == 2
    assert "Saknas:" in capsys.readouterr().err


def test_an_unknown_language_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "de", "check"]) == 2
    assert "invalid choice" in capsys.readouterr().err
