"""What a built page is made of: the bytes of each part of its HTML, raw and with whitespace
between tags collapsed (how much of a part is only indentation and blank lines).

Why: issue 15 asks that a path page be at most 14 KB of raw HTML, and which part of the page
pays for what. Run by hand on a built site:

    python benchmarks/page_parts.py site/vagar/elektriker-via-yrkesvux/index.html
    python benchmarks/page_parts.py --median site          # the median path page of a site

It prints a Markdown table. The parts are found by the markers the theme writes (the header,
the tabs, the sidebars, the article, the footer); a part a page does not have counts 0.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path

# (name, start marker, end marker): the part runs from the start marker to the end of the end
# marker, searched from the start (to the start of it when the end marker is where the next
# part begins); parts are measured in this order and may not overlap.
PARTS: tuple[tuple[str, str, str], ...] = (
    ("head", "<head>", "</head>"),
    ("header (skip link, menu, palette, search)", '<a href="#innehall"', "</header>"),
    ("tabs", '<nav class="md-tabs"', "</nav>"),
    ("drawer / sidebar navigation", '<div class="md-sidebar md-sidebar--primary"', "</nav>"),
    ("table of contents sidebar", '<div class="md-sidebar md-sidebar--secondary"', "</nav>"),
    ("path story (vagar-path)", '<div class="vagar-path"', '<section aria-labelledby="next"'),
    ("onward links and plan button", '<section aria-labelledby="next"', "</section>"),
    ("similar paths", '<section aria-labelledby="similar"', "</section>"),
    ("JSON-LD", '<script type="application/ld+json">', "</script>"),
    ("footer", "<footer", "</footer>"),
    ("scripts at the end", "</footer>", "</html>"),
)

_BETWEEN_TAGS = re.compile(r">\s+<")
_RUNS = re.compile(r"\s{2,}")


def collapsed(html: str) -> int:
    """Bytes of ``html`` with whitespace between tags dropped and other runs made one space."""
    return len(_RUNS.sub(" ", _BETWEEN_TAGS.sub("><", html)).encode("utf-8"))


def parts(html: str) -> list[tuple[str, int, int]]:
    """(name, raw bytes, collapsed bytes) of each part, then the rest and the whole page."""
    rows: list[tuple[str, int, int]] = []
    taken = 0
    rest = html
    for name, start, end in PARTS:
        begin = html.find(start)
        if begin < 0:
            rows.append((name, 0, 0))
            continue
        stop = html.find(end, begin + len(start))
        if stop < 0:
            stop = len(html)
        elif not any(end == other[1] for other in PARTS):
            stop += len(end)
        if name == "scripts at the end":
            begin += len(start)
        piece = html[begin:stop]
        rows.append((name, len(piece.encode("utf-8")), collapsed(piece)))
        taken += len(piece.encode("utf-8"))
        rest = rest.replace(piece, "", 1)
    total = len(html.encode("utf-8"))
    rows.append(("everything else (body wrappers, toggles)", total - taken, collapsed(rest)))
    rows.append(("**whole page**", total, collapsed(html)))
    return rows


def median_page(site: Path, section: str = "vagar") -> Path:
    """The path page of median size in ``site`` (the lower one of an even count)."""
    pages = sorted(site.glob(f"{section}/*/index.html"), key=lambda p: (p.stat().st_size, p))
    if not pages:
        raise FileNotFoundError(f"no {section}/*/index.html in {site}")
    sizes = [p.stat().st_size for p in pages]
    print(
        f"{len(pages)} pages in {section}/: median {statistics.median(sizes):,.0f} bytes, "
        f"min {sizes[0]:,}, max {sizes[-1]:,}",
        file=sys.stderr,
    )
    return pages[(len(pages) - 1) // 2]


def table(page: Path) -> str:
    html = page.read_text("utf-8")
    lines = [f"`{page}`", "", "| part | bytes | without whitespace runs |", "|---|---:|---:|"]
    lines += [f"| {name} | {raw:,} | {small:,} |" for name, raw, small in parts(html)]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("page", type=Path, help="a page's index.html, or with --median a site")
    parser.add_argument("--median", action="store_true", help="take the site's median path page")
    args = parser.parse_args(argv)
    page = median_page(args.page) if args.median else args.page
    print(table(page))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
