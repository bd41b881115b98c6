"""The keyboard alone: a skip link, every link reachable with a visible focus, the search, its
filters and the navigation usable, at 1280 px and at 375 px (where the navigation is a drawer)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from conftest import RESULT_LINK, SEARCH_DONE, after_change, open_page_type
from helpers import ui_strings

pytestmark = pytest.mark.browser

NARROW = {"width": 375, "height": 740}
WIDE = {"width": 1280, "height": 900}

# What the focused element looks like: where it is, whether it is the topmost element at its
# centre (not covered by the drawer, a dialog or an off-screen slide), and whether it, its
# label or a close ancestor draws a focus indicator (outline or box shadow).
FOCUS_STATE = """async () => {
    // Let CSS transitions (the drawer sliding, a section opening) finish first.
    const moving = () => document.getAnimations().some(
        a => a instanceof CSSTransition && a.playState === 'running');
    while (moving()) await new Promise(resolve => requestAnimationFrame(resolve));
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    el.scrollIntoView({block: 'nearest', inline: 'nearest'});
    const shown = el.matches('input.md-option') ? el.nextElementSibling : el;
    const box = shown.getBoundingClientRect();
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    const hit = document.elementFromPoint(x, y);
    const label = hit && hit.closest('label');
    const onTop = !!hit && (shown.contains(hit) || hit.contains(shown)
        || (shown.tagName === 'INPUT' && !!label && label.control === shown));
    const indicated = (node) => {
        const style = getComputedStyle(node);
        const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
        return outline || style.boxShadow !== 'none';
    };
    let indicator = false;
    for (let node = shown, up = 0; node && up < 4 && !indicator; node = node.parentElement, up++) {
        indicator = indicated(node);
    }
    return {
        tag: el.tagName,
        text: (el.innerText || el.getAttribute('aria-label') || el.value || '').trim().slice(0, 40),
        href: el.getAttribute('href'), inView: box.width > 0 && box.height > 0 && x >= 0 && y >= 0
            && x <= innerWidth && y <= innerHeight,
        onTop, indicator, id: el.dataset.walkId || null,
    };
}"""

# Every link a reader can see, numbered so the walk can tell which were reached.
VISIBLE_LINKS = """() => {
    const links = [...document.querySelectorAll('a[href]')].filter(a => a.checkVisibility({
        checkOpacity: true, checkVisibilityCSS: true,
    }));
    links.forEach((a, i) => { a.dataset.walkId = String(i); });
    return links.map(a => a.getAttribute('href'));
}"""


def press(page: Any, key: str) -> None:
    page.keyboard.press(key)


def focus(page: Any) -> dict[str, Any] | None:
    state: dict[str, Any] | None = page.evaluate(FOCUS_STATE)
    return state


def tab_to(page: Any, predicate: str, limit: int) -> None:
    """Tab until the focused element ``el`` meets ``predicate`` (JavaScript), at most ``limit``
    times."""
    for _ in range(limit):
        press(page, "Tab")
        if page.evaluate(f"(el => {predicate})(document.activeElement)"):
            return
    raise AssertionError(f"never focused: {predicate}")


def walk(page: Any, limit: int = 400) -> list[dict[str, Any]]:
    """Tab from the top of the page until focus leaves the document or comes round again."""
    seen: list[dict[str, Any]] = []
    for _ in range(limit):
        press(page, "Tab")
        state = focus(page)
        if state is None or (seen and state == seen[0]):
            return seen
        seen.append(state)
    raise AssertionError(f"no end after {limit} presses of Tab: {seen[-3:]}")


def assert_focus_visible(states: list[dict[str, Any]]) -> None:
    bad = [s for s in states if not (s["inView"] and s["onTop"] and s["indicator"])]
    assert not bad, "focus not visible on:\n" + "\n".join(map(str, bad))


@pytest.mark.parametrize("viewport", [WIDE, NARROW], ids=["1280", "375"])
def test_skip_link_comes_first_and_moves_focus_to_the_content(
    new_page: Any, base_url: str, page_types: dict[str, str], viewport: dict[str, int]
) -> None:
    page = new_page(viewport=viewport)
    open_page_type(page, base_url, "path", page_types["path"])
    press(page, "Tab")
    state = focus(page)
    assert state is not None and state["text"] == "Hoppa till innehållet"
    assert state["inView"] and state["onTop"] and state["indicator"]
    press(page, "Enter")
    # The browser follows the link on its own time: wait for the URL, then for the focus.
    page.wait_for_url("**#innehall")
    page.wait_for_function("() => document.activeElement?.id === 'innehall'")
    press(page, "Tab")
    inside = page.evaluate("document.getElementById('innehall').contains(document.activeElement)")
    assert inside, focus(page)
    assert not page.problems


@pytest.mark.parametrize(
    "name",
    [
        "home",
        "path",
        "search",
        "about",
        "glossary",
        "plan",
        "data",
        "actors-county",
        "en:home",
        "ar:home",
        "ar:occupation",
        "ar:search",
    ],
)
def test_every_link_is_reached_with_a_visible_focus_wide(
    new_page: Any, base_url: str, page_types: dict[str, str], name: str
) -> None:
    page = new_page(viewport=WIDE)
    open_page_type(page, base_url, name, page_types[name])
    links = page.evaluate(VISIBLE_LINKS)
    states = walk(page)
    assert_focus_visible(states)
    reached = {int(s["id"]) for s in states if s["id"] is not None}
    missed = [href for i, href in enumerate(links) if i not in reached]
    assert not missed, f"links never reached with Tab: {missed}"
    assert not page.problems


@pytest.mark.parametrize("name", ["home", "path", "plan", "en:occupation", "ar:home"])
def test_every_link_is_reached_with_a_visible_focus_narrow(
    new_page: Any, base_url: str, page_types: dict[str, str], name: str
) -> None:
    """At 375 px the navigation is a drawer: open it from the keyboard, walk through it and on
    through the page (leaving the drawer closes it)."""
    page = new_page(viewport=NARROW)
    open_page_type(page, base_url, name, page_types[name])
    links = page.evaluate(VISIBLE_LINKS)
    press(page, "Tab")
    press(page, "Tab")
    menu = focus(page)
    language = name.partition(":")[0] if ":" in name else "sv"
    assert menu is not None and menu["text"] == ui_strings(language)["menu"]
    press(page, "Enter")
    assert page.locator(".vagar-drawer-toggle").get_attribute("aria-expanded") == "true"
    first = focus(page)
    assert first is not None
    states = [first, *walk(page)]
    assert_focus_visible(states)
    drawer_links = [s for s in states if s["href"] and s["id"] is None]
    assert len(drawer_links) >= 3, "the drawer's navigation links were not reached"
    reached = {int(s["id"]) for s in states if s["id"] is not None}
    missed = [href for i, href in enumerate(links) if i not in reached]
    assert not missed, f"links never reached with Tab: {missed}"
    assert not page.problems


def test_drawer_opens_navigates_and_closes_with_the_keyboard(new_page: Any, base_url: str) -> None:
    page = new_page(viewport=NARROW)
    open_page_type(page, base_url, "about", "om/")
    page.locator(".vagar-drawer-toggle").focus()
    press(page, " ")
    toggle = page.locator(".vagar-drawer-toggle")
    assert toggle.get_attribute("aria-expanded") == "true"
    # On a page inside "Om" the drawer opens on that section; its back label leads up a level.
    state = focus(page)
    assert state is not None and state["tag"] == "LABEL" and state["text"] == "Om"
    press(page, "Enter")
    state = focus(page)
    assert state is not None and state["text"] == "Om" and state["onTop"]
    press(page, "Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.classList.contains('vagar-drawer-toggle')")
    press(page, "Enter")
    for _ in range(12):
        state = focus(page)
        if state and state["text"] == "Yrken":
            break
        press(page, "Tab")
    assert state is not None and state["text"] == "Yrken" and state["onTop"]
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/repo/yrken/")
    assert not page.problems


def test_search_and_its_filters_work_with_the_keyboard(new_page: Any, base_url: str) -> None:
    page = new_page(viewport=WIDE)
    open_page_type(page, base_url, "empty search page", "sok/")
    tab_to(page, "el.matches('.vagar-search input[type=search]')", limit=80)
    page.keyboard.type("elektriker")
    page.wait_for_selector(RESULT_LINK)
    page.wait_for_selector(SEARCH_DONE)
    total = page.locator(RESULT_LINK).count()
    tab_to(page, "el.id === 'vagar-sort'", limit=80)
    after_change(page, lambda: press(page, "ArrowDown"))
    assert page.locator("#vagar-sort").input_value() == "kortast"
    assert "sortera=kortast" in page.url
    tab_to(
        page, "el.matches('.vagar-filter[data-filter=\"yrke\"] input[value=elektriker]')", limit=80
    )
    state = focus(page)
    assert state is not None and state["indicator"] and state["onTop"], state
    after_change(page, lambda: press(page, " "))
    assert page.locator(RESULT_LINK).count() < total
    tab_to(page, f"el.matches('{RESULT_LINK}')", limit=80)
    href = page.evaluate("document.activeElement.getAttribute('href')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(href)
    assert not page.problems


@pytest.mark.parametrize("viewport", [WIDE, NARROW], ids=["1280", "375"])
def test_search_filters_fold_and_pages_turn_with_the_keyboard(
    new_page: Any, base_url: str, viewport: dict[str, int]
) -> None:
    """Issue 11: on a phone the filters open from their button (aria-expanded); the pages of
    results turn from the keyboard and focus goes to the new results' status."""
    page = new_page(viewport=viewport)
    open_page_type(page, base_url, "search", "sok/?q=och")
    if viewport == NARROW:
        tab_to(page, "el.matches('.vagar-search__toggle')", limit=120)
        assert page.locator(".vagar-search__toggle").get_attribute("aria-expanded") == "false"
        press(page, "Enter")
        assert page.locator(".vagar-search__toggle").get_attribute("aria-expanded") == "true"
        press(page, "Tab")  # the sort menu, then the first filter group
        press(page, "Tab")
        assert page.evaluate("document.activeElement.matches('.vagar-filter summary')")
    tab_to(page, "el.matches('.vagar-search__pager a[rel=next]')", limit=120)
    after_change(page, lambda: press(page, "Enter"))
    assert "sida=2" in page.url
    assert page.evaluate("document.activeElement.matches('.vagar-search__status')")
    press(page, "Tab")
    assert page.evaluate(f"document.activeElement.matches('{RESULT_LINK}')")
    assert not page.problems


