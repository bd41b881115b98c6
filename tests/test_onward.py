"""What comes after a story: the link patterns (content/links.yaml, checked with located
findings), the links onward built from them, the glossary and its anchors, and the steps the
path page hands to "Gör till min plan"."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from helpers import REPO_ROOT, THEME_DIR, VALID_PATH, make_project

from generator.content import ContentLayout, load_content
from generator.enrich import enrich
from generator.glossary import SECTIONS
from generator.link_patterns import load_link_patterns
from generator.model import LinkPattern
from generator.onward import (
    PLAN_STRINGS_FILE,
    fill,
    occupation_links,
    path_links,
    plan_source,
)
from generator.render import RenderedPage, load_strings, make_environment, render_site

pytestmark = pytest.mark.usefixtures("english_messages")

LINKS = """\
occupation_description:
  url: https://example.org/ssyk/{ssyk}
  checked: "2026-12-01"
  status: attested
  source: Seen in public code, not documented.
occupation_outlook:
  url: https://example.org/
  checked: "2026-12-01"
  status: fallback
  source: No pattern could be found; the start page.
job_ads:
  url: https://example.org/jobb?q={occupation}
  checked: "2026-12-01"
  status: documented
  source: The site's own help page documents q.
"""


def write_links(root: Path, text: str) -> Path:
    file = root / "content" / "links.yaml"
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text, encoding="utf-8")
    return file


# --- The link patterns ------------------------------------------------------------------------


def test_the_projects_link_patterns_load_with_their_sources() -> None:
    patterns, findings = load_link_patterns(REPO_ROOT / "content" / "links.yaml", "links.yaml")
    assert findings == []
    assert set(patterns) == {"occupation_description", "occupation_outlook", "job_ads"}
    for pattern in patterns.values():
        assert pattern.url.startswith("https://")
        assert re.fullmatch(r"2026-\d\d-\d\d", pattern.checked)
        assert len(pattern.source) > 100, "say where the pattern comes from"
    assert patterns["occupation_outlook"].status == "fallback"


def test_a_project_without_the_file_has_no_links(tmp_path: Path) -> None:
    assert load_link_patterns(tmp_path / "links.yaml", "links.yaml") == ({}, [])


@pytest.mark.parametrize(
    ("old", "new", "where", "message"),
    [
        (
            "https://example.org/ssyk/{ssyk}",
            "https://example.org/ssyk/{kod}",
            "2:8: occupation_description.url",
            "unknown placeholder {kod} — use {ssyk}, {occupation}",
        ),
        (
            "https://example.org/jobb?q={occupation}",
            "https://example.org/jobb?q={occupation",
            "12:8: job_ads.url",
            "a placeholder is not closed — write it as {ssyk} or {occupation}",
        ),
        (
            '"2026-12-01"\n  status: fallback',
            '"2026-02-30"\n  status: fallback',
            "8:12: occupation_outlook.checked",
            "2026-02-30 is not a day in the calendar",
        ),
        (
            '"2026-12-01"\n  status: fallback',
            '"2999-01-01"\n  status: fallback',
            "8:12: occupation_outlook.checked",
            "2999-01-01 is in the future",
        ),
        (
            "https://example.org/jobb",
            "http://example.org/jobb",
            "12:8: job_ads.url",
            "",
        ),
        ("status: documented", "status: guessed", "14:11: job_ads.status", ""),
    ],
)
def test_bad_patterns_are_located_findings(
    tmp_path: Path, old: str, new: str, where: str, message: str
) -> None:
    assert old in LINKS
    file = write_links(tmp_path, LINKS.replace(old, new, 1))
    patterns, findings = load_link_patterns(file, "content/links.yaml")
    assert patterns == {}
    shown = [finding.format() for finding in findings]
    assert any(line.startswith(f"content/links.yaml:{where}: {message}") for line in shown), shown


def test_vagar_check_reports_the_file(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"giltig-vag.yaml": VALID_PATH})
    write_links(root, LINKS.replace("{ssyk}", "{kod}"))
    content, findings = load_content(ContentLayout(root), this_year=2025)
    assert content is None
    assert [f.format() for f in findings if f.file == "content/links.yaml"] == [
        "content/links.yaml:2:8: occupation_description.url: unknown placeholder {kod} — use "
        "{ssyk}, {occupation}"
    ]


def test_values_are_percent_encoded_into_the_pattern() -> None:
    content, _ = load_content(ContentLayout(REPO_ROOT))
    assert content is not None
    vvs = content.vocabularies.occupations["vvs-montor"]
    pattern = LinkPattern(
        kind="job_ads",
        url="https://x.se/s?q={occupation}&k={ssyk}",
        checked="",
        status="",
        source="",
    )
    assert fill(pattern, vvs) == "https://x.se/s?q=VVS-mont%C3%B6r&k=7125"
    hostile = LinkPattern(
        kind="x", url="https://x.se/{occupation}", checked="", status="", source=""
    )
    evil = type(vvs)("x", 'a/"><script>&b c', "d", "0000", "e")
    assert fill(hostile, evil) == "https://x.se/a%2F%22%3E%3Cscript%3E%26b%20c"


# --- The links onward -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, dict[str, RenderedPage]]:
    root = make_project(tmp_path_factory.mktemp("onward"), {"giltig-vag.yaml": VALID_PATH})
    write_links(root, LINKS)
    content, findings = load_content(ContentLayout(root), this_year=2025)
    assert content is not None, [f.format() for f in findings]
    site = enrich(content)
    pages = render_site(site, make_environment(THEME_DIR, load_strings(THEME_DIR)))
    return site, {page.url: page for page in pages}


def test_occupation_and_path_links_come_from_the_data(
    sample: tuple[object, dict[str, RenderedPage]],
) -> None:
    site, _pages = sample
    path = site.content.paths["giltig-vag"]  # type: ignore[attr-defined]
    links = site.content.links  # type: ignore[attr-defined]
    occupation = [
        (link.kind, link.href, link.fallback) for link in occupation_links(path.occupation, links)
    ]
    assert occupation == [
        ("occupation_description", "https://example.org/ssyk/7411", False),
        ("occupation_outlook", "https://example.org/", True),
        ("job_ads", "https://example.org/jobb?q=Elektriker", False),
        ("actors", "aktorer/", False),
    ]
    onward = [(link.kind, link.href, link.internal) for link in path_links(path, links)][3:]
    assert onward == [
        ("actors_in_county", "aktorer/lan/21/", True),
        ("actor_website", "https://arbetsformedlingen.se/", False),
    ]


def test_the_path_page_shows_the_links_and_the_plan_button(
    sample: tuple[object, dict[str, RenderedPage]],
) -> None:
    _site, pages = sample
    soup = BeautifulSoup(pages["vagar/giltig-vag/"].html, "html.parser")
    section = soup.select_one("section.vagar-next")
    assert section is not None and section.h2.get_text() == "Så kommer du vidare"
    hrefs = [a["href"] for a in section.select("ul.vagar-onward a")]
    assert hrefs == [
        "https://example.org/ssyk/7411",
        "https://example.org/",
        "https://example.org/jobb?q=Elektriker",
        "../../aktorer/lan/21/",
        "https://arbetsformedlingen.se/",
    ]
    assert "sök på Elektriker där" in section.get_text()  # the fallback says what to do
    box = section.select_one(".vagar-make-plan")
    assert box.has_attr("hidden") and box["data-plan-url"] == "../../min-plan/"
    assert section.select_one("script[src='../../assets/vagar-plan-core.js']") is not None


ONWARD_TEMPLATES = ("_onward.html", "_route.html", "path.html", "occupation.html", "plan.html")


@pytest.mark.parametrize("name", ONWARD_TEMPLATES)
def test_templates_hold_no_address_of_another_site(name: str) -> None:
    """The links onward come from content/links.yaml, never from the templates."""
    text = (THEME_DIR / "vagar" / name).read_text(encoding="utf-8")
    assert not re.search(r"https?://", text)


def test_the_occupation_page_without_link_patterns_still_links_the_comparison(
    tmp_path: Path,
) -> None:
    root = make_project(tmp_path, {"giltig-vag.yaml": VALID_PATH})
    content, _ = load_content(ContentLayout(root), this_year=2025)
    assert content is not None and content.links == {}
    pages = render_site(enrich(content), make_environment(THEME_DIR, load_strings(THEME_DIR)))
    html = next(page.html for page in pages if page.url == "yrken/elektriker/")
    links = BeautifulSoup(html, "html.parser").select("section.vagar-next a")
    assert [a["href"] for a in links] == ["../../aktorer/"]


# --- The plan's data block --------------------------------------------------------------------


def test_the_steps_for_the_plan_are_a_json_data_block_that_cannot_end_early(
    tmp_path: Path,
) -> None:
    hostile = VALID_PATH.replace(
        "title: Samtal med vägledare", "title: \"</script><script>alert(1)</script> & 'x'\""
    )
    root = make_project(tmp_path, {"giltig-vag.yaml": hostile})
    content, findings = load_content(ContentLayout(root), this_year=2025)
    assert content is not None, [f.format() for f in findings]
    pages = render_site(enrich(content), make_environment(THEME_DIR, load_strings(THEME_DIR)))
    html = next(page.html for page in pages if page.url == "vagar/giltig-vag/")
    block = BeautifulSoup(html, "html.parser").select_one("script.vagar-plan-source")
    assert block["type"] == "application/json"
    raw = html[html.index('class="vagar-plan-source">') :].split("</script>", 1)[0]
    assert "<" not in raw.split(">", 1)[1], "every < in the data is escaped"
    data = json.loads(block.string)
    assert data == plan_source(content.paths["giltig-vag"])
    assert data["url"] == "vagar/giltig-vag/"
    assert data["steps"][0] == {
        "type": "Kartläggning och vägledning",
        "title": "</script><script>alert(1)</script> & 'x'",
        "weeks": 2,
        "actors": ["Arbetsförmedlingen"],
    }


def test_the_plan_button_texts_come_from_one_cached_script_not_from_each_page(
    site: Path,
) -> None:
    """Issue 15: the block only works with JavaScript, so its texts are one file every path page
    loads (before vagar-plan-core.js, which builds the block), from theme/locales/sv.yml."""
    text = (site / PLAN_STRINGS_FILE).read_text(encoding="utf-8")
    prefix = "window.vagarPlanStrings = "
    assert text.startswith(prefix) and text.endswith(";\n")
    data = json.loads(text[len(prefix) : -2])
    plan = load_strings(THEME_DIR)["plan"]
    for key in ("make_hint", "make", "replace_question", "replace", "append", "cancel"):
        assert data[key] == plan[key], key
    for key in ("problems", "error_shape", "error_storage"):
        assert data[key] == plan["js"][key], key
    page = next((site / "vagar").glob("*/index.html")).read_text(encoding="utf-8")
    assert plan["make"] not in page and plan["replace_question"] not in page
    scripts = [str(s["src"]) for s in BeautifulSoup(page, "html.parser").select("script[src]")]
    strings_at = scripts.index("../../" + PLAN_STRINGS_FILE)
    assert scripts[strings_at + 1] == "../../assets/vagar-plan-core.js"


# --- The glossary -----------------------------------------------------------------------------


def test_the_glossary_explains_every_term_once_with_its_own_anchor(
    sample: tuple[object, dict[str, RenderedPage]],
) -> None:
    site, pages = sample
    vocab = site.content.vocabularies  # type: ignore[attr-defined]
    soup = BeautifulSoup(pages["ordlista/"].html, "html.parser")
    entries = soup.select(".vagar-glossary__list dt[id]")
    expected = sum(len(vocab.by_name()[name]) for name, _section, _prefix in SECTIONS)
    assert len(entries) == expected == site.glossary.count  # type: ignore[attr-defined]
    ids = [dt["id"] for dt in entries]
    assert len(set(ids)) == len(ids)
    assert "insats-utbildning" in ids and "resultat-utbildning" in ids
    words = {dt["id"]: dt.get_text() for dt in entries if dt["id"].startswith("ord-")}
    assert set(words.values()) >= {
        "Kartläggning",
        "Validering",
        "Yrkesvux",
        "Sfi",
        "Lönebidrag",
        "Nystartsjobb",
        "SSYK",
        "Mediantid",
    }
    for dt in entries:
        assert dt.find_next_sibling("dd").get_text(strip=True), dt["id"]


def test_path_pages_link_step_types_and_situations_to_their_entries(
    sample: tuple[object, dict[str, RenderedPage]],
) -> None:
    _site, pages = sample
    glossary_ids = {
        tag["id"] for tag in BeautifulSoup(pages["ordlista/"].html, "html.parser").find_all(id=True)
    }
    soup = BeautifulSoup(pages["vagar/giltig-vag/"].html, "html.parser")
    step_links = [a["href"] for a in soup.select(".vagar-step__type a")]
    assert step_links == [
        "../../ordlista/#insats-kartlaggning",
        "../../ordlista/#insats-utbildning",
    ]
    situation_links = [a["href"] for a in soup.select(".vagar-facts a") if "ordlista" in a["href"]]
    assert situation_links == ["../../ordlista/#utgangslage-langtidsarbetslos"]
    for href in step_links + situation_links:
        assert href.split("#")[1] in glossary_ids
