"""Stage 4, render: site data becomes pages of HTML through the Jinja2 templates in ``theme/``.

Rendering knows nothing of MkDocs: it returns ``RenderedPage`` values (where the page goes, its
title, its HTML body) that any adapter can hand to a site engine or write to disk. Autoescape is
on, so contributor text is escaped here, in one place; links between pages are relative, so the
site works under any sub-path.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path as FsPath
from typing import Any, cast

import babel
import jinja2

from generator.actors import comparison_pages, county_actors
from generator.compact import compact
from generator.enrich import SiteData
from generator.feedback import (
    chose_another,
    feedback_by_actor,
    feedback_by_occupation,
    other_tracks,
)
from generator.fields import field_table
from generator.findings import Finding
from generator.languages import DEFAULT, LANGUAGES, Language
from generator.load import load_document
from generator.messages import _
from generator.onward import occupation_links, path_links, plan_source
from generator.open_data import catalogue
from generator.pages import (
    PAGE_TYPES,
    Pager,
    PageType,
    paginate,
    relative,
    url_for,
)
from generator.repository import no_edit_url
from generator.routes import figure
from generator.search import served_html
from generator.search_page import BROWSE_WORD, filter_groups, search_data

TEMPLATE_DIR = "vagar"
STRINGS_FILE = "locales/sv.yml"
"""The Swedish UI strings, the reference for every translation."""


@dataclass(frozen=True)
class RenderedPage:
    """One generated page: its kind (a name in ``generator.pages.PAGE_TYPES``), where it is
    served (``url``, relative to the site root), its title, description and HTML body."""

    kind: str
    url: str
    title: str
    description: str
    html: str
    """The body as Pagefind indexes it; readers get ``served``."""

    @functools.cached_property
    def served(self) -> str:
        """The body as readers get it: without what only the search index reads."""
        return served_html(self.html)


class StringsError(Exception):
    """The UI strings file cannot be used; ``findings`` say where and why."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__("\n".join(f.format() for f in findings))
        self.findings = findings


def strings_file(language: str = DEFAULT) -> str:
    """The UI strings of ``language``, relative to the theme folder."""
    return f"locales/{language}.yml"


def load_strings(
    theme_dir: FsPath, display_name: str = "", language: str = DEFAULT
) -> dict[str, Any]:
    """Every UI string of the site in ``language``, from ``theme/locales/<language>.yml``;
    raises ``StringsError`` with located findings when the file is damaged, or, for a
    translation, when it lacks a string the Swedish file has.

    It lives in locales/ because MkDocs does not copy that folder into the site.
    """
    file = theme_dir / strings_file(language)
    shown = display_name or file.as_posix()
    document, findings = load_document(file, shown)
    if document is None:
        raise StringsError(findings)
    if not isinstance(document.data, dict):
        raise StringsError(
            [Finding(shown, 1, 1, _("the UI strings must be names with texts (name: text)"))]
        )
    if language == DEFAULT:
        missing = missing_strings(theme_dir, document.data)
        hint = _(
            "the string {name} is missing — the theme uses it; add it (see the file in the "
            "project's history)"
        )
    else:
        missing = untranslated(load_strings(theme_dir), document.data)
        hint = _(
            "the string {name} is missing — the Swedish strings (locales/sv.yml) have it; add "
            "its translation"
        )
    if missing:
        raise StringsError([Finding(shown, 1, 1, hint.format(name=name)) for name in missing])
    return document.data


def untranslated(
    swedish: Mapping[str, Any], strings: Mapping[str, Any], prefix: str = ""
) -> list[str]:
    """The strings of ``swedish`` that a translation ``strings`` lacks, by dotted name."""
    missing = []
    for key, value in swedish.items():
        other = strings.get(key)
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            if isinstance(other, Mapping):
                missing += untranslated(value, other, f"{name}.")
            else:
                missing.append(name)
        elif type(other) is not type(value) or (isinstance(other, str) and not other.strip()):
            missing.append(name)
    return missing


_STRING_USE = re.compile(r"\bt\.([a-z_]+(?:\.[a-z_]+)*)")


def missing_strings(theme_dir: FsPath, strings: Mapping[str, Any]) -> list[str]:
    """The UI strings the templates use (``t.path.timeline``) that ``strings`` lacks."""
    used: set[str] = set()
    for template in sorted(theme_dir.rglob("*.html")):
        used.update(_STRING_USE.findall(template.read_text(encoding="utf-8")))
    missing = []
    for name in sorted(used):
        node: Any = strings
        for part in name.removesuffix(".format").split("."):
            node = node.get(part) if isinstance(node, Mapping) else None
        if not isinstance(node, str | Mapping):
            missing.append(name.removesuffix(".format"))
    return missing


