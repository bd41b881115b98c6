"""The paths travel (issue 14): Atom feeds valid by RFC 4287, linked from every page;
schema.org JSON-LD that parses on every page; OpenGraph and Twitter tags on every page; the
share image; sitemap.xml and robots.txt with the site's sub-path (``site_url`` set, as the
Pages workflow builds) and without it."""

from __future__ import annotations

import json
import re
import struct
import xml.etree.ElementTree as ET
import zlib
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import PAGES_SITE_URL, SUB_PATH
from helpers import REPO_ROOT

from generator.share_image import HEIGHT, SHARE_IMAGE, WIDTH

A = "{http://www.w3.org/2005/Atom}"
CONTENT = REPO_ROOT / "content"
PATHS = {
    f.stem: yaml.safe_load(f.read_text(encoding="utf-8"))
    for f in sorted((CONTENT / "paths").glob("*.yaml"))
}


@pytest.fixture(scope="module")
def pages_site(pages_serve_root: Path) -> Path:
    """The sample site built with site_url, as the Pages workflow builds it."""
    return pages_serve_root / SUB_PATH


def _html_pages(site: Path) -> list[Path]:
    """The Swedish site's pages (the English and Arabic sites in en/ and ar/ repeat its list
    pages, in their language)."""
    return sorted(
        file for file in site.rglob("*.html") if file.relative_to(site).parts[0] not in ("en", "ar")
    )


def _soup(file: Path) -> BeautifulSoup:
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


# --- Atom -------------------------------------------------------------------------------------


def _rfc3339(text: str | None) -> bool:
    return (
        bool(text) and datetime.fromisoformat(str(text).replace("Z", "+00:00")).tzinfo is not None
    )


def check_atom(file: Path) -> ET.Element:
    """The RFC 4287 elements every feed and entry must have; returns the feed."""
    feed = ET.parse(file).getroot()
    assert feed.tag == f"{A}feed"
    for name in ("id", "title", "updated"):
        assert len(feed.findall(f"{A}{name}")) == 1, name
    assert _rfc3339(feed.findtext(f"{A}updated"))
    assert feed.find(f"{A}author/{A}name") is not None  # or one in every entry
    ids = set()
    for entry in feed.findall(f"{A}entry"):
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"{A}{name}")) == 1, name
        assert entry.findtext(f"{A}id", "").startswith("urn:uuid:")
        assert _rfc3339(entry.findtext(f"{A}updated"))
        links = [link for link in entry.findall(f"{A}link") if link.get("rel") == "alternate"]
        assert len(links) == 1 and links[0].get("href")
        assert entry.find(f"{A}summary") is not None  # no content: a summary is required
        ids.add(entry.findtext(f"{A}id"))
    assert len(ids) == len(feed.findall(f"{A}entry"))
    return feed


def _entry_links(feed: ET.Element) -> list[str]:
    return [str(e.find(f"{A}link").get("href")) for e in feed.findall(f"{A}entry")]  # type: ignore[union-attr]


def test_the_feed_is_valid_atom_and_its_links_lead_to_the_pages(site: Path) -> None:
    feed = check_atom(site / "feed.xml")
    links = _entry_links(feed)
    assert len(links) == min(50, len(PATHS))
    base = f"http://127.0.0.1/{SUB_PATH}/feed.xml"  # where a reader fetched it
    for href in links:
        target = urlsplit(urljoin(base, href)).path.removeprefix(f"/{SUB_PATH}/")
        assert (site / target / "index.html").is_file(), href
    titles = [e.findtext(f"{A}title") for e in feed.findall(f"{A}entry")]
    assert all(str(t).startswith("Påhittat exempel: ") for t in titles)


def test_every_occupation_has_its_own_feed(site: Path) -> None:
    occupations = {data["occupation"] for data in PATHS.values()}
    for occupation in occupations:
        file = site / "yrken" / occupation / "feed.xml"
        feed = check_atom(file)
        expected = sorted(i for i, d in PATHS.items() if d["occupation"] == occupation)
        got = sorted(href.rstrip("/").rsplit("/", 1)[-1] for href in _entry_links(feed))
        assert got == expected
        for href in _entry_links(feed):
            assert (file.parent / href / "index.html").resolve().is_file(), href


