"""Shared fixtures: the sample site built once per session, served on 127.0.0.1 under /repo/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import REPO_ROOT, build_site
from languages import english

from scripts.localsite import launch_chromium, serve

SUB_PATH = "repo"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that uses the ``browser`` fixture must carry the ``browser`` marker, so that
    ``-m "not browser"`` (``make test-fast``) never starts Chromium."""
    unmarked = [
        item.nodeid
        for item in items
        if "browser" in getattr(item, "fixturenames", ())
        and item.get_closest_marker("browser") is None
    ]
    if unmarked:
        raise pytest.UsageError("mark with @pytest.mark.browser: " + ", ".join(unmarked))


@pytest.fixture
def english_messages(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The messages in English (``--lang en``) while a test runs. A module whose assertions
    quote English messages uses it in every test:
    ``pytestmark = pytest.mark.usefixtures("english_messages")``."""
    yield from english(monkeypatch)


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


@pytest.fixture(scope="session")
def base_url(serve_root: Path) -> Iterator[str]:
    """The sample site served at http://127.0.0.1:<port>/repo/."""
    with serve(serve_root, SUB_PATH) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless, driven by Playwright. A missing browser fails, never skips."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = launch_chromium(playwright)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Any]:
    """A fresh page that records every request, failed response, console error and dialog
    (``watch_page``)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield watch_page(context.new_page())
    context.close()


# --- Accessibility, keyboard, privacy and hostile-content checks ------------------------------

NODE_MODULES = REPO_ROOT / "node_modules"
PAGES_SITE_URL = f"http://127.0.0.1/{SUB_PATH}/"


def node_tool(relative: str) -> Path:
    """A file from node_modules/ (axe-core, Lighthouse, vnu-jar). Missing means failing."""
    path = NODE_MODULES / relative
    assert path.exists(), f"{path} is missing: run `make npm` (npm ci from package-lock.json)"
    return path


@pytest.fixture(scope="session")
def pages_serve_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site as the deploy workflow builds it: site_url set (MkDocs needs it for the
    404 page, which is served at any depth), inheriting the repository's mkdocs.yml."""
    project = tmp_path_factory.mktemp("pages-project")
    for name in ("content", "theme"):
        (project / name).symlink_to(REPO_ROOT / name, target_is_directory=True)
    (project / "mkdocs.yml").write_text(
        f'INHERIT: {REPO_ROOT / "mkdocs.yml"}\nsite_url: "{PAGES_SITE_URL}"\n', encoding="utf-8"
    )
    root = tmp_path_factory.mktemp("pages-served")
    result = build_site(project, root / SUB_PATH)
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture(scope="session")
def pages_base_url(pages_serve_root: Path) -> Iterator[str]:
    """That site at http://127.0.0.1:<port>/repo/, with 404.html for every missing URL."""
    with serve(pages_serve_root, SUB_PATH, pages_404=True) as url:
        yield url


def watch_page(page: Any) -> Any:
    """Record on ``page`` every request, failed response, console error and dialog."""
    page.requests = []
    page.failures = []
    page.problems = []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on(
        "response",
        lambda response: (
            response.status >= 400 and page.failures.append(f"{response.status} {response.url}")
        ),
    )
    page.on("console", lambda m: m.type == "error" and page.problems.append(m.text))
    page.on("pageerror", lambda error: page.problems.append(str(error)))

    def record_dialog(dialog: Any) -> None:
        page.problems.append(f"dialog: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", record_dialog)
    return page


@pytest.fixture
def new_page(browser: Any) -> Iterator[Any]:
    """A factory of watched pages with their own context options (viewport, color_scheme…)."""
    contexts: list[Any] = []

    def make(**options: Any) -> Any:
        options.setdefault("viewport", {"width": 1280, "height": 900})
        context = browser.new_context(**options)
        contexts.append(context)
        return watch_page(context.new_page())

    yield make
    for context in contexts:
        context.close()


def _first_yaml(folder: str) -> dict[str, Any]:
    import yaml

    file = sorted((REPO_ROOT / "content" / folder).glob("*.yaml"))[0]
    data: dict[str, Any] = yaml.safe_load(file.read_text(encoding="utf-8"))
    return data


# The names of ``page_types``, known when tests are collected (for parametrize). A new page type
# goes in both; test_csp.py asserts that they agree.
PAGE_TYPE_NAMES = [
    "home",
    "occupations",
    "occupation",
    "path",
    "actors",
    "actor",
    "counties",
    "county",
    "situations",
    "situation",
    "search",
    "search-filtered",
    "search-browse",
    "search-place",
    "about",
    "contribute",
    "accessibility",
    "privacy",
    "404",
    "glossary",
    "plan",
    "data",
    "actors-county",
    "actors-group",
    "actors-type",
    "path-feedback",
    "occupation-feedback",
]


SWEDISH_ONLY = {"path", "path-feedback", "data", "plan", "404", "search-filtered"}
"""Page types not in English and Arabic: path stories and the open data exist once, in
Swedish (issue 16); the 404 page and the plan are covered in Swedish."""

TRANSLATED_PAGE_TYPE_NAMES = [name for name in PAGE_TYPE_NAMES if name not in SWEDISH_ONLY]

LANGUAGE_PAGE_TYPE_NAMES = [
    f"{code}:{name}" for code in ("en", "ar") for name in TRANSLATED_PAGE_TYPE_NAMES
]
"""``en:occupation``: a page type in another language, at ``en/<its URL>``."""


@pytest.fixture(scope="session")
def page_types() -> dict[str, str]:
    """One URL (relative to the site root) for every kind of page, from the sample content.

    ``search`` and ``search-filtered`` are the search page with results (the second with a
    county filter applied by ``open_page_type``, its filters open on a narrow screen);
    ``search-browse`` lists paths by a filter alone (no word), its filters open;
    ``search-place`` shows the place filter a province name makes (filters closed on a narrow
    screen); ``404`` is any missing URL (serve it with ``pages_base_url``, whose server
    answers with the site's 404 page).
    """
    path = _first_yaml("paths")
    heard = _path_with_feedback()
    urls = {
        "home": "",
        "occupations": "yrken/",
        "occupation": f"yrken/{path['occupation']}/",
        "path": f"vagar/{path['id']}/",
        "actors": "aktorer/",
        "actor": f"aktorer/{path['documented_by']}/",
        "counties": "lan/",
        "county": f"lan/{path['county']}/",
        "situations": "utgangslage/",
        "situation": f"utgangslage/{path['situations'][0]}/",
        "search": f"sok/?q={path['occupation']}",
        "search-filtered": f"sok/?q={path['occupation']}",
        "search-browse": f"sok/?lage={path['situations'][0]}",
        "search-place": "sok/?q=Sm%C3%A5land",
        "about": "om/",
        "contribute": "bidra/",
        "accessibility": "tillganglighet/",
        "privacy": "personuppgifter/",
        "404": "finns-inte/alls/",
        "glossary": "ordlista/",
        "plan": "min-plan/",
        "data": "data/",
        "actors-county": f"aktorer/lan/{path['county']}/",
        "actors-group": f"aktorer/malgrupp/{path['situations'][0]}/",
        "actors-type": f"aktorer/typ/{_actor_type(path['documented_by'])}/",
        # a path with employer feedback and tracks considered, and its occupation's page
        "path-feedback": f"vagar/{heard['id']}/",
        "occupation-feedback": f"yrken/{heard['occupation']}/",
    }
    for code in ("en", "ar"):
        for name in TRANSLATED_PAGE_TYPE_NAMES:
            urls[f"{code}:{name}"] = f"{code}/{urls[name]}"
    return urls


def _path_with_feedback() -> dict[str, Any]:
    """The first sample path with employer feedback in a step and tracks considered."""
    import yaml

    for file in sorted((REPO_ROOT / "content" / "paths").glob("*.yaml")):
        data: dict[str, Any] = yaml.safe_load(file.read_text(encoding="utf-8"))
        if "tracks_considered" in data and any("employer_feedback" in s for s in data["steps"]):
            return data
    raise AssertionError("no sample path has employer feedback and tracks considered")


def _actor_type(actor_id: str) -> str:
    import yaml

    file = REPO_ROOT / "content" / "actors" / f"{actor_id}.yaml"
    return str(yaml.safe_load(file.read_text(encoding="utf-8"))["type"])


RESULT_LINK = ".vagar-search a.vagar-result__link"
SEARCH_DONE = ".vagar-search[data-state=done]"
"""The search page has shown its results (theme/assets/vagar-search-page.js)."""
SEARCH_START = ".vagar-search[data-state=start]"
"""The search page with no word and no filter: ready, nothing searched."""


def header_search(page: Any, term: str) -> None:
    """Search for ``term`` in the header's search dialog and wait for its first result."""
    page.locator("pagefind-modal-trigger button").click()
    page.locator("pagefind-modal dialog").get_by_role("searchbox").fill(term)
    page.wait_for_selector("pagefind-modal a.pf-result-link")


def open_filters(page: Any) -> None:
    """Unfold the search page's filters (folded behind one button on a narrow screen)."""
    toggle = page.locator(".vagar-search__toggle")
    if toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false":
        toggle.click()
    page.locator("#vagar-filters").wait_for(state="visible")


def filter_box(page: Any, group: str, value_id: str) -> Any:
    """The checkbox of one filter value (``lan``, ``07``), its filters and group opened."""
    open_filters(page)
    details = page.locator(f".vagar-filter[data-filter='{group}']")
    if details.get_attribute("open") is None:
        details.locator("summary").click()
    return details.locator(f"input[value='{value_id}']")


def after_change(page: Any, change: Any) -> None:
    """Make a change on the search page (``change()``), then wait for its new results."""
    before = int(page.locator(".vagar-search").get_attribute("data-run") or "0")
    change()
    page.wait_for_function(
        "before => { const root = document.querySelector('.vagar-search');"
        " return ['done', 'start'].includes(root.dataset.state)"
        " && Number(root.dataset.run) > before; }",
        arg=before,
    )


def open_page_type(page: Any, base: str, name: str, url: str) -> None:
    """Go to a page type and bring it into the state to check (search results, a filter, a
    plan made from the first path)."""
    name = name.rpartition(":")[2]  # en:search is a search page too
    if name == "plan":
        make_plan_from_path(page, base, f"vagar/{_first_yaml('paths')['id']}/")
        return
    page.goto(base + url)
    # Loaded, and Pagefind's components (the last scripts) have rendered the header's button.
    page.wait_for_selector("pagefind-modal-trigger button")
    if name.startswith("search"):
        page.wait_for_selector(SEARCH_DONE)
        page.wait_for_selector(RESULT_LINK)
    if name == "search-filtered":
        box = filter_box(page, "lan", str(_first_yaml("paths")["county"]))
        after_change(page, box.check)
        page.wait_for_selector(RESULT_LINK)
    if name == "search-browse":
        open_filters(page)


def make_plan_from_path(page: Any, base: str, path_url: str) -> None:
    """A fresh plan made from the path at ``path_url`` with "Gör till min plan": the plan page
    open with its steps, and Pagefind's button rendered."""
    page.goto(base + path_url)
    page.evaluate("localStorage.clear()")
    with page.expect_navigation():
        page.get_by_role("button", name="Gör till min plan").click()
    page.wait_for_selector(".vagar-plan__step")
    page.wait_for_selector("pagefind-modal-trigger button")
