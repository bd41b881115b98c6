"""Issue 16: the site in Swedish (root), English (en/) and Arabic (ar/, right to left).

On the built sample site: each language's pages, path stories only once (in Swedish), the
language switch and hreflang links, translated labels and search words; in the browser:
switching language, searching in English and Arabic, the reader's language on a Swedish story.
The checker and the build refuse a missing translation at its line.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import RESULT_LINK
from helpers import REPO_ROOT, make_project, ui_strings
from playwright.sync_api import expect

from generator.cli import main
from generator.render import StringsError, load_strings

pytestmark = pytest.mark.usefixtures("english_messages")

VOCABULARY = REPO_ROOT / "content" / "vocabulary"


def _terms(name: str) -> dict[str, dict[str, Any]]:
    terms = yaml.safe_load((VOCABULARY / f"{name}.yaml").read_text(encoding="utf-8"))
    return {term["id"]: term for term in terms}


def _sample_paths() -> list[dict[str, Any]]:
    return [
        yaml.safe_load(file.read_text(encoding="utf-8"))
        for file in sorted((REPO_ROOT / "content" / "paths").glob("*.yaml"))
    ]


def _html(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def _electrician_paths() -> set[str]:
    return {p["id"] for p in _sample_paths() if p["occupation"] == "elektriker"}


@pytest.mark.parametrize(("code", "direction"), [("sv", "ltr"), ("en", "ltr"), ("ar", "rtl")])
def test_each_language_has_its_site_in_its_direction(site: Path, code: str, direction: str) -> None:
    folder = "" if code == "sv" else code
    home = _html(site, folder)
    html, body = home.find("html"), home.find("body")
    assert html is not None and html["lang"] == code
    assert body is not None and body["dir"] == direction
    heading = home.find("h1")
    assert heading is not None and heading.get_text(strip=True) == ui_strings(code)["site_name"]


def test_path_stories_exist_once_in_swedish(site: Path) -> None:
    stories = {folder.parent.name for folder in (site / "vagar").glob("*/index.html")}
    assert stories == {p["id"] for p in _sample_paths()}
    for code in ("en", "ar"):
        assert not (site / code / "vagar").exists()
        assert not (site / code / "pagefind").exists()  # one search index for every language


@pytest.mark.parametrize("code", ["en", "ar"])
def test_translated_lists_show_translated_labels_and_lead_to_the_swedish_story(
    site: Path, code: str
) -> None:
    occupation = _terms("occupations")["elektriker"]
    page = _html(site, f"{code}/yrken/elektriker")
    heading = page.find("h1")
    assert heading is not None and heading.get_text(strip=True) == occupation[code]["label"]
    cards = page.select(".vagar-card")
    assert len(cards) == len(_electrician_paths())
    note = ui_strings(code)["language"]["story_in_swedish"]
    for card in cards:
        link = card.select_one(".vagar-card__title a")
        assert link is not None and link["hreflang"] == "sv"
        assert re.fullmatch(r"\.\./\.\./\.\./vagar/[a-z0-9-]+/", str(link["href"]))
        assert (site / code / "yrken" / "elektriker" / str(link["href"]) / "index.html").is_file()
        assert card.select_one('[lang="sv"]') is not None
        language_note = card.select_one(".vagar-card__language")
        assert language_note is not None and language_note.get_text(strip=True) == note


def test_the_language_switch_and_hreflang_lead_to_the_same_page(site: Path) -> None:
    for code, folder in (("sv", ""), ("en", "en/"), ("ar", "ar/")):
        page = _html(site, f"{folder}yrken/elektriker")
        switch = page.select(".vagar-languages a[hreflang]")
        names = {a["hreflang"]: a.get_text(strip=True) for a in switch}
        assert names == {"sv": "Svenska", "en": "English", "ar": "العربية"}
        current = [a["hreflang"] for a in switch if a.get("aria-current") == "true"]
        assert current == [code]
        base = site / folder / "yrken" / "elektriker"
        for link in switch:
            target = (base / str(link["href"])).resolve()
            expected = site / ("" if link["hreflang"] == "sv" else str(link["hreflang"]))
            assert target == (expected / "yrken" / "elektriker").resolve()
        alternates = page.select('head link[hreflang][rel~="alternate"]')
        assert {a["hreflang"] for a in alternates} == {"sv", "en", "ar"}


def test_a_path_story_marks_its_labels_for_the_readers_language_and_has_no_false_alternates(
    site: Path,
) -> None:
    path = next(p for p in _sample_paths() if p["occupation"] == "elektriker")
    page = _html(site, f"vagar/{path['id']}")
    terms = json.loads((site / "assets" / "vagar-terms.json").read_text(encoding="utf-8"))
    occupation = _terms("occupations")["elektriker"]
    label = page.select_one('.vagar-facts [data-term="occupations:elektriker"]')
    assert label is not None and label.get_text(strip=True) == occupation["label"]
    first_type = path["steps"][0]["type"]
    assert page.select_one(f'.vagar-step__type [data-term="step-types:{first_type}"]')
    for code in ("en", "ar"):
        assert terms[code]["terms"]["occupations:elektriker"] == occupation[code]["label"]
        step_type = _terms("step-types")[first_type][code]["label"]
        assert terms[code]["terms"][f"step-types:{first_type}"] == step_type
        assert terms[code]["units"]["weeks"] == ui_strings(code)["weeks"]
    # Only the Swedish story exists: no hreflang alternates in the head.
    assert not page.select("head link[hreflang]")


def test_the_arabic_route_figure_is_drawn_right_to_left(site: Path) -> None:
    for code, from_right in (("sv", False), ("ar", True)):
        folder = "" if code == "sv" else f"{code}/"
        svg = _html(site, f"{folder}yrken/elektriker").select_one("svg.vagar-route__svg")
        assert svg is not None
        width = int(str(svg["width"]))
        bars = svg.select("rect.vagar-route__bar")
        assert bars
        for bar in bars:
            x, bar_width = int(str(bar["x"])), int(str(bar["width"]))
            assert (x + bar_width == width) if from_right else (x == 0)
        labels = svg.select("text.vagar-route__label")
        assert all((t.get("text-anchor") == "end") == from_right for t in labels)


def test_the_404_page_speaks_every_language(site: Path) -> None:
    page = BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "html.parser")
    for code in ("en", "ar"):
        section = page.select_one(f'section[lang="{code}"]')
        assert section is not None
        assert ui_strings(code)["not_found"]["title"] in section.get_text()


def test_a_missing_translation_of_a_term_is_an_error_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project(tmp_path, {})
    file = project / "content" / "vocabulary" / "situations.yaml"
    text = file.read_text(encoding="utf-8")
    start = text.index("- id: nyanland")
    entry_line = text[:start].count("\n") + 1
    arabic = text.index("\n  ar:\n", start)
    end = text.find("\n- id:", arabic)
    file.write_text(text[:arabic] + text[end:], encoding="utf-8")
    assert main(["check", "--root", str(project)]) == 1
    out = capsys.readouterr().out
    assert f"content/vocabulary/situations.yaml:{entry_line}:" in out
    assert "ar" in out


def test_a_missing_ui_string_in_a_translation_names_it(tmp_path: Path) -> None:
    locales = tmp_path / "locales"
    locales.mkdir()
    for code in ("sv", "en"):
        source = REPO_ROOT / "theme" / "locales" / f"{code}.yml"
        (locales / f"{code}.yml").write_text(source.read_text(encoding="utf-8"), "utf-8")
    english = yaml.safe_load((locales / "en.yml").read_text(encoding="utf-8"))
    del english["home"]["intro"]
    (locales / "en.yml").write_text(yaml.safe_dump(english, allow_unicode=True), "utf-8")
    with pytest.raises(StringsError) as raised:
        load_strings(tmp_path, language="en")
    assert "home.intro" in str(raised.value)


@pytest.mark.browser
def test_switching_language_on_an_occupation_page_lands_on_the_same_occupation(
    new_page: Any, base_url: str
) -> None:
    page = new_page()
    page.goto(base_url + "yrken/elektriker/")
    occupation = _terms("occupations")["elektriker"]
    for code in ("en", "ar"):
        page.locator(".vagar-languages summary").click()
        page.locator(f'.vagar-languages a[hreflang="{code}"]').click()
        page.wait_for_url(f"**/{code}/yrken/elektriker/")
        assert page.locator("h1").inner_text() == occupation[code]["label"]
    assert page.evaluate("document.body.dir") == "rtl"
    assert not page.problems


@pytest.mark.browser
@pytest.mark.parametrize(("code", "term"), [("en", "electrician"), ("ar", "كهربائي")])
def test_searching_in_english_and_arabic_finds_the_electricians(
    new_page: Any, base_url: str, code: str, term: str
) -> None:
    page = new_page()
    page.goto(f"{base_url}{code}/sok/?q={term}")
    page.wait_for_selector(RESULT_LINK)
    hrefs = page.eval_on_selector_all(RESULT_LINK, "links => links.map(a => a.href)")
    found = {m.group(1) for href in hrefs if (m := re.search(r"/vagar/([a-z0-9-]+)/$", href))}
    assert found == _electrician_paths()
    assert not page.failures and not page.problems


@pytest.mark.browser
def test_a_swedish_story_shows_its_labels_in_the_readers_language(
    new_page: Any, base_url: str
) -> None:
    path = next(p for p in _sample_paths() if p["occupation"] == "elektriker")
    occupation = _terms("occupations")["elektriker"]
    page = new_page()
    page.goto(base_url + "ar/")  # the reader reads Arabic pages
    page.goto(f"{base_url}vagar/{path['id']}/")
    shown = page.locator('.vagar-facts [data-term="occupations:elektriker"]')
    expect(shown).to_have_text(occupation["ar"]["label"])
    assert shown.get_attribute("lang") == "ar"
    expect(page.locator(".vagar-l10n-note")).to_be_visible()
    assert page.locator("html").get_attribute("lang") == "sv"
    page.goto(base_url)  # back to Swedish
    page.goto(f"{base_url}vagar/{path['id']}/")
    shown = page.locator('.vagar-facts [data-term="occupations:elektriker"]')
    expect(shown).to_have_text(occupation["label"])
    assert not page.locator(".vagar-l10n-note").is_visible()


def test_the_easy_to_read_page_is_built_and_linked_from_home_and_accessibility(
    site: Path,
) -> None:
    page = _html(site, "lattlast")
    heading = page.find("h1")
    assert heading is not None and heading.get_text(strip=True) == "Så använder du Vägar till jobb"
    # One sentence a line, as easy-to-read Swedish is set.
    assert len(page.select("article br")) > 20
    for url in ("", "tillganglighet", "en", "ar"):
        links = [a["href"] for a in _html(site, url).select("article a[href]")]
        assert any(str(href).rstrip("/").endswith("lattlast") for href in links), url
