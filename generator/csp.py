"""A Content-Security-Policy for every built page, and ``noreferrer`` on its external links.

The site is static (GitHub Pages sends no headers we control), so the policy is a
``<meta http-equiv="Content-Security-Policy">`` tag. A policy in a meta tag only governs what
the parser meets after it, so it goes first in ``<head>`` (right after ``<meta charset>``).

Scripts run only from the site's own files, or inline when their exact text is listed by hash.
Material's three small inline scripts (``__md_scope``, the palette restore and the tab restore)
are files or left out in this theme (``theme/partials/javascripts/``), so pages have none; any
inline script that comes back is hashed per page from the finished HTML. Not hashed, so
blocked by the browser: data blocks (``type="application/json"``, Pagefind's
``text/pagefind-template``), scripts inside comments or raw-text elements (which never run),
and any script inside the page's own content (``content``: the part written from Markdown or
contributors' text; an escaping bug there must not be blessed by the policy). No inline
styles are allowed: there are no ``style=`` attributes or ``<style>`` elements in the markup
(JavaScript may still set ``element.style``, which CSP allows).

Why each source beyond ``'self'`` is there:

- ``img-src data:``: Material's CSS draws its icons (navigation arrows, admonitions…) and
  Pagefind's CSS its search icon as ``url("data:image/svg+xml,…")``; images in CSS are
  governed by ``img-src``.
- ``'wasm-unsafe-eval'`` in ``script-src``: Pagefind runs its WebAssembly search engine in a
  Worker loaded from a file (``pagefind-worker.js``: ``worker-src 'self'``, no ``blob:``), which
  a meta policy does not govern. But when the worker cannot start, or does not answer within
  5 seconds (a slow connection), Pagefind falls back to the page itself, and Chromium then
  refuses ``WebAssembly.instantiate`` without this source ("Failed to load the Pagefind WASM").
  It allows compiling WebAssembly only, not ``eval`` of JavaScript.

``frame-ancestors``, ``report-uri`` and ``sandbox`` are ignored in a meta tag, so they are not
set. ``with_policy`` is applied once per page, on the finished HTML (``generator.plugin``).
"""

from __future__ import annotations

import base64
import hashlib
import html as html_module
import re
from collections.abc import Iterable
from urllib.parse import urlsplit

__all__ = ["EXTERNAL_REL", "inline_script_hashes", "policy", "with_policy", "with_rel"]

_SCRIPT_SOURCES = ("'self'", "'wasm-unsafe-eval'")
_OTHER_DIRECTIVES = (
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)

EXTERNAL_REL = ("noopener", "noreferrer")
"""Link types every link to another host gets (kept with any the link already has)."""

