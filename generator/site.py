"""Site assembly: a content folder in; pages, search records, editor schemas and warnings out.

The whole build sequence — load and check, enrich, render — in one function that knows no site
engine. The MkDocs plugin is a thin adapter over it (``generator.plugin``); another engine, or
a script that writes the pages as files, can call it the same way.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from generator.content import ContentLayout, load_content
from generator.enrich import enrich
from generator.findings import Finding
from generator.messages import _
from generator.render import (
    STRINGS_FILE,
    RenderedPage,
    StringsError,
    load_strings,
    make_environment,
    render_site,
)
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

    @property
    def search_records(self) -> list[tuple[str, str]]:
        """``(url, html)`` of the pages to index for search."""
        return [(page.url, page.html) for page in self.pages if BODY_MARKER in page.html]


def assemble(
    root: Path,
    content_dir: str = "content",
    theme_dir: str = "theme",
    this_year: int | None = None,
) -> tuple[Site | None, list[Finding]]:
    """Build the site from the content under ``root``: the site, or None and the findings
    that stop it (every finding is returned either way)."""
    layout = ContentLayout(root, Path(content_dir))
    content, findings = load_content(layout, this_year)
    if content is None:
        return None, findings
    strings_file = f"{theme_dir}/{STRINGS_FILE}"
    try:
        strings = load_strings(root / theme_dir, strings_file)
        env = make_environment(root / theme_dir, strings)
        pages = tuple(render_site(enrich(content), env))
    except StringsError as error:
        return None, findings + error.findings
    except (jinja2.TemplateError, KeyError, TypeError, AttributeError, IndexError) as error:
        problem = _("a UI string the pages need is missing or is not text ({error})").format(
            error=repr(error)
        )
        return None, [*findings, Finding(strings_file, 1, 1, problem)]
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
    return Site(pages, strings, schemas, warnings), findings
