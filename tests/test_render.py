"""Stages 3 and 4, enrich and render: a small model becomes the pages of the site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import THEME_DIR, VALID_PATH, make_project

from generator.content import ContentLayout, load_content
from generator.engine import source_uri
from generator.enrich import SiteData, enrich
from generator.localize import localized_data
from generator.model import Content
from generator.pages import Pager, relative
from generator.render import RenderedPage, load_strings, make_environment, render_site

VALID_STEPS = VALID_PATH[VALID_PATH.index("steps:\n") : VALID_PATH.index("documented_by:")]


def path_text(
    path_id: str,
    *,
    occupation: str = "elektriker",
    situations: str = "[langtidsarbetslos]",
    place: str = 'county: "21"\nmunicipality: "2180"',
    year: int = 2024,
    steps: list[tuple[str, int]] | None = None,
) -> str:
    """A valid path made from ``VALID_PATH`` by string edits; ``steps`` as (type, weeks)."""
    text = (
        VALID_PATH.replace("id: giltig-vag", f"id: {path_id}")
        .replace("occupation: elektriker", f"occupation: {occupation}")
        .replace("situations: [langtidsarbetslos]", f"situations: {situations}")
        .replace('county: "21"\nmunicipality: "2180"', place)
        .replace("year: 2024", f"year: {year}")
    )
    if steps is not None:
        block = "steps:\n" + "".join(
            f"  - type: {kind}\n"
            f"    title: Steg nummer {number}\n"
            "    actors: [arbetsformedlingen]\n"
            f"    weeks: {weeks}\n"
            "    text: Det här hände under steget.\n"
            for number, (kind, weeks) in enumerate(steps, start=1)
        )
        text = text.replace(VALID_STEPS, block)
    return text


def build(root: Path) -> tuple[Content, SiteData, dict[str, RenderedPage]]:
    content, findings = load_content(ContentLayout(root), this_year=2025)
    assert [f for f in findings if f.severity == "error"] == [], [f.format() for f in findings]
    assert content is not None
    site_data = enrich(content)
    pages = render_site(site_data, make_environment(THEME_DIR, load_strings(THEME_DIR)))
    return content, site_data, {page.url: page for page in pages}


SAMPLE = {
    # elektriker, Gävleborg, 2 + 36 = 38 weeks
    "giltig-vag.yaml": VALID_PATH,
    # elektriker, Gävleborg, 20 weeks; the same step type twice
    "el-snabb.yaml": path_text(
        "el-snabb", year=2023, steps=[("kartlaggning", 4), ("kartlaggning", 6), ("praktik", 10)]
    ),
    # elektriker, Stockholm, another situation, 6 weeks
    "el-ung.yaml": path_text(
        "el-ung",
        situations="[ung]",
        place='county: "01"',
        year=2022,
        steps=[("praktik", 3), ("anstallning", 3)],
    ),
    # another occupation, otherwise like giltig-vag
    "frisor-vag.yaml": path_text("frisor-vag", occupation="frisor"),
}


@pytest.fixture(scope="module")
def sample(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Content, SiteData, dict[str, RenderedPage]]:
    return build(make_project(tmp_path_factory.mktemp("sample"), SAMPLE))


@pytest.fixture(scope="module")
def site_data(sample: tuple[Content, SiteData, dict[str, RenderedPage]]) -> SiteData:
    return sample[1]


@pytest.fixture(scope="module")
def pages(sample: tuple[Content, SiteData, dict[str, RenderedPage]]) -> dict[str, RenderedPage]:
    return sample[2]


# Which pages exist


def test_one_page_per_path_occupation_actor_county_situation_and_index(
    pages: dict[str, RenderedPage],
) -> None:
    def under(prefix: str) -> int:
        return sum(1 for url in pages if url.startswith(prefix) and url != prefix)

    assert under("vagar/") == 4
    assert under("yrken/") == 2
    # two actors, and the comparison by county (21), target group (2) and actor type (2)
    assert under("aktorer/") == 2 + 21 + 2 + 2
    assert under("aktorer/lan/") == 21
    assert under("lan/") == 21
    assert under("utgangslage/") == 6
    assert {"", "yrken/", "aktorer/", "lan/", "utgangslage/", "sok/"} <= set(pages)
    assert {"ordlista/", "min-plan/"} <= set(pages)
    assert len(pages) == 6 + 4 + 2 + 2 + 25 + 21 + 6 + 2 + 1  # + glossary, my plan; data/
    assert "data/" in pages


@pytest.mark.parametrize(
    ("url", "src_uri"),
    [
        ("", "index.md"),
        ("yrken/", "yrken/index.md"),
        ("yrken/elektriker/", "yrken/elektriker.md"),
        ("yrken/frisor/", "yrken/frisor.md"),
        ("vagar/giltig-vag/", "vagar/giltig-vag.md"),
        ("vagar/el-ung/", "vagar/el-ung.md"),
        ("aktorer/", "aktorer/index.md"),
        ("aktorer/exempel-elforetag/", "aktorer/exempel-elforetag.md"),
        ("lan/", "lan/index.md"),
        ("lan/21/", "lan/21.md"),
        ("lan/25/", "lan/25.md"),
        ("utgangslage/", "utgangslage/index.md"),
        ("utgangslage/ung/", "utgangslage/ung.md"),
        ("sok/", "sok/index.md"),
    ],
)
def test_page_urls_and_sources(pages: dict[str, RenderedPage], url: str, src_uri: str) -> None:
    assert source_uri(pages[url].url) == src_uri


def test_source_names_are_unique(pages: dict[str, RenderedPage]) -> None:
    assert len({source_uri(page.url) for page in pages.values()}) == len(pages)


def test_no_page_for_an_occupation_without_paths(pages: dict[str, RenderedPage]) -> None:
    occupations = sorted(url for url in pages if url.startswith("yrken/") and url != "yrken/")

    assert occupations == ["yrken/elektriker/", "yrken/frisor/"]


def test_path_page_title_and_description(pages: dict[str, RenderedPage]) -> None:
    page = pages["vagar/giltig-vag/"]

    assert page.title == "Från lagret till elcentralen"
    assert page.description.startswith("Han var utan arbete i två år")


def test_county_page_description_names_the_county(pages: dict[str, RenderedPage]) -> None:
    assert pages["lan/21/"].title == "Gävleborgs län"
    assert pages["lan/21/"].description == "Vägar till jobb i Gävleborgs län."


# Relative links


@pytest.mark.parametrize(
    ("target", "current", "link"),
    [
        ("vagar/x/", "", "vagar/x/"),
        ("", "vagar/x/", "../../"),
        ("", "sok/", "../"),
        ("", "", "./"),
        ("vagar/x/", "vagar/x/", "../../vagar/x/"),
        ("yrken/elektriker/", "vagar/x/", "../../yrken/elektriker/"),
        ("yrken/", "yrken/elektriker/", "../../yrken/"),
        ("pagefind/", "sok/", "../pagefind/"),
        ("assets/vagar.css", "vagar/x/", "../../assets/vagar.css"),
        ("assets/vagar.css", "", "assets/vagar.css"),
    ],
)
def test_relative_link(target: str, current: str, link: str) -> None:
    assert relative(target, current) == link


def test_path_page_links_are_relative(pages: dict[str, RenderedPage]) -> None:
    html = pages["vagar/giltig-vag/"].html

    assert 'href="../../yrken/elektriker/"' in html
    # situations link to their glossary entry, which links to the situation's page
    assert 'href="../../ordlista/#utgangslage-langtidsarbetslos"' in html
    assert 'href="../../lan/21/"' in html
    assert 'href="../../aktorer/exempel-elforetag/"' in html
    assert 'href="/' not in html


def test_home_page_links_are_relative(pages: dict[str, RenderedPage]) -> None:
    html = pages[""].html

    assert 'href="vagar/giltig-vag/"' in html
    assert 'href="yrken/elektriker/"' in html
    assert 'action="sok/"' in html


def test_search_page_points_at_the_bundle_relatively(pages: dict[str, RenderedPage]) -> None:
    assert 'data-bundle="../pagefind/"' in pages["sok/"].html


# The path page


def test_path_page_has_the_search_filters(pages: dict[str, RenderedPage]) -> None:
    html = pages["vagar/giltig-vag/"].html

    # Issue 11: names and values are ids; the search page shows their labels.
    for name, value in [
        ("sidtyp", "vag"),
        ("yrke", "elektriker"),
        ("lan", "21"),
        ("lage", "langtidsarbetslos"),
        ("insats", "kartlaggning"),
        ("insats", "utbildning"),
        ("resultat", "anstallning"),
        ("aterkoppling", "nej"),
    ]:
        assert f'<span data-pagefind-filter="{name}">{value}</span>' in html
    for name, value in [
        ("occupation", "elektriker"),
        ("county", "21"),
        ("weeks", "38"),
        ("outcome", "anstallning"),
        ("year", "2024"),
    ]:
        assert f'<span data-pagefind-meta="{name}">{value}</span>' in html


def test_step_type_filter_lists_each_type_once(pages: dict[str, RenderedPage]) -> None:
    html = pages["vagar/el-snabb/"].html

    assert html.count('data-pagefind-filter="insats">kartlaggning<') == 1


@pytest.mark.parametrize(("path_id", "weeks"), [("giltig-vag", 38), ("el-snabb", 20)])
def test_sort_value_is_the_total_weeks(
    pages: dict[str, RenderedPage], path_id: str, weeks: int
) -> None:
    html = pages[f"vagar/{path_id}/"].html

    assert re.findall(r'data-pagefind-sort="veckor">(\d+)<', html) == [str(weeks)]


@pytest.mark.parametrize(("path_id", "steps"), [("giltig-vag", 2), ("el-snabb", 3)])
def test_timeline_has_one_item_per_step(
    pages: dict[str, RenderedPage], path_id: str, steps: int
) -> None:
    assert pages[f"vagar/{path_id}/"].html.count('<li class="vagar-step') == steps


def test_path_page_is_indexed_by_pagefind(pages: dict[str, RenderedPage]) -> None:
    assert "data-pagefind-body" in pages["vagar/giltig-vag/"].html
    assert "data-pagefind-body" not in pages["lan/21/"].html


# Escaping


HOSTILE = (
    VALID_PATH.replace(
        "title: Från lagret till elcentralen", "title: '<script>alert(1)</script> {{ 7*7 }}'"
    )
    .replace(
        "summary: Han var utan arbete i två år och blev elektriker efter yrkesvux.",
        "summary: 'Sammanfattning \" onmouseover=\"x med {{ 7*7 }} och <b>fet</b>.'",
    )
    .replace(
        "    text: De gick igenom lediga jobb i länet.",
        "    text: '<script>alert(1)</script> \" onmouseover=\"x {{ 7*7 }} {% raw %}'",
    )
)


@pytest.fixture(scope="module")
def hostile_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, RenderedPage]:
    return build(make_project(tmp_path_factory.mktemp("hostile"), {"giltig-vag.yaml": HOSTILE}))[2]


def test_script_in_contributor_text_is_escaped(hostile_pages: dict[str, RenderedPage]) -> None:
    html = hostile_pages["vagar/giltig-vag/"].html

    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;fet&lt;/b&gt;" in html


def test_no_page_contains_a_live_script_or_attribute(
    hostile_pages: dict[str, RenderedPage],
) -> None:
    for page in hostile_pages.values():
        assert "<script>alert" not in page.html, page.url
        assert 'onmouseover="x' not in page.html, page.url
        assert "<b>fet" not in page.html, page.url


def test_template_syntax_in_contributor_text_stays_literal(
    hostile_pages: dict[str, RenderedPage],
) -> None:
    html = hostile_pages["vagar/giltig-vag/"].html

    assert html.count("{{ 7*7 }}") >= 3
    assert "{% raw %}" in html
    assert ">49<" not in html


def test_hostile_title_reaches_the_page_title_unescaped_for_the_adapter(
    hostile_pages: dict[str, RenderedPage],
) -> None:
    # The plugin escapes titles itself; render passes the text as written.
    assert hostile_pages["vagar/giltig-vag/"].title == "<script>alert(1)</script> {{ 7*7 }}"


# Enrich


def test_median_weeks_per_occupation(site_data: SiteData) -> None:
    assert site_data.occupations["elektriker"].median_weeks == 20
    assert site_data.occupations["frisor"].median_weeks == 38


def test_median_of_an_even_count_is_the_mean_of_the_middle_two(tmp_path: Path) -> None:
    root = make_project(
        tmp_path,
        {
            "giltig-vag.yaml": VALID_PATH,
            "kort.yaml": path_text("kort", steps=[("praktik", 1), ("anstallning", 2)]),
        },
    )

    _, site_data, _ = build(root)

    assert site_data.occupations["elektriker"].median_weeks == 20.5


def test_occupation_summary_lists_only_occupations_with_paths(site_data: SiteData) -> None:
    assert list(site_data.occupations) == ["elektriker", "frisor"]
    assert [p.id for p in site_data.occupations["elektriker"].paths] == [
        "giltig-vag",
        "el-snabb",
        "el-ung",
    ]


def test_step_types_count_paths_not_steps(site_data: SiteData) -> None:
    counts = [(term.id, n) for term, n in site_data.occupations["elektriker"].step_types]

    assert counts == [("kartlaggning", 2), ("praktik", 2), ("anstallning", 1), ("utbildning", 1)]


def test_actor_counts_per_occupation(site_data: SiteData) -> None:
    counts = [(actor.id, n) for actor, n in site_data.occupations["elektriker"].actors]

    assert counts == [("arbetsformedlingen", 3), ("exempel-elforetag", 1)]


def test_similar_paths_exclude_the_path_itself(site_data: SiteData) -> None:
    for path_id, similar in site_data.similar.items():
        assert path_id not in [p.id for p in similar]


def test_similar_paths_prefer_shared_situation_and_county(site_data: SiteData) -> None:
    assert [p.id for p in site_data.similar["giltig-vag"]] == ["el-snabb", "el-ung"]
    assert [p.id for p in site_data.similar["el-ung"]] == ["el-snabb", "giltig-vag"]


def test_similar_paths_keep_to_the_same_occupation(site_data: SiteData) -> None:
    assert site_data.similar["frisor-vag"] == ()
    assert all(p.occupation.id == "elektriker" for p in site_data.similar["giltig-vag"])


def test_similar_paths_are_at_most_three(tmp_path: Path) -> None:
    paths = {f"vag-{n}.yaml": path_text(f"vag-{n}", year=2020 + n) for n in range(5)}

    _, site_data, _ = build(make_project(tmp_path, paths))

    assert len(site_data.similar["vag-0"]) == 3
    assert [p.id for p in site_data.similar["vag-0"]] == ["vag-1", "vag-2", "vag-3"]


def test_groups_by_county_situation_and_actor(site_data: SiteData) -> None:
    assert [p.id for p in site_data.by_county["21"]] == ["frisor-vag", "giltig-vag", "el-snabb"]
    assert [p.id for p in site_data.by_county["01"]] == ["el-ung"]
    assert site_data.by_county["25"] == ()
    assert [p.id for p in site_data.by_situation["ung"]] == ["el-ung"]
    assert [p.id for p in site_data.by_actor["exempel-elforetag"]] == [
        "frisor-vag",
        "giltig-vag",
    ]
    assert len(site_data.by_actor["arbetsformedlingen"]) == 4


def test_newest_first_then_by_title(site_data: SiteData) -> None:
    # frisor-vag and giltig-vag share year and title; the id breaks the tie.
    assert [p.id for p in site_data.newest] == ["frisor-vag", "giltig-vag", "el-snabb", "el-ung"]


def test_occupation_page_shows_count_and_median(pages: dict[str, RenderedPage]) -> None:
    html = pages["yrken/elektriker/"].html

    assert '<dd class="vagar-occupation-count">3</dd>' in html
    assert "20 veckor" in html
    assert "2 av 3" in html


# Long lists are split over pages


def test_long_lists_are_split_over_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("generator.pages.PAGE_SIZE", 2)
    _, _, pages = build(make_project(tmp_path, SAMPLE))
    first, second = pages["yrken/elektriker/"], pages["yrken/elektriker/sida-2/"]
    assert "yrken/elektriker/sida-3/" not in pages
    assert second.title == "Elektriker, sida 2"
    assert first.html.count('class="vagar-card"') == 2
    assert second.html.count('class="vagar-card"') == 1
    assert 'href="../../../yrken/elektriker/"' in second.html and 'rel="prev"' in second.html
    assert 'rel="next"' in first.html and 'aria-current="page"' in first.html
    assert "data-pagefind-body" in first.html and "data-pagefind-body" not in second.html
    assert "vagar-facts" in first.html and "vagar-facts" not in second.html
    assert ">3</dd>" in first.html  # the count is of all paths, not of this page
    assert pages["aktorer/arbetsformedlingen/sida-2/"].html.count('class="vagar-card"') == 2


@pytest.mark.parametrize(
    ("number", "count", "window"),
    [
        (1, 1, [1]),
        (1, 3, [1, 2, 3]),
        (1, 10, [1, 2, 3, None, 10]),
        (6, 10, [1, None, 4, 5, 6, 7, 8, None, 10]),
        (10, 10, [1, None, 8, 9, 10]),
    ],
)
def test_pager_window(number: int, count: int, window: list[int | None]) -> None:
    pager = Pager(number, tuple(f"p{n}/" for n in range(1, count + 1)))
    assert pager.window() == window


def test_english_and_arabic_lists_have_their_first_page_and_lead_on_in_swedish(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 16: only the first page of a long list is built in another language; its pager
    leads to the Swedish list's later pages (one folder up, at the Swedish root)."""
    monkeypatch.setattr("generator.pages.PAGE_SIZE", 2)
    content, findings = load_content(ContentLayout(make_project(tmp_path, SAMPLE)), 2025)
    assert content is not None, [f.format() for f in findings]
    strings = {code: load_strings(THEME_DIR, language=code) for code in ("sv", "en")}
    env = make_environment(THEME_DIR, strings["en"], "en", strings)
    pages = {page.url: page for page in render_site(localized_data(enrich(content), "en"), env)}
    assert "yrken/elektriker/sida-2/" not in pages
    first = pages["yrken/elektriker/"]
    assert first.title == "Electrician"
    assert first.html.count('class="vagar-card"') == 2
    assert 'href="../../../yrken/elektriker/sida-2/" rel="next"' in first.html
