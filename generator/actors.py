"""The actor comparison: one row per actor, its variants, and the actors of each county.

Job seekers and counsellors ask which organisations help people like them, where, and with
what results. The site documents successful paths, so what it can count for an actor — the
paths it took part in, their starting situations and outcomes, how long they took — describes
those paths, not a success rate; only an actor's own published results are rates, and they are
shown with their year, follow-up time and source. Everything is computed in one pass over the
paths, so a comparison of hundreds of actors costs about as much as listing them.
"""

from __future__ import annotations

import statistics
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from generator.enrich import SiteData
from generator.model import Actor, Path, Result, Term

VARIANT_KINDS = ("actors_in_county", "actors_for_group", "actors_of_type")
"""The page types of the comparison's variants, in the order the filters are offered."""


@dataclass(frozen=True)
class ActorRow:
    """One actor in the comparison: what it declares, and what its documented paths show."""

    actor: Actor
    paths: int
    """Documented paths it took part in (in a step, or as the one who documented it)."""
    situations: tuple[Term, ...]
    """The starting situations of those paths, in vocabulary order."""
    outcomes: tuple[tuple[Term, int], ...]
    """How many of those paths ended in each outcome, in vocabulary order; zeros left out."""
    median_weeks: float | None
    """The median total length of those paths, or None without paths."""
    result: Result | None
    """Its newest published result, or None."""


@dataclass(frozen=True)
class Variant:
    """The comparison narrowed to one county, target group or actor type."""

    kind: str
    """Its page type (one of ``VARIANT_KINDS``)."""
    term: Term
    rows: tuple[ActorRow, ...]

    @property
    def id(self) -> str:
        """The term's id: the page's URL is made from it (``aktorer/lan/06/``)."""
        return self.term.id


def swedish_key(text: str) -> str:
    """A sort key in Swedish alphabetical order: å, ä and ö after z, other accents ignored."""
    letters = []
    for character in text.casefold():
        if character in "åäö":
            letters.append("{|}"["åäö".index(character)])
        else:
            decomposed = unicodedata.normalize("NFKD", character)
            letters.append("".join(c for c in decomposed if not unicodedata.combining(c)))
    return "".join(letters)


def median_weeks(paths: Sequence[Path]) -> float | None:
    """The median of the paths' total weeks, or None for no paths."""
    return statistics.median(p.total_weeks for p in paths) if paths else None


def outcome_counts(
    paths: Iterable[Path], outcomes: Mapping[str, Term]
) -> tuple[tuple[Term, int], ...]:
    """How many paths ended in each outcome, in vocabulary order, without the zeros."""
    counts = Counter(p.outcome.type.id for p in paths)
    return tuple((term, counts[key]) for key, term in outcomes.items() if counts[key])


def path_situations(paths: Iterable[Path], situations: Mapping[str, Term]) -> tuple[Term, ...]:
    """The starting situations of the paths, each once, in vocabulary order."""
    seen = {s.id for p in paths for s in p.situations}
    return tuple(term for key, term in situations.items() if key in seen)


def newest_result(actor: Actor) -> Result | None:
    """The result to compare by: the newest year, then the longest follow-up."""
    if not actor.results:
        return None
    return max(actor.results, key=lambda r: (r.year, r.after_days))


def serves(actor: Actor, county_id: str) -> bool:
    """Whether the actor works in the county (``counties: all`` works everywhere)."""
    return actor.nationwide or any(c.id == county_id for c in actor.counties)


def comparison_rows(site: SiteData) -> tuple[ActorRow, ...]:
    """One row per actor, in Swedish alphabetical order of names."""
    vocab = site.content.vocabularies
    rows = []
    for actor in site.content.actors.values():
        paths = site.by_actor[actor.id]
        rows.append(
            ActorRow(
                actor=actor,
                paths=len(paths),
                situations=path_situations(paths, vocab.situations),
                outcomes=outcome_counts(paths, vocab.outcomes),
                median_weeks=median_weeks(paths),
                result=newest_result(actor),
            )
        )
    return tuple(sorted(rows, key=lambda r: (swedish_key(r.actor.name), r.actor.id)))


def variants(site: SiteData, rows: Sequence[ActorRow]) -> dict[str, tuple[Variant, ...]]:
    """Every variant with at least one actor, by page type, in vocabulary order: by county
    (nationwide actors in every county), by declared target group and by actor type."""
    vocab = site.content.vocabularies
    groups: dict[str, dict[str, list[ActorRow]]] = {
        kind: defaultdict(list) for kind in VARIANT_KINDS
    }
    for row in rows:
        actor = row.actor
        for county in vocab.counties.values() if actor.nationwide else actor.counties:
            groups["actors_in_county"][county.id].append(row)
        for group in actor.target_groups:
            groups["actors_for_group"][group.id].append(row)
        groups["actors_of_type"][actor.type.id].append(row)
    terms: dict[str, Mapping[str, Term]] = {
        "actors_in_county": vocab.counties,
        "actors_for_group": vocab.situations,
        "actors_of_type": vocab.actor_types,
    }
    return {
        kind: tuple(
            Variant(kind, term, tuple(groups[kind][key]))
            for key, term in terms[kind].items()
            if groups[kind].get(key)
        )
        for kind in VARIANT_KINDS
    }


def county_actors(
    site: SiteData,
) -> dict[str, tuple[tuple[Term, tuple[tuple[Actor, int], ...]], ...]]:
    """For each county: the actors that work there, grouped by type (vocabulary order, names
    in Swedish order), each with the number of documented paths in that county it took part
    in."""
    vocab = site.content.vocabularies
    in_county: Counter[tuple[str, str]] = Counter()
    for actor_id, paths in site.by_actor.items():
        in_county.update((actor_id, p.county.id) for p in paths)
    actors = sorted(site.content.actors.values(), key=lambda a: (swedish_key(a.name), a.id))
    result = {}
    for county_id in vocab.counties:
        by_type: dict[str, list[tuple[Actor, int]]] = defaultdict(list)
        for actor in actors:
            if serves(actor, county_id):
                by_type[actor.type.id].append((actor, in_county[(actor.id, county_id)]))
        result[county_id] = tuple(
            (term, tuple(by_type[key]))
            for key, term in vocab.actor_types.items()
            if by_type.get(key)
        )
    return result


ComparisonPage = tuple[Any, str, str, Sequence[ActorRow], dict[str, Any]]
"""As ``render.ItemPage``: the item (a variant, or None for all actors), title, description,
the rows to list (split over pages of ``PAGE_SIZE``) and the template's context."""


def comparison_pages(site: SiteData, t: Mapping[str, Any], kind: str) -> Iterator[ComparisonPage]:
    """The comparison of every actor (``kind`` ``actors``) or one page per variant of
    ``kind``; every page offers the same filters."""
    rows = comparison_rows(site)
    offered = variants(site, rows)
    strings = t["comparison"]
    context: dict[str, Any] = {"variants": offered, "variant": None}
    if kind == "actors":
        yield None, t["actors"]["title"], t["actors"]["description"], rows, context
        return
    for variant in offered[kind]:
        label = variant.term.label
        title = strings[kind]["title"].format(label=label)
        description = strings[kind]["description"].format(label=label)
        yield variant, title, description, variant.rows, {**context, "variant": variant}
