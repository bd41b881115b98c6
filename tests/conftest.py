"""Shared fixtures: the sample site built once per session, served on 127.0.0.1 under /repo/."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import REPO_ROOT, build_site

SUB_PATH = "repo"


@pytest.fixture(scope="session")
def serve_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder whose ``repo/`` holds the sample site, as on a GitHub Pages project site."""
    root = tmp_path_factory.mktemp("served")
    result = build_site(REPO_ROOT, root / SUB_PATH)
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture(scope="session")
def site(serve_root: Path) -> Path:
    """The built sample site."""
    return serve_root / SUB_PATH


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def base_url(serve_root: Path) -> Iterator[str]:
    """The sample site served at http://127.0.0.1:<port>/repo/."""
    handler = functools.partial(_QuietHandler, directory=str(serve_root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/{SUB_PATH}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless, driven by Playwright. A missing browser fails, never skips."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Any]:
    """A fresh page that records every request, console error and dialog."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.requests = []
    page.problems = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("console", lambda m: m.type == "error" and page.problems.append(m.text))
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    page.on(
        "dialog",
        lambda dialog: (page.problems.append(f"dialog: {dialog.message}"), dialog.dismiss()),
    )
    yield page
    context.close()


def _record_dialog(page: Any, dialog: Any) -> None:
    page.problems.append(f"dialog: {dialog.message}")
    dialog.dismiss()
