"""The glossary (``/ordlista/``): every word the pages use as a category, explained once.

Made from the vocabularies — step types, starting situations, outcomes, actor types — and the
common words in ``content/vocabulary/glossary.yaml`` (kartläggning, sfi, SSYK, mediantid…),
so a new step type is explained the day it is added. Each entry has an anchor of its own, and
the path and occupation pages link their step types and situations there.

Anchors are part of public URLs (``ordlista/#insats-praktik``), so they are made here and
nowhere else; the prefix keeps ids of different vocabularies apart (``utbildning`` is both a
step type and an outcome).
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import Term, Vocabularies

SECTIONS = (
    ("glossary", "vanliga-ord", "ord"),
    ("step-types", "insatser", "insats"),
    ("situations", "utgangslagen", "utgangslage"),
    ("outcomes", "resultaten", "resultat"),
    ("actor-types", "aktorstyper", "aktorstyp"),
)
"""The vocabularies the glossary explains, in page order: file stem, the section's anchor and
the prefix of its entries' anchors."""
_PREFIXES = {name: prefix for name, _section, prefix in SECTIONS}


@dataclass(frozen=True)
class Section:
    """One vocabulary's entries: ``name`` is its file stem (``step-types``), ``anchor`` the
    section's own anchor."""

    name: str
    anchor: str
    entries: tuple[tuple[str, Term], ...]
    """``(anchor, term)`` in vocabulary order."""


@dataclass(frozen=True)
class Glossary:
    """The glossary's sections and the anchor of every entry."""

    sections: tuple[Section, ...]

    @property
    def count(self) -> int:
        return sum(len(section.entries) for section in self.sections)

    def anchor(self, vocabulary: str, term_id: str) -> str:
        """The anchor of a term's entry: ``anchor("step-types", "praktik")`` is
        ``insats-praktik``. Raises KeyError for a vocabulary the glossary does not explain."""
        return f"{_PREFIXES[vocabulary]}-{term_id}"


def make_glossary(vocabularies: Vocabularies) -> Glossary:
    """The glossary of the site's vocabularies."""
    by_name = vocabularies.by_name()
    sections = []
    for name, anchor, prefix in SECTIONS:
        terms = by_name.get(name, {})
        entries = tuple((f"{prefix}-{term.id}", term) for term in terms.values())
        sections.append(Section(name, anchor, entries))
    return Glossary(tuple(sections))
