"""Fuzzing the checker and the build with damaged copies of the sample content.

Several hundred cases, generated from a fixed seed across the kinds of damage the checker must
survive: odd entries in the content folders, broken YAML, numbers and booleans that are not
what they seem, invisible characters, personal data in any shown text, reserved and clashing
ids, unknown references, oversized and mis-encoded files. Every case must end in one of two
ways: the checker names each problem at a file, line and column (and the build refuses to
touch the previous site), or the content is valid and every path file is in the model (and the
build publishes a site with a verified search bundle). Never a traceback, never a skipped file.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import REPO_ROOT, build_site

from generator.content import ContentLayout, load_content

SEED = 20261201
SAMPLE_PATHS = sorted((REPO_ROOT / "content" / "paths").glob("*.yaml"))[:3]
Mutation = Callable[[random.Random, Path], str]
"""Damages the project at the given root; returns the file (or folder) it damaged."""


def _actors_of(files: list[Path]) -> list[str]:
    """The actors the given path files name (in steps or as documenting actor)."""
    names: set[str] = set()
    for file in files:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        names.add(data["documented_by"])
        names.update(actor for step in data["steps"] for actor in step["actors"])
    return sorted(names)


SAMPLE_ACTORS = _actors_of(SAMPLE_PATHS)


def _project(root: Path) -> Path:
    """A small copy of the sample content: the vocabularies, three paths and their actors."""
    content = root / "content"
    shutil.copytree(REPO_ROOT / "content" / "vocabulary", content / "vocabulary")
    (content / "actors").mkdir(parents=True)
    for actor in SAMPLE_ACTORS:
        shutil.copy(REPO_ROOT / "content" / "actors" / f"{actor}.yaml", content / "actors")
    (content / "paths").mkdir()
    for file in SAMPLE_PATHS:
        shutil.copy(file, content / "paths" / file.name)
    return root


def _a_path(rng: random.Random, root: Path) -> Path:
    return rng.choice(sorted((root / "content" / "paths").glob("*.yaml")))


def _an_actor(rng: random.Random, root: Path) -> Path:
    return rng.choice(sorted((root / "content" / "actors").glob("*.yaml")))


def _edit_value(rng: random.Random, file: Path, pattern: str, replacement: str) -> str:
    """Replace one random match of ``pattern`` (a whole ``key: value`` line) in ``file``."""
    text = file.read_text(encoding="utf-8")
    matches = list(re.finditer(pattern, text, flags=re.MULTILINE))
    match = rng.choice(matches)
    file.write_text(text[: match.start()] + replacement + text[match.end() :], encoding="utf-8")
    return _shown(file)


def _shown(file: Path) -> str:
    parts = file.parts
    return "/".join(parts[parts.index("content") :])


# Entries of the content folders ---------------------------------------------------------------


def entry(rng: random.Random, root: Path) -> str:
    paths = root / "content" / "paths"
    source = _a_path(rng, root)
    kind = rng.choice(
        ["upper", "bare", "txt", "dot", "yml", "capital", "sub", "folder", "dangling", "loop",
         "zero", "outside", "inside", "fifo", "empty"]
    )  # fmt: skip
    name = {
        "upper": "x.YAML", "bare": "x", "txt": "x.yaml.txt", "dot": ".yaml", "yml": "x.yml",
        "capital": "Elektriker.yaml", "sub": "sub", "folder": "mapp.yaml", "dangling": "d.yaml",
        "loop": "l.yaml", "zero": "z.yaml", "outside": "o.yaml", "inside": "i.yaml",
        "fifo": "f.yaml", "empty": "tom.yaml",
    }[kind]  # fmt: skip
    target = paths / name
    if kind == "sub":
        target.mkdir()
        shutil.copy(source, target / source.name)
    elif kind == "folder":
        target.mkdir()
    elif kind in ("dangling", "loop", "zero", "outside", "inside"):
        outside = root / "utanfor.yaml"
        shutil.copy(source, outside)
        link = {
            "dangling": root / "saknas.yaml", "loop": target, "zero": Path("/dev/zero"),
            "outside": outside, "inside": source,
        }[kind]  # fmt: skip
        target.symlink_to(link)
    elif kind == "fifo":
        os.mkfifo(target)
    elif kind == "empty":
        target.write_text("", encoding="utf-8")
    else:
        shutil.copy(source, target)
    return _shown(target)


def folder(rng: random.Random, root: Path) -> str:
    paths = root / "content" / rng.choice(["paths", "actors"])
    shutil.rmtree(paths)
    if rng.random() < 0.5:
        paths.write_text("inte en mapp\n", encoding="utf-8")
    return _shown(paths)


# YAML ----------------------------------------------------------------------------------------


def syntax(rng: random.Random, root: Path) -> str:
    file = _a_path(rng, root) if rng.random() < 0.8 else _an_actor(rng, root)
    lines = file.read_text(encoding="utf-8").split("\n")
    index = rng.randrange(1, len(lines) - 1)
    kind = rng.choice(["tab", "cut", "quote", "colon", "dedent", "anchor", "docs", "dupe",
                       "nest", "drop", "bytes"])  # fmt: skip
    if kind == "tab":
        lines[index] = "\t" + lines[index].lstrip()
    elif kind == "cut":
        lines[index] = lines[index][: rng.randrange(len(lines[index]) + 1)]
    elif kind == "quote":
        lines[index] = lines[index].replace(": ", ': "', 1)
    elif kind == "colon":
        lines[index] += ": och: mer"
    elif kind == "dedent":
        lines[index] = lines[index].lstrip() + "  "
    elif kind == "anchor":
        lines.insert(index, "extra: &a [x]\nannan: *a")
    elif kind == "docs":
        lines.insert(index, "---")
    elif kind == "dupe":
        lines.insert(1, lines[1])
    elif kind == "nest":
        lines[index] = "djup: " + "[" * 500 + "]" * 500
    elif kind == "drop":
        del lines[index]
    else:
        file.write_bytes(file.read_bytes()[:50] + rng.choice([b"\xff\xfe", b"\x00", b"\xe9t"]))
        return _shown(file)
    file.write_text("\n".join(lines), encoding="utf-8")
    return _shown(file)


# Scalars -------------------------------------------------------------------------------------


def scalar(rng: random.Random, root: Path) -> str:
    file = _a_path(rng, root)
    field, value = rng.choice(
        [
            ("weeks", "4.0"), ("weeks", "1.0e+1"), ("weeks", "!!float 4"), ("weeks", "040"),
            ("weeks", "0x10"), ("weeks", "2_0"), ("weeks", "+3"), ("weeks", '"3"'),
            ("weeks", "0"), ("weeks", "999"), ("weeks", "-2"), ("weeks", "null"),
            ("weeks", "[3]"), ("year", "2099.0"), ("year", "2099"), ("year", "0o17"),
            ("year", "1999"), ("consent", "yes"), ("consent", "on"), ("consent", "True"),
            ("consent", "false"), ("county", "21"), ("county", "!!str 21"), ("age_band", "25"),
        ]
    )  # fmt: skip
    pattern = rf"^(\s*(?:- )?){field}: .*$"
    text = file.read_text(encoding="utf-8")
    matches = list(re.finditer(pattern, text, flags=re.MULTILINE))
    match = rng.choice(matches)
    replaced = f"{match.group(1)}{field}: {value}"
    file.write_text(text[: match.start()] + replaced + text[match.end() :], encoding="utf-8")
    return _shown(file)


# Text ----------------------------------------------------------------------------------------

INVISIBLE = ["\0", "\x1b", "\u202e", "\u2066", "\x85", "\x7f", "\r", "\x1b[31m"]
PERSONAL = [
    "Anna Svensson", "811218-9876", "070-123 45 67", "anna.svensson@example.se",
    "Storgatan 12, 123 45 Gävle", "den 12 mars 2023", "34 år gammal",
    "https://www.facebook.com/anna.svensson",
]  # fmt: skip


def _rewrite(file: Path, change: Callable[[dict[str, Any]], None]) -> str:
    """Load a content file, change its data, write it back as YAML."""
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    change(data)
    file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return _shown(file)


def _texts(data: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Where the text values of some data are."""
    if isinstance(data, dict):
        return [p for key, value in data.items() for p in _texts(value, (*at, key))]
    if isinstance(data, list):
        return [p for index, value in enumerate(data) for p in _texts(value, (*at, index))]
    return [at] if isinstance(data, str) and " " in data else []


