"""Stage 4, render: site data becomes pages of HTML through the Jinja2 templates in ``theme/``.

Rendering knows nothing of MkDocs: it returns ``RenderedPage`` values (where the page goes, its
title, its HTML body) that any adapter can hand to a site engine or write to disk. Autoescape is
on, so contributor text is escaped here, in one place; links between pages are relative, so the
site works under any sub-path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path as FsPath
from typing import Any, cast

import jinja2
import yaml

from generator.enrich import SiteData
from generator.model import Actor, Occupation, Path, Term

TEMPLATE_DIR = "vagar"
STRINGS_FILE = "locales/sv.yml"


@dataclass(frozen=True)
class RenderedPage:
    """One generated page: ``src_uri`` as a docs-relative Markdown name, ``url`` as served."""

    src_uri: str
    url: str
    title: str
    description: str
    html: str
    hide: tuple[str, ...] = ("toc",)
    """Material page parts to hide; the generated pages have no table of contents."""


PAGE_SIZE = 50
"""Paths listed on one page of an occupation, actor, county or situation: with tens of
thousands of paths, one page per list would run to megabytes."""


@dataclass(frozen=True)
class Pager:
    """Where one page of a long list stands: its number and the URLs of every page."""

    number: int
    urls: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.urls)

    def window(self, width: int = 2) -> list[int | None]:
        """Page numbers to link: the first, the last and ``width`` either side of this one;
        None marks a gap. An actor in every path can have hundreds of pages."""
        shown = {1, self.count, *range(self.number - width, self.number + width + 1)}
        numbers = sorted(n for n in shown if 1 <= n <= self.count)
        result: list[int | None] = []
        for number in numbers:
            if result and result[-1] is not None and number - result[-1] > 1:
                result.append(None)
            result.append(number)
        return result


def paginate(paths: Sequence[Path], base_url: str) -> list[tuple[Pager, Sequence[Path]]]:
    """Split a list into pages of ``PAGE_SIZE``: the first at ``base_url``, then ``sida-2/``…"""
    chunks = [paths[i : i + PAGE_SIZE] for i in range(0, len(paths), PAGE_SIZE)] or [paths]
    urls = tuple(base_url if n == 1 else f"{base_url}sida-{n}/" for n in range(1, len(chunks) + 1))
    return [(Pager(n, urls), chunk) for n, chunk in enumerate(chunks, start=1)]


def load_strings(theme_dir: FsPath) -> dict[str, Any]:
    """Every UI string of the site, from ``theme/locales/sv.yml``.

    It lives in locales/ because MkDocs does not copy that folder into the site.
    """
    with (theme_dir / STRINGS_FILE).open(encoding="utf-8") as handle:
        strings: dict[str, Any] = yaml.safe_load(handle)
    return strings


def make_environment(theme_dir: FsPath, strings: Mapping[str, Any]) -> jinja2.Environment:
    """A Jinja2 environment over ``theme/vagar/`` with autoescape always on."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(theme_dir / TEMPLATE_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["t"] = strings
    env.filters["paragraphs"] = paragraphs
    env.filters["count_label"] = count_label
    return env


def paragraphs(text: str) -> list[str]:
    """Split plain text into paragraphs at blank lines (contributors write plain text)."""
    return [" ".join(part.split()) for part in text.split("\n\n") if part.strip()]


def count_label(count: int, forms: Mapping[str, str]) -> str:
    """``3 vägar`` / ``1 väg`` from a ``{one:, many:}`` entry of the strings file."""
    return f"{count} {forms['one'] if count == 1 else forms['many']}"


# Where each kind of page lives. Slugs are Swedish; they are part of the public URLs.
def home_url() -> str:
    return ""


def occupation_url(occupation: Occupation | None = None) -> str:
    return f"yrken/{occupation.id}/" if occupation else "yrken/"


def path_url(path: Path) -> str:
    return f"vagar/{path.id}/"


def actor_url(actor: Actor | None = None) -> str:
    return f"aktorer/{actor.id}/" if actor else "aktorer/"


def county_url(county: Term | None = None) -> str:
    return f"lan/{county.id}/" if county else "lan/"


def situation_url(situation: Term | None = None) -> str:
    return f"utgangslage/{situation.id}/" if situation else "utgangslage/"


def search_url() -> str:
    return "sok/"


