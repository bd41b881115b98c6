"""Site assembly: a content folder in; pages, search records, editor schemas and warnings out.

The whole build sequence — load and check, enrich, render — in one function that knows no site
engine. The MkDocs plugin is a thin adapter over it (``generator.plugin``); another engine, or
a script that writes the pages as files, can call it the same way.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from generator.content import ContentLayout, load_content
from generator.enrich import enrich
from generator.examples import ExampleMode
from generator.findings import Finding
from generator.languages import DEFAULT, TRANSLATIONS
from generator.linked_data import with_linked_data
from generator.localize import TERMS_FILE, localized_data, terms_file
from generator.messages import _
from generator.publish import absolute_urls, build_time, page_feeds, published_files
from generator.render import (
    STRINGS_FILE,
    RenderedPage,
    StringsError,
    load_strings,
    make_environment,
    render_site,
)
from generator.render import strings_file as render_strings_file
from generator.repository import Repository
from generator.schema import SCHEMA_NAMES, schema_for_editors

BODY_MARKER = "data-pagefind-body"
"""Pages whose HTML marks a body for Pagefind are the ones in the search index."""


@dataclass(frozen=True)
class Site:
    """Everything the generator makes of the content, ready for a site engine."""

    pages: tuple[RenderedPage, ...]
    strings: Mapping[str, Any]
    """The UI strings (``theme/locales/sv.yml``), for the engine's own templates."""
    schemas: Mapping[str, str]
    """Editor schemas to publish, by URL (``schema/path.schema.json``) -> JSON text."""
    warnings: tuple[Finding, ...]
    files: Mapping[str, str | bytes] = field(default_factory=dict)
    """Every other file to publish, by its path in the site: the open data (``data/``), the
    feeds, robots.txt and the share image (``generator.publish``)."""
    additions: Mapping[str, str] = field(default_factory=dict)
    """HTML for pages written by hand, by their source file (``bidra.md``): put in place of
    their ``<!-- vagar:… -->`` marker, or after their text (``generator.plugin``)."""
    feeds: Mapping[str, list[tuple[str, str]]] = field(default_factory=dict)
    """The feeds each generated page links to besides the site's, by page URL:
    ``(feed URL, title)``."""
    translations: Mapping[str, Translated] = field(default_factory=dict)
    """The site in each other interface language, by code (``en``): its own pages and
    strings; it shares the Swedish site's path stories, search index and data."""

    @property
    def search_records(self) -> list[tuple[str, str]]:
        """``(url, html)`` of the pages to index for search."""
        return [(page.url, page.html) for page in self.pages if BODY_MARKER in page.html]


@dataclass(frozen=True)
class Translated:
    """The pages of the site in one more interface language (``generator.languages``)."""

    pages: tuple[RenderedPage, ...]
    strings: Mapping[str, Any]
    additions: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class BuildOptions:
    """What a build needs to know beyond the content, from the engine's configuration."""

    site_url: str | None = None
    """The site's address with its sub-path (MkDocs' ``site_url``), or None when unknown."""
    examples: ExampleMode = "include"
    """``include`` publishes invented examples, labelled; ``exclude`` leaves them out."""
    repository: Repository | None = None
    """Where the content files can be edited (MkDocs' ``repo_url``), or None: no links."""
    translations: tuple[str, ...] = TRANSLATIONS
    """The interface languages to build besides Swedish."""


CONTRIBUTE_SOURCE = "bidra.md"
CONTRIBUTE_TEMPLATE = "contribute_links.html"


def assemble(
    root: Path,
    content_dir: str = "content",
    theme_dir: str = "theme",
    this_year: int | None = None,
    options: BuildOptions | None = None,
) -> tuple[Site | None, list[Finding]]:
    """Build the site from the content under ``root``: the site, or None and the findings
    that stop it (every finding is returned either way)."""
    options = options or BuildOptions()
    layout = ContentLayout(root, Path(content_dir))
    content, findings = load_content(layout, this_year, options.examples)
    if content is None:
        return None, findings
    languages = (DEFAULT, *options.translations)
    strings_file = f"{theme_dir}/{STRINGS_FILE}"
    try:
        strings = {
            code: load_strings(root / theme_dir, f"{theme_dir}/{render_strings_file(code)}", code)
            for code in languages
        }
        data = enrich(content)
        absolute = absolute_urls(options.site_url)
        built: dict[str, Translated] = {}
        repository = options.repository
        for code in languages:
            env = make_environment(root / theme_dir, strings[code], code, strings)
            if repository is not None:
                env.globals["edit_url"] = repository.edit_link
            in_language = localized_data(data, code)
            rendered = render_site(in_language, env)
            pages = tuple(with_linked_data(rendered, in_language, strings[code], absolute))
            additions: dict[str, str] = {}
            if repository is not None:
                additions[CONTRIBUTE_SOURCE] = env.get_template(CONTRIBUTE_TEMPLATE).render(
                    new_path_url=repository.new_path_url(), guide_url=repository.guide_url()
                )
            built[code] = Translated(pages, strings[code], additions)
    except StringsError as error:
        return None, findings + error.findings
    except (jinja2.TemplateError, KeyError, TypeError, AttributeError, IndexError) as error:
        problem = _("a UI string the pages need is missing or is not text ({error})").format(
            error=repr(error)
        )
        return None, [*findings, Finding(strings_file, 1, 1, problem)]
    swedish = built.pop(DEFAULT)
    pages = swedish.pages
    known: dict[str, Mapping[str, Any]] = {
        **content.vocabularies.by_name(),
        "actors": content.actors,
    }
    schemas = {
        f"schema/{name}.schema.json": json.dumps(
            schema_for_editors(name, known), ensure_ascii=False, indent=2
        )
        for name in SCHEMA_NAMES
    }
    warnings = tuple(f for f in findings if f.severity == "warning")
    files = published_files(data, swedish.strings, options.site_url, build_time(), tuple(built))
    files[TERMS_FILE] = terms_file(content.vocabularies, strings)
    feeds = page_feeds([(p.kind, p.url) for p in pages], data, swedish.strings)
    extra_feeds = {url: found[1:] for url, found in feeds.items() if len(found) > 1}
    site = Site(
        pages, swedish.strings, schemas, warnings, files, swedish.additions, extra_feeds, built
    )
    return site, findings
