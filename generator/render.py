"""Stage 4, render: site data becomes pages of HTML through the Jinja2 templates in ``theme/``.

Rendering knows nothing of MkDocs: it returns ``RenderedPage`` values (where the page goes, its
title, its HTML body) that any adapter can hand to a site engine or write to disk. Autoescape is
on, so contributor text is escaped here, in one place; links between pages are relative, so the
site works under any sub-path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
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
        yield _page(
            env,
            "occupation.html",
            occupation_url(occupation),
            occupation.label,
            occupation.description,
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
        yield _page(
            env,
            "actor.html",
            actor_url(actor),
            actor.name,
            actor.description,
            site=site,
            actor=actor,
            paths=site.by_actor[actor.id],
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
        yield _page(
            env,
            "county.html",
            county_url(county),
            county.label,
            t["county"]["description"].format(county=county.label),
            site=site,
            county=county,
            paths=site.by_county[county.id],
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
        yield _page(
            env,
            "situation.html",
            situation_url(situation),
            situation.label,
            situation.description,
            site=site,
            situation=situation,
            paths=site.by_situation[situation.id],
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
