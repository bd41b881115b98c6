"""The workflow that turns an approved "Ny väg" issue into a pull request
(``.github/workflows/ny-vag.yml``): its jobs get the least they need, no untrusted text is
written into a command, and its conversion step, run here as GitHub runs it (bash, the step's
own script) on a saved issue, writes one checked path file and hands on only a checked file
name and the file itself, also when the issue text is hostile."""

from __future__ import annotations

import base64
import copy
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import FIXTURES_DIR, REPO_ROOT, make_project

from generator.cli import main as vagar

WORKFLOW = REPO_ROOT / ".github" / "workflows" / "ny-vag.yml"
ISSUE = json.loads((FIXTURES_DIR / "issue-ny-vag.json").read_text(encoding="utf-8"))
VENV_BIN = Path(sys.executable).parent


def _workflow() -> dict[Any, Any]:
    data: dict[Any, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return data


def _step(job: str, name: str) -> dict[str, Any]:
    steps: list[dict[str, Any]] = _workflow()["jobs"][job]["steps"]
    return next(step for step in steps if step.get("name") == name)


def test_it_runs_when_a_maintainer_labels_a_new_path_issue() -> None:
    workflow = _workflow()
    assert workflow.get("on", workflow.get(True)) == {"issues": {"types": ["labeled"]}}
    condition = workflow["jobs"]["convert"]["if"]
    assert "github.event.label.name == 'godkänd'" in condition
    assert "'ny väg'" in condition


def test_each_job_gets_only_what_it_needs() -> None:
    jobs = _workflow()["jobs"]
    assert _workflow()["permissions"] == {}
    assert jobs["convert"]["permissions"] == {"contents": "read", "issues": "read"}
    assert jobs["pull-request"]["permissions"] == {
        "contents": "write",
        "pull-requests": "write",
    }
    assert jobs["report"]["permissions"] == {"issues": "write"}
    # Only the reading job runs project code; the writing job runs git and gh alone.
    writing = " ".join(step.get("run", "") for step in jobs["pull-request"]["steps"])
    assert ".venv" not in writing and "python" not in writing and "pip" not in writing


def test_no_expression_is_written_into_a_command() -> None:
    """Untrusted text reaches the scripts only through environment variables."""
    for job in _workflow()["jobs"].values():
        for step in job["steps"]:
            assert "${{" not in step.get("run", ""), step["name"]


def test_the_issue_text_is_read_through_the_api_into_a_file() -> None:
    fetch = _step("convert", "Hämta ärendets text")
    assert fetch["run"].startswith('gh api "repos/${REPOSITORY}/issues/${ISSUE}" > ')
    assert fetch["env"]["ISSUE"] == "${{ github.event.issue.number }}"


def _convert(tmp_path: Path, issue: dict[str, Any]) -> tuple[int, str, dict[str, str], Path]:
    """Run the conversion step in a project with no paths: its exit code, its messages, what
    it wrote to ``GITHUB_OUTPUT``, and the project."""
    project = make_project(tmp_path / "project", {})
    runner = tmp_path / "runner"
    runner.mkdir()
    (runner / "issue.json").write_text(json.dumps(issue, ensure_ascii=False), encoding="utf-8")
    output = runner / "output"
    output.touch()
    step = _step("convert", "Gör en vägfil")
    script = step["run"].replace(".venv/bin/", f"{VENV_BIN}/")
    env = {
        "PATH": f"{VENV_BIN}:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",
        "ISSUE_JSON": str(runner / "issue.json"),
        "RUNNER_TEMP": str(runner),
        "GITHUB_OUTPUT": str(output),
    }
    result = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    lines = output.read_text(encoding="utf-8").splitlines()
    outputs = dict(line.split("=", 1) for line in lines)
    assert len(outputs) == len(lines), lines  # one line per output, none repeated
    return result.returncode, result.stdout + result.stderr, outputs, project


def test_the_saved_issue_becomes_one_checked_path_file(tmp_path: Path) -> None:
    code, said, outputs, project = _convert(tmp_path, ISSUE)
    assert code == 0, said
    assert set(outputs) == {"file", "content"}
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*\.yaml", outputs["file"])
    written = project / "content" / "paths" / outputs["file"]
    assert base64.b64decode(outputs["content"]) == written.read_bytes()
    data = yaml.safe_load(written.read_text(encoding="utf-8"))
    assert data["title"] == "Från lagret till elcentralen"
    assert data["example"] is False
    assert vagar(["check", "--root", str(project)]) == 0


HOSTILE = {
    "title": "Från lagret $(touch pwned-title) till elcentralen",
    "summary": "Hen skrev `touch pwned-summary` och ${{ github.token }} i ansökan.",
    "background": (
        "Hen hade arbetat på ett lager; touch pwned-background; echo \"$HOME\" '$PATH' "
        "> pwned-redirect\nfile=../../../etc/passwd\ncontent=ZWxhaw=="
    ),
}
"""Shell, expression and GITHUB_OUTPUT injections in the answers (one line breaks in the
background: a new ``file=`` line must not reach the outputs)."""


def _with_answers(answers: dict[str, str]) -> dict[str, Any]:
    """The saved issue with some answers replaced (the body as GitHub renders a form)."""
    issue = copy.deepcopy(ISSUE)
    body: str = issue["body"]
    for field, value in answers.items():
        heading = {"title": "Rubrik", "summary": "Sammanfattning", "background": "Bakgrund"}[field]
        body = re.sub(
            rf"(### {heading}\n\n)(.*?)(\n\n###)",
            lambda m, value=value: m.group(1) + value + m.group(3),
            body,
            count=1,
            flags=re.DOTALL,
        )
    issue["body"] = body
    return issue


def test_a_hostile_issue_runs_nothing_and_is_kept_as_text(tmp_path: Path) -> None:
    code, said, outputs, project = _convert(tmp_path, _with_answers(HOSTILE))
    assert code == 0, said
    assert not list(tmp_path.rglob("pwned*")), said
    assert set(outputs) == {"file", "content"}
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*\.yaml", outputs["file"])
    data = yaml.safe_load(base64.b64decode(outputs["content"]).decode("utf-8"))
    assert data["title"] == HOSTILE["title"]
    assert data["summary"] == HOSTILE["summary"]
    assert "touch pwned-background" in data["background"]
    assert vagar(["check", "--root", str(project)]) == 0


@pytest.mark.parametrize(
    "body",
    [
        "'; touch pwned; echo '",
        "$(touch pwned)\n\n### Rubrik\n\n`touch pwned`",
        None,
        "",
        "### Rubrik\n\n" + "x" * 200_000,
    ],
    ids=["quotes", "substitution", "null", "empty", "huge"],
)
def test_an_issue_that_is_not_a_path_stops_with_no_outputs(
    tmp_path: Path, body: str | None
) -> None:
    issue = {**ISSUE, "body": body}
    code, said, outputs, project = _convert(tmp_path, issue)
    assert code != 0
    assert outputs == {}
    assert not list(tmp_path.rglob("pwned*"))
    assert list((project / "content" / "paths").iterdir()) == []
    assert "Traceback" not in said
