"""The GitHub workflows and the pre-commit hook: zizmor finds nothing, GitHub's workflow schema
accepts them, every action is pinned by commit, tokens get the least they need, and the Pages
build really puts the Pages address into the site."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import REPO_ROOT

WORKFLOWS_DIR = REPO_ROOT / ".github" / "workflows"
WORKFLOWS = sorted(WORKFLOWS_DIR.glob("*.yml"))
PULL_REQUEST = WORKFLOWS_DIR / "pull-request.yml"
PAGES = WORKFLOWS_DIR / "pages.yml"
NEW_PATH = WORKFLOWS_DIR / "ny-vag.yml"
USES = re.compile(r"^\s*(?:- )?uses: (?P<action>[\w.-]+/[\w./-]+)@(?P<ref>\S+)(?P<rest>.*)$")


def _tool(name: str) -> str:
    """A command installed beside this Python (the project's .venv), else on PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.is_file() else shutil.which(name)
    assert found, f"{name} is not installed: pip install -e '.[test]'"
    return found


def _load(file: Path) -> dict[Any, Any]:
    data: dict[Any, Any] = yaml.safe_load(file.read_text(encoding="utf-8"))
    return data


def _on(workflow: dict[Any, Any]) -> dict[str, Any]:
    # PyYAML reads the key `on` as the boolean True.
    triggers: dict[str, Any] = workflow.get("on", workflow.get(True))
    return triggers


def _steps(file: Path, job: str) -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = _load(file)["jobs"][job]["steps"]
    return steps


def test_there_are_the_three_workflows() -> None:
    assert WORKFLOWS == [NEW_PATH, PAGES, PULL_REQUEST]


def test_zizmor_finds_nothing() -> None:
    for persona in ("regular", "pedantic"):
        result = subprocess.run(
            [_tool("zizmor"), "--offline", "--persona", persona, str(WORKFLOWS_DIR)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert "No findings to report" in result.stdout


def test_workflows_pass_githubs_workflow_schema() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-workflows",
            *map(str, WORKFLOWS),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("file", WORKFLOWS, ids=lambda f: f.name)
def test_every_action_is_pinned_by_commit_with_its_version(file: Path) -> None:
    uses = [USES.match(line) for line in file.read_text(encoding="utf-8").splitlines()]
    pins = [m for m in uses if m]
    assert pins
    for pin in pins:
        assert re.fullmatch(r"[0-9a-f]{40}", pin["ref"]), pin.group(0)
        assert re.fullmatch(r"\s+# v\d+\.\d+\.\d+", pin["rest"]), pin.group(0)


def test_one_action_has_one_pin_everywhere() -> None:
    seen: dict[str, set[str]] = {}
    for file in WORKFLOWS:
        for line in file.read_text(encoding="utf-8").splitlines():
            pin = USES.match(line)
            if pin:
                seen.setdefault(pin["action"], set()).add(f"{pin['ref']}{pin['rest']}")
    assert all(len(refs) == 1 for refs in seen.values()), seen


@pytest.mark.parametrize("file", WORKFLOWS, ids=lambda f: f.name)
def test_tokens_get_the_least_they_need(file: Path) -> None:
    text = file.read_text(encoding="utf-8")
    workflow = _load(file)
    assert workflow["permissions"] == {}
    assert "pull_request_target" not in text
    assert "secrets." not in text
    for name, job in workflow["jobs"].items():
        assert isinstance(job.get("permissions"), dict), name
        assert all(level in ("read", "write") for level in job["permissions"].values())
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False, name


def test_only_the_deploy_job_can_write() -> None:
    jobs = _load(PAGES)["jobs"]
    writes = {
        name: sorted(k for k, v in job["permissions"].items() if v == "write")
        for name, job in jobs.items()
    }
    assert writes == {"build": [], "deploy": ["id-token", "pages"]}
    assert _load(PULL_REQUEST)["jobs"]["check"]["permissions"] == {"contents": "read"}


def test_pull_requests_check_then_test_then_upload_the_preview() -> None:
    assert list(_on(_load(PULL_REQUEST))) == ["pull_request"]
    steps = _steps(PULL_REQUEST, "check")
    runs = [step.get("run", step.get("uses", "")).split("@")[0] for step in steps]
    assert runs[2:] == [
        "make install",
        ".venv/bin/vagar check --format github",
        "make test",
        "make build",
        "actions/upload-artifact",
    ]
    assert steps[-1]["with"]["path"] == "site/"


def test_main_is_built_and_deployed_to_pages() -> None:
    workflow = _load(PAGES)
    assert _on(workflow)["push"] == {"branches": ["main"]}
    build = [s.get("uses", "").split("@")[0] for s in _steps(PAGES, "build")]
    assert "actions/upload-pages-artifact" in build
    deploy = _steps(PAGES, "deploy")
    assert deploy[0]["uses"].startswith("actions/deploy-pages@")
    assert workflow["jobs"]["deploy"]["needs"] == "build"
    assert workflow["jobs"]["deploy"]["environment"]["name"] == "github-pages"


def test_the_pages_build_sets_site_url(tmp_path: Path) -> None:
    build = next(s for s in _steps(PAGES, "build") if s.get("name") == "Bygg webbplatsen")
    script = build["run"].replace(".venv/bin/mkdocs", f'"{sys.executable}" -m mkdocs')
    for name in ("content", "theme"):
        shutil.copytree(REPO_ROOT / name, tmp_path / name)
    shutil.copy(REPO_ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    env = {
        **os.environ,
        **_load(PAGES)["jobs"]["build"].get("env", {}),
        **build["env"],
        "SITE_URL": "https://exempel.github.io/vagar",
        "REPO_URL": "https://github.com/exempel/vagar",
        "BRANCH": "main",
    }

    result = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    not_found = (tmp_path / "site" / "404.html").read_text(encoding="utf-8")
    assert 'href="/vagar/assets/vagar.css"' in not_found
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://exempel.github.io/vagar/">' in home
    # The repository's address gives the contributor links (issue 14).
    path_id = sorted((tmp_path / "content" / "paths").glob("*.yaml"))[0].stem
    page = (tmp_path / "site" / "vagar" / path_id / "index.html").read_text(encoding="utf-8")
    edit = f"https://github.com/exempel/vagar/edit/main/content/paths/{path_id}.yaml"
    assert f'href="{edit}"' in page
    assert "https://exempel.github.io/vagar/assets/dela.png" in page


def test_pre_commit_runs_vagar_check_on_content() -> None:
    config_file = REPO_ROOT / ".pre-commit-config.yaml"
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", str(config_file)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (repo,) = _load(config_file)["repos"]
    (hook,) = repo["hooks"]
    assert repo["repo"] == "local"
    assert hook["entry"] == "vagar check"
    assert hook["language"] in ("system", "python")
    assert hook["pass_filenames"] is False
    assert hook["files"] == "^content/"


def _locked(file: Path) -> dict[str, tuple[str, int]]:
    """Package -> (version, number of hashes) from a pip-compile lock file."""
    locked: dict[str, tuple[str, int]] = {}
    for block in re.split(r"\n(?=[a-z0-9])", file.read_text(encoding="utf-8")):
        match = re.match(r"([a-z0-9._-]+)==(\S+)", block)
        if match:
            name = re.sub(r"[-_.]+", "-", match.group(1))
            locked[name] = (match.group(2), block.count("--hash=sha256:"))
    return locked


def test_the_pages_job_installs_the_site_lock_with_hashes_and_no_test_tools() -> None:
    import tomllib

    install = next(s for s in _steps(PAGES, "build") if s.get("name", "").startswith("Install"))
    assert "pip install --require-hashes --no-deps -r requirements/site.txt" in install["run"]
    assert "--no-index -e ." in install["run"]
    assert "make install" not in install["run"] and "[test]" not in install["run"]
    site = _locked(REPO_ROOT / "requirements" / "site.txt")
    text = (REPO_ROOT / "requirements" / "site.txt").read_text(encoding="utf-8")
    options = [line for line in text.splitlines() if line.startswith("--")]
    assert options == [], options  # no index or local folder of this machine
    assert all(hashes >= 1 for _, hashes in site.values()), site
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    wanted = {
        re.sub(r"[-_.]+", "-", re.split(r"[<>=\[; ]", dependency)[0].lower())
        for dependency in project["project"]["dependencies"]
    }
    assert wanted <= set(site), wanted - set(site)
    assert "setuptools" in site  # the project is installed without build isolation
    tools = {
        re.sub(r"[-_.]+", "-", re.split(r"[<>=\[; ]", t)[0].lower())
        for t in project["project"]["optional-dependencies"]["test"]
    }
    assert not tools & set(site), tools & set(site)
    test = _locked(REPO_ROOT / "requirements" / "test.txt")
    assert tools <= set(test)
    assert all(test[name][0] == version for name, (version, _) in site.items() if name in test)