class SharedBytecode(jinja2.BytecodeCache):
    """Compiled templates kept in memory for every environment of one kind in this process.

    A build makes an environment per language (and MkDocs one per language build); without a
    shared cache each compiles every template again — a tenth of a 2,000-path build's time.
    Only environments with the same settings may share one: the code depends on them."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


class RenderCache:
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


PAGE_TEMPLATES = SharedBytecode()
"""The cache of ``make_environment``'s environments (they differ only in their globals)."""


def make_environment(
    theme_dir: FsPath,
    strings: Mapping[str, Any],
    language: str = DEFAULT,
    translations: Mapping[str, Mapping[str, Any]] | None = None,
) -> jinja2.Environment:
    """A Jinja2 environment over ``theme/vagar/`` with autoescape always on, for pages in
    ``language``; ``translations`` are the UI strings of every language by code (path pages
    show their few labels in each)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(theme_dir / TEMPLATE_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=PAGE_TEMPLATES,
    )
    # Data blocks (|tojson) keep å, ä and ö as they are, not as \u00e5 (six bytes for two),
    # with no space after separators.
    # Jinja still escapes <, >, & and ' in them, so a block cannot end early (issue 15).
    env.policies["json.dumps_kwargs"] = {
        "sort_keys": True,
        "ensure_ascii": False,
        "separators": (",", ":"),
    }
    env.globals["t"] = strings
    env.globals["lang"] = LANGUAGES[language]
    env.globals["languages"] = LANGUAGES
    env.globals["t_in"] = dict(translations or {language: strings})
    # Issue 14: the data page's files and fields; edit links come from generator.site when
    # the repository is known (repo_url), none otherwise.
    env.globals["open_data"] = catalogue()
    env.globals["edit_url"] = no_edit_url
    env.globals["browse_word"] = BROWSE_WORD
    env.globals["path_fields"] = field_table("path")
    env.filters["paragraphs"] = paragraphs
    env.filters["count_label"] = functools.partial(count_label, language=language)
    return env


def paragraphs(text: str) -> list[str]:
    """Split plain text into paragraphs at blank lines (contributors write plain text)."""
    return [" ".join(part.split()) for part in text.split("\n\n") if part.strip()]


def count_label(count: int, forms: Mapping[str, str], language: str = DEFAULT) -> str:
    """``3 vägar`` / ``1 väg`` from a ``{one:, many:}`` entry of the strings file.

    A language with more plural forms (Arabic: two, few for 3-10, many for 11-99…) may give
    them by their CLDR names; a form it does not give falls back to ``one`` or ``many``.
    """
    category = _plural_category(count, language)
    form = forms.get(category) if category not in ("one", "many") else None
    if form is None:
        form = forms["one"] if count == 1 else forms["many"]
    return f"{count} {form}"


@functools.cache
def _plural_category(count: int, language: str) -> str:
    return str(babel.Locale.parse(language).plural_form(count))


def render_site(site: SiteData, env: jinja2.Environment) -> list[RenderedPage]:
    """Every generated page of the site in the environment's language (``lang``), page type
    by page type in registry order; in a language besides Swedish, only the page types that
    are translated."""
    t = cast(Mapping[str, Any], env.globals["t"])
    language = cast(Language, env.globals["lang"])
    pages: list[RenderedPage] = []
    for page_type in PAGE_TYPES.values():
        if not page_type.template or (language.code != DEFAULT and not page_type.translated):
            continue
        if "{id}" not in page_type.url and page_type.name not in _ITEMS:
            title, description = _index_texts(page_type.name, t)
            extra = _search_context(site, t) if page_type.name == "search" else {}
            pages.append(
                _page(env, page_type, page_type.url, title, description, site=site, **extra)
            )
            continue
        for item, title, description, paths, context in _ITEMS[page_type.name](site, t):
            url = page_type.url_for(item)
            if page_type.paged:
                pages += _list_pages(env, page_type, url, title, description, paths, context, site)
            else:
                pages.append(_page(env, page_type, url, title, description, site=site, **context))
    return pages


def _search_context(site: SiteData, t: Mapping[str, Any]) -> dict[str, Any]:
    """The search page's filter groups (with the site's counts) and its data block."""
    return {"groups": filter_groups(site, t), "search_data": search_data(site, t)}


def _index_texts(name: str, t: Mapping[str, Any]) -> tuple[str, str]:
    """Title and description of a page without an item, from the UI strings."""
    if name == "home":
        return t["site_name"], t["home"]["description"]
    return t[name]["title"], t[name]["description"]


ItemPage = tuple[Any, str, str, Sequence[Any], dict[str, Any]]
"""What a page of one item shows: the item, its title and description, the paths (or
comparison rows) it lists and the template's own context."""


