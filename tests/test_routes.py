"""The common route to an occupation (generator/routes.py): step types per position, time per
outcome with "fewer than 3" handled, the shortest and longest path, and the figure's geometry;
then the route as the occupation page shows it."""

from __future__ import annotations

from pathlib import Path as FsPath

import pytest
from bs4 import BeautifulSoup
from helpers import THEME_DIR, make_project

from generator.content import ContentLayout, load_content
from generator.enrich import enrich
from generator.model import Actor, Occupation, Outcome, Path, Step, Term
from generator.render import load_strings, make_environment, render_site
from generator.routes import (
    BAR_MAX,
    MAX_POSITIONS,
    MAX_TYPES,
    MIN_FOR_MEDIAN,
    common_route,
    figure,
    outcome_times,
    wrap,
)


def terms(labels: dict[str, str]) -> dict[str, Term]:
    """A vocabulary from its ids and labels; each description is the label and a full stop."""
    return {key: Term(key, label, f"{label}.") for key, label in labels.items()}


STEP_TYPES = terms(
    {
        "kartlaggning": "Kartläggning och vägledning",
        "studiebesok": "Studiebesök",
        "praktik": "Praktik",
        "utbildning": "Kurs eller yrkesutbildning",
        "validering": "Validering",
        "sprakutbildning": "Språkutbildning",
        "anstallning": "Anställning",
    }
)
OUTCOMES = terms(
    {
        "anstallning": "Arbete",
        "utbildning": "Studier",
        "eget-foretag": "Eget företag",
        "annat": "Annat",
    }
)
OCCUPATION = Occupation("elektriker", "Elektriker", "Drar el.", "7411", "Elektriker")
ACTOR = Actor(
    id="af",
    name="Arbetsförmedlingen",
    type=Term("myndighet", "Myndighet", "En myndighet."),
    counties=(),
    nationwide=True,
    target_groups=(),
    description="En myndighet.",
    example=False,
    source="content/actors/af.yaml",
)


def path(path_id: str, steps: list[tuple[str, int]], outcome: str = "anstallning") -> Path:
    """A path to OCCUPATION with steps given as (step type, weeks)."""
    return Path(
        id=path_id,
        title=path_id.capitalize(),
        summary="En väg.",
        occupation=OCCUPATION,
        situations=(),
        age_band=Term("25-34", "25-34 år", "Ålder."),
        background="Bakgrund.",
        county=Term("21", "Gävleborgs län", "Ett län."),
        year=2024,
        outcome=Outcome(type=OUTCOMES[outcome], text="Slut."),
        steps=tuple(
            Step(type=STEP_TYPES[kind], title=f"Steg {n}", actors=(ACTOR,), weeks=weeks, text=".")
            for n, (kind, weeks) in enumerate(steps, start=1)
        ),
        documented_by=ACTOR,
        example=False,
        source=f"content/paths/{path_id}.yaml",
    )


def route_of(*paths: Path):  # type: ignore[no-untyped-def]
    return common_route(list(paths), STEP_TYPES, OUTCOMES)


# --- Step types per position ------------------------------------------------------------------


def test_each_position_counts_the_step_types_of_the_paths_that_reach_it() -> None:
    route = route_of(
        path("a", [("kartlaggning", 2), ("praktik", 4), ("anstallning", 1)]),
        path("b", [("kartlaggning", 3), ("utbildning", 30)]),
        path(
            "c", [("sprakutbildning", 20), ("praktik", 6), ("utbildning", 40), ("anstallning", 1)]
        ),
    )
    summary = [
        (p.number, p.paths, [(term.id, n) for term, n in p.types], p.others)
        for p in route.positions
    ]
    assert summary == [
        (1, 3, [("kartlaggning", 2), ("sprakutbildning", 1)], 0),
        (2, 3, [("praktik", 2), ("utbildning", 1)], 0),
        (3, 2, [("utbildning", 1), ("anstallning", 1)], 0),
        (4, 1, [("anstallning", 1)], 0),
    ]
    assert route.total == 3 and route.longer == 0


def test_ties_follow_the_vocabulary_and_rare_types_are_summed() -> None:
    kinds = ["anstallning", "validering", "studiebesok", "praktik", "kartlaggning", "utbildning"]
    paths = [path(f"p{n}", [(kind, 1), ("anstallning", 1)]) for n, kind in enumerate(kinds)]
    paths.append(path("extra", [("praktik", 1), ("anstallning", 1)]))
    first = route_of(*paths).positions[0]
    # praktik twice; then every other type once, in vocabulary order; beyond MAX_TYPES summed.
    assert [term.id for term, _n in first.types] == [
        "praktik",
        "kartlaggning",
        "studiebesok",
        "utbildning",
    ]
    assert len(first.types) == MAX_TYPES
    assert first.others == 2  # validering and anstallning: counted, not shown
    assert sum(n for _t, n in first.types) + first.others == first.paths == len(paths)


def test_positions_stop_at_the_limit_and_longer_paths_are_counted() -> None:
    long = path("lang", [("praktik", 1)] * (MAX_POSITIONS + 2))
    route = route_of(long, path("kort", [("praktik", 1), ("anstallning", 1)]))
    assert len(route.positions) == MAX_POSITIONS
    assert route.longer == 1
    assert route.positions[-1].paths == 1


