"""My plan (/min-plan/, assets/vagar-plan-core.js and vagar-plan.js) in Chromium, served
under /repo/: made from a path, kept over a reload, edited, saved to a file, cleared and loaded
again; hostile files refused with a clear message and nothing changed; no request leaves the
origin; the keyboard alone; without JavaScript; and a path and a plan on paper (print
media)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import SUB_PATH, make_plan_from_path
from helpers import REPO_ROOT

pytestmark = pytest.mark.browser

STORED = """() => Object.keys(localStorage)
    .filter(key => key.startsWith('vagar-till-jobb:min-plan:'))
    .map(key => [key, localStorage.getItem(key)])"""
STEP_TITLES = (
    "() => [...document.querySelectorAll('.vagar-plan__step-title > span:last-child')]"
    ".map(s => s.textContent)"
)


def stored(page: Any) -> dict[str, Any] | None:
    """The plan in localStorage (there is one key, for the site under /repo/), or None."""
    found = page.evaluate(STORED)
    assert len(found) <= 1, found
    if not found:
        return None
    key, text = found[0]
    assert key == f"vagar-till-jobb:min-plan:/{SUB_PATH}/"
    plan: dict[str, Any] = json.loads(text)
    return plan


def path_data(page_types: dict[str, str]) -> dict[str, Any]:
    path_id = page_types["path"].split("/")[1]
    data: dict[str, Any] = yaml.safe_load(
        (REPO_ROOT / "content" / "paths" / f"{path_id}.yaml").read_text(encoding="utf-8")
    )
    return data


def titles(page: Any) -> list[str]:
    found: list[str] = page.evaluate(STEP_TITLES)
    return found


def strangers(page: Any, base_url: str) -> list[str]:
    origin = base_url.split(f"/{SUB_PATH}/")[0]
    return [url for url in page.requests if not url.startswith(origin + "/")]


def test_a_plan_made_from_a_path_is_still_there_after_a_reload(
    new_page: Any, base_url: str, page_types: dict[str, str]
) -> None:
    page = new_page()
    make_plan_from_path(page, base_url, page_types["path"])
    assert page.url == f"{base_url}min-plan/"
    data = path_data(page_types)
    expected = [step["title"].strip() for step in data["steps"]]
    assert titles(page) == expected
    plan = stored(page)
    assert plan is not None
    assert plan["source"] == {"url": page_types["path"], "title": data["title"].strip()}
    assert [step["weeks"] for step in plan["steps"]] == [step["weeks"] for step in data["steps"]]
    assert all(step["actors"] and not step["done"] for step in plan["steps"])
    page.reload()
    page.wait_for_selector(".vagar-plan__step")
    assert titles(page) == expected
    source = page.locator(".vagar-plan__source a")
    assert source.text_content() == data["title"].strip()
    assert source.evaluate("a => a.href") == base_url + page_types["path"]
    assert not page.problems and not page.failures
    assert not strangers(page, base_url)


def test_edit_save_clear_and_load_the_file_gives_the_same_plan(
    new_page: Any, base_url: str, page_types: dict[str, str], tmp_path: Path
) -> None:
    page = new_page(accept_downloads=True)
    make_plan_from_path(page, base_url, page_types["path"])
    page.requests.clear()
    steps = page.locator(".vagar-plan__step")
    count = steps.count()
    steps.nth(0).get_by_role("checkbox").check()
    page.wait_for_function("() => document.querySelector('.vagar-plan__status').textContent")
    page.get_by_label("Vad vill du göra?").fill("Ringa elföretaget i Gävle")
    page.get_by_label("Typ av steg").select_option("Praktik")
    page.get_by_label("Hur många veckor (om du vet)").fill("1")
    page.get_by_role("button", name="Lägg till steget").click()
    page.wait_for_function(
        f"() => document.querySelectorAll('.vagar-plan__step').length === {count + 1}"
    )
    last = steps.nth(count)
    last.locator(".vagar-plan__up").click()
    page.wait_for_function(
        "n => document.querySelectorAll('.vagar-plan__step')[n].textContent"
        ".includes('Ringa elföretaget')",
        arg=count - 1,
    )
    steps.nth(1).get_by_label("Anteckning till steg 2").fill("Fråga om lärlingsplats.")
    page.get_by_label("Anteckningar till hela planen").fill("Ring handläggaren på måndag.")
    page.wait_for_function(
        "() => Object.values(localStorage).some(v => v.includes('Ring handläggaren på måndag.'))"
    )
    before = stored(page)
    assert before is not None
    assert before["steps"][0]["done"] is True
    assert before["steps"][count - 1]["title"] == "Ringa elföretaget i Gävle"
    assert before["steps"][count - 1] == {
        "title": "Ringa elföretaget i Gävle",
        "type": "Praktik",
        "weeks": 1,
        "actors": [],
        "done": False,
        "note": "",
    }
    assert before["steps"][1]["note"] == "Fråga om lärlingsplats."
    shown = titles(page)

    with page.expect_download() as download_info:
        page.get_by_role("button", name="Spara planen som fil").click()
    download = download_info.value
    assert download.suggested_filename == "min-plan.json"
    saved = tmp_path / "min-plan.json"
    download.save_as(saved)
    assert json.loads(saved.read_text(encoding="utf-8")) == before

    page.get_by_role("button", name="Radera hela planen").click()
    page.get_by_role("button", name="Ja, radera allt").click()
    page.wait_for_function("() => document.querySelectorAll('.vagar-plan__step').length === 0")
    assert stored(page) is None
    assert page.locator(".vagar-plan__empty").is_visible()

    page.get_by_label("Läs in en plan från en fil").set_input_files(saved)
    page.wait_for_function(
        f"() => document.querySelectorAll('.vagar-plan__step').length === {count + 1}"
    )
    assert stored(page) == before
    assert titles(page) == shown
    assert page.get_by_label("Anteckningar till hela planen").input_value() == (
        "Ring handläggaren på måndag."
    )
    assert steps.nth(0).get_by_role("checkbox").is_checked()

    assert not page.problems and not page.failures
    # No request at all during any of it: the file is saved from a blob: address made in the
    # page, and read with the File API.
    assert page.requests == [], page.requests


HOSTILE_PLAN = {
    "format": "vagar-till-jobb/min-plan",
    "version": 1,
    "source": None,
    "notes": "",
    "steps": [
        {
            "title": '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">',
            "type": "Praktik",
            "weeks": 1,
            "actors": [],
            "done": False,
            "note": "",
        }
    ],
}
HOSTILE_FILES = {
    "script-in-a-title": (
        json.dumps(HOSTILE_PLAN).encode(),
        "Filen är inte en plan från Vägar till jobb: den innehåller text som ser ut som kod "
        "(steps[1].title). Inget har ändrats.",
    ),
    "ten-megabytes-of-text": (
        b"A" * (10 * 1024 * 1024),
        "Filen är för stor för att vara en plan (10240 kB, högst 1024 kB). Inget har ändrats.",
    ),
    "wrong-json-shape": (
        json.dumps([{"title": "Ett steg"}]).encode(),
        "Filen är inte en plan från Vägar till jobb: den saknar märkningen för Min plan. Inget "
        "har ändrats.",
    ),
    "steps-not-a-list": (
        json.dumps({**HOSTILE_PLAN, "steps": {"title": "x"}}).encode(),
        "Filen är inte en plan från Vägar till jobb: stegen saknas eller är fel. Inget har "
        "ändrats.",
    ),
    "a-field-of-its-own": (
        json.dumps({**HOSTILE_PLAN, "steps": [], "onload": "alert(1)"}).encode(),
        "Filen är inte en plan från Vägar till jobb: den har ett fält som inte hör hemma i en "
        "plan (onload). Inget har ändrats.",
    ),
    "not-json": (
        b"<html><script>alert(1)</script></html>",
        "Filen går inte att läsa som en plan. Välj en fil som du har sparat från Min plan. Inget "
        "har ändrats.",
    ),
}


@pytest.mark.parametrize("name", list(HOSTILE_FILES))
def test_a_hostile_file_gives_a_clear_message_runs_nothing_and_changes_nothing(
    new_page: Any, base_url: str, page_types: dict[str, str], name: str
) -> None:
    content, message = HOSTILE_FILES[name]
    page = new_page()
    make_plan_from_path(page, base_url, page_types["path"])
    before = stored(page)
    shown = titles(page)
    page.requests.clear()
    page.get_by_label("Läs in en plan från en fil").set_input_files(
        {"name": f"{name}.json", "mimeType": "application/json", "buffer": content}
    )
    alert = page.get_by_role("alert").filter(has_text="Inget har ändrats")
    alert.wait_for()
    assert alert.text_content() == message
    assert stored(page) == before
    assert titles(page) == shown
    assert page.evaluate("window.__pwned") is None
    assert page.locator(".vagar-plan img, .vagar-plan__steps script").count() == 0
    assert not page.problems  # no dialog, no error
    assert not strangers(page, base_url)


def test_typed_markup_is_refused_so_that_a_saved_plan_always_loads(
    new_page: Any, base_url: str, page_types: dict[str, str]
) -> None:
    page = new_page()
    make_plan_from_path(page, base_url, page_types["path"])
    before = stored(page)
    page.locator(".vagar-plan__step").first.locator(".vagar-plan__rename").click()
    field = page.get_by_label("Nytt namn på steg 1")
    field.fill("<img src=x onerror=alert(1)>")
    field.press("Enter")
    page.get_by_role("alert").filter(has_text="ser ut som kod").wait_for()
    assert stored(page) == before
    assert field.get_attribute("aria-invalid") == "true"
    field.fill("Samtal om <3 saker")  # a < that is not markup is fine
    field.press("Enter")
    page.wait_for_function("() => document.querySelector('.vagar-plan__status').textContent")
    plan = stored(page)
    assert plan is not None and plan["steps"][0]["title"] == "Samtal om <3 saker"
    assert not page.problems


def test_the_plan_works_with_the_keyboard_alone(
    new_page: Any, base_url: str, page_types: dict[str, str]
) -> None:
    page = new_page()
    page.goto(base_url + page_types["path"])
    page.evaluate("localStorage.clear()")

    def tab_to(predicate: str, limit: int = 200) -> None:
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate(f"(el => !!el && ({predicate}))(document.activeElement)"):
                outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
                assert outline != "none", predicate
                return
        raise AssertionError(f"never focused: {predicate}")

    tab_to("el.matches('.vagar-make-plan__button')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_selector(".vagar-plan__step")
    first, second = titles(page)[:2]

    tab_to("el.type === 'checkbox'")
    page.keyboard.press("Space")
    page.wait_for_function("() => document.querySelector('.vagar-plan__step--done')")

    tab_to("el.matches('.vagar-plan__down')")
    page.keyboard.press("Enter")
    page.wait_for_function(
        f"([a, b]) => {{ const t = ({STEP_TITLES})(); return t[0] === a && t[1] === b; }}",
        arg=[second, first],
    )
    # Focus stays with the moved step, now second.
    assert page.evaluate(
        "document.activeElement.closest('li') === document.querySelectorAll('.vagar-plan__step')[1]"
    )

    tab_to("el.matches('.vagar-plan__rename')")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.type") == "text"
    page.keyboard.press("Control+A")
    page.keyboard.type("Mitt eget namn")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => document.querySelector('.vagar-plan__status').textContent.includes('Mitt eget namn')"
    )

    page.locator("#innehall").focus()
    tab_to("el.id === 'plan-add-title'")
    page.keyboard.type("Skriva cv")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => document.querySelector('.vagar-plan__status').textContent.includes('Skriva cv')"
    )
    assert titles(page)[-1] == "Skriva cv"

    tab_to("el.matches('.vagar-plan__clear')")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.textContent") == "Ja, radera allt"
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelectorAll('.vagar-plan__step').length === 0")
    assert stored(page) is None
    assert not page.problems


def test_without_javascript_the_pages_say_so_and_offer_printing(
    browser: Any, base_url: str, page_types: dict[str, str]
) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base_url + "min-plan/")
        # (Playwright's text locators do not look inside <noscript>; CSS selectors do.)
        note = page.locator(".vagar-plan__noscript")
        assert note.is_visible()
        assert "Min plan behöver JavaScript, och det är avstängt" in (note.text_content() or "")
        assert note.locator("a").get_attribute("href") == "../yrken/"
        assert not page.locator(".vagar-plan__app").is_visible()
        page.goto(base_url + page_types["path"])
        note = page.locator(".vagar-next p").filter(has_text="Du kan skriva ut vägen i stället")
        assert note.first.is_visible()
        assert not page.get_by_role("button", name="Gör till min plan").is_visible()
    finally:
        context.close()


CHROME = (
    ".md-header",
    ".md-tabs",
    ".md-sidebar--primary",
    ".md-footer",
    ".vagar-next",
    "section[aria-labelledby=similar]",
    "pagefind-modal-trigger",
)


def test_a_path_prints_as_its_story_and_steps_with_links_written_out(
    new_page: Any, base_url: str, page_types: dict[str, str]
) -> None:
    page = new_page()
    page.goto(base_url + page_types["path"])
    page.wait_for_selector(".vagar-path a[data-print-href]", state="attached")
    page.emulate_media(media="print")
    for selector in CHROME:
        assert page.locator(selector).count() > 0, selector
        assert not page.locator(selector).first.is_visible(), selector
    for selector in ("h1", ".vagar-lead", ".vagar-facts", "ol.vagar-timeline", "#outcome"):
        assert page.locator(selector).first.is_visible(), selector
    after = page.evaluate(
        """() => [...document.querySelectorAll('.vagar-timeline a, .vagar-facts a')]
            .map(a => [a.getAttribute('href'), getComputedStyle(a, '::after').content])"""
    )
    assert after
    for href, content in after:
        absolute = page.evaluate("href => new URL(href, document.baseURI).href", href)
        assert absolute.startswith(base_url)
        assert content == f'" ({absolute})"', (href, content)
    page.emulate_media(media="screen")
    assert page.locator(".md-header").is_visible()
    nothing = page.evaluate(
        "getComputedStyle(document.querySelector('.vagar-facts a'), '::after').content"
    )
    assert nothing == "none"


def test_a_plan_prints_as_its_steps_and_notes(
    new_page: Any, base_url: str, page_types: dict[str, str]
) -> None:
    page = new_page()
    make_plan_from_path(page, base_url, page_types["path"])
    page.get_by_label("Anteckning till steg 1").fill("Ta med betygen.")
    page.emulate_media(media="print")
    for selector in (*CHROME[:4], ".vagar-plan__add", ".vagar-plan__step-button", "textarea"):
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator(".vagar-plan__step").first.is_visible()
    assert page.get_by_text("Ta med betygen.").is_visible()
