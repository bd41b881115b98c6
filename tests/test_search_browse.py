"""Issue 11 in headless Chromium, under /repo/, at 375 and 1280 px: browsing by filters alone,
result cards that say enough, the state in the URL, places understood, the site's counts, the
folded filters on a phone, and the bytes the search fetches."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

import pytest
import yaml
from conftest import (
    RESULT_LINK,
    SEARCH_DONE,
    SEARCH_START,
    after_change,
    filter_box,
    open_filters,
)
from helpers import REPO_ROOT

pytestmark = pytest.mark.browser

NARROW = {"width": 375, "height": 740}
WIDE = {"width": 1280, "height": 900}
VIEWPORTS = pytest.mark.parametrize("viewport", [NARROW, WIDE], ids=["375", "1280"])


def _vocabulary(name: str) -> dict[str, str]:
    text = (REPO_ROOT / "content" / "vocabulary" / f"{name}.yaml").read_text("utf-8")
    return {str(term["id"]): str(term["label"]) for term in yaml.safe_load(text)}


COUNTIES = _vocabulary("counties")
OCCUPATIONS = _vocabulary("occupations")
OUTCOMES = _vocabulary("outcomes")
PATHS = [
    yaml.safe_load(file.read_text(encoding="utf-8"))
    for file in sorted((REPO_ROOT / "content" / "paths").glob("*.yaml"))
]
SMALAND = {"06", "07", "08"}  # content/places/provinces.yaml


def title(path: dict[str, Any]) -> str:
    """A path's title in the results (an invented example says so)."""
    text = " ".join(str(path["title"]).split())
    return f"Påhittat exempel: {text}" if path["example"] else text


def weeks(path: dict[str, Any]) -> int:
    return sum(int(step["weeks"]) for step in path["steps"])


BY_TITLE = {title(p): p for p in PATHS}


def shown_titles(page: Any) -> list[str]:
    titles: list[str] = page.locator(RESULT_LINK).evaluate_all(
        "links => links.map(a => a.textContent.trim())"
    )
    return titles


def open_search(page: Any, base_url: str, query: str) -> None:
    """The search page at ``sok/?<query>``, its results shown."""
    page.goto(f"{base_url}sok/{query}")
    page.wait_for_selector(SEARCH_DONE if query else SEARCH_START)


def form_state(page: Any) -> dict[str, Any]:
    state: dict[str, Any] = page.evaluate(
        """() => ({
            q: document.querySelector('#vagar-q').value,
            checked: [...document.querySelectorAll('.vagar-filter input:checked')]
                .map(box => box.name + '=' + box.value).sort(),
            sort: document.querySelector('#vagar-sort').value,
        })"""
    )
    return state


@VIEWPORTS
def test_a_filter_alone_lists_the_newly_arrived_paths(
    new_page: Any, base_url: str, viewport: dict[str, int]
) -> None:
    expected = {title(p) for p in PATHS if "nyanland" in p["situations"]}
    assert len(expected) == 9
    page = new_page(viewport=viewport)
    open_search(page, base_url, "")
    assert not shown_titles(page)
    after_change(page, filter_box(page, "lage", "nyanland").check)
    assert set(shown_titles(page)) == expected
    assert page.locator(".vagar-search__status").inner_text() == "9 träffar"
    assert "lage=nyanland" in page.url
    assert not page.problems


def test_browsing_is_paged_and_sorted(new_page: Any, base_url: str) -> None:
    page = new_page(viewport=WIDE)
    open_search(page, base_url, "?sidtyp=vag&sortera=kortast")
    first = shown_titles(page)
    assert len(first) == 10
    assert page.locator(".vagar-search__status").inner_text() == f"{len(PATHS)} träffar"
    shown = [weeks(BY_TITLE[t]) for t in first]
    assert shown == sorted(shown) and shown[0] == min(weeks(p) for p in PATHS)
    next_link = page.locator(".vagar-search__pager").get_by_role("link", name="Nästa")
    after_change(page, next_link.click)
    assert "sida=2" in page.url
    second = shown_titles(page)
    assert len(second) == 10 and not set(first) & set(second)
    assert weeks(BY_TITLE[second[0]]) >= shown[-1]
    assert not page.problems


def test_a_result_card_says_occupation_county_weeks_outcome_and_year(
    new_page: Any, base_url: str
) -> None:
    path = next(p for p in PATHS if p["occupation"] == "elektriker")
    page = new_page(viewport=NARROW)
    open_search(page, base_url, f"?yrke=elektriker&lan={path['county']}")
    card = page.locator(".vagar-result").filter(has_text=title(path))
    facts = card.locator(".vagar-card__meta span").all_inner_texts()
    assert facts == [
        OCCUPATIONS["elektriker"],
        COUNTIES[str(path["county"])],
        f"{weeks(path)} veckor",
        f"Resultat: {OUTCOMES[path['outcome']['type']]}",
        str(path["year"]),
    ]
    # Browsing (no word): the card's text is the path's summary, not the start of its title.
    summary = " ".join(str(path["summary"]).split())
    assert card.locator(".vagar-result__excerpt").inner_text() == summary
    assert not page.problems


