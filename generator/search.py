"""Stage 5, search: index the generated pages with Pagefind.

Only pages whose HTML has ``data-pagefind-body`` (paths, occupations, actors) are indexed;
filters and the sort key are in them as ``data-pagefind-filter`` and ``data-pagefind-sort``.

Pagefind is given the page bodies alone, each wrapped in a minimal document, not the finished
site: the theme's header, navigation and footer are most of every page's bytes, and Pagefind's
time and memory grow with the HTML it reads (10,000 full pages: about 1.7 GB).
"""

from __future__ import annotations

import asyncio
import json
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

BUNDLE_DIR = "pagefind"
BODY_MARKER = "data-pagefind-body"


def build_search_index(
    pages: Iterable[tuple[str, str]], site_dir: Path, language: str = "sv"
) -> int:
    """Index ``(url, html)`` pages into ``site_dir/pagefind``; returns the pages indexed.

    ``url`` is site-relative and directory-style (``vagar/x/``), as the pages are served. The
    bundle folder is cleared first: Pagefind adds to an existing bundle instead of replacing
    it, which would keep pages that no longer exist.
    """
    bundle = site_dir.resolve() / BUNDLE_DIR
    shutil.rmtree(bundle, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="vagar-search-") as folder:
        source = Path(folder)
        for url, html in pages:
            if BODY_MARKER not in html:
                continue
            target = source / url / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(_document(html, language), encoding="utf-8")
        asyncio.run(_index(source, bundle, language))
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(int(lang["page_count"]) for lang in entry["languages"].values())


def _document(body: str, language: str) -> str:
    return f'<!doctype html><html lang="{language}"><head><meta charset="utf-8"></head>' + (
        f"<body>{body}</body></html>"
    )


async def _index(source: Path, bundle: Path, language: str) -> None:
    config = IndexConfig(force_language=language, output_path=str(bundle))
    # Leaving the context writes the bundle to ``output_path``.
    async with PagefindIndex(config) as index:
        await index.add_directory(str(source))
