"""The search stage: a bundle is built by Pagefind's own program, verified, and never used
when it is not whole (files cut short, emptied, missing or extra)."""

from __future__ import annotations

import gzip
import hashlib
import stat
import subprocess
from pathlib import Path

import cbor2
import pytest
from helpers import REPO_ROOT, build_site

from generator.search import BUNDLE_DIR, SearchIndex
from generator.search_bundle import BundleError, reference_files, verify_bundle

# The tests here pin the English messages (``--lang en``).
pytestmark = pytest.mark.usefixtures("english_messages")


PAGES = [
    (
        f"vagar/vag-{number}/",
        f"<main data-pagefind-body><h1>Väg {number}</h1><p>Hon blev undersköterska efter "
        f"praktik och kurs nummer {number} i länet.</p>"
        f'<span data-pagefind-filter="Län">Län {number % 3}</span></main>',
    )
    for number in range(12)
]
URLS = ["/" + url for url, _ in PAGES]


def _bundle(tmp_path: Path, name: str = "site") -> Path:
    site = tmp_path / name
    count = SearchIndex(PAGES).finish(site)
    assert count == len(PAGES)
    return site / BUNDLE_DIR


def _digest(folder: Path) -> dict[str, str]:
    return {
        file.relative_to(folder).as_posix(): hashlib.sha256(file.read_bytes()).hexdigest()
        for file in sorted(folder.rglob("*"))
        if file.is_file()
    }


def test_a_verified_bundle_holds_every_page_and_pagefinds_program_files(tmp_path: Path) -> None:
    bundle = _bundle(tmp_path)
    report = verify_bundle(bundle, URLS, "sv")
    assert report.page_count == len(PAGES)
    for name, content in reference_files("sv").items():
        assert (bundle / name).read_bytes() == content
    assert len(list((bundle / "fragment").iterdir())) == len(PAGES)


def _filters(bundle: Path) -> list[object]:
    """Every filter chunk, decoded, with its values in sorted order."""
    chunks = []
    for file in sorted((bundle / "filter").iterdir()):
        name, values = cbor2.loads(gzip.decompress(file.read_bytes())[len(b"pagefind_dcd") :])
        chunks.append([name, sorted(values)])
    return sorted(chunks)


def test_the_same_pages_give_the_same_bundle_but_for_the_order_of_filter_values(
    tmp_path: Path,
) -> None:
    """Pagefind orders a filter's values by a hash map seeded per process, so the filter
    chunks (and the meta file and entry that name them by hash) differ in bytes from run to
    run; every other file, and what the filters hold, is the same whatever the input order."""
    first = _bundle(tmp_path, "one")
    assert SearchIndex(reversed(PAGES)).finish(tmp_path / "two") == len(PAGES)
    second = tmp_path / "two" / BUNDLE_DIR

    def stable(folder: Path) -> dict[str, str]:
        return {
            name: digest
            for name, digest in _digest(folder).items()
            if not name.startswith("filter/") and not name.endswith((".pf_meta", "entry.json"))
        }

    assert stable(first) == stable(second)
    assert len(stable(first)) > 20
    assert _filters(first) == _filters(second)


@pytest.mark.parametrize(
    "damage",
    [
        "cut the component UI at 128 KiB",
        "empty the wasm",
        "cut a fragment",
        "empty the entry",
        "remove an index chunk",
        "add a stray file",
        "drop a page",
    ],
)
def test_a_damaged_bundle_is_refused(tmp_path: Path, damage: str) -> None:
    bundle = _bundle(tmp_path)
    urls = list(URLS)
    if damage == "cut the component UI at 128 KiB":
        data = (bundle / "pagefind-component-ui.js").read_bytes()
        assert len(data) > 131_072
        (bundle / "pagefind-component-ui.js").write_bytes(data[:131_072])
    elif damage == "empty the wasm":
        (bundle / "wasm.sv.pagefind").write_bytes(b"")
    elif damage == "cut a fragment":
        fragment = next((bundle / "fragment").iterdir())
        fragment.write_bytes(fragment.read_bytes()[:-9])
    elif damage == "empty the entry":
        (bundle / "pagefind-entry.json").write_bytes(b"")
    elif damage == "remove an index chunk":
        next((bundle / "index").iterdir()).unlink()
    elif damage == "add a stray file":
        (bundle / "index" / "extra.pf_index").write_bytes(gzip.compress(b"pagefind_dcd"))
    else:
        urls.append("/vagar/saknas/")
    with pytest.raises(BundleError):
        verify_bundle(bundle, urls, "sv")


def _truncating_pagefind(tmp_path: Path) -> Path:
    """A Pagefind that, like a process stopped before its writes landed, leaves pagefind.js
    emptied: the build must refuse the bundle."""
    from pagefind.service import get_executable

    real = get_executable()
    script = tmp_path / "pagefind"
    script.write_text(
        "#!/bin/sh\n"
        f'case "$*" in *--output-path*) ;; *) exec "{real}" "$@" ;; esac\n'
        f'"{real}" "$@" || exit $?\n'
        'out=$(echo "$*" | sed "s/.*--output-path \\([^ ]*\\).*/\\1/")\n'
        'truncate -s 0 "$out/pagefind.js"\n',
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


def test_a_cut_file_is_refused_and_the_previous_bundle_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = _bundle(tmp_path)
    before = _digest(bundle)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(_truncating_pagefind(tmp_path)))
    with pytest.raises(BundleError, match=r"empty files in the search bundle: pagefind\.js"):
        SearchIndex(PAGES).finish(tmp_path / "site")
    assert _digest(bundle) == before


def test_the_build_fails_when_pagefind_leaves_a_cut_file_and_keeps_the_previous_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    assert build_site(REPO_ROOT, site).returncode == 0
    before = _digest(site)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(_truncating_pagefind(tmp_path)))
    result = build_site(REPO_ROOT, site)
    assert result.returncode != 0
    assert "empty files in the search bundle: pagefind.js" in result.stderr
    assert "the site was not changed" in result.stderr
    assert "Traceback" not in result.stderr
    assert _digest(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pagefind", "site"]


@pytest.mark.node
def test_the_search_bundle_of_the_sample_site_answers_a_query_in_node(site: Path) -> None:
    """Pagefind's own JavaScript and WebAssembly, run by Node, find the electricians."""
    script = REPO_ROOT / "tests" / "pagefind_query.mjs"
    result = subprocess.run(
        ["node", str(script), str(site / BUNDLE_DIR), "elektriker"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    count, first_url = result.stdout.split("\n")[:2]
    assert int(count) >= 3
    assert first_url.startswith("/vagar/") or first_url.startswith("/yrken/")
