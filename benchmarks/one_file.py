"""The cost of checking one hostile file: wall time and peak memory of `vagar check` on a
project whose single path file is built to be slow or hungry, each up to the 256 KB limit.

The checker must stay under one second and 200 MB for any single file (issue 10). Each case
runs `vagar check` in a process of its own, so the peak memory is that of the check alone.
Prints a Markdown table; run it on a quiet machine:

    .venv/bin/python benchmarks/one_file.py
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent
sys.path.insert(0, str(REPO_ROOT / "tests"))

from helpers import VALID_PATH, make_project  # noqa: E402

LIMIT = 256 * 1024
TEXT_LINE = "text: De gick igenom lediga jobb i länet."


def _in_text(filler: str) -> str:
    """``VALID_PATH`` with a step text made of ``filler``, as long as the limit allows."""
    room = LIMIT - len(VALID_PATH.encode()) - 100
    body = (filler * (room // len(filler.encode()) + 1))[: room // 2]
    return VALID_PATH.replace(TEXT_LINE, f"text: '{body}'")


CASES: dict[str, str] = {
    "flow nesting": "a: " + "[" * 60000 + "]" * 60000 + "\n",
    "mapping nesting": "a: " + "{b: " * 40000 + "}" * 40000 + "\n",
    "phone-like numbers": _in_text("070-123 45 67 "),
    "digits": _in_text("1 "),
    "names": _in_text("Anna Karlsson och Erik "),
    "dates": _in_text("den 12 mars 2023 i början av maj "),
    "e-mail addresses": _in_text("a@b.se x@y.com "),
    "street addresses": _in_text("Storgatan 12, 123 45 Stad "),
    "unknown fields": "\n".join(f"k{i}: v" for i in range(25000)) + "\n",
    "thousands of steps": VALID_PATH.split("steps:")[0]
    + "steps:\n"
    + "".join("  - {type: x, title: t, actors: [a], weeks: 1, text: t}\n" for _ in range(4000)),
    "one long line": "title: " + "x" * (LIMIT - 200) + "\n",
    "just over the limit": VALID_PATH + "#" + "x" * LIMIT + "\n",
}


def measure(name: str, text: str) -> tuple[float, float, str]:
    """Wall seconds, peak MB and the first line of output of `vagar check` on one file."""
    with tempfile.TemporaryDirectory() as folder:
        root = make_project(Path(folder), {"giltig-vag.yaml": ""})
        (root / "content" / "paths" / "giltig-vag.yaml").write_bytes(text.encode()[: LIMIT + 100])
        start = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-c", CHECK, "check", "--root", str(root), "--lang", "en"],
            capture_output=True,
            text=True,
            check=False,
            cwd=REPO_ROOT,
        )
        seconds = time.perf_counter() - start
        shutil.rmtree(root, ignore_errors=True)
    peak = int(result.stderr.rsplit("PEAK ", 1)[-1])
    first = (result.stdout.splitlines() or [""])[0]
    return seconds, peak / 1024, first.split(": ", 1)[-1][:70]


CHECK = (
    "import resource, sys\n"
    "from generator.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "print('PEAK', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
    "sys.exit(code)\n"
)
"""`vagar check` that reports its own peak memory (kilobytes) last on standard error."""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.parse_args()
    baseline, base_mb, _ = measure("valid", VALID_PATH)
    print(f"A valid one-path project: {baseline:.2f} s, {base_mb:.0f} MB (interpreter included)\n")
    print("| file | size | wall time | peak memory | first finding |")
    print("|---|---|---|---|---|")
    for name, text in CASES.items():
        seconds, megabytes, first = measure(name, text)
        size = min(len(text.encode()), LIMIT + 100) // 1024
        print(f"| {name} | {size} KB | {seconds:.2f} s | {megabytes:.0f} MB | {first} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
