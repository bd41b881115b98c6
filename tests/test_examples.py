"""Invented examples (issue 14): every sample path and actor says so where it is shown, a
production build leaves them out entirely, a real path that names an example actor stops
that build at the reference, and `vagar check --production` names every example file."""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import SUB_PATH
from helpers import (
    ARBETSFORMEDLINGEN,
    REPO_ROOT,
    VALID_PATH,
    build_site,
    make_project,
    page_soup,
    sample_content,
    with_path_id,
)

from generator.cli import main as vagar

pytestmark = pytest.mark.usefixtures("english_messages")

LABEL = "Påhittat exempel"
CONTENT = REPO_ROOT / "content"


PATHS = sample_content("paths")
ACTORS = sample_content("actors")


def _notice_after_title(soup: BeautifulSoup) -> str:
    """The text of the example notice, which must follow the page's h1 directly."""
    h1 = soup.select_one("#innehall h1")
    assert h1 is not None
    notice = h1.find_next_sibling()
    assert notice is not None and "vagar-example" in notice.get("class", []), notice
    return str(notice.get_text(" ", strip=True))


def test_every_sample_path_and_actor_is_an_example() -> None:
    assert PATHS and ACTORS
    assert all(data["example"] is True for data in PATHS.values())
    assert all(data["example"] is True for data in ACTORS.values())


def test_every_sample_path_and_actor_page_says_so_under_its_title(site: Path) -> None:
    for path_id in PATHS:
        assert _notice_after_title(page_soup(site, f"vagar/{path_id}")).startswith(LABEL)
    for actor_id in ACTORS:
        assert _notice_after_title(page_soup(site, f"aktorer/{actor_id}")).startswith(LABEL)


def test_every_card_and_actor_list_says_so(site: Path) -> None:
    lists = ["", "yrken/", *(f"yrken/{d['occupation']}/" for d in PATHS.values())]
    lists += [f"lan/{data['county']}/" for data in PATHS.values()]
    for url in lists:
        soup = page_soup(site, url)
        cards = [c for c in soup.select(".vagar-card") if c.select_one("a[href*='vagar/']")]
        assert cards or url == "yrken/", url
        for card in cards:
            tag = card.select_one(".vagar-card__title .vagar-example-tag")
            assert tag is not None and tag.get_text(strip=True) == LABEL, (url, card)
    rows = page_soup(site, "aktorer").select("tbody tr")
    assert rows
    for row in rows:
        assert row.select_one("th .vagar-example-tag") is not None, row


def _fragments(site: Path) -> dict[str, dict[str, Any]]:
    """Pagefind's record of every indexed page, by URL (gzip, a marker, then JSON)."""
    found = {}
    for file in (site / "pagefind" / "fragment").iterdir():
        data = json.loads(gzip.decompress(file.read_bytes())[len(b"pagefind_dcd") :])
        found[data["url"]] = data
    return found


def test_search_results_of_examples_say_so(site: Path) -> None:
    fragments = _fragments(site)
    for path_id, data in PATHS.items():
        meta = fragments[f"/vagar/{path_id}/"]["meta"]
        assert meta["title"] == f"{LABEL}: {data['title'].strip()}"
    for actor_id, data in ACTORS.items():
        meta = fragments[f"/aktorer/{actor_id}/"]["meta"]
        assert meta["title"] == f"{LABEL}: {data['name'].strip()}"


# --- production --------------------------------------------------------------------------------

REAL_PATH = VALID_PATH.replace(
    "actors: [arbetsformedlingen, exempel-elforetag]", "actors: [arbetsformedlingen]"
).replace("title: Från lagret till elcentralen", "title: En verklig väg till elcentralen")
EXAMPLE_PATH = (
    with_path_id(VALID_PATH, "pahittad-vag")
    .replace("title: Från lagret till elcentralen", "title: Ett påhittat exempel hos elföretaget")
    .replace("example: false", "example: true")
)


def _project(root: Path, paths: dict[str, str]) -> Path:
    project = make_project(root, paths)
    shutil.copytree(REPO_ROOT / "theme", project / "theme")
    shutil.copytree(CONTENT / "pages", project / "content" / "pages")
    shutil.copy(REPO_ROOT / "mkdocs.yml", project / "mkdocs.yml")
    return project


