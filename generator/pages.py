"""The page registry: every kind of page, declared once — its URL, template and rules.

Slugs are Swedish and part of the public URLs, so they stand here and nowhere else: templates,
the theme's overrides (404 page, footer), the MkDocs adapter, tests and scripts all ask this
registry. A page type is either generated (rendered from content by ``generator.render``) or
written by hand (a Markdown file in ``content/pages/``), which the registry names so that
links to it need no slug of their own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from generator.languages import DEFAULT, LANGUAGES, Language

T = TypeVar("T")

PAGE_SIZE = 50
"""Paths listed on one page of a long list; with tens of thousands of paths, one page per list
would run to megabytes."""


@dataclass(frozen=True)
class PageType:
    """One kind of page."""

    name: str
    url: str
    """URL relative to the site root, with ``{id}`` for the item it shows; ends in / (the
    home page's is empty)."""
    template: str = ""
    """Template in ``theme/vagar/``; empty for pages written by hand."""
    source: str = ""
    """For a page written by hand: its file in ``content/pages/``."""
    paged: bool = False
    """A list of paths, split into pages of ``PAGE_SIZE`` (``…/sida-2/``)."""
    sidebar: bool = True
    """Shows the navigation sidebar (the search page needs the width for its filters)."""
    translated: bool = True
    """Exists in every interface language (``en/yrken/``…); if not, only at the Swedish root,
    and the other languages link there: path stories (one page each, see
    ``generator.languages``), the open data, the easy-to-read Swedish page."""

    def url_for(self, item: Any = None) -> str:
        """The URL of this page type for ``item`` (anything with an ``id``)."""
        if "{id}" in self.url:
            if item is None:
                raise ValueError(f"the {self.name} page needs an item")
            return self.url.format(id=item.id)
        return self.url


PAGE_TYPES: dict[str, PageType] = {
    page.name: page
    for page in (
        PageType("home", "", "home.html"),
        PageType("occupations", "yrken/", "occupations.html"),
        PageType("occupation", "yrken/{id}/", "occupation.html", paged=True),
        PageType("path", "vagar/{id}/", "path.html", translated=False),
        PageType("actors", "aktorer/", "actors.html", paged=True, sidebar=False),
        PageType("actor", "aktorer/{id}/", "actor.html", paged=True),
        PageType("counties", "lan/", "counties.html"),
        PageType("county", "lan/{id}/", "county.html", paged=True),
        PageType("situations", "utgangslage/", "situations.html"),
        PageType("situation", "utgangslage/{id}/", "situation.html", paged=True),
        PageType("search", "sok/", "search.html", sidebar=False),
        PageType("about", "om/", source="om.md"),
        PageType("contribute", "bidra/", source="bidra.md"),
        PageType("accessibility", "tillganglighet/", source="tillganglighet.md"),
        PageType("privacy", "personuppgifter/", source="personuppgifter.md"),
        PageType("easy_read", "lattlast/", source="lattlast.md", translated=False),
        PageType("actors_in_county", "aktorer/lan/{id}/", "actors.html", paged=True, sidebar=False),
        PageType(
            "actors_for_group", "aktorer/malgrupp/{id}/", "actors.html", paged=True, sidebar=False
        ),
        PageType("actors_of_type", "aktorer/typ/{id}/", "actors.html", paged=True, sidebar=False),
        PageType("data", "data/", "data.html", translated=False),
        PageType("glossary", "ordlista/", "glossary.html"),
        PageType("plan", "min-plan/", "plan.html"),
    )
}
"""Every page type, in the order pages are generated."""

NAVIGATION = (
    "home",
    "occupations",
    "situations",
    "counties",
    "actors",
    "search",
    "glossary",
    "plan",
)
"""The generated pages in the site's main navigation, in order: index pages only (a list of
thousands of paths in the navigation would be rendered into every page)."""


def reserved_id(item_id: str, kind: str | None = None) -> bool:
    """Whether an item id would take the URL of a generated page of its section: ``index``
    (the section's own list page), ``sida-<n>`` (the pages of a long list) and, for items of
    the page type ``kind``, the folders other page types have in its section (``lan`` of
    ``aktorer/lan/<kod>/`` for actors)."""
    if item_id == "index" or re.fullmatch(r"sida-\d+", item_id) is not None:
        return True
    return kind is not None and item_id in section_folders(kind)


def section_folders(kind: str) -> frozenset[str]:
    """The first folders of other page types' URLs inside the section of ``kind``'s items:
    ``{"lan", "malgrupp", "typ"}`` for ``actor`` (``aktorer/{id}/``)."""
    page = PAGE_TYPES.get(kind)
    if page is None or not page.url.endswith("{id}/"):
        return frozenset()
    section = page.url.removesuffix("{id}/")
    return frozenset(
        other.url.removeprefix(section).split("/", 1)[0]
        for other in PAGE_TYPES.values()
        if other is not page
        and other.url.startswith(section)
        and other.url.count("/") > section.count("/") + 1
        and not other.url.removeprefix(section).startswith("{")
    )


def url_for(kind: str, item: Any = None, language: Language | None = None) -> str:
    """The URL (relative to the site root of ``language``, Swedish by default) of the page of
    ``kind`` for ``item``: a page that exists only in Swedish is reached from the other
    languages' sites one folder up (``../vagar/x/``)."""
    page = PAGE_TYPES[kind]
    root = language.root if language is not None and not page.translated else ""
    return root + page.url_for(item)


def page_number_url(base_url: str, number: int) -> str:
    """The URL of page ``number`` of a paged list whose first page is at ``base_url``."""
    return base_url if number == 1 else f"{base_url}sida-{number}/"


def fixed_urls(language: Language | None = None) -> dict[str, str]:
    """The URL of every page type that needs no item (``search`` -> ``sok/``): for templates
    outside the generated pages (404 page, footer) and for tests and scripts."""
    return {
        name: url_for(name, language=language)
        for name, page in PAGE_TYPES.items()
        if "{id}" not in page.url
    }


def relative(target: str, current: str) -> str:
    """The link from the page at ``current`` to ``target`` (both site-relative, dir-style).

    Up to the site root, then down: a page renders hundreds of links, and this is cheaper
    than working out the shortest path each time.
    """
    return "../" * current.count("/") + target or "./"


def alternates(url: str, kind: str, current: Language) -> list[tuple[Language, str, str]]:
    """The page at ``url`` (relative to the root of ``current``'s site) in every language:
    ``(language, link from this page, URL from the Swedish root)``. A page that exists only
    in Swedish (a path story) has the other languages' home pages as its alternates."""
    translated = PAGE_TYPES[kind].translated
    up = "../" * url.count("/") + current.root
    found = []
    for language in LANGUAGES.values():
        target = url if translated or language.code == DEFAULT else ""
        found.append((language, up + language.prefix + target or "./", language.prefix + target))
    return found


def kind_of_source(source: str) -> str | None:
    """The page type of a page written by hand, by its file (``om.md`` -> ``about``)."""
    for name, page in PAGE_TYPES.items():
        if page.source and page.source == source:
            return name
    return None


@dataclass(frozen=True)
class Pager:
    """Where one page of a long list stands: its number and the URLs of every page."""

    number: int
    urls: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.urls)

    def window(self, width: int = 2) -> list[int | None]:
        """Page numbers to link: the first, the last and ``width`` either side of this one;
        None marks a gap. An actor in every path can have hundreds of pages."""
        shown = {1, self.count, *range(self.number - width, self.number + width + 1)}
        numbers = sorted(n for n in shown if 1 <= n <= self.count)
        result: list[int | None] = []
        for number in numbers:
            if result and result[-1] is not None and number - result[-1] > 1:
                result.append(None)
            result.append(number)
        return result


def paginate(paths: Sequence[T], base_url: str) -> list[tuple[Pager, Sequence[T]]]:
    """Split a list into pages of ``PAGE_SIZE``: the first at ``base_url``, then ``sida-2/``…"""
    chunks = [paths[i : i + PAGE_SIZE] for i in range(0, len(paths), PAGE_SIZE)] or [paths]
    urls = tuple(page_number_url(base_url, n) for n in range(1, len(chunks) + 1))
    return [(Pager(n, urls), chunk) for n, chunk in enumerate(chunks, start=1)]
