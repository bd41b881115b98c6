"""Onward link patterns (``content/links.yaml``): where the pages link to on other sites.

The pages say "så kommer du vidare" with links to the official description of an occupation,
its outlook and its job ads. The addresses belong to other sites and change without notice,
so they are data, not template text: each pattern carries the day it was checked and where it
is documented or seen, and a maintainer fixes a moved address here, in one line. The file is
checked like every content file, with located findings; a project without it simply has no
such links.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from generator.findings import Finding, field_name
from generator.load import Document, load_document
from generator.messages import _
from generator.model import LinkPattern
from generator.schema import SchemaChecker, load_schema
from generator.validate import scalar_findings, schema_findings

FILE_NAME = "links.yaml"

PLACEHOLDERS = ("ssyk", "occupation")
"""What a URL pattern may ask for: the SSYK 2012 code and the occupation's name."""

_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def load_link_patterns(
    file: Path, display_name: str
) -> tuple[dict[str, LinkPattern], list[Finding]]:
    """The link patterns in ``file`` by kind, and its problems; none when it does not exist."""
    if not file.exists() and not file.is_symlink():
        return {}, []
    document, findings = load_document(file, display_name)
    if document is None:
        return {}, findings
    findings = schema_findings(document, SchemaChecker(load_schema("links"), {}))
    findings += scalar_findings(document)
    if findings:
        return {}, findings
    findings = _rule_findings(document)
    if findings:
        return {}, findings
    patterns = {
        kind: LinkPattern(
            kind=kind,
            url=entry["url"],
            checked=entry["checked"],
            status=entry["status"],
            source=" ".join(entry["source"].split()),
        )
        for kind, entry in document.data.items()
    }
    return patterns, []


def _rule_findings(document: Document) -> list[Finding]:
    """What the schema cannot say: only known placeholders, written whole, and a real day
    that is not in the future."""
    findings: list[Finding] = []
    for kind, entry in document.data.items():
        url = entry["url"]
        unknown = [name for name in _PLACEHOLDER.findall(url) if name not in PLACEHOLDERS]
        if unknown:
            findings.append(
                _at(
                    document,
                    (kind, "url"),
                    _("unknown placeholder {{{name}}} — use {placeholders}").format(
                        name=unknown[0],
                        placeholders=", ".join(f"{{{name}}}" for name in PLACEHOLDERS),
                    ),
                )
            )
        elif "{" in _PLACEHOLDER.sub("", url) or "}" in _PLACEHOLDER.sub("", url):
            findings.append(
                _at(
                    document,
                    (kind, "url"),
                    _("a placeholder is not closed — write it as {ssyk} or {occupation}"),
                )
            )
        try:
            day = datetime.date.fromisoformat(entry["checked"])
        except ValueError:
            findings.append(
                _at(
                    document,
                    (kind, "checked"),
                    _(
                        "{date} is not a day in the calendar — write the day it was checked as "
                        "YYYY-MM-DD"
                    ).format(date=entry["checked"]),
                )
            )
            continue
        if day > datetime.date.today():
            findings.append(
                _at(
                    document,
                    (kind, "checked"),
                    _("{date} is in the future — write the day the link was checked").format(
                        date=entry["checked"]
                    ),
                )
            )
    return findings


def _at(document: Document, path: tuple[str, ...], message: str) -> Finding:
    where = document.position(path)
    return Finding(document.file, where.line, where.column, message, field_name(path))
