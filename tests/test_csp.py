"""The Content-Security-Policy of every page (generator/csp.py) and ``noreferrer`` on external
links: the function itself, the built pages, and Chromium reporting no violation while search
(WebAssembly, its worker, and the fallback without one), the colour toggle and the menu work."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import (
    LANGUAGE_PAGE_TYPE_NAMES,
    PAGE_TYPE_NAMES,
    PAGES_SITE_URL,
    RESULT_LINK,
    SUB_PATH,
    header_search,
    open_page_type,
)
from helpers import THEME_DIR

from generator.csp import inline_script_hashes, policy, with_policy, with_rel

STRICT = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)
CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def page(head: str = "", body: str = "") -> str:
    return (
        f'<!doctype html>\n<html lang="sv">\n  <head>\n    <meta charset="utf-8">\n{head}'
        f"  </head>\n  <body>\n{body}  </body>\n</html>\n"
    )


def meta_policy(html: str) -> str:
    found = CSP_META.findall(html)
    assert len(found) == 1, found
    return str(found[0]).replace("&amp;", "&")


def script_hashes_of(policy_text: str) -> list[str]:
    script_src = next(d for d in policy_text.split("; ") if d.startswith("script-src "))
    return [source for source in script_src.split()[1:] if source.startswith("'sha256-")]


# --- with_policy ---------------------------------------------------------------------------


def test_a_page_without_inline_scripts_gets_the_strict_policy() -> None:
    assert policy() == STRICT
    assert meta_policy(with_policy(page(body="<p>Hej</p>\n"))) == STRICT


def test_inline_scripts_are_allowed_by_the_hash_of_their_exact_text() -> None:
    first = '__md_scope=new URL("../..",location)'
    second = 'var palette=__md_get("__palette");if(palette){document.body.dataset.x="å"}'
    html = page(
        head=f"    <script>{first}</script>\n",
        body=f"<script>{second}</script>\n<script>{first}</script>\n",
    )
    hashes = script_hashes_of(meta_policy(with_policy(html)))
    assert hashes == [sha256(first), sha256(second)]  # page order, each once
    assert meta_policy(with_policy(html)) == STRICT.replace(
        "'wasm-unsafe-eval'", f"'wasm-unsafe-eval' {sha256(first)} {sha256(second)}"
    )


def test_data_blocks_and_scripts_from_files_are_not_hashed() -> None:
    scripts = {
        '<script id="__config" type="application/json">{"base": ".."}</script>': False,
        '<script type="text/pagefind-template">&lt;li&gt;{{ title }}</script>': False,
        '<script src="assets/x.js"></script>': False,
        '<script src="assets/y.js">ignored()</script>': False,
        '<script type="module">runs(1)</script>': True,
        '<script type=" Text/JavaScript ">runs(2)</script>': True,
        "<script language='javascript'>runs(3)</script>": True,
        '<script type="text/javascript; charset=utf-8">data()</script>': False,
        "<SCRIPT\nDEFER>runs(4)</SCRIPT >": True,
    }
    html = page(body="".join(scripts))
    expected = [f"runs({n})" for n in range(1, 5)]
    assert inline_script_hashes(html) == [sha256(text) for text in expected]
    assert script_hashes_of(meta_policy(with_policy(html))) == [sha256(t) for t in expected]
    assert len(scripts) == 9


def test_line_breaks_are_hashed_as_the_browser_parses_them() -> None:
    html = page(body="<script>\r\na();\rb();\n</script>")
    assert inline_script_hashes(html) == [sha256("\na();\nb();\n")]


def test_scripts_that_never_run_are_not_hashed() -> None:
    body = (
        "<!-- <script>commented()</script> -->\n"
        "<noscript><script>noscript()</script></noscript>\n"
        "<textarea><script>typed()</script></textarea>\n"
        "<script>real()</script>\n"
    )
    assert inline_script_hashes(page(body=body)) == [sha256("real()")]


def test_scripts_inside_the_page_content_are_not_allowed() -> None:
    """An escaping bug in a page's own content must not be blessed by the policy."""
    content = "<p>Text</p>\n<script>injected()</script>\n"
    html = page(head="<script>theme()</script>", body=f"<article>{content}</article>")
    result = with_policy(html, content=content)
    assert script_hashes_of(meta_policy(result)) == [sha256("theme()")]
    with pytest.raises(ValueError, match="content"):
        with_policy(html, content="<p>Not on the page</p>")


