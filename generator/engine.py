"""What the site engine is told, as plain data: each page's source name, the navigation in each
interface language, and where another language's site finds the shared assets.

Kept apart from the MkDocs adapter (``generator.plugin``) because none of it needs MkDocs.
"""

from __future__ import annotations

from typing import Any

from generator.languages import DEFAULT, Language
from generator.pages import NAVIGATION, PAGE_TYPES
from generator.search import BUNDLE_DIR


def source_uri(url: str) -> str:
    """The docs-relative name MkDocs gives a page served at ``url`` (``yrken/`` is
    ``yrken/index.md``, ``vagar/x/`` is ``vagar/x.md``, the home page ``index.md``)."""
    if url == "":
        return "index.md"
    if url.count("/") == 1:
        return url + "index.md"
    return url.rstrip("/") + ".md"


def navigation(strings: dict[str, Any], language: Language) -> list[Any]:
    """The site's navigation in ``language``: the generated index pages, then the written
    pages under one heading (those that exist in the language), from the page registry."""
    titles = {name: strings[name].get("nav_title", "") for name in NAVIGATION}
    generated: list[Any] = [
        {titles[name] or strings[name]["title"]: source_uri(PAGE_TYPES[name].url)}
        for name in NAVIGATION
    ]
    written = strings["written_pages"]
    about = [
        {written[name]: page.source}
        for name, page in PAGE_TYPES.items()
        if page.source and (language.code == DEFAULT or page.translated)
    ]
    return [*generated, {written["section"]: about}]


def shared_asset(item: str, language: Language) -> str:
    """An extra script or style sheet of the Swedish site as another language's site reaches
    it: Pagefind's files are in the Swedish site only (one search index for every language),
    one folder up; the theme's own assets are copied into each language's site."""
    if item.startswith(f"{BUNDLE_DIR}/"):
        return language.root + item
    return item


def join_url(base: str | None, folder: str) -> str | None:
    """``base`` (an address or a path ending in /) with ``folder`` added, or None."""
    if not base:
        return base
    return base.rstrip("/") + "/" + folder
