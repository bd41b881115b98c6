"""Hostile content: injection payloads in every free-text field of paths and actors.

A separate project is built with the repository's own theme/, mkdocs.yml and fixed pages: one
path and one actor per payload (tests/payloads.py), every free-text field reading
``kantfall <payload>``, actor websites from the addresses that pass the schema. In headless
Chromium no payload may run (no dialog, no console error, no request for anything it names) or
add an element, and each must be shown literally: on its pages, in the title and description,
and in Pagefind's search results. Addresses that the schema rejects stop at the checker.

Escaping happens in one place: Jinja2's autoescape in generator/render.py, and titles handed to
Material pre-escaped by generator/plugin.py; nothing here is escaped per field.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest
import yaml
from conftest import SEARCH_DONE, SUB_PATH, after_change, header_search, watch_page
from helpers import ARBETSFORMEDLINGEN, REPO_ROOT, build_site, make_project
from payloads import ACCEPTED_WEBSITES, NOT_URLS, PAYLOADS, REJECTED_WEBSITES
from test_accessibility import describe, run_axe
from test_html_validity import allowed, vnu

from generator.cli import main as vagar
from scripts.localsite import serve

MARK = "kantfall"
COUNTY = "21"  # Gävleborgs län


def text(payload: str) -> str:
    return f"{MARK} {payload}"


def plain(shown: str) -> str:
    """Text as compared in search results: Pagefind drops zero-width spaces (its own word
    breaks) and the browser's trim() drops a byte order mark; whitespace runs count as one."""
    return " ".join(shown.replace("\u200b", "").replace("\ufeff", "").split())


def path_yaml(index: int, payload: str) -> str:
    value = text(payload)
    data = {
        "id": f"elak-{index:02d}",
        "title": value,
        "summary": value,
        "occupation": "elektriker",
        "situations": ["langtidsarbetslos"],
        "age_band": "25-34",
        "background": value,
        "county": COUNTY,
        "year": 2024,
        "outcome": {"type": "anstallning", "text": value},
        "steps": [
            {
                "type": "kartlaggning",
                "title": value,
                "actors": [f"elak-aktor-{index:02d}"],
                "weeks": 2,
                "text": value,
                "employer_feedback": value,
            },
            {
                "type": "utbildning",
                "title": value,
                "actors": ["arbetsformedlingen", f"elak-aktor-{index:02d}"],
                "weeks": 10 + index,
                "text": value,
                "employer_feedback": value,
            },
        ],
        "tracks_considered": [
            {"title": value, "occupation": "elektriker", "chosen": True, "why": value},
            {"title": value, "chosen": False, "why": value},
        ],
        "what_helped": value,
        "quote": value,
        "tips": [value],
        "documented_by": f"elak-aktor-{index:02d}",
        "consent": True,
        "example": True,
    }
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def actor_yaml(index: int, payload: str, website: str | None, results: bool = False) -> str:
    data: dict[str, Any] = {
        "id": f"elak-aktor-{index:02d}",
        "name": text(payload),
        "type": "arbetsgivare",
        "counties": [COUNTY],
        "target_groups": ["langtidsarbetslos"],
        "description": text(payload),
        "example": True,
    }
    if website is not None:
        data["website"] = website
    if website is not None and results:
        data["results"] = [
            {
                "year": 2024,
                "participants": 10,
                "in_work_or_studies": 7,
                "after_days": 90,
                "source": website,
                "note": text(payload),
            }
        ]
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def website(index: int) -> str:
    return ACCEPTED_WEBSITES[index % len(ACCEPTED_WEBSITES)]


def hostile_project(root: Path) -> Path:
    paths = {f"elak-{i:02d}.yaml": path_yaml(i, p) for i, p in enumerate(PAYLOADS)}
    actors = {
        f"elak-aktor-{i:02d}.yaml": actor_yaml(i, p, website(i), results=True)
        for i, p in enumerate(PAYLOADS)
    }
    actors["arbetsformedlingen.yaml"] = ARBETSFORMEDLINGEN
    project = make_project(root, paths, actors)
    shutil.copytree(REPO_ROOT / "theme", project / "theme")
    shutil.copytree(REPO_ROOT / "content" / "pages", project / "content" / "pages")
    shutil.copy(REPO_ROOT / "mkdocs.yml", project / "mkdocs.yml")
    return project


