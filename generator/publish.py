"""Everything a build publishes besides its pages: open data, feeds, robots.txt, share image,
the plan button's texts.

Plain functions over the site data, as ``generator.site`` returns them in ``Site.files`` and
any engine writes them. The one fact they need from outside the content is the site's address
(MkDocs' ``site_url``, set by the Pages workflow): with it, links in the files are absolute;
without it they are relative where a reader resolves them (feeds, schemas) and site-relative in
the data records (``vagar/x/``), and there is no sitemap line in robots.txt.
"""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Callable, Mapping
from typing import Any

from generator.data_schemas import data_schema_files
from generator.enrich import SiteData
from generator.feeds import FEED, feeds, occupation_feed
from generator.linked_data import robots_txt
from generator.onward import PLAN_STRINGS_FILE, plan_strings_script
from generator.open_data import DATA_DIR, data_files
from generator.share_image import SHARE_IMAGE, share_image

SITEMAP = "sitemap.xml"


def build_time(now: datetime.datetime | None = None) -> str:
    """The build time as the files state it (ISO 8601, UTC, whole seconds).

    ``SOURCE_DATE_EPOCH`` (reproducible builds) wins when set, so that two builds of the same
    content can give the same bytes.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if now is None and epoch.isdigit():
        now = datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC)
    now = now or datetime.datetime.now(tz=datetime.UTC)
    return now.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def absolute_urls(site_url: str | None) -> Callable[[str], str] | None:
    """Site-relative URL -> absolute URL, when the site's address is known."""
    if not site_url:
        return None
    base = site_url if site_url.endswith("/") else site_url + "/"
    return lambda target: base + target


def published_files(
    site: SiteData,
    strings: Mapping[str, Any],
    site_url: str | None,
    generated: str,
    languages: tuple[str, ...] = (),
) -> dict[str, str | bytes]:
    """Every file besides the pages, by its path in the site; ``languages`` are the other
    interface languages' sites (``en``), whose sitemaps robots.txt names too."""
    absolute = absolute_urls(site_url)

    def record_url(target: str) -> str:
        return absolute(target) if absolute is not None else target

    def schema_url(name: str) -> str:
        # Relative to the data file (both are in data/), unless the address is known.
        return absolute(DATA_DIR + name) if absolute is not None else name

    files: dict[str, str | bytes] = {}
    files.update(data_files(site, record_url, generated, schema_url))
    files.update(
        data_schema_files(schema_url, absolute is not None, generated, strings["site_name"])
    )
    files.update(feeds(site, strings, generated, absolute))
    sitemaps = [absolute(f"{code}/{SITEMAP}") for code in languages] if absolute else []
    files["robots.txt"] = robots_txt(absolute(SITEMAP) if absolute else None, *sitemaps)
    files[SHARE_IMAGE] = share_image()
    files[PLAN_STRINGS_FILE] = plan_strings_script(strings)
    return files


_PAGE_NUMBER = re.compile(r"sida-\d+/$")


def page_feeds(
    pages: list[tuple[str, str]], site: SiteData, strings: Mapping[str, Any]
) -> dict[str, list[tuple[str, str]]]:
    """For each ``(kind, url)`` page: the feeds its head links to, as (feed, title): the
    site's, and on every page of an occupation's list also that occupation's own."""
    t = strings["feed"]
    occupations = {
        occupation_feed(s.occupation): s.occupation.label for s in site.occupations.values()
    }
    found: dict[str, list[tuple[str, str]]] = {}
    for kind, url in pages:
        feeds_here = [(FEED, str(t["link"]))]
        own = _PAGE_NUMBER.sub("", url) + FEED
        if kind == "occupation" and own in occupations:
            feeds_here.append((own, str(t["occupation_link"]).format(label=occupations[own])))
        found[url] = feeds_here
    return found
