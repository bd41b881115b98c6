"""What the search page needs besides Pagefind (issue 11): filter groups with counts, labels
and the place names it understands.

The counts are the site's own (computed here from the model, paths only for path filters), so
they match the lists and need none of Pagefind's filter chunks before a filter is used. Filter
names and values in the index are language-neutral keys and ids (``lan`` / ``07``); the page
hands the labels to the script, so a page in another language can show its own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from generator.enrich import SiteData
from generator.model import Path, Term
from generator.places import place_keys

PATH_FILTERS = ("yrke", "lan", "lage", "insats", "resultat", "aterkoppling")
"""Filters on path pages only; each is a URL parameter of the search page and a Pagefind
filter name (see theme/vagar/path.html)."""
ACTOR_FILTERS = ("malgrupp", "verksam")
"""Filters on actor pages only (theme/vagar/actor.html)."""
PAGE_TYPE_FILTER = "sidtyp"
"""Every indexed page's type: ``vag``, ``yrke`` or ``aktor``."""
SORT_KEY = "veckor"
"""The sort on path pages: total weeks."""
BROWSE_WORD = "zzvagar"
"""A word every indexed page holds (hidden, at the end of its body), searched for when the
reader browses by filters alone. Pagefind 1.5.2 answers ``search(null, {filters})`` by
fetching every index chunk (all 12 at 300 paths, 417 KB; about 100 at 10,000), while this
word lives in one chunk. It starts with "zz" so that no query's prefix matches it; the
scripts leave it out of every excerpt."""


@dataclass(frozen=True)
class FilterValue:
    """One checkbox: the id in the index and the URL, its label and how many it finds."""

    id: str
    label: str
    count: int


@dataclass(frozen=True)
class FilterGroup:
    """One group of checkboxes; ``key`` is the URL parameter and the Pagefind filter."""

    key: str
    values: tuple[FilterValue, ...]


def _counted(
    terms: Iterable[Term], items: Iterable[Any], ids: Callable[[Any], Iterable[str]]
) -> tuple[FilterValue, ...]:
    """The terms that occur, in vocabulary order, each with the number of items that have it."""
    counts: Counter[str] = Counter()
    for item in items:
        counts.update(set(ids(item)))
    return tuple(FilterValue(t.id, t.label, counts[t.id]) for t in terms if counts[t.id])


def _feedback(path: Path) -> list[str]:
    return ["ja" if any(step.employer_feedback for step in path.steps) else "nej"]


def filter_groups(site: SiteData, t: Mapping[str, Any]) -> tuple[FilterGroup, ...]:
    """Every filter group of the search page, in the order shown."""
    vocab = site.content.vocabularies
    paths = list(site.content.paths.values())
    actors = list(site.content.actors.values())
    said = t["search_filters"]
    yes_no = [Term("ja", said["yes"], ""), Term("nej", said["no"], "")]
    kinds = t["filters"]["page_types"]
    types = [Term("vag", kinds["path"], ""), Term("yrke", kinds["occupation"], "")]
    types.append(Term("aktor", kinds["actor"], ""))
    page_counts = {"vag": len(paths), "yrke": len(site.occupations), "aktor": len(actors)}
    page_types = tuple(FilterValue(k.id, k.label, page_counts[k.id]) for k in types)
    return (
        FilterGroup(
            "yrke", _counted(vocab.occupations.values(), paths, lambda p: [p.occupation.id])
        ),
        FilterGroup("lan", _counted(vocab.counties.values(), paths, lambda p: [p.county.id])),
        FilterGroup(
            "lage",
            _counted(vocab.situations.values(), paths, lambda p: [s.id for s in p.situations]),
        ),
        FilterGroup(
            "insats",
            _counted(vocab.step_types.values(), paths, lambda p: [s.type.id for s in p.steps]),
        ),
        FilterGroup(
            "resultat", _counted(vocab.outcomes.values(), paths, lambda p: [p.outcome.type.id])
        ),
        FilterGroup("aterkoppling", _counted(yes_no, paths, _feedback)),
        FilterGroup(PAGE_TYPE_FILTER, tuple(v for v in page_types if v.count)),
        FilterGroup(
            "malgrupp",
            _counted(vocab.situations.values(), actors, lambda a: [g.id for g in a.target_groups]),
        ),
        FilterGroup(
            "verksam",
            _counted(vocab.counties.values(), actors, lambda a: [c.id for c in a.counties]),
        ),
    )


def search_data(site: SiteData, t: Mapping[str, Any]) -> dict[str, Any]:
    """The search page's data block (JSON): labels for the result cards, the place names.
    Its UI strings are added by the template (theme/vagar/search.html), from the strings file."""
    vocab = site.content.vocabularies
    return {
        "sortKey": SORT_KEY,
        "browseWord": BROWSE_WORD,
        "pathFilters": list(PATH_FILTERS),
        "labels": {
            "occupation": {k: v.label for k, v in vocab.occupations.items()},
            "county": {k: v.label for k, v in vocab.counties.items()},
            "outcome": {k: v.label for k, v in vocab.outcomes.items()},
            "type": {k: v.label for k, v in vocab.actor_types.items()},
        },
        "places": place_keys(vocab, site.content.provinces),
    }
