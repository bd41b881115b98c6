"""Invented examples: kept and labelled, left out of a production build, or refused.

Every path and actor says ``example: true`` or ``false``. The sample repository publishes its
invented examples, each labelled "Påhittat exempel"; a production site must publish none, and
must not quietly drop a real path's actor either. So a real path that names an example actor
is an error, located at the reference, in both strict modes: a production build cannot show
the path without inventing a hole in it, and an honest error beats a silently shorter path.

- ``include``: everything is published; the pages label the examples.
- ``exclude``: the build of a production site (the plugin's ``examples: exclude``): example
  files are left out as if absent.
- ``refuse``: `vagar check --production`: every example file is an error, so a pull request
  to a production repository cannot add one.

Works on checked documents (not on the model), so every finding has its file, line and column.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from generator.findings import Finding, field_name
from generator.load import Document
from generator.messages import _
from generator.schema import references

ExampleMode = Literal["include", "exclude", "refuse"]
EXAMPLE_MODES: tuple[ExampleMode, ...] = ("include", "exclude", "refuse")
EXAMPLE_FIELD = "example"


def is_example(document: Document) -> bool:
    """Whether a checked document says ``example: true``."""
    return isinstance(document.data, dict) and document.data.get(EXAMPLE_FIELD) is True


def apply_mode(
    mode: ExampleMode,
    actor_docs: list[Document],
    path_docs: list[Document],
    paths_folder: str,
) -> tuple[list[Document], list[Document], list[Finding]]:
    """The actor and path documents a site is built from in ``mode``, and the findings.

    ``paths_folder`` is the paths folder as messages name it (for "every path is an
    example", which belongs to no one file).
    """
    if mode == "include":
        return actor_docs, path_docs, []
    findings: list[Finding] = []
    if mode == "refuse":
        findings += [_example_file(doc) for doc in (*actor_docs, *path_docs) if is_example(doc)]
    left_out = {str(doc.data["id"]) for doc in actor_docs if is_example(doc)}
    real_paths = [doc for doc in path_docs if not is_example(doc)]
    findings += _references_to(left_out, real_paths)
    if mode == "refuse":
        return actor_docs, path_docs, findings
    if path_docs and not real_paths:
        message = _(
            "every path is an invented example (example: true), so a production build would "
            "publish no path — add real paths, or build with examples: include"
        )
        findings.append(Finding(paths_folder, 1, 1, message))
    real_actors = [doc for doc in actor_docs if not is_example(doc)]
    return real_actors, real_paths, findings


def _example_file(document: Document) -> Finding:
    where = document.position((EXAMPLE_FIELD,))
    message = _(
        "is an invented example (example: true), which a production site does not publish — "
        "remove the file, or write false if it describes something real"
    )
    return Finding(document.file, where.line, where.column, message, EXAMPLE_FIELD)


def _references_to(left_out: set[str], documents: Iterable[Document]) -> list[Finding]:
    """A finding at every place where a real path names an actor that is an example."""
    findings = []
    for document in documents:
        for at, actor_id in references("path", document.data):
            if actor_id not in left_out:
                continue
            where = document.position(at)
            message = _(
                "names the actor {id}, an invented example that a production site does not "
                "publish — name a real actor (example: false)"
            ).format(id=actor_id)
            findings.append(
                Finding(document.file, where.line, where.column, message, field_name(at))
            )
    return findings
