"""Place names search understands (issue 11): counties, municipalities, provinces.

Someone who types "Småland", "Växjö" or "Kronobergs län" into the search means a place, not a
word to stem ("Småland" is not "små", "Växjö" is not "växa"). The search page turns such a word
into a county filter. The names come from data: the county and municipality vocabularies and
``content/places/provinces.yaml`` (provinces and parts of the country, with their source).

The page holds the names as keys (``place_key``), not as text: a municipality the site hides
to protect a person (``generator.reidentify``) must not appear anywhere in the site, and the
list names every municipality. The script computes the same key from the words typed.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from generator.findings import Finding
from generator.load import load_document
from generator.messages import _
from generator.model import Province, Vocabularies
from generator.words import normalize

FILE_NAME = "places/provinces.yaml"
_GROUPS = ("provinces", "parts_of_the_country")


def load_provinces(
    file: Path, display_name: str, counties: set[str]
) -> tuple[tuple[Province, ...], list[Finding]]:
    """The provinces and parts of the country in ``file``; none when it does not exist."""
    if not file.exists() and not file.is_symlink():
        return (), []
    document, findings = load_document(file, display_name)
    if document is None:
        return (), findings
    data: Any = document.data
    provinces: list[Province] = []
    problems: list[Finding] = []
    for group in _GROUPS:
        entries = data.get(group, []) if isinstance(data, dict) else None
        if not isinstance(entries, list):
            message = _("{field} must be a list").format(field=group)
            problems.append(Finding(display_name, 1, 1, message))
            continue
        for index, entry in enumerate(entries):
            province = _province(entry, counties)
            if province is None:
                at = document.position((group, index))
                message = _("a place needs a name and the codes of known counties")
                where = f"{group}[{index}]"
                problems.append(Finding(display_name, at.line, at.column, message, field=where))
            else:
                provinces.append(province)
    return (tuple(provinces), problems) if not problems else ((), problems)


def _province(entry: Any, counties: set[str]) -> Province | None:
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
        return None
    codes = entry.get("counties")
    if not isinstance(codes, list) or not codes or not all(c in counties for c in codes):
        return None
    return Province(" ".join(entry["name"].split()), tuple(str(c) for c in codes))


def county_names(label: str) -> set[str]:
    """How a county is written: "Kronobergs län", "Kronobergs", "Kronoberg"."""
    names = {label}
    short = label.removesuffix(" län")
    if short != label:
        names.add(short)
        names.add(short.removesuffix("s"))
    return names


_LETTERS = "abcdefghijklmnop"


def place_key(normalized: str) -> str:
    """32-bit FNV-1a of a normalized name, written as eight letters a-p (no digits, so no
    key reads as a municipality code). theme/assets/vagar-search-page.js computes the same."""
    value = 0x811C9DC5
    for character in normalized:
        value = ((value ^ ord(character)) * 0x01000193) & 0xFFFFFFFF
    return "".join(_LETTERS[(value >> shift) & 15] for shift in range(28, -4, -4))


def place_words(vocab: Vocabularies, provinces: tuple[Province, ...]) -> dict[str, list[str]]:
    """Every place name, normalized (``words.normalize``), to the county codes it means."""
    places: dict[str, set[str]] = defaultdict(set)
    for county in vocab.counties.values():
        for name in county_names(county.label):
            places[normalize(name)].add(county.id)
    for municipality in vocab.municipalities.values():
        places[normalize(municipality.label)].add(municipality.county)
    for province in provinces:
        places[normalize(province.name)].update(province.counties)
    order = list(vocab.counties)
    return {name: sorted(codes, key=order.index) for name, codes in sorted(places.items()) if name}


def place_keys(vocab: Vocabularies, provinces: tuple[Province, ...]) -> dict[str, list[str]]:
    """``place_words`` by ``place_key``: what the search page holds."""
    return {place_key(name): codes for name, codes in place_words(vocab, provinces).items()}
