"""The `vagar` command: `vagar check` validates all content and reports every finding.

``main(argv)`` returns the exit code instead of exiting, so tests call it directly.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from generator.content import ContentLayout, load_content
from generator.findings import has_errors


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns 0 when content is valid, 1 on findings, 2 on bad usage."""
    parser = argparse.ArgumentParser(prog="vagar", description="Tools for Vägar till jobb.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate every content file")
    check.add_argument(
        "--root",
        type=Path,
        default=Path("."),
        help="project folder that holds content/ (default: the current folder)",
    )
    check.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="text for people, github for annotations in a pull request",
    )
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse has printed the usage message
        return int(exit_.code or 0)
    return _check(args.root, args.format)


def _check(root: Path, output_format: str) -> int:
    layout = ContentLayout(root.resolve())
    if not (layout.root / layout.content_dir).is_dir():
        print(f"vagar: no content/ folder in {root} — run from the project folder", file=sys.stderr)
        return 2
    content, findings = load_content(layout)
    for finding in findings:
        print(finding.format_github() if output_format == "github" else finding.format())
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors
    if content is not None:
        summary = (
            f"{len(content.paths)} paths and {len(content.actors)} actors checked: "
            f"no errors, {warnings} warning{'s' if warnings != 1 else ''}"
        )
    else:
        summary = f"{errors} error{'s' if errors != 1 else ''}, {warnings} warnings"
    print(summary, file=sys.stderr)
    return 1 if has_errors(findings) else 0


if __name__ == "__main__":
    sys.exit(main())
