"""What employers said, and the tracks considered, gathered for occupation and actor pages.

Employer meetings are where several employers tell a job seeker how they see their merits and
what is missing; a step's ``employer_feedback`` keeps that as data. An occupation page gathers
it from the paths toward the occupation, an actor page from the steps the actor took part in,
newest first. Counsellors agree with the participant on two or three tracks before choosing
one; an occupation page shows the other tracks of those who became it, and the paths that
considered it but chose another. Lists are bounded (``SHOWN``): a national site has hundreds
of paths toward one occupation.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from generator.enrich import SiteData, newest_first
from generator.model import Path, Step, Track

T = TypeVar("T")

SHOWN = 10
"""Entries shown in one list on an occupation or actor page: the newest."""


@dataclass(frozen=True)
class Feedback:
    """What employers said in one step of one path."""

    path: Path
    step: Step
    number: int
    """The step's number on its path, from 1: its anchor there (``#steg-3``)."""

    @property
    def text(self) -> str:
        return self.step.employer_feedback or ""


@dataclass(frozen=True)
class Considered:
    """A track one path considered but did not choose."""

    path: Path
    track: Track


@dataclass(frozen=True)
class Listing(Generic[T]):
    """The newest entries of a list, and how many there are in all."""

    shown: tuple[T, ...]
    total: int


def listing(entries: Iterable[T], limit: int = SHOWN) -> Listing[T]:
    """The first ``limit`` entries and the count of all."""
    every = tuple(entries)
    return Listing(every[:limit], len(every))


def has_feedback(path: Path) -> bool:
    """Whether any step of the path records what employers said (the search filter)."""
    return any(step.employer_feedback for step in path.steps)


def feedback_in(paths: Iterable[Path]) -> tuple[Feedback, ...]:
    """Every step with employer feedback, newest path first, steps in their order."""
    return tuple(
        Feedback(path, step, number)
        for path in newest_first(paths)
        for number, step in enumerate(path.steps, 1)
        if step.employer_feedback
    )


def feedback_by_occupation(site: SiteData) -> dict[str, Listing[Feedback]]:
    """What employers said on the paths toward each occupation that has a page."""
    return {key: listing(feedback_in(summary.paths)) for key, summary in site.occupations.items()}


def feedback_by_actor(site: SiteData) -> dict[str, Listing[Feedback]]:
    """What employers said in the steps each actor took part in."""
    found: dict[str, list[Feedback]] = defaultdict(list)
    for entry in feedback_in(site.content.paths.values()):
        for actor in entry.step.actors:
            found[actor.id].append(entry)
    return {key: listing(found.get(key, ())) for key in site.content.actors}


def other_tracks(site: SiteData) -> dict[str, Listing[Considered]]:
    """For each occupation: the tracks not chosen by those who became it, newest first."""
    return {
        key: listing(
            Considered(path, track)
            for path in summary.paths
            for track in path.tracks_considered
            if not track.chosen
        )
        for key, summary in site.occupations.items()
    }


def chose_another(site: SiteData) -> dict[str, Listing[Considered]]:
    """For each occupation: paths that considered it as a track but chose another, newest
    first."""
    found: dict[str, list[Considered]] = defaultdict(list)
    for path in newest_first(site.content.paths.values()):
        for track in path.tracks_considered:
            if track.chosen or track.occupation is None:
                continue
            if track.occupation.id != path.occupation.id:
                found[track.occupation.id].append(Considered(path, track))
    return {key: listing(found.get(key, ())) for key in site.occupations}