def text(rng: random.Random, root: Path) -> str:
    file = _an_actor(rng, root) if rng.random() < 0.3 else _a_path(rng, root)
    insert = rng.choice(INVISIBLE + PERSONAL + ["x" * 2000])

    def change(data: dict[str, Any]) -> None:
        *parent, key = rng.choice(_texts(data))
        holder = data
        for part in parent:
            holder = holder[part]
        value = holder[key]
        cut = rng.randrange(len(value) + 1)
        holder[key] = value[:cut] + f" {insert} " + value[cut:]

    return _rewrite(file, change)


def benign(rng: random.Random, root: Path) -> str:
    """Edits that keep a file valid: the checker must accept them, and the build show them."""
    file = _a_path(rng, root)

    def change(data: dict[str, Any]) -> None:
        kind = rng.choice(["order", "optional", "text", "weeks"])
        if kind == "order":
            for key in sorted(data, key=lambda _: rng.random()):
                data[key] = data.pop(key)
        elif kind == "optional":
            for key in ("what_helped", "quote", "tips", "municipality"):
                data.pop(key, None)
        elif kind == "text":
            data["background"] = "Hon hade arbetat länge i butik och ville pröva något nytt."
        else:
            rng.choice(data["steps"])["weeks"] = rng.randrange(1, 261)

    return _rewrite(file, change)


# Ids and references ----------------------------------------------------------------------------


