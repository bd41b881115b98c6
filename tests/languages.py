"""Tests that pin the exact English messages run in English (``--lang en``).

Messages are Swedish by default. A test module whose assertions quote English messages uses
``english`` through conftest.py's ``english_messages`` fixture
(``pytestmark = pytest.mark.usefixtures("english_messages")``); the language is restored
afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from generator import messages


def english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Messages in English while a test runs: in this process (``set_language``), and through
    ``VAGAR_LANG`` in the ``vagar`` command (``main()`` chooses the language again) and in a
    ``mkdocs build`` run as a subprocess."""
    monkeypatch.setenv("VAGAR_LANG", "en")
    before = messages.language()
    messages.set_language("en")
    try:
        yield
    finally:
        messages.set_language(before)