def test_feed_links_carry_the_sub_path_when_site_url_is_set(pages_site: Path) -> None:
    feed = check_atom(pages_site / "feed.xml")
    for href in _entry_links(feed):
        assert href.startswith(PAGES_SITE_URL + "vagar/"), href
        target = href.removeprefix(PAGES_SITE_URL)
        assert (pages_site / target / "index.html").is_file()
    self_link = next(x for x in feed.findall(f"{A}link") if x.get("rel") == "self")
    assert self_link.get("href") == PAGES_SITE_URL + "feed.xml"


def test_every_page_links_the_feed_in_its_head(site: Path) -> None:
    for file in _html_pages(site):
        head = _soup(file).head
        assert head is not None
        feeds = head.select('link[rel="alternate"][type="application/atom+xml"]')
        assert feeds, file
        first = (file.parent / str(feeds[0]["href"])).resolve()
        if file.name == "index.html":
            assert first == (site / "feed.xml").resolve(), file
    for occupation in {d["occupation"] for d in PATHS.values()}:
        file = site / "yrken" / occupation / "index.html"
        hrefs = [
            str(link["href"]) for link in _soup(file).select('link[type="application/atom+xml"]')
        ]
        assert "feed.xml" in hrefs, hrefs


# --- JSON-LD ----------------------------------------------------------------------------------


def _linked_data(file: Path) -> list[dict[str, Any]]:
    blocks = _soup(file).select('script[type="application/ld+json"]')
    return [json.loads(block.string or "") for block in blocks]


EXPECTED_TYPES = {
    "": "WebSite",
    "data/": "Dataset",
    "yrken/": "CollectionPage",
    "sok/": "CollectionPage",
}


def test_linked_data_parses_on_every_generated_page(site: Path) -> None:
    seen: dict[str, int] = {}
    for file in _html_pages(site):
        for data in _linked_data(file):
            assert data["@context"] == "https://schema.org"
            seen[data["@type"]] = seen.get(data["@type"], 0) + 1
    assert seen["HowTo"] == len(PATHS)
    assert seen["Organization"] == len(list((CONTENT / "actors").glob("*.yaml")))
    for url, kind in EXPECTED_TYPES.items():
        (data,) = _linked_data(site / url / "index.html")
        assert data["@type"] == kind, url


def test_linked_data_of_a_path_an_occupation_and_an_actor(site: Path) -> None:
    path_id, raw = next(iter(PATHS.items()))
    (path,) = _linked_data(site / "vagar" / path_id / "index.html")
    assert path["name"] == raw["title"].strip()
    assert [s["name"] for s in path["step"]] == [s["title"].strip() for s in raw["steps"]]
    assert path["totalTime"] == f"P{sum(s['weeks'] for s in raw['steps'])}W"
    assert path["disambiguatingDescription"] == "Påhittat exempel"
    occupations = yaml.safe_load((CONTENT / "vocabulary" / "occupations.yaml").read_text("utf-8"))
    ssyk = next(o["ssyk"] for o in occupations if o["id"] == raw["occupation"])
    (occupation,) = _linked_data(site / "yrken" / raw["occupation"] / "index.html")
    assert occupation["@type"] == "Occupation"
    assert occupation["occupationalCategory"]["codeValue"] == str(ssyk)
    (actor,) = _linked_data(site / "aktorer" / raw["documented_by"] / "index.html")
    assert actor["@type"] == "Organization"
    page = f"http://127.0.0.1/repo/aktorer/{raw['documented_by']}/"
    assert urljoin(page, actor["url"]) == page  # relative to the page without site_url


def test_linked_data_urls_are_absolute_with_site_url(pages_site: Path) -> None:
    path_id = next(iter(PATHS))
    (path,) = _linked_data(pages_site / "vagar" / path_id / "index.html")
    assert path["url"] == f"{PAGES_SITE_URL}vagar/{path_id}/"
    (data,) = _linked_data(pages_site / "data" / "index.html")
    urls = [d["contentUrl"] for d in data["distribution"]]
    assert f"{PAGES_SITE_URL}data/vagar.json" in urls


