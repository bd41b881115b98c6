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
    "pages": [[p.kind, p.url, p.title, p.served] for p in site.pages],
    "schemas": sorted(site.schemas),
    "search": [url for url, _ in site.search_records],
    "translations": {
        code: [[p.kind, code + "/" + p.url, p.title, p.served] for p in done.pages]
        for code, done in site.translations.items()
    },
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
    # Each other language's site sits in its folder (en/), with the translated page types.
    translated = assembled["translations"]
    assert isinstance(translated, dict) and set(translated) == {"en", "ar"}
    pages = [*pages, *(page for code in translated for page in translated[code])]
    generated = {str(url) for _, url, _, _ in pages}  # type: ignore[misc]
    written_by_hand = {page.url for page in PAGE_TYPES.values() if page.source} | {
        f"{code}/{page.url}"
        for code in translated
        for page in PAGE_TYPES.values()
        if page.source and page.translated
    }
    assert generated - {"", "en/", "ar/"} | written_by_hand | {"en/", "ar/"} == built
    for kind, url, _title, html in pages:  # type: ignore[misc]
        assert kind in PAGE_TYPES
        assert str(html) in (site / str(url) / "index.html").read_text(encoding="utf-8")
    for uri in assembled["schemas"]:
        assert (site / str(uri)).is_file()
    assert len(assembled["search"]) > 30


def _imports(file: Path) -> set[str]:
    import ast

    tree = ast.parse(file.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_imports_go_one_way() -> None:
    """Only the adapter imports MkDocs; no stage imports the authoring tools or the adapter."""
    package = REPO_ROOT / "generator"
    for file in sorted(package.rglob("*.py")):
        imports = _imports(file)
        name = file.relative_to(package).as_posix()
        engine = {i for i in imports if i.split(".")[0] in ("mkdocs", "material")}
        assert not engine or name == "plugin.py", (name, engine)
        assert "generator.plugin" not in imports, name
        if not name.startswith("authoring/") and name != "cli.py":
            assert not any(i.startswith("generator.authoring") for i in imports), name