def test_the_meta_comes_first_in_head_after_the_charset() -> None:
    html = page(
        head='    <link rel="stylesheet" href="a.css">\n    <script>x()</script>\n',
        body="<p>Hej</p>",
    )
    result = with_policy(html)
    head = result[result.index("<head>") : result.index("</head>")]
    tags = re.findall(r"<(\w+)[^>]*>", head)
    assert tags[:3] == ["head", "meta", "meta"]
    assert head.index("charset") < head.index("Content-Security-Policy") < head.index("<link")
    # Without a charset first, it goes right after <head>.
    bare = '<html><head class="x">\n<title>T</title><style>p{}</style></head><body></body></html>'
    first = with_policy(bare).split("\n", 1)[0]
    assert (
        first
        == f'<html><head class="x"><meta http-equiv="Content-Security-Policy" content="{STRICT}">'
    )


def test_html_without_head_is_refused() -> None:
    with pytest.raises(ValueError, match="head"):
        with_policy("<p>Hej</p>")


ADDED = 'rel="noopener noreferrer" '
LINKS = [
    ('<a href="https://example.org/">', f'<a {ADDED}href="https://example.org/">'),
    (
        '<a href="https://af.se/" rel="nofollow noopener" class="x">',
        '<a href="https://af.se/" rel="nofollow noopener noreferrer" class="x">',
    ),
    ("<A HREF='HTTP://Ex.org/?b=1&amp;c=2'>", f"<A {ADDED}HREF='HTTP://Ex.org/?b=1&amp;c=2'>"),
    ('<a href="//cdn.example.org/">', f'<a {ADDED}href="//cdn.example.org/">'),
    ('<a title="a > b" href="http://x.se">', f'<a {ADDED}title="a > b" href="http://x.se">'),
    ('<a href="https://x.se" rel=noreferrer>', '<a href="https://x.se" rel="noreferrer noopener">'),
    ('<a href="https://x.se" rel="NoOpener NoReferrer">', None),
    ('<a href="../yrken/">', None),
    ('<a href="#innehall">', None),
    ('<a href="mailto:info@example.org">', None),
    ('<a href="http://127.0.0.1/repo/sok/">', None),  # the site's own host (site_url)
    ("<abbr title='https://x.se'>", None),
]


@pytest.mark.parametrize(("link", "expected"), LINKS)
def test_links_to_other_hosts_get_noopener_noreferrer(link: str, expected: str | None) -> None:
    html = f"<p>{link}text</a></p>"
    fixed = html if expected is None else f"<p>{expected}text</a></p>"
    assert with_rel(html, PAGES_SITE_URL) == fixed


def test_links_inside_scripts_and_comments_are_left_alone() -> None:
    script = "<script>el.innerHTML='<a href=\"https://x.se\">x</a>'</script>"
    comment = '<!-- <a href="https://x.se"> -->'
    html = page(body=script + comment)
    result = with_policy(html)
    assert script in result and comment in result
    assert script_hashes_of(meta_policy(result)) == [
        sha256("el.innerHTML='<a href=\"https://x.se\">x</a>'")
    ]


# --- The built pages -------------------------------------------------------------------------


def built_pages(site: Path, pages_serve_root: Path) -> list[tuple[str, str]]:
    """(name, HTML) of every built page, and of the 404 page as the deploy workflow builds it."""
    pages = [(f.relative_to(site).as_posix(), f.read_text("utf-8")) for f in site.rglob("*.html")]
    deployed = pages_serve_root / SUB_PATH / "404.html"
    pages.append(("404.html (site_url set)", deployed.read_text("utf-8")))
    assert len(pages) > 100
    return sorted(pages)


def runs(script: Tag) -> bool:
    kind = str(script.get("type", "")).strip().lower()
    return not script.has_attr("src") and kind in ("", "text/javascript", "module")