def test_actor_cards_say_type_and_counties(new_page: Any, base_url: str) -> None:
    page = new_page(viewport=WIDE)
    open_search(page, base_url, "?sidtyp=aktor&verksam=07")
    facts = page.locator(".vagar-result .vagar-card__meta").all_inner_texts()
    assert facts and all(re.search(r"Aktör: .+", f) and "Län: " in f for f in facts)
    assert any("Kronobergs län" in f or "Hela landet" in f for f in facts)


def test_excerpts_keep_words_apart_and_come_from_the_story(new_page: Any, base_url: str) -> None:
    page = new_page(viewport=WIDE)
    page.goto(base_url)
    contents = page.evaluate(
        """async () => {
            const pagefind = await import(new URL('pagefind/pagefind.js', document.baseURI).href);
            await pagefind.options({baseUrl: '/repo/'});
            const found = await pagefind.search(null, {filters: {}});
            const all = await Promise.all(found.results.map(r => r.data()));
            return all.map(d => [d.url, d.meta.title, d.content]);
        }"""
    )
    labels = ["Typ", "Län", "Målgrupper", "Webbplats"]
    glued = [
        (url, label)
        for url, _title, content in contents
        for label in labels
        if re.search(rf"\b{label}[A-ZÅÄÖ]", content)
    ]
    assert not glued, glued
    paths = [(u, t, c) for u, t, c in contents if "/vagar/" in u]
    assert len(paths) == len(PATHS)
    # A path's indexed text starts with its story (the summary), not its title or kicker.
    starts = {t: c[:60] for _u, t, c in paths}
    for path in PATHS:
        assert starts[title(path)] == " ".join(str(path["summary"]).split())[:60]


@VIEWPORTS
def test_back_and_forward_restore_query_filters_and_sort(
    new_page: Any, base_url: str, viewport: dict[str, int]
) -> None:
    page = new_page(viewport=viewport)
    open_search(page, base_url, "")
    after_change(page, lambda: page.locator("#vagar-q").fill("elektriker"))
    first = form_state(page)
    first_titles = shown_titles(page)
    after_change(page, filter_box(page, "sidtyp", "vag").check)
    after_change(page, lambda: page.locator("#vagar-sort").select_option("langst"))
    second = form_state(page)
    assert second == {"q": "elektriker", "checked": ["sidtyp=vag"], "sort": "langst"}
    second_titles = shown_titles(page)
    second_url = page.url
    # To a result and back: the page comes back as it was.
    with page.expect_navigation():
        page.locator(RESULT_LINK).first.click()
    page.go_back()
    page.wait_for_selector(SEARCH_DONE)
    assert page.url == second_url
    assert form_state(page) == second
    assert shown_titles(page) == second_titles
    after_change(page, page.go_back)  # before the sort
    after_change(page, page.go_back)  # before the filter
    assert form_state(page) == first
    assert shown_titles(page) == first_titles
    after_change(page, page.go_forward)
    after_change(page, page.go_forward)
    assert form_state(page) == second
    assert not page.problems


@VIEWPORTS
def test_a_shared_link_opens_the_same_results(
    new_page: Any, base_url: str, viewport: dict[str, int]
) -> None:
    page = new_page(viewport=viewport)
    open_search(page, base_url, f"?q={quote('undersköterska')}&lan=25&lan=01&sortera=kortast")
    state, titles = form_state(page), shown_titles(page)
    assert state == {"q": "undersköterska", "checked": ["lan=01", "lan=25"], "sort": "kortast"}
    expected = [p for p in PATHS if p["occupation"] == "underskoterska"]
    assert titles and set(titles) <= {title(p) for p in PATHS}
    assert {str(BY_TITLE[t]["county"]) for t in titles} <= {"01", "25"}
    other = new_page(viewport=viewport)
    open_search(other, base_url, page.url.split("/sok/", 1)[1])
    assert form_state(other) == state and shown_titles(other) == titles
    assert expected
    assert not page.problems and not other.problems


@VIEWPORTS
def test_smaland_is_a_place_not_a_word(
    new_page: Any, base_url: str, viewport: dict[str, int]
) -> None:
    expected = {title(p) for p in PATHS if str(p["county"]) in SMALAND}
    assert expected
    page = new_page(viewport=viewport)
    open_search(page, base_url, "?q=" + quote("Småland"))
    assert set(shown_titles(page)) == expected
    place = page.locator(".vagar-search__place")
    assert place.is_visible()
    assert place.inner_text().startswith(
        "Visar vägar i Jönköpings län, Kronobergs län och Kalmar län — ta bort"
    )
    # "ta bort" takes the place out of the search.
    remove = place.get_by_role("button", name="Ta bort platsen Småland ur sökningen")
    after_change(page, remove.click)
    assert not place.is_visible()
    assert page.locator("#vagar-q").input_value() == ""
    assert "q=" not in page.url
    assert not page.problems