def _production_build(project: Path, site_dir: Path) -> Any:
    """A build with ``examples: exclude``, set as the Pages workflow sets it: in a config
    that inherits mkdocs.yml."""
    production = project / "mkdocs.production.yml"
    production.write_text(
        "INHERIT: mkdocs.yml\nplugins:\n  - vagar:\n      examples: exclude\n", encoding="utf-8"
    )
    command = [sys.executable, "-m", "mkdocs", "build", "--clean"]
    return subprocess.run(
        [*command, "--config-file", str(production), "--site-dir", str(site_dir)],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def production_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = _project(
        tmp_path_factory.mktemp("production"),
        {"giltig-vag.yaml": REAL_PATH, "pahittad-vag.yaml": EXAMPLE_PATH},
    )
    site_dir = tmp_path_factory.mktemp("production-site") / SUB_PATH
    result = _production_build(project, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


def _every_text(site: Path) -> dict[str, str]:
    """Every file of the built site as text; Pagefind's compressed files decompressed."""
    texts = {}
    for file in site.rglob("*"):
        if not file.is_file() or file.suffix in (".png", ".gz", ".wasm") or "wasm." in file.name:
            continue
        data = file.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        texts[file.relative_to(site).as_posix()] = data.decode("utf-8", errors="replace")
    return texts


def test_a_production_build_has_no_example_content(production_site: Path) -> None:
    texts = _every_text(production_site)
    assert (production_site / "vagar" / "giltig-vag" / "index.html").is_file()
    assert not (production_site / "vagar" / "pahittad-vag").exists()
    assert not (production_site / "aktorer" / "exempel-elforetag").exists()
    assert (production_site / "aktorer" / "arbetsformedlingen" / "index.html").is_file()
    example_words = ("pahittad-vag", "Ett påhittat exempel hos elföretaget", "exempel-elforetag")
    example_words += ("Exempel El AB",)
    for name, text in texts.items():
        for word in example_words:
            assert word not in text, (name, word)
        if name.endswith(".html"):
            assert 'class="vagar-example' not in text, name
    data = json.loads(texts["data/vagar.json"])
    assert [p["id"] for p in data["paths"]] == ["giltig-vag"]
    assert all(p["example"] is False for p in data["paths"])
    actors = json.loads(texts["data/aktorer.json"])["actors"]
    assert [a["id"] for a in actors] == ["arbetsformedlingen"]
    assert "En verklig väg till elcentralen" in texts["feed.xml"]


def test_a_real_path_naming_an_example_actor_stops_the_production_build(
    tmp_path: Path,
) -> None:
    project = _project(tmp_path / "project", {"giltig-vag.yaml": VALID_PATH})
    site_dir = tmp_path / "site"
    result = _production_build(project, site_dir)
    assert result.returncode == 1
    assert (
        "content/paths/giltig-vag.yaml:22:34: steps[1].actors[1]: names the actor "
        "exempel-elforetag, an invented example that a production site does not publish"
    ) in result.stderr
    assert not site_dir.exists()
    # The same content builds with the examples in, labelled.
    assert build_site(project, site_dir).returncode == 0


def test_a_production_build_of_examples_only_is_refused(tmp_path: Path) -> None:
    project = _project(tmp_path / "project", {"pahittad-vag.yaml": EXAMPLE_PATH})
    result = _production_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "content/paths:1:1: every path is an invented example" in result.stderr


def test_check_production_names_every_example_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert vagar(["check", "--production", "--root", str(REPO_ROOT)]) == 1
    out = capsys.readouterr().out
    for folder, files in (("paths", PATHS), ("actors", ACTORS)):
        for item_id in files:
            file = CONTENT / folder / f"{item_id}.yaml"
            line = file.read_text(encoding="utf-8").splitlines().index("example: true") + 1
            assert (
                f"content/{folder}/{item_id}.yaml:{line}:10: example: is an invented example"
            ) in out
    assert len(re.findall(r"example: is an invented example", out)) == len(PATHS) + len(ACTORS)


def test_check_production_passes_real_content(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    actors = {"arbetsformedlingen.yaml": ARBETSFORMEDLINGEN}
    root = make_project(tmp_path, {"giltig-vag.yaml": REAL_PATH}, actors)
    assert vagar(["check", "--production", "--root", str(root)]) == 0
    assert vagar(["check", "--root", str(root)]) == 0