def ids(rng: random.Random, root: Path) -> str:
    on_actor = rng.random() < 0.4
    file = _an_actor(rng, root) if on_actor else _a_path(rng, root)
    new_id = rng.choice(["index", "sida-2", "sida-10", "Stor", "med mellanslag", "x" * 90])
    if rng.random() < 0.5 and re.fullmatch(r"[a-z0-9-]+", new_id):
        renamed = file.with_name(f"{new_id}.yaml")
        file.rename(renamed)
        file = renamed
    return _edit_value(rng, file, r"^id: .*$", f"id: {new_id}")


def reference(rng: random.Random, root: Path) -> str:
    file = _a_path(rng, root)
    field, value = rng.choice(
        [
            ("occupation", "elektrikr"), ("occupation", "index"), ("county", '"99"'),
            ("municipality", '"0180"'), ("documented_by", "finns-inte"),
            ("outcome", "{type: okand, text: Hon fick jobb på ett lager i länet.}"),
            ("situations", "[ung, ung]"), ("situations", "[]"),
        ]
    )  # fmt: skip
    text = file.read_text(encoding="utf-8")
    if not re.search(rf"^{field}:", text, flags=re.MULTILINE):
        file.write_text(text.replace("\nyear:", f"\n{field}: {value}\nyear:", 1), "utf-8")
        return _shown(file)
    return _edit_value(rng, file, rf"^{field}:.*(?:\n  .*)*$", f"{field}: {value}")


def size(rng: random.Random, root: Path) -> str:
    file = _a_path(rng, root)
    padding = "# " + "x" * rng.choice([255 * 1024, 300 * 1024, 2 * 1024 * 1024]) + "\n"
    file.write_text(file.read_text(encoding="utf-8") + padding, encoding="utf-8")
    return _shown(file)


MUTATIONS: list[Mutation] = [entry, folder, syntax, scalar, text, ids, reference, size, benign]
CASES = [(index, MUTATIONS[index % len(MUTATIONS)]) for index in range(333)]


def _check_outcome(root: Path, damaged: str) -> bool:
    """Check one damaged project; True when the content was found valid."""
    content, findings = load_content(ContentLayout(root), this_year=2025)
    errors = [f for f in findings if f.severity == "error"]
    for finding in findings:
        assert finding.line >= 1 and finding.column >= 1, finding
        assert finding.message and "\n" not in finding.format(), finding
        # Every finding names a file that is there, or a content folder that is missing.
        missing_folder = finding.file in ("content/paths", "content/actors")
        assert os.path.lexists(root / finding.file) or missing_folder, finding
    if content is None:
        assert errors, "no model, but no error either"
        return False
    assert not errors
    paths = root / "content" / "paths"
    # Nothing skipped: every entry of the folder is a path of the model.
    assert sorted(p.source for p in content.paths.values()) == sorted(
        f"content/paths/{name}" for name in os.listdir(paths)
    )
    assert len(content.actors) == len(os.listdir(root / "content" / "actors"))
    return True


@pytest.mark.parametrize(("index", "mutation"), CASES, ids=[f"{i}-{m.__name__}" for i, m in CASES])
def test_damaged_content_is_named_or_valid_never_a_traceback(
    tmp_path: Path, index: int, mutation: Mutation
) -> None:
    rng = random.Random(SEED + index)
    root = _project(tmp_path)
    damaged = mutation(rng, root)
    valid = _check_outcome(root, damaged)
    if mutation in (entry, folder, size, text):
        assert not valid, f"{damaged} must be refused"
    if mutation is benign:
        assert valid, f"{damaged} was refused"


BUILT = [case for case in CASES if case[0] % 29 == 0 or (case[1] is benign and case[0] < 30)]


@pytest.mark.parametrize(("index", "mutation"), BUILT, ids=[f"{i}-{m.__name__}" for i, m in BUILT])
def test_a_damaged_build_keeps_the_previous_site_or_publishes_a_whole_one(
    tmp_path: Path, index: int, mutation: Mutation
) -> None:
    rng = random.Random(SEED + index)
    root = _project(tmp_path / "project")
    shutil.copy(REPO_ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO_ROOT / "theme", root / "theme")
    shutil.copytree(REPO_ROOT / "content" / "pages", root / "content" / "pages")
    site = tmp_path / "site"
    site.mkdir()
    (site / "previous.html").write_text("the previous build", encoding="utf-8")
    mutation(rng, root)
    valid = _check_outcome(root, "")
    result = build_site(root, site)
    assert "Traceback" not in result.stderr
    if valid:
        assert result.returncode == 0, result.stderr
        entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
        assert entry["languages"]["sv"]["page_count"] > 0
        shown = {p.parent.name for p in (site / "vagar").glob("*/index.html")}
        files = {p.stem for p in (root / "content" / "paths").glob("*.yaml")}
        assert shown == files
        assert not (site / "previous.html").exists()
    else:
        assert result.returncode != 0
        assert re.search(r"content/\S+:\d+:\d+:", result.stderr), result.stderr
        assert sorted(p.name for p in site.iterdir()) == ["previous.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]


def test_the_cases_cover_every_kind_of_damage() -> None:
    assert len(CASES) >= 300
    assert {m.__name__ for _, m in CASES} == {m.__name__ for m in MUTATIONS}
    assert len(BUILT) >= 10