def test_vaxjo_finds_kronoberg_and_not_vaxa(new_page: Any, base_url: str) -> None:
    kronoberg = {title(p) for p in PATHS if str(p["county"]) == "07"}
    assert kronoberg
    page = new_page(viewport=WIDE)
    open_search(page, base_url, "?q=" + quote("Växjö"))
    # As a word, Pagefind stems "Växjö" into the story that says "växa" (the reason for this).
    stemmed = page.evaluate(
        """async () => {
            const bundle = document.querySelector('pagefind-config').getAttribute('bundle-path');
            const pagefind = await import(bundle + 'pagefind.js');
            await pagefind.options({baseUrl: '/repo/'});
            const found = await pagefind.search('Växjö');
            return (await Promise.all(found.results.map(r => r.data()))).map(d => d.meta.title);
        }"""
    )
    assert any(str(BY_TITLE[t]["county"]) != "07" for t in stemmed if t in BY_TITLE), stemmed
    assert set(shown_titles(page)) == kronoberg
    assert (
        page.locator(".vagar-search__place").inner_text().startswith("Visar vägar i Kronobergs län")
    )
    assert "växa" not in page.locator(".vagar-results").inner_text().lower()
    # A place and a word together: the word is searched within the place.
    open_search(page, base_url, "?q=" + quote("frisör Kronobergs län"))
    assert set(shown_titles(page)) == kronoberg
    # Two places: either of them.
    open_search(page, base_url, "?q=" + quote("Växjö Kalmar"))
    either = {title(p) for p in PATHS if str(p["county"]) in {"07", "08"}}
    assert set(shown_titles(page)) == either and len(either) > len(kronoberg)
    assert page.locator(".vagar-search__place-item").count() == 2
    assert not page.problems


