"""The site function assembles the whole site without MkDocs, and gives the same pages as
the MkDocs build: another engine could be fed from it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from helpers import REPO_ROOT

from generator.pages import PAGE_TYPES

WITHOUT_MKDOCS = """
import json, sys
class NoMkDocs:
    def find_spec(self, name, path=None, target=None):
        if name == "mkdocs" or name.startswith(("mkdocs.", "material")):
            raise ImportError(f"{name} may not be imported here")
sys.meta_path.insert(0, NoMkDocs())
from pathlib import Path
from generator.site import assemble
site, findings = assemble(Path(sys.argv[1]))
assert site is not None, [f.format() for f in findings]
assert not any(m == "mkdocs" or m.startswith("mkdocs.") for m in sys.modules)
json.dump({
    "pages": [[p.kind, p.url, p.title, p.html] for p in site.pages],
    "schemas": sorted(site.schemas),
    "search": [url for url, _ in site.search_records],
}, sys.stdout)
"""


def _assembled() -> dict[str, list[object]]:
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_MKDOCS, str(REPO_ROOT)],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO_ROOT,
    )
    assert result.returncode == 0, result.stderr
    data: dict[str, list[object]] = json.loads(result.stdout)
    return data


def test_the_site_function_needs_no_mkdocs_and_matches_the_plugin_build(site: Path) -> None:
    assembled = _assembled()
    pages = assembled["pages"]
    assert len(pages) > 100
    built = {
        file.parent.relative_to(site).as_posix() + "/"
        for file in site.rglob("index.html")
        if file.parent != site
    }
    generated = {str(url) for _, url, _, _ in pages}  # type: ignore[misc]
    written_by_hand = {page.url for page in PAGE_TYPES.values() if page.source}
    assert generated - {""} | written_by_hand == built
    for kind, url, _title, html in pages:  # type: ignore[misc]
        assert kind in PAGE_TYPES
        assert str(html) in (site / str(url) / "index.html").read_text(encoding="utf-8")
    for uri in assembled["schemas"]:
        assert (site / str(uri)).is_file()
    assert len(assembled["search"]) > 30
