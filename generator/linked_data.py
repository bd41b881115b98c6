"""What search engines and link previews read: schema.org JSON-LD per page, and robots.txt.

JSON-LD is built from the model as Python data and written by ``json.dumps``, never by joining
strings; ``<``, ``>`` and ``&`` become ``\\u`` escapes, so no text (``</script>``, ``<!--``)
can end the ``<script type="application/ld+json">`` block early. Browsers never run that
type, and the Content-Security-Policy (``generator.csp``) does not hash it.

URLs are absolute when MkDocs' ``site_url`` is known, and otherwise relative to the page,
which JSON-LD resolves against the page's own address.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Mapping
from typing import Any

from generator.enrich import SiteData
from generator.model import Actor, Occupation, Path
from generator.open_data import ACTORS_JSON, LICENCE, PATHS_JSON, csv_files
from generator.pages import relative, url_for
from generator.render import RenderedPage, count_label

CONTEXT = "https://schema.org"
LINKED_DATA_TYPE = "application/ld+json"

Absolute = Callable[[str], str] | None


def script(data: Mapping[str, Any]) -> str:
    """A JSON-LD data block that no text inside it can break out of."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    return f'<script type="{LINKED_DATA_TYPE}">{text}</script>'


def _path(path: Path, href: Callable[[str], str], t: Mapping[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@type": "HowTo",
        "name": path.title,
        "description": path.summary,
        "inLanguage": "sv",
        "totalTime": f"P{path.total_weeks}W",
        "about": _occupation(path.occupation, href(url_for("occupation", path.occupation))),
        "step": [
            {
                "@type": "HowToStep",
                "position": number,
                "name": step.title,
                # The step's kind and length, not its story: the story is on the page, and
                # repeating it here cost a path page over a kilobyte (issue 15).
                "text": f"{step.type.label}, {count_label(step.weeks, t['weeks'])}",
            }
            for number, step in enumerate(path.steps, start=1)
        ],
    }
    if path.example:
        data["disambiguatingDescription"] = t["example"]["label"]
    return data


def _occupation(occupation: Occupation, url: str) -> dict[str, Any]:
    return {
        "@type": "Occupation",
        "name": occupation.label,
        "description": occupation.description,
        "url": url,
        "occupationalCategory": {
            "@type": "CategoryCode",
            "codeValue": occupation.ssyk,
            "name": occupation.ssyk_label,
            "inCodeSet": {"@type": "CategoryCodeSet", "name": "SSYK 2012"},
        },
    }


def _actor(actor: Actor, t: Mapping[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@type": "Organization",
        "name": actor.name,
        "description": actor.description,
        "areaServed": (
            {"@type": "Country", "name": "Sverige"}
            if actor.nationwide
            else [{"@type": "AdministrativeArea", "name": c.label} for c in actor.counties]
        ),
    }
    if actor.website:
        data["sameAs"] = actor.website
    if actor.example:
        data["disambiguatingDescription"] = t["example"]["label"]
    return data


def _dataset(
    page: RenderedPage, href: Callable[[str], str], t: Mapping[str, Any]
) -> dict[str, Any]:
    files = [(PATHS_JSON, "application/json"), (ACTORS_JSON, "application/json")]
    files += [(file, "text/csv") for file in csv_files()]
    return {
        "@type": "Dataset",
        "name": page.title,
        "description": page.description,
        "inLanguage": "sv",
        "license": LICENCE["url"],
        "isAccessibleForFree": True,
        "creator": {"@type": "Organization", "name": t["site_name"]},
        "distribution": [
            {"@type": "DataDownload", "encodingFormat": kind, "contentUrl": href(file)}
            for file, kind in files
        ],
    }


def page_data(
    page: RenderedPage,
    items: Mapping[tuple[str, str], Any],
    t: Mapping[str, Any],
    absolute: Absolute,
) -> dict[str, Any]:
    """The schema.org description of one generated page; ``items`` from ``items_by_page``."""

    def href(target: str) -> str:
        return absolute(target) if absolute is not None else relative(target, page.url)

    item = items.get((page.kind, page.url))
    data: dict[str, Any]
    if page.kind == "home":
        data = {
            "@type": "WebSite",
            "name": t["site_name"],
            "description": page.description,
            "inLanguage": "sv",
            "potentialAction": {
                "@type": "SearchAction",
                "target": href(url_for("search")) + "?q={search_term_string}",
                "query-input": "required name=search_term_string",
            },
        }
    elif isinstance(item, Path):
        data = _path(item, href, t)
    elif isinstance(item, Occupation):
        data = _occupation(item, href(page.url))
    elif isinstance(item, Actor):
        data = _actor(item, t)
    elif page.kind == "data":
        data = _dataset(page, href, t)
    else:
        data = {"@type": "CollectionPage", "name": page.title, "description": page.description}
    return {"@context": CONTEXT, **data, "url": href(page.url)}


def items_by_page(site: SiteData) -> dict[tuple[str, str], Any]:
    """The item each first page of a path, occupation or actor shows, by (kind, url)."""
    items: dict[tuple[str, str], Any] = {}
    for path in site.content.paths.values():
        items[("path", url_for("path", path))] = path
    for summary in site.occupations.values():
        items[("occupation", url_for("occupation", summary.occupation))] = summary.occupation
    for actor in site.content.actors.values():
        items[("actor", url_for("actor", actor))] = actor
    return items


def with_linked_data(
    pages: list[RenderedPage], site: SiteData, t: Mapping[str, Any], absolute: Absolute
) -> list[RenderedPage]:
    """Every page with its JSON-LD block after its body."""
    items = items_by_page(site)
    return [
        dataclasses.replace(
            page, html=f"{page.html}\n{script(page_data(page, items, t, absolute))}"
        )
        for page in pages
    ]


def robots_txt(sitemap: str | None, *more: str) -> str:
    """robots.txt: everything may be crawled; the sitemap when its address is known, and
    ``more`` sitemaps (each interface language's site has its own).

    Crawlers read robots.txt only at the root of a host, so on a project site
    (``https://org.github.io/repo/``) this file is a pointer for people and for a later
    custom domain, and the sitemap is found through the search engines' own tools.
    """
    lines = ["User-agent: *", "Allow: /"]
    if sitemap:
        lines.append(f"Sitemap: {sitemap}")
        lines += [f"Sitemap: {other}" for other in more]
    return "\n".join(lines) + "\n"
