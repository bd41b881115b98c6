"""A built site served on 127.0.0.1, and Debian's Chromium: shared by the tests, the benchmark
(benchmarks/run.py) and scripts/lighthouse.py.

    with serve(folder, "repo", gzip=True) as base:   # http://127.0.0.1:<port>/repo/
        ...

``serve`` runs a quiet static server in a thread on a free port. Options, off by default:

- ``gzip``: every existing file is sent by the handler itself (status 200, no Last-Modified),
  gzip-compressed when the client accepts gzip and the file is not gzip already (Pagefind's
  chunks and its wasm are sent as they are), as GitHub Pages does;
- ``pages_404``: a missing file gets ``<sub_path>/404.html`` with status 404, as on GitHub Pages;
- ``counter``: a ``ByteCounter`` that adds up the body bytes of every file sent;
- ``headers``: extra headers for every file sent in gzip mode (``Cache-Control``…).
"""

from __future__ import annotations

import contextlib
import functools
import gzip as gzip_module
import http.server
import io
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
GZIP_MAGIC = b"\x1f\x8b"


def launch_chromium(playwright: Any, **options: Any) -> Any:
    """Debian's Chromium, headless, from a Playwright instance (``sync_playwright()``).

    ``options`` go to ``playwright.chromium.launch``; ``args`` are added after CHROMIUM_ARGS.
    """
    args = [*CHROMIUM_ARGS, *options.pop("args", ())]
    return playwright.chromium.launch(executable_path=CHROMIUM, args=args, **options)


class ByteCounter:
    """Body bytes and responses a server sent since the last reset (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.bytes = 0
        self.requests = 0

    def reset(self) -> None:
        with self._lock:
            self.bytes = self.requests = 0

    def add(self, size: int) -> None:
        with self._lock:
            self.bytes += size
            self.requests += 1


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    """Static files without a log line per request; the options are described in the module's
    docstring and bound by ``serve``."""

    def __init__(
        self,
        *args: Any,
        gzip: bool = False,
        not_found: Path | None = None,
        counter: ByteCounter | None = None,
        headers: Mapping[str, str] | None = None,
        cache: dict[str, bytes] | None = None,
        **kwargs: Any,
    ) -> None:
        # Set before the base class's __init__, which handles the request.
        self.gzip = gzip
        self.not_found = not_found
        self.counter = counter
        self.extra_headers = dict(headers or {})
        self.cache = {} if cache is None else cache
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self) -> BinaryIO | None:
        if not self.gzip:
            return super().send_head()
        file = Path(self.translate_path(self.path))
        if file.is_dir():
            if not self.path.split("?", 1)[0].split("#", 1)[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's URL
            file = file / "index.html"
        if not file.is_file():
            return super().send_head()  # a directory listing, or 404
        body = file.read_bytes()
        encoded = "gzip" in self.headers.get("Accept-Encoding", "") and body[:2] != GZIP_MAGIC
        if encoded:
            key = str(file)
            if key not in self.cache:
                self.cache[key] = gzip_module.compress(body, 6)
            body = self.cache[key]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(file)))
        if encoded:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        self.end_headers()
        return io.BytesIO(body)

    def copyfile(self, source: Any, outputfile: Any) -> None:
        start = source.tell()
        super().copyfile(source, outputfile)
        if self.counter is not None:
            self.counter.add(source.tell() - start)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404 or self.not_found is None or not self.not_found.is_file():
            super().send_error(code, message, explain)
            return
        body = self.not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextlib.contextmanager
def serve(
    folder: Path,
    sub_path: str = "",
    *,
    gzip: bool = False,
    pages_404: bool = False,
    counter: ByteCounter | None = None,
    headers: Mapping[str, str] | None = None,
) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 (a free port) until the block ends; yields the URL of
    ``folder/sub_path/`` (``http://127.0.0.1:<port>/`` without a sub_path)."""
    sub_path = sub_path.strip("/")
    handler = functools.partial(
        StaticHandler,
        directory=str(folder),
        gzip=gzip,
        not_found=Path(folder, sub_path, "404.html") if pages_404 else None,
        counter=counter,
        headers=headers,
        cache={},
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/{sub_path + '/' if sub_path else ''}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
