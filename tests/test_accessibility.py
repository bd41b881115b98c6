"""axe-core on every page type (and every translated one in English and Arabic), in light and
dark colour schemes, 375 px and 1280 px wide.

WCAG 2.0 and 2.1, levels A and AA. One browser context per scheme and width serves every page
type (pytest groups the tests by the module-scoped parameter); the 404 page comes from the site
built as the deploy workflow builds it (site_url set), served like GitHub Pages.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from conftest import (
    LANGUAGE_PAGE_TYPE_NAMES,
    PAGE_TYPE_NAMES,
    header_search,
    node_tool,
    open_page_type,
    watch_page,
)

pytestmark = [pytest.mark.browser, pytest.mark.node]  # axe-core from node_modules/

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Every page type, and the header's search dialog open over a page (after the search page).
_AFTER_SEARCH = PAGE_TYPE_NAMES.index("search-filtered") + 1
PAGE_TYPES = [
    *PAGE_TYPE_NAMES[:_AFTER_SEARCH],
    "search-dialog",
    *PAGE_TYPE_NAMES[_AFTER_SEARCH:],
    *LANGUAGE_PAGE_TYPE_NAMES,  # every translated page type in English and Arabic
]
VIEWS = [("light", 375), ("light", 1280), ("dark", 375), ("dark", 1280)]


@pytest.fixture(scope="module", params=VIEWS, ids=[f"{s}-{w}" for s, w in VIEWS])
def view(request: pytest.FixtureRequest, browser: Any) -> Iterator[tuple[Any, str]]:
    """A browser context in one colour scheme and width, shared by every page type."""
    scheme, width = request.param
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    yield context, scheme
    context.close()


def run_axe(page: Any) -> list[dict[str, Any]]:
    """axe-core's violations for the page as it is now."""
    # Evaluated, not added as a <script>: the page's Content-Security-Policy blocks inline
    # scripts it does not list, while Playwright's evaluation is not subject to it.
    page.evaluate(node_tool("axe-core/axe.min.js").read_text(encoding="utf-8"))
    violations: list[dict[str, Any]] = page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {
                runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'],
            });
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary),
            }));
        }""",
        WCAG_TAGS,
    )
    return violations


def describe(violations: list[dict[str, Any]]) -> str:
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["nodes"][:5])
        for v in violations
    )


def open_search_dialog(page: Any, base: str) -> None:
    """The header's search dialog, open, with results."""
    page.goto(base + "yrken/")
    header_search(page, "elektriker")


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_axe_finds_no_violation(
    view: tuple[Any, str],
    name: str,
    page_types: dict[str, str],
    base_url: str,
    pages_base_url: str,
) -> None:
    context, scheme = view
    page = watch_page(context.new_page())
    try:
        if name == "search-dialog":
            open_search_dialog(page, base_url)
        elif name == "404":
            open_page_type(page, pages_base_url, name, page_types[name])
        else:
            open_page_type(page, base_url, name, page_types[name])
        applied = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        assert applied == ("slate" if scheme == "dark" else "default")
        violations = run_axe(page)
        assert not violations, describe(violations)
        problems = page.problems
        if name == "404":
            # The page itself answers 404, which Chromium reports on the console.
            assert page.failures == [f"404 {page.url}"]
            problems = [p for p in problems if "status of 404" not in p]
        else:
            assert not page.failures
        assert not problems
    finally:
        page.close()
