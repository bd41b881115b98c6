"""Helpers for building tiny content trees in a temporary folder.

The vocabularies are large and shared by every test, so they are copied from the project's own
``content/vocabulary/`` instead of living in each fixture. Paths and actors are small YAML texts
written by the test itself; invalid variants are made by string edits of ``VALID_PATH``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bs4 import BeautifulSoup

REPO_ROOT = Path(__file__).parent.parent
VOCABULARY_DIR = REPO_ROOT / "content" / "vocabulary"
THEME_DIR = REPO_ROOT / "theme"
FIXTURES_DIR = Path(__file__).parent / "fixtures"

# The tests import scripts.localsite (the static server and Chromium shared with the benchmark
# and scripts/lighthouse.py) from the repository root, also when pytest is not run as
# `python -m pytest` from there.
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

# A minimal valid path. Tests assert exact line numbers, so keep this layout stable:
# line 17 is the first step's actors, line 25 documented_by, line 26 consent.
VALID_PATH = """\
id: giltig-vag
title: Från lagret till elcentralen
summary: Han var utan arbete i två år och blev elektriker efter yrkesvux.
occupation: elektriker
situations: [langtidsarbetslos]
age_band: 25-34
background: Han hade arbetat på ett lager och ville byta bana.
county: "21"
municipality: "2180"
year: 2024
outcome:
  type: anstallning
  text: Anställd som elektriker hos ett elföretag.
steps:
  - type: kartlaggning
    title: Samtal med vägledare
    actors: [arbetsformedlingen]
    weeks: 2
    text: De gick igenom lediga jobb i länet.
  - type: utbildning
    title: Elinstallation på yrkesvux
    actors: [arbetsformedlingen, exempel-elforetag]
    weeks: 36
    text: Han läste elinstallation och praktiserade hos elföretaget.
documented_by: arbetsformedlingen
consent: true
example: false
"""

ARBETSFORMEDLINGEN = """\
id: arbetsformedlingen
name: Arbetsförmedlingen
type: myndighet
counties: all
target_groups: [langtidsarbetslos, ung]
website: https://arbetsformedlingen.se/
description: Statlig myndighet som hjälper arbetssökande att hitta jobb.
example: false
"""

EXEMPEL_ELFORETAG = """\
id: exempel-elforetag
name: Exempel El AB
type: arbetsgivare
counties: ["21"]
target_groups: [langtidsarbetslos]
description: Ett elföretag i Gävle som tar emot praktikanter och lärlingar.
example: true
"""

DEFAULT_ACTORS = {
    "arbetsformedlingen.yaml": ARBETSFORMEDLINGEN,
    "exempel-elforetag.yaml": EXEMPEL_ELFORETAG,
}


def make_project(
    tmp_path: Path, paths: dict[str, str], actors: dict[str, str] | None = None
) -> Path:
    """A project root in ``tmp_path`` with the real vocabularies and the given YAML texts.

    ``paths`` and ``actors`` map a file name (``giltig-vag.yaml``) to its text; ``actors``
    defaults to two small valid actors, ``arbetsformedlingen`` and ``exempel-elforetag``.
    """
    content = tmp_path / "content"
    shutil.copytree(VOCABULARY_DIR, content / "vocabulary")
    for folder, files in (
        ("paths", paths),
        ("actors", DEFAULT_ACTORS if actors is None else actors),
    ):
        (content / folder).mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (content / folder / name).write_text(text, encoding="utf-8")
    return tmp_path


def copy_fixture(tmp_path: Path, name: str) -> Path:
    """Copy the static tree ``tests/fixtures/<name>`` and complete it into a project root.

    Static trees hold only the byte-exact files they exist for; the vocabularies and, when
    the tree has no ``content/actors/``, the default actors are added here.
    """
    root = tmp_path / name
    shutil.copytree(FIXTURES_DIR / name, root)
    content = root / "content"
    shutil.copytree(VOCABULARY_DIR, content / "vocabulary")
    (content / "paths").mkdir(parents=True, exist_ok=True)
    if not (content / "actors").is_dir():
        (content / "actors").mkdir()
        for file_name, text in DEFAULT_ACTORS.items():
            (content / "actors" / file_name).write_text(text, encoding="utf-8")
    return root


def with_path_id(text: str, new_id: str) -> str:
    """``text`` with its first line ``id: giltig-vag`` changed to ``id: <new_id>``."""
    assert text.startswith("id: giltig-vag\n")
    return f"id: {new_id}\n" + text.split("\n", 1)[1]


def build_site(project: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """Run a real ``mkdocs build`` of ``project`` into ``site_dir``."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--clean", "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def sample_content(folder: str) -> dict[str, dict[str, Any]]:
    """The sample content's YAML files in ``content/<folder>/`` as plain data, by file stem,
    read independently of the generator."""
    import yaml

    return {
        file.stem: yaml.safe_load(file.read_text(encoding="utf-8"))
        for file in sorted((REPO_ROOT / "content" / folder).glob("*.yaml"))
    }


def page_soup(site: Path, url: str) -> BeautifulSoup:
    """The page at ``url`` (a folder relative to the root of the built ``site``), parsed."""
    from bs4 import BeautifulSoup

    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def indexed_pages(site: Path) -> dict[str, dict[str, Any]]:
    """What the built ``site``'s search index holds of each page (its Pagefind fragment: url,
    content, filters, meta), by the page's folder (``vagar/x/``). Filters and meta are in the
    index only: the page readers get leaves them out (``generator.search.served_html``)."""
    import gzip
    import json

    from generator.search_bundle import PREFIX

    pages = {}
    for file in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        fragment = json.loads(gzip.decompress(file.read_bytes())[len(PREFIX) :])
        pages[fragment["url"].lstrip("/")] = fragment
    return pages


def ui_strings(language: str = "sv") -> dict[str, Any]:
    """The site's UI strings in ``language`` (``theme/locales/<language>.yml``)."""
    import yaml

    file = REPO_ROOT / "theme" / "locales" / f"{language}.yml"
    strings: dict[str, Any] = yaml.safe_load(file.read_text(encoding="utf-8"))
    return strings
