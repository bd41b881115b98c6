"""Stage 2, validate: every content problem becomes one finding with file, line, column, field
and a hint — checked through ``load_content`` and the ``vagar check`` command."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import (
    ARBETSFORMEDLINGEN,
    EXEMPEL_ELFORETAG,
    VALID_PATH,
    copy_fixture,
    make_project,
    with_path_id,
)

from generator.cli import main
from generator.content import ContentLayout, load_content
from generator.findings import Finding

# The tests here pin the English messages (``--lang en``).
pytestmark = pytest.mark.usefixtures("english_messages")


PATH_FILE = "content/paths/giltig-vag.yaml"


def check(
    tmp_path: Path, paths: dict[str, str], actors: dict[str, str] | None = None
) -> list[Finding]:
    """All findings for a project; asserts that a model is built exactly when there are none."""
    root = make_project(tmp_path, paths, actors)
    content, findings = load_content(ContentLayout(root), this_year=2025)
    errors = [f for f in findings if f.severity == "error"]
    assert (content is None) == bool(errors)
    return errors


def check_path(tmp_path: Path, text: str) -> Finding:
    """The one finding for a single path file ``giltig-vag.yaml`` with ``text``."""
    findings = check(tmp_path, {"giltig-vag.yaml": text})
    assert len(findings) == 1, [f.format() for f in findings]
    return findings[0]


def where(finding: Finding) -> tuple[str, int, int, str]:
    return finding.file, finding.line, finding.column, finding.field


def edit(old: str, new: str) -> str:
    """``VALID_PATH`` with one exact, unique edit."""
    assert VALID_PATH.count(old) == 1, old
    return VALID_PATH.replace(old, new)


# A valid project


def test_valid_project_has_no_findings_and_builds_the_model(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"giltig-vag.yaml": VALID_PATH})

    content, findings = load_content(ContentLayout(root), this_year=2025)

    assert [f for f in findings if f.severity == "error"] == []
    assert content is not None
    assert list(content.paths) == ["giltig-vag"]
    assert sorted(content.actors) == ["arbetsformedlingen", "exempel-elforetag"]
    assert len(content.vocabularies.counties) == 21
    assert len(content.vocabularies.municipalities) == 290
    path = content.paths["giltig-vag"]
    assert len(path.steps) == 2
    assert path.total_weeks == 38
    assert path.county.id == "21"
    assert path.municipality is not None and path.municipality.label == "Gävle"
    assert [a.id for a in path.actors] == ["arbetsformedlingen", "exempel-elforetag"]
    assert path.source == PATH_FILE


def test_valid_project_with_several_paths_counts_them(tmp_path: Path) -> None:
    findings = check(
        tmp_path,
        {
            "giltig-vag.yaml": VALID_PATH,
            "andra-vagen.yaml": with_path_id(VALID_PATH, "andra-vagen"),
        },
    )

    assert [f for f in findings if f.severity == "error"] == []


def test_municipality_is_optional(tmp_path: Path) -> None:
    assert check(tmp_path, {"giltig-vag.yaml": edit('municipality: "2180"\n', "")}) == []


def test_actor_serving_listed_counties_is_valid(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"giltig-vag.yaml": VALID_PATH})

    content, _ = load_content(ContentLayout(root), this_year=2025)

    assert content is not None
    actor = content.actors["exempel-elforetag"]
    assert not actor.nationwide
    assert [c.id for c in actor.counties] == ["21"]
    assert content.actors["arbetsformedlingen"].nationwide


# One test per kind of problem


# Problems that give exactly one finding: the edit of VALID_PATH (old text, new text), where the
# finding stands (line, column, field) and what its message says: it ``is``, ``has``,
# ``starts`` with or ``ends`` with the given text.
ONE_FINDING = {
    "missing-required-field": (
        "background: Han hade arbetat på ett lager och ville byta bana.\n",
        "",
        (1, 1, "background"),
        ("has", "the required field 'background' is missing"),
    ),
    "missing-required-field-in-a-step-points-at-the-step": (
        "    weeks: 36\n",
        "",
        (20, 5, "steps[1].weeks"),
        ("has", "the required field 'weeks' is missing"),
    ),
    # There is deliberately no place for a person's name.
    "unknown-field-name-lists-the-allowed-fields": (
        "age_band: 25-34\n",
        "age_band: 25-34\nname: Anna\n",
        (7, 7, "name"),
        ("starts", "unknown field 'name' — allowed fields: id, title,"),
    ),
    "unknown-vocabulary-id-in-a-list": (
        "- type: utbildning",
        "- type: utbilding",
        (20, 11, "steps[1].type"),
        ("ends", "did you mean 'utbildning'?"),
    ),
    "unknown-vocabulary-id-without-a-close-match-names-the-file": (
        "situations: [langtidsarbetslos]",
        "situations: [zzz]",
        (5, 14, "situations[0]"),
        ("has", "content/vocabulary/situations.yaml"),
    ),
    "unknown-actor-without-a-close-match-says-how-to-add-it": (
        "documented_by: arbetsformedlingen",
        "documented_by: helt-okand",
        (25, 16, "documented_by"),
        ("has", "add content/actors/helt-okand.yaml"),
    ),
    "county-without-quotes-asks-for-quotes": (
        'county: "21"',
        "county: 21",
        (8, 9, "county"),
        ("is", 'must be text — put the value in quotes, for example "21"'),
    ),
    "year-in-quotes-asks-for-a-number": (
        "year: 2024",
        'year: "2024"',
        (10, 7, "year"),
        ("has", "write the number without quotes"),
    ),
    "consent-false-is-refused": (
        "consent: true",
        "consent: false",
        (26, 10, "consent"),
        ("starts", "consent must be true"),
    ),
    **{
        f"consent-must-be-exactly-true-not-{name}": (
            "consent: true",
            f"consent: {value}",
            (26, 10, "consent"),
            ("has", "consent must be true"),
        )
        for name, value in (("quoted-true", '"true"'), ("1", "1"), ("ja", "ja"))
    },
    "consent-missing-is-refused": (
        "consent: true\n",
        "",
        (1, 1, "consent"),
        ("has", "the required field 'consent' is missing"),
    ),
    "year-in-the-future": (
        "year: 2024",
        "year: 2026",
        (10, 7, "year"),
        ("has", "the year 2026 is in the future"),
    ),
    "year-before-2000-is-refused": (
        "year: 2024",
        "year: 1999",
        (10, 7, "year"),
        ("is", "must be at least 2000"),
    ),
    "municipality-not-in-county": (
        'municipality: "2180"',
        'municipality: "0180"',
        (9, 15, "municipality"),
        ("has", "'0180' lies in county '01', not in county '21'"),
    ),
    "zero-weeks": (
        "weeks: 2\n",
        "weeks: 0\n",
        (18, 12, "steps[0].weeks"),
        ("is", "must be at least 1"),
    ),
    "string-too-long": (
        "title: Från lagret till elcentralen",
        "title: " + "x" * 91,
        (2, 8, "title"),
        ("starts", "is too long (91 characters, at most 90)"),
    ),
    "string-too-short": (
        "  text: Anställd som elektriker hos ett elföretag.",
        "  text: Jobb",
        (13, 9, "outcome.text"),
        ("has", "too short"),
    ),
    "title-on-two-lines-is-refused": (
        "title: Från lagret till elcentralen",
        'title: "Från lagret\\ntill elcentralen"',
        (2, 8, "title"),
        ("is", "must be a single line of text"),
    ),
    "same-situation-twice": (
        "[langtidsarbetslos]",
        "[langtidsarbetslos, langtidsarbetslos]",
        (5, 13, "situations"),
        ("has", "same value twice"),
    ),
    "syntax-error-is-reported-with-the-file-name": (
        "id: giltig-vag\n",
        "id: giltig-vag\nid: igen\n",
        (2, 1, ""),
        ("has", "appears twice"),
    ),
}


@pytest.mark.parametrize(("old", "new", "at", "says"), ONE_FINDING.values(), ids=list(ONE_FINDING))
def test_one_problem_gives_one_finding_where_it_stands(
    tmp_path: Path, old: str, new: str, at: tuple[int, int, str], says: tuple[str, str]
) -> None:
    finding = check_path(tmp_path, edit(old, new))

    assert where(finding) == (PATH_FILE, *at)
    how, text = says
    if how == "is":
        assert finding.message == text
    elif how == "has":
        assert text in finding.message
    elif how == "starts":
        assert finding.message.startswith(text)
    else:
        assert how == "ends", how
        assert finding.message.endswith(text)


def test_misspelt_field_suggests_the_right_one(tmp_path: Path) -> None:
    findings = check(tmp_path, {"giltig-vag.yaml": edit("summary:", "sumary:")})

    unknown = [f for f in findings if f.field == "sumary"]
    assert [where(f) for f in unknown] == [(PATH_FILE, 3, 9, "sumary")]
    assert unknown[0].message == "unknown field 'sumary' — did you mean 'summary'?"
    missing = [f for f in findings if f.field == "summary"]
    assert "the required field 'summary' is missing" in missing[0].message


def test_misspelt_field_in_a_step(tmp_path: Path) -> None:
    findings = check(tmp_path, {"giltig-vag.yaml": edit("    weeks: 2\n", "    veeks: 2\n")})

    unknown = [f for f in findings if f.field == "steps[0].veeks"]
    assert [where(f) for f in unknown] == [(PATH_FILE, 18, 12, "steps[0].veeks")]
    assert "did you mean 'weeks'?" in unknown[0].message


def test_unknown_vocabulary_id_suggests_the_closest(tmp_path: Path) -> None:
    finding = check_path(tmp_path, edit("occupation: elektriker", "occupation: elektrikr"))

    assert where(finding) == (PATH_FILE, 4, 13, "occupation")
    assert "'elektrikr'" in finding.message
    assert finding.message.endswith("— did you mean 'elektriker'?")


def test_unknown_actor_in_the_issue_format(tmp_path: Path) -> None:
    text = with_path_id(edit("[arbetsformedlingen]", "[arbetsformedlingn]"), "x")

    findings = check(tmp_path, {"x.yaml": text})

    assert [f.format() for f in findings] == [
        "content/paths/x.yaml:17:14: steps[0].actors[0]: unknown actor 'arbetsformedlingn'"
        " — did you mean 'arbetsformedlingen'?"
    ]


@pytest.mark.parametrize(
    ("old", "new", "field", "written"),
    [
        ('county: "21"\nmunicipality: "2180"', "county: 03", "county", "03"),
        ('municipality: "2180"', "municipality: 0114", "municipality", "0114"),
    ],
)
def test_quote_hint_repeats_a_leading_zero_as_written(
    tmp_path: Path, old: str, new: str, field: str, written: str
) -> None:
    # YAML reads 03 and 0114 as octal numbers (3 and 76); the hint must show what was typed.
    findings = check(tmp_path, {"giltig-vag.yaml": edit(old, new)})

    hints = [f.message for f in findings if f.field == field and "quotes" in f.message]
    assert hints == [f'must be text — put the value in quotes, for example "{written}"']


def test_this_year_is_not_the_future(tmp_path: Path) -> None:
    assert check(tmp_path, {"giltig-vag.yaml": edit("year: 2024", "year: 2025")}) == []


def test_id_differs_from_file_name(tmp_path: Path) -> None:
    findings = check(tmp_path, {"annat-namn.yaml": VALID_PATH})

    assert [where(f) for f in findings] == [("content/paths/annat-namn.yaml", 1, 5, "id")]
    assert "differs from the file name 'annat-namn.yaml'" in findings[0].message
    assert "set id: annat-namn" in findings[0].message


def test_two_paths_with_the_same_id(tmp_path: Path) -> None:
    findings = check(tmp_path, {"giltig-vag.yaml": VALID_PATH, "kopia.yaml": VALID_PATH})

    assert {where(f) for f in findings} == {("content/paths/kopia.yaml", 1, 5, "id")}
    messages = [f.message for f in findings]
    assert any(
        "the path id 'giltig-vag' is already used by content/paths/giltig-vag.yaml" in m
        for m in messages
    )
    assert any("differs from the file name 'kopia.yaml'" in m for m in messages)


def test_two_actor_files_with_the_same_id(tmp_path: Path) -> None:
    actors = {
        "arbetsformedlingen.yaml": ARBETSFORMEDLINGEN,
        "exempel-elforetag.yaml": EXEMPEL_ELFORETAG,
        "kopia.yaml": EXEMPEL_ELFORETAG,
    }

    findings = check(tmp_path, {"giltig-vag.yaml": VALID_PATH}, actors)

    duplicate = [f for f in findings if "already used" in f.message]
    assert [where(f) for f in duplicate] == [("content/actors/kopia.yaml", 1, 5, "id")]
    assert (
        "the actor id 'exempel-elforetag' is already used by "
        "content/actors/exempel-elforetag.yaml" in duplicate[0].message
    )


def test_invalid_id_form(tmp_path: Path) -> None:
    findings = check(tmp_path, {"giltig-vag.yaml": with_path_id(VALID_PATH, "Giltig_Vag")})

    assert [where(f) for f in findings] == [(PATH_FILE, 1, 5, "id"), (PATH_FILE, 1, 5, "id")]
    assert any("lowercase letters" in f.message for f in findings)


def test_a_file_name_that_is_not_an_id_is_refused_unread(tmp_path: Path) -> None:
    findings = check(tmp_path, {"Giltig_Vag.yaml": with_path_id(VALID_PATH, "Giltig_Vag")})

    assert [where(f) for f in findings] == [("content/paths/Giltig_Vag.yaml", 1, 1, "")]
    assert "lowercase letters" in findings[0].message


def test_too_few_steps(tmp_path: Path) -> None:
    one_step = VALID_PATH.split("  - type: utbildning")[0] + (
        "documented_by: arbetsformedlingen\nconsent: true\nexample: false\n"
    )

    finding = check_path(tmp_path, one_step)

    assert where(finding) == (PATH_FILE, 15, 3, "steps")
    assert finding.message == "needs at least 2 items"


def test_website_not_https(tmp_path: Path) -> None:
    actors = {
        "arbetsformedlingen.yaml": ARBETSFORMEDLINGEN.replace("https://", "http://"),
        "exempel-elforetag.yaml": EXEMPEL_ELFORETAG,
    }

    findings = check(tmp_path, {"giltig-vag.yaml": VALID_PATH}, actors)

    assert [where(f) for f in findings] == [
        ("content/actors/arbetsformedlingen.yaml", 6, 10, "website")
    ]
    assert "https://" in findings[0].message


def test_actor_counties_must_be_all_or_a_list(tmp_path: Path) -> None:
    actors = {
        "arbetsformedlingen.yaml": ARBETSFORMEDLINGEN.replace("counties: all", "counties: alla"),
        "exempel-elforetag.yaml": EXEMPEL_ELFORETAG,
    }

    findings = check(tmp_path, {"giltig-vag.yaml": VALID_PATH}, actors)

    assert [(f.file, f.line, f.field) for f in findings] == [
        ("content/actors/arbetsformedlingen.yaml", 4, "counties")
    ]


def test_yml_file_asks_for_rename(tmp_path: Path) -> None:
    findings = check(tmp_path, {"giltig-vag.yml": VALID_PATH})

    assert [where(f) for f in findings] == [("content/paths/giltig-vag.yml", 1, 1, "")]
    assert "rename the file to giltig-vag.yaml" in findings[0].message


def test_other_files_in_the_folder_are_errors_never_ignored(tmp_path: Path) -> None:
    findings = check(tmp_path, {"giltig-vag.yaml": VALID_PATH, "README.md": "# Vägar\n"})

    assert [where(f) for f in findings] == [("content/paths/README.md", 1, 1, "")]
    assert "is not a content file" in findings[0].message


def test_non_utf8_file_is_reported_by_load_content(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path, "latin1-encoded")

    content, findings = load_content(ContentLayout(root), this_year=2025)

    assert content is None
    assert [where(f) for f in findings] == [("content/paths/latin1.yaml", 2, 10, "")]


def test_control_character_is_reported_by_load_content(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path, "control-character")

    content, findings = load_content(ContentLayout(root), this_year=2025)

    assert content is None
    assert [(f.file, f.line) for f in findings] == [("content/paths/styrtecken.yaml", 2)]


def test_file_with_byte_order_mark_is_valid(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path, "utf8-bom")

    content, findings = load_content(ContentLayout(root), this_year=2025)

    assert [f for f in findings if f.severity == "error"] == []
    assert content is not None and list(content.paths) == ["giltig-vag"]


# Vocabularies


def test_missing_vocabulary_file(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"giltig-vag.yaml": VALID_PATH})
    (root / "content/vocabulary/outcomes.yaml").unlink()

    content, findings = load_content(ContentLayout(root), this_year=2025)

    assert content is None
    assert [where(f) for f in findings] == [("content/vocabulary/outcomes.yaml", 1, 1, "")]
    assert findings[0].message == "vocabulary file is missing"


def test_vocabulary_id_used_twice(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"giltig-vag.yaml": VALID_PATH})
    outcomes = root / "content/vocabulary/outcomes.yaml"
    lines = outcomes.read_text(encoding="utf-8").count("\n")
    with outcomes.open("a", encoding="utf-8") as handle:
        handle.write("- id: annat\n  label: Annat igen\n  description: Samma id en gång till.\n")
        for code in ("en", "ar"):
            handle.write(f"  {code}:\n    label: Other\n    description: The same id again.\n")

    content, findings = load_content(ContentLayout(root), this_year=2025)

    assert content is None
    assert [where(f) for f in findings] == [
        ("content/vocabulary/outcomes.yaml", lines + 1, 7, "[4].id")
    ]
    assert "used twice" in findings[0].message


# Every problem in one run


def test_three_problems_in_one_file_give_three_findings(tmp_path: Path) -> None:
    text = (
        VALID_PATH.replace("year: 2024", "year: 2030")
        .replace("weeks: 2\n", "weeks: 0\n")
        .replace("consent: true", "consent: false")
    )

    findings = check(tmp_path, {"giltig-vag.yaml": text})

    assert [(f.line, f.field) for f in findings] == [
        (10, "year"),
        (18, "steps[0].weeks"),
        (26, "consent"),
    ]


def test_two_bad_files_are_both_reported(tmp_path: Path) -> None:
    findings = check(
        tmp_path,
        {
            "giltig-vag.yaml": edit('county: "21"', "county: 21"),
            "annan-vag.yaml": with_path_id(edit("year: 2024", "year: 2030"), "annan-vag"),
        },
    )

    assert [(f.file, f.field) for f in findings] == [
        ("content/paths/annan-vag.yaml", "year"),
        ("content/paths/giltig-vag.yaml", "county"),
    ]


def test_bad_actor_and_bad_path_are_both_reported(tmp_path: Path) -> None:
    actors = {
        "arbetsformedlingen.yaml": ARBETSFORMEDLINGEN.replace("type: myndighet", "type: myndiget"),
        "exempel-elforetag.yaml": EXEMPEL_ELFORETAG,
    }

    findings = check(tmp_path, {"giltig-vag.yaml": edit("year: 2024", "year: 2030")}, actors)

    assert [(f.file, f.field) for f in findings] == [
        ("content/actors/arbetsformedlingen.yaml", "type"),
        ("content/paths/giltig-vag.yaml", "year"),
    ]
    assert findings[0].message.endswith("did you mean 'myndighet'?")


def test_syntax_error_in_one_file_does_not_hide_problems_in_another(tmp_path: Path) -> None:
    findings = check(
        tmp_path,
        {
            "giltig-vag.yaml": edit("consent: true", "consent: false"),
            "trasig.yaml": "id: trasig\n\ttitle: x\n",
        },
    )

    assert [(f.file, f.line) for f in findings] == [
        ("content/paths/giltig-vag.yaml", 26),
        ("content/paths/trasig.yaml", 2),
    ]


# The command line


def test_cli_valid_project_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(tmp_path, {"giltig-vag.yaml": VALID_PATH})

    code = main(["check", "--root", str(root)])

    out, err = capsys.readouterr()
    assert code == 0
    assert out.splitlines() == [
        f"{PATH_FILE}:9:15: municipality: warning: the municipality will not be shown, only the "
        "county: no other path has the same municipality, occupation, age band and year"
    ]
    assert "1 path and 2 actors checked: no errors, 1 warning" in err


def test_municipality_shared_by_two_similar_paths_is_shown(tmp_path: Path) -> None:
    root = make_project(
        tmp_path,
        {
            "giltig-vag.yaml": VALID_PATH,
            "andra-vagen.yaml": with_path_id(VALID_PATH, "andra-vagen"),
        },
    )
    content, findings = load_content(ContentLayout(root), this_year=2025)
    assert content is not None and findings == []


def test_cli_prints_findings_as_file_line_col(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = edit("[arbetsformedlingen]", "[arbetsformedlingn]").replace("year: 2024", "year: 2099")
    root = make_project(tmp_path, {"giltig-vag.yaml": text})

    code = main(["check", "--root", str(root)])

    out, err = capsys.readouterr()
    assert code == 1
    assert out.splitlines() == [
        "content/paths/giltig-vag.yaml:10:7: year: the year 2099 is in the future"
        " — give the year the path ended",
        "content/paths/giltig-vag.yaml:17:14: steps[0].actors[0]: unknown actor"
        " 'arbetsformedlingn' — did you mean 'arbetsformedlingen'?",
    ]
    assert "2 errors" in err
    assert "Traceback" not in out + err


def test_cli_github_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_project(
        tmp_path, {"giltig-vag.yaml": edit("[arbetsformedlingen]", "[arbetsformedlingn]")}
    )

    code = main(["check", "--root", str(root), "--format", "github"])

    out = capsys.readouterr().out
    assert code == 1
    assert out.splitlines() == [
        "::error file=content/paths/giltig-vag.yaml,line=17,col=14,"
        "title=steps[0].actors[0]::unknown actor 'arbetsformedlingn'"
        " — did you mean 'arbetsformedlingen'?"
    ]


def test_cli_github_format_without_field_titles_it_content(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path, {"giltig-vag.yml": VALID_PATH})

    main(["check", "--root", str(root), "--format", "github"])

    assert capsys.readouterr().out.startswith(
        "::error file=content/paths/giltig-vag.yml,line=1,col=1,title=content::"
    )


def test_cli_without_content_folder_exits_two(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["check", "--root", str(tmp_path)])

    out, err = capsys.readouterr()
    assert code == 2
    assert out == ""
    assert "no content/ folder" in err


def test_cli_bad_usage_exits_two_without_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    # argparse exits on bad usage; returning 2 would be as good, a traceback would not.
    code: int | str | None
    try:
        code = main(["check", "--format", "xml"])
    except SystemExit as exit_:
        code = exit_.code

    assert code == 2
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize(
    ("fixture", "first"),
    [
        pytest.param(
            "control-character", "content/paths/styrtecken.yaml:2:", id="a-control-character"
        ),
        pytest.param(
            "binary-file",
            "content/paths/bild.yaml:1:1: the file is not UTF-8 text",
            id="binary-file",
        ),
    ],
)
def test_cli_reports_an_unreadable_file_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fixture: str, first: str
) -> None:
    root = copy_fixture(tmp_path, fixture)

    code = main(["check", "--root", str(root)])

    out, err = capsys.readouterr()
    assert code == 1
    assert out.startswith(first)
    assert "Traceback" not in out + err
