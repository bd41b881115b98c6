"""Issue 11: the place names search understands (generator/places.py) and what the search page
is given (generator/search_page.py)."""

from __future__ import annotations

from pathlib import Path

from helpers import REPO_ROOT

from generator.content import ContentLayout, load_content
from generator.enrich import enrich
from generator.places import load_provinces, place_key, place_keys, place_words
from generator.render import load_strings
from generator.search_page import filter_groups, search_data

CONTENT, _FINDINGS = load_content(ContentLayout(REPO_ROOT, Path("content")))
assert CONTENT is not None
VOCAB = CONTENT.vocabularies


def test_counties_municipalities_and_provinces_name_their_counties() -> None:
    places = place_words(VOCAB, CONTENT.provinces)
    assert places["smaland"] == ["06", "07", "08"]
    assert places["vaxjo"] == ["07"]
    assert places["kronobergs lan"] == places["kronobergs"] == places["kronoberg"] == ["07"]
    assert places["norrland"] == ["21", "22", "23", "24", "25"]
    assert places["upplands bro"] == ["01"]
    assert places["gotland"] == ["09"]  # a province, a municipality and a county's name
    assert all(name == name.strip() and name for name in places)


def test_the_key_is_fnv1a_in_letters() -> None:
    assert place_key("a") == "oeamcjcm"  # 0xe40c292c
    assert place_key("") == "ibbmjnmf"  # 0x811c9dc5, the offset basis
    keys = place_keys(VOCAB, CONTENT.provinces)
    assert len(keys) == len(place_words(VOCAB, CONTENT.provinces))  # no collision
    assert all(key.isalpha() and len(key) == 8 for key in keys)


def test_a_province_with_an_unknown_county_is_refused(tmp_path: Path) -> None:
    file = tmp_path / "provinces.yaml"
    file.write_text(
        "provinces:\n  - {name: Småland, counties: ['06', '99']}\nparts_of_the_country: []\n",
        encoding="utf-8",
    )
    provinces, findings = load_provinces(file, "provinces.yaml", set(VOCAB.counties))
    assert provinces == ()
    assert [(f.line, f.field) for f in findings] == [(2, "provinces[0]")]
    assert load_provinces(tmp_path / "absent.yaml", "absent.yaml", set()) == ((), [])


def test_the_search_page_counts_paths_only_and_names_no_municipality() -> None:
    site = enrich(CONTENT)
    strings = load_strings(REPO_ROOT / "theme")
    groups = {group.key: group for group in filter_groups(site, strings)}
    paths = list(CONTENT.paths.values())
    occupations = {v.id: v.count for v in groups["yrke"].values}
    assert occupations["elektriker"] == sum(p.occupation.id == "elektriker" for p in paths)
    assert sum(occupations.values()) == len(paths)
    assert sum(v.count for v in groups["lan"].values) == len(paths)
    assert {v.id: v.count for v in groups["lage"].values}["nyanland"] == 9
    assert {v.id: v.count for v in groups["sidtyp"].values}["vag"] == len(paths)
    data = search_data(site, strings)
    text = str(data)
    assert not [m.label for m in VOCAB.municipalities.values() if f"'{m.label}'" in text]
