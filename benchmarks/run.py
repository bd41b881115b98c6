"""Benchmark: how the checker, the build and the search scale with the number of paths.

Why: issue 6 asks what happens at 1,000-20,000 paths. Run by hand (not a test; it takes minutes
and needs Chromium); it prints a Markdown table:

    python benchmarks/run.py                              # 1,000 / 5,000 / 10,000 / 20,000
    python benchmarks/run.py --sizes 1000,5000,10000,20000,50000   # make benchmark-50k
    python benchmarks/run.py --sizes 1000 --stock-size 300 --markdown-out bench.md

For each size it synthesizes a project (``synthesize.py``) into a temporary folder and measures:

- ``vagar check`` and ``mkdocs build`` (Pagefind included) as subprocesses, wall time;
- the build's peak memory, two ways: the summed RSS of the whole process tree (mkdocs, the
  checker's worker processes and the pagefind binary it starts), sampled from /proc every
  20 ms, and the exact peak of the largest single process, from ``wait4``'s ``ru_maxrss``.
  ``getrusage(RUSAGE_CHILDREN)`` deltas are not used: ``ru_maxrss`` is a maximum over single
  processes, never a sum, and it never decreases, so a delta between two builds means nothing;
- the site's size and file count, and its size as the tar GitHub Pages publishes
  (``generator.host_limits``, exactly as GNU tar lays it out; the host's limit is 1 GB), also
  per path;
- Pagefind alone on the same pages: its command-line program, as the build runs it
  (``generator.search.pagefind_command``), on exactly the page bodies the build indexes
  (written first, untimed, by ``search_pages.py`` through the plugin and
  ``generator.search.write_pages``), timed with the peak memory of its process tree; the
  ratio full build / Pagefind alone is the build's distance from the floor of this design, and
  the page counts of the two bundles must agree;
- the growth of the build time from one size to the next (20,000 / 10,000 in the default run);
- in headless Chromium (Playwright) against the site served on 127.0.0.1 by a server that
  gzips responses like GitHub Pages does (files that already are gzip, such as Pagefind's
  chunks, are sent as they are): the bytes of loading the search page, of a first query for
  an occupation there, of then adding a county filter, of browsing by a filter alone (no
  word; a fresh page), of the same query in the header's search dialog on the home page, and
  of a cold visit to a path page. Each step is counted until its results are shown (the search
  page says so in ``data-state``; the dialog shows a result link) and no request is in flight;
  a step whose results never show fails the run with what the page said. Bytes are Playwright's
  ``request.sizes()`` (encoded body plus response headers) summed over every request made
  after the counters are reset, the Pagefind web worker's included (a CDP session on the page
  misses those); the server's own count of the body bytes it sent is a cross-check.

At ``--stock-size`` paths it also builds the same paths as plain Markdown pages in a stock
mkdocs-material project (every page in the navigation, the built-in search plugin) and prints
the ratio of the two build times, measured in the same run.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import itertools
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from synthesize import HERE, REPO_ROOT, synthesize

# scripts/localsite.py: the static server and Chromium shared with the tests.
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))
from generator.host_limits import pages_tar_size
from generator.search import BUNDLE_DIR, LANGUAGE, pagefind_command
from scripts.localsite import ByteCounter, launch_chromium, serve

QUERY = "undersköterska"
FILTER_COUNTY = "Stockholms län"
BROWSE_FILTER = ("lage", "nyanland")
"""Utgångsläge → Nyanländ: the filter-only browse of issue 11."""
STEP_TIMEOUT = 180
POLL_SECONDS = 0.02
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO_ROOT)}


# --- Processes ----------------------------------------------------------------------------------


@dataclass
class Run:
    """One measured subprocess."""

    seconds: float
    returncode: int
    peak_tree_rss: int = 0
    """Largest sum of RSS over the process and its descendants seen while polling, bytes."""
    peak_process_rss: int = 0
    """ru_maxrss from wait4: the largest single process in the tree (waited-for children)."""
    peak_processes: int = 0
    output: str = ""


def _children_by_parent() -> dict[int, list[int]]:
    """Every process's children, from /proc/*/stat (/proc/*/task/*/children may be absent)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:
            continue
        # The command name is in parentheses and may hold spaces; fields follow the last ")".
        fields = stat[stat.rindex(b")") + 2 :].split()
        children.setdefault(int(fields[1]), []).append(int(entry))
    return children


