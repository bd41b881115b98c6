"""Reading a content file, bounded: a regular file in the repository, of at most a size that no
real content file comes near, never a link, a pipe or a device (issue 10: fail closed)."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from generator.findings import Finding
from generator.messages import _

MAX_FILE_BYTES = 256 * 1024
"""A content file is a few kilobytes; anything above this is refused before it is parsed, so
that no file can make the check slow or hungry."""


def read_content_file(path: Path, display_name: str) -> tuple[bytes | None, list[Finding]]:
    """The bytes of a regular file of at most ``MAX_FILE_BYTES``, never following a symbolic
    link and never waiting on a pipe or a device; or None and why not."""
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as error:
        problem = (
            _("the file is a symbolic link — content files must be regular files in the repository")
            if error.errno == errno.ELOOP
            else _("the file cannot be read ({reason})").format(reason=error.strerror)
        )
        return None, [Finding(display_name, 1, 1, problem)]
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            return None, [
                Finding(
                    display_name,
                    1,
                    1,
                    _(
                        "the file is not a regular file (a folder, pipe or device) — content "
                        "files must be YAML text files"
                    ),
                )
            ]
        raw = _read_at_most(handle, MAX_FILE_BYTES + 1)
    finally:
        os.close(handle)
    if len(raw) > MAX_FILE_BYTES:
        return None, [
            Finding(
                display_name,
                1,
                1,
                _(
                    "the file is larger than {size} KB — a content file is a few kilobytes; "
                    "check that this is the right file"
                ).format(size=MAX_FILE_BYTES // 1024),
            )
        ]
    return raw, []


def _read_at_most(handle: int, limit: int) -> bytes:
    """Up to ``limit`` bytes of an open file, with plain reads (no file object per file)."""
    parts = []
    while limit > 0:
        part = os.read(handle, limit)
        if not part:
            break
        parts.append(part)
        limit -= len(part)
    return b"".join(parts)
