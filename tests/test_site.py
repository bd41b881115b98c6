"""The sample site, built for real by `mkdocs build` into a temporary folder: its HTML."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from helpers import REPO_ROOT, build_site, indexed_pages, page_soup, sample_content

CONTENT = REPO_ROOT / "content"


PATHS = sample_content("paths")
ACTORS = sample_content("actors")


def _path_links(soup: BeautifulSoup, selector: str) -> set[str]:
    found = set()
    for link in soup.select(f"{selector} a[href]"):
        match = re.search(r"vagar/([a-z0-9-]+)/$", str(link["href"]))
        if match:
            found.add(match.group(1))
    return found


def test_every_path_has_a_page_with_its_timeline(site: Path) -> None:
    assert len(PATHS) >= 24
    indexed = indexed_pages(site)
    for path_id, data in PATHS.items():
        soup = page_soup(site, f"vagar/{path_id}")
        assert soup.h1 is not None and soup.h1.get_text(strip=True) == data["title"].strip()
        steps = soup.select("ol.vagar-timeline > li.vagar-step")
        assert [s.select_one(".vagar-step__title").get_text(strip=True) for s in steps] == [
            step["title"].strip() for step in data["steps"]
        ]
        total = sum(step["weeks"] for step in data["steps"])
        assert f"{total} veckor" in soup.select_one(".vagar-total").get_text(strip=True)
        assert indexed[f"vagar/{path_id}/"]["meta"]["weeks"] == str(total)


def test_occupation_counts_match_the_content(site: Path) -> None:
    counts = Counter(data["occupation"] for data in PATHS.values())
    assert len(counts) >= 12
    index = page_soup(site, "yrken")
    for occupation_id, count in counts.items():
        soup = page_soup(site, f"yrken/{occupation_id}")
        assert soup.select_one("dd.vagar-occupation-count").get_text(strip=True) == str(count)
        assert len(soup.select("ul.vagar-cards > li")) == count
        link = index.find("a", href=f"../yrken/{occupation_id}/")
        assert link is not None
        card_count = link.find_parent("li").select_one(".vagar-occupation-count")
        assert card_count.get_text(strip=True).startswith(f"{count} ")


def test_actor_pages_list_their_paths(site: Path) -> None:
    assert len(ACTORS) >= 15
    assert len({data["type"] for data in ACTORS.values()}) >= 6
    for actor_id in ACTORS:
        expected = {
            path_id
            for path_id, data in PATHS.items()
            if data["documented_by"] == actor_id
            or any(actor_id in step["actors"] for step in data["steps"])
        }
        soup = page_soup(site, f"aktorer/{actor_id}")
        assert _path_links(soup, "section") == expected, actor_id


def test_path_page_links_resolve_to_built_pages(site: Path) -> None:
    for path_id in list(PATHS)[:5]:
        page_dir = site / "vagar" / path_id
        soup = page_soup(site, f"vagar/{path_id}")
        for link in soup.select("article a[href]"):
            href = str(link["href"]).split("#")[0]
            if href.startswith("https://"):
                continue
            target = (page_dir / href).resolve()
            assert (target / "index.html").is_file() or target.is_file(), href


def _onward_link(href: str) -> bool:
    """Whether ``href`` is made from a pattern in content/links.yaml (the links onward)."""
    patterns = yaml.safe_load((CONTENT / "links.yaml").read_text(encoding="utf-8"))
    return any(
        re.fullmatch(re.sub(r"\\\{\w+\\\}", "[^/?#&]+", re.escape(entry["url"])), href)
        for entry in patterns.values()
    )


LICENCE_LINK = "https://creativecommons.org/licenses/by/4.0/deed.sv"
"""The content licence, linked from the data page (issue 14)."""


def test_no_request_goes_to_a_third_party(site: Path) -> None:
    websites = {data["website"] for data in ACTORS.values() if "website" in data}
    websites |= {r["source"] for data in ACTORS.values() for r in data.get("results", [])}
    websites.add(LICENCE_LINK)
    for page in site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(src=True):
            assert not re.match(r"(https?:)?//", tag["src"]), (page, tag["src"])
        for tag in soup.find_all("link", href=True):
            if "canonical" in tag.get("rel", []):
                continue
            assert not re.match(r"(https?:)?//", tag["href"]), (page, tag["href"])
        for tag in soup.find_all("a", href=re.compile(r"^(https?:)?//")):
            assert tag["href"] in websites or _onward_link(tag["href"]), (page, tag["href"])
    for stylesheet in site.rglob("*.css"):
        text = stylesheet.read_text(encoding="utf-8")
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), stylesheet
        assert "fonts.googleapis" not in text


def test_pages_are_swedish_and_titles_escaped(site: Path) -> None:
    soup = page_soup(site, "")
    assert soup.html["lang"] == "sv"
    first = next(iter(PATHS.values()))
    path_soup = page_soup(site, f"vagar/{first['id']}")
    assert path_soup.title.get_text().startswith(first["title"].strip())


def test_generated_pages_are_not_listed_in_the_navigation(site: Path) -> None:
    soup = page_soup(site, "")
    nav_links = {a["href"] for a in soup.select("nav.md-nav a[href]")}
    assert not any("vagar/" in href for href in nav_links)


def test_schemas_are_published_for_editors(site: Path) -> None:
    schema = yaml.safe_load((site / "schema" / "path.schema.json").read_text(encoding="utf-8"))
    assert "elektriker" in schema["properties"]["occupation"]["enum"]


INVALID_CONSENT = {
    "sv": [
        "Innehållet har fel; inget byggdes.",
        "{at}: consent: consent måste vara true — publicera en väg bara när deltagaren har sagt "
        "ja till det",
        "{at}: consent: skriv true eller false, inte no (YAML tolkar också yes, no, on och off "
        "som true eller false)",
    ],
    "en": [
        "Content has errors; nothing was built.",
        "{at}: consent: consent must be true — publish a path only when the participant has "
        "agreed to it",
        "{at}: consent: write true or false, not no (YAML reads yes, no, on and off too)",
    ],
}
"""What the build says of ``consent: no``, by VAGAR_LANG; ``{at}`` is file:line:column."""


@pytest.mark.parametrize("language", ["sv", "en"])
def test_invalid_content_fails_the_build_and_leaves_the_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    """The build stops with the checker's messages: Swedish by default, English with
    VAGAR_LANG=en."""
    if language == "en":
        monkeypatch.setenv("VAGAR_LANG", "en")
    else:
        monkeypatch.delenv("VAGAR_LANG", raising=False)
    project = tmp_path / "project"
    for name in ("content", "theme"):
        shutil.copytree(REPO_ROOT / name, project / name)
    (project / "mkdocs.yml").write_text(
        (REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    (site_dir / "keep.html").write_text("previous build", encoding="utf-8")
    broken = project / "content" / "paths" / f"{next(iter(PATHS))}.yaml"
    text = broken.read_text(encoding="utf-8").replace("consent: true", "consent: no")
    broken.write_text(text, encoding="utf-8")
    at = f"content/paths/{broken.name}:{text.splitlines().index('consent: no') + 1}:10"
    result = build_site(project, site_dir)
    assert result.returncode == 1
    expected = "\n".join(line.format(at=at) for line in INVALID_CONSENT[language])
    assert f"{expected}\n" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in site_dir.iterdir()) == ["keep.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]


@pytest.mark.parametrize("name", ["om", "bidra", "tillganglighet", "personuppgifter", "sok"])
def test_fixed_pages_exist(site: Path, name: str) -> None:
    assert (site / name / "index.html").is_file()


def test_shared_navigation_matches_rendering_it_for_every_page(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The tabs and sidebar rendered once per folder (theme/main.html) are what Material
    would have rendered for each page."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from generator import render

    monkeypatch.setattr(render.RenderCache, "__call__", lambda self, key, caller: caller())
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.chdir(REPO_ROOT)
    build(load_config(str(REPO_ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "plain")))
    pages = sorted(p.relative_to(site) for p in site.rglob("*.html"))
    assert len(pages) > 100
    for page in pages:
        assert (tmp_path / "plain" / page).read_text("utf-8") == (site / page).read_text("utf-8")
