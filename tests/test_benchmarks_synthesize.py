"""benchmarks/synthesize.py writes valid, deterministic content without personal data.

The benchmark figures are only worth something if the synthetic paths are valid content (or
the build stops at the checker) and the same seed gives the same files.
"""

from __future__ import annotations

import importlib.util
import random
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest
import yaml
from helpers import REPO_ROOT

from generator.content import ContentLayout, load_content


@pytest.fixture(scope="module")
def synthesize() -> ModuleType:
    """benchmarks/synthesize.py, loaded by path (benchmarks/ is not a package)."""
    spec = importlib.util.spec_from_file_location(
        "synthesize", REPO_ROOT / "benchmarks" / "synthesize.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["synthesize"] = module
    spec.loader.exec_module(module)
    return module


def _files(root: Path) -> dict[str, bytes]:
    return {
        file.relative_to(root).as_posix(): file.read_bytes()
        for folder in ("content/paths", "content/actors")
        for file in sorted((root / folder).glob("*.yaml"))
    } | {"mkdocs.yml": (root / "mkdocs.yml").read_bytes()}


def test_synthetic_content_is_valid(synthesize: ModuleType, tmp_path: Path) -> None:
    synthesize.synthesize(60, tmp_path / "a", seed=7)
    content, findings = load_content(ContentLayout(tmp_path / "a"))
    errors = [f.format() for f in findings if f.severity == "error"]
    assert content is not None, errors
    assert not errors
    assert len(content.paths) == 60
    assert len({p.occupation.id for p in content.paths.values()}) >= 8
    assert len({p.county.id for p in content.paths.values()}) >= 8


def test_same_seed_same_files_other_seed_other_files(
    synthesize: ModuleType, tmp_path: Path
) -> None:
    for name, seed in (("a", 7), ("b", 7), ("c", 8)):
        synthesize.synthesize(60, tmp_path / name, seed=seed)
    first = _files(tmp_path / "a")
    assert len(first) > 60
    assert _files(tmp_path / "b") == first
    assert _files(tmp_path / "c") != first


def test_free_text_has_no_names_dates_or_contact_details(
    synthesize: ModuleType, tmp_path: Path
) -> None:
    synthesize.synthesize(60, tmp_path / "a", seed=7)
    texts: list[str] = []
    for file in (tmp_path / "a" / "content" / "paths").glob("*.yaml"):
        data = yaml.safe_load(file.read_text("utf-8"))
        texts += [data["summary"], data["background"], data["outcome"]["text"]]
        texts += [step["text"] for step in data["steps"]]
        texts += [data.get("what_helped", ""), data.get("quote", ""), *data.get("tips", [])]
    for text in texts:
        # A capital letter only starts a sentence (no names), and no dates, ages or contacts.
        assert not re.search(r"[^.!?:]\s+[A-ZÅÄÖ]", text), text
        assert not re.search(r"\d", text), text
        assert "@" not in text and "http" not in text, text


def test_files_read_back_as_the_data_they_were_written_from(synthesize: ModuleType) -> None:
    # path_yaml and actor_yaml are to be swapped for the shared YAML writer: both must write
    # exactly the data they are given, so the swap cannot change what the site shows.
    vocab = synthesize.read_vocabulary(REPO_ROOT / "content" / "vocabulary")
    rng = random.Random(7)
    pool = synthesize.make_actors(rng, vocab.ids["counties"], vocab.ids["situations"])
    paths = synthesize.PathMaker(rng, vocab, pool).make_all(300)
    assert any("municipality" in path for path in paths)
    for path in paths:
        assert yaml.safe_load(synthesize.path_yaml(path)) == path
    for actor in pool.actors.values():
        assert yaml.safe_load(synthesize.actor_yaml(actor)) == actor


def test_fragments_name_only_ids_of_the_vocabularies(synthesize: ModuleType) -> None:
    # A misspelt id would not fail the build: it would quietly fall back to a default.
    vocab = synthesize.read_vocabulary(REPO_ROOT / "content" / "vocabulary")
    synthesize.check_fragments(vocab)
    ids = {name: set(values) for name, values in vocab.ids.items()}
    assert set(synthesize.OCCUPATIONS) <= ids["occupations"]
    frequencies = synthesize.FREQUENCIES
    assert set(frequencies["counties"]) <= ids["counties"]
    assert set(frequencies["age_bands"]) <= ids["age-bands"]
    assert set(frequencies["situations"]) | set(synthesize.TEXT["situations"]) <= ids["situations"]
    endings = set(synthesize.TEXT["outcomes"]) - {"stod"}  # stod: a job with wage support
    assert set(frequencies["outcomes"]) | endings <= ids["outcomes"]
    kinds = synthesize.STEPS["kinds"]
    assert {kind for kind, step in kinds.items() if "type" not in step} <= ids["step-types"]


def test_fragments_that_write_an_unknown_type_are_refused(synthesize: ModuleType) -> None:
    vocab = synthesize.read_vocabulary(REPO_ROOT / "content" / "vocabulary")
    vocab.ids["step-types"].remove("praktik")
    with pytest.raises(ValueError, match="praktik"):
        synthesize.check_fragments(vocab)