def relative(target: str, current: str) -> str:
    """The link from the page at ``current`` to ``target`` (both site-relative, dir-style).

    Up to the site root, then down: a page renders hundreds of links, and this is cheaper
    than working out the shortest path each time.
    """
    return "../" * current.count("/") + target or "./"


def render_site(site: SiteData, env: jinja2.Environment) -> list[RenderedPage]:
    """Every generated page of the site."""
    return list(_pages(site, env))


def _pages(site: SiteData, env: jinja2.Environment) -> Iterator[RenderedPage]:
    content, t = site.content, cast(Mapping[str, Any], env.globals["t"])
    vocab = content.vocabularies
    yield _page(env, "home.html", home_url(), t["site_name"], t["home"]["description"], site=site)
    yield _page(
        env,
        "occupations.html",
        occupation_url(),
        t["occupations"]["title"],
        t["occupations"]["description"],
        site=site,
    )
    for summary in site.occupations.values():
        occupation = summary.occupation
        yield from _list_pages(
            env,
            "occupation.html",
            occupation_url(occupation),
            occupation.label,
            occupation.description,
            summary.paths,
            site=site,
            summary=summary,
        )
    for path in content.paths.values():
        yield _page(
            env,
            "path.html",
            path_url(path),
            path.title,
            path.summary,
            site=site,
            path=path,
            similar=site.similar[path.id],
        )
    yield _page(
        env,
        "actors.html",
        actor_url(),
        t["actors"]["title"],
        t["actors"]["description"],
        site=site,
    )
    for actor in content.actors.values():
        yield from _list_pages(
            env,
            "actor.html",
            actor_url(actor),
            actor.name,
            actor.description,
            site.by_actor[actor.id],
            site=site,
            actor=actor,
        )
    yield _page(
        env,
        "counties.html",
        county_url(),
        t["counties"]["title"],
        t["counties"]["description"],
        site=site,
    )
    for county in vocab.counties.values():
        yield from _list_pages(
            env,
            "county.html",
            county_url(county),
            county.label,
            t["county"]["description"].format(county=county.label),
            site.by_county[county.id],
            site=site,
            county=county,
        )
    yield _page(
        env,
        "situations.html",
        situation_url(),
        t["situations"]["title"],
        t["situations"]["description"],
        site=site,
    )
    for situation in vocab.situations.values():
        yield from _list_pages(
            env,
            "situation.html",
            situation_url(situation),
            situation.label,
            situation.description,
            site.by_situation[situation.id],
            site=site,
            situation=situation,
        )
    yield _page(
        env,
        "search.html",
        search_url(),
        t["search"]["title"],
        t["search"]["description"],
        hide=("toc", "navigation"),
        site=site,
    )


def _list_pages(
    env: jinja2.Environment,
    template: str,
    url: str,
    title: str,
    description: str,
    paths: Sequence[Path],
    **context: Any,
) -> Iterator[RenderedPage]:
    """A page with a list of paths, split over as many pages as the list needs."""
    t = cast(Mapping[str, Any], env.globals["t"])
    for pager, chunk in paginate(paths, url):
        numbered = title
        if pager.number > 1:
            numbered = t["pager"]["title"].format(title=title, number=pager.number)
        yield _page(
            env,
            template,
            pager.urls[pager.number - 1],
            numbered,
            description,
            pager=pager,
            paths=chunk,
            all_paths=len(paths),
            **context,
        )


def _page(
    env: jinja2.Environment,
    template: str,
    url: str,
    title: str,
    description: str,
    hide: tuple[str, ...] = ("toc",),
    **context: Any,
) -> RenderedPage:
    link: Callable[[str], str] = lambda target: relative(target, url)  # noqa: E731
    html = env.get_template(template).render(
        url=link,
        path_url=lambda p: link(path_url(p)),
        occupation_url=lambda o=None: link(occupation_url(o)),
        actor_url=lambda a=None: link(actor_url(a)),
        county_url=lambda c=None: link(county_url(c)),
        situation_url=lambda s=None: link(situation_url(s)),
        search_url=lambda: link(search_url()),
        page_title=title,
        **context,
    )
    src_uri = "index.md" if url == "" else url.rstrip("/") + ".md"
    if url.endswith("/") and url.count("/") == 1:
        src_uri = url + "index.md"
    return RenderedPage(src_uri, url, title, description, html, hide)
