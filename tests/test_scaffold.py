"""`vagar new`: scripted answers and flags both end in a commented file that passes the check;
vocabulary answers are matched loosely; user text reaches the file only through PyYAML; the
template in CONTRIBUTING.md passes the check too."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import REPO_ROOT, VALID_PATH, make_project

from generator.authoring.choices import Option, load_choices, match, match_many, unique_id
from generator.authoring.path_yaml import SCHEMA_LINE
from generator.cli import main
from generator.content import ContentLayout, load_content
from generator.load import parse_document
from generator.words import slugify

ANSWERS = [
    "ja",  # consent
    "elektrker",  # occupation, misspelt
    "långtidsarbetslös, ung",  # situations
    "2",  # age band, by its number in the list: 25-34
    "gävleborg",  # county, part of the label
    "Gävle",  # municipality
    "2024",  # year
    "Från lagret till elcentralen",  # title
    "Hen var utan arbete i två år och blev elektriker efter yrkesvux.",  # summary
    "Hen hade arbetat på ett lager och ville byta bana.",  # background
    "kartläggning",  # step 1: type
    "Samtal med vägledare",
    "arbetsförmedlingen",
    "2",
    "De gick igenom lediga jobb i länet.",
    "",  # what employers said: skipped
    "utbildning",  # step 2: type
    "Elinstallation på yrkesvux",
    "arbetsformedlingen, exempel el",
    "36 veckor",
    "Hen läste elinstallation och praktiserade hos elföretaget.",
    "",  # what employers said: skipped
    "",  # no third step
    "arbete",  # outcome, by label
    "Anställd som elektriker hos ett elföretag.",
    "",  # what helped: skipped
    "",  # follow-up: skipped
    "",  # quote: skipped
    "Gör ett studiebesök innan du bestämmer dig.",
    "",  # no more tips
    "Arbetsförmedlingen",  # documented by, by name
    "",  # no tracks considered
]

FLAGS = [
    "--no-input",
    "--consent",
    "--title",
    "Från lagret till elcentralen",
    "--summary",
    "Hen var utan arbete i två år och blev elektriker efter yrkesvux.",
    "--occupation",
    "elektriker",
    "--situation",
    "langtidsarbetslos",
    "--age-band",
    "25-34",
    "--background",
    "Hen hade arbetat på ett lager och ville byta bana.",
    "--county",
    "21",
    "--year",
    "2024",
    "--step",
    "kartlaggning | Samtal med vägledare | arbetsformedlingen | 2 | De gick igenom jobb.",
    "--step",
    "utbildning | Elinstallation | arbetsformedlingen, exempel-elforetag | 36 | Hen läste el.",
    "--outcome",
    "anstallning",
    "--outcome-text",
    "Anställd som elektriker hos ett elföretag.",
    "--documented-by",
    "arbetsformedlingen",
]


class Script:
    """Answers a list of questions in order and remembers what was asked."""

    def __init__(self, answers: list[str]) -> None:
        self.answers: Iterator[str] = iter(answers)
        self.prompts: list[str] = []

    def __call__(self, prompt: str) -> str:
        self.prompts.append(prompt)
        try:
            return next(self.answers)
        except StopIteration:
            raise EOFError from None


def _check(root: Path) -> None:
    """The project passes `vagar check` and the content model has the new path."""
    content, findings = load_content(ContentLayout(root))
    assert content is not None, [f.format() for f in findings]
    assert main(["check", "--root", str(root)]) == 0


def _only_path(root: Path) -> Path:
    (file,) = (root / "content" / "paths").iterdir()
    return file


def written(root: Path) -> tuple[str, dict[str, Any]]:
    """The text and data of the one path file in the project; the content model loads."""
    text = _only_path(root).read_text(encoding="utf-8")
    content, findings = load_content(ContentLayout(root))
    assert content is not None, [f.format() for f in findings]
    return text, yaml.safe_load(text)


def _refused(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    *flags: str,
    input_fn: Callable[[str], str] = input,
    code: int = 1,
) -> str:
    """`vagar new` in a project with no paths exits with ``code`` and writes no file; returns
    what it wrote to stderr."""
    root = make_project(tmp_path, {})
    assert main(["new", "--root", str(root), *flags], input_fn=input_fn) == code
    assert not list((root / "content" / "paths").iterdir())
    return capsys.readouterr().err


# Interactive


def test_scripted_answers_write_a_valid_commented_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {})
    script = Script(ANSWERS)

    code = main(["new", "--root", str(root)], input_fn=script)

    assert code == 0, capsys.readouterr().err
    file = _only_path(root)
    assert file.name == "fran-lagret-till-elcentralen.yaml"
    _check(root)
    text = file.read_text(encoding="utf-8")
    assert text.startswith(SCHEMA_LINE + "\n")
    assert "occupation: elektriker  # Elektriker\n" in text
    assert 'county: "21"  # Gävleborgs län\n' in text
    assert 'municipality: "2180"  # Gävle\n' in text
    assert "      - exempel-elforetag  # Exempel El AB\n" in text
    data = yaml.safe_load(text)
    assert data["situations"] == ["langtidsarbetslos", "ung"]
    assert data["age_band"] == "25-34"
    assert data["outcome"] == {
        "type": "anstallning",
        "text": "Anställd som elektriker hos ett elföretag.",
    }
    assert [s["weeks"] for s in data["steps"]] == [2, 36]
    assert data["tips"] == ["Gör ett studiebesök innan du bestämmer dig."]
    assert "what_helped" not in data and "quote" not in data
    assert "Skrev content/paths/fran-lagret-till-elcentralen.yaml" in capsys.readouterr().err


def test_wrong_answers_are_asked_again(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path, {})
    answers = list(ANSWERS)
    answers[1:2] = ["astronaut", "elektriker"]  # no such occupation, then a real one
    year = answers.index("2024")
    answers[year : year + 1] = ["2999", "förra året", "2024"]
    title = answers.index("Från lagret till elcentralen")
    answers[title : title + 1] = ["El", "Från lagret till elcentralen"]  # too short first
    script = Script(answers)

    assert main(["new", "--root", str(root)], input_fn=script) == 0

    err = capsys.readouterr().err
    assert "'astronaut' finns inte bland valen" in err
    assert "ska vara mellan 2000 och" in err
    assert "ska vara ett helt tal" in err
    assert "är för kort" in err
    _check(root)


def test_question_mark_lists_every_actor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {})
    answers = list(ANSWERS)
    documenter = answers.index("Arbetsförmedlingen")
    answers[documenter : documenter + 1] = ["?", "arbetsformedlingen"]

    assert main(["new", "--root", str(root)], input_fn=Script(answers)) == 0

    assert "Exempel El AB" in capsys.readouterr().err


def test_no_consent_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = _refused(tmp_path, capsys, input_fn=Script(["nej"]))

    assert "samtycke" in err


def test_end_of_input_stops_without_a_file_or_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _refused(tmp_path, capsys, input_fn=Script(ANSWERS[:5]))

    assert "Avbrutet" in err


# Flags


def test_flags_write_a_valid_file_without_asking(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {})
    script = Script([])

    assert main(["new", "--root", str(root), *FLAGS], input_fn=script) == 0

    assert script.prompts == []
    _check(root)
    data = yaml.safe_load(_only_path(root).read_text(encoding="utf-8"))
    assert data["id"] == "fran-lagret-till-elcentralen"
    assert data["steps"][1]["actors"] == ["arbetsformedlingen", "exempel-elforetag"]
    assert "municipality" not in data


def test_flags_and_questions_mix(tmp_path: Path) -> None:
    root = make_project(tmp_path, {})
    flags = [f for f in FLAGS if f != "--no-input"]
    at = flags.index("--documented-by")
    del flags[at : at + 2]
    # Asked: municipality, what helped, follow-up, quote and tips (all skipped),
    # documented_by, then the tracks considered (skipped).
    script = Script(["", "", "", "", "", "arbetsformedlingen", ""])

    assert main(["new", "--root", str(root), *flags], input_fn=script) == 0

    assert len(script.prompts) == 7
    assert script.prompts[-2].startswith("Aktören som dokumenterade vägen")
    _check(root)


def test_missing_flags_are_all_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = _refused(tmp_path, capsys, "--no-input", "--title", "Från lagret till elen", code=2)

    for flag in ("--consent", "--occupation", "--situation", "--year", "--step", "--outcome"):
        assert flag in err
    assert "--title" not in err


def test_wrong_flags_are_named_with_the_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    flags = list(FLAGS)
    flags[flags.index("elektriker")] = "astronaut"
    flags[flags.index("2024")] = "2999"
    flags[flags.index("--step") + 1] = "kartlaggning | Samtal | arbetsformedlingen | två"

    err = _refused(tmp_path, capsys, *flags)

    assert "--occupation: 'astronaut' finns inte bland valen" in err
    assert "--year: ska vara mellan 2000 och" in err
    assert "--step: steg 1: skriv fem delar" in err


def test_dry_run_prints_the_file_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {})

    assert main(["new", "--root", str(root), "--dry-run", *FLAGS]) == 0

    assert capsys.readouterr().out.startswith(SCHEMA_LINE)
    assert not list((root / "content" / "paths").iterdir())


def test_an_id_can_be_chosen_and_must_be_valid(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {})

    assert main(["new", "--root", str(root), *FLAGS, "--id", "Elektriker i Gävle"]) == 1
    assert "--id: använd bara a-z" in capsys.readouterr().err
    assert main(["new", "--root", str(root), *FLAGS, "--id", "elektriker-i-gavle"]) == 0

    assert _only_path(root).name == "elektriker-i-gavle.yaml"
    assert main(["new", "--root", str(root), *FLAGS, "--id", "elektriker-i-gavle"]) == 1
    assert "id: filen finns redan — välj ett annat id" in capsys.readouterr().err
    _check(root)


def test_an_id_in_use_gets_a_number(tmp_path: Path) -> None:
    existing = VALID_PATH.replace("id: giltig-vag", "id: fran-lagret-till-elcentralen")
    root = make_project(tmp_path, {"fran-lagret-till-elcentralen.yaml": existing})

    assert main(["new", "--root", str(root), *FLAGS]) == 0

    assert (root / "content" / "paths" / "fran-lagret-till-elcentralen-2.yaml").is_file()
    _check(root)


def test_an_invalid_project_stops_the_new_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {"giltig-vag.yaml": VALID_PATH.replace("weeks: 2", "weeks: 0")})

    assert main(["new", "--root", str(root), *FLAGS]) == 1

    err = capsys.readouterr().err
    assert "content/paths/giltig-vag.yaml:18:12: steps[0].weeks: ska vara minst 1" in err
    assert "Filen skrevs inte" in err
    assert sorted(p.name for p in (root / "content" / "paths").iterdir()) == ["giltig-vag.yaml"]


TRICKY_TEXTS = [
    'Hen sa: "det går" # inte en kommentar',
    "- inte en lista, & inget ankare, *inget alias*, {inte: en karta}",
    "yes, no, on, off, null, ~",
    "Första stycket.\n\nAndra stycket: med kolon och 100 % procent.",
    "  Inleds med mellanslag\n    och indrag som ska synas",
    "Slutar med kolon:",
    "'enkla' och \"dubbla\" citattecken \\ och ett bakåtsnedstreck",
    "%TAG ! och --- och ... ser ut som YAML-direktiv",
    # A long indented line: PyYAML's folded block would change it, so it is quoted instead.
    "Första raden.\n    Indragen rad som är lång och " + "fortsätter länge " * 5,
]


@pytest.mark.parametrize("text", TRICKY_TEXTS)
def test_user_text_is_written_as_typed(tmp_path: Path, text: str) -> None:
    root = make_project(tmp_path, {})
    flags = list(FLAGS)
    flags[flags.index("--background") + 1] = text
    tip = text.replace("\n", " ")
    flags += ["--quote", text, "--tip", tip, "--tip", "yes", "--tip", "123"]

    assert main(["new", "--root", str(root), *flags]) == 0

    file = _only_path(root)
    document, problems = parse_document(file.read_text(encoding="utf-8"), file.name)
    assert document is not None, problems
    expected = "\n".join(line.rstrip() for line in text.strip().split("\n"))
    assert document.data["background"] == expected
    assert document.data["quote"] == expected
    assert document.data["tips"] == [tip.strip(), "yes", "123"]


# Loose matching and ids


OCCUPATIONS = (
    Option("elektriker", "Elektriker"),
    Option("vvs-montor", "VVS-montör"),
    Option("underskoterska", "Undersköterska"),
    Option("lagerarbetare", "Lagerarbetare"),
)


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("elektriker", "elektriker"),  # id
        ("VVS-montör", "vvs-montor"),  # label
        ("vvs montor", "vvs-montor"),  # without accents and hyphen
        ("elektrker", "elektriker"),  # a typo
        ("undersköt", "underskoterska"),  # the start of a label
        ("3", "underskoterska"),  # number in the list
        ("  Lagerarbetare ", "lagerarbetare"),
    ],
)
def test_match_finds_the_option(answer: str, expected: str) -> None:
    found = match(answer, OCCUPATIONS)
    assert found.option is not None and found.option.id == expected


def test_match_offers_candidates_when_the_answer_is_ambiguous() -> None:
    found = match("er", OCCUPATIONS)
    assert found.option is None
    assert {o.id for o in found.candidates} == {"elektriker", "lagerarbetare", "underskoterska"}
    assert match("astronaut", OCCUPATIONS).option is None


def test_numbers_are_codes_not_positions_when_ids_are_numbers() -> None:
    counties = load_choices(REPO_ROOT).options("counties")
    found = match("3", counties)
    assert found.option is None
    exact = match("03", counties)
    assert exact.option is not None and exact.option.label == "Uppsala län"


def test_a_label_with_a_comma_is_one_choice() -> None:
    situations = load_choices(REPO_ROOT).options("situations")
    ung = next(s for s in situations if s.id == "ung")
    assert "," in ung.label

    chosen, problems = match_many(f"Nyanländ, {ung.label}, langtidsarbetslos", situations)

    assert problems == []
    assert [o.id for o in chosen] == ["nyanland", "ung", "langtidsarbetslos"]


def test_slug_and_unique_id() -> None:
    assert slugify("Från lagret till elcentralen!") == "fran-lagret-till-elcentralen"
    assert slugify("  Ärligt: Öl & Å  ") == "arligt-ol-a"
    long = slugify("ord " * 40)
    assert len(long) <= 70 and not long.endswith("-")
    assert unique_id("a", {"a", "a-2"}) == "a-3"
    assert unique_id("", set()) == "vag"


# The template in CONTRIBUTING.md


def test_the_template_in_contributing_passes_the_check(tmp_path: Path) -> None:
    guide = (REPO_ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```yaml\n(.*?)^```$", guide, flags=re.MULTILINE | re.DOTALL)
    assert len(blocks) == 1, "CONTRIBUTING.md should hold exactly one yaml block: the template"
    template = blocks[0]
    assert template.startswith(SCHEMA_LINE + "\n")
    data = yaml.safe_load(template)
    actor_ids = {data["documented_by"], *(a for step in data["steps"] for a in step["actors"])}
    assert "arbetsformedlingen" in actor_ids
    actors = {
        f"{a}.yaml": (REPO_ROOT / "content" / "actors" / f"{a}.yaml").read_text(encoding="utf-8")
        for a in actor_ids
    }
    root = make_project(tmp_path, {f"{data['id']}.yaml": template}, actors)

    content, findings = load_content(ContentLayout(root))

    assert content is not None, [f.format() for f in findings]
    assert [f for f in findings if f.severity == "error"] == []
    assert data["id"] in content.paths


# The exact file and questions (the sample content was written this way: keep them stable)

EXPECTED_FILE = """\
# yaml-language-server: $schema=../../generator/schema/path.schema.json
# En väg från ett utgångsläge till arbete eller studier. Kontrollera filen med
# `vagar check`. Skriv aldrig namn, personnummer, telefonnummer, e-post, adresser,
# exakta datum eller exakt ålder — bara år och åldersgrupp.

