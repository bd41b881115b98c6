"""Stage 3, enrich: derived data for browsing — groups, summaries and similar paths.

Everything here is computed once per build, in about O(n log n): paths are grouped in one pass,
and "similar paths" looks only at a bounded window of candidates that share the occupation and
a starting situation, never at every pair.
"""

from __future__ import annotations

import bisect
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from generator.glossary import Glossary, make_glossary
from generator.model import Actor, Content, Municipality, Occupation, Path, Term
from generator.reidentify import hidden_municipalities
from generator.routes import Route, common_route

SIMILAR_COUNT = 3
_CANDIDATE_WINDOW = 12
TOP_COUNT = 5
NEWEST_COUNT = 6


@dataclass(frozen=True)
class OccupationSummary:
    """What the paths toward one occupation have in common."""

    occupation: Occupation
    paths: tuple[Path, ...]
    median_weeks: float
    step_types: tuple[tuple[Term, int], ...]
    """The step types seen most, with the number of paths that have them."""
    actors: tuple[tuple[Actor, int], ...]
    """The actors seen most, with the number of paths they took part in."""


@dataclass(frozen=True)
class SiteData:
    """The content plus everything derived from it that pages need."""

    content: Content
    occupations: dict[str, OccupationSummary]
    """Only occupations that have at least one path, in vocabulary order."""
    by_situation: dict[str, tuple[Path, ...]]
    by_county: dict[str, tuple[Path, ...]]
    by_actor: dict[str, tuple[Path, ...]]
    similar: dict[str, tuple[Path, ...]]
    newest: tuple[Path, ...]
    shown_municipality: dict[str, Municipality | None]
    """The municipality a page may show for each path, or None: see ``reidentify``."""
    routes: dict[str, Route] = field(default_factory=dict)
    """The common route to each occupation with paths (``generator.routes``)."""
    glossary: Glossary = field(default_factory=lambda: Glossary(()))
    """The glossary page's entries and their anchors (``generator.glossary``)."""


def newest_first(paths: Iterable[Path]) -> tuple[Path, ...]:
    """The order used in every list: newest year first, then by title."""
    return tuple(sorted(paths, key=lambda p: (-p.year, p.title.casefold(), p.id)))


def enrich(content: Content) -> SiteData:
    """Derive every aggregate the pages show."""
    ordered = newest_first(content.paths.values())
    by_occupation: dict[str, list[Path]] = defaultdict(list)
    by_situation: dict[str, list[Path]] = defaultdict(list)
    by_county: dict[str, list[Path]] = defaultdict(list)
    by_actor: dict[str, list[Path]] = defaultdict(list)
    for path in ordered:
        by_occupation[path.occupation.id].append(path)
        by_county[path.county.id].append(path)
        for situation in path.situations:
            by_situation[situation.id].append(path)
        for actor_id in {a.id for a in path.actors} | {path.documented_by.id}:
            by_actor[actor_id].append(path)
    vocab = content.vocabularies
    return SiteData(
        content=content,
        occupations={
            oid: summarise(vocab.occupations[oid], by_occupation[oid])
            for oid in vocab.occupations
            if oid in by_occupation
        },
        by_situation={sid: tuple(by_situation.get(sid, ())) for sid in vocab.situations},
        by_county={cid: tuple(by_county.get(cid, ())) for cid in vocab.counties},
        by_actor={aid: tuple(by_actor.get(aid, ())) for aid in content.actors},
        similar=similar_paths(ordered),
        newest=ordered[:NEWEST_COUNT],
        shown_municipality=shown_municipalities(content),
        routes={
            oid: common_route(by_occupation[oid], vocab.step_types, vocab.outcomes)
            for oid in vocab.occupations
            if oid in by_occupation
        },
        glossary=make_glossary(vocab),
    )


def shown_municipalities(content: Content) -> dict[str, Municipality | None]:
    """Each path's municipality, or None where showing it could identify the person."""
    hidden = hidden_municipalities(content.paths.values())
    return {
        path_id: None if path_id in hidden else path.municipality
        for path_id, path in content.paths.items()
    }


def summarise(occupation: Occupation, paths: list[Path]) -> OccupationSummary:
    """Counts per occupation: how long paths took and which steps and actors recur."""
    step_counts: Counter[str] = Counter()
    actor_counts: Counter[str] = Counter()
    step_terms: dict[str, Term] = {}
    actors: dict[str, Actor] = {}
    for path in paths:
        for step in path.steps:
            step_terms[step.type.id] = step.type
        step_counts.update({step.type.id for step in path.steps})
        for actor in path.actors:
            actors[actor.id] = actor
        actor_counts.update(actor.id for actor in path.actors)
    return OccupationSummary(
        occupation=occupation,
        paths=tuple(paths),
        median_weeks=statistics.median(p.total_weeks for p in paths),
        step_types=tuple(
            (step_terms[key], count) for key, count in _most_common(step_counts, TOP_COUNT)
        ),
        actors=tuple((actors[key], count) for key, count in _most_common(actor_counts, TOP_COUNT)),
    )


def similar_paths(paths: tuple[Path, ...]) -> dict[str, tuple[Path, ...]]:
    """Up to three similar paths for each path.

    Candidates share the occupation and at least one starting situation, or failing that the
    occupation alone; from each such group only the paths closest in year are looked at, so the
    cost per path is bounded. Ranked by shared situations, same county, then closeness in year.
    """
    groups: dict[tuple[str, str], list[Path]] = defaultdict(list)
    for path in paths:
        groups[(path.occupation.id, "")].append(path)
        for situation in path.situations:
            groups[(path.occupation.id, situation.id)].append(path)
    for members in groups.values():
        members.sort(key=lambda p: (p.year, p.id))
    years = {key: [p.year for p in members] for key, members in groups.items()}

    result: dict[str, tuple[Path, ...]] = {}
    for path in paths:
        keys = [(path.occupation.id, s.id) for s in path.situations] + [(path.occupation.id, "")]
        candidates: dict[str, Path] = {}
        for key in keys:
            members = groups[key]
            middle = bisect.bisect_left(years[key], path.year)
            low = max(0, middle - _CANDIDATE_WINDOW)
            for other in members[low : middle + _CANDIDATE_WINDOW]:
                if other.id != path.id:
                    candidates.setdefault(other.id, other)
        mine = {s.id for s in path.situations}

        def rank(
            other: Path, mine: set[str] = mine, path: Path = path
        ) -> tuple[int, int, int, str]:
            shared = len(mine & {s.id for s in other.situations})
            return (
                -shared,
                other.county.id != path.county.id,
                abs(other.year - path.year),
                other.id,
            )

        result[path.id] = tuple(sorted(candidates.values(), key=rank)[:SIMILAR_COUNT])
    return result


def _most_common(counts: Counter[str], limit: int) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]
