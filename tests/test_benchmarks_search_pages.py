"""benchmarks/search_pages.py writes exactly the pages the build gives Pagefind.

The benchmark's "Pagefind alone on the same pages" is the floor of the build only if Pagefind
is given the same files as in a build: the same pages, each as ``SearchIndex`` writes it.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from helpers import REPO_ROOT

from generator.search import LANGUAGE, write_pages
from generator.site import assemble


def _search_pages() -> ModuleType:
    """benchmarks/search_pages.py, loaded by path (benchmarks/ is not a package)."""
    spec = importlib.util.spec_from_file_location(
        "search_pages", REPO_ROOT / "benchmarks" / "search_pages.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _files(folder: Path) -> dict[str, str]:
    return {
        file.relative_to(folder).as_posix(): file.read_text("utf-8")
        for file in sorted(folder.rglob("*"))
        if file.is_file()
    }


def test_the_pages_are_those_the_build_indexes(tmp_path: Path) -> None:
    count = _search_pages().write_search_pages(REPO_ROOT, tmp_path / "alone")
    site, findings = assemble(REPO_ROOT)
    assert site is not None, findings
    write_pages(site.search_records, tmp_path / "build", LANGUAGE)

    alone, build = _files(tmp_path / "alone"), _files(tmp_path / "build")
    assert count == len(site.search_records) == len(alone) > 0
    assert alone == build
    assert all(name.endswith("/index.html") for name in alone)
