"""Lighter pages (issue 15): what every path page shares with the others is there once, and
small. Structure, not timings: the navigation is written once (the tabs; the drawer is filled
from them in the browser), icons are references to one cached sprite, no indentation is sent,
and the part of a path page around its story stays within a byte budget."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from generator.compact import compact

# Everything of a path page outside its <article> (head, header, tabs, drawer, footer,
# scripts) in the sample build: 7.8 KB when this test was written, 17.4 KB before (Material's
# navigation twice, inline icons and scripts, indentation). The budget holds the language
# switch (issue 16, about 0.65 KB) and the search dialog's browse word (issue 11). (The deploy
# adds about 1.4 KB: the canonical link, og:url and og:image tags with site_url, the
# repository link in the header and the drawer with repo_url.)
CHROME_BUDGET = 9_200


def _path_pages(site: Path) -> list[Path]:
    pages = sorted(site.glob("vagar/*/index.html"))
    assert len(pages) > 20
    return pages


def _article(html: str) -> str:
    start = html.index("<article")
    return html[start : html.index("</article>", start) + len("</article>")]


# --- compact() --------------------------------------------------------------------------------


def test_compact_keeps_text_that_shows_its_white_space_and_collapses_the_rest() -> None:
    html = (
        "<div>\n    <p>Ett\n      två</p>   \n\n  <pre>  a\n    b</pre>\n"
        "  <textarea>\n  x</textarea>\n  <code>c\n   d</code> <kbd>K\n  L</kbd>\n"
        "  <script>if (a)\n    b();</script>\n  <style>p {\n  }</style>\n  <!-- k\n   m -->\n"
        '  <a title="x\n   y">z</a>\n</div>\n'
    )
    assert compact(html) == (
        "<div>\n<p>Ett\ntvå</p>\n<pre>  a\n    b</pre>\n"
        "<textarea>\n  x</textarea>\n<code>c\n   d</code> <kbd>K\n  L</kbd>\n"
        "<script>if (a)\n    b();</script>\n<style>p {\n  }</style>\n<!-- k\n   m -->\n"
        '<a title="x\ny">z</a>\n</div>\n'
    )
    assert compact(compact(html)) == compact(html)
    # Spaces without a line break are left as they are (one space may be all there is).
    assert compact("<b>a</b> <i>b</i>  c") == "<b>a</b> <i>b</i>  c"


def test_no_page_is_sent_with_indentation(site: Path) -> None:
    kept = re.compile(
        r"<(pre|textarea|code|kbd|script|style)\b.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL
    )
    for file in [*site.rglob("*.html")]:
        html = kept.sub("<kept>", file.read_text(encoding="utf-8"))
        assert not re.search(r"\n[ \t]|[ \t]\n|\n\n", html), file


# --- The navigation once ----------------------------------------------------------------------


def test_a_path_page_carries_the_navigation_once(site: Path) -> None:
    for file in _path_pages(site):
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        tabs = soup.select(".md-tabs a.md-tabs__link")
        assert [a.get_text() for a in tabs][:2] == ["Hem", "Yrken"], file
        # The drawer is there, with its title, but its list is empty: filled from the tabs.
        drawer = soup.select_one(".md-sidebar--primary nav.md-nav--primary")
        assert drawer is not None and drawer.select_one("label.md-nav__title[for=__drawer]")
        assert drawer.select_one("ul.vagar-drawer-list") is not None
        assert not soup.select(".md-nav__item, .md-nav__link"), f"{file}: a navigation tree"
        assert not soup.select(".md-sidebar--secondary"), f"{file}: an empty contents sidebar"


def test_pages_in_the_navigation_keep_materials_navigation(site: Path) -> None:
    """A page in the navigation shows where the reader is (its section open, its item active):
    Material's navigation, unchanged."""
    soup = BeautifulSoup((site / "om" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.select_one(".md-nav--primary .md-nav__link--active") is not None
    assert soup.select_one(".md-tabs__item--active") is not None
    assert soup.select_one(".vagar-drawer-list") is None


# --- Icons and scripts from cached files -------------------------------------------------------


def test_icons_are_references_to_one_sprite_that_has_them(site: Path) -> None:
    sprite = (site / "assets" / "vagar-icons.svg").read_text(encoding="utf-8")
    symbols = set(re.findall(r'<symbol id="([^"]+)"', sprite))
    for file in [*_path_pages(site)[:3], site / "index.html", site / "om" / "index.html"]:
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        header = soup.select_one("header.md-header")
        assert header is not None and not header.select("svg path"), f"{file}: an inline icon"
        uses = [str(use["href"]) for use in header.select("svg > use")]
        assert len(uses) >= 4, file  # menu (button and noscript label), light, dark
        for href in uses:
            target, _, symbol = href.partition("#")
            assert target.endswith("assets/vagar-icons.svg") and symbol in symbols, href


def test_the_chrome_around_a_path_story_stays_within_its_budget(site: Path) -> None:
    sizes = {}
    for file in _path_pages(site):
        html = file.read_text(encoding="utf-8")
        sizes[file.parent.name] = len(html.encode()) - len(_article(html).encode())
    over = {name: size for name, size in sizes.items() if size > CHROME_BUDGET}
    assert not over, f"more than {CHROME_BUDGET} bytes around the story: {over}"


# --- In the browser -----------------------------------------------------------------------------


@pytest.mark.browser
def test_the_drawer_of_a_path_page_holds_the_tabs_links(
    new_page: Any, base_url: str, page_types: dict[str, str]
) -> None:
    page = new_page(viewport={"width": 375, "height": 740})
    page.goto(base_url + page_types["path"])
    page.wait_for_selector("pagefind-modal-trigger button")
    tabs = page.evaluate(
        "[...document.querySelectorAll('.md-tabs__link')]"
        ".map(a => [a.getAttribute('href'), a.textContent])"
    )
    page.locator(".vagar-drawer-toggle").click()
    drawer = page.locator(".md-sidebar--primary .md-nav__link")
    drawer.first.wait_for(state="visible")
    assert (
        drawer.evaluate_all("links => links.map(a => [a.getAttribute('href'), a.textContent])")
        == tabs
    )
    assert not page.problems
