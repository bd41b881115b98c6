"""The `vagar` command: `check` validates all content, `new` writes a path by asking
questions, `from-issue` turns a "Ny väg" issue into a path file, `reviewed` prints the entry
for a false alarm a maintainer has reviewed.

``main(argv)`` returns the exit code instead of exiting, and takes the function that reads
answers as a parameter, so tests call it directly with scripted answers.

Messages are Swedish unless ``--lang en`` is given (before or after the command:
``vagar --lang en new`` and ``vagar new --lang en`` both work) or ``VAGAR_LANG=en`` is set.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import yaml

from generator.authoring.issue_form import run_from_issue
from generator.authoring.new import add_field_flags, answers_from_args, run_new
from generator.content import ContentLayout, load_content
from generator.findings import field_name, has_errors
from generator.load import load_document
from generator.messages import DEFAULT_LANGUAGE, LANGUAGES, _, language, ngettext, set_language
from generator.reviewed import FILE_NAME as REVIEWED_FILE
from generator.schema import free_texts
from generator.validate import text_hash


def main(argv: Sequence[str] | None = None, input_fn: Callable[[str], str] = input) -> int:
    """Run the command line; returns 0 on success, 1 on findings, 2 on bad usage."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse has printed the usage message
        return int(exit_.code or 0)
    before = language()
    set_language(_chosen_language(args.lang))
    try:
        return _run(args, input_fn)
    finally:
        set_language(before)


def _chosen_language(given: str | None) -> str:
    """``--lang``, else ``VAGAR_LANG``, else Swedish."""
    chosen = given or os.environ.get("VAGAR_LANG") or DEFAULT_LANGUAGE
    if chosen not in LANGUAGES:
        message = _("vagar: VAGAR_LANG={chosen} is not one of {languages}; using {default}")
        _say(
            message.format(chosen=chosen, languages=", ".join(LANGUAGES), default=DEFAULT_LANGUAGE)
        )
        return DEFAULT_LANGUAGE
    return chosen


def _run(args: argparse.Namespace, input_fn: Callable[[str], str]) -> int:
    if args.command == "check":
        return _check(args.root, args.format, args.production)
    if args.command == "reviewed":
        return review_entry(args.root, args.file, args.field, args.reason)
    if args.command == "new":
        return run_new(
            args.root,
            answers_from_args(args),
            ask=None if args.no_input else input_fn,
            say=_say,
            emit=print,
            write=not args.dry_run,
        )
    try:
        body = sys.stdin.read() if str(args.file) == "-" else args.file.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        _say(
            _("vagar: cannot read the issue text from {file}: {error}").format(
                file=args.file, error=error
            )
        )
        return 2
    return run_from_issue(args.root, body, say=_say, emit=print, write=not args.dry_run)


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vagar", description="Tools for Vägar till jobb.")
    lang_help = "language of messages: sv (default, or VAGAR_LANG) or en"
    parser.add_argument("--lang", choices=LANGUAGES, default=None, help=lang_help)
    commands = parser.add_subparsers(dest="command", required=True)
    root_help = "project folder that holds content/ (default: the current folder)"

    def command(name: str, help: str, description: str | None = None) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help, description=description)
        # SUPPRESS: when not given after the command, the --lang before it stays.
        sub.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=lang_help)
        return sub

    check = command("check", help="validate every content file")
    check.add_argument("--root", type=Path, default=Path("."), help=root_help)
    check.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="text for people, github for annotations in a pull request",
    )
    check.add_argument(
        "--production",
        action="store_true",
        help="check for a production site: every invented example (example: true) is an error",
    )

    new = command(
        "new",
        help="write a new path file by answering questions (or from flags)",
        description="Asks for every field not given as a flag; with --no-input, nothing is asked.",
    )
    new.add_argument("--root", type=Path, default=Path("."), help=root_help)
    new.add_argument("--no-input", action="store_true", help="never ask; every field by flag")
    new.add_argument("--dry-run", action="store_true", help="print the file instead of writing")
    add_field_flags(new)

    issue = command("from-issue", help="turn the body of a 'Ny väg' issue into a path file")
    issue.add_argument("file", type=Path, help="a file with the issue body, or - for stdin")
    issue.add_argument("--root", type=Path, default=Path("."), help=root_help)
    issue.add_argument("--dry-run", action="store_true", help="print the file instead of writing")
    reviewed = command(
        "reviewed",
        help="print the entry that lets a reviewed false alarm through",
        description=f"Prints an entry for content/{REVIEWED_FILE}: the file, the field, the "
        "SHA-256 of the field's exact text (never the text) and the reason.",
    )
    reviewed.add_argument("file", type=Path, help="the content file, e.g. content/paths/x.yaml")
    reviewed.add_argument("field", help="the field as the checker names it, e.g. steps[1].text")
    reviewed.add_argument("--reason", required=True, help="why the alarm is false, in a sentence")
    reviewed.add_argument("--root", type=Path, default=Path("."), help=root_help)
    return parser


def review_entry(root: Path, file: Path, field: str, reason: str) -> int:
    """`vagar reviewed`: print the reviewed-false-alarm entry for one field of one file."""
    layout = ContentLayout(root.resolve())
    path = file if file.is_absolute() else layout.root / file
    shown = layout.display(path.resolve() if path.exists() else path)
    document, problems = load_document(path, shown) if path.exists() else (None, [])
    if document is None:
        for problem in problems:
            _say(problem.format())
        _say(_("vagar: cannot read {file}").format(file=shown))
        return 2
    kind = "actor" if "/actors/" in f"/{shown}" else "path"
    texts = {field_name(at): text for at, text in free_texts(kind, document.data)}
    if field not in texts:
        _say(
            _("vagar: {file} has no free text {field}; free texts: {fields}").format(
                file=shown, field=field, fields=", ".join(texts)
            )
        )
        return 2
    entry = {
        "file": shown,
        "field": field,
        "text_sha256": text_hash(texts[field]),
        "reason": reason,
    }
    print(yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=100), end="")
    return 0


def _check(root: Path, output_format: str, production: bool = False) -> int:
    layout = ContentLayout(root.resolve())
    if not (layout.root / layout.content_dir).is_dir():
        message = _("vagar: no content/ folder in {root} — run from the project folder")
        print(message.format(root=root), file=sys.stderr)
        return 2
    content, findings = load_content(layout, examples="refuse" if production else "include")
    for finding in findings:
        print(finding.format_github() if output_format == "github" else finding.format())
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors
    warning_count = ngettext("{count} warning", "{count} warnings", warnings)
    if content is not None:
        paths, actors = len(content.paths), len(content.actors)
        summary = _("{paths} and {actors} checked: no errors, {warnings}").format(
            paths=ngettext("{count} path", "{count} paths", paths).format(count=paths),
            actors=ngettext("{count} actor", "{count} actors", actors).format(count=actors),
            warnings=warning_count.format(count=warnings),
        )
    else:
        summary = ngettext("{count} error", "{count} errors", errors).format(count=errors)
        summary += ", " + warning_count.format(count=warnings)
    print(summary, file=sys.stderr)
    return 1 if has_errors(findings) else 0


if __name__ == "__main__":
    sys.exit(main())
