"""Stage 5, search: index the generated pages with Pagefind.

Only pages whose HTML has ``data-pagefind-body`` (paths, occupations, actors) are indexed;
filters and the sort key are in them as ``data-pagefind-filter`` and ``data-pagefind-sort``.

Pagefind is given the page bodies alone, each wrapped in a minimal document, not the finished
site: the theme's header, navigation and footer are most of every page's bytes. So indexing
needs nothing from the site engine and can start as soon as the pages are rendered: Pagefind
(a process of its own) works on one core while the engine writes the site on the other.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

BUNDLE_DIR = "pagefind"
BODY_MARKER = "data-pagefind-body"


class SearchIndex:
    """A Pagefind bundle built in the background; ``finish`` puts it into the site."""

    def __init__(self, pages: Iterable[tuple[str, str]], language: str = "sv") -> None:
        """Start indexing ``(url, html)`` pages; ``url`` is site-relative (``vagar/x/``)."""
        self._folder = tempfile.TemporaryDirectory(prefix="vagar-search-")
        self._pages = [(url, html) for url, html in pages if BODY_MARKER in html]
        self._language = language
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._build, name="pagefind", daemon=True)
        self._thread.start()

    @property
    def _bundle(self) -> Path:
        return Path(self._folder.name) / BUNDLE_DIR

    def _build(self) -> None:
        try:
            source = Path(self._folder.name) / "pages"
            for url, html in self._pages:
                target = source / url / "index.html"
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(_document(html, self._language), encoding="utf-8")
            asyncio.run(_index(source, self._bundle, self._language))
        except BaseException as error:  # handed to the caller of finish()
            self._error = error

    def finish(self, site_dir: Path) -> int:
        """Wait for Pagefind, then replace ``site_dir/pagefind`` with the new bundle.

        Returns the number of pages in the index. The old bundle is removed, not added to:
        Pagefind adds to an existing bundle, which would keep pages that no longer exist.
        """
        try:
            self._thread.join()
            if self._error is not None:
                raise self._error
            target = site_dir / BUNDLE_DIR
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(self._bundle, target)
        finally:
            self._folder.cleanup()
        entry = json.loads((target / "pagefind-entry.json").read_text(encoding="utf-8"))
        return sum(int(lang["page_count"]) for lang in entry["languages"].values())

    def cancel(self) -> None:
        """Let Pagefind end and remove what it wrote (the build failed)."""
        self._thread.join()
        self._folder.cleanup()


def _document(body: str, language: str) -> str:
    return f'<!doctype html><html lang="{language}"><head><meta charset="utf-8"></head>' + (
        f"<body>{body}</body></html>"
    )


async def _index(source: Path, bundle: Path, language: str) -> None:
    config = IndexConfig(force_language=language, output_path=str(bundle))
    # Leaving the context writes the bundle to ``output_path``.
    async with PagefindIndex(config) as index:
        await index.add_directory(str(source))
