"""Checking many files in worker processes gives exactly what checking them in turn gives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers import VALID_PATH, make_project, with_path_id

from generator import file_check, messages
from generator.content import ContentLayout, load_content


@pytest.mark.parametrize("start", ["fork", "spawn"])
def test_workers_report_the_same_findings_in_the_same_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, start: str
) -> None:
    """Forked (no other thread runs) and spawned (MkDocs' server runs) workers alike."""
    monkeypatch.setattr(file_check, "_can_fork", lambda: start == "fork")
    paths = {
        f"vag-{n:03d}.yaml": with_path_id(VALID_PATH, f"vag-{n:03d}")
        for n in range(file_check.PARALLEL_FROM + 20)
    }
    paths["vag-007.yaml"] = paths["vag-007.yaml"].replace("weeks: 2", "weeks: två")
    paths["vag-300.yaml"] = paths["vag-300.yaml"].replace(
        "De gick igenom lediga jobb i länet.", "Ring 070-123 45 67 för mer."
    )
    layout = ContentLayout(make_project(tmp_path, paths))
    pools: list[object] = []

    class RecordedPool(file_check.ProcessPoolExecutor):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            pools.append(self)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(file_check, "ProcessPoolExecutor", RecordedPool)
    in_workers = load_content(layout, this_year=2025)[1]
    assert len(pools) == 1
    assert pools[0]._mp_context.get_start_method() == start  # type: ignore[attr-defined]
    monkeypatch.setattr(file_check, "PARALLEL_FROM", 10**9)
    in_turn = load_content(layout, this_year=2025)[1]

    assert in_workers == in_turn
    assert [(f.file, f.field) for f in in_workers] == [
        ("content/paths/vag-007.yaml", "steps[0].weeks"),
        ("content/paths/vag-300.yaml", "steps[0].text"),
    ]


@pytest.mark.parametrize(
    ("language", "message"), [("en", "must be a whole number"), ("sv", "ska vara ett helt tal")]
)
def test_workers_write_in_the_language_of_the_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str, message: str
) -> None:
    """``--lang`` is not in the workers' environment: they are told the language."""
    monkeypatch.setenv("VAGAR_LANG", "sv" if language == "en" else "en")
    paths = {
        f"vag-{n:03d}.yaml": with_path_id(VALID_PATH, f"vag-{n:03d}")
        for n in range(file_check.PARALLEL_FROM + 1)
    }
    paths["vag-007.yaml"] = paths["vag-007.yaml"].replace("weeks: 2", "weeks: två")
    before = messages.language()
    messages.set_language(language)
    try:
        findings = load_content(ContentLayout(make_project(tmp_path, paths)), this_year=2025)[1]
    finally:
        messages.set_language(before)

    assert [f.message for f in findings] == [message]
