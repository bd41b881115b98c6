"""The MkDocs adapter: hands the assembled site (``generator.site``) to MkDocs and Material,
and puts the Pagefind bundle into the built site.

The hooks only translate. Pages and URLs become MkDocs files (``File.generated``, nothing is
written to the source tree) and Material front matter; the index pages of the page registry
go into the navigation. Content is assembled in ``on_pre_build``, before MkDocs clears
``site_dir``, so invalid content stops the build with the checker's messages and leaves no
half-written site.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from markupsafe import Markup, escape
from mkdocs.commands.build import build as build_site
from mkdocs.config import base, load_config
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from generator.compact import compact, compacted_page
from generator.csp import with_policy
from generator.engine import join_url, navigation, shared_asset, source_uri
from generator.examples import ExampleMode
from generator.findings import Finding
from generator.host_limits import check_site_size
from generator.languages import DEFAULT, LANGUAGES, TRANSLATIONS, Language
from generator.messages import _, ngettext
from generator.pages import NAVIGATION, PAGE_TYPES, alternates, fixed_urls, kind_of_source
from generator.render import (
    STRINGS_FILE,
    RenderCache,
    RenderedPage,
    SharedBytecode,
    StringsError,
    load_strings,
)
from generator.repository import Repository
from generator.search import BundleError, SearchIndex
from generator.search_page import BROWSE_WORD
from generator.site import CONTRIBUTE_SOURCE, BuildOptions, Translated, assemble

log = logging.getLogger("mkdocs.plugins.vagar")


class VagarConfig(base.Config):
    content_dir = c.Type(str, default="content")
    """Folder with paths/, actors/ and vocabulary/, relative to mkdocs.yml."""
    theme_dir = c.Type(str, default="theme")
    """Folder with locales/sv.yml and the page templates in vagar/, relative to mkdocs.yml."""
    search = c.Type(bool, default=True)
    """Build the Pagefind search index (in the background, into site_dir/pagefind)."""
    max_site_mb = c.Type(int, default=1000)
    """GitHub Pages publishes at most 1 GB (as the tar upload-pages-artifact makes): a bigger
    build fails and leaves the previous site."""
    warn_site_mb = c.Type(int, default=800)
    """From this size on, the build warns."""
    translations = c.ListOfItems(c.Choice(TRANSLATIONS), default=list(TRANSLATIONS))
    """The interface languages built besides Swedish, each into its folder (``en/``); their
    written pages are in ``content/pages/<code>/``."""
    examples = c.Choice(("include", "exclude"), default="include")
    """``include``: invented examples (``example: true``) are published, labelled;
    ``exclude``: a production site without them (a real path naming an example actor is then
    an error). The Pages workflow sets it from ``VAGAR_EXAMPLES`` in the config it writes."""


class VagarPlugin(BasePlugin[VagarConfig]):
    """Generates every path, occupation, actor, county and situation page.

    MkDocs writes into a fresh folder beside ``site_dir``; only a build whose search bundle
    is verified replaces ``site_dir`` with it. Any failure leaves the previous site as it was.
    """

    def __init__(self) -> None:
        self.language = LANGUAGES[DEFAULT]
        """The language this build writes; another language's build is started by the
        Swedish one (``_build_translations``) and given its pages (``translated``)."""
        self.translated: Translated | None = None
        self.translations: dict[str, Translated] = {}
        self.strings_in: dict[str, Any] = {}
        """The UI strings of every language by code (the 404 page speaks all three)."""
        self.serving = False
        self.target: Path | None = None
        self.staging: Path | None = None
        self.search: SearchIndex | None = None
        self.pages: dict[str, RenderedPage] = {}
        self.strings: dict[str, Any] = {}
        self.schemas: dict[str, str] = {}
        self.files: dict[str, str | bytes] = {}
        self.additions: dict[str, str] = {}
        self.feeds: dict[str, list[tuple[str, str]]] = {}

    def _root(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path).resolve().parent

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.translated is not None:
            # Another language's build, inside the Swedish one's folder: no staging of its own.
            self.strings = dict(self.translated.strings)
            config.site_description = self.strings["home"]["description"]
            _name_toggles(config, self.strings)
            config.nav = navigation(self.strings, self.language)
            return config
        self.target = Path(config.site_dir).resolve()
        self.target.parent.mkdir(parents=True, exist_ok=True)
        self.staging = Path(
            tempfile.mkdtemp(prefix=f".{self.target.name}-building-", dir=self.target.parent)
        )
        config.site_dir = str(self.staging)
        try:
            self.strings = load_strings(
                self._root(config) / self.config.theme_dir,
                f"{self.config.theme_dir}/{STRINGS_FILE}",
            )
        except StringsError as error:
            message = _("The UI strings cannot be read; nothing was built.")
            raise PluginError(f"{message}\n{error}") from None
        _name_toggles(config, self.strings)
        config.nav = navigation(self.strings, self.language)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self.translated is not None:
            self.pages = {source_uri(page.url): page for page in self.translated.pages}
            self.additions = dict(self.translated.additions)
            return
        root = self._root(config)
        repository = None
        if config.repo_url:
            docs_dir = Path(config.docs_dir).resolve()
            shown = docs_dir.relative_to(root).as_posix() if docs_dir.is_relative_to(root) else ""
            repository = Repository(config.repo_url, config.edit_uri or "", shown)
        examples: ExampleMode = "exclude" if self.config.examples == "exclude" else "include"
        options = BuildOptions(
            config.site_url or None, examples, repository, tuple(self.config.translations)
        )
        site, findings = assemble(
            root, self.config.content_dir, self.config.theme_dir, options=options
        )
        for finding in findings:
            if finding.severity == "warning":
                log.warning(finding.format())
        if site is None:
            message = _("Content has errors; nothing was built.")
            raise PluginError(f"{message}\n{_errors(findings)}")
        self.strings = dict(site.strings)
        self.pages = {source_uri(page.url): page for page in site.pages}
        self.schemas = dict(site.schemas)
        self.files = dict(site.files)
        self.additions = dict(site.additions)
        self.feeds = dict(site.feeds)
        self.translations = dict(site.translations)
        self.strings_in = {
            DEFAULT: self.strings,
            **{code: dict(done.strings) for code, done in self.translations.items()},
        }
        if self.config.search:
            # Pagefind starts now, beside MkDocs; on_post_build waits for it.
            self.search = SearchIndex(site.search_records)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        for uri, page in self.pages.items():
            in_nav = page.kind in NAVIGATION
            inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
            file = File.generated(config, uri, content=page.served, inclusion=inclusion)
            if not in_nav:  # a page in the navigation gets its title there, with its Page
                GeneratedPage(file, config, page.served)
            files.append(file)
        for uri, text in self.schemas.items():
            files.append(File.generated(config, uri, content=text))
        for uri, data in self.files.items():
            files.append(File.generated(config, uri, content=data))
        return files

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        env.globals["t"] = self.strings
        # Material's own words that the strings file replaces (theme/partials/language.html).
        env.globals["vagar_material"] = self.strings.get("material", {})
        env.globals["vagar_browse_word"] = BROWSE_WORD
        env.globals["vagar_urls"] = fixed_urls(self.language)
        env.globals["vagar_language"] = self.language
        env.globals["vagar_languages"] = LANGUAGES
        env.globals["vagar_strings"] = self.strings_in
        env.globals["vagar_cached"] = RenderCache()
        env.bytecode_cache = THEME_TEMPLATES
        return env

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        generated = self.pages.get(page.file.src_uri)
        if generated is None:
            kind = kind_of_source(page.file.src_uri)
            if kind is not None:
                page.meta["vagar_alternates"] = self._alternates(page.url, kind, config)
                page.meta["vagar_hreflang"] = PAGE_TYPES[kind].translated
            return markdown
        # MkDocs' own templates print titles unescaped, so they get pre-escaped text.
        hide = ["toc"] if PAGE_TYPES[generated.kind].sidebar else ["toc", "navigation"]
        page.meta = {
            "title": Markup(escape(generated.title)),
            "description": Markup(escape(generated.description)),
            "hide": hide,
            # More feeds for theme/main.html's head (an occupation's own), beside the site's.
            "vagar_feeds": self.feeds.get(generated.url, []),
            "vagar_alternates": self._alternates(generated.url, generated.kind, config),
            "vagar_hreflang": PAGE_TYPES[generated.kind].translated,
        }
        return ""

    def _alternates(self, url: str, kind: str, config: MkDocsConfig) -> list[dict[str, Any]]:
        """The page in each language, for the language switch and the head's ``hreflang``
        links (absolute when the site's address is known)."""
        root = urljoin(config.site_url, self.language.root) if config.site_url else ""
        return [
            {
                "language": language,
                "link": link,
                "absolute": urljoin(root, from_root) if root else "",
                "current": language == self.language,
            }
            for language, link, from_root in alternates(url, kind, self.language)
        ]

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        generated = self.pages.get(page.file.src_uri)
        if generated is not None:
            return generated.served
        return _with_addition(html, self.additions.get(page.file.src_uri, ""))

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # `mkdocs serve` injects its live-reload script after every hook, with new text on
        # each request: no policy could allow it by hash, so the preview goes without one.
        self.serving = command == "serve"

    # Last, after every other plugin: the policy hashes the inline scripts of the final HTML.
    @event_priority(-100)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        generated = isinstance(page, GeneratedPage)
        output, content = compacted_page(output, page.content or "", content_is_compact=generated)
        if self.serving:
            return output
        return with_policy(output, config.site_url, content=content)

    @event_priority(-100)
    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str:
        # 404.html is a static template, not a page; sitemap.xml is not HTML.
        if not template_name.endswith(".html"):
            return output_content
        output_content = compact(output_content)
        if self.serving:
            return output_content
        return with_policy(output_content, config.site_url)

    # Last, after every other plugin: the bundle goes into the finished site, which then
    # takes the place of the previous one.
    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.translated is not None:
            return
        if self.search is not None:
            search, self.search = self.search, None
            try:
                count = search.finish(Path(config.site_dir))
            except BundleError as error:
                message = _("The search index is not whole; the site was not changed: {error}")
                raise PluginError(message.format(error=error)) from None
            log.info(
                ngettext(
                    "Pagefind indexed {count} page", "Pagefind indexed {count} pages", count
                ).format(count=count)
            )
        self._build_translations(config)
        self._publish(config)

    def _build_translations(self, config: MkDocsConfig) -> None:
        """Build the site in each other interface language into its folder of the finished
        Swedish site (``en/``), with the same configuration and its own strings, pages and
        Material language. They share the Swedish site's path stories, search index and data
        (``generator.languages``)."""
        root = self._root(config)
        for code, translated in self.translations.items():
            language = LANGUAGES[code]
            pages_dir = root / config.docs_dir / code
            nested = load_config(
                config_file=config.config_file_path,
                site_dir=str(Path(config.site_dir) / code),
                docs_dir=str(pages_dir if pages_dir.is_dir() else _empty_folder(config)),
                site_url=join_url(config.site_url, language.prefix),
                repo_url=config.repo_url,
                edit_uri=join_url(config.edit_uri, f"{code}/"),
                exclude_docs="",
                extra_css=[shared_asset(item, language) for item in config.extra_css],
                extra_javascript=[
                    shared_asset(str(item), language) for item in config.extra_javascript
                ],
            )
            nested.theme["language"] = code
            # MkDocs keeps one instance of a plugin per process (for `mkdocs serve`'s
            # rebuilds), so the nested build runs this very object: it gets the state of a
            # translation's build for as long as that build runs.
            with self._building(language, translated):
                build_site(nested)

    @contextlib.contextmanager
    def _building(self, language: Language, translated: Translated) -> Iterator[None]:
        """This plugin as the builder of ``language``'s site, then as it was."""
        saved = {name: getattr(self, name) for name in _BUILD_STATE}
        for name in _BUILD_STATE:
            value = saved[name]
            setattr(self, name, type(value)() if isinstance(value, dict) else None)
        self.language, self.translated = language, translated
        try:
            yield
        finally:
            for name, value in saved.items():
                setattr(self, name, value)

    def _publish(self, config: MkDocsConfig) -> None:
        """Put the finished build in place of ``site_dir``: the old one is moved aside first,
        then removed, so ``site_dir`` is always one whole build. A site GitHub Pages would
        refuse is not put in place at all."""
        assert self.target is not None and self.staging is not None
        size = check_site_size(
            self.staging, self.config.warn_site_mb * 1_000_000, self.config.max_site_mb * 1_000_000
        )
        if size.problem:
            raise PluginError(_("The site was not changed: {problem}").format(problem=size.problem))
        if size.warning:
            log.warning(size.warning)
        log.info(
            _("The site is {size} MB as the GitHub Pages archive ({files} files)").format(
                size=f"{size.tar_bytes / 1_000_000:.1f}", files=size.files
            )
        )
        old = self.staging.with_name(self.staging.name + "-old")
        if self.target.exists():
            os.replace(self.target, old)
        os.replace(self.staging, self.target)
        config.site_dir = str(self.target)
        self.staging = None
        shutil.rmtree(old, ignore_errors=True)
        log.info(_("The finished site replaced {folder}").format(folder=self.target))

    def on_build_error(self, *, error: Exception) -> None:
        if self.translated is not None:
            return  # a translation's build: the Swedish build it runs in cleans up
        if self.search is not None:
            self.search.cancel()
            self.search = None
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging = None

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        root = self._root(config)
        server.watch(str(root / self.config.content_dir))
        server.watch(str(root / self.config.theme_dir))
        return server


ADDITION_MARKER = f"<!-- vagar:{CONTRIBUTE_SOURCE.removesuffix('.md')} -->"
"""Where a page written by hand wants its generated addition (the Bidra page's links)."""


def _with_addition(html: str, addition: str) -> str:
    """A written page with its addition in place of the marker (or after its text); the
    marker goes either way, and with no addition nothing else changes."""
    if ADDITION_MARKER in html:
        return html.replace(ADDITION_MARKER, addition, 1)
    return html + addition if addition else html


_BUILD_STATE = (
    "language",
    "translated",
    "translations",
    "target",
    "staging",
    "search",
    "pages",
    "strings",
    "schemas",
    "files",
    "additions",
    "feeds",
)
"""What one build of the plugin holds (``VagarPlugin._building``)."""


def _name_toggles(config: MkDocsConfig, strings: dict[str, Any]) -> None:
    """The light/dark toggle's names in the build's language (mkdocs.yml has Swedish)."""
    for scheme in config.theme.get("palette") or []:
        if isinstance(scheme, dict) and isinstance(scheme.get("toggle"), dict):
            dark = scheme.get("scheme") == "slate"
            scheme["toggle"]["name"] = strings["palette"]["to_light" if dark else "to_dark"]


THEME_TEMPLATES = SharedBytecode()
"""Compiled theme templates (Material's and ``theme/``'s), shared by the build of every
language in this process: MkDocs makes a new environment for each build."""


class GeneratedPage(Page):
    """A page the generator rendered (``generator.site``): it has no Markdown.

    MkDocs sets up a Markdown converter with every configured extension for each page it
    renders, empty or not — a few milliseconds a page, thousands of times; a generated page
    takes its HTML as it is. MkDocs takes a plugin's ``File.page`` (a ``Page``) as the page."""

    def __init__(self, file: File, config: MkDocsConfig, html: str) -> None:
        super().__init__(None, file, config)
        self._html = html

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content = self._html
        self.toc = get_toc([])
        self._title_from_render = None
        self.present_anchor_ids = set()


def _empty_folder(config: MkDocsConfig) -> Path:
    """A folder without pages, for a language that has no written pages."""
    folder = Path(config.site_dir) / ".vagar-empty-docs"
    folder.mkdir(exist_ok=True)
    return folder


def _errors(findings: list[Finding]) -> str:
    return "\n".join(f.format() for f in findings if f.severity == "error")