def test_payloads_cover_the_issue() -> None:
    assert len(PAYLOADS) >= 40
    assert len(set(PAYLOADS)) == len(PAYLOADS)
    assert all(len(p) <= 70 and "\n" not in p and "  " not in p for p in PAYLOADS)
    for needle in ("<script", "onerror=", "javascript:", "data:", "<svg", "<math", "](", "&lt;"):
        assert any(needle in p for p in PAYLOADS), needle
    for needle in ("{{", "{%", '" onmouseover', "data-pagefind-filter", "data-pagefind-meta"):
        assert any(needle in p for p in PAYLOADS), needle


@pytest.mark.parametrize("address", [*REJECTED_WEBSITES, *NOT_URLS])
def test_the_checker_rejects_unsafe_websites(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], address: str
) -> None:
    actors = {"elak-aktor-00.yaml": actor_yaml(0, "ett vanligt namn", address)}
    actors["arbetsformedlingen.yaml"] = ARBETSFORMEDLINGEN
    root = make_project(tmp_path, {"elak-00.yaml": path_yaml(0, "en vanlig text")}, actors)
    assert vagar(["check", "--lang", "en", "--root", str(root)]) == 1
    out = capsys.readouterr()
    assert "website: must be a full https:// address" in out.out + out.err
    assert "Traceback" not in out.out + out.err


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile project, built; the site is in ``<returned folder>/repo``."""
    project = hostile_project(tmp_path_factory.mktemp("hostile"))
    root = tmp_path_factory.mktemp("hostile-served")
    result = build_site(project, root / SUB_PATH)
    assert result.returncode == 0, result.stderr
    return root


@pytest.mark.node
@pytest.mark.java
def test_hostile_site_is_valid_html(hostile_site: Path) -> None:
    """No payload breaks the markup: the Nu Html Checker finds nothing new."""
    messages = vnu(hostile_site / SUB_PATH)
    errors = [m for m in messages if m["type"] != "info" and not allowed(m)]
    assert not errors, errors[:10]


class Hostile(NamedTuple):
    """The hostile site served, and one watched page that the module's browser tests share."""

    page: Any
    base: str  # http://127.0.0.1:<port>/repo/


@pytest.fixture(scope="module")
def hostile(browser: Any, hostile_site: Path) -> Iterator[Hostile]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    with serve(hostile_site, SUB_PATH) as url:
        yield Hostile(watch_page(context.new_page()), url)
    context.close()


# Anything a payload could have added: elements other than the templates' own where
# contributor text is shown, event handler attributes and script URLs anywhere.
GENERATED = (
    "#innehall :is(.vagar-path, .vagar-actor, .vagar-cards, .vagar-links, .vagar-facts, "
    ".vagar-table, .vagar-voices)"
)
RESULT_CARDS = ".vagar-result"
INJECTED = """(scope) => {
    const allowed = new Set(['A', 'P', 'SPAN', 'DIV', 'SECTION', 'ARTICLE', 'H1', 'H2', 'H3',
        'H4', 'UL', 'OL', 'LI', 'DL', 'DT', 'DD', 'BLOCKQUOTE', 'STRONG', 'BR', 'MARK',
        'TABLE', 'CAPTION', 'THEAD', 'TBODY', 'TR', 'TH', 'TD', 'BDI']);
    const found = [];
    for (const root of document.querySelectorAll(scope)) {
        for (const el of root.querySelectorAll('*')) {
            if (!allowed.has(el.tagName)) found.push(el.tagName);
        }
    }
    for (const el of document.querySelectorAll('*')) {
        for (const attr of el.attributes) {
            if (/^on/i.test(attr.name)) found.push(`${el.tagName}[${attr.name}]`);
            if (/^\\s*(javascript|data|vbscript):/i.test(attr.value)
                && ['href', 'src', 'action', 'xlink:href', 'formaction'].includes(attr.name)) {
                found.push(`${el.tagName}[${attr.name}=${attr.value}]`);
            }
        }
    }
    return {found, h1: document.querySelectorAll('#innehall h1').length};
}"""


def visit(page: Any, url: str, scope: str = GENERATED) -> None:
    page.goto(url)
    page.wait_for_selector("pagefind-modal-trigger button")
    injected = page.evaluate(INJECTED, scope)
    assert injected == {"found": [], "h1": 1}, url


def assert_clean(hostile: Hostile) -> None:
    """Nothing went wrong on the shared page, and it asked the site's server alone."""
    page = hostile.page
    origin = hostile.base.split(f"/{SUB_PATH}/")[0]
    assert not page.problems, page.problems
    assert not page.failures, page.failures
    strangers = [u for u in page.requests if not u.startswith(origin + "/")]
    assert not strangers, strangers
    assert page.context.cookies() == []


