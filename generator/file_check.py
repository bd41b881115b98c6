"""Checking one content file, and many of them on every core.

A national knowledge base holds tens of thousands of path files, and loading and checking one
takes most of a millisecond of Python. Each file is checked on its own (load, schema, personal
data, path rules), so a large check hands the files to worker processes; everything that
relates files to each other (unique ids, re-identification) happens afterwards, in one place.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import threading
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from generator.findings import Finding
from generator.load import Document, load_document
from generator.messages import language, set_language
from generator.rules import result_findings, track_findings
from generator.schema import SchemaChecker, load_schema
from generator.validate import (
    path_rule_findings,
    personal_data_findings,
    scalar_findings,
    schema_findings,
)

PARALLEL_FROM = 400
"""Below this many files, starting worker processes costs more than it saves."""

Checked = tuple[Document | None, list[Finding]]


@dataclass(frozen=True)
class FileRules:
    """What a file is checked against, as plain data so that worker processes receive it."""

    schema_name: str
    known_ids: Mapping[str, frozenset[str]]
    known_words: frozenset[str]
    municipality_county: Mapping[str, str]
    this_year: int
    reviewed: frozenset[tuple[str, str, str]] = frozenset()
    """Reviewed false alarms: ``(file, field, text hash)`` (``content/reviewed-false-alarms``)."""


class FileChecker:
    """Checks single files against one set of rules (the compiled schema is built once)."""

    def __init__(self, rules: FileRules) -> None:
        self.rules = rules
        known = {name: dict.fromkeys(ids) for name, ids in rules.known_ids.items()}
        self.schema = SchemaChecker(load_schema(rules.schema_name), known)

    def check(self, file: Path, display_name: str) -> Checked:
        """The document (None when it could not be read) and every finding in it."""
        with collection_paused():
            document, findings = load_document(file, display_name)
            if document is None:
                return None, findings
            return document, findings + self.check_document(document)

    def check_document(self, document: Document) -> list[Finding]:
        """Every finding in a loaded document."""
        findings = schema_findings(document, self.schema)
        findings += scalar_findings(document)
        findings += personal_data_findings(
            document, self.schema, self.rules.known_words, self.rules.reviewed
        )
        if self.rules.schema_name == "path":
            findings += path_rule_findings(
                document, self.rules.municipality_county, self.rules.this_year
            )
            findings += track_findings(document)
        if self.rules.schema_name == "actor":
            findings += result_findings(document, self.rules.this_year)
        return findings


@contextmanager
def collection_paused() -> Iterator[None]:
    """Python's cycle collector paused while documents are made, then as it was before.

    Documents and models are trees, which reference counting frees without the collector; yet
    it walks every young object each few hundred new ones, and a big check makes millions of
    them, which cost about a quarter of the check's time. Between files it runs as usual, so
    what a broken file leaves in a cycle is still collected.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def check_files(files: Sequence[tuple[Path, str]], rules: FileRules) -> list[Checked]:
    """Check ``(file, display name)`` pairs, in order; in worker processes when there are many.

    Workers are forked when this process runs no other thread: they start at once, with the
    checker built here. Otherwise they are spawned: MkDocs' live-reload server runs builds
    beside other threads, and forking a process with threads is unsafe. Either way they write
    their findings in the language of this process (``--lang`` is not in their environment).
    """
    cores = os.cpu_count() or 1
    fork = _can_fork()
    if len(files) < PARALLEL_FROM or cores < 2 or not (fork or _can_spawn()):
        checker = FileChecker(rules)
        return [checker.check(file, name) for file, name in files]
    chunk = max(50, len(files) // (cores * 8))
    if fork:
        pool = ProcessPoolExecutor(
            cores,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_adopt_checker,
            initargs=(FileChecker(rules), language()),
        )
    else:
        pool = ProcessPoolExecutor(
            cores,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(rules, language()),
        )
    with pool:
        return list(pool.map(_check_in_worker, files, chunksize=chunk))


def _can_fork() -> bool:
    """Forking is safe where no other thread could hold a lock the child then waits for; on
    Linux only (macOS' system libraries do not survive a fork)."""
    return sys.platform.startswith("linux") and threading.active_count() == 1


def _can_spawn() -> bool:
    """Spawned workers re-import the main script; one read from stdin cannot be."""
    main_file = getattr(sys.modules["__main__"], "__file__", None)
    return main_file is None or os.path.exists(main_file)


_worker_checker: FileChecker | None = None
"""The checker of a worker process, built once when the worker starts."""


def _start_worker(rules: FileRules, message_language: str) -> None:
    global _worker_checker
    set_language(message_language)
    _worker_checker = FileChecker(rules)


def _adopt_checker(checker: FileChecker, message_language: str) -> None:
    """A forked worker takes the checker its parent built. What it inherited is set aside
    from the cycle collector (it would walk it again and again, and copy its pages)."""
    global _worker_checker
    set_language(message_language)
    _worker_checker = checker
    gc.freeze()
    gc.enable()


def _check_in_worker(item: tuple[Path, str]) -> Checked:
    assert _worker_checker is not None, "worker started without _start_worker"
    document, findings = _worker_checker.check(*item)
    return (document.light() if document is not None else None), findings
