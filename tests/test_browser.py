"""What a visitor sees in headless Chromium, with the site served under a sub-path (/repo/)."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml
from conftest import RESULT_LINK, after_change, filter_box
from helpers import REPO_ROOT

pytestmark = pytest.mark.browser

COUNTIES = {
    term["id"]: term["label"]
    for term in yaml.safe_load((REPO_ROOT / "content/vocabulary/counties.yaml").read_text("utf-8"))
}
PATHS = [
    yaml.safe_load(file.read_text(encoding="utf-8"))
    for file in sorted((REPO_ROOT / "content/paths").glob("*.yaml"))
]
ELECTRICIAN = [p for p in PATHS if p["occupation"] == "elektriker"]


def result_title(path: dict[str, Any]) -> str:
    """A path's title in search results: an invented example's says so (issue 14)."""
    title = str(path["title"]).strip()
    return f"Påhittat exempel: {title}" if path["example"] else title


RESULT_LINKS = RESULT_LINK


def _result_titles(page: Any) -> list[str]:
    return [t.strip() for t in page.locator(RESULT_LINKS).all_inner_texts()]


def _wait_for_titles(page: Any, expected: set[str], *, exact: bool = True) -> None:
    """Wait until the loaded results are exactly ``expected`` (or include it).

    The page shows one search after another as the query is typed, so a count alone can
    match an intermediate state.
    """
    page.wait_for_function(
        f"""([expected, exact]) => {{
            const titles = [...document.querySelectorAll('{RESULT_LINKS}')]
                .map(a => a.textContent.trim());
            const hasAll = expected.every(t => titles.includes(t));
            return exact ? hasAll && titles.length === expected.length : hasAll;
        }}""",
        arg=[sorted(expected), exact],
    )


def _wait_for_order(page: Any, weeks: dict[str, int], direction: int) -> list[int]:
    """Wait until every result is loaded in order of total weeks; returns the weeks shown."""
    page.wait_for_function(
        f"""([weeks, direction]) => {{
            const titles = [...document.querySelectorAll('{RESULT_LINKS}')]
                .map(a => a.textContent.trim());
            if (titles.length !== Object.keys(weeks).length) return false;
            const shown = titles.map(t => weeks[t]);
            return shown.every((w, i) => i === 0 || (w - shown[i - 1]) * direction >= 0);
        }}""",
        arg=[weeks, direction],
    )
    return [weeks[title] for title in _result_titles(page)]


def test_search_finds_electricians_and_a_county_filter_narrows(page: Any, base_url: str) -> None:
    assert len(ELECTRICIAN) >= 2
    page.goto(base_url + "sok/")
    page.locator(".vagar-search").get_by_role("searchbox").fill("elektriker")
    expected = {result_title(p) for p in ELECTRICIAN}
    _wait_for_titles(page, expected, exact=False)

    # The occupation, first: a path that only considered becoming an electrician (its tracks)
    # and actors match the word too.
    after_change(page, filter_box(page, "yrke", "elektriker").check)
    county = ELECTRICIAN[0]["county"]
    in_county = {result_title(p) for p in ELECTRICIAN if p["county"] == county}
    assert len(in_county) < len(expected)
    filter_box(page, "lan", county).check()
    _wait_for_titles(page, in_county)

    for href in page.locator(RESULT_LINKS).evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    ):
        assert href.startswith("/repo/vagar/")
        response = page.request.get(base_url.split("/repo/")[0] + href)
        assert response.status == 200
    assert not page.problems


def test_search_sorts_by_total_duration(page: Any, base_url: str) -> None:
    weeks = {result_title(p): sum(s["weeks"] for s in p["steps"]) for p in ELECTRICIAN}
    page.goto(base_url + "sok/?q=elektriker&sidtyp=vag&yrke=elektriker")
    _wait_for_titles(page, set(weeks))
    page.get_by_label("Sortera").select_option("kortast")
    ascending = _wait_for_order(page, weeks, 1)
    assert ascending[0] < ascending[-1]
    page.get_by_label("Sortera").select_option("langst")
    descending = _wait_for_order(page, weeks, -1)
    assert descending == sorted(ascending, reverse=True)


def test_home_search_form_leads_to_results(page: Any, base_url: str) -> None:
    page.goto(base_url)
    page.get_by_label("Vad vill du arbeta med?").fill("frisör")
    page.locator("form.vagar-searchform").get_by_role("button").click()
    page.wait_for_url(re.compile(r"/repo/sok/\?q="))
    frisor = {result_title(p) for p in PATHS if p["occupation"] == "frisor"}
    assert frisor
    _wait_for_titles(page, frisor, exact=False)


def test_header_search_opens_and_finds(page: Any, base_url: str) -> None:
    page.goto(base_url + "yrken/")
    page.locator("pagefind-modal-trigger button").click()
    dialog = page.locator("pagefind-modal dialog")
    dialog.get_by_role("searchbox").fill("undersköterska")
    page.wait_for_function(
        "() => document.querySelectorAll('pagefind-modal a.pf-result-link').length > 0"
    )
    first = dialog.locator("a.pf-result-link").first.get_attribute("href")
    assert first is not None and first.startswith("/repo/")


def test_every_request_stays_on_the_site(page: Any, base_url: str) -> None:
    origin = base_url.split("/repo/")[0]
    for url in ["", "yrken/", f"vagar/{PATHS[0]['id']}/", "sok/?q=kock"]:
        page.goto(base_url + url)
        page.wait_for_load_state("networkidle")
    assert page.requests
    assert all(request.startswith(origin) for request in page.requests), page.requests
    assert page.context.cookies() == []
    assert not page.problems


def test_pagefind_index_has_pages_and_filters(page: Any, base_url: str) -> None:
    page.goto(base_url)
    filters = page.evaluate(
        """async () => {
            const pagefind = await import(new URL('pagefind/pagefind.js', document.baseURI).href);
            await pagefind.options({ baseUrl: '/repo/' });
            const all = await pagefind.search(null, { filters: {} });
            return { filters: await pagefind.filters(), total: all.results.length };
        }"""
    )
    # Filters and values are ids (the search page shows their labels); path filters are on
    # path pages only, so their counts are paths (issue 11).
    occupations = set(filters["filters"]["yrke"])
    assert occupations == {p["occupation"] for p in PATHS}
    assert set(filters["filters"]["lan"]) == {p["county"] for p in PATHS}
    assert sum(filters["filters"]["lan"].values()) == len(PATHS)
    assert sum(filters["filters"]["yrke"].values()) == len(PATHS)
    assert set(filters["filters"]["verksam"]) == set(COUNTIES)
    assert {"vag", "yrke", "aktor"} == set(filters["filters"]["sidtyp"])
    assert filters["filters"]["sidtyp"]["vag"] == len(PATHS)
    for name in ("lage", "insats", "resultat", "aterkoppling", "malgrupp"):
        assert filters["filters"][name]