def test_a_route_needs_a_path() -> None:
    with pytest.raises(ValueError):
        common_route([], STEP_TYPES, OUTCOMES)


# --- Time per outcome -------------------------------------------------------------------------


def test_medians_are_per_outcome_and_never_mix_outcomes() -> None:
    """The issue's own example: a 5-week path that ended in studies must not pull the time to
    work down."""
    route = route_of(
        path("a", [("praktik", 20), ("anstallning", 10)]),
        path("b", [("praktik", 30), ("anstallning", 10)]),
        path("c", [("praktik", 40), ("anstallning", 10)]),
        path("d", [("praktik", 2), ("utbildning", 3)], outcome="utbildning"),
    )
    times = {time.outcome.id: (time.count, time.median_weeks) for time in route.times}
    assert times == {"anstallning": (3, 40), "utbildning": (1, None)}
    assert [time.outcome.id for time in route.times] == ["anstallning", "utbildning"]


@pytest.mark.parametrize("count", [1, 2])
def test_fewer_than_three_paths_give_a_count_and_no_median(count: int) -> None:
    times = outcome_times({"eget-foretag": [10, 30][:count]}, OUTCOMES)
    assert [(t.outcome.id, t.count, t.median_weeks) for t in times] == [
        ("eget-foretag", count, None)
    ]
    assert count < MIN_FOR_MEDIAN


def test_three_paths_give_a_median_and_an_even_count_the_mean_of_the_middle_two() -> None:
    times = outcome_times({"anstallning": [50, 10, 30], "utbildning": [5, 7, 9, 100]}, OUTCOMES)
    assert [(t.outcome.id, t.count, t.median_weeks) for t in times] == [
        ("anstallning", 3, 30),
        ("utbildning", 4, 8),
    ]


def test_outcomes_no_path_ended_in_are_left_out() -> None:
    assert outcome_times({}, OUTCOMES) == ()
    assert [t.outcome.id for t in outcome_times({"annat": [4]}, OUTCOMES)] == ["annat"]


def test_the_headline_is_the_outcome_with_most_paths_that_has_a_median() -> None:
    few = route_of(path("a", [("praktik", 1), ("anstallning", 1)]))
    assert few.headline is None
    paths = [path(f"w{n}", [("praktik", n), ("anstallning", 1)]) for n in range(1, 4)]
    paths += [path(f"s{n}", [("praktik", n), ("utbildning", 1)], "utbildning") for n in (1, 2)]
    headline = route_of(*paths).headline
    assert headline is not None and headline.outcome.id == "anstallning"
    assert headline.median_weeks == 3


def test_shortest_and_longest_by_total_weeks_then_id() -> None:
    route = route_of(
        path("b", [("praktik", 5), ("anstallning", 5)]),
        path("a", [("praktik", 4), ("anstallning", 6)]),
        path("c", [("praktik", 30), ("anstallning", 1)]),
    )
    assert (route.shortest.id, route.longest.id) == ("a", "c")


# --- The figure -------------------------------------------------------------------------------


def test_the_figure_has_a_bar_per_type_as_long_as_its_share_of_all_paths() -> None:
    route = route_of(
        path("a", [("kartlaggning", 2), ("praktik", 4)]),
        path("b", [("kartlaggning", 3), ("utbildning", 30)]),
        path("c", [("validering", 3), ("utbildning", 30), ("anstallning", 2)]),
        path("d", [("kartlaggning", 3), ("utbildning", 30)]),
    )
    drawn = figure(route, "Andra insatser")
    first = drawn.groups[0]
    assert [(row.label, row.count, row.bar_width) for row in first.rows] == [
        ("Kartläggning och vägledning", 3, round(BAR_MAX * 3 / 4)),
        ("Validering", 1, round(BAR_MAX / 4)),
    ]
    # Everything lies inside the figure and nothing overlaps: each row starts below the last.
    tops = [line_y for group in drawn.groups for row in group.rows for _t, line_y in row.lines]
    assert tops == sorted(tops) and len(set(tops)) == len(tops)
    for group in drawn.groups:
        for row in group.rows:
            assert row.bar_y + drawn.bar_height < drawn.height
            assert row.count_x + 60 <= drawn.width
    assert drawn.groups[-1].rows[0].label == "Anställning"


def test_the_other_types_get_a_bar_of_their_own() -> None:
    kinds = ["anstallning", "validering", "studiebesok", "praktik", "kartlaggning", "utbildning"]
    route = route_of(*[path(f"p{n}", [(k, 1), ("praktik", 1)]) for n, k in enumerate(kinds)])
    rows = figure(route, "Andra insatser").groups[0].rows
    assert len(rows) == MAX_TYPES + 1
    assert (rows[-1].term, rows[-1].label, rows[-1].count) == (None, "Andra insatser", 2)


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("Praktik", ("Praktik",)),
        (
            "Rekryteringsträff eller återkoppling från arbetsgivare",
            ("Rekryteringsträff eller återkoppling", "från arbetsgivare"),
        ),
        ("ord " * 30, ("ord " * 8 + "ord", "ord " * 9 + "o…")),
        (
            "Ettmycketlångtordutanmellanslagsomintefårplats",
            ("Ettmycketlångtordutanmellanslagsomint…",),
        ),
    ],
)
def test_labels_wrap_in_two_lines_at_most(text: str, lines: tuple[str, ...]) -> None:
    assert wrap(text, 38) == lines