# An attribute list inside a tag: quoted values may hold ">".
_ATTRS = r"""(?:[^>"']|"[^"]*"|'[^']*')*"""
# The parts of a page that matter here, in one pass: comments and raw-text elements (skipped:
# a "<script" or "<a" inside them is text), scripts with their text, and the start tags of links.
_TOKENS = re.compile(
    r"<(?:!--(?:>|->|.*?-->)"
    rf"|(?P<raw>style|textarea|title|noscript|xmp|iframe|noembed|noframes)(?=[\s/>]){_ATTRS}>"
    r".*?</(?P=raw)\s*>"
    rf"|script(?=[\s/>])(?P<script>{_ATTRS})>(?P<text>.*?)</script\s*>"
    rf"|a(?=[\s/>])(?P<link>{_ATTRS})>)",
    re.IGNORECASE | re.DOTALL,
)
_HEAD = re.compile(rf"<head(?=[\s/>]){_ATTRS}>", re.IGNORECASE)
_CHARSET_FIRST = re.compile(rf"\s*(?:<!--.*?-->\s*)*<meta(?=[\s/>])({_ATTRS})>", re.DOTALL)
_ATTR = re.compile(
    r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""", re.DOTALL
)
_EXTERNAL = re.compile(r"(?:https?:)?//", re.IGNORECASE)
_SPACE = " \t\n\f\r"

# Script types the browser runs (the HTML standard's JavaScript MIME type essences, "module"),
# and the inline JSON it also checks against script-src (import maps, speculation rules).
_JAVASCRIPT_TYPES = frozenset(
    [f"application/{name}" for name in ("ecmascript", "javascript", "x-ecmascript")]
    + ["application/x-javascript"]
    + [
        f"text/{name}"
        for name in (
            "ecmascript",
            "javascript",
            "jscript",
            "livescript",
            "x-ecmascript",
            "x-javascript",
            *(f"javascript1.{minor}" for minor in range(6)),
        )
    ]
    + ["module", "importmap", "speculationrules"]
)


def _attributes(text: str) -> dict[str, str]:
    """The attributes of a tag (the text between its name and ``>``), names in lower case,
    values unescaped; the first of a repeated name wins, as in the browser."""
    found: dict[str, str] = {}
    for match in _ATTR.finditer(text):
        value = next((v for v in match.group(2, 3, 4) if v is not None), "")
        found.setdefault(match.group(1).lower(), html_module.unescape(value))
    return found


def _attribute_text(value: str) -> str:
    """``value`` escaped for a double-quoted attribute (the policy's ' quotes stay as they are)."""
    return html_module.escape(value, quote=False).replace('"', "&quot;")


def _runs(attributes: dict[str, str]) -> bool:
    """Whether an inline ``<script>`` with these attributes is checked against script-src."""
    if "src" in attributes:
        return False
    if "type" in attributes:
        kind = attributes["type"]
    elif attributes.get("language"):
        kind = "text/" + attributes["language"]
    else:
        kind = ""
    kind = kind.strip(_SPACE).lower()
    return kind == "" or kind in _JAVASCRIPT_TYPES


def _hash(text: str) -> str:
    # The browser hashes the script's text as parsed: line breaks normalized, NUL replaced.
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "\ufffd")
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _rewrite(
    html: str, site_url: str | None, skip: tuple[int, int] = (0, 0)
) -> tuple[str, list[str]]:
    """One pass over the page: its external links fixed (``with_rel``) and the hashes of its
    inline scripts that run (``inline_script_hashes``)."""
    own_host = (urlsplit(site_url).hostname or "").lower() if site_url else ""
    hashes: dict[str, None] = {}

    def visit(match: re.Match[str]) -> str:
        script = match.group("script")
        if script is not None:
            if not skip[0] <= match.start() < skip[1] and _runs(_attributes(script)):
                hashes[_hash(match.group("text"))] = None
            return match.group(0)
        link = match.group("link")
        return match.group(0) if link is None else _fixed_link(link, own_host, match.group(0))

    return _TOKENS.sub(visit, html), list(hashes)


def _fixed_link(attrs: str, own_host: str, tag: str) -> str:
    """The start tag ``tag`` of an ``<a>`` (``attrs``: its attribute text), with ``rel``
    completed when it leads to a host other than ``own_host``."""
    found = _attributes(attrs)
    href = found.get("href", "").strip(_SPACE)
    if not _EXTERNAL.match(href):
        return tag
    try:
        host = urlsplit(href).hostname or ""
    except ValueError:  # not a valid address: treat it as leaving the site
        host = ""
    if own_host and host == own_host:
        return tag
    tokens = found.get("rel", "").split()
    have = {token.lower() for token in tokens}
    missing = [token for token in EXTERNAL_REL if token not in have]
    if not missing:
        return tag
    rel = f'rel="{_attribute_text(" ".join([*tokens, *missing]))}"'
    for attr in _ATTR.finditer(attrs):
        if attr.group(1).lower() == "rel":  # the first one is the one the browser uses
            return f"{tag[:2]}{attrs[: attr.start()]}{rel}{attrs[attr.end() :]}>"
    return f"{tag[:2]} {rel}{attrs}>"


def inline_script_hashes(html: str, *, skip: tuple[int, int] = (0, 0)) -> list[str]:
    """``'sha256-…'`` sources of the inline scripts of ``html`` that run, in page order, each
    once; scripts that start within ``skip`` (a ``(start, end)`` slice) are left out."""
    return _rewrite(html, None, skip)[1]


def policy(script_hashes: Iterable[str] = ()) -> str:
    """The policy's text, with the given ``'sha256-…'`` sources allowed as inline scripts."""
    script_src = " ".join(("script-src", *_SCRIPT_SOURCES, *script_hashes))
    return "; ".join(("default-src 'self'", script_src, *_OTHER_DIRECTIVES))


def with_rel(html: str, site_url: str | None = None) -> str:
    """``html`` with ``noopener noreferrer`` added to the ``rel`` of every ``<a>`` that leads to
    another host (``http(s)://…`` or ``//…``; the host of ``site_url`` is this site's own),
    keeping the link types it has."""
    return _rewrite(html, site_url)[0]


def with_policy(html: str, site_url: str | None = None, *, content: str | None = None) -> str:
    """The page with its Content-Security-Policy meta tag first in ``<head>`` (after
    ``<meta charset>`` when that comes first) and ``noreferrer`` on its external links
    (``with_rel``).

    The policy allows the page's inline scripts by hash, except those inside ``content`` (the
    page's body as rendered from Markdown or contributors' text, as it stands in ``html``).
    Raises ValueError for HTML without a ``<head>`` tag (no page may go out without its
    policy) and for a ``content`` that is not in ``html``.
    """
    skip = (0, 0)
    if content:
        start = html.find(content)
        if start < 0:
            raise ValueError("the page's content is not in its HTML: cannot tell its scripts")
        skip = (start, start + len(content))
    html, hashes = _rewrite(html, site_url, skip)
    head = _HEAD.search(html)
    if head is None:
        raise ValueError("no <head> tag: the Content-Security-Policy has nowhere to go")
    at = head.end()
    first = _CHARSET_FIRST.match(html, at)
    if first is not None and "charset" in _attributes(first.group(1)):
        at = first.end()
    content_attr = _attribute_text(policy(hashes))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content_attr}">'
    return f"{html[:at]}{meta}{html[at:]}"