def test_filter_counts_are_the_sites_path_counts(new_page: Any, base_url: str) -> None:
    page = new_page(viewport=WIDE)
    open_search(page, base_url, "")
    counts = page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('.vagar-filter input')]
            .map(box => [box.name + '=' + box.value,
                         Number(box.parentElement.querySelector('.vagar-count')
                                .textContent.replace(/[()]/g, ''))]))"""
    )
    for occupation in {p["occupation"] for p in PATHS}:
        same = sum(p["occupation"] == occupation for p in PATHS)
        assert counts[f"yrke={occupation}"] == same, occupation
    for county in {str(p["county"]) for p in PATHS}:
        assert counts[f"lan={county}"] == sum(str(p["county"]) == county for p in PATHS)
    assert counts["sidtyp=vag"] == len(PATHS)
    # The occupation page says the same number of paths.
    page.goto(f"{base_url}yrken/elektriker/")
    said = page.locator("section[aria-labelledby=facts]").inner_text()
    assert f"{counts['yrke=elektriker']}" in said
    # And the filter finds that many.
    open_search(page, base_url, "?yrke=elektriker")
    assert len(shown_titles(page)) == counts["yrke=elektriker"]


HOSTILE = '<img src=x onerror="alert(1)">"><script>alert(2)</script>'


def test_hostile_values_in_the_url_are_shown_as_text(new_page: Any, base_url: str) -> None:
    page = new_page(viewport=WIDE)
    query = f"?q={quote(HOSTILE)}&lan={quote(HOSTILE)}&sortera={quote(HOSTILE)}&sida=-1"
    open_search(page, base_url, query)
    assert page.locator("#vagar-q").input_value() == HOSTILE
    assert page.locator(".vagar-search img, .vagar-search script:not([type])").count() == 0
    assert page.locator("#vagar-sort").input_value() == ""
    status = page.locator(".vagar-search__status").inner_text()
    assert HOSTILE in status or status.startswith("Inga träffar")
    assert not page.problems  # a dialog would be recorded here


def test_on_a_phone_the_results_come_first_and_filters_fold(new_page: Any, base_url: str) -> None:
    page = new_page(viewport=NARROW)
    open_search(page, base_url, "?q=och&lage=nyanland&lan=14")
    toggle = page.locator(".vagar-search__toggle")
    assert toggle.is_visible()
    assert toggle.inner_text() == "Filter (2)"
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not page.locator("#vagar-filters").is_visible()
    first = page.locator(".vagar-result").first.bounding_box()
    assert first is not None and first["y"] < NARROW["height"], first
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert page.locator("#vagar-filters").is_visible()
    toggle.click()
    assert not page.locator("#vagar-filters").is_visible()
    # A place counts as a filter too.
    open_search(page, base_url, "?q=" + quote("Småland"))
    assert page.locator(".vagar-search__toggle").inner_text() == "Filter (1)"
    # Wide: no button, the filters beside the results.
    wide = new_page(viewport=WIDE)
    open_search(wide, base_url, "?q=och")
    assert not wide.locator(".vagar-search__toggle").is_visible()
    assert wide.locator("#vagar-filters").is_visible()


# --- Bytes: nothing heavy before it is needed -----------------------------------------------


def _pagefind_requests(page: Any) -> list[str]:
    return [u.split("/pagefind/", 1)[1] for u in page.requests if "/pagefind/" in u]


def test_the_search_page_loads_no_search_data_before_a_word_or_a_filter(
    new_page: Any, base_url: str
) -> None:
    page = new_page(viewport=WIDE)
    open_search(page, base_url, "")
    page.wait_for_load_state("networkidle")
    loaded = [u for u in _pagefind_requests(page) if not u.startswith("pagefind-component-ui")]
    assert not loaded, loaded


def test_browsing_fetches_only_the_filter_chunk_it_uses(new_page: Any, base_url: str) -> None:
    page = new_page(viewport=WIDE)
    open_search(page, base_url, "?lage=nyanland")
    page.wait_for_load_state("networkidle")
    chunks = [u for u in _pagefind_requests(page) if u.startswith("filter/")]
    assert len(chunks) == 1, chunks
    # One index chunk, the browse word's: Pagefind's search(null) fetched every one.
    index = [u for u in _pagefind_requests(page) if u.startswith("index/")]
    assert len(index) == 1, index
    open_filters(page)
    after_change(page, filter_box(page, "lan", "14").check)
    page.wait_for_load_state("networkidle")
    chunks = [u for u in _pagefind_requests(page) if u.startswith("filter/")]
    assert len(chunks) == 2, chunks


def test_the_header_search_fetches_no_filter_chunk(new_page: Any, base_url: str) -> None:
    page = new_page(viewport=WIDE)
    page.goto(base_url)
    page.wait_for_selector("pagefind-modal-trigger button")
    page.locator("pagefind-modal-trigger button").click()
    field = page.locator("pagefind-modal dialog").get_by_role("searchbox")
    field.fill("undersköterska")
    page.wait_for_selector("pagefind-modal a.pf-result-link")
    field.fill("")  # an emptied field made the Component UI load every filter
    page.keyboard.press("Escape")  # and so did closing the dialog (reset-on-close)
    page.wait_for_load_state("networkidle")
    assert not [u for u in _pagefind_requests(page) if u.startswith("filter/")]
    assert not page.problems


# --- Other defects of issue 11, each shown by a test -----------------------------------------


def test_the_menu_button_shows_only_where_it_opens_the_drawer(new_page: Any, base_url: str) -> None:
    wide = new_page(viewport=WIDE)
    wide.goto(base_url)
    assert not wide.locator(".vagar-drawer-toggle").is_visible()
    narrow = new_page(viewport=NARROW)
    narrow.goto(base_url)
    assert narrow.locator(".vagar-drawer-toggle").is_visible()


def test_the_navigation_is_named_in_swedish(new_page: Any, base_url: str) -> None:
    page = new_page(viewport=WIDE)
    for url in ["", "yrken/", f"vagar/{PATHS[0]['id']}/", "sok/"]:
        page.goto(base_url + url)
        names = page.locator("[aria-label]").evaluate_all(
            "nodes => nodes.map(n => n.getAttribute('aria-label'))"
        )
        assert "Navigation" not in names, url
        assert "Navigering" in names, url


STEP_WEEK_LINES = """() => [...document.querySelectorAll('.vagar-step__weeks')].map(el => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
})"""


def test_a_steps_time_stays_on_one_line_beside_its_bar_on_a_phone(
    new_page: Any, base_url: str
) -> None:
    page = new_page(viewport=NARROW)
    page.goto(f"{base_url}vagar/{PATHS[0]['id']}/")
    lines = page.evaluate(STEP_WEEK_LINES)
    assert lines and all(n == 1 for n in lines), lines


def test_search_fields_say_they_search_the_whole_site(new_page: Any, base_url: str) -> None:
    page = new_page(viewport=WIDE)
    open_search(page, base_url, "")
    assert page.locator("#vagar-q").get_attribute("placeholder") == "Sök på hela webbplatsen"
    page.locator("pagefind-modal-trigger button").click()
    field = page.locator("pagefind-modal dialog").get_by_role("searchbox")
    assert field.get_attribute("placeholder") == "Sök på hela webbplatsen"
    assert page.locator("input[placeholder*='denna sida']").count() == 0
