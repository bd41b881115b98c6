"""The "Ny väg" issue form and `vagar from-issue`: the form's fields are the ones the parser
reads, an issue body as GitHub renders it becomes a valid path, and every problem names the
form field it belongs to."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import REPO_ROOT, make_project

from generator.authoring.choices import Choices, load_choices
from generator.authoring.issue_form import NO_RESPONSE, form_fields, parse_sections
from generator.authoring.path_yaml import SCHEMA_LINE
from generator.cli import main
from generator.content import ContentLayout, load_content
from generator.fields import field_table

FORM = REPO_ROOT / ".github" / "ISSUE_TEMPLATE" / "ny-vag.yml"
FIELDS = form_fields()
DROPDOWNS = {
    "occupation": "occupations",
    "situations": "situations",
    "age_band": "age-bands",
    "county": "counties",
    "outcome": "outcomes",
}
CONSENT = (
    "- [X] Deltagaren har sagt ja till att vägen publiceras.\n"
    "- [X] Texten innehåller inga namn, personnummer, telefonnummer, adresser, datum eller "
    "exakt ålder."
)


def _label(field_id: str) -> str:
    return next(f.label for f in FIELDS if f.id == field_id)


def render_body(answers: dict[str, str]) -> str:
    """An issue body as GitHub renders a submitted form: a heading per field, in form order,
    with _No response_ for the ones left empty."""
    parts = []
    for form_field in FIELDS:
        answer = answers.get(form_field.id, "").strip()
        parts.append(f"### {form_field.label}\n\n{answer or NO_RESPONSE}")
    return "\n\n".join(parts) + "\n"


ANSWERS = {
    "title": "Från lagret till elcentralen",
    "summary": "Hen var utan arbete i två år och blev elektriker efter yrkesvux.",
    "occupation": "Elektriker",
    "situations": "Långtidsarbetslös, Ung, 15–24 år",  # noqa: RUF001 - the vocabulary's label
    "age_band": "15–24 år",  # noqa: RUF001 - the vocabulary's label
    "county": "Gävleborgs län",
    "municipality": "Gävle",
    "year": "2024",
    "background": "Hen hade arbetat på ett lager och ville byta bana.",
    "steps": (
        "kartlaggning | Samtal med vägledare | Arbetsförmedlingen | 2 | De gick igenom jobb.\n"
        "\n"
        "- Kurs eller yrkesutbildning | Elinstallation | arbetsformedlingen, Exempel El AB "
        "| 36 veckor | Hen läste el | och praktiserade."
    ),
    "outcome": "Arbete",
    "outcome_text": "Anställd som elektriker hos ett elföretag.",
    "what_helped": "",
    "quote": "",
    "tips": "- Gör ett studiebesök innan du bestämmer dig.\n- Fråga efter validering.",
    "documented_by": "Arbetsförmedlingen",
    "consent": CONSENT,
}


def _from_issue(root: Path, body: str, *extra: str) -> int:
    issue = root / "issue.md"
    issue.write_text(body, encoding="utf-8")
    return main(["from-issue", str(issue), "--root", str(root), *extra])


def _paths(root: Path) -> list[str]:
    return sorted(p.name for p in (root / "content" / "paths").iterdir())


# The form


def test_the_form_has_the_fields_the_parser_reads() -> None:
    form = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    fields = [element for element in form["body"] if element["type"] != "markdown"]

    # The form's ids are the table's answer names and its labels the table's form labels; the
    # form keeps its own order (title first), the table the order of the questions.
    table = {f.answer: (f.form, f.required) for f in field_table("path").asked if f.form}
    assert sorted(f["id"] for f in fields) == sorted(table)
    for element in fields:
        label, required_by_schema = table[element["id"]]
        assert element["attributes"]["label"] == label, element["id"]
        required = element.get("validations", {}).get("required", False)
        if element["type"] == "checkboxes":
            required = all(option["required"] for option in element["attributes"]["options"])
        assert required == required_by_schema, element["id"]
    assert {(f.id, f.label) for f in FIELDS} == {(k, v[0]) for k, v in table.items()}


def test_the_dropdowns_offer_exactly_the_vocabularies() -> None:
    form = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    dropdowns = {e["id"]: e["attributes"] for e in form["body"] if e["type"] == "dropdown"}

    assert set(dropdowns) == set(DROPDOWNS)
    for field_id, vocabulary in DROPDOWNS.items():
        terms = yaml.safe_load(
            (REPO_ROOT / "content" / "vocabulary" / f"{vocabulary}.yaml").read_text("utf-8")
        )
        assert dropdowns[field_id]["options"] == [t["label"] for t in terms], field_id
    assert dropdowns["situations"].get("multiple") is True


def test_the_steps_description_lists_every_step_type() -> None:
    form = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    steps = next(e for e in form["body"] if e.get("id") == "steps")["attributes"]
    for option in load_choices(REPO_ROOT).options("step-types"):
        assert f"`{option.id}`" in steps["description"]
    assert "typ | rubrik | aktörer | veckor | vad som hände" in steps["description"]


@pytest.mark.parametrize(
    ("schema", "file"),
    [
        ("vendor.github-issue-forms", "ny-vag.yml"),
        ("vendor.github-issue-config", "config.yml"),
    ],
)
def test_the_issue_templates_pass_githubs_schemas(schema: str, file: str) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            schema,
            str(FORM.parent / file),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# From an issue body to a path


def test_an_issue_body_becomes_a_valid_commented_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {})

    assert _from_issue(root, render_body(ANSWERS)) == 0

    assert _paths(root) == ["fran-lagret-till-elcentralen.yaml"]
    file = root / "content" / "paths" / "fran-lagret-till-elcentralen.yaml"
    text = file.read_text(encoding="utf-8")
    assert text.startswith(SCHEMA_LINE + "\n")
    content, findings = load_content(ContentLayout(root))
    assert content is not None, [f.format() for f in findings]
    data = yaml.safe_load(text)
    assert data["situations"] == ["langtidsarbetslos", "ung"]
    assert (data["age_band"], data["county"], data["municipality"]) == ("15-24", "21", "2180")
    assert data["steps"][1] == {
        "type": "utbildning",
        "title": "Elinstallation",
        "actors": ["arbetsformedlingen", "exempel-elforetag"],
        "weeks": 36,
        "text": "Hen läste el | och praktiserade.",
    }
    assert data["tips"] == [
        "Gör ett studiebesök innan du bestämmer dig.",
        "Fråga efter validering.",
    ]
    assert "what_helped" not in data and "quote" not in data
    assert "Skrev content/paths/fran-lagret-till-elcentralen.yaml" in capsys.readouterr().err


def test_windows_line_ends_and_dry_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path, {})
    body = render_body(ANSWERS).replace("\n", "\r\n")

    assert _from_issue(root, body, "--dry-run") == 0

    assert capsys.readouterr().out.startswith(SCHEMA_LINE)
    assert _paths(root) == []


def test_the_body_can_come_from_standard_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {})
    monkeypatch.setattr("sys.stdin", _StringInput(render_body(ANSWERS)))

    assert main(["from-issue", "-", "--root", str(root)]) == 0

    assert _paths(root) == ["fran-lagret-till-elcentralen.yaml"]


class _StringInput:
    def __init__(self, text: str) -> None:
        self.text = text

    def read(self) -> str:
        return self.text


def _sample_paths(keep: Callable[[dict[str, Any]], bool]) -> Path:
    for file in sorted((REPO_ROOT / "content" / "paths").glob("*.yaml")):
        if keep(yaml.safe_load(file.read_text(encoding="utf-8"))):
            return file
    raise AssertionError("no sample path of that kind")


def _body_for(data: dict[str, Any], choices: Choices) -> str:
    """The issue body a counsellor would have submitted for the path ``data``."""

    def label(vocabulary: str, option_id: str) -> str:
        return next(o.label for o in choices.options(vocabulary) if o.id == option_id)

    municipality = data.get("municipality")
    tracks = [
        (t["title"], label("occupations", t["occupation"]) if "occupation" in t else "", t)
        for t in data.get("tracks_considered", [])
    ]
    return render_body(
        {
            "title": data["title"],
            "summary": data["summary"],
            "occupation": label("occupations", data["occupation"]),
            "situations": ", ".join(label("situations", s) for s in data["situations"]),
            "age_band": label("age-bands", data["age_band"]),
            "county": label("counties", data["county"]),
            "municipality": label("municipalities", municipality) if municipality else "",
            "year": str(data["year"]),
            "background": data["background"],
            "steps": "\n".join(
                f"{s['type']} | {s['title']} | {', '.join(s['actors'])} | {s['weeks']} | "
                + " ".join(s["text"].split())
                + (
                    " | arbetsgivarnas återkoppling: " + " ".join(s["employer_feedback"].split())
                    if "employer_feedback" in s
                    else ""
                )
                for s in data["steps"]
            ),
            "tracks_considered": "\n".join(
                f"{title} | {occupation} | {'ja' if t['chosen'] else 'nej'} | "
                + " ".join(t["why"].split())
                for title, occupation, t in tracks
            ),
            "outcome": label("outcomes", data["outcome"]["type"]),
            "outcome_text": data["outcome"]["text"],
            "what_helped": data.get("what_helped", ""),
            "quote": data.get("quote", ""),
            "tips": "\n".join(f"- {tip}" for tip in data.get("tips", [])),
            "documented_by": label("actors", data["documented_by"]),
            "consent": CONSENT,
        }
    )


@pytest.mark.parametrize(
    "keep",
    [
        pytest.param(lambda d: "municipality" in d and "tips" in d, id="with-municipality"),
        pytest.param(lambda d: "municipality" not in d, id="without-municipality"),
        pytest.param(lambda d: "ung" in d["situations"], id="young"),
        pytest.param(
            lambda d: any("employer_feedback" in s for s in d["steps"]), id="employer-feedback"
        ),
    ],
)
def test_a_sample_path_round_trips_through_an_issue(
    tmp_path: Path, keep: Callable[[dict[str, Any]], bool]
) -> None:
    root = tmp_path / "project"
    shutil.copytree(REPO_ROOT / "content", root / "content")
    sample = _sample_paths(keep)
    original = yaml.safe_load(sample.read_text(encoding="utf-8"))
    sample_in_copy = root / "content" / "paths" / sample.name
    sample_in_copy.unlink()  # the new file would share its municipality combination
    before = set(_paths(root))

    assert _from_issue(root, _body_for(original, load_choices(root))) == 0

    (new_file,) = set(_paths(root)) - before
    data = yaml.safe_load((root / "content" / "paths" / new_file).read_text(encoding="utf-8"))
    original["id"] = data["id"]
    # The form is for real paths: what it writes is never an example.
    assert data.pop("example") is False and original.pop("example") is True
    for item in [*original["steps"], *original.get("tracks_considered", [])]:
        for key in ("text", "employer_feedback", "why"):
            if key in item:
                item[key] = " ".join(item[key].split())
    assert data == original
    content, findings = load_content(ContentLayout(root))
    assert content is not None, [f.format() for f in findings]


# Problems name the form field


def _problems(tmp_path: Path, capsys: pytest.CaptureFixture[str], **changes: str) -> list[str]:
    root = make_project(tmp_path, {})
    assert _from_issue(root, render_body({**ANSWERS, **changes})) == 1
    assert _paths(root) == []
    return capsys.readouterr().err.splitlines()


def test_an_empty_required_field_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    problems = _problems(tmp_path, capsys, title="", outcome="")

    assert "Fältet ”Rubrik”: saknas — fyll i fältet i ärendet" in problems
    assert "Fältet ”Resultat”: saknas — fyll i fältet i ärendet" in problems


WRONG_STEPS = (
    "kartlaggning | Samtal med vägledare | arbetsformedlingen | 2 | De gick igenom jobb.\n"
    "rymdresa | Elinstallation | arbetsformedlingen | många | Hen läste el.\n"
    "praktik | Praktik hos elföretaget | arbetsformedlingen"
)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param(
            {
                "municipality": "Kiruna",
                "year": "2999",
                "documented_by": "Okänd organisation",
                "summary": "Kort.",
            },
            [
                "Fältet ”Kommun”: 'Kiruna' finns inte bland valen",
                "Fältet ”År då vägen slutade”: ska vara mellan 2000 och",
                "Fältet ”Dokumenterad av”: 'Okänd organisation' finns inte bland valen",
                "Fältet ”Sammanfattning”: är för kort",
            ],
            id="each-field",
        ),
        pytest.param(
            {"steps": WRONG_STEPS},
            [
                "Fältet ”Steg”: steg 2: typ: 'rymdresa' finns inte bland valen",
                "Fältet ”Steg”: steg 2: veckor: skriv ett helt antal veckor",
                "Fältet ”Steg”: steg 3: skriv fem delar åtskilda med |",
            ],
            id="the-step-and-the-part",
        ),
    ],
)
def test_wrong_answers_name_their_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], changes: dict[str, str], expected: list[str]
) -> None:
    """All wrong answers of one issue are named together, each with its field."""
    problems = "\n".join(_problems(tmp_path, capsys, **changes))

    for message in expected:
        assert message in problems


def test_a_checker_finding_names_the_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    step = "praktik | Praktik på ett lager | arbetsformedlingen | 1 | Hen provade på lagerarbete."
    problems = _problems(tmp_path, capsys, steps="\n".join([step] * 21))

    assert any(
        p.startswith("Fältet ”Steg”: content/paths/fran-lagret-till-elcentralen.yaml:")
        and "steps: har fler än 20 punkter — behåll de viktigaste" in p
        for p in problems
    ), problems


def test_unticked_consent_stops_the_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    problems = _problems(tmp_path, capsys, consent=CONSENT.replace("[X]", "[ ]", 1))

    assert any(p.startswith("Fältet ”Samtycke och anonymitet”: deltagaren måste") for p in problems)


def test_a_body_without_the_form_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {})

    assert _from_issue(root, "Hej! Jag vill lägga till en väg.\n") == 1

    assert "hittade inga rubriker" in capsys.readouterr().err


def test_an_unreadable_issue_file_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {})

    assert main(["from-issue", str(tmp_path / "saknas.md"), "--root", str(root)]) == 2

    err = capsys.readouterr().err
    assert "vagar: kan inte läsa ärendets text från" in err
    assert "Traceback" not in err


def test_a_heading_inside_an_answer_stays_text() -> None:
    body = render_body({**ANSWERS, "background": "Hen skrev ### Yrke i texten.\n### Okänd"})
    sections = parse_sections(body)

    assert sections[_label("background")] == "Hen skrev ### Yrke i texten.\n### Okänd"
    assert sections[_label("occupation")] == "Elektriker"
    assert sections[_label("quote")] == ""


# Hostile and damaged issue texts (fail closed)


def test_the_consent_boxes_are_the_forms() -> None:
    form = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    consent = next(e for e in form["body"] if e.get("id") == "consent")
    boxes = [option["label"] for option in consent["attributes"]["options"]]
    assert boxes == field_table("path").get("consent").extra["boxes"]
    assert len(boxes) == 2


def test_one_consent_box_of_two_is_not_enough(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    only_one = CONSENT.split("\n")[0]
    problems = _problems(tmp_path, capsys, consent=only_one)
    assert any("Samtycke och anonymitet" in p for p in problems), problems


def test_html_comments_never_reach_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {})
    background = "Hen hade arbetat på ett lager <!-- Anna Svensson, 070-1234567 -->och ville byta."
    body = render_body({**ANSWERS, "background": background}) + "<!-- osynlig\n"
    assert _from_issue(root, body) == 0
    written = (root / "content/paths" / _paths(root)[0]).read_text(encoding="utf-8")
    assert "<!--" not in written and "Anna" not in written and "osynlig" not in written
    assert "lager och ville byta." in written


def test_a_heading_typed_into_an_answer_stops_the_conversion(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    background = "Hen hade arbetat på ett lager.\n\n### Citat\n\nJag ville bara jobba."
    problems = _problems(tmp_path, capsys, background=background)
    assert "rubriken ”### Citat” finns två gånger" in "\n".join(problems), problems


def test_a_byte_order_mark_does_not_hide_the_first_heading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {})
    assert _from_issue(root, "\ufeff" + render_body(ANSWERS)) == 0
    assert _paths(root) == ["fran-lagret-till-elcentralen.yaml"]


@pytest.mark.parametrize("character", ["\x00", "\x1b", "\u202e", "\x85"])
def test_control_characters_are_refused_by_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], character: str
) -> None:
    problems = _problems(tmp_path, capsys, title=f"Från lagret{character} till elcentralen")
    wanted = f"Fältet ”Rubrik”: innehåller ett osynligt styrtecken (U+{ord(character):04X})"
    assert any(p.startswith(wanted) for p in problems), problems
