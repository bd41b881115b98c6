"""GitHub Pages' limits, checked in the build: a site that the host would refuse must not be
the site that replaces the last good one.

GitHub Pages publishes at most 1 GB per site, measured on the tar that the workflow action
``actions/upload-pages-artifact`` makes of the site folder (GNU tar, ``--dereference``,
``--exclude=.git --exclude=.github``, run in the folder so that names start with ``./``).
Its size is worked out here from the files, exactly as GNU tar lays them out, without
writing the archive.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from generator.messages import _

BLOCK = 512
RECORD = 20 * BLOCK
"""GNU tar writes whole records of 20 blocks."""
NAME_FIELD = 100
"""Longer names get an extra ``././@LongLink`` header and blocks of their own."""

WARN_BYTES = 800 * 1000 * 1000
FAIL_BYTES = 1000 * 1000 * 1000
"""The host's published limit is 1 GB; from 800 MB on, the build warns."""


@dataclass(frozen=True)
class SiteSize:
    """The size of a site as the Pages tar, and what the build should say about it."""

    tar_bytes: int
    files: int
    problem: str = ""
    """A message when the site passes the limit; empty otherwise."""
    warning: str = ""
    """A message when the site comes near the limit; empty otherwise."""


def pages_tar_size(folder: Path) -> tuple[int, int]:
    """The size in bytes of the Pages tar of ``folder``, and the number of files in it."""
    total = _entry(".")
    files = 0
    for current, folders, names in os.walk(folder):
        folders[:] = sorted(f for f in folders if f not in (".git", ".github"))
        relative = Path(current).relative_to(folder)
        for name in folders:
            total += _entry(f"./{(relative / name).as_posix()}/".replace("/./", "/"))
        for name in sorted(names):
            if name in (".git", ".github"):
                continue
            size = (Path(current) / name).stat().st_size  # --dereference: what links point at
            total += _entry(f"./{(relative / name).as_posix()}".replace("/./", "/"), size)
            files += 1
    total += 2 * BLOCK  # two zero blocks end the archive
    return -(-total // RECORD) * RECORD, files


def _entry(name: str, size: int = 0) -> int:
    """Bytes of one archive member: its header, a long-name record if needed, its data."""
    header = BLOCK
    encoded = len(name.encode("utf-8"))
    if encoded > NAME_FIELD:
        header += BLOCK + _blocks(encoded + 1)
    return header + _blocks(size)


def _blocks(size: int) -> int:
    return -(-size // BLOCK) * BLOCK


def check_site_size(
    folder: Path, warn_bytes: int = WARN_BYTES, fail_bytes: int = FAIL_BYTES
) -> SiteSize:
    """Measure ``folder`` against the host's limits."""
    tar_bytes, files = pages_tar_size(folder)
    shown = _megabytes(tar_bytes)
    if tar_bytes > fail_bytes:
        message = _(
            "the site is {size} as the GitHub Pages archive, over the host's limit of {limit}: "
            "GitHub Pages would not publish it — make pages lighter or split the site"
        )
        return SiteSize(
            tar_bytes, files, problem=message.format(size=shown, limit=_megabytes(fail_bytes))
        )
    if tar_bytes > warn_bytes:
        message = _(
            "the site is {size} as the GitHub Pages archive, near the host's limit of {limit}"
        )
        return SiteSize(
            tar_bytes, files, warning=message.format(size=shown, limit=_megabytes(fail_bytes))
        )
    return SiteSize(tar_bytes, files)


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:,.1f} MB".replace(",", " ")