def test_header_search_dialog_works_with_the_keyboard(new_page: Any, base_url: str) -> None:
    page = new_page(viewport=WIDE)
    open_page_type(page, base_url, "occupations", "yrken/")
    trigger = page.locator("pagefind-modal-trigger button")
    # Ctrl+K opens it from anywhere, Escape closes it and focus returns to the button.
    page.keyboard.press("Control+k")
    dialog = page.locator("pagefind-modal dialog")
    dialog.wait_for(state="visible")
    page.keyboard.press("Escape")
    dialog.wait_for(state="hidden")
    assert trigger.evaluate("el => el === document.activeElement")
    press(page, "Enter")
    dialog.wait_for(state="visible")
    assert page.evaluate("document.activeElement.matches('pagefind-modal input')")
    page.keyboard.type("undersköterska")
    page.wait_for_selector("pagefind-modal a.pf-result-link")
    close = dialog.locator(".pf-modal-close")
    assert close.get_attribute("aria-label") == "Stäng sökningen"
    press(page, "ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert re.search(r"/repo/(vagar|yrken|aktorer)/", page.url)
    assert not page.problems


def test_colour_scheme_toggle_works_with_the_keyboard(new_page: Any, base_url: str) -> None:
    page = new_page(viewport=WIDE)
    open_page_type(page, base_url, "home", "")
    page.locator("input.md-option").first.focus()
    state = focus(page)
    assert state is not None and state["indicator"], state
    press(page, "Enter")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"


def test_colour_scheme_toggle_works_with_space(new_page: Any, base_url: str) -> None:
    """Issue 11: Space, the key of a button, did nothing (Material handles Enter only)."""
    page = new_page(viewport=WIDE)
    open_page_type(page, base_url, "home", "")
    page.locator("input.md-option").first.focus()
    press(page, " ")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    page.locator("input.md-option:checked").focus()
    press(page, " ")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "default"
