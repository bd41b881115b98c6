"""Issue 12 in headless Chromium: actors are found by county and target group in search, the
"Med arbetsgivarnas återkoppling" filter narrows paths, and the comparison's table scrolls
inside its own focusable region at 375 px while the page itself never scrolls sideways."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml
from conftest import RESULT_LINK, open_filters
from helpers import REPO_ROOT

pytestmark = pytest.mark.browser

ACTORS = {
    file.stem: yaml.safe_load(file.read_text(encoding="utf-8"))
    for file in sorted((REPO_ROOT / "content/actors").glob("*.yaml"))
}
PATHS = [
    yaml.safe_load(file.read_text(encoding="utf-8"))
    for file in sorted((REPO_ROOT / "content/paths").glob("*.yaml"))
]
SCHOOL = ACTORS["larvagen-vuxenutbildning"]

TITLES = f"""() => [...document.querySelectorAll('{RESULT_LINK}')]
    .map(a => a.textContent.trim())"""


TALL = {"width": 1280, "height": 3000}
"""A tall window: every result of a page on the first screen."""


def _search(new_page: Any, base_url: str, query: str) -> Any:
    page = new_page(viewport=TALL)
    page.goto(f"{base_url}sok/")
    page.locator(".vagar-search").get_by_role("searchbox").fill(query)
    page.wait_for_selector(RESULT_LINK)
    return page


def _filter(page: Any, group: str, value: str) -> Any:
    """The checkbox of ``value`` in the filter group ``group``, its group opened."""
    open_filters(page)
    details = page.locator(".vagar-filter").filter(
        has=page.locator("summary", has_text=re.compile(f"^{re.escape(group)}$"))
    )
    if details.get_attribute("open") is None:
        details.locator("summary").click()
    return details.get_by_role("checkbox", name=re.compile(f"^{re.escape(value)}"))


def _wait_for(page: Any, condition: str, arg: Any) -> list[str]:
    """Wait until every result has loaded and ``condition`` holds for their ``titles``
    (an example's title begins "Påhittat exempel: ")."""
    page.wait_for_function(
        f"""([arg]) => {{
            const titles = [...document.querySelectorAll('{RESULT_LINK}')]
                .map(a => a.textContent.trim());
            const cards = document.querySelectorAll('.vagar-results > li').length;
            const root = document.querySelector('.vagar-search');
            return root.dataset.state === 'done' && titles.length === cards && ({condition});
        }}""",
        arg=[arg],
    )
    titles: list[str] = page.evaluate(TITLES)
    return titles


def test_adult_education_and_a_county_find_the_school_that_works_there(
    new_page: Any, base_url: str
) -> None:
    assert SCHOOL["type"] == "utbildningsanordnare" and "06" in SCHOOL["counties"]
    page = _search(new_page, base_url, "vuxenutbildning")
    # Actors have their own county filter (issue 11: path filters are on path pages only).
    _filter(page, "Aktören finns i län", "Jönköpings län").check()
    _wait_for(page, "titles.some(t => t.includes(arg))", SCHOOL["name"])
    hrefs = page.locator(RESULT_LINK).evaluate_all("links => links.map(a => a.href)")
    assert any(h.endswith("/repo/aktorer/larvagen-vuxenutbildning/") for h in hrefs), hrefs
    assert not page.problems


def test_the_school_is_not_found_in_a_county_where_it_does_not_work(
    new_page: Any, base_url: str
) -> None:
    assert "12" not in SCHOOL["counties"]
    page = _search(new_page, base_url, "vuxenutbildning")
    _wait_for(page, "titles.some(t => t.includes(arg))", SCHOOL["name"])
    _filter(page, "Aktören finns i län", "Skåne län").check()
    titles = _wait_for(
        page, "titles.length > 0 && !titles.some(t => t.includes(arg))", SCHOOL["name"]
    )
    assert titles
    assert not page.problems


def test_a_target_group_filter_finds_the_actors_that_work_with_it(
    new_page: Any, base_url: str
) -> None:
    expected = sorted(a["name"] for a in ACTORS.values() if "over-50" in a["target_groups"])
    page = _search(new_page, base_url, "vuxenutbildning")
    _filter(page, "Målgrupp", "50 år eller äldre").check()
    titles = _wait_for(
        page, "titles.length > 0 && titles.every(t => arg.some(n => t.includes(n)))", expected
    )
    assert any(SCHOOL["name"] in t for t in titles), titles
    assert not page.problems


def test_the_employer_feedback_filter_keeps_the_paths_with_feedback(
    new_page: Any, base_url: str
) -> None:
    with_feedback = [p for p in PATHS if any("employer_feedback" in s for s in p["steps"])]
    assert len(with_feedback) >= 8
    # Every sample feedback says what was missing ("Det som saknades …").
    assert all(
        any("saknades" in s.get("employer_feedback", "") for s in p["steps"]) for p in with_feedback
    )
    titles = sorted(p["title"].strip() for p in with_feedback)
    page = _search(new_page, base_url, "saknades")
    _filter(page, "Med arbetsgivarnas återkoppling", "Ja").check()
    shown = _wait_for(
        page,
        "titles.length === arg.length && arg.every(t => titles.some(s => s.endsWith(t)))",
        titles,
    )
    assert len(shown) == len(titles)
    counts = page.evaluate(
        """async () => {
            const bundle = document.querySelector('pagefind-config').getAttribute('bundle-path');
            const pagefind = await import(bundle + 'pagefind.js');
            await pagefind.options({baseUrl: '/repo/'});
            return (await pagefind.filters())['aterkoppling'];
        }"""
    )
    assert counts == {"ja": len(with_feedback), "nej": len(PATHS) - len(with_feedback)}
    assert not page.problems


@pytest.mark.parametrize(
    ("url", "width"), [("aktorer/", 375), ("aktorer/lan/06/", 375), ("aktorer/lan/06/", 1280)]
)
def test_the_comparison_is_used_with_the_keyboard_in_its_own_region(
    new_page: Any, base_url: str, url: str, width: int
) -> None:
    """The table's region takes the focus with a visible outline, is named by the caption,
    scrolls with the arrow keys where the table is wider than the screen, and leads on to the
    first actor; the page itself never scrolls sideways."""
    page = new_page(viewport={"width": width, "height": 740})
    page.goto(base_url + url)
    page.wait_for_selector("pagefind-modal-trigger button")
    assert page.evaluate("document.documentElement.scrollWidth") == width
    region = page.locator("div.vagar-table[role=region]")
    for _ in range(200):
        page.keyboard.press("Tab")
        if region.evaluate("r => document.activeElement === r"):
            break
    else:
        raise AssertionError("the table's region never had the focus")
    assert region.evaluate("r => getComputedStyle(r).outlineStyle") != "none"
    name = page.evaluate(
        "() => document.getElementById("
        "document.activeElement.getAttribute('aria-labelledby')).textContent"
    )
    assert name.startswith("Aktörer")
    if width == 375:
        assert region.evaluate("r => r.scrollWidth > r.clientWidth")
        page.keyboard.press("ArrowRight")
        page.wait_for_function(
            "() => document.querySelector('div.vagar-table[role=region]').scrollLeft > 0"
        )
    else:
        sizes = region.evaluate("r => [r.scrollWidth, r.clientWidth]")
        assert sizes[0] <= sizes[1], f"the table fits at 1280: {sizes}"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.closest('th[scope=row]') !== null"), (
        "the first actor's link follows the region"
    )
    assert not page.problems