def test_every_page_has_the_policy_first_with_the_hash_of_each_inline_script(
    site: Path, pages_serve_root: Path
) -> None:
    problems: list[str] = []
    counts: set[int] = set()
    for name, html in built_pages(site, pages_serve_root):
        soup = BeautifulSoup(html, "html.parser")
        metas = soup.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})
        if len(metas) != 1 or soup.head is None:
            problems.append(f"{name}: {len(metas)} policies")
            continue
        elements = [tag for tag in soup.head.find_all(True) if not tag.has_attr("charset")]
        if elements[0] is not metas[0]:
            problems.append(f"{name}: the policy comes after <{elements[0].name}>")
        text = str(metas[0]["content"])
        expected = [sha256(s.string or "") for s in soup.find_all("script") if runs(s)]
        counts.add(len(expected))
        if sorted(script_hashes_of(text)) != sorted(set(expected)):
            problems.append(f"{name}: hashes {script_hashes_of(text)} for scripts {expected}")
        if re.sub(r" 'sha256-[^']*'", "", text) != STRICT:
            problems.append(f"{name}: policy {text}")
    assert not problems, "\n".join(problems[:20])
    # Material's three inline scripts come from files (issue 15: theme/partials/javascripts/),
    # so no page needs a hash; the test above still holds any that comes back to its hash.
    assert counts == {0}, "no inline script on any page"


def test_no_page_has_inline_styles(site: Path, pages_serve_root: Path) -> None:
    problems = []
    for name, html in built_pages(site, pages_serve_root):
        soup = BeautifulSoup(html, "html.parser")
        problems += [f"{name}: <{tag.name} style>" for tag in soup.find_all(style=True)]
        problems += [f"{name}: <style>" for _ in soup.find_all("style")]
    assert not problems, "\n".join(problems[:20])


def test_duration_bars_use_defined_width_classes(site: Path) -> None:
    css = (THEME_DIR / "assets" / "vagar.css").read_text("utf-8")
    defined = {int(n) for n in re.findall(r"\.vagar-bar--w(\d+) \{ width: \1%; \}", css)}
    assert defined == set(range(5, 101, 5))
    paths = sorted((site / "vagar").glob("*/index.html"))
    assert paths
    for file in paths:
        soup = BeautifulSoup(file.read_text("utf-8"), "html.parser")
        bars = soup.select(".vagar-step__bar[aria-hidden=true] > span")
        widths = [int(str(bar["class"][0]).removeprefix("vagar-bar--w")) for bar in bars]
        assert len(widths) == len(soup.select(".vagar-step")), file
        assert set(widths) <= defined and max(widths) == 100, file


def test_every_link_to_another_host_has_noopener_noreferrer(
    site: Path, pages_serve_root: Path
) -> None:
    problems = []
    external = 0
    for name, html in built_pages(site, pages_serve_root):
        for link in BeautifulSoup(html, "html.parser").find_all("a", href=True):
            href = str(link["href"]).strip()
            if not re.match(r"(?i)(https?:)?//", href):
                continue
            if urlsplit(href).hostname == urlsplit(PAGES_SITE_URL).hostname:
                continue
            external += 1
            rel = {token.lower() for token in link.get_attribute_list("rel") or [] if token}
            if not {"noopener", "noreferrer"} <= rel:
                problems.append(f"{name}: {href} rel={sorted(rel)}")
    assert external > 0, "the actors' websites"
    assert not problems, "\n".join(problems[:20])


# --- In Chromium -----------------------------------------------------------------------------

WIDTHS = [375, 1280]