# Vägens id: samma som filnamnet utan .yaml.
id: fran-lagret-till-elcentralen
# Rubrik: en kort rad.
title: Från lagret till elcentralen
# Sammanfattning: en eller två meningar om var personen började och hamnade.
summary: Hen var utan arbete i två år och blev elektriker efter yrkesvux.
# Yrke: id från content/vocabulary/occupations.yaml.
occupation: elektriker  # Elektriker
# Utgångslägen: id från content/vocabulary/situations.yaml.
situations:
  - langtidsarbetslos  # Långtidsarbetslös
  - ung  # Ung, 15–24 år
# Åldersgrupp (aldrig exakt ålder): id från content/vocabulary/age-bands.yaml.
age_band: 25-34  # 25–34 år
# Bakgrund: erfarenhet och vad som stod i vägen, utan detaljer som pekar ut personen.
background: Hen hade arbetat på ett lager och ville byta bana.
# Län: länskoden inom citattecken, från content/vocabulary/counties.yaml.
county: "21"  # Gävleborgs län
# Kommun (valfri): kommunkoden inom citattecken. Små kommuner visas inte på sidan.
municipality: "2180"  # Gävle
# Året då vägen slutade (aldrig ett datum).
year: 2024
# Resultat: typ från content/vocabulary/outcomes.yaml och vad personen gör nu.
outcome:
  type: anstallning  # Arbete
  text: Anställd som elektriker hos ett elföretag.
