"""Stage 1, load: YAML text becomes plain data with 1-based positions, or findings — never an
exception."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import REPO_ROOT, VALID_PATH, copy_fixture, make_project

from generator import load
from generator.content import ContentLayout, load_content
from generator.findings import Finding
from generator.load import Document, Position, load_document, parse_document

# The tests here pin the English messages (``--lang en``).
pytestmark = pytest.mark.usefixtures("english_messages")


NAME = "content/paths/x.yaml"


def parse_ok(text: str) -> Document:
    document, findings = parse_document(text, NAME)
    assert findings == []
    assert document is not None
    return document


def parse_fails(text: str) -> Finding:
    document, findings = parse_document(text, NAME)
    assert document is None
    assert len(findings) == 1, findings
    return findings[0]


# Positions


def test_top_level_field_positions_are_one_based() -> None:
    document = parse_ok(VALID_PATH)

    assert document.position(()) == Position(1, 1)
    assert document.position(("id",)) == Position(1, 5)
    assert document.position(("county",)) == Position(8, 9)


def test_nested_list_item_position_points_at_the_value() -> None:
    document = parse_ok(VALID_PATH)

    # line 22: "    actors: [arbetsformedlingen, exempel-elforetag]"
    assert document.position(("steps", 1, "actors", 0)) == Position(22, 14)
    assert document.position(("steps", 1, "actors", 1)) == Position(22, 34)
    assert document.position(("steps", 1)) == Position(20, 5)
    assert document.position(("outcome", "type")) == Position(12, 9)


def test_position_of_a_missing_field_is_its_nearest_parent() -> None:
    document = parse_ok(VALID_PATH)

    assert document.position(("steps", 0, "missing")) == Position(15, 5)
    assert document.position(("steps", 7, "weeks")) == Position(15, 3)
    assert document.position(("nothing",)) == Position(1, 1)


def test_position_without_any_known_path_is_line_one() -> None:
    assert Document("x.yaml", {}).position(("a", 0)) == Position(1, 1)


def test_data_is_plain_dicts_lists_and_scalars() -> None:
    document = parse_ok(VALID_PATH)

    assert document.file == NAME
    assert document.data["steps"][1]["actors"] == ["arbetsformedlingen", "exempel-elforetag"]
    assert document.data["year"] == 2024
    assert document.data["county"] == "21"
    assert document.data["consent"] is True


# Values


def test_dates_stay_text() -> None:
    document = parse_ok("title: 2023-03-14\nsteps:\n  - when: 2023-03-14 10:00:00\n")

    assert document.data == {"title": "2023-03-14", "steps": [{"when": "2023-03-14 10:00:00"}]}


def test_unquoted_number_stays_a_number_for_the_checker_to_report() -> None:
    assert parse_ok("county: 21\n").data == {"county": 21}


# Empty and wrong-shaped files


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n"])
def test_empty_file_is_a_finding(text: str) -> None:
    finding = parse_fails(text)

    assert (finding.file, finding.line, finding.column) == (NAME, 1, 1)
    assert "the file is empty" in finding.message


def test_list_instead_of_mapping_loads_as_a_list() -> None:
    document = parse_ok("- id: giltig-vag\n- title: Hej\n")

    assert document.data == [{"id": "giltig-vag"}, {"title": "Hej"}]
    assert document.position((1, "title")) == Position(2, 10)


def test_list_instead_of_mapping_is_rejected_by_the_schema(tmp_path: Path) -> None:
    root = make_project(tmp_path, {"giltig-vag.yaml": "- id: giltig-vag\n- title: Hej\n"})

    content, findings = load_content(ContentLayout(root), this_year=2025)

    assert content is None
    assert len(findings) == 1
    finding = findings[0]
    assert (finding.file, finding.line, finding.column) == ("content/paths/giltig-vag.yaml", 1, 1)
    assert "must hold a group of fields" in finding.message


# Syntax mistakes contributors make


def test_tab_indentation_is_named_with_its_line() -> None:
    finding = parse_fails("id: x\noutcome:\n\ttype: anstallning\n")

    assert (finding.line, finding.column) == (3, 1)
    assert "tab character" in finding.message
    assert "spaces" in finding.message


def test_tab_indented_file_is_reported_by_load_document(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path, "tab-indented")

    document, findings = load_document(root / "content/paths/tabbar.yaml", "tabbar.yaml")

    assert document is None
    assert [(f.file, f.line, f.column) for f in findings] == [("tabbar.yaml", 3, 1)]
    assert "tab character" in findings[0].message


@pytest.mark.parametrize(
    ("text", "line", "column", "message"),
    [
        pytest.param(
            "id: x\ntitle: Ett\nsummary: Text\ntitle: Två\n",
            4,
            1,
            "the field 'title' appears twice",
            id="duplicate-key-points-at-the-second-occurrence",
        ),
        pytest.param(
            "steps:\n  - type: a\n    weeks: 1\n    weeks: 2\n",
            4,
            5,
            "'weeks' appears twice",
            id="duplicate-key-in-a-nested-mapping",
        ),
        pytest.param(
            "title: &namn Hej\nsummary: *namn\n",
            1,
            8,
            "anchors and aliases",
            id="anchor-and-alias-are-refused-at-the-anchor",
        ),
        pytest.param(
            "steps:\n  - &steg {type: a}\n  - *steg\n",
            2,
            5,
            "anchors and aliases",
            id="anchor-and-alias-in-a-list-are-refused-at-the-anchor",
        ),
        pytest.param(
            "title: Hej\nsummary: *namn\n",
            2,
            10,
            "anchors and aliases",
            id="alias-without-anchor-is-refused-where-it-stands",
        ),
    ],
)
def test_a_refused_key_or_value_is_found_where_it_stands(
    text: str, line: int, column: int, message: str
) -> None:
    finding = parse_fails(text)

    assert (finding.line, finding.column) == (line, column)
    assert message in finding.message


def test_every_duplicate_key_is_reported() -> None:
    document, findings = parse_document("a: 1\na: 2\nb: 1\nb: 2\n", NAME)

    assert document is None
    assert [(f.line, f.message) for f in findings] == [
        (2, "the field 'a' appears twice — keep one of them"),
        (4, "the field 'b' appears twice — keep one of them"),
    ]


def test_two_documents_are_refused() -> None:
    finding = parse_fails("id: ett\n---\nid: tva\n")

    assert finding.line == 2
    assert "more than one YAML document" in finding.message


def test_colon_inside_a_value_suggests_quotes() -> None:
    finding = parse_fails("title: Från A till B: så gick det\n")

    assert finding.line == 1
    assert "put the value in quotes" in finding.message


def test_unclosed_bracket_is_a_syntax_finding() -> None:
    finding = parse_fails("situations: [ung, nyanland\nyear: 2024\n")

    assert finding.message.startswith("YAML syntax error:")


@pytest.mark.parametrize("text", ["1: x\n", "? [a, b]\n: x\n", "? {a: 1}\n: x\n"])
def test_keys_must_be_plain_words(text: str) -> None:
    finding = parse_fails(text)

    assert finding.message == "field names must be plain words"


@pytest.mark.parametrize("text", ["a: !!python/object:os.system x\n", "<<: x\n", "a: !egen x\n"])
def test_unknown_tags_are_findings(text: str) -> None:
    finding = parse_fails(text)

    assert finding.line == 1
    assert finding.message.startswith("YAML syntax error:")


# Encodings and bytes


def test_non_utf8_bytes_give_line_and_column(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path, "latin1-encoded")

    document, findings = load_document(root / "content/paths/latin1.yaml", NAME)

    assert document is None
    assert [(f.file, f.line, f.column) for f in findings] == [(NAME, 2, 10)]
    assert "not UTF-8" in findings[0].message


def test_binary_file_is_not_utf8_at_line_one(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path, "binary-file")

    document, findings = load_document(root / "content/paths/bild.yaml", NAME)

    assert document is None
    assert [(f.line, f.column) for f in findings] == [(1, 1)]
    assert "not UTF-8" in findings[0].message


def test_non_utf8_column_counts_characters_not_bytes(tmp_path: Path) -> None:
    # "Å" is two bytes in UTF-8 but one column for the person reading the file.
    file = tmp_path / "x.yaml"
    file.write_bytes("title: Åsa ".encode() + b"\xe5\n")

    _, findings = load_document(file, NAME)

    assert [(f.line, f.column) for f in findings] == [(1, 12)]


def test_byte_order_mark_is_ignored(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path, "utf8-bom")

    document, findings = load_document(root / "content/paths/giltig-vag.yaml", NAME)

    assert findings == []
    assert document is not None
    assert document.data["id"] == "giltig-vag"
    assert document.position(("id",)) == Position(1, 5)


def test_windows_line_endings_keep_positions(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path, "crlf-line-endings")

    document, findings = load_document(root / "content/paths/giltig-vag.yaml", NAME)

    assert findings == []
    assert document is not None
    assert document.position(("steps", 1, "actors", 0)) == Position(22, 14)
    assert document.data["title"] == "Från lagret till elcentralen"


def test_nul_character_is_a_finding_with_position() -> None:
    finding = parse_fails("id: x\ntitle: Hej\x00 då\n")

    assert (finding.line, finding.column) == (2, 11)
    assert "character" in finding.message


def test_control_character_file_is_a_finding(tmp_path: Path) -> None:
    root = copy_fixture(tmp_path, "control-character")

    document, findings = load_document(root / "content/paths/styrtecken.yaml", NAME)

    assert document is None
    assert [(f.line, f.column) for f in findings] == [(2, 11)]


# Never an exception


@pytest.mark.parametrize(
    "text",
    [
        "",
        "---\n",
        "...\n",
        "null\n",
        "42\n",
        "'just text'\n",
        "[\n",
        "{a: 1, a: 2}\n",
        "a:\n- b\n  c: d\n",
        "a: 'unclosed\n",
        'a: "\\x"\n',
        "%YAML 1.1\n%YAML 1.1\n---\na: 1\n",
        "a: !!binary AAAA\n",
        "a: !!timestamp 2023-03-14\n",
        "a: .inf\nb: .nan\n",
        "a: " + "[" * 200 + "]" * 200 + "\n",
        "a: b\x1bc\n",
        "\ufeffa: 1\n",
        "a: \U0001f600\n",
    ],
)
def test_parse_document_never_raises(text: str) -> None:
    document, findings = parse_document(text, NAME)

    assert (document is None) == bool(findings)
    assert all(f.file == NAME and f.line >= 1 and f.column >= 1 for f in findings)


# The plain reading (libyaml's events) and the full one (its node tree) agree

PLAIN_TEXTS = [
    VALID_PATH,
    "a: 1\nb: [x, 'y', \"z\"]\nc: {d: true, e: null, f: 2.5}\n",
    "title: >-\n  folded\n  text\nlist:\n  - one\n  -\n    - nested: 0x1F\n",
    "'quoted key': 1\n\"yes\": no\nnumbers: [007, +3, 1_000, -0]\n",
    "just a scalar\n",
    "---\na: b\n...\n",
    "date: 2023-03-14\nempty:\nblank: ''\n",
    "a:\tb\n",
]
NOT_PLAIN_TEXTS = [
    "",
    "# only a comment\n",
    "---\n",
    "a: &x 1\nb: *x\n",
    "a: !!str 3\n",
    "a: !custom x\n",
    "a: 1\na: 2\n",
    "yes: 1\n",
    "? [a, b]\n: c\n",
    "<<: {a: 1}\n",
    "a: 1\n---\nb: 2\n",
    "a: [1, 2\n",
    "a:\n\tb: 1\n",
    "a: " + "[" * 14 + "]" * 14 + "\n",
    "a: b: c\n",
]


def _nodes(text: str) -> Document | None:
    return load._parse_nodes(text, NAME)[0]


@pytest.mark.parametrize("text", PLAIN_TEXTS)
def test_the_plain_reading_gives_what_the_node_tree_gives(text: str) -> None:
    plain = load._parse_plain(text, NAME)
    assert plain is not None
    full = _nodes(text)
    assert full is not None
    assert repr(plain.data) == repr(full.data)
    assert (plain.positions, plain.spans, plain.text) == (full.positions, full.spans, full.text)


@pytest.mark.parametrize("text", NOT_PLAIN_TEXTS)
def test_anything_but_a_plain_document_is_left_to_the_node_tree(text: str) -> None:
    assert load._parse_plain(text, NAME) is None
    assert parse_document(text, NAME) == load._parse_nodes(text, NAME)


def test_every_sample_file_is_read_plainly_and_alike() -> None:
    files = sorted((REPO_ROOT / "content").rglob("*.yaml"))
    assert len(files) > 50
    for file in files:
        text = file.read_text("utf-8")
        plain, full = load._parse_plain(text, NAME), _nodes(text)
        assert plain is not None and full is not None, file
        assert repr(plain.data) == repr(full.data), file
        assert (plain.positions, plain.spans) == (full.positions, full.spans), file