@pytest.mark.browser
def test_hostile_paths_run_nothing_and_show_every_field_literally(hostile: Hostile) -> None:
    page, base = hostile
    for index, payload in enumerate(PAYLOADS):
        visit(page, f"{base}vagar/elak-{index:02d}/")
        shown = page.locator("#innehall").inner_text()
        # title, summary, background, 2 step titles, 2 step texts, outcome, what helped,
        # quote, tip, the actor in both steps and as documenter
        assert shown.count(text(payload)) >= 14, (payload, shown)
        assert page.locator("#innehall h1").inner_text() == text(payload)
        assert page.title() == f"{text(payload)} - Vägar till jobb"
        description = page.locator("meta[name=description]").get_attribute("content")
        assert description == text(payload)
        topic = page.locator(".md-header__topic[data-md-component=header-topic]").inner_text()
        assert topic.strip() == text(payload)
    assert_clean(hostile)


@pytest.mark.browser
def test_hostile_actors_run_nothing_and_link_only_their_https_address(hostile: Hostile) -> None:
    page, base = hostile
    for index, payload in enumerate(PAYLOADS):
        visit(page, f"{base}aktorer/elak-aktor-{index:02d}/")
        assert page.locator("#innehall h1").inner_text() == text(payload)
        shown = page.locator("#innehall").inner_text()
        assert shown.count(text(payload)) >= 2  # name, description
        link = page.locator(".vagar-facts a.vagar-external")
        assert link.get_attribute("href") == website(index)
        assert link.inner_text() == website(index)
        assert link.evaluate("a => a.protocol") == "https:"
    assert_clean(hostile)


@pytest.mark.browser
@pytest.mark.parametrize(
    "url",
    [
        "",
        "yrken/",
        "yrken/elektriker/",
        f"lan/{COUNTY}/",
        "aktorer/",
        f"aktorer/lan/{COUNTY}/",
        "aktorer/typ/arbetsgivare/",
        "sok/",
    ],
)
def test_pages_that_list_hostile_titles_run_nothing(hostile: Hostile, url: str) -> None:
    page, base = hostile
    visit(page, base + url)
    if url in ("yrken/elektriker/", f"lan/{COUNTY}/", "aktorer/", f"aktorer/lan/{COUNTY}/"):
        shown = page.locator("#innehall").inner_text()
        # Long lists are split over pages (sida-2/, …): read them all.
        pages = page.locator(".vagar-pager a[href]:not([aria-current])").evaluate_all(
            "links => [...new Set(links.map(a => a.href))]"
        )
        for other in pages:
            visit(page, other)
            shown += page.locator("#innehall").inner_text()
        missing = [p for p in PAYLOADS if text(p) not in shown]
        assert not missing
    assert_clean(hostile)


RESULTS = """() => [...document.querySelectorAll('.vagar-search .vagar-result')]
    .map(card => ({
        href: card.querySelector('a.vagar-result__link').getAttribute('href'),
        title: card.querySelector('a.vagar-result__link').textContent.trim(),
        excerpt: card.querySelector('.vagar-result__excerpt').textContent,
    }))"""
NEXT_PAGE = ".vagar-search__pager a[rel=next]"


