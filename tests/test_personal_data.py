"""The anonymity guard: personal data in free text is found, masked and reported by the checker;
ordinary numbers and the sample content raise no alarm."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import REPO_ROOT, VALID_PATH, make_project
from personal_data_corpus import clean_sentences, personal_sentences

from generator.cli import main
from generator.content import ContentLayout, load_content
from generator.personal_data import find_personal_data, mask

# The tests here pin the English messages (``--lang en``).
pytestmark = pytest.mark.usefixtures("english_messages")


PERSONAL = personal_sentences()
CLEAN = clean_sentences()


def test_the_corpora_are_large_enough() -> None:
    assert len(PERSONAL) >= 200
    assert len(CLEAN) >= 200
    assert {s.kind for s in PERSONAL} == {
        "identity number",
        "phone number",
        "e-mail address",
        "street address",
        "social media profile",
        "date",
        "exact age",
        "person name",
    }


def test_every_piece_of_personal_data_is_found_as_its_kind() -> None:
    missed = [
        (sample.kind, sample.sentence)
        for sample in PERSONAL
        if sample.kind not in {d.kind for d in find_personal_data(sample.sentence)}
    ]
    assert missed == []


def test_the_whole_value_is_covered() -> None:
    for sample in PERSONAL:
        if sample.value == sample.sentence:
            continue
        spans = [sample.sentence[d.start : d.end] for d in find_personal_data(sample.sentence)]
        assert any(sample.value in span or span in sample.value for span in spans), sample


def test_numbers_that_are_not_personal_data_raise_no_alarm() -> None:
    alarms = [(s, find_personal_data(s)) for s in CLEAN if find_personal_data(s)]
    assert alarms == []


def test_the_sample_content_raises_no_alarm() -> None:
    content, findings = load_content(ContentLayout(REPO_ROOT))
    assert content is not None
    assert [f.format() for f in findings if f.severity == "error"] == []


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("680314-1265", "68****-**65"),
        ("070-123 45 67", "07*-*** ** 67"),
        ("Anna", "A***"),
        ("Anna Lindqvist", "An** *******st"),
    ],
)
def test_values_are_masked(value: str, masked: str) -> None:
    assert mask(value) == masked


def test_known_place_and_organisation_names_are_not_names() -> None:
    known = frozenset({"Vilhelmina", "Karlstad", "Techmötet"})
    sentence = "Hon flyttade till Vilhelmina och gick på Techmötet."
    assert find_personal_data(sentence, known) == []
    assert [d.kind for d in find_personal_data(sentence)] == ["person name"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Mina projekt låg längst ner i cv:t.",
        "Hans första praktik var på ett lager.",
        "Per vecka blev det tre pass på verkstaden.",
        "Dag för dag blev det lättare.",
    ],
)
def test_names_that_are_swedish_words_start_sentences_freely(sentence: str) -> None:
    assert find_personal_data(sentence) == []


def _project_with_step_text(tmp_path: Path, text: str) -> Path:
    original = "    text: De gick igenom lediga jobb i länet.\n"
    assert original in VALID_PATH
    return make_project(tmp_path, {"giltig-vag.yaml": VALID_PATH.replace(original, text)})


def test_the_checker_reports_file_line_column_field_and_a_masked_value(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _project_with_step_text(
        tmp_path, "    text: Hon ringde 070-123 45 67 och fick ett studiebesök.\n"
    )
    assert main(["check", "--root", str(root)]) == 1
    out = capsys.readouterr().out
    assert (
        "content/paths/giltig-vag.yaml:19:22: steps[0].text: phone number ('07*-*** ** 67') — "
        "remove the phone number; contact details are never published"
    ) in out
    assert "070-123 45 67" not in out


def test_github_annotations_mask_the_value_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _project_with_step_text(tmp_path, "    text: Hennes personnummer är 680314-1263.\n")
    assert main(["check", "--root", str(root), "--format", "github"]) == 1
    out = capsys.readouterr().out
    assert "::error file=content/paths/giltig-vag.yaml,line=19,col=" in out
    assert "68****-**63" in out and "680314-1263" not in out


def test_a_finding_in_a_folded_block_points_at_its_line(tmp_path: Path) -> None:
    root = _project_with_step_text(
        tmp_path,
        "    text: >-\n      Hon gick på studiebesök och träffade\n"
        "      handledaren Anna Lindqvist som visade runt.\n",
    )
    content, findings = load_content(ContentLayout(root), this_year=2025)
    errors = [f for f in findings if f.severity == "error"]
    assert content is None
    assert [(f.line, f.column, f.field) for f in errors] == [(21, 19, "steps[0].text")]
    assert "person name ('An** *******st')" in errors[0].message