def _tree_rss(root: int, page_size: int) -> tuple[int, int]:
    """Summed RSS (bytes) and number of processes of ``root`` and all its descendants."""
    children = _children_by_parent()
    total, count, todo = 0, 0, [root]
    while todo:
        pid = todo.pop()
        try:
            with open(f"/proc/{pid}/statm", "rb") as handle:
                total += int(handle.read().split()[1]) * page_size
            count += 1
        except (OSError, IndexError, ValueError):
            pass
        todo += children.get(pid, [])
    return total, count


def run_measured(command: Sequence[str], cwd: Path, poll: bool = True) -> Run:
    """Run ``command``, timing it and sampling its process tree's memory until it exits."""
    page_size = os.sysconf("SC_PAGE_SIZE")
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=log, stderr=log)
        peak = [0, 0]
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                rss, count = _tree_rss(process.pid, page_size)
                peak[0], peak[1] = max(peak[0], rss), max(peak[1], count)
                done.wait(POLL_SECONDS)

        sampler = threading.Thread(target=sample, daemon=True)
        if poll:
            sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        done.set()
        if poll:
            sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        output = log.read().decode("utf-8", "replace")
    return Run(seconds, process.returncode, peak[0], usage.ru_maxrss * 1024, peak[1], output)


def _must(run: Run, what: str) -> Run:
    if run.returncode != 0:
        sys.exit(f"{what} failed with exit code {run.returncode}:\n{run.output[-4000:]}")
    return run


def check(root: Path) -> Run:
    """`vagar check --root` as a subprocess."""
    command = [sys.executable, "-m", "generator.cli", "check", "--root", str(root)]
    return _must(run_measured(command, root, poll=False), "vagar check")


def build(root: Path) -> Run:
    """`mkdocs build --clean` in ``root`` (its mkdocs.yml), as a subprocess."""
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "--quiet"]
    return _must(run_measured(command, root), f"mkdocs build in {root}")


