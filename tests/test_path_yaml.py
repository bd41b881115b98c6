"""The YAML writer on its own: plain path data in, the commented file out, with labels from
the project's choices, from a plain mapping (no project needed) or none at all."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import REPO_ROOT

from generator.authoring.choices import load_choices
from generator.authoring.path_yaml import SCHEMA_LINE, render_path
from generator.load import parse_document

SAMPLES = sorted((REPO_ROOT / "content" / "paths").glob("*.yaml"))


def _data(file: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(file.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("file", SAMPLES, ids=[f.stem for f in SAMPLES])
def test_every_sample_path_is_written_and_loads_back(file: Path) -> None:
    choices = load_choices(REPO_ROOT)
    labels = {
        name: {o.id: o.label for o in options} for name, options in choices.vocabularies.items()
    }
    data = _data(file)

    text = render_path(data, choices)

    assert text == render_path(data, labels)
    assert text.startswith(SCHEMA_LINE + "\n")
    document, problems = parse_document(text, file.name)
    assert document is not None and problems == []
    assert document.data == data
    assert f"occupation: {data['occupation']}  # " in text


def test_without_labels_no_comments_stand_beside_ids() -> None:
    data = _data(SAMPLES[0])

    text = render_path(data)

    assert f"occupation: {data['occupation']}\n" in text
    assert yaml.safe_load(text) == data


def test_data_that_does_not_load_back_is_refused() -> None:
    data = {**_data(SAMPLES[0]), "name": "Anna"}  # not a field of the schema: not written

    with pytest.raises(ValueError, match="does not load back"):
        render_path(data)
    assert "Anna" not in render_path(data, check=False)
