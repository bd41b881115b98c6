"""The MkDocs adapter: feeds the generated pages to MkDocs and indexes the result with Pagefind.

The hooks only orchestrate. Content is loaded and checked in ``on_pre_build``, before MkDocs
clears ``site_dir``, so invalid content stops the build with the checker's messages and leaves
no half-written site. Pages are created in memory (``File.generated``); nothing is written to
the source tree.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from generator.content import ContentLayout, load_content
from generator.enrich import enrich
from generator.render import RenderedPage, load_strings, make_environment, render_site
from generator.schema import SCHEMA_NAMES, schema_for_editors
from generator.search import BundleError, SearchIndex

log = logging.getLogger("mkdocs.plugins.vagar")


class VagarConfig(base.Config):
    content_dir = c.Type(str, default="content")
    """Folder with paths/, actors/ and vocabulary/, relative to mkdocs.yml."""
    theme_dir = c.Type(str, default="theme")
    """Folder with locales/sv.yml and the page templates in vagar/, relative to mkdocs.yml."""
    search = c.Type(bool, default=True)
    """Build the Pagefind search index (in the background, into site_dir/pagefind)."""


class VagarPlugin(BasePlugin[VagarConfig]):
    """Generates every path, occupation, actor, county and situation page."""

    def __init__(self) -> None:
        self.search: SearchIndex | None = None
        self.pages: dict[str, RenderedPage] = {}
        self.strings: dict[str, Any] = {}
        self.schemas: dict[str, str] = {}

    def _root(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path).resolve().parent

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        root = self._root(config)
        layout = ContentLayout(root, Path(self.config.content_dir))
        content, findings = load_content(layout)
        for finding in findings:
            if finding.severity == "warning":
                log.warning(finding.format())
        if content is None:
            errors = "\n".join(f.format() for f in findings if f.severity == "error")
            raise PluginError(f"Content has errors; nothing was built.\n{errors}")
        theme_dir = root / self.config.theme_dir
        self.strings = load_strings(theme_dir)
        env = make_environment(theme_dir, self.strings)
        self.pages = {page.src_uri: page for page in render_site(enrich(content), env)}
        if self.config.search:
            # Pagefind starts now, beside MkDocs; on_post_build waits for it.
            self.search = SearchIndex((page.url, page.html) for page in self.pages.values())
        known: dict[str, Mapping[str, Any]] = {
            **content.vocabularies.by_name(),
            "actors": content.actors,
        }
        self.schemas = {
            f"schema/{name}.schema.json": json.dumps(
                schema_for_editors(name, known), ensure_ascii=False, indent=2
            )
            for name in SCHEMA_NAMES
        }

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for page in self.pages.values():
            # Only the top-level index pages are in mkdocs.yml's nav; listing every path there
            # would make Material render the whole list into every page.
            listed = page.url.count("/") <= 1
            inclusion = InclusionLevel.UNDEFINED if listed else InclusionLevel.NOT_IN_NAV
            files.append(
                File.generated(config, page.src_uri, content=page.html, inclusion=inclusion)
            )
        for uri, text in self.schemas.items():
            files.append(File.generated(config, uri, content=text))
        return files

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        env.globals["t"] = self.strings
        env.globals["vagar_cached"] = _RenderCache()
        return env

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        generated = self.pages.get(page.file.src_uri)
        if generated is None:
            return markdown
        # MkDocs' own templates print titles unescaped, so they get pre-escaped text.
        page.meta = {
            "title": Markup(escape(generated.title)),
            "description": Markup(escape(generated.description)),
            "hide": list(generated.hide),
        }
        return ""

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        generated = self.pages.get(page.file.src_uri)
        return generated.html if generated is not None else html

    # Last, after every other plugin: the bundle goes into the finished site folder.
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.search is not None:
            search, self.search = self.search, None
            try:
                count = search.finish(Path(config.site_dir))
            except BundleError as error:
                message = f"The search index is not whole; do not publish: {error}"
                raise PluginError(message) from None
            log.info(f"Pagefind indexed {count} pages")

    def on_build_error(self, *, error: Exception) -> None:
        if self.search is not None:
            self.search.cancel()
            self.search = None

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        root = self._root(config)
        server.watch(str(root / self.config.content_dir))
        server.watch(str(root / self.config.theme_dir))
        return server


class _RenderCache:
    """Renders a template fragment once per key and repeats it (``{% call vagar_cached(key) %}``).

    Material renders the whole navigation into every page. For the thousands of pages that
    are not in the navigation it comes out the same at the same folder depth, so
    ``theme/main.html`` renders it once per depth instead of once per page.
    """

    def __init__(self) -> None:
        self._fragments: dict[str, str] = {}

    def __call__(self, key: str, caller: Any) -> str:
        if key not in self._fragments:
            self._fragments[key] = str(caller())
        return self._fragments[key]
