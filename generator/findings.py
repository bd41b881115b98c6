"""Findings: problems in content, as values that carry where they are and how to fix them.

Every stage returns findings instead of raising or exiting, so one run can report every problem
and the caller (the CLI or the MkDocs adapter) decides what to do with them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from generator.messages import _

Severity = Literal["error", "warning"]
FieldPath = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Finding:
    """One problem at one place in one file (line and column are 1-based)."""

    file: str
    line: int
    column: int
    message: str
    field: str = ""
    severity: Severity = "error"

    def format(self) -> str:
        """The one-line text form: ``file:line:col: field: message``.

        Always one line: line breaks and control characters in values a contributor wrote
        (an unknown id, say) are shown escaped, so they cannot forge lines in a log — or
        workflow commands such as ``::error`` in a GitHub Actions log.
        """
        where = f"{printable(self.file)}:{self.line}:{self.column}"
        prefix = "" if self.severity == "error" else _("warning: ")
        if self.field:
            return f"{where}: {printable(self.field)}: {prefix}{printable(self.message)}"
        return f"{where}: {prefix}{printable(self.message)}"

    def format_github(self) -> str:
        """A GitHub Actions workflow command, shown as an annotation on the changed line."""
        title = self.field or _("content")
        return (
            f"::{self.severity} file={_gh_property(self.file)},line={self.line},"
            f"col={self.column},title={_gh_property(title)}::{_gh_data(self.message)}"
        )


_CONTROL = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]"
)


def printable(text: str) -> str:
    """``text`` with line breaks, control and bidirectional characters written as escapes."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def field_name(path: FieldPath) -> str:
    """Render a field path as ``steps[2].actors[0]``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


def has_errors(findings: Iterable[Finding]) -> bool:
    """True when any finding is an error rather than a warning."""
    return any(f.severity == "error" for f in findings)


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")
