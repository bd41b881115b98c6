"""Open data (issue 14): the data files of the built sample site parse, match the schemas
published beside them, carry every field of the content schemas with labels beside ids, and
count what the site shows; a municipality the site hides is hidden everywhere."""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import REPO_ROOT, VALID_PATH, build_site, make_project, with_path_id
from jsonschema import Draft202012Validator

from generator.fields import field_table
from generator.schema import load_schema

CONTENT = REPO_ROOT / "content"
PATH_FILES = sorted((CONTENT / "paths").glob("*.yaml"))
ACTOR_FILES = sorted((CONTENT / "actors").glob("*.yaml"))


def _json(site: Path, name: str) -> Any:
    return json.loads((site / "data" / name).read_text(encoding="utf-8"))


def _csv(site: Path, name: str) -> list[dict[str, str]]:
    text = (site / "data" / name).read_bytes().decode("utf-8")
    assert "\r\n" in text and not text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def _validator(site: Path, name: str) -> Draft202012Validator:
    schema = _json(site, name)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def test_the_json_files_match_their_schemas(site: Path) -> None:
    for data_file, schema_file in (
        ("vagar.json", "vagar.schema.json"),
        ("aktorer.json", "aktorer.schema.json"),
    ):
        data = _json(site, data_file)
        errors = [e.message for e in _validator(site, schema_file).iter_errors(data)]
        assert not errors, (data_file, errors[:5])
        assert data["$schema"] == schema_file
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", data["generated"])
        assert data["licence"]["url"] == "https://creativecommons.org/licenses/by/4.0/"


def test_counts_match_the_site(site: Path) -> None:
    paths = _json(site, "vagar.json")
    actors = _json(site, "aktorer.json")
    pages = {p.parent.name for p in (site / "vagar").glob("*/index.html")}
    assert paths["count"] == len(paths["paths"]) == len(pages) == len(PATH_FILES)
    assert {p["id"] for p in paths["paths"]} == pages
    actor_pages = {f.stem for f in ACTOR_FILES}
    assert actors["count"] == len(actors["actors"]) == len(actor_pages)
    assert all((site / "aktorer" / a / "index.html").is_file() for a in actor_pages)
    rows = _csv(site, "vagar.csv")
    assert [row["id"] for row in rows] == [p["id"] for p in paths["paths"]]
    steps = _csv(site, "steg.csv")
    assert len(steps) == sum(len(p["steps"]) for p in paths["paths"])
    for path in paths["paths"]:
        mine = [row for row in steps if row["path_id"] == path["id"]]
        assert [row["title"] for row in mine] == [step["title"] for step in path["steps"]]
        assert [int(row["number"]) for row in mine] == list(range(1, len(mine) + 1))
        page = (site / "vagar" / path["id"] / "index.html").read_text(encoding="utf-8")
        assert page.count('class="vagar-step ') == len(path["steps"])
    for actor in actors["actors"]:
        listed = {p["id"] for p in paths["paths"] if actor["id"] in _actors_of(p)}
        assert actor["paths"] == len(listed), actor["id"]


def _actors_of(path: dict[str, Any]) -> set[str]:
    return {a for step in path["steps"] for a in step["actors"]} | {path["documented_by"]}


def test_records_are_the_content_with_labels_beside_ids(site: Path) -> None:
    vocabulary = {
        name: {t["id"]: t["label"] for t in yaml.safe_load(file.read_text(encoding="utf-8"))}
        for name, file in (
            ("occupations", CONTENT / "vocabulary" / "occupations.yaml"),
            ("step-types", CONTENT / "vocabulary" / "step-types.yaml"),
        )
    }
    records = {p["id"]: p for p in _json(site, "vagar.json")["paths"]}
    for file in PATH_FILES:
        raw = yaml.safe_load(file.read_text(encoding="utf-8"))
        record = records[raw["id"]]
        for key, value in raw.items():
            if key in ("municipality", "consent"):
                continue  # may be hidden (see below); true on every path
            assert key in record, key
            if isinstance(value, str):
                assert record[key] == value.strip(), key
        assert record["occupation_label"] == vocabulary["occupations"][raw["occupation"]]
        labels = [vocabulary["step-types"][s["type"]] for s in raw["steps"]]
        assert [s["type_label"] for s in record["steps"]] == labels
        assert record["url"] == f"vagar/{raw['id']}/"
        assert record["total_weeks"] == sum(s["weeks"] for s in raw["steps"])


def test_the_data_schemas_follow_the_content_schemas(site: Path) -> None:
    """A field added to a content schema appears in the data schema without an edit."""
    for name, schema_file in (("path", "vagar.schema.json"), ("actor", "aktorer.schema.json")):
        record = _json(site, schema_file)["$defs"][name]
        content = load_schema(name)["properties"]
        constants = {key for key, node in content.items() if "const" in node}
        assert set(content) - constants <= set(record["properties"])
        for field in field_table(name).fields:
            if field.kind in ("choice", "choices", "counties"):
                plural = "s" if field.kind != "choice" else ""
                assert f"{field.key}_label{plural}" in record["properties"], field.key
        assert "x-vocabulary" not in json.dumps(record)


