"""The actor comparison and what employers said, computed from a small model
(generator/actors.py, generator/feedback.py): rows, medians, outcome counts, published-result
shares, variants, the actors of each county, and the gathered feedback and tracks."""

from __future__ import annotations

import pytest
from helpers import ARBETSFORMEDLINGEN, EXEMPEL_ELFORETAG, VALID_PATH, make_project

from generator.actors import (
    comparison_rows,
    county_actors,
    median_weeks,
    newest_result,
    serves,
    swedish_key,
    variants,
)
from generator.content import ContentLayout, load_content
from generator.enrich import SiteData, enrich
from generator.feedback import (
    chose_another,
    feedback_by_actor,
    feedback_by_occupation,
    feedback_in,
    has_feedback,
    listing,
    other_tracks,
)
from generator.model import Result

SKOLA = """\
id: skolan-i-orten
name: Östra skolan
type: utbildningsanordnare
counties: ["06", "21"]
target_groups: [nyanland]
description: En skola som ger yrkesutbildning för vuxna.
results:
  - year: 2023
    participants: 118
    in_work_or_studies: 76
    after_days: 365
    source: https://exempel.se/2023
  - year: 2024
    participants: 140
    in_work_or_studies: 97
    after_days: 90
    source: https://exempel.se/2024
  - year: 2024
    participants: 140
    in_work_or_studies: 101
    after_days: 180
    source: https://exempel.se/2024-halvar
example: true
"""


def path(
    path_id: str,
    *,
    occupation: str = "elektriker",
    county: str = "21",
    year: int = 2024,
    outcome: str = "anstallning",
    steps: str = "",
    tracks: str = "",
) -> str:
    """VALID_PATH (elektriker, Gävleborg, 2024, 2 + 36 weeks) with the given changes."""
    text = (
        VALID_PATH.replace("id: giltig-vag", f"id: {path_id}")
        .replace("occupation: elektriker", f"occupation: {occupation}")
        .replace('county: "21"\nmunicipality: "2180"', f'county: "{county}"')
        .replace("year: 2024", f"year: {year}")
        .replace("type: anstallning", f"type: {outcome}")
    )
    if steps:
        start, end = text.index("steps:\n"), text.index("documented_by:")
        text = text[:start] + steps + text[end:]
    return text.replace("documented_by:", tracks + "documented_by:", 1)


def step(kind: str, actors: str, weeks: int, feedback: str = "") -> str:
    line = f"    employer_feedback: {feedback}\n" if feedback else ""
    return (
        f"  - type: {kind}\n    title: Ett steg på vägen\n    actors: [{actors}]\n"
        f"    weeks: {weeks}\n    text: Det här hände under steget.\n{line}"
    )


def tracks(*items: tuple[str, str, bool]) -> str:
    text = "tracks_considered:\n"
    for title, occupation, chosen in items:
        text += f"  - title: {title}\n"
        text += f"    occupation: {occupation}\n" if occupation else ""
        text += f"    chosen: {'true' if chosen else 'false'}\n    why: Så blev det till slut.\n"
    return text