# Stegen i den ordning de hände (minst två). Typ från content/vocabulary/step-types.yaml,
# aktörer är filnamn i content/actors/ utan .yaml, veckor är hela veckor.
# employer_feedback (valfritt): vad arbetsgivarna sa om deltagarens meriter och om vad som
# saknades.
steps:
  - type: kartlaggning  # Kartläggning och vägledning
    title: Samtal med vägledare
    actors:
      - arbetsformedlingen  # Arbetsförmedlingen
    weeks: 2
    text: De gick igenom lediga jobb i länet.
  - type: utbildning  # Kurs eller yrkesutbildning
    title: Elinstallation på yrkesvux
    actors:
      - arbetsformedlingen  # Arbetsförmedlingen
      - exempel-elforetag  # Exempel El AB
    weeks: 36
    text: Hen läste elinstallation och praktiserade hos elföretaget.
# Tips till andra i samma läge (valfritt, högst sex).
tips:
  - Gör ett studiebesök innan du bestämmer dig.
# Aktören som dokumenterade vägen: filnamn i content/actors/ utan .yaml.
documented_by: arbetsformedlingen  # Arbetsförmedlingen
# Deltagaren har sagt ja till att vägen publiceras.
consent: true
# true bara för en påhittad exempelväg: den visas märkt som exempel och tas inte med när
# webbplatsen byggs för publicering.
example: false
"""  # noqa: RUF001 - the vocabularies' labels


FEEDBACK_PROMPT = "vad arbetsgivarna sa om deltagarens meriter och om vad som saknades"


def test_the_interview_asks_these_questions_and_writes_exactly_this_file(tmp_path: Path) -> None:
    root = make_project(tmp_path, {})
    script = Script(ANSWERS)

    assert main(["new", "--root", str(root)], input_fn=script) == 0

    assert _only_path(root).read_text(encoding="utf-8") == EXPECTED_FILE
    year = datetime.date.today().year
    assert script.prompts == [
        "Har deltagaren sagt ja till att vägen publiceras? (ja/nej): ",
        "Yrke: ",
        "Utgångsläge (flera går bra, skilj dem åt med komma): ",
        "Åldersgrupp: ",
        "Län: ",
        "Kommun (valfritt, Enter hoppar över): ",
        f"År då vägen slutade (till exempel {year}): ",
        "Rubrik, en kort rad: ",
        "Sammanfattning, en eller två meningar: ",
        "Bakgrund: ",
        "Steg 1, typ: ",
        "Steg 1, rubrik: ",
        "Steg 1, aktörer (flera går bra, skilj dem åt med komma): ",
        "Steg 1, antal veckor: ",
        "Steg 1, vad som hände: ",
        f"Steg 1, {FEEDBACK_PROMPT} (valfritt, Enter hoppar över): ",
        "Steg 2, typ: ",
        "Steg 2, rubrik: ",
        "Steg 2, aktörer (flera går bra, skilj dem åt med komma): ",
        "Steg 2, antal veckor: ",
        "Steg 2, vad som hände: ",
        f"Steg 2, {FEEDBACK_PROMPT} (valfritt, Enter hoppar över): ",
        "Steg 3, typ (Enter när du är klar): ",
        "Resultat: ",
        "Vad personen gör nu: ",
        "Vad gjorde skillnad (valfritt, Enter hoppar över): ",
        "Hur det var vid uppföljningen (valfritt, Enter hoppar över): ",
        "Ett citat (valfritt, Enter hoppar över): ",
        "Tips 1 till andra (Enter när du är klar): ",
        "Tips 2 till andra (Enter när du är klar): ",
        "Aktören som dokumenterade vägen: ",
        "Spår 1, med några ord (valfritt, Enter hoppar över): ",
    ]


# Arguments that are not text, and content folders that are not plain (fail closed)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Från lagret\udcff till elen", "är inte giltig text"),
        ("Från lagret\x85 till elen", "U+0085"),
        ("Från lagret\x1b till elen", "U+001B"),
    ],
)
def test_text_that_cannot_go_into_a_file_is_refused_by_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], title: str, expected: str
) -> None:
    root = make_project(tmp_path, {})
    flags = list(FLAGS)
    flags[flags.index("--title") + 1] = title
    assert main(["new", "--root", str(root), *flags]) == 1
    err = capsys.readouterr().err
    assert "--title: " in err and expected in err
    assert list((root / "content/paths").iterdir()) == []


@pytest.mark.parametrize("kind", ["dev-zero", "dangling", "fifo"])
def test_new_checks_a_copy_without_following_links_or_opening_pipes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    import os

    root = make_project(tmp_path, {})
    special = root / "content/paths/konstig.yaml"
    if kind == "fifo":
        os.mkfifo(special)
    else:
        special.symlink_to("/dev/zero" if kind == "dev-zero" else root / "finns-inte")
    assert main(["new", "--root", str(root), *FLAGS]) == 1
    err = capsys.readouterr().err
    assert "content/paths/konstig.yaml:1:1:" in err