def test_the_csv_files_match_their_metadata(site: Path) -> None:
    for name in ("vagar.csv", "steg.csv"):
        metadata = _json(site, f"{name}-metadata.json")
        assert metadata["@context"] == "http://www.w3.org/ns/csvw"
        assert metadata["url"] == name
        assert metadata["dc:license"] == {"@id": "https://creativecommons.org/licenses/by/4.0/"}
        columns = metadata["tableSchema"]["columns"]
        text = (site / "data" / name).read_text(encoding="utf-8")
        header = next(csv.reader(io.StringIO(text, newline="")))
        assert header == [c["name"] for c in columns]
        for row in _csv(site, name):
            for column in columns:
                cell = row[column["name"]]
                if column["required"]:
                    assert cell != "", (name, column["name"])
                if cell and column["datatype"] == "integer":
                    assert re.fullmatch(r"\d+", cell), (name, column["name"], cell)
                if cell and column["datatype"] == "boolean":
                    assert cell in ("true", "false")
                if "separator" in column and cell:
                    assert all(part.strip() for part in cell.split(column["separator"]))


def test_the_data_page_lists_and_links_every_file(site: Path) -> None:
    page = (site / "data" / "index.html").read_text(encoding="utf-8")
    for name in ("vagar.json", "vagar.csv", "steg.csv", "aktorer.json", "vagar.schema.json"):
        assert f'href="../data/{name}"' in page, name
        assert (site / "data" / name).is_file()
    assert 'href="../feed.xml"' in page
    assert "CC BY 4.0" in page and "MIT" in page
    for column in next(csv.reader(io.StringIO((site / "data" / "vagar.csv").read_text()))):
        assert f"<code>{column}</code>" in page, column


# --- hidden municipalities ------------------------------------------------------------------

HIDDEN = {"2101": "Ockelbo", "2182": "Söderhamn"}
"""Ockelbo is too small to be shown; Söderhamn is shown for no path here (only one path has
its combination)."""


def _municipality_project(root: Path) -> Path:
    import shutil

    def path(path_id: str, code: str) -> str:
        return with_path_id(VALID_PATH, path_id).replace(
            'municipality: "2180"', f'municipality: "{code}"'
        )

    paths = {
        "liten-ort.yaml": path("liten-ort", "2101"),
        "liten-ort-igen.yaml": path("liten-ort-igen", "2101"),
        "ensam-ort.yaml": path("ensam-ort", "2182"),
        "delad-ort.yaml": path("delad-ort", "2184"),
        "delad-ort-igen.yaml": path("delad-ort-igen", "2184"),
    }
    project = make_project(root, paths)
    shutil.copytree(REPO_ROOT / "theme", project / "theme")
    shutil.copytree(CONTENT / "pages", project / "content" / "pages")
    shutil.copy(REPO_ROOT / "mkdocs.yml", project / "mkdocs.yml")
    return project


@pytest.fixture(scope="module")
def municipality_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = _municipality_project(tmp_path_factory.mktemp("municipalities"))
    site = tmp_path_factory.mktemp("municipality-site") / "repo"
    result = build_site(project, site)
    assert result.returncode == 0, result.stderr
    return site


def _texts(site: Path) -> dict[str, str]:
    """Every file of the site as text (Pagefind's compressed files decompressed), but the
    editor schemas, which list the whole municipality vocabulary, not any path's."""
    texts = {}
    for file in site.rglob("*"):
        name = file.relative_to(site).as_posix()
        if not file.is_file() or name.startswith("schema/") or file.suffix in (".png", ".gz"):
            continue
        data = file.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        texts[name] = data.decode("utf-8", errors="replace")
    return texts


def test_no_hidden_municipality_appears_anywhere(municipality_site: Path) -> None:
    texts = _texts(municipality_site)
    assert any(name.startswith("pagefind/fragment/") for name in texts)
    for code, label in HIDDEN.items():
        for name, text in texts.items():
            assert label not in text and label.lower() not in text, (name, label)
            if name.endswith((".js", ".css")):
                continue  # program files (Material, Pagefind): digits that are no code
            assert not re.search(rf"(?<!\d){code}(?!\d)", text), (name, code)
    # The control: a municipality the site may show is in the pages and the data.
    records = json.loads(texts["data/vagar.json"])["paths"]
    shown = {r["id"]: r.get("municipality_label") for r in records}
    assert shown == {
        "liten-ort": None,
        "liten-ort-igen": None,
        "ensam-ort": None,
        "delad-ort": "Hudiksvall",
        "delad-ort-igen": "Hudiksvall",
    }
    assert "Hudiksvall" in texts["vagar/delad-ort/index.html"]
    assert "Hudiksvall" in texts["data/vagar.csv"]
