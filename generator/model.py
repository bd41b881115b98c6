"""The model: frozen dataclasses that are the vocabulary of the code.

Built only from content that passed validation, so every reference here resolves and every
field has the type the schema promised. There is no field for a person's name, an exact date
or an exact age: anonymity is a property of the model, not of a filter.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    """One term of a controlled vocabulary."""

    id: str
    label: str
    description: str


@dataclass(frozen=True)
class Occupation(Term):
    """A goal occupation with its SSYK 2012 unit group."""

    ssyk: str
    ssyk_label: str


@dataclass(frozen=True)
class Municipality(Term):
    """One of the 290 municipalities; ``county`` is its county code."""

    county: str
    population: int | None = None
    """Inhabitants, from SCB (see the vocabulary file); None where not known."""


@dataclass(frozen=True)
class Vocabularies:
    """Every controlled vocabulary, each keyed by term id in file order."""

    occupations: dict[str, Occupation]
    situations: dict[str, Term]
    step_types: dict[str, Term]
    outcomes: dict[str, Term]
    actor_types: dict[str, Term]
    age_bands: dict[str, Term]
    counties: dict[str, Term]
    municipalities: dict[str, Municipality]

    def by_name(self) -> dict[str, dict[str, Term]]:
        """Vocabularies by the name the schema uses in ``x-vocabulary`` (the file stem)."""
        return {
            vocabulary_name(field.name): getattr(self, field.name)
            for field in dataclasses.fields(self)
        }


def vocabulary_name(field_name: str) -> str:
    """The file stem of a vocabulary (``step-types``) from its field here (``step_types``)."""
    return field_name.replace("_", "-")


VOCABULARY_NAMES = tuple(vocabulary_name(f.name) for f in dataclasses.fields(Vocabularies))
"""Every vocabulary, in the order they are loaded: ``content/vocabulary/<name>.yaml``."""


@dataclass(frozen=True, kw_only=True)
class Actor:
    """An organisation that takes part in paths."""

    id: str
    name: str
    type: Term
    counties: tuple[Term, ...]
    nationwide: bool
    target_groups: tuple[Term, ...]
    website: str | None = None
    description: str
    example: bool
    """An invented example, not a real organisation: labelled wherever it is shown."""
    source: str
    """The file it was read from, as messages name it."""


@dataclass(frozen=True, kw_only=True)
class Step:
    """One intervention on a path, in the order it happened."""

    type: Term
    title: str
    actors: tuple[Actor, ...]
    weeks: int
    text: str


@dataclass(frozen=True, kw_only=True)
class Outcome:
    """Where a path ended."""

    type: Term
    text: str


@dataclass(frozen=True, kw_only=True)
class Path:
    """One anonymised path from a starting situation to work or studies."""

    id: str
    title: str
    summary: str
    occupation: Occupation
    situations: tuple[Term, ...]
    age_band: Term
    background: str
    county: Term
    municipality: Municipality | None = None
    year: int
    outcome: Outcome
    steps: tuple[Step, ...]
    what_helped: str | None = None
    quote: str | None = None
    tips: tuple[str, ...] = ()
    documented_by: Actor
    example: bool
    """An invented example, not a real person's path: labelled wherever it is shown."""
    source: str
    """The file it was read from, as messages name it."""

    @property
    def total_weeks(self) -> int:
        """The sum of the step durations."""
        return sum(step.weeks for step in self.steps)

    @property
    def actors(self) -> tuple[Actor, ...]:
        """Every actor in the steps, first appearance first, each once."""
        seen: dict[str, Actor] = {}
        for step in self.steps:
            for actor in step.actors:
                seen.setdefault(actor.id, actor)
        return tuple(seen.values())


@dataclass(frozen=True)
class Content:
    """Everything the site is built from."""

    vocabularies: Vocabularies
    actors: dict[str, Actor]
    paths: dict[str, Path]