@pytest.mark.browser
def test_search_results_show_hostile_text_literally(hostile: Hostile) -> None:
    page, base = hostile
    visit(page, f"{base}sok/?q={MARK}")
    page.wait_for_selector(SEARCH_DONE)
    expected = 2 * len(PAYLOADS)  # every path and every actor
    # The results come ten to a page: read every page.
    found = page.evaluate(RESULTS)
    while page.locator(NEXT_PAGE).count():
        after_change(page, page.locator(NEXT_PAGE).click)
        assert page.evaluate(INJECTED, RESULT_CARDS) == {"found": [], "h1": 1}
        found += page.evaluate(RESULTS)
    results = {r["href"]: r for r in found}
    assert len(results) == expected, sorted(results)
    for index, payload in enumerate(PAYLOADS):
        for href in (f"/repo/vagar/elak-{index:02d}/", f"/repo/aktorer/elak-aktor-{index:02d}/"):
            result = results[href]
            # Every hostile path and actor is an invented example: its result says so.
            assert plain(result["title"]) == plain(f"Påhittat exempel: {text(payload)}"), result
            # The excerpt runs from the marker word; Pagefind cuts it at 30 words.
            shown = plain(result["excerpt"][result["excerpt"].index(MARK) :])
            wanted = plain(text(payload))
            assert shown.startswith(wanted) or wanted.startswith(shown), result
    injected = page.evaluate(INJECTED, RESULT_CARDS)
    assert injected == {"found": [], "h1": 1}
    filters = page.evaluate(
        """async () => {
            const bundle = document.querySelector('pagefind-config').getAttribute('bundle-path');
            const pagefind = await import(bundle + 'pagefind.js');
            await pagefind.options({baseUrl: '/repo/'});
            return await pagefind.filters();
        }"""
    )
    # Filter names and values are the templates' ids (issue 11), never a payload's.
    assert set(filters) == {
        "yrke",
        "lan",
        "lage",
        "insats",
        "resultat",
        "sidtyp",
        "malgrupp",
        "verksam",
        "aterkoppling",
    }
    assert set(filters["yrke"]) == {"elektriker"}
    # Paths are in Gävleborg; actor pages carry every county they work in (Arbetsförmedlingen:
    # all), never a county a payload names.
    counties = yaml.safe_load((REPO_ROOT / "content/vocabulary/counties.yaml").read_text("utf-8"))
    assert set(filters["lan"]) == {"21"}
    assert set(filters["verksam"]) == {term["id"] for term in counties}
    assert set(filters["malgrupp"]) == {"langtidsarbetslos", "ung"}
    assert filters["aterkoppling"] == {"ja": len(PAYLOADS)}
    assert_clean(hostile)


@pytest.mark.browser
def test_header_search_shows_hostile_text_literally(hostile: Hostile) -> None:
    page, base = hostile
    visit(page, f"{base}vagar/elak-00/")
    header_search(page, MARK)
    # Results render one by one: wait until the count of rendered links stops being below 5.
    page.wait_for_function(
        "() => document.querySelectorAll('pagefind-modal .pf-result-card a.pf-result-link')"
        ".length >= 5"
    )
    shown = page.evaluate(
        """() => [...document.querySelectorAll('pagefind-modal .pf-result-card')]
            .filter(card => card.querySelector('a.pf-result-link'))
            .map(card => [card.querySelector('a.pf-result-link').getAttribute('href'),
                          card.textContent])"""
    )
    assert len(shown) >= 5
    by_href = {f"/repo/vagar/elak-{i:02d}/": p for i, p in enumerate(PAYLOADS)}
    by_href |= {f"/repo/aktorer/elak-aktor-{i:02d}/": p for i, p in enumerate(PAYLOADS)}
    for href, card in shown:
        assert plain(text(by_href[href])) in plain(card), (href, card)
    injected = page.evaluate(INJECTED, "pagefind-modal .pf-result-card")
    assert injected == {"found": [], "h1": 1}
    assert_clean(hostile)


@pytest.mark.browser
@pytest.mark.node  # axe-core from node_modules/
@pytest.mark.parametrize("url", ["vagar/elak-00/", "yrken/elektriker/sida-2/"])
def test_hostile_pages_stay_accessible(hostile: Hostile, url: str) -> None:
    """A path page and the second page of a long list, full of payloads: axe finds nothing."""
    visit(hostile.page, hostile.base + url)
    violations = run_axe(hostile.page)
    assert not violations, describe(violations)


def _linked_data(html: str) -> list[Any]:
    """Every JSON-LD block of a page, parsed; the block's raw text may hold no ``<``."""
    import json
    import re

    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    for block in blocks:
        assert "<" not in block and ">" not in block, block[:200]
    return [json.loads(block) for block in blocks]


def test_linked_data_survives_hostile_text(hostile_site: Path) -> None:
    """Issue 14: each path's and actor's JSON-LD parses and holds the payload as text: no
    ``</script>`` or ``<!--`` ends the data block early, and nothing else became a script."""
    site = hostile_site / SUB_PATH
    for index, payload in enumerate(PAYLOADS):
        for url in (f"vagar/elak-{index:02d}/", f"aktorer/elak-aktor-{index:02d}/"):
            html = (site / url / "index.html").read_text(encoding="utf-8")
            (data,) = _linked_data(html)
            assert data["name"] == text(payload), url
            assert data["description"] == text(payload), url
            if url.startswith("vagar/"):
                assert [s["name"] for s in data["step"]] == [text(payload)] * 2
            before = html.index('<script type="application/ld+json">')
            assert html.count("</script>", before) == html[before:].count("<script"), url