# Installed before any of the page's own scripts: every violation event, kept on window.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.effectiveDirective}: ${event.blockedURI || "inline"} at ` +
    `${event.sourceFile}:${event.lineNumber}`
  );
}, true);
"""
# The search page's own Pagefind (the module's instance, which vagar-search-page.js uses).
SEARCH_ENVIRONMENT = """async () => {
  const bundle = document.querySelector('pagefind-config').getAttribute('bundle-path');
  const pagefind = await import(bundle + 'pagefind.js');
  const response = await pagefind.search("elektriker", { verbose: true });
  return [response.search_environment, response.results.length];
}"""


class Watched:
    """A page whose Content-Security-Policy violations are recorded: console messages, and
    ``securitypolicyviolation`` events collected on ``window`` (read before each navigation)."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.reports: list[str] = []
        page.context.add_init_script(RECORD_VIOLATIONS)
        page.on("console", self._console)

    def _console(self, message: Any) -> None:
        if "content security policy" in message.text.lower():
            self.reports.append(f"console: {message.text}")

    def collect(self, where: str) -> None:
        """Add the events recorded on the current document (the listener must be there)."""
        events = self.page.evaluate("window.__cspViolations")
        assert isinstance(events, list), f"{where}: the violation listener is missing"
        self.reports += [f"{where}: {event}" for event in events]


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_type_reports_a_csp_violation(
    new_page: Any,
    base_url: str,
    pages_base_url: str,
    page_types: dict[str, str],
    width: int,
) -> None:
    watched = Watched(new_page(viewport={"width": width, "height": 900}))
    page = watched.page
    every = [*PAGE_TYPE_NAMES, *LANGUAGE_PAGE_TYPE_NAMES]  # English and Arabic too
    assert sorted(page_types) == sorted(every)
    for name in every:
        base = pages_base_url if name == "404" else base_url
        open_page_type(page, base, name, page_types[name])
        # Material's first script ran (assets/vagar-md-base.js): it defines __md_scope.
        assert page.evaluate("window.__md_scope instanceof URL"), name
        if name.rpartition(":")[2].startswith("search"):
            assert page.locator(RESULT_LINK).count() > 0, name
        elif name in ("home", "path", "404"):  # every depth, and the 404 page's absolute URLs
            header_search(page, "kock")
        watched.collect(name)
    assert not watched.reports, "\n".join(watched.reports)


@pytest.mark.browser
def test_search_runs_in_its_worker_under_the_policy(new_page: Any, base_url: str) -> None:
    watched = Watched(new_page())
    page = watched.page
    open_page_type(page, base_url, "search", "sok/?q=elektriker")
    environment, count = page.evaluate(SEARCH_ENVIRONMENT)
    assert environment == "webworker" and count > 0
    watched.collect("search")
    assert not watched.reports, "\n".join(watched.reports)


@pytest.mark.browser
def test_search_falls_back_to_the_page_under_the_policy(new_page: Any, base_url: str) -> None:
    """Without its worker (blocked here; too slow to start on a poor connection), Pagefind
    compiles its WebAssembly in the page: the policy's 'wasm-unsafe-eval' is for this."""
    watched = Watched(new_page())
    page = watched.page
    page.route("**/pagefind/pagefind-worker.js", lambda route: route.abort())
    page.goto(base_url + "sok/?q=elektriker")
    # Results, or the violation that stops them (then say so, rather than time out).
    page.wait_for_function(
        "selector => document.querySelector(selector) || window.__cspViolations.length",
        arg=RESULT_LINK,
    )
    watched.collect("search without a worker")
    assert not watched.reports, "\n".join(watched.reports)
    environment, count = page.evaluate(SEARCH_ENVIRONMENT)
    assert environment == "mainthread" and count > 0


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_colour_toggle_works_under_the_policy(new_page: Any, base_url: str, width: int) -> None:
    watched = Watched(new_page(viewport={"width": width, "height": 900}))
    page = watched.page
    open_page_type(page, base_url, "occupations", "yrken/")
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    assert page.evaluate(scheme) == "default"
    page.locator("form[data-md-component=palette] label:not([hidden])").click()
    page.wait_for_function(f"() => {scheme} === 'slate'")
    watched.collect("toggled")
    # Material's inline palette script restores the choice on the next page.
    open_page_type(page, base_url, "home", "")
    assert page.evaluate(scheme) == "slate"
    watched.collect("next page")
    assert not watched.reports, "\n".join(watched.reports)


@pytest.mark.browser
def test_menu_opens_under_the_policy(new_page: Any, base_url: str) -> None:
    from playwright.sync_api import expect

    watched = Watched(new_page(viewport={"width": 375, "height": 800}))
    page = watched.page
    open_page_type(page, base_url, "occupations", "yrken/")
    toggle = page.locator(".vagar-drawer-toggle")
    toggle.click()
    page.wait_for_function("() => document.getElementById('__drawer').checked")
    assert toggle.get_attribute("aria-expanded") == "true"
    link = page.locator(".md-sidebar--primary").get_by_role("link", name="Län", exact=True)
    expect(link).to_be_in_viewport()
    with page.expect_navigation():
        link.click()
    assert page.url.endswith("/repo/lan/")
    watched.collect("menu")
    assert not watched.reports, "\n".join(watched.reports)
