"""Reviewed false alarms: what maintainers have checked and let through.

The personal-data check errs on the side of caution, and a clean sentence can look like an
identity number or a phone number to it. A maintainer who has read such a field records it in
``content/reviewed-false-alarms.yaml``: the file, the field, a hash of the field's exact text
(never the text: the file is public) and the reason. The field is then not scanned while its
text stays the same; any edit brings the check back. The file is protected by CODEOWNERS.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from generator.findings import Finding, field_name
from generator.load import Document, load_document
from generator.messages import _
from generator.schema import SchemaChecker, free_texts, load_schema
from generator.validate import schema_findings, text_hash

FILE_NAME = "reviewed-false-alarms.yaml"

Reviewed = frozenset[tuple[str, str, str]]
"""``(file, field, text hash)`` of each reviewed false alarm."""


def load_reviewed(file: Path, display_name: str) -> tuple[Reviewed, Document | None, list[Finding]]:
    """The reviewed alarms in ``file`` (none when it does not exist) and its problems."""
    if not file.exists() and not file.is_symlink():
        return frozenset(), None, []
    document, findings = load_document(file, display_name)
    if document is None:
        return frozenset(), None, findings
    findings = schema_findings(document, SchemaChecker(load_schema("reviewed"), {}))
    if findings:
        return frozenset(), document, findings
    entries = frozenset((e["file"], e["field"], e["text_sha256"]) for e in document.data)
    return entries, document, []


def stale_entries(
    reviewed: Reviewed, document: Document | None, content: Iterable[Document]
) -> list[Finding]:
    """Warnings for entries whose field no longer holds the reviewed text: remove them."""
    if document is None:
        return []
    current = {
        (doc.file, field_name(path), text_hash(text))
        for doc in content
        for path, text in free_texts(_kind(doc.file), doc.data)
    }
    findings = []
    for index, entry in enumerate(document.data):
        if (entry["file"], entry["field"], entry["text_sha256"]) not in current:
            where = document.position((index, "text_sha256"))
            findings.append(
                Finding(
                    document.file,
                    where.line,
                    where.column,
                    _(
                        "{file} {field} no longer holds the reviewed text — remove the entry "
                        "(the check applies again)"
                    ).format(file=entry["file"], field=entry["field"]),
                    field_name((index,)),
                    severity="warning",
                )
            )
    return findings


def _kind(display_name: str) -> str:
    return "actor" if "/actors/" in f"/{display_name}" else "path"
