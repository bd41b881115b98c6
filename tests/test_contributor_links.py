"""The way in for contributors (issue 14): with ``repo_url`` set, the Bidra page links to the
"Ny väg" issue form and the contributor guide, and every path and actor page opens its file in
GitHub's web editor; without ``repo_url`` none of these links is there."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import REPO_ROOT, VALID_PATH, build_site, make_project, page_soup

from generator.repository import Repository

REPO = "https://github.com/exempel/vagar"
SUGGEST = "Föreslå en ändring"


def test_the_repository_links_follow_repo_url_and_edit_uri() -> None:
    repository = Repository(REPO + "/", "edit/main/content/pages/", "content/pages")
    assert repository.edit_url("content/paths/x.yaml") == f"{REPO}/edit/main/content/paths/x.yaml"
    assert repository.new_path_url() == f"{REPO}/issues/new?template=ny-vag.yml"
    assert repository.guide_url() == f"{REPO}/blob/main/CONTRIBUTING.md"


@pytest.mark.parametrize("edit_uri", ["", "edit/master/docs/", "blob/main/somewhere/"])
def test_an_edit_uri_that_misses_docs_dir_gives_no_edit_link(edit_uri: str) -> None:
    """MkDocs' default for GitHub (edit/master/docs/) would lead to files that do not exist."""
    repository = Repository(REPO, edit_uri, "content/pages")
    assert repository.edit_url("content/paths/x.yaml") is None
    assert repository.guide_url() == f"{REPO}/blob/HEAD/CONTRIBUTING.md"


def test_without_repo_url_there_are_no_repository_links(site: Path) -> None:
    contribute = page_soup(site, "bidra")
    article = contribute.select_one("article")
    assert article is not None
    assert not article.select("a[href*='github.com']")
    assert "vagar:bidra" not in str(contribute)
    assert contribute.select_one(".md-source") is None
    path_id = sorted((REPO_ROOT / "content" / "paths").glob("*.yaml"))[0].stem
    for url in (f"vagar/{path_id}", "aktorer/arbetsformedlingen"):
        page = (site / url / "index.html").read_text(encoding="utf-8")
        assert SUGGEST not in page and "vagar-edit" not in page, url


@pytest.fixture(scope="module")
def linked_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small project built with repo_url and edit_uri, as the Pages workflow builds."""
    project = make_project(tmp_path_factory.mktemp("linked"), {"giltig-vag.yaml": VALID_PATH})
    shutil.copytree(REPO_ROOT / "theme", project / "theme")
    shutil.copytree(REPO_ROOT / "content" / "pages", project / "content" / "pages")
    shutil.copy(REPO_ROOT / "mkdocs.yml", project / "mkdocs.base.yml")
    (project / "mkdocs.yml").write_text(
        f'INHERIT: mkdocs.base.yml\nrepo_url: "{REPO}"\nedit_uri: "edit/main/content/pages/"\n',
        encoding="utf-8",
    )
    site = tmp_path_factory.mktemp("linked-site") / "repo"
    result = build_site(project, site)
    assert result.returncode == 0, result.stderr
    return site


def test_the_contribute_page_links_the_form_and_the_guide(linked_site: Path) -> None:
    soup = page_soup(linked_site, "bidra")
    links = {str(a["href"]): a for a in soup.select("article a[href]")}
    form = links[f"{REPO}/issues/new?template=ny-vag.yml"]
    guide = links[f"{REPO}/blob/main/CONTRIBUTING.md"]
    assert form.get_text(strip=True) == "Fyll i formuläret Ny väg"
    assert guide.get_text(strip=True) == "Läs bidragsguiden"
    assert set(form["rel"]) >= {"noopener", "noreferrer"}
    # In place of the page's marker, after the steps: not at the end of the page.
    assert soup.select_one("#bidra-github").find_previous("ol") is not None
    assert "vagar:bidra" not in str(soup)


@pytest.mark.parametrize(
    ("url", "file"),
    [
        ("vagar/giltig-vag", "content/paths/giltig-vag.yaml"),
        ("aktorer/arbetsformedlingen", "content/actors/arbetsformedlingen.yaml"),
        ("aktorer/exempel-elforetag", "content/actors/exempel-elforetag.yaml"),
    ],
)
def test_every_path_and_actor_page_suggests_a_change(
    linked_site: Path, url: str, file: str
) -> None:
    soup = page_soup(linked_site, url)
    (link,) = soup.select(".vagar-edit a")
    assert link["href"] == f"{REPO}/edit/main/{file}"
    assert link.get_text(strip=True) == SUGGEST


def test_the_header_links_the_repository_without_asking_githubs_api(linked_site: Path) -> None:
    soup = page_soup(linked_site, "")
    source = soup.select_one("a.md-source")
    assert source is not None and source["href"] == REPO
    assert soup.select("[data-md-component=source]") == []
