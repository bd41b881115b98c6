"""Stage 5, search: index the generated pages with Pagefind, and prove the bundle whole.

Only pages whose HTML has ``data-pagefind-body`` (paths, occupations, actors) are indexed;
filters and the sort key are in them as ``data-pagefind-filter`` and ``data-pagefind-sort``.

Pagefind is given the page bodies alone, each wrapped in a minimal document, not the finished
site: the theme's header, navigation and footer are most of every page's bytes. So indexing
needs nothing from the site engine and can start as soon as the pages are rendered: Pagefind
(a process of its own) works on one core while the engine writes the site on the other.

Pagefind runs as its command-line program, never through its Python service API. The service
answers "files written" as soon as its last write is *queued* on the Rust runtime's blocking
threads (``tokio::fs::File::write_all`` without a flush), and the Python API then terminates
the process: on a busy machine the queued writes die with it, leaving files empty or cut at a
buffer boundary. The command-line program exits only after its runtime has finished every
queued write. The bundle is then checked (``generator.search_bundle``) before it is used.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path

from pagefind.service import get_executable

from generator.messages import _
from generator.search_bundle import BundleError, copy_verified, reference_files, verify_bundle

BUNDLE_DIR = "pagefind"
BODY_MARKER = "data-pagefind-body"
LANGUAGE = "sv"
"""The language Pagefind indexes the pages in (``--force-language``)."""

INDEX_ONLY = re.compile(r"\n?<!--vagar:index-->.*?<!--/vagar:index-->", re.DOTALL)
"""What only the index reads (``index_only`` in ``theme/vagar/_macros.html``): filters, sort
keys, meta and hidden words, with the line break before them (pages are compacted: one line
break between tags). Contributor text is escaped, so it cannot write the markers."""

__all__ = [
    "BUNDLE_DIR",
    "INDEX_ONLY",
    "LANGUAGE",
    "BundleError",
    "SearchIndex",
    "pagefind_command",
    "served_html",
    "write_pages",
]


def served_html(html: str) -> str:
    """A page's body as readers get it: without what only the search index reads (a path
    page's filters, meta and words are 1.3 KB of every page; no script reads them)."""
    return INDEX_ONLY.sub("", html)


class SearchIndex:
    """A Pagefind bundle built in the background; ``finish`` puts it into the site."""

    def __init__(self, pages: Iterable[tuple[str, str]], language: str = LANGUAGE) -> None:
        """Start indexing ``(url, html)`` pages; ``url`` is site-relative (``vagar/x/``)."""
        self._folder = tempfile.TemporaryDirectory(prefix="vagar-search-")
        self._pages = sorted((url, html) for url, html in pages if BODY_MARKER in html)
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
            write_pages(self._pages, source, self._language)
            _run_pagefind(source, self._bundle, self._language)
        except BaseException as error:  # handed to the caller of finish()
            self._error = error

    def finish(self, site_dir: Path) -> int:
        """Wait for Pagefind, verify its bundle, then put it at ``site_dir/pagefind``.

        Returns the number of pages in the index. Raises ``BundleError`` when Pagefind failed
        or the bundle is not whole; ``site_dir/pagefind`` is then left as it was. The old
        bundle is replaced, not added to: Pagefind adds to an existing bundle, which would keep
        pages that no longer exist.
        """
        try:
            self._thread.join()
            if isinstance(self._error, BundleError):
                raise self._error
            if self._error is not None:
                message = _("the search index could not be built: {error}")
                raise BundleError(message.format(error=self._error))
            urls = ["/" + url for url, _html in self._pages]
            report = verify_bundle(self._bundle, urls, self._language)
            copy_verified(self._bundle, site_dir / BUNDLE_DIR, report)
            return report.page_count
        finally:
            self._folder.cleanup()

    def cancel(self) -> None:
        """Let Pagefind end and remove what it wrote (the build failed)."""
        self._thread.join()
        self._folder.cleanup()


def write_pages(pages: Iterable[tuple[str, str]], source: Path, language: str) -> None:
    """Write each ``(url, body)`` as ``source/<url>/index.html``, a minimal document: what
    Pagefind is given (the benchmark gives Pagefind alone the same files)."""
    for url, html in pages:
        target = source / url / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_document(html, language), encoding="utf-8")


def pagefind_command(source: Path, bundle: Path, language: str) -> list[str]:
    """Pagefind's command line over the pages in ``source``, writing the bundle to ``bundle``."""
    executable = get_executable()
    if executable is None:
        raise BundleError(_("Pagefind is not installed — run `make install`"))
    return [
        str(executable),
        "--site",
        str(source),
        "--output-path",
        str(bundle),
        "--force-language",
        language,
        "--silent",
    ]


def _document(body: str, language: str) -> str:
    return f'<!doctype html><html lang="{language}"><head><meta charset="utf-8"></head>' + (
        f"<body>{body}</body></html>"
    )


def _run_pagefind(source: Path, bundle: Path, language: str) -> None:
    """Run Pagefind's command-line program over ``source``; its exit means every file is
    written (see the module docstring)."""
    process = subprocess.Popen(
        pagefind_command(source, bundle, language),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    # The yardstick for the verification, fetched while Pagefind indexes (it mostly waits).
    try:
        reference_files(language)
    finally:
        output, _errors = process.communicate()
    if process.returncode != 0:
        message = _("Pagefind stopped with exit code {code}: {output}")
        raise BundleError(message.format(code=process.returncode, output=output.strip()[-2000:]))
