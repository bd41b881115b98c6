"""The page bodies a build hands Pagefind, written as the build writes them.

Why: the benchmark's row "Pagefind alone on the same pages" times Pagefind's command-line
program on exactly what the build indexes, the floor of this design. The pages come from the
vagar plugin's own hook (``on_pre_build``, with the search off), so the options of the
project's mkdocs.yml apply as in a build; the files are written by
``generator.search.write_pages``, as ``SearchIndex`` writes them.

    python benchmarks/search_pages.py PROJECT OUT     # OUT/<url>/index.html for each page
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:  # run as a script from a checkout
    sys.path.insert(0, str(REPO_ROOT))

from mkdocs.config import load_config  # noqa: E402

from generator.plugin import VagarPlugin  # noqa: E402
from generator.search import BODY_MARKER, LANGUAGE, write_pages  # noqa: E402


def write_search_pages(project: Path, out: Path) -> int:
    """Write the pages a build of ``project`` would index into ``out``; returns how many."""
    config = load_config(str(project / "mkdocs.yml"))
    plugin = config.plugins["vagar"]
    assert isinstance(plugin, VagarPlugin), "the project's mkdocs.yml has no vagar plugin"
    plugin.config.search = False
    plugin.on_pre_build(config=config)
    pages = sorted((page.url, page.html) for page in plugin.pages.values())
    indexed = [(url, html) for url, html in pages if BODY_MARKER in html]
    write_pages(indexed, out, LANGUAGE)
    return len(indexed)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``PROJECT OUT``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("project", type=Path, help="folder with the project's mkdocs.yml")
    parser.add_argument("out", type=Path, help="folder to write the pages into")
    args = parser.parse_args(argv)
    count = write_search_pages(args.project.resolve(), args.out.resolve())
    print(f"wrote {count} pages to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