def _occupations(site: SiteData, t: Mapping[str, Any]) -> Iterator[ItemPage]:
    said, other, chose = feedback_by_occupation(site), other_tracks(site), chose_another(site)
    for key, summary in site.occupations.items():
        occupation = summary.occupation
        heard = {"feedback": said[key], "other_tracks": other[key], "chose_another": chose[key]}
        route = site.routes[key]
        ahead = {
            "route": route,
            "figure": figure(route, t["route"]["others"]),
            "onward": occupation_links(occupation, site.content.links),
        }
        yield (
            occupation,
            occupation.label,
            occupation.description,
            summary.paths,
            {"summary": summary, **heard, **ahead},
        )


def _paths(site: SiteData, t: Mapping[str, Any]) -> Iterator[ItemPage]:
    for path in site.content.paths.values():
        context = {
            "path": path,
            "similar": site.similar[path.id],
            "onward": path_links(path, site.content.links),
            "plan_source": plan_source(path),
        }
        yield path, path.title, path.summary, (), context


def _actors(site: SiteData, t: Mapping[str, Any]) -> Iterator[ItemPage]:
    said = feedback_by_actor(site)
    for actor in site.content.actors.values():
        context = {"actor": actor, "feedback": said[actor.id]}
        yield actor, actor.name, actor.description, site.by_actor[actor.id], context


def _counties(site: SiteData, t: Mapping[str, Any]) -> Iterator[ItemPage]:
    working = county_actors(site)
    for county in site.content.vocabularies.counties.values():
        description = t["county"]["description"].format(county=county.label)
        context = {"county": county, "actors_by_type": working[county.id]}
        yield county, county.label, description, site.by_county[county.id], context


def _situations(site: SiteData, t: Mapping[str, Any]) -> Iterator[ItemPage]:
    for situation in site.content.vocabularies.situations.values():
        paths = site.by_situation[situation.id]
        yield situation, situation.label, situation.description, paths, {"situation": situation}


_ITEMS: dict[str, Callable[[SiteData, Mapping[str, Any]], Iterator[ItemPage]]] = {
    "occupation": _occupations,
    "path": _paths,
    "actor": _actors,
    "county": _counties,
    "situation": _situations,
    "actors": lambda site, t: comparison_pages(site, t, "actors"),
    "actors_in_county": lambda site, t: comparison_pages(site, t, "actors_in_county"),
    "actors_for_group": lambda site, t: comparison_pages(site, t, "actors_for_group"),
    "actors_of_type": lambda site, t: comparison_pages(site, t, "actors_of_type"),
}
"""The items of each page type that shows one item."""


def _list_pages(
    env: jinja2.Environment,
    page_type: PageType,
    url: str,
    title: str,
    description: str,
    paths: Sequence[Any],
    context: Mapping[str, Any],
    site: SiteData,
) -> Iterator[RenderedPage]:
    """A page with a list of paths, split over as many pages as the list needs.

    In English and Arabic only the first page is built; its pager leads on to the Swedish
    pages of the list. The cards of a long list are Swedish stories either way, and building
    every page in three languages cost 40 % of a 10,000-path build (4,076 pages).
    """
    t = cast(Mapping[str, Any], env.globals["t"])
    language = cast(Language, env.globals["lang"])
    pages = paginate(paths, url)
    if language.code != DEFAULT:
        first, chunk = pages[0]
        swedish = (first.urls[0], *(language.root + later for later in first.urls[1:]))
        pages = [(Pager(1, swedish), chunk)]
    for pager, chunk in pages:
        numbered = title
        if pager.number > 1:
            numbered = t["pager"]["title"].format(title=title, number=pager.number)
        yield _page(
            env,
            page_type,
            pager.urls[pager.number - 1],
            numbered,
            description,
            pager=pager,
            paths=chunk,
            all_paths=len(paths),
            site=site,
            **context,
        )


def _page(
    env: jinja2.Environment,
    page_type: PageType,
    url: str,
    title: str,
    description: str,
    **context: Any,
) -> RenderedPage:
    language = cast(Language, env.globals["lang"])
    html = env.get_template(page_type.template).render(
        url=lambda target: relative(target, url),
        url_for=lambda kind, item=None: relative(url_for(kind, item, language), url),
        page_title=title,
        **context,
    )
    # Without the templates' indentation and blank lines (the engine compacts the whole page
    # the same way, generator.plugin), so the page as published holds this HTML unchanged.
    return RenderedPage(page_type.name, url, title, description, compact(html))
