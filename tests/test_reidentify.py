"""Re-identification: a municipality is shown only where it cannot single a person out."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import THEME_DIR, VALID_PATH, make_project, with_path_id

from generator.content import ContentLayout, load_content
from generator.enrich import enrich
from generator.render import load_strings, make_environment, render_site

# The tests here pin the English messages (``--lang en``).
pytestmark = pytest.mark.usefixtures("english_messages")


SMALL = VALID_PATH.replace('municipality: "2180"', 'municipality: "2101"')  # Ockelbo


def _check(tmp_path: Path, paths: dict[str, str]) -> tuple[list[str], dict[str, str]]:
    root = make_project(tmp_path, paths)
    content, findings = load_content(ContentLayout(root), this_year=2025)
    assert content is not None
    pages = render_site(enrich(content), make_environment(THEME_DIR, load_strings(THEME_DIR)))
    return [f.format() for f in findings], {p.url: p.html for p in pages}


def test_a_unique_combination_hides_the_municipality(tmp_path: Path) -> None:
    warnings, pages = _check(tmp_path, {"giltig-vag.yaml": VALID_PATH})
    assert warnings == [
        "content/paths/giltig-vag.yaml:9:15: municipality: warning: the municipality will not "
        "be shown, only the county: no other path has the same municipality, occupation, age "
        "band and year"
    ]
    assert "Gävle," not in pages["vagar/giltig-vag/"]
    assert "Gävleborgs län" in pages["vagar/giltig-vag/"]


def test_a_shared_combination_in_a_large_municipality_is_shown(tmp_path: Path) -> None:
    warnings, pages = _check(
        tmp_path,
        {"giltig-vag.yaml": VALID_PATH, "andra.yaml": with_path_id(VALID_PATH, "andra")},
    )
    assert warnings == []
    assert "Gävle, " in pages["vagar/giltig-vag/"]


def test_a_small_municipality_is_never_shown(tmp_path: Path) -> None:
    warnings, pages = _check(
        tmp_path, {"giltig-vag.yaml": SMALL, "andra.yaml": with_path_id(SMALL, "andra")}
    )
    assert len(warnings) == 2
    assert all("Ockelbo has fewer than 20 000 inhabitants" in w for w in warnings)
    assert "Ockelbo" not in pages["vagar/giltig-vag/"]


def test_naming_a_hidden_municipality_in_the_text_or_id_is_a_warning(tmp_path: Path) -> None:
    text = with_path_id(VALID_PATH, "el-i-gavle").replace(
        "title: Från lagret till elcentralen", "title: Från lagret i Gävle till elcentralen"
    )
    warnings, _ = _check(tmp_path, {"el-i-gavle.yaml": text})
    mentions = [w for w in warnings if "which is hidden" in w]
    assert [w.split(": ")[1] for w in mentions] == ["id", "title"]
