"""Re-identification risk: when a path's municipality must not be shown.

A municipality narrows a path down a lot. It is shown only when the municipality is large
enough and when no other path shares nothing but it: the checker warns about the others, and
the site shows the county instead, in pages and in the search index. One function decides,
so the checker and the site cannot disagree.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from generator.findings import FieldPath
from generator.messages import _
from generator.model import Path
from generator.words import slugify

SMALL_MUNICIPALITY = 20_000
"""Municipalities with fewer inhabitants than this are never shown."""


def hidden_municipalities(paths: Iterable[Path]) -> dict[str, str]:
    """For each path whose municipality must not be shown: the reason, in plain words."""
    with_municipality = [p for p in paths if p.municipality is not None]
    combinations = Counter(_combination(p) for p in with_municipality)
    reasons: dict[str, str] = {}
    for path in with_municipality:
        municipality = path.municipality
        assert municipality is not None
        if municipality.population is not None and municipality.population < SMALL_MUNICIPALITY:
            reasons[path.id] = _("{municipality} has fewer than {count} inhabitants").format(
                municipality=municipality.label, count=f"{SMALL_MUNICIPALITY:,}".replace(",", " ")
            )
        elif combinations[_combination(path)] == 1:
            reasons[path.id] = _(
                "no other path has the same municipality, occupation, age band and year"
            )
    return reasons


def _combination(path: Path) -> tuple[str, str, str, int]:
    assert path.municipality is not None
    return (path.municipality.id, path.occupation.id, path.age_band.id, path.year)


def place_mentions(path: Path, texts: Iterable[tuple[FieldPath, str]]) -> Iterator[FieldPath]:
    """Fields that name the path's municipality: when it is hidden, they would give it away.

    ``texts`` are the path's free-text fields with their field paths, as the schema marks them
    (``generator.schema.free_texts``).
    """
    if path.municipality is None:
        return
    name = path.municipality.label
    if slugify(name, max_length=200) in path.id:
        yield ("id",)
    pattern = re.compile(rf"\b{re.escape(name)}s?\b", re.IGNORECASE)
    for field, text in texts:
        if pattern.search(text):
            yield field
