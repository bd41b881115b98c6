"""Privacy and sub-path hosting, in the browser and on the built files.

Every request of every page type goes to the site's own origin and succeeds, no cookie is set,
and everything resolves under /repo/ (as on a GitHub Pages project site): links, assets, the
search bundle and the search results, also from the 404 page at a deep missing URL.
"""

from __future__ import annotations

import functools
import posixpath
import re
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import (
    LANGUAGE_PAGE_TYPE_NAMES,
    PAGE_TYPE_NAMES,
    RESULT_LINK,
    SUB_PATH,
    header_search,
    open_page_type,
)


@pytest.mark.browser
@pytest.mark.parametrize("name", [*PAGE_TYPE_NAMES, *LANGUAGE_PAGE_TYPE_NAMES])
def test_every_request_stays_on_the_site_and_no_cookie_is_set(
    new_page: Any, base_url: str, pages_base_url: str, page_types: dict[str, str], name: str
) -> None:
    page = new_page()
    base = pages_base_url if name == "404" else base_url
    open_page_type(page, base, name, page_types[name])
    # Use the header's search too: Pagefind's index and fragments are requests of their own.
    header_search(page, "kock")
    page.wait_for_load_state("networkidle")
    origin = base.split(f"/{SUB_PATH}/")[0]
    assert page.requests
    strangers = [url for url in page.requests if not url.startswith(origin + "/")]
    assert not strangers, strangers
    # Material fetches sitemap.xml beside every link rel="alternate" (for its language
    # switcher): the feed links must not make each page download the whole sitemap.
    assert not [url for url in page.requests if url.endswith("sitemap.xml")]
    expected_failures = [f"404 {base}{page_types[name]}"] if name == "404" else []
    assert page.failures == expected_failures
    assert page.context.cookies() == []
    assert page.evaluate("document.cookie") == ""
    problems = [p for p in page.problems if not (name == "404" and "status of 404" in p)]
    assert not problems


def _targets(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    found = [str(tag["href"]) for tag in soup.find_all(["a", "link"], href=True)]
    found += [str(tag["src"]) for tag in soup.find_all(["script", "img", "iframe"], src=True)]
    # Pagefind's bundle is a folder; its entry file is what the browser fetches first.
    configs = soup.find_all("pagefind-config")
    found += [f"{tag['bundle-path']}pagefind-entry.json" for tag in configs]
    found += [str(tag["action"]) for tag in soup.find_all("form", action=True)]
    return found


def _ids(html: str) -> set[str]:
    return {str(tag["id"]) for tag in BeautifulSoup(html, "html.parser").find_all(id=True)}


@functools.cache
def _file_ids(file: Path) -> set[str]:
    return _ids(file.read_text(encoding="utf-8"))


def _resolves(site: Path, page_url: str, target: str, own_ids: set[str]) -> str | None:
    """None when ``target`` (as written on the page at ``page_url``, whose ids are
    ``own_ids``) resolves in ``site`` under /repo/; otherwise why not."""
    if re.match(r"^(https?:)?//", target) or target.startswith(("mailto:", "data:")):
        return None  # actors' websites (tests/test_site.py checks they are the only ones)
    path, fragment = urldefrag(target)
    if not path:
        return None if fragment in own_ids else f"no #{fragment} on the page"
    resolved = urlsplit(path).path
    if not resolved.startswith("/"):
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page_url), resolved))
        resolved += "/" if path.endswith("/") or path in (".", "./") else ""
    if not resolved.startswith(f"/{SUB_PATH}/") and resolved != f"/{SUB_PATH}":
        return f"leaves /{SUB_PATH}/: {resolved}"
    file = site / resolved.removeprefix(f"/{SUB_PATH}").lstrip("/")
    if file.is_dir():
        file = file / "index.html"
    if not file.is_file():
        return f"no such file: {resolved}"
    if fragment and file.suffix == ".html" and fragment not in _file_ids(file):
        return f"no #{fragment} in {resolved}"
    return None


def test_every_link_and_asset_resolves_under_the_sub_path(
    site: Path, pages_serve_root: Path
) -> None:
    """Relative links work at any depth; the 404 page (absolute links) in the deploy build."""
    problems: list[str] = []
    pages = 0
    for file in sorted(site.rglob("*.html")):
        if file.name == "404.html":
            continue
        page_url = f"/{SUB_PATH}/" + file.relative_to(site).as_posix()
        html = file.read_text(encoding="utf-8")
        own_ids = _ids(html)
        for target in _targets(html):
            why = _resolves(site, page_url, target, own_ids)
            if why:
                problems.append(f"{page_url}: {target}: {why}")
        pages += 1
    # The 404 page is served for a missing URL at any depth.
    html = (pages_serve_root / SUB_PATH / "404.html").read_text(encoding="utf-8")
    own_ids = _ids(html)
    for target in _targets(html):
        deep = f"/{SUB_PATH}/finns/inte/alls/"
        why = _resolves(pages_serve_root / SUB_PATH, deep, target, own_ids)
        if why:
            problems.append(f"404.html: {target}: {why}")
    assert pages > 100
    assert not problems, "\n".join(problems[:40])


@pytest.mark.browser
@pytest.mark.parametrize("where", ["path", "404"])
def test_search_results_resolve_under_the_sub_path(
    new_page: Any, base_url: str, pages_base_url: str, page_types: dict[str, str], where: str
) -> None:
    """From a page three levels deep and from the 404 page at a missing URL, every result
    links under /repo/ to a page that exists."""
    page = new_page()
    base = pages_base_url if where == "404" else base_url
    open_page_type(page, base, where, page_types[where])
    header_search(page, "elektriker")
    hrefs = page.locator("pagefind-modal a.pf-result-link").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    assert len(hrefs) >= 3
    origin = base.split(f"/{SUB_PATH}/")[0]
    for href in hrefs:
        assert href.startswith(f"/{SUB_PATH}/"), href
        assert page.request.get(origin + href).status == 200, href
    kinds = {href.split("/")[2] for href in hrefs}
    assert {"vagar", "yrken"} <= kinds, kinds


@pytest.mark.browser
def test_the_404_page_helps_on_from_a_deep_missing_url(
    new_page: Any, pages_base_url: str, page_types: dict[str, str]
) -> None:
    """A missing address shows the 404 page, whose search form and links lead back into
    the site under /repo/."""
    page = new_page()
    response = page.goto(pages_base_url + page_types["404"])
    assert response is not None and response.status == 404
    assert page.title() == "Sidan finns inte - Vägar till jobb"
    links = page.locator("#innehall a").evaluate_all("links => links.map(a => a.href)")
    assert f"{pages_base_url}yrken/" in links
    page.get_by_label("Vad vill du arbeta med?").fill("elektriker")
    with page.expect_navigation():
        page.get_by_label("Vad vill du arbeta med?").press("Enter")
    assert page.url == f"{pages_base_url}sok/?q=elektriker"
    page.wait_for_selector(RESULT_LINK)