PATHS = {
    # elektriker, Gävleborg, 2024, 38 weeks, work; feedback in its second step
    "el-nu.yaml": path(
        "el-nu",
        steps="steps:\n"
        + step("kartlaggning", "arbetsformedlingen", 2)
        + step("utbildning", "arbetsformedlingen, exempel-elforetag", 36, "De ville se mer el."),
        tracks=tracks(("Elektriker", "elektriker", True), ("Lastbil", "lastbilsforare", False)),
    ),
    # elektriker, Jönköping, 2022, 10 weeks, studies; feedback in its first step
    "el-da.yaml": path(
        "el-da",
        county="06",
        year=2022,
        outcome="utbildning",
        steps="steps:\n"
        + step("praktik", "skolan-i-orten", 4, "De saknade yrkessvenska.")
        + step("anstallning", "exempel-elforetag", 6),
    ),
    # frisör, Gävleborg, 2023, 10 weeks; considered becoming an electrician
    "frisor-vag.yaml": path(
        "frisor-vag",
        occupation="frisor",
        year=2023,
        steps="steps:\n"
        + step("kartlaggning", "arbetsformedlingen", 2)
        + step("praktik", "arbetsformedlingen", 8),
        tracks=tracks(("Frisör", "frisor", True), ("Elektriker", "elektriker", False)),
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> SiteData:
    root = make_project(
        tmp_path_factory.mktemp("actors"),
        PATHS,
        {
            "arbetsformedlingen.yaml": ARBETSFORMEDLINGEN,
            "exempel-elforetag.yaml": EXEMPEL_ELFORETAG,
            "skolan-i-orten.yaml": SKOLA,
        },
    )
    content, findings = load_content(ContentLayout(root), this_year=2025)
    assert content is not None, [f.format() for f in findings]
    return enrich(content)


# The comparison's rows


def test_rows_are_in_swedish_alphabetical_order(site: SiteData) -> None:
    names = [row.actor.name for row in comparison_rows(site)]
    assert names == ["Arbetsförmedlingen", "Exempel El AB", "Östra skolan"]


def test_swedish_order_puts_a_ring_a_umlaut_and_o_umlaut_last() -> None:
    words = ["Örebro", "Åre", "Ängby", "Zorn", "Éva", "Eda", "ärlig"]
    assert sorted(words, key=swedish_key) == [
        "Eda",
        "Éva",
        "Zorn",
        "Åre",
        "Ängby",
        "ärlig",
        "Örebro",
    ]


def test_a_row_counts_the_paths_the_actor_took_part_in_or_documented(site: SiteData) -> None:
    rows = {row.actor.id: row for row in comparison_rows(site)}
    # Arbetsförmedlingen documented every path (VALID_PATH's documented_by).
    assert {key: row.paths for key, row in rows.items()} == {
        "arbetsformedlingen": 3,
        "exempel-elforetag": 2,
        "skolan-i-orten": 1,
    }


def test_a_row_has_the_situations_outcomes_and_median_of_its_paths(site: SiteData) -> None:
    rows = {row.actor.id: row for row in comparison_rows(site)}
    everyone = rows["arbetsformedlingen"]
    assert [term.id for term in everyone.situations] == ["langtidsarbetslos"]
    assert [(term.id, count) for term, count in everyone.outcomes] == [
        ("anstallning", 2),
        ("utbildning", 1),
    ]
    assert everyone.median_weeks == 10  # 38, 10 and 10 weeks
    assert rows["exempel-elforetag"].median_weeks == 24  # 38 and 10 weeks
    assert [(term.id, count) for term, count in rows["skolan-i-orten"].outcomes] == [
        ("utbildning", 1)
    ]


def test_median_of_no_paths_is_none() -> None:
    assert median_weeks(()) is None


def test_the_newest_result_is_the_latest_year_then_the_longest_follow_up(site: SiteData) -> None:
    rows = {row.actor.id: row for row in comparison_rows(site)}
    assert rows["skolan-i-orten"].result == newest_result(site.content.actors["skolan-i-orten"])
    result = rows["skolan-i-orten"].result
    assert result is not None and (result.year, result.after_days) == (2024, 180)
    assert rows["arbetsformedlingen"].result is None


@pytest.mark.parametrize(
    ("placed", "participants", "share"),
    [(97, 140, 69), (1, 8, 13), (1, 3, 33), (2, 3, 67), (0, 5, 0), (5, 5, 100)],
)
def test_a_share_is_whole_percent_rounded_half_up(
    placed: int, participants: int, share: int
) -> None:
    result = Result(
        year=2024,
        participants=participants,
        in_work_or_studies=placed,
        after_days=90,
        source="https://exempel.se/",
    )
    assert result.share == share


# Variants and counties


def test_variants_by_county_group_and_type(site: SiteData) -> None:
    found = variants(site, comparison_rows(site))

    def ids(kind: str) -> dict[str, list[str]]:
        return {v.term.id: [r.actor.id for r in v.rows] for v in found[kind]}

    by_county = ids("actors_in_county")
    assert len(by_county) == 21  # Arbetsförmedlingen works in every county
    assert by_county["21"] == ["arbetsformedlingen", "exempel-elforetag", "skolan-i-orten"]
    assert by_county["06"] == ["arbetsformedlingen", "skolan-i-orten"]
    assert by_county["01"] == ["arbetsformedlingen"]
    assert ids("actors_for_group") == {
        "langtidsarbetslos": ["arbetsformedlingen", "exempel-elforetag"],
        "ung": ["arbetsformedlingen"],
        "nyanland": ["skolan-i-orten"],
    }
    assert ids("actors_of_type") == {
        "myndighet": ["arbetsformedlingen"],
        "utbildningsanordnare": ["skolan-i-orten"],
        "arbetsgivare": ["exempel-elforetag"],
    }


def test_a_nationwide_actor_serves_every_county(site: SiteData) -> None:
    actors = site.content.actors
    assert all(serves(actors["arbetsformedlingen"], c) for c in site.content.vocabularies.counties)
    assert serves(actors["skolan-i-orten"], "06") and not serves(actors["skolan-i-orten"], "01")


def test_county_actors_by_type_with_their_paths_in_the_county(site: SiteData) -> None:
    def plain(county: str) -> list[tuple[str, list[tuple[str, int]]]]:
        return [
            (term.id, [(actor.id, count) for actor, count in members])
            for term, members in county_actors(site)[county]
        ]

    assert plain("21") == [
        ("myndighet", [("arbetsformedlingen", 2)]),
        ("utbildningsanordnare", [("skolan-i-orten", 0)]),
        ("arbetsgivare", [("exempel-elforetag", 1)]),
    ]
    assert plain("06") == [
        ("myndighet", [("arbetsformedlingen", 1)]),
        ("utbildningsanordnare", [("skolan-i-orten", 1)]),
    ]
    assert plain("01") == [("myndighet", [("arbetsformedlingen", 0)])]


# What employers said, and tracks considered


def test_feedback_is_gathered_newest_first_with_its_step(site: SiteData) -> None:
    found = feedback_in(site.content.paths.values())
    assert [(f.path.id, f.number, f.text) for f in found] == [
        ("el-nu", 2, "De ville se mer el."),
        ("el-da", 1, "De saknade yrkessvenska."),
    ]
    assert has_feedback(site.content.paths["el-nu"])
    assert not has_feedback(site.content.paths["frisor-vag"])


def test_feedback_by_occupation_and_by_actor(site: SiteData) -> None:
    by_occupation = feedback_by_occupation(site)
    assert set(by_occupation) == {"elektriker", "frisor"}  # occupations with a page
    assert [f.path.id for f in by_occupation["elektriker"].shown] == ["el-nu", "el-da"]
    assert by_occupation["frisor"].total == 0
    by_actor = {
        key: [f.path.id for f in found.shown] for key, found in feedback_by_actor(site).items()
    }
    assert by_actor == {
        "arbetsformedlingen": ["el-nu"],
        "exempel-elforetag": ["el-nu"],
        "skolan-i-orten": ["el-da"],
    }


def test_a_listing_shows_the_first_and_counts_all() -> None:
    found = listing(range(15), 10)
    assert (found.shown, found.total) == (tuple(range(10)), 15)


def test_other_tracks_and_those_who_chose_another_occupation(site: SiteData) -> None:
    other = other_tracks(site)
    assert [(c.path.id, c.track.title) for c in other["elektriker"].shown] == [("el-nu", "Lastbil")]
    assert [(c.path.id, c.track.title) for c in other["frisor"].shown] == [
        ("frisor-vag", "Elektriker")
    ]
    chose = chose_another(site)
    assert [c.path.id for c in chose["elektriker"].shown] == ["frisor-vag"]
    assert chose["frisor"].total == 0
    assert "lastbilsforare" not in chose  # no page for an occupation without paths
