"""Lighthouse 12 on the home page, an occupation page and a path page; prints the scores.

    python scripts/lighthouse.py                # builds the site into a temporary folder
    python scripts/lighthouse.py --site site    # an already built site
    python scripts/lighthouse.py --json         # the scores as JSON (tests/test_lighthouse.py)

The site is served under /repo/ on 127.0.0.1 by the static server of scripts/localsite.py,
which gzips what is not gzip already, as GitHub Pages does. Lighthouse runs with its mobile
defaults (simulated slow 4G and a slowed CPU) in Debian's Chromium (CHROME_PATH,
/usr/bin/chromium by default), one run per page, and three (the median counts) for a page
that scored under a threshold.
Lighthouse comes from node_modules/ (`make npm`). Exits 1 when a score is below THRESHOLDS.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
# Run as `python scripts/lighthouse.py`, the repository root is not on sys.path.
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))
from scripts import localsite  # noqa: E402

LIGHTHOUSE = REPO_ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
SUB_PATH = "repo"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
THRESHOLDS = {"performance": 90, "accessibility": 100, "best-practices": 95, "seo": 95}
CHROME_FLAGS = " ".join(["--headless=new", *localsite.CHROMIUM_ARGS, "--disable-dev-shm-usage"])
HEADERS = {"Cache-Control": "max-age=600"}  # as GitHub Pages sends


def sample_pages() -> dict[str, str]:
    """Home, the first path's occupation, the first path and the Arabic home page (right to
    left), as site-relative URLs."""
    first = sorted((REPO_ROOT / "content" / "paths").glob("*.yaml"))[0]
    path = yaml.safe_load(first.read_text(encoding="utf-8"))
    return {
        "home": "",
        "occupation": f"yrken/{path['occupation']}/",
        "path": f"vagar/{path['id']}/",
        "ar-home": "ar/",
    }


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """``site`` at http://127.0.0.1:<port>/repo/ until the block ends."""
    with tempfile.TemporaryDirectory() as root:
        (Path(root) / SUB_PATH).symlink_to(site.resolve(), target_is_directory=True)
        with localsite.serve(Path(root), SUB_PATH, gzip=True, headers=HEADERS) as base:
            yield base


def lighthouse(url: str) -> dict[str, int]:
    """One Lighthouse run (mobile): the score of each category, 0-100."""
    if not LIGHTHOUSE.is_file():
        raise SystemExit(f"{LIGHTHOUSE} is missing: run `make npm`")
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", localsite.CHROMIUM)}
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run(
            [
                "node",
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--output=json",
                "--output-path=stdout",
                f"--only-categories={','.join(CATEGORIES)}",
                f"--chrome-flags={CHROME_FLAGS} --user-data-dir={profile}",
                "--max-wait-for-load=60000",
            ],
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
    if result.returncode != 0:
        raise SystemExit(f"Lighthouse failed on {url}:\n{result.stderr[-3000:]}")
    report = json.loads(result.stdout)
    if report.get("runtimeError"):
        raise SystemExit(f"Lighthouse could not load {url}: {report['runtimeError']}")
    return {name: round(100 * (report["categories"][name]["score"] or 0)) for name in CATEGORIES}


def run(site: Path, pages: dict[str, str] | None = None) -> dict[str, dict[str, int]]:
    """Scores per page name for the built ``site``.

    One run per page. Performance is measured on this machine's CPU (Lighthouse slows it
    down four times to simulate a phone), so a busy machine costs points: a page with a
    score under its threshold is run twice more and scored by the median of the three runs,
    as Lighthouse's documentation advises for variable environments.
    """
    pages = pages or sample_pages()
    scores: dict[str, dict[str, int]] = {}
    with serve(site) as base:
        for name, url in pages.items():
            first = lighthouse(base + url)
            if not below_thresholds({name: first}):
                scores[name] = first
                continue
            runs = [first, lighthouse(base + url), lighthouse(base + url)]
            print(f"{name}: {runs}, taking the median", file=sys.stderr)
            scores[name] = {c: sorted(r[c] for r in runs)[1] for c in CATEGORIES}
    return scores


def below_thresholds(scores: dict[str, dict[str, int]]) -> list[str]:
    return [
        f"{page}: {category} {score} < {THRESHOLDS[category]}"
        for page, by_category in scores.items()
        for category, score in by_category.items()
        if score < THRESHOLDS[category]
    ]


def table(scores: dict[str, dict[str, int]]) -> str:
    header = f"{'page':<12}" + "".join(f"{c:>16}" for c in CATEGORIES)
    rows = [
        f"{page:<12}" + "".join(f"{by_category[c]:>16}" for c in CATEGORIES)
        for page, by_category in scores.items()
    ]
    limits = f"{'at least':<12}" + "".join(f"{THRESHOLDS[c]:>16}" for c in CATEGORIES)
    return "\n".join([header, *rows, limits])


def build(site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--clean", "--site-dir", str(site)],
        cwd=REPO_ROOT,
        env=env,
        check=True,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as temporary:
        site = args.site
        if site is None:
            site = Path(temporary) / "site"
            build(site)
        scores = run(site)
    print(json.dumps(scores) if args.json else table(scores))
    failures = below_thresholds(scores)
    for failure in failures:
        print(f"below threshold: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