# --- On the occupation page -------------------------------------------------------------------

VALID_STEPS_OUTCOME = """\
id: {id}
title: Vägen {id}
summary: En väg till elektriker.
occupation: elektriker
situations: [langtidsarbetslos]
age_band: 25-34
background: Han hade arbetat på ett lager och ville byta bana.
county: "21"
year: 2024
outcome:
  type: {outcome}
  text: Det slutade bra.
steps:
  - type: kartlaggning
    title: Samtal med vägledare
    actors: [arbetsformedlingen]
    weeks: {first}
    text: De gick igenom lediga jobb i länet.
  - type: utbildning
    title: Elinstallation på yrkesvux
    actors: [arbetsformedlingen]
    weeks: 30
    text: Han läste elinstallation.
documented_by: arbetsformedlingen
consent: true
example: false
"""


@pytest.fixture(scope="module")
def occupation_page(tmp_path_factory: pytest.TempPathFactory) -> BeautifulSoup:
    paths = {
        f"el-{n}.yaml": VALID_STEPS_OUTCOME.format(id=f"el-{n}", outcome=outcome, first=first)
        for n, (outcome, first) in enumerate(
            [("anstallning", 2), ("anstallning", 10), ("anstallning", 20), ("utbildning", 1)]
        )
    }
    root = make_project(tmp_path_factory.mktemp("route"), paths)
    content, findings = load_content(ContentLayout(root), this_year=2025)
    assert content is not None, [f.format() for f in findings]
    pages = render_site(enrich(content), make_environment(THEME_DIR, load_strings(THEME_DIR)))
    html = next(page.html for page in pages if page.url == "yrken/elektriker/")
    return BeautifulSoup(html, "html.parser")


def test_the_page_gives_time_per_outcome_and_says_when_there_are_too_few(
    occupation_page: BeautifulSoup,
) -> None:
    times = {
        " ".join(div.dt.get_text(" ", strip=True).split()): " ".join(
            div.dd.get_text(" ", strip=True).split()
        )
        for div in occupation_page.select(".vagar-time")
    }
    assert times == {
        "Vägar som ledde till arbete": "Mediantid 40 veckor 3 vägar",
        "Vägar som ledde till studier": "För få vägar för en mediantid (det behövs minst 3) 1 väg",
    }
    facts = occupation_page.select_one(".vagar-facts").get_text(" ", strip=True)
    assert "Kortast väg Vägen el-3 31 veckor" in facts
    assert "Längst väg Vägen el-2 50 veckor" in facts


def test_the_figure_is_svg_with_a_text_alternative_and_a_table(
    occupation_page: BeautifulSoup,
) -> None:
    svg = occupation_page.select_one("section.vagar-route svg")
    assert svg is not None and svg["role"] == "img"
    title = occupation_page.find(id=svg["aria-labelledby"])
    desc = occupation_page.find(id=svg["aria-describedby"])
    assert title.get_text() == "Insatser i varje steg på vägarna till Elektriker"
    assert desc.get_text(strip=True) == (
        "Steg 1, 4 vägar: Kartläggning och vägledning 4. Steg 2, 4 vägar: Kurs eller "
        "yrkesutbildning 4."
    )
    assert len(svg.select("rect.vagar-route__bar")) == 2
    assert not occupation_page.select("[style]") and not occupation_page.select("style, script")
    rows = [
        [cell.get_text(" ", strip=True) for cell in row.select("th, td")]
        for row in occupation_page.select("section.vagar-route table tbody tr")
    ]
    assert rows == [
        ["Steg 1 4 vägar", "Kartläggning och vägledning", "4"],
        ["Steg 2 4 vägar", "Kurs eller yrkesutbildning", "4"],
    ]


def test_step_types_on_the_page_link_to_the_glossary(occupation_page: BeautifulSoup) -> None:
    links = {a["href"] for a in occupation_page.select("section.vagar-route td a")}
    assert links == {"../../ordlista/#insats-kartlaggning", "../../ordlista/#insats-utbildning"}
    median = occupation_page.select_one(".vagar-time a")
    assert median["href"] == "../../ordlista/#ord-mediantid"


def test_real_figure_fits_its_content(tmp_path: FsPath) -> None:
    """The sample content: every occupation has a route, and each figure's SVG height is the
    figure's own (no clipped rows)."""
    from helpers import REPO_ROOT

    content, _ = load_content(ContentLayout(REPO_ROOT))
    assert content is not None
    site = enrich(content)
    assert set(site.routes) == set(site.occupations)
    for route in site.routes.values():
        drawn = figure(route, "Andra")
        last = drawn.groups[-1].rows[-1]
        assert last.bar_y + drawn.bar_height <= drawn.height
