"""Proving a Pagefind bundle whole before a site is published with it.

A bundle that is cut short fails in the reader's browser, long after the build said success.
So every file is checked the way its kind allows:

- the program files (``pagefind.js``, the workers, the UIs, the WebAssembly) are the same for
  every site: they must equal, byte for byte, the copies Pagefind hands over in memory for a
  one-record index (``reference_files``), which never touch the disk;
- the index files are gzip streams whose trailer holds a checksum and the length written:
  each must decompress completely, and decode as Pagefind's format;
- ``pagefind-entry.json`` must parse and count exactly the pages that were given;
- the meta file must name every chunk, filter and page fragment, each present, and the
  fragments must hold exactly the URLs that were indexed;
- a smoke query, run the way Pagefind's own search runs it (meta → word chunk → pages →
  fragment), must find the first page by a word of its own text.

The layout read here is Pagefind 1.5's (``pagefind/src/index/*.rs``): CBOR arrays in the
meta and index files, JSON in fragments, each behind the prefix ``pagefind_dcd``.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import os
import re
import shutil
import tempfile
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import cbor2
from pagefind.index import IndexConfig
from pagefind.service import PagefindService

from generator.messages import _, ngettext

ENTRY = "pagefind-entry.json"
PREFIX = b"pagefind_dcd"
REFERENCE_TIMEOUT = 120
"""Seconds to wait for the one-record reference index; it takes well under one."""


class BundleError(Exception):
    """The search bundle is missing, damaged or incomplete: the site must not be published."""


@dataclass(frozen=True)
class BundleReport:
    """What a verified bundle holds: its page count and the size of every file in it."""

    page_count: int
    sizes: Mapping[str, int]
    """Size in bytes by path relative to the bundle folder, with slashes."""


@cache
def reference_files(language: str) -> Mapping[str, bytes]:
    """Pagefind's program files as it holds them in memory (names relative to the bundle).

    Asked of the service API for a one-record index: its files come back through a pipe,
    not through the disk, so they are the yardstick for the files the command line wrote.
    Hashed index files are left out: they differ from site to site.
    """
    try:
        files = asyncio.run(asyncio.wait_for(_files_in_memory(language), REFERENCE_TIMEOUT))
    except (OSError, TimeoutError, Exception) as error:
        message = _("Pagefind's service did not hand over its files: {error}")
        raise BundleError(message.format(error=repr(error))) from error
    return {
        name: content
        for name, content in files.items()
        if "/" not in name and not name.endswith((".pf_meta", ENTRY))
    }


async def _files_in_memory(language: str) -> dict[str, bytes]:
    # The service, not the index, as context: leaving it stops the process without writing.
    async with PagefindService() as service:
        index = await service.create_index(IndexConfig(force_language=language))
        await index.add_custom_record(
            url="/", content="referens", language=language, meta={"title": "referens"}
        )
        files = await index.get_files()
    return {str(file["path"]): bytes(file["content"]) for file in files}


def verify_bundle(bundle: Path, urls: Iterable[str], language: str) -> BundleReport:
    """Check ``bundle`` against the ``urls`` that were indexed; raise ``BundleError`` if it
    is not whole. Returns the sizes that a copy must keep."""
    expected = set(urls)
    sizes = _sizes(bundle)
    empty = sorted(name for name, size in sizes.items() if size == 0)
    if empty:
        message = _("empty files in the search bundle: {files}")
        raise BundleError(message.format(files=", ".join(empty[:5])))
    for name, content in reference_files(language).items():
        if name not in sizes:
            raise BundleError(_("{file} is missing from the search bundle").format(file=name))
        if sizes[name] != len(content) or (bundle / name).read_bytes() != content:
            message = _("{file} is damaged: {size} bytes where Pagefind has {expected}")
            raise BundleError(message.format(file=name, size=sizes[name], expected=len(content)))
    entry = _entry(bundle, language)
    if entry["page_count"] != len(expected):
        message = ngettext(
            "the search index holds {count} page, {expected} were given",
            "the search index holds {count} pages, {expected} were given",
            entry["page_count"],
        )
        raise BundleError(message.format(count=entry["page_count"], expected=len(expected)))
    meta_name = f"pagefind.{entry['hash']}.pf_meta"
    meta = _decode(bundle, meta_name, "cbor")
    pages, chunks, filters = meta[1], meta[2], meta[3]
    referenced = {ENTRY, meta_name, *reference_files(language)}
    fragments = {}
    for page_hash, _word_count in pages:
        name = f"fragment/{page_hash}.pf_fragment"
        fragments[page_hash] = _decode(bundle, name, "json")
        referenced.add(name)
    found_urls = {fragment["url"] for fragment in fragments.values()}
    if found_urls != expected:
        missing = sorted(expected - found_urls)[:3]
        message = _("pages missing from the search index, for example {pages}")
        raise BundleError(message.format(pages=missing))
    for _first, _last, chunk_hash in chunks:
        referenced.add(f"index/{chunk_hash}.pf_index")
    for _name, filter_hash in filters:
        name = f"filter/{filter_hash}.pf_filter"
        _decode(bundle, name, "cbor")
        referenced.add(name)
    unknown = sorted(set(sizes) - referenced)
    if unknown:
        message = _("unexpected files in the search bundle: {files}")
        raise BundleError(message.format(files=", ".join(unknown[:5])))
    _smoke_query(bundle, pages, chunks, fragments)
    return BundleReport(len(expected), sizes)


def _sizes(bundle: Path) -> dict[str, int]:
    if not bundle.is_dir():
        raise BundleError(_("Pagefind wrote no search bundle"))
    return {
        file.relative_to(bundle).as_posix(): file.stat().st_size
        for file in bundle.rglob("*")
        if file.is_file()
    }


def _entry(bundle: Path, language: str) -> dict[str, Any]:
    try:
        entry = json.loads((bundle / ENTRY).read_text(encoding="utf-8"))
        found: dict[str, Any] = entry["languages"][language]
        int(found["page_count"]), str(found["hash"])
    except (OSError, ValueError, KeyError, TypeError) as error:
        message = _("{file} cannot be read: {error}")
        raise BundleError(message.format(file=ENTRY, error=error)) from error
    return found


def _decode(bundle: Path, name: str, kind: str) -> Any:
    """One index file, decompressed and decoded; a cut or damaged file raises BundleError."""
    try:
        data = gzip.decompress((bundle / name).read_bytes())
        if not data.startswith(PREFIX):
            raise ValueError("not a Pagefind file")
        body = data[len(PREFIX) :]
        return json.loads(body) if kind == "json" else cbor2.loads(body)
    except (OSError, EOFError, zlib.error, ValueError, cbor2.CBORDecodeError) as error:
        message = _("{file} in the search bundle is damaged: {error}")
        raise BundleError(message.format(file=name, error=error)) from error


def _smoke_query(
    bundle: Path, pages: list[Any], chunks: list[Any], fragments: Mapping[str, Any]
) -> None:
    """Find the first page again by a word of its own text, the way Pagefind searches.

    A word entry is ``[stem, [[page number step, locations, …], …], variants]``: page numbers
    are stored as steps from the one before.
    """
    first = pages[0][0]
    words = re.findall(r"[^\W\d_]{4,}", fragments[first].get("content", "").casefold())
    for word in words[:20]:
        for low, high, chunk_hash in chunks:
            # Stored words are stems, so a prefix of the word may sit in an earlier chunk.
            if not any(low <= word[:end] <= high for end in range(3, len(word) + 1)):
                continue
            chunk = _decode(bundle, f"index/{chunk_hash}.pf_index", "cbor")
            for stem, packed_pages, *_variants in chunk[0]:
                if len(stem) < 3 or not word.startswith(stem):
                    continue
                number, found = 0, set()
                for step, *_locations in packed_pages:
                    number += step
                    found.add(number)
                if 0 in found and max(found) < len(pages):
                    return
    raise BundleError(_("a test search in the new search index found nothing"))


def copy_verified(source: Path, target: Path, report: BundleReport) -> None:
    """Copy a verified bundle to ``target`` and check every size again before swapping it in;
    on any failure ``target`` is left as it was."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".pagefind-", dir=target.parent))
    try:
        copy = staging / "bundle"
        shutil.copytree(source, copy)
        copied = _sizes(copy)
        if copied != dict(report.sizes):
            changed = sorted(set(copied.items()) ^ set(report.sizes.items()))[:3]
            raise BundleError(_("the copied search bundle differs: {files}").format(files=changed))
        old = staging / "old"
        if target.exists():
            os.replace(target, old)
        os.replace(copy, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
