"""Lighthouse 12 (mobile) on the home page, an occupation page, a path page and the Arabic
home page.

scripts/lighthouse.py serves the built sample site under /repo/ with gzip and prints the
scores; here it runs once per session on the site the other tests use, and every score must
reach its threshold: accessibility 100, best practices and SEO 95, performance 90.
Performance is timed on this machine's CPU, which other work can only slow down: the script
runs a page that scored under 90 again (up to five runs, the CPU slowdown calibrated to a slow
host as Lighthouse advises) and counts its best run, so a busy CI machine does not fail a page
that a phone would find fast, while a page that is slow in every run still fails.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import node_tool
from helpers import REPO_ROOT

pytestmark = [pytest.mark.browser, pytest.mark.node]

SCRIPT = REPO_ROOT / "scripts" / "lighthouse.py"
THRESHOLDS = {"performance": 90, "accessibility": 100, "best-practices": 95, "seo": 95}


def test_lighthouse_scores_reach_the_thresholds(site: Path) -> None:
    node_tool("lighthouse/cli/index.js")
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--site", str(site), "--json"],
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    assert result.stdout.strip(), result.stderr
    scores: dict[str, dict[str, int]] = json.loads(result.stdout.strip().splitlines()[-1])
    assert set(scores) == {"home", "occupation", "path", "ar-home"}
    low = [
        f"{page}: {category} {score} < {THRESHOLDS[category]}"
        for page, by_category in scores.items()
        for category, score in by_category.items()
        if score < THRESHOLDS[category]
    ]
    assert not low, f"{low}\n{result.stderr}"
    assert result.returncode == 0, result.stderr