def build_swedish_only(root: Path) -> Run:
    """The same build without the English and Arabic sites (the plugin's ``translations: []``),
    into another folder: the difference is what the two extra languages cost (issue 16)."""
    config = yaml.safe_load((root / "mkdocs.yml").read_text("utf-8"))
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "vagar" in plugin:
            plugin["vagar"] = {**(plugin["vagar"] or {}), "translations": []}
    (root / "mkdocs-sv.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "--quiet", "-f"]
    command += ["mkdocs-sv.yml", "--site-dir", "site-sv"]
    run = _must(run_measured(command, root), "mkdocs build without translations")
    shutil.rmtree(root / "site-sv", ignore_errors=True)
    return run


def pagefind_alone(root: Path) -> tuple[Run, int]:
    """Pagefind's command-line program alone on the page bodies a build of ``root`` indexes;
    the run and the number of pages in its bundle."""
    pages, bundle = root / "search-pages", root / "search-bundle"
    for folder in (pages, bundle):
        shutil.rmtree(folder, ignore_errors=True)
    writer = [sys.executable, str(HERE / "search_pages.py"), str(root), str(pages)]
    _must(run_measured(writer, root, poll=False), "writing the search pages")
    run = _must(run_measured(pagefind_command(pages, bundle, LANGUAGE), root), "Pagefind alone")
    count = bundle_pages(bundle)
    shutil.rmtree(pages, ignore_errors=True)
    shutil.rmtree(bundle, ignore_errors=True)
    return run, count


def bundle_pages(bundle: Path) -> int:
    """The number of pages in a Pagefind bundle, from its entry file."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    return int(entry["languages"][LANGUAGE]["page_count"])


def folder_size(folder: Path) -> tuple[int, int]:
    """Bytes and number of files under ``folder``."""
    total = count = 0
    for dirpath, _, files in os.walk(folder):
        for name in files:
            total += os.stat(os.path.join(dirpath, name)).st_size
            count += 1
    return total, count


# --- Serving and the browser --------------------------------------------------------------------


SENT = ByteCounter()
"""The body bytes the server sent since the last reset (a cross-check of the browser's count)."""


@dataclass
class Transfer:
    """Bytes received and requests, with the server's body bytes as a cross-check."""

    bytes: int
    requests: int
    server_bytes: int
    urls: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        chunks = {"index": 0, "fragment": 0}
        for url in self.urls:
            for kind in chunks:
                chunks[kind] += url.split("?")[0].endswith(f".pf_{kind}")
        detail = "".join(f", {n} {kind}" for kind, n in chunks.items() if n)
        return f"{self.bytes / 1024:,.1f} KB ({self.requests} req.{detail})"


class ResultsNotShown(RuntimeError):
    """A step of the browser measurement never showed its results: the figures would lie."""


class NetworkMeter:
    """Counts every response caused in one page, its Pagefind web worker included.

    Playwright's request events cover the worker's requests; a CDP session on the page does
    not (it sees the worker script start, but never its fetches), so sizes come from
    ``request.sizes()``: encoded body plus response headers. Chromium reports a body size of
    0 for the worker script itself; its Content-Length (what the server sent) is used then.
    """

    def __init__(self, page: Any) -> None:
        self.page = page
        self.inflight: set[Any] = set()
        page.on("request", self._started)
        page.on("requestfinished", self._finished)
        page.on("requestfailed", self._failed)
        self.reset()

    def reset(self) -> None:
        self.finished: list[Any] = []
        self.last_event = time.monotonic()
        SENT.reset()

    def _started(self, request: Any) -> None:
        if not request.url.startswith("data:"):
            self.inflight.add(request)
        self.last_event = time.monotonic()

    def _finished(self, request: Any) -> None:
        if request in self.inflight:
            self.inflight.discard(request)
            self.finished.append(request)
        self.last_event = time.monotonic()

    def _failed(self, request: Any) -> None:
        self.inflight.discard(request)
        self.last_event = time.monotonic()

    def settle(
        self, until: Callable[[], bool], what: str, timeout: float = STEP_TIMEOUT
    ) -> Transfer:
        """Wait until ``until()`` holds (results shown) and no request is in flight, then
        count. Never a fixed idle window; raises ``ResultsNotShown`` when it never holds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.page.wait_for_timeout(50)  # lets Playwright deliver the events
            if not self.inflight and until():
                self.page.wait_for_timeout(50)  # a request the last event started
                if not self.inflight:
                    return self._transfer()
        raise ResultsNotShown(f"{what}: not shown after {timeout} s; in flight: {self.inflight}")

    def _transfer(self) -> Transfer:
        total = 0
        for request in self.finished:
            sizes = request.sizes()
            body = sizes["responseBodySize"]
            if body <= 0:
                response = request.response()
                length = response.headers.get("content-length", "0") if response else "0"
                body = int(length)
            total += body + sizes["responseHeadersSize"]
        urls = [request.url for request in self.finished]
        return Transfer(total, len(self.finished), SENT.bytes, urls)


@dataclass
class BrowserFigures:
    """What a visitor's browser fetches."""

    search_page: Transfer
    query: Transfer
    query_results: str
    filtered: Transfer
    filtered_results: str
    browse: Transfer
    """A filter alone (no word) ticked on the freshly loaded search page."""
    browse_results: str
    header_query: Transfer
    """The same query typed into the header's search on the home page."""
    path_page: Transfer


def _summary_text(page: Any) -> str:
    text: str = page.evaluate(
        "() => (document.querySelector('.vagar-search__status') || {}).textContent || ''"
    )
    return " ".join(text.split())


def _search_state(page: Any) -> tuple[str, int]:
    """The search page's ``data-state`` and ``data-run`` (theme/assets/vagar-search-page.js)."""
    state, run = page.evaluate(
        "() => { const r = document.querySelector('.vagar-search');"
        " return [r.dataset.state || '', Number(r.dataset.run || 0)]; }"
    )
    if state == "failed":
        raise ResultsNotShown(f"the search page failed: {_summary_text(page)!r}")
    return str(state), int(run)


def _shown_after(page: Any, before: int) -> Callable[[], bool]:
    """Results of a search newer than ``before`` are on the page."""

    def shown() -> bool:
        state, run = _search_state(page)
        return state == "done" and run > before and page.locator(RESULTS).count() > 0

    return shown


RESULTS = ".vagar-search a.vagar-result__link"
HEADER_RESULTS_SHOWN = """() => {
    // The dialog (Pagefind's Component UI) loads a result when it comes into view: shown
    // means a result link, and every result in the dialog's view loaded.
    const dialog = document.querySelector('pagefind-modal dialog');
    if (!dialog || !dialog.querySelector('a.pf-result-link')) return false;
    const view = dialog.getBoundingClientRect();
    return [...dialog.querySelectorAll('li.pf-result')].every(item => {
        const box = item.getBoundingClientRect();
        const inView = box.bottom > view.top && box.top < view.bottom;
        return !inView || item.querySelector('a.pf-result-link');
    });
}"""


def _filter_box(page: Any, group: str, value: str) -> Any:
    details = page.locator(f".vagar-filter[data-filter='{group}']")
    if details.get_attribute("open") is None:
        details.locator("summary").click()
    return details.locator(f"input[value='{value}']")


def measure_browser(site: Path, path_url: str) -> BrowserFigures:
    """Each step counted from a reset until its results are shown."""
    from playwright.sync_api import sync_playwright

    # Served as GitHub Pages serves it: gzip, but for files that already are gzip.
    with serve(site, gzip=True, counter=SENT) as base, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:

            def fresh(url: str, ready: Callable[[Any], bool], what: str) -> Any:
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                meter = NetworkMeter(page)
                page.goto(base + url, wait_until="load")
                return page, meter, meter.settle(lambda: ready(page), what)

            def started(page: Any) -> bool:
                return _search_state(page)[0] == "start"

            page, meter, search_page = fresh("sok/", started, "search page")
            meter.reset()
            before = _search_state(page)[1]
            page.locator(".vagar-search").get_by_role("searchbox").fill(QUERY)
            query = meter.settle(_shown_after(page, before), f"query {QUERY!r}")
            query_results = _summary_text(page)

            meter.reset()
            before = _search_state(page)[1]
            checkbox = page.get_by_role("checkbox", name=re.compile(re.escape(FILTER_COUNTY)))
            checkbox.first.check()
            filtered = meter.settle(_shown_after(page, before), f"filter {FILTER_COUNTY!r}")
            filtered_results = _summary_text(page)
            page.context.close()

            page, meter, _loaded = fresh("sok/", started, "search page")
            meter.reset()
            before = _search_state(page)[1]
            _filter_box(page, *BROWSE_FILTER).check()
            browse = meter.settle(_shown_after(page, before), f"browse {BROWSE_FILTER}")
            browse_results = _summary_text(page)
            page.context.close()

            def trigger(page: Any) -> bool:
                return page.locator("pagefind-modal-trigger button").count() > 0

            page, meter, _loaded = fresh("", trigger, "home page")
            meter.reset()
            page.locator("pagefind-modal-trigger button").click()
            page.locator("pagefind-modal dialog").get_by_role("searchbox").fill(QUERY)
            header_query = meter.settle(
                lambda: bool(page.evaluate(HEADER_RESULTS_SHOWN)), f"header query {QUERY!r}"
            )
            page.context.close()

            page, meter, path_page = fresh(path_url, lambda p: True, "path page")
            page.context.close()
        finally:
            browser.close()
    return BrowserFigures(
        search_page,
        query,
        query_results,
        filtered,
        filtered_results,
        browse,
        browse_results,
        header_query,
        path_page,
    )


# --- One size -----------------------------------------------------------------------------------


@dataclass
class SizeFigures:
    """Everything measured at one number of paths."""

    count: int
    actors: int
    synthesize_seconds: float
    check: Run
    build: Run
    site_bytes: int
    site_files: int
    tar_bytes: int
    """The site as the tar GitHub Pages publishes (``generator.host_limits``)."""
    html_pages: int
    bundle_bytes: int
    bundle_files: int
    index_chunks: int
    path_url: str
    path_html: int
    path_html_gzip: int
    pagefind: Run
    """Pagefind alone on the pages the build indexes."""
    pagefind_pages: int
    swedish_only: Run
    """The build without the English and Arabic sites."""
    translated_pages: int
    """HTML pages of the English and Arabic sites."""
    browser: BrowserFigures | None


def typical_path_page(site: Path) -> tuple[str, int, int]:
    """The path page of median HTML size: its URL, its bytes and its gzip-compressed bytes."""
    pages = sorted((f.stat().st_size, f) for f in (site / "vagar").glob("*/index.html"))
    size, file = pages[len(pages) // 2]
    url = file.parent.relative_to(site).as_posix() + "/"
    return url, size, len(gzip.compress(file.read_bytes(), 6))


def measure_size(count: int, work: Path, seed: int, browser: bool) -> SizeFigures:
    """Synthesize ``count`` paths and measure check, build, site and browser figures."""
    root = work / f"vagar-{count}"
    log(f"[{count}] synthesizing")
    started = time.perf_counter()
    written = synthesize(count, root, seed)
    synth_seconds = time.perf_counter() - started
    log(f"[{count}] vagar check")
    checked = check(root)
    log(f"[{count}] mkdocs build")
    built = build(root)
    site = root / "site"
    site_bytes, site_files = folder_size(site)
    tar_bytes, _tar_files = pages_tar_size(site)
    bundle_bytes, bundle_files = folder_size(site / BUNDLE_DIR)
    html_pages = sum(1 for _ in site.rglob("*.html"))
    translated_pages = sum(1 for code in ("en", "ar") for _ in (site / code).rglob("*.html"))
    index_chunks = sum(1 for _ in (site / "pagefind" / "index").glob("*.pf_index"))
    path_url, path_html, path_gzip = typical_path_page(site)
    log(f"[{count}] Pagefind alone on the same pages")
    alone, alone_pages = pagefind_alone(root)
    built_pages = bundle_pages(site / BUNDLE_DIR)
    if alone_pages != built_pages:
        sys.exit(f"Pagefind alone indexed {alone_pages} pages, the build {built_pages}")
    log(f"[{count}] mkdocs build without the English and Arabic sites")
    swedish_only = build_swedish_only(root)
    figures = None
    if browser:
        log(f"[{count}] browser")
        figures = measure_browser(site, path_url)
        for name in ("search_page", "query", "filtered", "browse", "header_query", "path_page"):
            transfer: Transfer = getattr(figures, name)
            log(
                f"[{count}]   {name}: {transfer}; server sent {transfer.server_bytes:,} body "
                f"bytes; {', '.join(sorted({_short(u) for u in transfer.urls}))[:600]}"
            )
    shutil.rmtree(site, ignore_errors=True)
    return SizeFigures(
        count,
        written["actors"],
        synth_seconds,
        checked,
        built,
        site_bytes,
        site_files,
        tar_bytes,
        html_pages,
        bundle_bytes,
        bundle_files,
        index_chunks,
        path_url,
        path_html,
        path_gzip,
        alone,
        alone_pages,
        swedish_only,
        translated_pages,
        figures,
    )


def _short(url: str) -> str:
    return re.sub(r"^https?://[^/]+/", "", url).split("?")[0] or "/"


# --- Stock mkdocs-material comparison -----------------------------------------------------------


@dataclass
class StockFigures:
    """The same paths built by the project and by a stock mkdocs-material site."""

    count: int
    vagar: Run
    stock: Run
    vagar_site: tuple[int, int]
    stock_site: tuple[int, int]
    yaml_bytes: float
    markdown_bytes: float


def _labels(vocabulary: Path, name: str) -> dict[str, str]:
    terms = yaml.safe_load((vocabulary / f"{name}.yaml").read_text("utf-8"))
    return {str(t["id"]): str(t["label"]) for t in terms}


def path_markdown(data: dict[str, Any], labels: dict[str, dict[str, str]]) -> str:
    """A path as a Markdown page with the same facts and text as the generated page."""
    actors = labels["actors"]
    place = labels["counties"][data["county"]]
    if data.get("municipality"):
        place = f"{labels['municipalities'][data['municipality']]}, {place}"
    weeks = sum(step["weeks"] for step in data["steps"])
    lines = [
        f"# {data['title']}",
        "",
        f"*{labels['occupations'][data['occupation']]} · {labels['counties'][data['county']]}*",
        "",
        data["summary"],
        "",
        "## Profil",
        "",
        f"- **Yrke:** {labels['occupations'][data['occupation']]}",
        f"- **Utgångsläge:** {', '.join(labels['situations'][s] for s in data['situations'])}",
        f"- **Ålder:** {labels['age-bands'][data['age_band']]}",
        f"- **Plats:** {place}",
        f"- **År:** {data['year']}",
        f"- **Total tid:** {weeks} veckor",
        "",
        "### Bakgrund",
        "",
        data["background"],
        "",
        "## Steg för steg",
        "",
    ]
    for number, step in enumerate(data["steps"], 1):
        names = ", ".join(actors[a] for a in step["actors"])
        lines += [
            f"### {number}. {step['title']}",
            "",
            f"*{labels['step-types'][step['type']]} · {step['weeks']} veckor · {names}*",
            "",
            step["text"],
            "",
        ]
    outcome = data["outcome"]
    lines += [f"## Resultat: {labels['outcomes'][outcome['type']]}", "", outcome["text"], ""]
    if data.get("what_helped"):
        lines += ["## Det här hjälpte", "", data["what_helped"], ""]
    if data.get("quote"):
        lines += ["## Med egna ord", "", f"> {data['quote']}", ""]
    if data.get("tips"):
        lines += ["## Tips", "", *(f"- {tip}" for tip in data["tips"]), ""]
    lines += [f"Dokumenterad av: {actors[data['documented_by']]}", ""]
    return "\n".join(lines)


def write_stock_project(source: Path, target: Path) -> tuple[float, float]:
    """A stock mkdocs-material project with every path of ``source`` as a page in the nav.

    Returns the average size of a path's YAML and of its Markdown page, in bytes.
    """
    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    vocabulary = source / "content" / "vocabulary"
    labels = {
        name: _labels(vocabulary, name)
        for name in (
            "occupations",
            "situations",
            "age-bands",
            "counties",
            "municipalities",
            "step-types",
            "outcomes",
        )
    }
    labels["actors"] = {
        file.stem: yaml.load(file.read_text("utf-8"), Loader=loader)["name"]
        for file in (source / "content" / "actors").glob("*.yaml")
    }
    docs = target / "docs"
    (docs / "vagar").mkdir(parents=True)
    (docs / "index.md").write_text("# Vägar till jobb\n\nAlla vägar finns i menyn.\n", "utf-8")
    sections: dict[str, list[dict[str, str]]] = {}
    yaml_total = markdown_total = 0
    files = sorted((source / "content" / "paths").glob("*.yaml"))
    for file in files:
        text = file.read_text("utf-8")
        data = yaml.load(text, Loader=loader)
        markdown = path_markdown(data, labels)
        (docs / "vagar" / f"{data['id']}.md").write_text(markdown, "utf-8")
        yaml_total += len(text.encode())
        markdown_total += len(markdown.encode())
        occupation = labels["occupations"][data["occupation"]]
        sections.setdefault(occupation, []).append({data["title"]: f"vagar/{data['id']}.md"})
    config = {
        "site_name": "Vägar till jobb (stock)",
        "docs_dir": "docs",
        "site_dir": "site",
        "use_directory_urls": True,
        "theme": {"name": "material", "language": "sv", "font": False},
        "plugins": [{"search": {"lang": "sv"}}],
        "nav": [
            {"Hem": "index.md"},
            {"Vägar": [{name: pages} for name, pages in sorted(sections.items())]},
        ],
    }
    (target / "mkdocs.yml").write_text(
        yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8"
    )
    return yaml_total / len(files), markdown_total / len(files)


def measure_stock(count: int, work: Path, seed: int) -> StockFigures:
    """Build ``count`` paths with the project and as a stock Material site, back to back."""
    root = work / f"stock-source-{count}"
    log(f"[stock {count}] synthesizing")
    synthesize(count, root, seed)
    stock_root = work / f"stock-{count}"
    shutil.rmtree(stock_root, ignore_errors=True)
    yaml_bytes, markdown_bytes = write_stock_project(root, stock_root)
    log(f"[stock {count}] mkdocs build (vagar)")
    vagar = build(root)
    log(f"[stock {count}] mkdocs build (stock mkdocs-material)")
    stock = build(stock_root)
    figures = StockFigures(
        count,
        vagar,
        stock,
        folder_size(root / "site"),
        folder_size(stock_root / "site"),
        yaml_bytes,
        markdown_bytes,
    )
    shutil.rmtree(root / "site", ignore_errors=True)
    shutil.rmtree(stock_root / "site", ignore_errors=True)
    return figures


# --- Report -------------------------------------------------------------------------------------


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _mb(size: float) -> str:
    return f"{size / 1e6:,.1f} MB"


def _kb(size: float) -> str:
    return f"{size / 1024:,.1f} KB"


def _browser(figures: SizeFigures) -> BrowserFigures:
    assert figures.browser is not None
    return figures.browser


def report(
    sizes: list[SizeFigures], stock: StockFigures | None, command: str, load: tuple[str, str]
) -> str:
    """The Markdown table of every figure, with the command that produced it."""
    head = "| | " + " | ".join(f"{s.count:,} paths" for s in sizes) + " |"
    previous = {id(later): earlier for earlier, later in itertools.pairwise(sizes)}

    def growth(s: SizeFigures) -> str:
        before = previous.get(id(s))
        if before is None:
            return "—"
        build = s.build.seconds / before.build.seconds
        return f"{build:.2f} times (paths {s.count / before.count:.1f} times)"

    rows: list[tuple[str, Callable[[SizeFigures], str]]] = [
        ("actors / HTML pages", lambda s: f"{s.actors} / {s.html_pages:,}"),
        ("synthesize (in process)", lambda s: f"{s.synthesize_seconds:.1f} s"),
        ("`vagar check` (wall)", lambda s: f"{s.check.seconds:.1f} s"),
        ("`mkdocs build` incl. Pagefind (wall)", lambda s: f"{s.build.seconds:.1f} s"),
        (
            "Pagefind alone on the same pages (wall)",
            lambda s: f"{s.pagefind.seconds:.1f} s ({s.pagefind_pages:,} pages)",
        ),
        (
            "full build / Pagefind alone",
            lambda s: f"{s.build.seconds / s.pagefind.seconds:.2f} times",
        ),
        ("build time growth over the previous column", growth),
        (
            "of the build: the English and Arabic sites (build minus a Swedish-only build)",
            lambda s: (
                f"{s.build.seconds - s.swedish_only.seconds:.1f} s "
                f"({s.translated_pages:,} pages; Swedish only {s.swedish_only.seconds:.1f} s)"
            ),
        ),
        (
            "build peak RSS, process tree (sampled)",
            lambda s: f"{_mb(s.build.peak_tree_rss)} ({s.build.peak_processes} proc.)",
        ),
        ("build peak RSS, largest process (wait4)", lambda s: _mb(s.build.peak_process_rss)),
        (
            "Pagefind alone peak RSS, process tree (sampled)",
            lambda s: f"{_mb(s.pagefind.peak_tree_rss)} ({s.pagefind.peak_processes} proc.)",
        ),
        ("site size / files", lambda s: f"{_mb(s.site_bytes)} / {s.site_files:,}"),
        ("site as tar (GitHub Pages archive; limit 1 GB)", lambda s: _mb(s.tar_bytes)),
        ("bytes per path (tar / paths)", lambda s: f"{s.tar_bytes / s.count:,.0f} B"),
        (
            "Pagefind bundle / files / index chunks",
            lambda s: f"{_mb(s.bundle_bytes)} / {s.bundle_files:,} / {s.index_chunks}",
        ),
        (
            "path page HTML (median) raw / gzip",
            lambda s: f"{_kb(s.path_html)} / {_kb(s.path_html_gzip)}",
        ),
    ]
    if all(s.browser for s in sizes):
        rows += [
            ("search page `sok/`, cold load", lambda s: str(_browser(s).search_page)),
            (f'first query "{QUERY}"', lambda s: str(_browser(s).query)),
            (f'then filter "{FILTER_COUNTY}"', lambda s: str(_browser(s).filtered)),
            (
                "browse by a filter alone (Utgångsläge: Nyanländ), from the loaded page",
                lambda s: str(_browser(s).browse),
            ),
            (
                f'header search on the home page, "{QUERY}"',
                lambda s: str(_browser(s).header_query),
            ),
            ("path page, cold visit (gzip)", lambda s: str(_browser(s).path_page)),
        ]
    lines = [
        "## Benchmark: Vägar till jobb with synthetic paths",
        "",
        f"Command: `{command}`",
        "",
        f"Machine: {os.cpu_count()} CPUs, load average {load[0]} at start, {load[1]} at end; "
        f"Python {sys.version.split()[0]}.",
        "",
    ]
    if sizes:
        lines += [head, "|---|" + "---|" * len(sizes)]
    for name, cell in rows if sizes else []:
        lines.append(f"| {name} | " + " | ".join(cell(s) for s in sizes) + " |")
    by_count = {s.count: s for s in sizes}
    if 10_000 in by_count and 20_000 in by_count:
        ten, twenty = by_count[10_000], by_count[20_000]
        lines += [
            "",
            f"Growth 20,000 / 10,000 paths: full build "
            f"{twenty.build.seconds / ten.build.seconds:.2f} times, Pagefind alone "
            f"{twenty.pagefind.seconds / ten.pagefind.seconds:.2f} times, `vagar check` "
            f"{twenty.check.seconds / ten.check.seconds:.2f} times.",
        ]
    if sizes and all(s.browser for s in sizes):
        lines += ["", "Result summaries shown by the search page:", ""]
        for s in sizes:
            assert s.browser is not None
            lines.append(
                f"- {s.count:,}: query: {s.browser.query_results!r}; "
                f"filtered: {s.browser.filtered_results!r}; "
                f"browse: {s.browser.browse_results!r}"
            )
    if stock is not None:
        ratio = stock.stock.seconds / stock.vagar.seconds
        lines += [
            "",
            f"### Same {stock.count:,} paths: this project vs. stock mkdocs-material",
            "",
            "| | vagar plugin + Pagefind | stock Material, all pages in nav, `search` plugin |",
            "|---|---|---|",
            f"| build (wall) | {stock.vagar.seconds:.1f} s | {stock.stock.seconds:.1f} s |",
            f"| build peak RSS, process tree | {_mb(stock.vagar.peak_tree_rss)} | "
            f"{_mb(stock.stock.peak_tree_rss)} |",
            f"| site size / files | {_mb(stock.vagar_site[0])} / {stock.vagar_site[1]:,} | "
            f"{_mb(stock.stock_site[0])} / {stock.stock_site[1]:,} |",
            f"| average source per path | {stock.yaml_bytes:,.0f} B YAML | "
            f"{stock.markdown_bytes:,.0f} B Markdown |",
            "",
            f"Stock build time / project build time: **{ratio:.1f} times**",
        ]
    lines += [
        "",
        "Methods: wall times of subprocesses; tree RSS is the largest sum of /proc/<pid>/statm "
        "RSS over mkdocs and its descendants (pagefind), or over Pagefind alone, sampled every "
        f"{POLL_SECONDS * 1000:.0f} ms (shared pages count once per process); the largest "
        "process is wait4's ru_maxrss. Browser bytes are Playwright request.sizes() (encoded "
        "body + response headers, the Pagefind worker's requests included) summed from a "
        "counter reset until the step's results are shown and no request is in flight (the "
        "search page's data-state, a result link in the header's dialog; a step that never "
        "shows them fails the run): the search page loaded cold; the query typed into its "
        "field; then the county's checkbox; a filter alone ticked on a freshly loaded search "
        "page; the query in the header's dialog on the home page (loaded first); a path page "
        "loaded cold. Served from 127.0.0.1 by a "
        "handler that gzips every response except files that already are gzip (Pagefind's "
        "index, filter and fragment chunks and its wasm). Pagefind alone is its command-line "
        "program, as the build runs it, on the page bodies the build indexes, written "
        "beforehand as the build writes them. The site as tar is the size of the archive "
        "actions/upload-pages-artifact makes (GNU tar, 512-byte blocks, 10 KB records), "
        "worked out from the files.",
    ]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Command line; see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes",
        default="1000,5000,10000,20000",
        help="comma-separated numbers of paths (default 1000,5000,10000,20000); '' for none",
    )
    parser.add_argument(
        "--stock-size",
        type=int,
        default=2000,
        help="paths for the stock mkdocs-material comparison; 0 skips it (default 2000)",
    )
    parser.add_argument("--seed", type=int, default=1, help="synthesis seed (default 1)")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium figures")
    parser.add_argument("--markdown-out", type=Path, help="also write the table to this file")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    command = shlex.join(["python", "benchmarks/run.py", *(argv or sys.argv[1:])])
    load_start = " ".join(f"{x:.2f}" for x in os.getloadavg())

    with contextlib.ExitStack() as stack:
        if args.keep:
            work = args.keep.resolve()
            work.mkdir(parents=True, exist_ok=True)
        else:
            work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="vagar-bench-")))
        results = [measure_size(n, work, args.seed, not args.no_browser) for n in sizes]
        stock = measure_stock(args.stock_size, work, args.seed) if args.stock_size else None
    load_end = " ".join(f"{x:.2f}" for x in os.getloadavg())
    table = report(results, stock, command, (load_start, load_end))
    print(table)
    if args.markdown_out:
        args.markdown_out.write_text(table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
