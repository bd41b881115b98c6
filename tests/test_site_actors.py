"""Issue 12 on the built sample site (a real `mkdocs build`): the actor comparison and its
variants, county pages with their actors, actor pages with results and search filters, and
what employers said and the tracks considered on path and occupation pages. Expectations are
worked out from the YAML files, independently of the generator."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup, Tag
from helpers import REPO_ROOT, indexed_pages, page_soup, sample_content

CONTENT = REPO_ROOT / "content"


def _terms(name: str) -> dict[str, str]:
    terms = yaml.safe_load((CONTENT / "vocabulary" / f"{name}.yaml").read_text("utf-8"))
    return {term["id"]: term["label"] for term in terms}


PATHS = sample_content("paths")
ACTORS = sample_content("actors")
COUNTIES = _terms("counties")
SITUATIONS = _terms("situations")
TYPES = _terms("actor-types")
OCCUPATIONS = _terms("occupations")


def _counties(actor: dict[str, Any]) -> list[str]:
    return list(COUNTIES) if actor["counties"] == "all" else actor["counties"]


def _took_part(actor_id: str, path: dict[str, Any]) -> bool:
    return path["documented_by"] == actor_id or any(
        actor_id in step["actors"] for step in path["steps"]
    )


def _content(soup: BeautifulSoup) -> Tag:
    found = soup.select_one("article")
    assert found is not None
    return found


def _row_actors(soup: BeautifulSoup) -> list[str]:
    return [
        str(link["href"]).rstrip("/").rsplit("/", 1)[-1]
        for link in soup.select(".vagar-table tbody th[scope=row] a[href]")
    ]


def _share(result: dict[str, Any]) -> int:
    """Whole percent in work or studies, rounded half up."""
    placed, participants = result["in_work_or_studies"], result["participants"]
    return (200 * placed + participants) // (2 * participants)


def _filters(indexed: dict[str, Any], url: str, name: str) -> list[str]:
    """The values of filter ``name`` that the search index holds for the page at ``url``."""
    values: list[str] = indexed[url]["filters"].get(name, [])
    return values


# The comparison


def test_the_comparison_is_a_table_with_caption_and_scoped_headers(site: Path) -> None:
    soup = page_soup(site, "aktorer")
    region = soup.select_one("div.vagar-table[role=region]")
    assert region is not None and region["tabindex"] == "0"
    caption = region.select_one("table > caption")
    assert caption is not None and caption["id"] == region["aria-labelledby"]
    assert caption.get_text(strip=True).endswith(f"{len(ACTORS)} aktörer")
    headers = [th.get_text(strip=True) for th in region.select("thead th[scope=col]")]
    assert headers == [
        "Aktör",
        "Typ",
        "Län",
        "Målgrupper",
        "Utgångslägen i vägarna",
        "Vägar",
        "Vägarnas resultat",
        "Mediantid",
        "Publicerade resultat",
    ]
    assert sorted(_row_actors(soup)) == sorted(ACTORS)


def test_each_row_counts_the_paths_and_outcomes_of_its_actor(site: Path) -> None:
    outcomes = _terms("outcomes")
    soup = page_soup(site, "aktorer")
    for row in soup.select(".vagar-table tbody tr"):
        actor_id = str(row.select_one("th[scope=row] a")["href"]).rstrip("/").rsplit("/", 1)[-1]
        paths = [p for p in PATHS.values() if _took_part(actor_id, p)]
        cells = [cell.get_text(" ", strip=True) for cell in row.select("td")]
        assert cells[4] == str(len(paths)), actor_id
        counts = Counter(p["outcome"]["type"] for p in paths)
        expected = [f"{outcomes[key]}: {counts[key]}" for key in outcomes if counts[key]]
        assert cells[5] == " ".join(expected), actor_id


def test_published_results_are_shares_with_year_follow_up_and_source(site: Path) -> None:
    with_results = {key: a for key, a in ACTORS.items() if a.get("results")}
    assert len(with_results) >= 3
    soup = page_soup(site, "aktorer")
    for actor_id, actor in with_results.items():
        newest = max(actor["results"], key=lambda r: (r["year"], r["after_days"]))
        share = _share(newest)
        link = soup.select_one(f'.vagar-table th a[href$="/{actor_id}/"]')
        assert link is not None
        cell = link.find_parent("tr").select("td")[-1]
        text = cell.get_text(" ", strip=True)
        assert text.startswith(f"{share} % i arbete eller studier"), text
        assert f"{newest['after_days']} dagar efter, {newest['year']}" in text
        assert cell.select_one("a")["href"] == newest["source"]


def test_the_page_says_what_the_numbers_are_not(site: Path) -> None:
    text = _content(page_soup(site, "aktorer")).get_text(" ", strip=True)
    assert "Det är inte andelar som lyckas" in text
    assert "Bara kolumnen Publicerade resultat är en andel" in text


@pytest.mark.parametrize(
    ("folder", "terms", "members"),
    [
        ("lan", COUNTIES, lambda actor, key: key in _counties(actor)),
        ("malgrupp", SITUATIONS, lambda actor, key: key in actor["target_groups"]),
        ("typ", TYPES, lambda actor, key: actor["type"] == key),
    ],
)
def test_every_variant_lists_exactly_its_actors(
    site: Path, folder: str, terms: dict[str, str], members: Any
) -> None:
    index = page_soup(site, "aktorer")
    made = 0
    for key in terms:
        expected = sorted(a for a, actor in ACTORS.items() if members(actor, key))
        page = site / "aktorer" / folder / key / "index.html"
        assert page.is_file() == bool(expected), (folder, key)
        if not expected:
            continue
        made += 1
        soup = page_soup(site, f"aktorer/{folder}/{key}")
        assert sorted(_row_actors(soup)) == expected, (folder, key)
        link = index.select_one(f'nav.vagar-compare__filters a[href="../aktorer/{folder}/{key}/"]')
        assert link is not None, (folder, key)
        current = soup.select_one("nav.vagar-compare__filters a[aria-current=page]")
        assert current is not None and current.get_text(strip=True) == terms[key]
    assert made >= 2


# County pages


def test_county_pages_list_their_actors_by_type_with_paths_in_the_county(site: Path) -> None:
    for county in ("06", "21", "09"):
        section = page_soup(site, f"lan/{county}").select_one("section.vagar-county-actors")
        assert section is not None
        shown: dict[str, list[tuple[str, str]]] = {}
        for heading in section.select("h3"):
            items = heading.find_next_sibling("ul").select("li")
            shown[heading.get_text(strip=True)] = [
                (
                    str(li.a["href"]).rstrip("/").rsplit("/", 1)[-1],
                    li.select_one(".vagar-count").get_text(strip=True),
                )
                for li in items
            ]
        expected: dict[str, list[tuple[str, int]]] = {}
        for type_id, label in TYPES.items():
            members = sorted(
                (a["name"], key)
                for key, a in ACTORS.items()
                if a["type"] == type_id and county in _counties(a)
            )
            if members:
                expected[label] = [
                    (
                        key,
                        sum(
                            1
                            for p in PATHS.values()
                            if p["county"] == county and _took_part(key, p)
                        ),
                    )
                    for _name, key in members
                ]
        assert list(shown) == list(expected), county
        for label, items in expected.items():
            assert [key for key, _ in shown[label]] == [key for key, _ in items]
            for (_, count_text), (_, count) in zip(shown[label], items, strict=True):
                assert count_text.startswith(f"{count} väg"), (county, label, count_text)
        assert section.select_one(f'a[href="../../aktorer/lan/{county}/"]') is not None


# Actor pages


def test_actor_pages_carry_the_county_and_target_group_filters(site: Path) -> None:
    indexed = indexed_pages(site)
    for actor_id, actor in ACTORS.items():
        url = f"aktorer/{actor_id}/"
        # Issue 11: ids, and filters of their own (the path filters are on path pages only).
        assert _filters(indexed, url, "verksam") == list(_counties(actor)), actor_id
        assert _filters(indexed, url, "malgrupp") == list(actor["target_groups"])
        assert _filters(indexed, url, "sidtyp") == ["aktor"]
        assert _filters(indexed, url, "lan") == []
        # Filters are for the index: the page readers get does not carry them.
        assert "data-pagefind-filter" not in (site / url / "index.html").read_text("utf-8")


def test_actor_pages_show_their_published_results(site: Path) -> None:
    for actor_id, actor in ACTORS.items():
        soup = page_soup(site, f"aktorer/{actor_id}")
        table = soup.select_one("section[aria-labelledby=actor-results] table")
        if not actor.get("results"):
            assert table is None
            continue
        rows = table.select("tbody tr")
        assert [r.select_one("th[scope=row]").get_text(strip=True) for r in rows] == [
            str(result["year"]) for result in actor["results"]
        ]
        for row, result in zip(rows, actor["results"], strict=True):
            cells = [c.get_text(strip=True) for c in row.select("td")]
            assert cells[:3] == [
                str(result["participants"]),
                str(result["in_work_or_studies"]),
                f"{_share(result)} %",
            ]
            assert row.select_one("a")["href"] == result["source"]


def test_employer_actor_pages_show_what_employers_said(site: Path) -> None:
    for actor_id in ("techmotet-norr", "elinstallation-norr-ab"):
        expected = [
            (path_id, number)
            for path_id, path in sorted(
                PATHS.items(), key=lambda kv: (-kv[1]["year"], kv[1]["title"])
            )
            for number, step in enumerate(path["steps"], 1)
            if step.get("employer_feedback") and actor_id in step["actors"]
        ]
        assert expected
        section = page_soup(site, f"aktorer/{actor_id}").select_one(
            "section[aria-labelledby=actor-feedback]"
        )
        assert section is not None
        links = [str(a["href"]) for a in section.select(".vagar-voice__source a")]
        assert links == [f"../../vagar/{p}/#steg-{n}" for p, n in expected]


# Path pages


def test_path_pages_show_employer_feedback_in_its_step_and_as_a_filter(site: Path) -> None:
    indexed = indexed_pages(site)
    with_feedback = 0
    for path_id, path in PATHS.items():
        soup = page_soup(site, f"vagar/{path_id}")
        steps = soup.select("ol.vagar-timeline > li.vagar-step")
        for number, (step, data) in enumerate(zip(steps, path["steps"], strict=True), 1):
            assert step["id"] == f"steg-{number}"
            block = step.select_one("section.vagar-feedback")
            if "employer_feedback" not in data:
                assert block is None
                continue
            heading = block.select_one("h4")
            assert heading.get_text(strip=True) == "Arbetsgivarnas återkoppling"
            assert block["aria-labelledby"] == heading["id"]
            assert " ".join(data["employer_feedback"].split()) in block.get_text(" ", strip=True)
        has = any("employer_feedback" in s for s in path["steps"])
        with_feedback += has
        assert _filters(indexed, f"vagar/{path_id}/", "aterkoppling") == ["ja" if has else "nej"]
    assert with_feedback >= 8


def test_path_pages_show_the_tracks_considered(site: Path) -> None:
    shown = 0
    for path_id, path in PATHS.items():
        section = page_soup(site, f"vagar/{path_id}").select_one("section.vagar-tracks")
        if "tracks_considered" not in path:
            assert section is None
            continue
        shown += 1
        assert section.h2.get_text(strip=True) == "Spår som övervägdes"
        items = section.select("li.vagar-track")
        assert [i.h3.get_text(strip=True) for i in items] == [
            t["title"] for t in path["tracks_considered"]
        ]
        for item, track in zip(items, path["tracks_considered"], strict=True):
            status = item.select_one(".vagar-track__status").get_text(strip=True)
            assert status == ("Valt spår" if track["chosen"] else "Valdes inte")
    assert shown >= 6


# Occupation pages


def _newest_first(paths: dict[str, dict[str, Any]]) -> list[str]:
    return [
        key
        for key, _ in sorted(
            paths.items(), key=lambda kv: (-kv[1]["year"], kv[1]["title"].casefold(), kv[0])
        )
    ]


def test_occupation_pages_gather_what_employers_say_newest_first(site: Path) -> None:
    occupations = 0
    for occupation in {p["occupation"] for p in PATHS.values()}:
        mine = {k: p for k, p in PATHS.items() if p["occupation"] == occupation}
        expected = [
            f"../../vagar/{key}/#steg-{number}"
            for key in _newest_first(mine)
            for number, step in enumerate(mine[key]["steps"], 1)
            if step.get("employer_feedback")
        ]
        soup = page_soup(site, f"yrken/{occupation}")
        section = soup.select_one("section[aria-labelledby=employers-say]")
        if not expected:
            assert section is None
            continue
        occupations += 1
        assert section.h2.get_text(strip=True) == "Vad arbetsgivare säger"
        links = [str(a["href"]) for a in section.select(".vagar-voice__source a")]
        assert links == expected, occupation
        for href in links:
            target = (site / "yrken" / occupation / href.split("#")[0]).resolve()
            anchor = href.split("#")[1]
            assert BeautifulSoup(
                (target / "index.html").read_text("utf-8"), "html.parser"
            ).select_one(f"#{anchor}")
    assert occupations >= 5


def test_occupation_pages_link_tracks_considered_both_ways(site: Path) -> None:
    both_ways = 0
    for occupation in {p["occupation"] for p in PATHS.values()}:
        soup = page_soup(site, f"yrken/{occupation}")
        other = soup.select_one("section[aria-labelledby=other-tracks]")
        chose = soup.select_one("section[aria-labelledby=chose-another]")
        considered_here = [
            key
            for key, p in PATHS.items()
            if p["occupation"] == occupation
            and any(not t["chosen"] for t in p.get("tracks_considered", []))
        ]
        chose_other = [
            key
            for key, p in PATHS.items()
            if p["occupation"] != occupation
            and any(
                not t["chosen"] and t.get("occupation") == occupation
                for t in p.get("tracks_considered", [])
            )
        ]
        assert (other is not None) == bool(considered_here), occupation
        assert (chose is not None) == bool(chose_other), occupation
        if chose is not None:
            linked = {
                m.group(1)
                for a in chose.select("a[href]")
                if (m := re.search(r"vagar/([a-z0-9-]+)/$", str(a["href"])))
            }
            assert linked == set(chose_other), occupation
            both_ways += 1
        if other is not None:
            assert len(other.select("li")) == sum(
                1
                for key in considered_here
                for t in PATHS[key]["tracks_considered"]
                if not t["chosen"]
            )
    assert both_ways >= 3


def test_the_editor_schemas_know_the_new_fields(site: Path) -> None:
    path = json.loads((site / "schema" / "path.schema.json").read_text(encoding="utf-8"))
    track = path["properties"]["tracks_considered"]["items"]["properties"]
    assert track["occupation"]["enum"] == sorted(OCCUPATIONS)
    assert "employer_feedback" in path["properties"]["steps"]["items"]["properties"]
    actor = json.loads((site / "schema" / "actor.schema.json").read_text(encoding="utf-8"))
    result = actor["properties"]["results"]["items"]
    assert result["required"] == [
        "year",
        "participants",
        "in_work_or_studies",
        "after_days",
        "source",
    ]
    assert result["properties"]["source"]["pattern"].startswith("^https://")
