"""Stage 5, search: index the built site with Pagefind.

Pagefind reads the finished HTML, so this runs after the site is written. Only elements marked
``data-pagefind-body`` (paths, occupations, actors) are indexed; the filters and the sort key
are in those pages as ``data-pagefind-filter`` and ``data-pagefind-sort`` attributes.
"""

from __future__ import annotations

import asyncio
import json
import shutil
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

BUNDLE_DIR = "pagefind"


def build_search_index(site_dir: Path, language: str = "sv") -> int:
    """Index the HTML pages under ``site_dir`` into ``site_dir/pagefind``.

    Returns the number of pages in the index (pages without ``data-pagefind-body`` are read
    but not indexed).

    The bundle folder is cleared first: Pagefind adds to an existing bundle instead of
    replacing it, which would keep pages that no longer exist.
    """
    bundle = site_dir / BUNDLE_DIR
    shutil.rmtree(bundle, ignore_errors=True)
    asyncio.run(_index(site_dir.resolve(), bundle.resolve(), language))
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(int(lang["page_count"]) for lang in entry["languages"].values())


async def _index(site_dir: Path, bundle: Path, language: str) -> None:
    config = IndexConfig(force_language=language, output_path=str(bundle))
    # Leaving the context writes the bundle to ``output_path``.
    async with PagefindIndex(config) as index:
        await index.add_directory(str(site_dir))