# --- link previews ---------------------------------------------------------------------------


def _meta(head: Any, key: str) -> str | None:
    tag = head.find("meta", attrs={"property": key}) or head.find("meta", attrs={"name": key})
    return None if tag is None else str(tag["content"])


@pytest.mark.parametrize("built", ["site", "pages_site"])
def test_every_page_has_opengraph_and_twitter_tags(built: str, request: Any) -> None:
    site: Path = request.getfixturevalue(built)
    for file in _html_pages(site):
        head = _soup(file).head
        title = head.title.get_text() if head.title else ""
        assert _meta(head, "og:site_name") == "Vägar till jobb", file
        assert _meta(head, "og:locale") == "sv_SE"
        assert _meta(head, "og:title") and title.startswith(str(_meta(head, "og:title")))
        assert _meta(head, "og:description") == _meta(head, "description"), file
        # Twitter (X) reads og:title, og:description and og:image when its own are missing
        # (issue 15: not written twice).
        for twice in ("twitter:title", "twitter:description", "twitter:image"):
            assert _meta(head, twice) is None, (file, twice)
        if built == "pages_site":
            assert _meta(head, "og:image") == PAGES_SITE_URL + SHARE_IMAGE
            assert _meta(head, "twitter:card") == "summary_large_image"
            if file.name == "index.html":
                assert _meta(head, "og:url") == PAGES_SITE_URL + file.parent.relative_to(
                    site
                ).as_posix().removeprefix(".").lstrip("/") + ("/" if file.parent != site else "")
        else:
            assert _meta(head, "og:image") is None and _meta(head, "og:url") is None
            assert _meta(head, "twitter:card") == "summary"


def test_the_share_image_is_a_whole_png(site: Path) -> None:
    data = (site / SHARE_IMAGE).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks = []
    at = 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        (crc,) = struct.unpack(">I", data[at + 8 + length : at + 12 + length])
        assert zlib.crc32(kind + body) == crc, kind
        chunks.append((kind, body))
        at += 12 + length
    assert [k for k, _ in chunks] == [b"IHDR", b"IDAT", b"IEND"]
    width, height, depth, colour = struct.unpack(">IIBB", chunks[0][1][:10])
    assert (width, height, depth, colour) == (WIDTH, HEIGHT, 8, 2)
    pixels = zlib.decompress(chunks[1][1])
    assert len(pixels) == HEIGHT * (1 + 3 * WIDTH)
    assert b"\xff\xff\xff" in pixels  # the route is drawn


# --- sitemap and robots.txt ------------------------------------------------------------------


def test_the_sitemap_lists_every_page_once_with_the_sub_path(pages_site: Path) -> None:
    root = ET.parse(pages_site / "sitemap.xml").getroot()
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locs = [str(loc.text) for loc in root.iter(f"{ns}loc")]
    assert len(locs) == len(set(locs))
    pages = {
        PAGES_SITE_URL + (f.parent.relative_to(pages_site).as_posix() + "/").removeprefix("./")
        for f in pages_site.rglob("index.html")
    }
    # Each language's site has its own sitemap, and robots.txt names all three.
    translated = {
        page for page in pages if page.startswith((f"{PAGES_SITE_URL}en/", f"{PAGES_SITE_URL}ar/"))
    }
    assert set(locs) == pages - translated
    assert f"{PAGES_SITE_URL}data/" in locs
    robots = (pages_site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert f"Sitemap: {PAGES_SITE_URL}sitemap.xml" in robots
    for code in ("en", "ar"):
        assert f"Sitemap: {PAGES_SITE_URL}{code}/sitemap.xml" in robots
        tree = ET.parse(pages_site / code / "sitemap.xml").getroot()
        listed = {str(loc.text) for loc in tree.iter(f"{ns}loc")}
        assert listed == {
            page for page in translated if page.startswith(f"{PAGES_SITE_URL}{code}/")
        }


def test_without_site_url_robots_txt_names_no_sitemap(site: Path) -> None:
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert robots.startswith("User-agent: *\n")
    assert not re.search(r"(?im)^sitemap:", robots)
