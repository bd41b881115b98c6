"""The model: frozen dataclasses that are the vocabulary of the code.

Built only from content that passed validation, so every reference here resolves and every
field has the type the schema promised. There is no field for a person's name, an exact date
or an exact age: anonymity is a property of the model, not of a filter.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass


@dataclass(frozen=True)
class Translation:
    """A term's label and explanation in another interface language."""

    language: str
    label: str
    description: str
    search_words: tuple[str, ...] = ()
    """Other words readers of that language type for it (``nurse``): found by search."""


@dataclass(frozen=True)
class Term:
    """One term of a controlled vocabulary."""

    id: str
    label: str
    description: str
    translations: tuple[Translation, ...] = dataclasses.field(default=(), kw_only=True)
    """The label and explanation in each interface language besides Swedish."""

    def translation(self, language: str) -> Translation | None:
        """The term in ``language``, or None (Swedish, or a vocabulary without translations)."""
        for translation in self.translations:
            if translation.language == language:
                return translation
        return None


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
    glossary: dict[str, Term]
    """Common words the glossary page explains (kartläggning, sfi, SSYK…); no field refers
    to them."""

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
class Result:
    """A result the actor published itself: of ``participants`` in ``year``,
    ``in_work_or_studies`` were in work or studies ``after_days`` days after the end."""

    year: int
    participants: int
    in_work_or_studies: int
    after_days: int
    source: str
    """Where the actor published it (https)."""
    note: str | None = None

    @property
    def share(self) -> int:
        """The share in work or studies, in whole percent (rounded half up)."""
        return (200 * self.in_work_or_studies + self.participants) // (2 * self.participants)


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
    results: tuple[Result, ...] = ()
    """Published results, as the file lists them."""
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
    employer_feedback: str | None = None
    """What the employers told the participant in this step: merits, and what was missing."""


@dataclass(frozen=True, kw_only=True)
class Track:
    """One of the two or three tracks a counsellor and the participant considered."""

    title: str
    occupation: Occupation | None = None
    chosen: bool
    why: str


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
    tracks_considered: tuple[Track, ...] = ()
    """Empty, or two or three tracks of which exactly one was chosen."""
    what_helped: str | None = None
    follow_up: str | None = None
    """How things stood at the follow-up some months later: counsellors follow up."""
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


@dataclass(frozen=True, kw_only=True)
class LinkPattern:
    """How to link onward to another site (``content/links.yaml``): a URL with placeholders,
    and where the pattern comes from, so that a reader of the data can check it again."""

    kind: str
    url: str
    """``https://…`` with placeholders such as ``{ssyk}`` or ``{occupation}``."""
    checked: str
    """The day the pattern was last checked, ``YYYY-MM-DD``."""
    status: str
    """``documented``, ``attested`` (seen in use, not documented) or ``fallback`` (the site's
    own start or search page, because no pattern could be confirmed)."""
    source: str
    """Where the pattern is documented or seen, or why there is no pattern."""


@dataclass(frozen=True)
class Province:
    """A historical province (landskap) or a part of the country (landsdel), by the counties
    that cover it (``content/places/provinces.yaml``); search reads "Småland" as a place."""

    name: str
    counties: tuple[str, ...]


@dataclass(frozen=True)
class Content:
    """Everything the site is built from."""

    vocabularies: Vocabularies
    actors: dict[str, Actor]
    paths: dict[str, Path]
    links: dict[str, LinkPattern] = dataclasses.field(default_factory=dict)
    """Onward link patterns by kind; empty when the project has no ``content/links.yaml``."""
    provinces: tuple[Province, ...] = ()
    """Provinces and parts of the country; empty without ``content/places/provinces.yaml``."""
