"""Indentation and blank lines out of a built page.

Material's templates indent every tag and leave a blank line for each template statement: on
a path page about a fifth of the bytes were whitespace. In HTML a run of white space between
words or tags shows as one space, whatever it holds (``white-space: normal``), so a run that
contains a line break can become a single line break without changing what a reader sees,
what a screen reader reads or what Pagefind indexes.

Left exactly as they are: ``<pre>``, ``<textarea>``, ``<code>`` and ``<kbd>`` (Material shows
them with ``white-space: pre-wrap``), and ``<script>`` and ``<style>`` (their text is not HTML,
and the Content-Security-Policy hashes inline scripts byte for byte). Comments are kept too.
"""

from __future__ import annotations

import re

__all__ = ["compact", "compacted_page"]

# An attribute list inside a tag: quoted values may hold ">".
_ATTRS = r"""(?:[^>"']|"[^"]*"|'[^']*')*"""
_KEPT = re.compile(
    r"<!--.*?-->"
    rf"|<(?P<name>pre|textarea|code|kbd|script|style)(?=[\s/>]){_ATTRS}>.*?</(?P=name)\s*>",
    re.IGNORECASE | re.DOTALL,
)
# A run of white space that holds a line break (spaces and tabs before it, and all white space
# after it), and white space at the end of the text.
_RUN = re.compile(r"[ \t]*\n\s*")


def compact(html: str) -> str:
    """``html`` with each run of white space that contains a line break made one line break,
    outside the elements whose white space matters."""
    pieces: list[str] = []
    at = 0
    for kept in _KEPT.finditer(html):
        pieces.append(_RUN.sub("\n", html[at : kept.start()]))
        pieces.append(kept.group(0))
        at = kept.end()
    pieces.append(_RUN.sub("\n", html[at:]))
    return "".join(pieces)


def compacted_page(
    output: str, content: str, *, content_is_compact: bool = False
) -> tuple[str, str]:
    """The page and its content (``page.content``, as it stands in the page) without their
    indentation and blank lines (``compact``). The content is compacted on its own
    (unless it already is: generated pages are compacted when rendered) and put back whole, so
    the policy still finds it in the page and leaves its scripts out."""
    start = output.find(content) if content else -1
    if start < 0:  # no content, or not found: then with_policy refuses the page
        return compact(output), content
    small = content if content_is_compact else compact(content)
    before, after = output[:start], output[start + len(content) :]
    return compact(before) + small + compact(after), small
